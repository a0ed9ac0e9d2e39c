#include "sandbox/sandbox_cli.h"

#include <signal.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStringList>
#include <cstdio>

#include "platform/curl_http_client.h"
#include "sandbox/sandbox_server.h"

namespace facepos::sandbox {

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

void printError(const QString& message) {
    std::fprintf(stderr, "facepos-sandbox: %s\n", message.toLocal8Bit().constData());
}

int usage(const QString& problem) {
    printError(problem);
    std::fprintf(stderr,
                 "usage: facepos-sandbox serve --db FILE [--listen ADDR:PORT] [--tls [--cert FILE --key FILE]]\n"
                 "                              [--admin-token TOKEN] [--seed empty|demo] [--updates DIR]\n"
                 "                              [--allow-remote] [--log-level debug|info|warning]\n"
                 "       facepos-sandbox admin [--url URL] [--ca-file FILE] [--token TOKEN | --db FILE]\n"
                 "                              ACTION [key=value | key:=JSON] ...\n");
    return kExitUsage;
}

// Takes the value of option `args[i]` ("--db FILE"), advancing i; nullopt when it is missing.
std::optional<QString> optionValue(const QStringList& args, qsizetype& i) {
    if (i + 1 >= args.size()) return std::nullopt;
    return args[++i];
}

int serve(const QStringList& args) {
    SandboxOptions options;
    options.listen = QStringLiteral("127.0.0.1:8480");
    options.adminToken = qEnvironmentVariable("FACEPOS_SANDBOX_ADMIN_TOKEN");
    QString logLevel = QStringLiteral("info");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QStringLiteral("--tls")) {
            options.tls = true;
            continue;
        }
        if (arg == QStringLiteral("--allow-remote")) {
            options.allowRemote = true;
            continue;
        }
        const auto value = optionValue(args, i);
        if (!value) return usage(QStringLiteral("%1 needs a value").arg(arg));
        if (arg == QStringLiteral("--listen")) {
            options.listen = *value;
        } else if (arg == QStringLiteral("--db")) {
            options.dbPath = *value;
        } else if (arg == QStringLiteral("--cert")) {
            options.certFile = *value;
        } else if (arg == QStringLiteral("--key")) {
            options.keyFile = *value;
        } else if (arg == QStringLiteral("--admin-token")) {
            options.adminToken = *value;
        } else if (arg == QStringLiteral("--seed")) {
            options.seed = *value;
        } else if (arg == QStringLiteral("--updates")) {
            options.updatesDir = *value;
        } else if (arg == QStringLiteral("--log-level")) {
            logLevel = *value;
        } else {
            return usage(QStringLiteral("unknown option %1").arg(arg));
        }
    }
    if (options.dbPath.isEmpty()) return usage(QStringLiteral("--db FILE is required"));
    if (options.seed != QStringLiteral("empty") && options.seed != QStringLiteral("demo")) {
        return usage(QStringLiteral("--seed must be empty or demo"));
    }
    if (logLevel == QStringLiteral("debug")) {
        QLoggingCategory::setFilterRules(QStringLiteral("facepos.*.debug=true"));
    } else if (logLevel == QStringLiteral("warning")) {
        QLoggingCategory::setFilterRules(QStringLiteral("facepos.*.info=false\nfacepos.*.debug=false"));
    } else if (logLevel == QStringLiteral("info")) {
        QLoggingCategory::setFilterRules(QStringLiteral("facepos.*.debug=false"));
    } else {
        return usage(QStringLiteral("--log-level must be debug, info or warning"));
    }

    // Block the stop signals before any thread exists, so every thread inherits the mask and sigwait() below is the
    // only place they are received.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto server = SandboxServer::start(options);
    if (!server) {
        printError(server.error().message);
        return kExitFailure;
    }
    std::fprintf(stdout, "facepos-sandbox listening on %s\n", (*server)->url().toString().toUtf8().constData());
    std::fflush(stdout);
    int received = 0;
    sigwait(&stopSignals, &received);
    (*server)->stop();
    return 0;
}

