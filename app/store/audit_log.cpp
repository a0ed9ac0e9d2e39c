#include "audit_log.h"

#include <QJsonDocument>

#include "platform/crypto.h"

namespace facepos::store {

namespace {

// The hash of the row before the first.
const QString kGenesis = QString(64, u'0');

QString chainHash(const QString& previous, qint64 id, qint64 atMs, const QString& actor, const QString& action,
                  const QString& detail) {
    const QByteArray content = (previous + u'|' + QString::number(id) + u'|' + QString::number(atMs) + u'|' + actor +
                                u'|' + action + u'|' + detail)
                                   .toUtf8();
    auto digest = crypto::sha256(content);
    return digest ? QString::fromLatin1(digest->toHex()) : QString();
}

QString compact(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

}  // namespace

AuditLog::AuditLog(Database& db, std::shared_ptr<const IClock> clock) : m_db(db), m_clock(std::move(clock)) {}

Result<qint64> AuditLog::append(const QString& actor, const QString& action, const QJsonObject& detail) {
    std::optional<Transaction> own;
    if (!m_db.inTransaction()) {
        auto tx = m_db.begin();
        if (!tx) return tx.error();
        own.emplace(std::move(tx).value());
    }
    auto last = m_db.prepare(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!last) return last.error();
    auto row = last->step();
    if (!row) return row.error();
    const qint64 id = *row ? last->columnInt64(0) + 1 : 1;
    const QString previous = *row ? last->columnText(1) : kGenesis;
    last->reset();

    const qint64 atMs = m_clock->nowUtc().toMSecsSinceEpoch();
    const QString detailText = compact(detail);
    const QString hash = chainHash(previous, id, atMs, actor, action, detailText);
    if (hash.isEmpty()) return makeError(QStringLiteral("store.crypto"), QStringLiteral("SHA-256 is unavailable."));
    auto inserted = m_db.execute(QStringLiteral("INSERT INTO audit_log(id, at, actor, action, detail, prev_hash, hash) "
                                                "VALUES(?, ?, ?, ?, ?, ?, ?)"),
                                 {id, atMs, actor, action, detailText, previous, hash});
    if (!inserted) return inserted.error();
    if (own) {
        if (auto committed = own->commit(); !committed) return committed.error();
    }
    return id;
}

Result<QList<AuditEntry>> AuditLog::recent(int limit) {
    auto query = m_db.prepare(
        QStringLiteral("SELECT id, at, actor, action, detail, hash FROM audit_log ORDER BY id DESC LIMIT ?"));
    if (!query) return query.error();
    if (auto r = query->bindAll({qint64{limit}}); !r) return r.error();
    QList<AuditEntry> entries;
    while (true) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        AuditEntry e;
        e.id = query->columnInt64(0);
        e.at = QDateTime::fromMSecsSinceEpoch(query->columnInt64(1), Qt::UTC);
        e.actor = query->columnText(2);
        e.action = query->columnText(3);
        e.detail = QJsonDocument::fromJson(query->columnText(4).toUtf8()).object();
        e.hash = query->columnText(5);
        entries.append(e);
    }
    return entries;
}

Result<qint64> AuditLog::verify() {
    auto query = m_db.prepare(
        QStringLiteral("SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id"));
    if (!query) return query.error();
    QString previous = kGenesis;
    qint64 expectedId = 1;
    qint64 rows = 0;
    while (true) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        const qint64 id = query->columnInt64(0);
        const QString hash = chainHash(previous, id, query->columnInt64(1), query->columnText(2), query->columnText(3),
                                       query->columnText(4));
        if (id != expectedId || query->columnText(5) != previous || query->columnText(6) != hash) {
            return makeError(QStringLiteral("audit.broken"),
                             QStringLiteral("The audit log was altered: row %1 does not continue the chain (expected "
                                            "row %2).")
                                 .arg(id)
                                 .arg(expectedId));
        }
        previous = hash;
        ++expectedId;
        ++rows;
    }
    return rows;
}

}  // namespace facepos::store
