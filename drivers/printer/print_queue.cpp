#include "print_queue.h"

#include <fcntl.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>

#include "escpos_builder.h"
#include "platform/logging.h"

namespace facepos::drivers {

namespace {

constexpr char kMagic[] = "FPJOB1 ";

Error storageError(const QString& what, const QString& path) {
    return makeError(QStringLiteral("print.storage"),
                     QStringLiteral("Cannot %1 %2: the receipt queue needs a writable data folder; check free space "
                                    "and the permissions of data.dir.")
                         .arg(what, path));
}

// Makes a rename in `directory` durable: without it a power cut could undo the rename.
void syncDirectory(const QString& directory) {
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

QStringList jobFiles(const QString& directory) {
    QStringList names = QDir(directory).entryList({QStringLiteral("*.job")}, QDir::Files, QDir::Name);
    return names;
}

QString idOf(const QString& fileName) {
    return fileName.chopped(4);
}  // "0000000042.job" → "0000000042"

}  // namespace

PrintQueue::PrintQueue(Options options, IReceiptPrinter& printer, const IClock& clock, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_printer(printer), m_clock(clock) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PrintQueue::runDue);
}

QString PrintQueue::pendingPath(const QString& id) const {
    return QDir(m_options.directory).filePath(QStringLiteral("pending/%1.job").arg(id));
}

QString PrintQueue::printedPath(const QString& id) const {
    return QDir(m_options.directory).filePath(QStringLiteral("printed/%1.job").arg(id));
}

Result<void> PrintQueue::open() {
    const QDir root(m_options.directory);
    for (const char* sub : {"pending", "printed"}) {
        if (!root.mkpath(QString::fromLatin1(sub))) {
            return storageError(QStringLiteral("create the folder"), root.filePath(QString::fromLatin1(sub)));
        }
    }
    m_pending.clear();
    quint64 highest = 0;
    for (const char* sub : {"printed", "pending"}) {
        for (const QString& name : jobFiles(root.filePath(QString::fromLatin1(sub)))) {
            highest = std::max(highest, idOf(name).toULongLong());
        }
    }
    for (const QString& name : jobFiles(root.filePath(QStringLiteral("pending")))) {
        Result<std::pair<QString, QByteArray>> job = readJob(pendingPath(idOf(name)));
        if (!job) return job.error();
        m_pending.append(Job{idOf(name), job->first, 0});
    }
    m_nextSequence = highest + 1;
    m_nextAttempt = m_clock.steadyNow();
    m_lastError.reset();
    if (!m_pending.isEmpty()) {
        qCInfo(lcDrivers) << "receipt queue:" << m_pending.size() << "job(s) left from the last run";
        emit pendingCountChanged(pendingCount());
    }
    schedule();
    return {};
}

Result<void> PrintQueue::writeJob(const QString& path, const QString& label, const QByteArray& bytes) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return storageError(QStringLiteral("write"), path);
    QByteArray header = kMagic;
    header += label.toUtf8().toPercentEncoding();
    header += '\n';
    file.write(header);
    file.write(bytes);
    // commit() flushes, fsyncs and renames over the final name, so a job file is either whole or absent.
    if (!file.commit()) return storageError(QStringLiteral("write"), path);
    syncDirectory(QFileInfo(path).absolutePath());
    return {};
}

Result<std::pair<QString, QByteArray>> PrintQueue::readJob(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return storageError(QStringLiteral("read"), path);
    const QByteArray all = file.readAll();
    const qsizetype newline = all.indexOf('\n');
    if (!all.startsWith(kMagic) || newline < 0) {
        return makeError(QStringLiteral("print.storage"),
                         QStringLiteral("The queued receipt %1 is not a FacePOS print job: move it out of the folder "
                                        "and reprint the order from the order list.")
                             .arg(path));
    }
    const QString label = QString::fromUtf8(QByteArray::fromPercentEncoding(all.mid(7, newline - 7)));
    return std::pair<QString, QByteArray>{label, all.mid(newline + 1)};
}

Result<QString> PrintQueue::submit(const QByteArray& job, const QString& label) {
    const QString id = QStringLiteral("%1").arg(m_nextSequence, 10, 10, QLatin1Char('0'));
    if (auto written = writeJob(pendingPath(id), label, job); !written) return written.error();
    ++m_nextSequence;
    m_pending.append(Job{id, label, 0});
    emit pendingCountChanged(pendingCount());
    if (m_pending.size() == 1) m_nextAttempt = m_clock.steadyNow();
    schedule();
    return id;
}

