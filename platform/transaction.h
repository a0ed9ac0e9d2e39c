#pragma once

#include "platform/result.h"

struct sqlite3;

namespace facepos {

// A write transaction (RAII), started with BEGIN IMMEDIATE by Database::begin() so the write lock is taken up
// front: a competing writer is detected at begin(), not halfway through the work. If neither commit() nor
// rollback() succeeded, the destructor rolls back.
//
// Thread ownership: belongs to the thread that owns its Database and must be destroyed before that Database.
// Transactions do not nest; use one per unit of work.
class Transaction {
public:
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // Makes the changes durable. If SQLite had to abandon the transaction (disk full, I/O error) the error is
    // returned and the transaction is over; otherwise a failed commit leaves it open for rollback.
    Result<void> commit();
    Result<void> rollback();
    bool isActive() const { return m_db != nullptr; }

private:
    friend class Database;
    explicit Transaction(sqlite3* db) : m_db(db) {}

    void rollbackQuietly();

    sqlite3* m_db = nullptr;
};

}  // namespace facepos
