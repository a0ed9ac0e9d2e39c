#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

#include "platform/migration.h"
#include "platform/result.h"
#include "platform/sql_value.h"
#include "platform/statement.h"
#include "platform/transaction.h"

struct sqlite3;

namespace facepos {
class StatementCache;
}

namespace facepos {

struct DatabaseOptions {
    // How long a statement waits for another connection's lock before failing with "db.busy".
    std::chrono::milliseconds busyTimeout{5000};
    // The schema history, oldest first, versions strictly ascending from 1. open() applies the pending ones.
    std::vector<Migration> migrations;
    // PRAGMA synchronous for this connection. FULL (the default) makes every commit durable across a power cut — the
    // terminal's rule for orders, payments and refunds. NORMAL (with WAL) may lose the last commits on a power cut but
    // never corrupts the file, and saves an fsync per commit; for stores whose contents can be rebuilt, such as the
    // sandbox backend, which commits twice per API call (the nonce, then the call).
    enum class Synchronous { Full, Normal };
    Synchronous synchronous = Synchronous::Full;
    // Open without write access: no directory or file is created, the journal mode is left as found, and a
    // file that still needs migrations is refused ("db.outdated") rather than upgraded.
    bool readOnly = false;
    // Run PRAGMA quick_check before using the file (time linear in its size). A second connection to a file its
    // process already checked (the sync worker's) skips it.
    bool checkIntegrity = true;
    // The registered SQLite VFS to open the file through; empty: the default (unix). Tests use this for file
    // systems that fill up or lose power (tests/support/test_vfs.h).
    QByteArray vfs;
};

// What Database::recover() could save from one table of the damaged file.
struct TableRecovery {
    QString table;
    qint64 rowsSalvaged = 0;
    // Rows known to have existed in the damaged file that could not be read or stored.
    qint64 rowsLost = 0;
    // False when whole pages were unreadable and the damaged file could not say how many rows they held:
    // rowsLost is then a lower bound.
    bool lossCountKnown = true;
};

struct RecoveryReport {
    // Where the damaged file (and its -wal/-shm) now lies, untouched, for inspection or a later retry.
    QString damagedCopyPath;
    // Every table of the new schema, in schema order.
    QList<TableRecovery> tables;

    qint64 rowsSalvaged() const;
    qint64 rowsLost() const;
    bool lossCountKnown() const;
};

// One connection to a SQLite database file (RAII over sqlite3*), configured for the terminal's durability rules:
// WAL journal, synchronous=FULL, foreign keys enforced, versioned migrations applied on open.
//
// Thread ownership: NOT thread-safe. A Database belongs to the one thread that opened it (in the application, the
// single database writer thread) and so do the Statements and Transactions it hands out, which must be destroyed
// before it. The connection is opened with SQLITE_OPEN_NOMUTEX, so there is no locking to rely on. Other
// threads or processes use their own connection; SQLite's file locks and the busy timeout arbitrate between them.
class Database {
public:
    // Opens (creating it and its directory if needed, unless read-only) and checks the file, then brings the schema
    // up to date. Errors: "db.open_failed" (path or OS problem), "db.not_a_database", "db.corrupt" (the caller
    // should offer recover()), "db.too_new" (software downgraded), "db.outdated" (read-only and behind),
    // "db.migration_failed", "db.wal_unavailable", "db.busy", "db.full", "db.misuse" (invalid migration list).
    static Result<Database> open(const QString& path, const DatabaseOptions& options);

    // Rebuilds a damaged database. No connection to `path` may be open. Creates a fresh database with the
    // migrations next to it ("<path>.recovering"), copies every readable row of every table of the new schema from
    // the damaged file (attached read-only), then moves the damaged file and its -wal/-shm aside to
    // "<path>.corrupt-<UTC timestamp>" and puts the new file in its place. The damaged file is never modified or
    // deleted, and until the final renames it stays where it was, so an interrupted recovery can simply be run
    // again. Salvaged rows keep their INTEGER PRIMARY KEY values and AUTOINCREMENT counters carry over; triggers do
    // not fire for them and foreign keys are not checked, because a record whose parent was lost is still worth
    // keeping. Errors: "db.recovery_failed" (no file, or a rename failed), "db.too_new" (the damaged file is from
    // newer software), and the errors of open() and of writing ("db.full") for the new file.
    static Result<RecoveryReport> recover(const QString& path, const DatabaseOptions& options);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // The absolute path of the database file.
    const QString& path() const { return m_path; }

    // Prepares exactly one statement; trailing statements are refused ("db.misuse") rather than ignored.
    Result<Statement> prepare(const QString& sql);
    // Prepares, binds `params` to positions 1..n and runs one statement to completion (rows are discarded).
    Result<void> execute(const QString& sql, std::initializer_list<SqlValue> params = {});
    // Runs every statement of a script in order, each prepared separately; statements may not have parameters.
    Result<void> executeScript(const QString& sql);
    // The first column of the first row, or nullopt when there is no row or the value is NULL.
    Result<std::optional<qint64>> queryInt64(const QString& sql, std::initializer_list<SqlValue> params = {});
    Result<std::optional<QString>> queryText(const QString& sql, std::initializer_list<SqlValue> params = {});

    // Starts a write transaction (BEGIN IMMEDIATE); "db.busy" if another connection keeps the write lock
    // beyond the busy timeout.
    Result<Transaction> begin();

    // The rowid of the last successful INSERT on this connection, and the rows changed by the last statement.
    qint64 lastInsertRowId() const;
    qint64 changes() const;
    // True while a transaction (begin(), or an explicit BEGIN) is open on this connection.
    bool inTransaction() const;
    // PRAGMA user_version: the last migration applied.
    Result<int> schemaVersion();

    // Copies the whole database to `path` with SQLite's online backup API, consistent as of one moment even while
    // this connection keeps working. The copy is written next to the target and renamed over it when complete,
    // so an existing backup is only replaced by a whole one.
    Result<void> backupTo(const QString& path);

private:
    Database(sqlite3* db, QString path);

    Result<void> checkIntegrity();
    Result<void> configure(const DatabaseOptions& options);
    Result<void> migrate(const DatabaseOptions& options);
    Result<void> applyMigration(const Migration& migration);
    Result<RecoveryReport> salvageFrom(const QString& damagedPath, int newestKnownVersion);
    Result<TableRecovery> salvageTable(const QString& table, bool withoutRowid);
    struct SalvageCounts;
    Result<void> salvageByRowid(const QString& source, const QString& target, const QString& columns,
                                SalvageCounts& counts);
    Result<void> salvageInScanOrder(const QString& source, const QString& target, const QStringList& columns,
                                    SalvageCounts& counts);
    Result<void> salvageSequences();
    Result<Statement> prepareUtf8(const char* sql, int length, const char** tail);
    bool hasStatement(const char* begin, const char* end);
    void close();

    sqlite3* m_db = nullptr;
    QString m_path;
    // Heap-allocated so its address survives moves of the Database: Statements point at it.
    std::unique_ptr<StatementCache> m_statements;
};

}  // namespace facepos
