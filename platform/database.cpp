#include "platform/database.h"

#include <sqlite3.h>

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include "platform/database_support.h"
#include "platform/statement_cache.h"

namespace facepos {

using dbsupport::lcDatabase;

namespace {

Result<void> validateMigrations(const std::vector<Migration>& migrations) {
    int previous = 0;
    for (const Migration& migration : migrations) {
        if (migration.name == nullptr || migration.sql == nullptr || migration.version <= previous) {
            return makeError(QStringLiteral("db.misuse"),
                             QStringLiteral("The schema migration list is invalid at version %1: versions must "
                                            "ascend strictly from 1 and every migration needs a name and SQL. This "
                                            "is a software defect to report.")
                                 .arg(migration.version));
        }
        previous = migration.version;
    }
    return {};
}

int newestVersion(const std::vector<Migration>& migrations) {
    return migrations.empty() ? 0 : migrations.back().version;
}

// The codes of conditions outside the migration itself, which the caller handles the same way wherever they occur.
bool isEnvironmental(const Error& error) {
    return error.code == QLatin1String("db.full") || error.code == QLatin1String("db.busy") ||
           error.code == QLatin1String("db.corrupt");
}

Error openFailed(const QString& path, const QString& reason) {
    return makeError(QStringLiteral("db.open_failed"),
                     QStringLiteral("The database %1 cannot be opened: %2. Check the configured data path and that "
                                    "the storage is mounted and writable.")
                         .arg(path, reason));
}

// Opens a raw connection. SQLITE_OPEN_URI lets recovery ATTACH the damaged file as a read-only URI; plain paths
// are always absolute here, so they are never mistaken for URIs.
Result<sqlite3*> openConnection(const QString& path, bool readOnly, const QByteArray& vfs = {}) {
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_URI;
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, vfs.isEmpty() ? nullptr : vfs.constData());
    if (rc == SQLITE_OK) return db;
    const int systemError = db != nullptr ? sqlite3_system_errno(db) : 0;
    const QString reason = systemError != 0 ? dbsupport::osReason(systemError) : QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close(db);  // A failed open still allocates a handle (or leaves it null, which close accepts).
    return openFailed(path, reason);
}

Error notADatabase(const QString& path) {
    return makeError(QStringLiteral("db.not_a_database"),
                     QStringLiteral("The file %1 is not a SQLite database. Check that the configured database path is "
                                    "right; if it is, the file is damaged beyond repair: run database recovery, which "
                                    "keeps the file aside and starts a new database.")
                         .arg(path));
}

// SQLite takes a non-empty file shorter than one page for an empty database and would write over it, so a file
// that does not start with SQLite's header is refused before SQLite sees it. Longer files are judged by SQLite.
Result<void> checkHeader(const QString& path) {
    static constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with the terminating NUL, as in the file
    QFile file(path);
    if (!file.exists() || file.size() == 0) return {};
    if (!file.open(QIODevice::ReadOnly)) return openFailed(path, file.errorString());
    const QByteArray header = file.read(sizeof(kMagic));
    if (header != QByteArray(kMagic, sizeof(kMagic))) return notADatabase(path);
    return {};
}

}  // namespace

qint64 RecoveryReport::rowsSalvaged() const {
    qint64 total = 0;
    for (const TableRecovery& table : tables) total += table.rowsSalvaged;
    return total;
}

qint64 RecoveryReport::rowsLost() const {
    qint64 total = 0;
    for (const TableRecovery& table : tables) total += table.rowsLost;
    return total;
}

bool RecoveryReport::lossCountKnown() const {
    return std::all_of(tables.cbegin(), tables.cend(), [](const TableRecovery& table) { return table.lossCountKnown; });
}

Result<Database> Database::open(const QString& path, const DatabaseOptions& options) {
    if (auto valid = validateMigrations(options.migrations); !valid) return valid.error();
    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    if (!options.readOnly) {
        if (auto created = dbsupport::ensureParentDirectory(absolutePath); !created) return created.error();
    }
    if (auto header = checkHeader(absolutePath); !header) return header.error();
    auto connection = openConnection(absolutePath, options.readOnly, options.vfs);
    if (!connection) return connection.error();
    Database db(*connection, absolutePath);
    sqlite3_busy_timeout(db.m_db, static_cast<int>(options.busyTimeout.count()));

    if (options.checkIntegrity) {
        if (auto checked = db.checkIntegrity(); !checked) return checked.error();
    }
    if (auto configured = db.configure(options); !configured) return configured.error();
    if (auto migrated = db.migrate(options); !migrated) return migrated.error();
    return db;
}

