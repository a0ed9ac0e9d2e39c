#pragma once

#include <QString>
#include <QStringList>

#include "platform/result.h"

namespace facepos {

// What the user asked for on the command line. Parsed before the Qt application object exists, because the
// choice of display platform (offscreen when there is no display) has to be made before it is created.
struct CommandLine {
    enum class Mode {
        Run,              // the kiosk application
        Demo,             // simulated devices; without a display, render the screens to PNG and exit
        SelfTest,         // load the QML, render one frame, exit 0 or 1 with the error
        RenderPage,       // render one page to a PNG offscreen
        RecoverDatabase,  // back up a corrupt database and salvage what can be read
        BenchStartup,     // report the first frame and the idle resident memory (used by the benchmark)
        Help,
        Version,
    };

    Mode mode = Mode::Run;
    QString configFile;     // --config FILE; empty means the default path
    QStringList overrides;  // --set key=value, in order
    QString page;           // --render-page NAME
    QString output;         // --output FILE (render-page) or --output DIR (demo screens)
    QString language;       // --language zh_CN|en, overrides ui.language for this run
    QString helpText;

    // Decided once at start-up, before the display platform is chosen: the process renders offscreen.
    bool offscreen = false;
};

Result<CommandLine> parseCommandLine(const QStringList& arguments);

// True when the process can open windows (X11, Wayland, or a platform named in QT_QPA_PLATFORM, such as eglfs).
bool hasDisplay();

}  // namespace facepos
