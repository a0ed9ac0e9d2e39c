#include "platform/transaction.h"

#include <sqlite3.h>

#include <utility>

#include "platform/database_support.h"

namespace facepos {

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction& Transaction::operator=(Transaction&& other) noexcept {
    if (this != &other) {
        rollbackQuietly();
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Transaction::~Transaction() {
    rollbackQuietly();
}

Result<void> Transaction::commit() {
    if (m_db == nullptr) {
        return makeError(QStringLiteral("db.misuse"),
                         QStringLiteral("A transaction was committed after it had ended; this is a software defect "
                                        "to report."));
    }
    auto committed = dbsupport::runStatement(m_db, "COMMIT");
    // On success, or when SQLite rolled the transaction back itself, there is nothing left to end.
    if (committed.ok() || sqlite3_get_autocommit(m_db) != 0) m_db = nullptr;
    return committed;
}

Result<void> Transaction::rollback() {
    if (m_db == nullptr) return {};
    sqlite3* db = std::exchange(m_db, nullptr);
    if (sqlite3_get_autocommit(db) != 0) return {};  // SQLite already rolled back after an error.
    return dbsupport::runStatement(db, "ROLLBACK");
}

// A destructor cannot return the error, so it is logged; SQLite discards an unfinished transaction when the
// connection closes in any case.
void Transaction::rollbackQuietly() {
    if (m_db == nullptr) return;
    const QString file = dbsupport::mainFileName(m_db);
    if (auto rolledBack = rollback(); !rolledBack) {
        qCCritical(dbsupport::lcDatabase) << "Rolling back a transaction on" << file
                                          << "failed:" << rolledBack.error().code << rolledBack.error().message;
    }
}

}  // namespace facepos