int admin(const QStringList& args) {
    QString url = QStringLiteral("http://127.0.0.1:8480");
    QString caFile;
    QString token = qEnvironmentVariable("FACEPOS_SANDBOX_ADMIN_TOKEN");
    QString tokenOption;
    QString dbPath;
    QString action;
    QJsonObject body;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg.startsWith(QStringLiteral("--"))) {
            const auto value = optionValue(args, i);
            if (!value) return usage(QStringLiteral("%1 needs a value").arg(arg));
            if (arg == QStringLiteral("--url")) {
                url = *value;
            } else if (arg == QStringLiteral("--ca-file")) {
                caFile = *value;
            } else if (arg == QStringLiteral("--token")) {
                tokenOption = *value;
            } else if (arg == QStringLiteral("--db")) {
                dbPath = *value;
            } else {
                return usage(QStringLiteral("unknown option %1").arg(arg));
            }
            continue;
        }
        if (action.isEmpty()) {
            action = arg;
            continue;
        }
        const qsizetype jsonAt = arg.indexOf(QStringLiteral(":="));
        const qsizetype textAt = arg.indexOf(QLatin1Char('='));
        if (jsonAt > 0 && jsonAt < textAt + 1) {
            const QByteArray wrapped = "[" + arg.mid(jsonAt + 2).toUtf8() + "]";
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
            if (error.error != QJsonParseError::NoError) {
                return usage(QStringLiteral("%1: not valid JSON").arg(arg.left(jsonAt)));
            }
            body.insert(arg.left(jsonAt), document.array().first());
        } else if (textAt > 0) {
            body.insert(arg.left(textAt), arg.mid(textAt + 1));
        } else {
            return usage(QStringLiteral("'%1' is not key=value or key:=JSON").arg(arg));
        }
    }
    if (action.isEmpty()) return usage(QStringLiteral("ACTION is required"));
    if (!tokenOption.isEmpty()) {
        token = tokenOption;
    } else if (token.isEmpty() && !dbPath.isEmpty()) {
        QFile file(dbPath + QStringLiteral(".admin-token"));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            return kExitFailure;
        }
        token = QString::fromLatin1(file.readAll().trimmed());
    }
    if (token.isEmpty())
        return usage(QStringLiteral("no admin token: give --token, --db or FACEPOS_SANDBOX_ADMIN_TOKEN"));

    CurlHttpClientOptions clientOptions;
    clientOptions.caFile = caFile;
    auto client = CurlHttpClient::create(clientOptions);
    if (!client) {
        printError(client.error().message);
        return kExitFailure;
    }
    HttpRequest request;
    request.url = QUrl(url + QStringLiteral("/admin/v1/") + action);
    request.method = "POST";
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token.toLatin1()}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.timeout = std::chrono::seconds(60);
    QEventLoop loop;
    std::optional<Result<HttpResponse>> outcome;
    (*client)->send(request, &loop, [&](Result<HttpResponse> response) {
        outcome = std::move(response);
        loop.quit();
    });
    loop.exec();
    if (!outcome->ok()) {
        printError(QStringLiteral("%1: %2").arg(url, outcome->error().message));
        return kExitFailure;
    }
    const QJsonObject answer = QJsonDocument::fromJson(outcome->value().body).object();
    if (outcome->value().status != 200 || answer.value(QStringLiteral("code")).toInt(-1) != 0) {
        std::fprintf(stderr, "%s (%d): %s\n", answer.value(QStringLiteral("err_code")).toString().toUtf8().constData(),
                     answer.value(QStringLiteral("code")).toInt(outcome->value().status),
                     answer.value(QStringLiteral("msg")).toString().toUtf8().constData());
        return kExitFailure;
    }
    const QJsonValue data = answer.value(QStringLiteral("data"));
    const QByteArray printed =
        data.isObject() ? QJsonDocument(data.toObject()).toJson(QJsonDocument::Indented) : QByteArray("null\n");
    std::fwrite(printed.constData(), 1, static_cast<size_t>(printed.size()), stdout);
    return 0;
}

}  // namespace

int runSandboxCli(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) return usage(QStringLiteral("a command is required (serve or admin)"));
    const QString command = args.takeFirst();
    if (command == QStringLiteral("serve")) return serve(args);
    if (command == QStringLiteral("admin")) return admin(args);
    return usage(QStringLiteral("unknown command %1").arg(command));
}

}  // namespace facepos::sandbox