Result<QString> PrintQueue::reprint(const QString& id) {
    Result<std::pair<QString, QByteArray>> job = readJob(printedPath(id));
    if (!job) {
        return makeError(QStringLiteral("print.unknown_job"),
                         QStringLiteral("Receipt %1 is no longer kept for reprinting (the newest %2 are): reprint it "
                                        "from the order list.")
                             .arg(id)
                             .arg(m_options.keepPrinted));
    }
    QByteArray bytes = job->second;
    const QByteArray header = EscPosBuilder().initialize().chineseMode(true).bytes();
    const QByteArray banner = EscPosBuilder()
                                  .align(Align::Center)
                                  .bold(true)
                                  .line(u"*** 重打小票 ***")
                                  .bold(false)
                                  .align(Align::Left)
                                  .bytes();
    // Under the job's own header, so the banner prints in Chinese mode; a job without it gets the banner first.
    bytes.insert(bytes.startsWith(header) ? header.size() : 0, banner);
    return submit(bytes, QStringLiteral("%1 (reprint)").arg(job->first));
}

void PrintQueue::runDue() {
    while (!m_pending.isEmpty() && m_clock.steadyNow() >= m_nextAttempt) {
        Job& head = m_pending.first();
        Result<std::pair<QString, QByteArray>> stored = readJob(pendingPath(head.id));
        Result<void> printed = stored ? m_printer.print(stored->second) : Result<void>(stored.error());
        if (!printed) {
            ++head.attempts;
            using std::chrono::milliseconds;
            const milliseconds backoff = std::min<milliseconds>(
                m_options.maxRetry, m_options.firstRetry * (milliseconds::rep(1) << std::min(head.attempts - 1, 20)));
            m_nextAttempt = m_clock.steadyNow() + backoff;
            m_lastError = printed.error();
            qCWarning(lcDrivers).noquote() << "receipt" << head.id << "not printed (attempt" << head.attempts
                                           << "):" << printed.error().code << printed.error().message;
            emit jobDelayed(head.id, printed.error().code, printed.error().message, qint64(backoff.count()));
            break;
        }
        const QString id = head.id;
        if (!QFile::rename(pendingPath(id), printedPath(id))) {
            // The paper is out of the printer; keeping the file in pending would print it again and again.
            QFile::remove(pendingPath(id));
            qCWarning(lcDrivers) << "receipt" << id << "printed but could not be kept for reprinting";
        }
        syncDirectory(QFileInfo(pendingPath(id)).absolutePath());
        syncDirectory(QFileInfo(printedPath(id)).absolutePath());
        m_pending.removeFirst();
        m_lastError.reset();
        m_nextAttempt = m_clock.steadyNow();
        emit jobPrinted(id);
        emit pendingCountChanged(pendingCount());
    }
    prunePrinted();
    schedule();
}

void PrintQueue::prunePrinted() {
    const QString folder = QDir(m_options.directory).filePath(QStringLiteral("printed"));
    QStringList names = jobFiles(folder);
    while (names.size() > m_options.keepPrinted) QFile::remove(QDir(folder).filePath(names.takeFirst()));
}

void PrintQueue::schedule() {
    if (!m_options.autoRun || m_pending.isEmpty()) {
        m_timer.stop();
        return;
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(m_nextAttempt - m_clock.steadyNow());
    m_timer.start(std::max<qint64>(0, wait.count()));
}

QStringList PrintQueue::pendingIds() const {
    QStringList ids;
    for (const Job& job : m_pending) ids.append(job.id);
    return ids;
}

QStringList PrintQueue::printedIds() const {
    QStringList ids;
    for (const QString& name : jobFiles(QDir(m_options.directory).filePath(QStringLiteral("printed")))) {
        ids.append(idOf(name));
    }
    return ids;
}

QString PrintQueue::label(const QString& id) const {
    for (const Job& job : m_pending) {
        if (job.id == id) return job.label;
    }
    Result<std::pair<QString, QByteArray>> job = readJob(printedPath(id));
    return job ? job->first : QString();
}

std::optional<std::chrono::steady_clock::time_point> PrintQueue::nextAttempt() const {
    if (m_pending.isEmpty()) return std::nullopt;
    return m_nextAttempt;
}

}  // namespace facepos::drivers
