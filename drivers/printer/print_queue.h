#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <optional>

#include "ireceiptprinter.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::drivers {

// Receipts waiting for the printer, kept on disk so that none is lost: not to paper out, a printer that is off or
// stops answering mid-job, a crash or a power cut.
//
// Storage is one file per job in <directory>/pending, written with QSaveFile (temporary file, fsync, rename) and the
// directory fsynced, before submit() returns; a printed job is renamed into <directory>/printed, where the newest
// `keepPrinted` stay for reprints. Files rather than the terminal's SQLite database, because a job is an opaque
// blob owned by the printer thread alone: files keep it off the database's single writer thread, need no schema
// migration in a driver, and survive a database that had to be recovered.
//
// Guarantees: jobs print in submission order, each at least once. A job leaves `pending` only after the printer
// confirmed it (status checked after the data), so a power cut between the paper and the rename prints it twice —
// never zero times. When a job fails, the queue stops (later receipts wait behind it, in order) and retries after a
// backoff that doubles from `firstRetry` up to `maxRetry`, for ever: paper out and cover open need a person, and
// the job must print when the person is done.
//
// Thread ownership: a PrintQueue lives on the printer thread together with its printer; its calls block for as long
// as the printer does. The clock may be shared (IClock is thread-safe).
class PrintQueue final : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString directory;
        std::chrono::milliseconds firstRetry{2000};
        std::chrono::milliseconds maxRetry{60000};
        int keepPrinted = 50;
        bool autoRun = true;  // false: only runDue() prints (tests drive the queue with a ManualClock)
    };

    PrintQueue(Options options, IReceiptPrinter& printer, const IClock& clock, QObject* parent = nullptr);

    // Creates the folders and loads the jobs left pending by an earlier run, in order. Errors: print.storage (the
    // message names the folder).
    Result<void> open();

    // Stores the job durably and returns its id; printing happens in runDue() (at once when autoRun).
    Result<QString> submit(const QByteArray& job, const QString& label);

    // Queues a printed job again with a "重打小票" (reprint) banner under its header. Errors: print.unknown_job.
    Result<QString> reprint(const QString& id);

    // Prints the jobs that are due, in order, and stops at the first failure (which sets the next attempt).
    void runDue();

    int pendingCount() const { return int(m_pending.size()); }
    QStringList pendingIds() const;
    QStringList printedIds() const;  // oldest first
    QString label(const QString& id) const;
    // The reason the head job is waiting, with the printer's message for the cashier; empty when nothing waits.
    std::optional<Error> lastError() const { return m_lastError; }
    // When the head job is retried; empty when nothing waits.
    std::optional<std::chrono::steady_clock::time_point> nextAttempt() const;

signals:
    void jobPrinted(const QString& id);
    void jobDelayed(const QString& id, const QString& code, const QString& message, qint64 retryInMs);
    void pendingCountChanged(int count);

private:
    struct Job {
        QString id;
        QString label;
        int attempts = 0;
    };

    QString pendingPath(const QString& id) const;
    QString printedPath(const QString& id) const;
    Result<void> writeJob(const QString& path, const QString& label, const QByteArray& bytes) const;
    static Result<std::pair<QString, QByteArray>> readJob(const QString& path);
    void prunePrinted();
    void schedule();

    Options m_options;
    IReceiptPrinter& m_printer;
    const IClock& m_clock;
    QList<Job> m_pending;
    quint64 m_nextSequence = 1;
    std::chrono::steady_clock::time_point m_nextAttempt{};
    std::optional<Error> m_lastError;
    QTimer m_timer;
};

}  // namespace facepos::drivers
