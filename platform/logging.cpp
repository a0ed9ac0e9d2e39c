#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <cstdio>

#include "masking.h"
#include "settings.h"

namespace facepos {

Q_LOGGING_CATEGORY(lcApp, "facepos.app")
Q_LOGGING_CATEGORY(lcUi, "facepos.ui")
Q_LOGGING_CATEGORY(lcDb, "facepos.db")
Q_LOGGING_CATEGORY(lcHttp, "facepos.http")
Q_LOGGING_CATEGORY(lcCrypto, "facepos.crypto")
Q_LOGGING_CATEGORY(lcKeyStore, "facepos.keystore")
Q_LOGGING_CATEGORY(lcSettings, "facepos.settings")
Q_LOGGING_CATEGORY(lcDrivers, "facepos.drivers")
Q_LOGGING_CATEGORY(lcSync, "facepos.sync")
Q_LOGGING_CATEGORY(lcPayment, "facepos.payment")

namespace {

const char* const kFileName = "facepos.log";

// Guards s_sink and everything the installed sink owns. Held while a line is written, so lines never interleave.
QMutex s_mutex;
LogSink* s_sink = nullptr;
// The handler found at install(). Kept after uninstall() because a handler installed over ours may still call ours.
QtMessageHandler s_previous = nullptr;
// Set while this thread is inside the handler: a message raised by the writing itself goes to stderr instead of
// deadlocking on s_mutex.
thread_local bool t_inHandler = false;

// Qt's message types are not ordered by severity (QtInfoMsg is 4); this is.
int severity(QtMsgType type) {
    switch (type) {
        case QtDebugMsg:
            return 0;
        case QtInfoMsg:
            return 1;
        case QtWarningMsg:
            return 2;
        case QtCriticalMsg:
            return 3;
        case QtFatalMsg:
            return 4;
    }
    return 4;
}

int severity(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return 0;
        case LogLevel::Info:
            return 1;
        case LogLevel::Warning:
            return 2;
        case LogLevel::Critical:
            return 3;
    }
    return 1;
}

const char* levelWord(QtMsgType type) {
    switch (type) {
        case QtDebugMsg:
            return "debug";
        case QtInfoMsg:
            return "info";
        case QtWarningMsg:
            return "warning";
        case QtCriticalMsg:
            return "critical";
        case QtFatalMsg:
            return "fatal";
    }
    return "fatal";
}

void writeToStderr(const QByteArray& line) {
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

// Why `path` cannot be a directory we can create: names the nearest existing ancestor and what is wrong with it.
QString whyNoDirectory(const QString& path) {
    QFileInfo info(QDir::cleanPath(QDir(path).absolutePath()));
    while (!info.exists() && !info.isRoot()) info = QFileInfo(info.absolutePath());
    if (!info.isDir()) return QStringLiteral("%1 is not a directory").arg(info.absoluteFilePath());
    if (!info.isWritable()) return QStringLiteral("%1 is not writable").arg(info.absoluteFilePath());
    return QStringLiteral("the directory could not be created");
}

}  // namespace

LogOptions LogOptions::fromSettings(const Settings& settings) {
    LogOptions options;
    options.directory = QDir(settings.string(u"data.dir")).filePath(QStringLiteral("logs"));
    const QString level = settings.string(u"log.level");
    if (level == u"debug") {
        options.minimumLevel = LogLevel::Debug;
    } else if (level == u"warning") {
        options.minimumLevel = LogLevel::Warning;
    } else if (level == u"critical") {
        options.minimumLevel = LogLevel::Critical;
    } else {
        options.minimumLevel = LogLevel::Info;
    }
    options.maxFileBytes = qint64(settings.integer(u"log.max_file_kb")) * 1024;
    options.maxFiles = settings.integer(u"log.max_files");
    options.toStderr = settings.boolean(u"log.stderr");
    return options;
}

LogSink::LogSink(const LogOptions& options) : m_options(options) {}

LogSink::~LogSink() {
    uninstall();
}

Result<std::unique_ptr<LogSink>> LogSink::install(const LogOptions& options) {
    auto alreadyInstalled = [] {
        return makeError(QStringLiteral("log.already_installed"),
                         QStringLiteral("A log sink writing to %1 is already installed; uninstall it first.")
                             .arg(s_sink->m_file.fileName()));
    };
    {
        QMutexLocker lock(&s_mutex);
        if (s_sink) return alreadyInstalled();
    }

    if (options.directory.isEmpty() || !QDir().mkpath(options.directory)) {
        const QString reason =
            options.directory.isEmpty() ? QStringLiteral("no directory was given") : whyNoDirectory(options.directory);
        return makeError(QStringLiteral("log.directory_unavailable"),
                         QStringLiteral("Cannot create the log directory '%1': %2. Check data.dir in the "
                                        "configuration and that its storage is mounted and writable.")
                             .arg(options.directory, reason));
    }
    std::unique_ptr<LogSink> sink(new LogSink(options));
    sink->m_file.setFileName(QDir(options.directory).filePath(QLatin1String(kFileName)));
    if (!sink->m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        return makeError(QStringLiteral("log.file_unwritable"),
                         QStringLiteral("Cannot open the log file %1 for writing: %2. Check the permissions of %3 "
                                        "and that its storage is not full or read-only.")
                             .arg(sink->m_file.fileName(), sink->m_file.errorString(), options.directory));
    }
    sink->m_size = sink->m_file.size();

    QMutexLocker lock(&s_mutex);  // released before `sink` is destroyed on the error path below
    if (s_sink) return alreadyInstalled();
    s_sink = sink.get();
    sink->m_previous = qInstallMessageHandler(&LogSink::handleMessage);
    s_previous = sink->m_previous;
    sink->m_installed = true;
    return sink;
}

void LogSink::uninstall() {
    // m_installed changes only in install() and here, both on the owning thread: no lock needed to read it.
    if (!m_installed) return;
    QMutexLocker lock(&s_mutex);
    const QtMessageHandler current = qInstallMessageHandler(m_previous);
    if (current != &LogSink::handleMessage) {
        // Someone installed a handler over ours; leave theirs in place. It may still call ours, which then
        // forwards to s_previous.
        qInstallMessageHandler(current);
    }
    s_sink = nullptr;
    m_installed = false;
    m_file.close();
}

QString LogSink::filePath() const {
    return m_file.fileName();
}

void LogSink::handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (t_inHandler) {
        writeToStderr(maskDigitRuns(message).toUtf8() + '\n');
        return;
    }
    t_inHandler = true;
    {
        QMutexLocker lock(&s_mutex);
        if (s_sink) {
            s_sink->write(type, context.category, message);
        } else if (s_previous) {
            s_previous(type, context, maskDigitRuns(message));
        }
    }
    t_inHandler = false;
}

