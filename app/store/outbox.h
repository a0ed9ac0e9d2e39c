#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>

#include "app/store/store_types.h"
#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::store {

// The outbox table seen from the sync worker (its own connection): what to send next, and what became of it.
// Rows are written by OrderStore in the transaction of the record they announce. A row is pending until the backend
// acknowledged it (acked), refused it for good (dead), or a newer revision of the same record replaced it while it
// waited (superseded). Nothing here deletes a row that is not acknowledged.
//
// Thread ownership: the thread that owns `db`.
class Outbox {
public:
    Outbox(Database& db, std::shared_ptr<const IClock> clock);

    // The oldest pending rows, in order: up to `maxRecords` consecutive sync_upload rows, or the single device
    // call (shift_open …) that comes first. Empty when nothing is pending.
    Result<QList<OutboxRow>> nextBatch(int maxRecords);
    Result<void> acknowledge(const QList<qint64>& ids);
    Result<void> markDead(qint64 id, const QString& errCode, const QString& message);
    // Counts a failed attempt (for the technician screen); the rows stay pending.
    Result<void> noteFailure(const QList<qint64>& ids, const QString& error);
    // A technician's "send again" for a dead letter, after the cause was fixed on the backend.
    Result<void> requeueDead(qint64 id);
    // Remembers the time of the last batch the backend accepted (for the snapshot, across restarts).
    Result<void> noteSuccess();

    Result<SyncSnapshot> snapshot();
    Result<QList<DeadLetter>> deadLetters(int limit = 100);

private:
    Database& m_db;
    std::shared_ptr<const IClock> m_clock;
};

}  // namespace facepos::store
