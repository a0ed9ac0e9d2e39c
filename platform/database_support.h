#pragma once

// Internal helpers shared by Database, Statement and Transaction. Not part of the platform's interface.

#include <QLoggingCategory>
#include <QString>
#include <filesystem>

#include "platform/result.h"

struct sqlite3;

namespace facepos::dbsupport {

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

// Maps a SQLite result code to the platform's error ids: SQLITE_FULL -> "db.full", BUSY/LOCKED -> "db.busy",
// CORRUPT/NOTADB -> "db.corrupt", CONSTRAINT -> "db.constraint", RANGE/MISUSE -> "db.misuse", anything else ->
// "db.error". `db` supplies sqlite3_errmsg() and must be the connection the failing call was made on; `file` names
// the database in the message; `what` says what was being done ("the statement \"…\""). None of them may contain
// bound values.
Error sqliteError(sqlite3* db, int rc, const QString& file, const QString& what);

// The file name of the connection's main database, for messages.
QString mainFileName(sqlite3* db);

// Runs one parameterless statement to completion; used for transaction control.
Result<void> runStatement(sqlite3* db, const char* sql);

// SQL text shortened for messages and logs.
QString abbreviated(const QString& sql);

QString osReason(int errorNumber);
std::filesystem::path toFsPath(const QString& path);

// Creates the directory that will hold `file`. Fails with "db.open_failed" naming the directory and the OS reason.
Result<void> ensureParentDirectory(const QString& file);

// Flushes a file's contents to disk (fsync). Fails with "db.error" naming the file and the OS reason.
Result<void> syncFile(const QString& file);

// Makes renames and creations in `directory` durable (fsync of the directory), logging a failure.
void syncDirectory(const QString& directory);

}  // namespace facepos::dbsupport