// PRAGMA quick_check rather than integrity_check: it verifies every page's b-tree structure, cell layout, overflow
// chains and the free list (the structures that power loss and worn flash damage) in time linear in the file size.
// integrity_check also cross-checks every index entry against its table row (O(N log N)), which on a terminal's
// ever-growing journal would slow every start-up for index drift that does not arise without page damage. The
// check runs before anything is written, so a damaged file is refused untouched.
Result<void> Database::checkIntegrity() {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(m_db, "PRAGMA quick_check(5)", -1, &raw, nullptr);
    Statement check(raw);
    QStringList problems;
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        rc = sqlite3_step(raw);
        if (rc == SQLITE_ROW) {
            problems << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0)));
        }
    }
    if ((rc & 0xff) == SQLITE_NOTADB) return notADatabase(m_path);
    if (rc != SQLITE_DONE) {
        return dbsupport::sqliteError(m_db, rc, m_path, QStringLiteral("the start-up integrity check"));
    }
    if (problems.size() == 1 && problems.front() == QLatin1String("ok")) return {};
    qCWarning(lcDatabase) << "Integrity check of" << m_path << "failed:" << problems;
    return makeError(QStringLiteral("db.corrupt"),
                     QStringLiteral("The database %1 is damaged (%2). Run database recovery: it keeps the damaged "
                                    "file aside and copies every readable record into a new database.")
                         .arg(m_path, problems.value(0)));
}

Result<void> Database::configure(const DatabaseOptions& options) {
    if (!options.readOnly) {
        auto mode = queryText(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!mode) return mode.error();
        if (mode->value_or(QString()).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            return makeError(QStringLiteral("db.wal_unavailable"),
                             QStringLiteral("The database %1 could not be switched to write-ahead logging (its "
                                            "journal mode stayed \"%2\"). Keep the data directory on local storage "
                                            "that supports shared memory and file locking, not on a network share.")
                                 .arg(m_path, mode->value_or(QString())));
        }
    }
    const QString synchronousPragma = options.synchronous == DatabaseOptions::Synchronous::Normal
                                          ? QStringLiteral("PRAGMA synchronous = NORMAL")
                                          : QStringLiteral("PRAGMA synchronous = FULL");
    if (auto synchronous = execute(synchronousPragma); !synchronous) {
        return synchronous.error();
    }
    if (auto foreignKeys = execute(QStringLiteral("PRAGMA foreign_keys = ON")); !foreignKeys) {
        return foreignKeys.error();
    }
    // The pragma is silently ignored by builds without foreign key support.
    auto enforced = queryInt64(QStringLiteral("PRAGMA foreign_keys"));
    if (!enforced) return enforced.error();
    if (enforced->value_or(0) != 1) {
        return makeError(QStringLiteral("db.error"),
                         QStringLiteral("The SQLite library in use cannot enforce foreign keys, so the database %1 "
                                        "is not opened. Install the system's standard libsqlite3.")
                             .arg(m_path));
    }
    return {};
}

Result<void> Database::migrate(const DatabaseOptions& options) {
    auto current = schemaVersion();
    if (!current) return current.error();
    const int newest = newestVersion(options.migrations);
    if (*current > newest) {
        return makeError(QStringLiteral("db.too_new"),
                         QStringLiteral("The database %1 has schema version %2, but this software only knows "
                                        "versions up to %3: the software was downgraded. Install the newer software "
                                        "version again; the database is left unchanged.")
                             .arg(m_path, QString::number(*current), QString::number(newest)));
    }
    if (*current == newest) return {};
    if (options.readOnly) {
        return makeError(QStringLiteral("db.outdated"),
                         QStringLiteral("The database %1 has schema version %2 and needs upgrading to %3, which a "
                                        "read-only connection cannot do. Start the terminal application normally "
                                        "once so it upgrades the database.")
                             .arg(m_path, QString::number(*current), QString::number(newest)));
    }
    for (const Migration& migration : options.migrations) {
        if (migration.version <= *current) continue;
        if (auto applied = applyMigration(migration); !applied) {
            const Error& cause = applied.error();
            return makeError(isEnvironmental(cause) ? cause.code : QStringLiteral("db.migration_failed"),
                             QStringLiteral("Schema migration %1 (%2) could not be applied to the database %3, "
                                            "which stays at schema version %4 with its data unchanged. Cause: %5")
                                 .arg(QString::number(migration.version), QString::fromUtf8(migration.name), m_path,
                                      QString::number(*current), cause.message));
        }
        *current = migration.version;
        qCInfo(lcDatabase) << "Applied schema migration" << migration.version << migration.name << "to" << m_path;
    }
    return {};
}