void LogSink::write(QtMsgType type, const char* category, const QString& message) {
    if (severity(type) < severity(m_options.minimumLevel)) return;

    QString text = maskDigitRuns(message);
    text.replace(u'\n', QLatin1String("\\n")).replace(u'\r', QLatin1String("\\r"));
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' +
                            levelWord(type) + ' ' + (category ? category : "default") + ": " + text.toUtf8() + '\n';

    if (m_size > 0 && m_size + line.size() > m_options.maxFileBytes) rotate();
    const bool written = m_file.isOpen() && m_file.write(line) == line.size() && m_file.flush();
    if (written) {
        m_size += line.size();
        m_reportedWriteFailure = false;
    } else if (!m_reportedWriteFailure) {
        // Reported once per failure spell: repeating it on every line would flood stderr while the disk is full.
        m_reportedWriteFailure = true;
        writeToStderr(QStringLiteral("facepos: cannot write the log file %1: %2; log lines go to stderr.\n")
                          .arg(m_file.fileName(), m_file.errorString())
                          .toUtf8());
    }
    if (m_options.toStderr || type == QtFatalMsg || !written) writeToStderr(line);
}

void LogSink::rotate() {
    const QString base = m_file.fileName();
    m_file.close();
    auto numbered = [&base](int n) { return base + u'.' + QString::number(n); };
    if (m_options.maxFiles < 1) {
        QFile::remove(base);
    } else {
        QFile::remove(numbered(m_options.maxFiles));
        for (int n = m_options.maxFiles - 1; n >= 1; --n) {
            if (QFile::exists(numbered(n))) QFile::rename(numbered(n), numbered(n + 1));
        }
        QFile::rename(base, numbered(1));
    }
    // If the rename failed the file is reopened and keeps growing: losing size control beats losing lines.
    m_file.setFileName(base);
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append)) m_size = m_file.size();
}

}  // namespace facepos
