#pragma once

#include <QFile>
#include <QLoggingCategory>
#include <QString>
#include <QtGlobal>
#include <memory>

#include "result.h"

namespace facepos {

class Settings;

// The project's logging categories. Log through these (qCInfo(lcPayment) << …), never through bare qDebug(), so
// that a line says which part of the terminal wrote it and QT_LOGGING_RULES can select parts.
Q_DECLARE_LOGGING_CATEGORY(lcApp)       // facepos.app: start-up, shutdown, application state
Q_DECLARE_LOGGING_CATEGORY(lcUi)        // facepos.ui: view models, navigation
Q_DECLARE_LOGGING_CATEGORY(lcDb)        // facepos.db: database, migrations
Q_DECLARE_LOGGING_CATEGORY(lcHttp)      // facepos.http: transport to the backend
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)    // facepos.crypto
Q_DECLARE_LOGGING_CATEGORY(lcKeyStore)  // facepos.keystore: device keys and secrets (never their values)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)  // facepos.settings
Q_DECLARE_LOGGING_CATEGORY(lcDrivers)   // facepos.drivers: camera, scanner, keypad, printer, drawer, audio
Q_DECLARE_LOGGING_CATEGORY(lcSync)      // facepos.sync: outbox worker
Q_DECLARE_LOGGING_CATEGORY(lcPayment)   // facepos.payment: checkout, payment orchestration, refunds

enum class LogLevel { Debug, Info, Warning, Critical };

struct LogOptions {
    QString directory;  // created if missing; the log is <directory>/facepos.log
    LogLevel minimumLevel = LogLevel::Info;
    qint64 maxFileBytes = qint64(1024) * 1024;  // facepos.log is rotated before a line would take it past this size
    int maxFiles = 5;  // rotated files kept besides facepos.log: facepos.log.1 (newest) … .N; 0 keeps none
    bool toStderr = true;

    // log.level, log.max_file_kb, log.max_files and log.stderr; the directory is <data.dir>/logs.
    static LogOptions fromSettings(const Settings& settings);
};

// The process-wide Qt message handler: every qDebug/qCInfo/qWarning/… of any thread ends up here and is written
// as one line "2024-05-01T08:30:00.123Z info facepos.payment: message" to <directory>/facepos.log (and to stderr
// when enabled), below the minimum level dropped. Line breaks in a message are escaped (\n) so a line is always one
// record and scanned input cannot forge records. Runs of 13 or more digits are masked (maskDigitRuns) as a backstop
// against payment codes reaching the log.
//
// At most one sink is installed at a time. Writing is serialised by a mutex, so any thread may log; install() and
// uninstall() belong to the thread that owns the application's lifetime (main).
class LogSink {
public:
    // Creates the directory, opens the log for appending and installs the handler. Errors: log.already_installed,
    // log.directory_unavailable (cannot be created), log.file_unwritable (facepos.log cannot be opened for writing);
    // the messages name the path. Until install() succeeds, Qt's default handler stays in place.
    static Result<std::unique_ptr<LogSink>> install(const LogOptions& options);

    ~LogSink();  // uninstalls
    LogSink(const LogSink&) = delete;
    LogSink& operator=(const LogSink&) = delete;

    // Restores the handler that was installed before install(). Idempotent.
    void uninstall();

    QString filePath() const;

private:
    explicit LogSink(const LogOptions& options);

    static void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message);
    void write(QtMsgType type, const char* category, const QString& message);
    void rotate();

    // Owned by the thread inside handleMessage(), under the sink mutex.
    LogOptions m_options;
    QFile m_file;
    qint64 m_size = 0;
    bool m_reportedWriteFailure = false;

    QtMessageHandler m_previous = nullptr;
    bool m_installed = false;
};

}  // namespace facepos
