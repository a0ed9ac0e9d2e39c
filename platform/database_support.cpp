#include "platform/database_support.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <optional>
#include <system_error>

namespace facepos::dbsupport {

Q_LOGGING_CATEGORY(lcDatabase, "facepos.db")

Error sqliteError(sqlite3* db, int rc, const QString& file, const QString& what) {
    const QString detail = QString::fromUtf8(db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    switch (rc & 0xff) {
        case SQLITE_FULL:
            return makeError(QStringLiteral("db.full"),
                             QStringLiteral("The database %1 could not be written because the disk is full (%2). "
                                            "Free space on the device, for example by removing old exports or "
                                            "logs, then retry.")
                                 .arg(file, what));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return makeError(QStringLiteral("db.busy"),
                             QStringLiteral("The database %1 stayed locked by another connection for longer than "
                                            "the busy timeout (%2: %3). Retry; if it keeps happening, restart the "
                                            "terminal application.")
                                 .arg(file, what, detail));
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return makeError(QStringLiteral("db.corrupt"),
                             QStringLiteral("The database %1 is damaged (%2: %3). Run database recovery: it keeps "
                                            "the damaged file aside and copies every readable record into a new "
                                            "database.")
                                 .arg(file, what, detail));
        case SQLITE_CONSTRAINT:
            return makeError(QStringLiteral("db.constraint"),
                             QStringLiteral("The database %1 rejected %2 because it would break a rule of the "
                                            "schema: %3.")
                                 .arg(file, what, detail));
        case SQLITE_RANGE:
        case SQLITE_MISUSE:
            return makeError(QStringLiteral("db.misuse"),
                             QStringLiteral("The program used the database %1 incorrectly (%2: %3); this is a "
                                            "software defect to report.")
                                 .arg(file, what, detail));
        default:
            break;
    }
    QString reason = detail;
    const int systemError = db != nullptr ? sqlite3_system_errno(db) : 0;
    if (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) && systemError != 0) {
        reason += QStringLiteral(" (%1)").arg(osReason(systemError));
    }
    return makeError(QStringLiteral("db.error"), QStringLiteral("The database %1 reported an error for %2: %3 "
                                                                "(SQLite code %4).")
                                                     .arg(file, what, reason, QString::number(rc)));
}

QString mainFileName(sqlite3* db) {
    const char* name = sqlite3_db_filename(db, "main");
    return name != nullptr && *name != '\0' ? QString::fromUtf8(name) : QStringLiteral("(in memory)");
}

Result<void> runStatement(sqlite3* db, const char* sql) {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
        do {
            rc = sqlite3_step(statement);
        } while (rc == SQLITE_ROW);
    }
    // The error must be read before finalize, which may replace the connection's error message.
    std::optional<Error> error;
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        error = sqliteError(db, rc, mainFileName(db), QStringLiteral("\"%1\"").arg(QString::fromUtf8(sql)));
    }
    sqlite3_finalize(statement);
    if (error) return *error;
    return {};
}

QString abbreviated(const QString& sql) {
    constexpr qsizetype kLimit = 160;
    QString text = sql.simplified();
    if (text.size() > kLimit) text = text.left(kLimit) + QStringLiteral("…");
    return text;
}

QString osReason(int errorNumber) {
    return QString::fromStdString(std::generic_category().message(errorNumber));
}

std::filesystem::path toFsPath(const QString& path) {
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

Result<void> ensureParentDirectory(const QString& file) {
    const QString directory = QFileInfo(file).absolutePath();
    std::error_code ec;
    std::filesystem::create_directories(toFsPath(directory), ec);
    if (ec) {
        return makeError(QStringLiteral("db.open_failed"),
                         QStringLiteral("The database %1 cannot be opened because its directory %2 cannot be "
                                        "created: %3. Check the configured data path and that the storage is "
                                        "mounted and writable.")
                             .arg(file, directory, QString::fromStdString(ec.message())));
    }
    return {};
}

Result<void> syncFile(const QString& file) {
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const QString reason = osReason(errno);
        if (fd >= 0) ::close(fd);
        return makeError(QStringLiteral("db.error"),
                         QStringLiteral("The database file %1 could not be flushed to disk: %2. Check the storage "
                                        "device.")
                             .arg(file, reason));
    }
    ::close(fd);
    return {};
}

void syncDirectory(const QString& directory) {
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        qCWarning(lcDatabase) << "Could not flush directory" << directory << "to disk:" << osReason(errno)
                              << "- a power cut now could undo the last file rename there.";
    }
    if (fd >= 0) ::close(fd);
}

}  // namespace facepos::dbsupport
