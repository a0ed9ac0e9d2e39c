#include "outbox.h"

#include <QJsonDocument>

namespace facepos::store {

namespace {

constexpr int kDeadLettersShown = 50;

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

}  // namespace

Outbox::Outbox(Database& db, std::shared_ptr<const IClock> clock) : m_db(db), m_clock(std::move(clock)) {}

Result<QList<OutboxRow>> Outbox::nextBatch(int maxRecords) {
    auto query =
        m_db.prepare(QStringLiteral("SELECT id, call, record_id, kind, revision, created_at, payload, "
                                    "attempts, enqueued_at FROM outbox WHERE state = 'pending' ORDER BY id "
                                    "LIMIT ?"));
    if (!query) return query.error();
    if (auto r = query->bindAll({qint64{std::max(1, maxRecords)}}); !r) return r.error();
    QList<OutboxRow> rows;
    while (true) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        OutboxRow r;
        r.id = query->columnInt64(0);
        r.call = query->columnText(1);
        r.recordId = query->columnText(2);
        r.kind = query->columnText(3);
        r.revision = static_cast<int>(query->columnInt64(4));
        r.createdAt = query->columnText(5);
        r.payload = QJsonDocument::fromJson(query->columnText(6).toUtf8()).object();
        r.attempts = static_cast<int>(query->columnInt64(7));
        r.enqueuedAtMs = query->columnInt64(8);
        const bool upload = r.call == QLatin1String(kCallSyncUpload);
        // A batch is a run of sync_upload records, or one other call on its own.
        if (!rows.isEmpty() && (!upload || rows.first().call != QLatin1String(kCallSyncUpload))) break;
        rows.append(std::move(r));
        if (!upload) break;
    }
    query->reset();
    return rows;
}

Result<void> Outbox::acknowledge(const QList<qint64>& ids) {
    if (ids.isEmpty()) return {};
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto update = m_db.prepare(
        QStringLiteral("UPDATE outbox SET state = 'acked', done_at = ?, last_error = NULL WHERE id = ? AND state = "
                       "'pending'"));
    if (!update) return update.error();
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    for (qint64 id : ids) {
        if (auto r = update->bindAll({now, id}); !r) return r.error();
        if (auto r = update->step(); !r) return r.error();
        update->reset();
    }
    return tx->commit();
}

Result<void> Outbox::markDead(qint64 id, const QString& errCode, const QString& message) {
    return m_db.execute(
        QStringLiteral("UPDATE outbox SET state = 'dead', done_at = ?, dead_code = ?, dead_message = ?, "
                       "attempts = attempts + 1 WHERE id = ? AND state = 'pending'"),
        {m_clock->nowUtc().toMSecsSinceEpoch(), errCode, message, id});
}

Result<void> Outbox::noteFailure(const QList<qint64>& ids, const QString& error) {
    if (ids.isEmpty()) return {};
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto update = m_db.prepare(
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'pending'"));
    if (!update) return update.error();
    for (qint64 id : ids) {
        if (auto r = update->bindAll({error, id}); !r) return r.error();
        if (auto r = update->step(); !r) return r.error();
        update->reset();
    }
    return tx->commit();
}

Result<void> Outbox::requeueDead(qint64 id) {
    auto r = m_db.execute(QStringLiteral("UPDATE outbox SET state = 'pending', done_at = NULL, dead_code = NULL, "
                                         "dead_message = NULL WHERE id = ? AND state = 'dead'"),
                          {id});
    if (!r) return r;
    if (m_db.changes() == 0)
        return makeError(QStringLiteral("store.not_found"), QStringLiteral("There is no dead letter %1.").arg(id));
    return {};
}

Result<SyncSnapshot> Outbox::snapshot() {
    SyncSnapshot s;
    auto query = m_db.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM outbox WHERE state = 'pending'), (SELECT count(*) FROM outbox WHERE state = "
        "'dead'), (SELECT min(enqueued_at) FROM outbox WHERE state = 'pending'), (SELECT value FROM sync_state WHERE "
        "key = 'last_success_ms')"));
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    s.pending = static_cast<int>(query->columnInt64(0));
    s.dead = static_cast<int>(query->columnInt64(1));
    if (!query->columnIsNull(2)) s.oldestPending = fromMs(query->columnInt64(2));
    if (!query->columnIsNull(3)) s.lastSuccess = fromMs(query->columnText(3).toLongLong());
    query->reset();
    auto dead = deadLetters(kDeadLettersShown);
    if (!dead) return dead.error();
    s.deadLetters = std::move(dead).value();
    return s;
}

Result<void> Outbox::noteSuccess() {
    return m_db.execute(
        QStringLiteral("INSERT INTO sync_state(key, value) VALUES('last_success_ms', ?) ON CONFLICT(key) "
                       "DO UPDATE SET value = excluded.value"),
        {QString::number(m_clock->nowUtc().toMSecsSinceEpoch())});
}

Result<QList<DeadLetter>> Outbox::deadLetters(int limit) {
    auto query =
        m_db.prepare(QStringLiteral("SELECT id, call, kind, record_id, reference, dead_code, dead_message, "
                                    "done_at FROM outbox WHERE state = 'dead' ORDER BY id DESC LIMIT ?"));
    if (!query) return query.error();
    if (auto r = query->bindAll({qint64{limit}}); !r) return r.error();
    QList<DeadLetter> letters;
    while (true) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        DeadLetter d;
        d.id = query->columnInt64(0);
        d.call = query->columnText(1);
        d.kind = query->columnText(2);
        d.recordId = query->columnText(3);
        d.reference = query->columnText(4);
        d.errCode = query->columnText(5);
        d.message = query->columnText(6);
        if (!query->columnIsNull(7)) d.deadAt = fromMs(query->columnInt64(7));
        letters.append(std::move(d));
    }
    return letters;
}

}  // namespace facepos::store
