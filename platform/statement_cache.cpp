#include "platform/statement_cache.h"

#include <sqlite3.h>

namespace facepos {

StatementCache::~StatementCache() {
    for (const QList<sqlite3_stmt*>& statements : std::as_const(m_idle)) {
        for (sqlite3_stmt* statement : statements) sqlite3_finalize(statement);
    }
}

sqlite3_stmt* StatementCache::take(const QByteArray& sql) {
    auto it = m_idle.find(sql);
    if (it == m_idle.end() || it->isEmpty()) return nullptr;
    return it->takeLast();
}

void StatementCache::giveBack(sqlite3_stmt* statement) {
    if (statement == nullptr) return;
    // The outcome of the last run was reported by step(); reset() repeats it and has nothing new to say.
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    const QByteArray sql(sqlite3_sql(statement));
    auto it = m_idle.find(sql);
    if (it == m_idle.end() && m_idle.size() >= kMaxSqlTexts) {
        sqlite3_finalize(statement);
        return;
    }
    QList<sqlite3_stmt*>& idle = it == m_idle.end() ? m_idle[sql] : *it;
    if (idle.size() >= kMaxIdlePerSql) {
        sqlite3_finalize(statement);
        return;
    }
    idle.append(statement);
}

}  // namespace facepos
