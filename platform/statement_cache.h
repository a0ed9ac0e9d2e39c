#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

struct sqlite3_stmt;

namespace facepos {

// Prepared statements that have been used and reset, kept by their SQL text for the next prepare() of the same
// text. Preparing (parsing and planning) is a large share of a short query's cost, and a busy service runs the same
// few dozen statements over and over. Owned by one Database, on its thread; it finalizes what it holds when
// destroyed, which the Database does before closing the connection.
class StatementCache {
public:
    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache();

    // A reset statement for `sql`, or nullptr when none is idle.
    sqlite3_stmt* take(const QByteArray& sql);

    // Resets `statement`, clears its bindings and keeps it, or finalizes it when the cache is full.
    void giveBack(sqlite3_stmt* statement);

private:
    // Bounds: statements whose SQL text embeds values (built with arg()) must not grow the cache without limit.
    static constexpr int kMaxIdlePerSql = 4;
    static constexpr int kMaxSqlTexts = 128;

    QHash<QByteArray, QList<sqlite3_stmt*>> m_idle;
};

}  // namespace facepos