Result<void> Database::applyMigration(const Migration& migration) {
    auto transaction = begin();
    if (!transaction) return transaction.error();
    if (auto script = executeScript(QString::fromUtf8(migration.sql)); !script) return script.error();
    // PRAGMA takes no parameters; the value is the migration's own compile-time version number.
    if (auto version = execute(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)); !version) {
        return version.error();
    }
    return transaction->commit();
}

Database::Database(sqlite3* db, QString path)
    : m_db(db), m_path(std::move(path)), m_statements(std::make_unique<StatementCache>()) {}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_path(std::move(other.m_path)),
      m_statements(std::move(other.m_statements)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_statements = std::move(other.m_statements);
    }
    return *this;
}

Database::~Database() {
    close();
}

// sqlite3_close_v2 defers the close until every Statement is finalized, so a contract violation cannot leave a
// dangling connection. When the last connection closes, SQLite checkpoints the WAL and removes -wal and -shm.
void Database::close() {
    m_statements.reset();  // finalizes the idle statements; Statements in use must be gone already (see the class)
    if (m_db == nullptr) return;
    if (const int rc = sqlite3_close_v2(std::exchange(m_db, nullptr)); rc != SQLITE_OK) {
        qCWarning(lcDatabase) << "Closing" << m_path << "failed with SQLite code" << rc;
    }
}

Result<Statement> Database::prepareUtf8(const char* sql, int length, const char** tail) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql, length, &raw, tail);
    if (rc != SQLITE_OK) {
        return dbsupport::sqliteError(
            m_db, rc, m_path,
            QStringLiteral("preparing \"%1\"").arg(dbsupport::abbreviated(QString::fromUtf8(sql, length))));
    }
    return Statement(raw);
}

// Whether [begin, end) holds another statement, as opposed to nothing but whitespace, comments and semicolons.
bool Database::hasStatement(const char* begin, const char* end) {
    while (begin != nullptr && begin < end) {
        sqlite3_stmt* extra = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v2(m_db, begin, static_cast<int>(end - begin), &extra, &tail);
        const bool found = rc != SQLITE_OK || extra != nullptr;
        sqlite3_finalize(extra);
        if (found) return true;
        if (tail == nullptr || tail <= begin) return false;
        begin = tail;
    }
    return false;
}

Result<Statement> Database::prepare(const QString& sql) {
    const QByteArray utf8 = sql.toUtf8();
    if (m_statements) {
        if (sqlite3_stmt* cached = m_statements->take(utf8)) return Statement(cached, m_statements.get());
    }
    const char* tail = nullptr;
    auto statement = prepareUtf8(utf8.constData(), static_cast<int>(utf8.size()), &tail);
    if (!statement) return statement;
    if (statement->m_statement == nullptr || hasStatement(tail, utf8.constData() + utf8.size())) {
        return makeError(QStringLiteral("db.misuse"),
                         QStringLiteral("The program used the database %1 incorrectly: prepare() needs exactly one "
                                        "SQL statement, got \"%2\". This is a software defect to report.")
                             .arg(m_path, dbsupport::abbreviated(sql)));
    }
    statement->m_cache = m_statements.get();
    return statement;
}

Result<void> Database::execute(const QString& sql, std::initializer_list<SqlValue> params) {
    auto statement = prepare(sql);
    if (!statement) return statement.error();
    if (auto bound = statement->bindAll(params); !bound) return bound.error();
    for (;;) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) return {};
    }
}

