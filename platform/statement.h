#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QString>
#include <initializer_list>

#include "platform/result.h"
#include "platform/sql_value.h"

struct sqlite3_stmt;

namespace facepos {

class StatementCache;

// A prepared SQL statement (RAII over sqlite3_stmt). Obtained from Database::prepare(); values only ever reach
// SQLite through bind(), never through the SQL text.
//
// Thread ownership: belongs to the thread that owns its Database and must be destroyed before that Database.
// While a statement has an unfinished result (step() returned true and the caller stopped early) it holds a read
// transaction open; reset() or destroy it when done so WAL checkpoints are not held back.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binds a parameter by its 1-based position, or by its full name including the prefix (":amount").
    // Bindings survive reset(); clearBindings() sets them all back to NULL.
    Result<void> bind(int index, const SqlValue& value);
    Result<void> bind(QAnyStringView name, const SqlValue& value);
    // Binds values to positions 1..n; fails if the statement does not have exactly n parameters.
    Result<void> bindAll(std::initializer_list<SqlValue> values);
    void clearBindings();
    int parameterCount() const;

    // Advances to the next row: true when a row is available, false when the statement has finished.
    // On failure the statement is reset, so it may be stepped again from the start.
    Result<bool> step();
    // Rewinds the statement so it can be stepped again; keeps the bindings. The outcome of the previous run was
    // already reported by step(), so reset() itself has nothing to report.
    void reset();

    // Column access, valid only while the last step() returned true. Indexes are 0-based; names match the
    // result column names case-insensitively. An index or name outside the result is a programming error: it
    // asserts in debug builds, is logged, and reads as NULL (0, empty) in release builds.
    int columnCount() const;
    int columnIndex(QAnyStringView name) const;  // -1 when the result has no such column
    bool columnIsNull(int index) const;
    qint64 columnInt64(int index) const;
    bool columnBool(int index) const;
    QString columnText(int index) const;  // a null QString for SQL NULL
    QByteArray columnBlob(int index) const;
    bool columnIsNull(QAnyStringView name) const;
    qint64 columnInt64(QAnyStringView name) const;
    bool columnBool(QAnyStringView name) const;
    QString columnText(QAnyStringView name) const;
    QByteArray columnBlob(QAnyStringView name) const;

    // The SQL text as prepared, with parameter placeholders (never the bound values).
    QString sql() const;

private:
    friend class Database;
    // `cache`, when given, takes the statement back on destruction instead of finalizing it.
    explicit Statement(sqlite3_stmt* statement, StatementCache* cache = nullptr);
    void release();

    bool hasColumn(int index) const;
    int requireColumn(QAnyStringView name) const;
    QString describe() const;

    sqlite3_stmt* m_statement = nullptr;
    StatementCache* m_cache = nullptr;
};

}  // namespace facepos
