#include "command_line.h"

#include <QCommandLineParser>

namespace facepos {

Result<CommandLine> parseCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FacePOS face-pay terminal"));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Print the software version."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Configuration file (default /etc/facepos/facepos.conf)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("Override one setting, e.g. --set ui.language=en. Repeatable."),
                                 QStringLiteral("KEY=VALUE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Run with simulated devices. Without a display, render the "
                                                 "screens to PNG files and print where they are."));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load the user interface, render one frame and exit: 0 when "
                                                     "it works, 1 with the error."));
    const QCommandLineOption renderPage(QStringLiteral("render-page"),
                                        QStringLiteral("Render one page (e.g. HomePage) offscreen to --output."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("PNG file for --render-page, or folder for the demo screens."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("UI language for this run: zh_CN or en."), QStringLiteral("CODE"));
    const QCommandLineOption recover(QStringLiteral("recover-database"),
                                     QStringLiteral("Move a damaged database aside (kept as a backup), create a new "
                                                    "one and copy every readable record into it."));
    const QCommandLineOption bench(QStringLiteral("bench-startup"),
                                   QStringLiteral("Print the time to the first rendered frame and the idle "
                                                  "resident memory, then exit (used by the benchmark)."));
    parser.addOptions({help, version, config, set, demo, selfTest, renderPage, output, language, recover, bench});

    if (!parser.parse(arguments)) {
        return makeError(QStringLiteral("cli.bad_arguments"),
                         parser.errorText() + QStringLiteral(". Run 'facepos --help' for the options."));
    }
    if (!parser.positionalArguments().isEmpty()) {
        return makeError(QStringLiteral("cli.bad_arguments"),
                         QStringLiteral("Unexpected argument '%1'. Run 'facepos --help' for the options.")
                             .arg(parser.positionalArguments().constFirst()));
    }

    CommandLine cl;
    cl.configFile = parser.value(config);
    cl.overrides = parser.values(set);
    cl.output = parser.value(output);
    cl.language = parser.value(language);
    cl.helpText = parser.helpText();

    int modes = 0;
    auto pick = [&](const QCommandLineOption& option, CommandLine::Mode mode) {
        if (!parser.isSet(option)) return;
        cl.mode = mode;
        ++modes;
    };
    pick(demo, CommandLine::Mode::Demo);
    pick(selfTest, CommandLine::Mode::SelfTest);
    pick(renderPage, CommandLine::Mode::RenderPage);
    pick(recover, CommandLine::Mode::RecoverDatabase);
    pick(bench, CommandLine::Mode::BenchStartup);
    if (modes > 1) {
        return makeError(QStringLiteral("cli.bad_arguments"),
                         QStringLiteral("Choose one of --demo, --self-test, --render-page, --recover-database and "
                                        "--bench-startup."));
    }
    if (parser.isSet(version)) cl.mode = CommandLine::Mode::Version;
    if (parser.isSet(help)) cl.mode = CommandLine::Mode::Help;

    if (cl.mode == CommandLine::Mode::RenderPage) {
        cl.page = parser.value(renderPage);
        if (cl.output.isEmpty()) {
            return makeError(QStringLiteral("cli.bad_arguments"),
                             QStringLiteral("--render-page needs --output FILE.png."));
        }
    }
    return cl;
}

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

}  // namespace facepos