Result<void> Database::executeScript(const QString& sql) {
    const QByteArray utf8 = sql.toUtf8();
    const char* next = utf8.constData();
    const char* const end = next + utf8.size();
    while (next < end) {
        const char* tail = nullptr;
        auto statement = prepareUtf8(next, static_cast<int>(end - next), &tail);
        if (!statement) return statement.error();
        if (tail == nullptr || tail <= next) break;
        next = tail;
        if (statement->m_statement == nullptr) continue;  // Only whitespace or comments.
        if (statement->parameterCount() != 0) {
            return makeError(QStringLiteral("db.misuse"),
                             QStringLiteral("The program used the database %1 incorrectly: a script statement has "
                                            "parameters (\"%2\"). This is a software defect to report.")
                                 .arg(m_path, dbsupport::abbreviated(statement->sql())));
        }
        for (;;) {
            auto row = statement->step();
            if (!row) return row.error();
            if (!*row) break;
        }
    }
    return {};
}

Result<std::optional<qint64>> Database::queryInt64(const QString& sql, std::initializer_list<SqlValue> params) {
    auto statement = prepare(sql);
    if (!statement) return statement.error();
    if (auto bound = statement->bindAll(params); !bound) return bound.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row || statement->columnIsNull(0)) return std::optional<qint64>();
    return std::optional<qint64>(statement->columnInt64(0));
}

Result<std::optional<QString>> Database::queryText(const QString& sql, std::initializer_list<SqlValue> params) {
    auto statement = prepare(sql);
    if (!statement) return statement.error();
    if (auto bound = statement->bindAll(params); !bound) return bound.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row || statement->columnIsNull(0)) return std::optional<QString>();
    return std::optional<QString>(statement->columnText(0));
}

Result<Transaction> Database::begin() {
    if (auto begun = dbsupport::runStatement(m_db, "BEGIN IMMEDIATE"); !begun) return begun.error();
    return Transaction(m_db);
}

qint64 Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

bool Database::inTransaction() const {
    return m_db != nullptr && sqlite3_get_autocommit(m_db) == 0;
}

qint64 Database::changes() const {
    return sqlite3_changes64(m_db);
}

Result<int> Database::schemaVersion() {
    auto version = queryInt64(QStringLiteral("PRAGMA user_version"));
    if (!version) return version.error();
    return static_cast<int>(version->value_or(0));
}

Result<void> Database::backupTo(const QString& path) {
    const QString target = QFileInfo(path).absoluteFilePath();
    if (target == m_path) {
        return makeError(QStringLiteral("db.misuse"),
                         QStringLiteral("The database %1 cannot be backed up onto itself; choose another backup "
                                        "path.")
                             .arg(m_path));
    }
    if (auto created = dbsupport::ensureParentDirectory(target); !created) return created.error();
    const QString partial = target + QStringLiteral(".partial");
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        std::error_code ignored;  // Leftovers of an interrupted backup; absent ones are fine.
        std::filesystem::remove(dbsupport::toFsPath(partial + QLatin1String(suffix)), ignored);
    }

    auto connection = openConnection(partial, false);
    if (!connection) return connection.error();
    sqlite3* destination = *connection;
    const QString what = QStringLiteral("backing up %1").arg(m_path);
    std::optional<Error> error;
    if (sqlite3_backup* backup = sqlite3_backup_init(destination, "main", m_db, "main")) {
        // One pass: this connection is the only writer, so there is no one to let in between steps.
        const int stepRc = sqlite3_backup_step(backup, -1);
        const int finishRc = sqlite3_backup_finish(backup);
        if (stepRc != SQLITE_DONE)
            error = dbsupport::sqliteError(destination, finishRc != SQLITE_OK ? finishRc : stepRc, target, what);
    } else {
        error = dbsupport::sqliteError(destination, sqlite3_errcode(destination), target, what);
    }
    const int closeRc = sqlite3_close(destination);
    if (!error && closeRc != SQLITE_OK) error = dbsupport::sqliteError(nullptr, closeRc, target, what);
    if (!error) {
        std::error_code ec;
        std::filesystem::rename(dbsupport::toFsPath(partial), dbsupport::toFsPath(target), ec);
        if (ec) {
            error = makeError(QStringLiteral("db.error"),
                              QStringLiteral("The backup of %1 was written to %2 but could not be renamed to %3: %4. "
                                             "Check the backup directory's permissions.")
                                  .arg(m_path, partial, target, QString::fromStdString(ec.message())));
        }
    }
    if (error) return *error;
    dbsupport::syncDirectory(QFileInfo(target).absolutePath());
    return {};
}

}  // namespace facepos
