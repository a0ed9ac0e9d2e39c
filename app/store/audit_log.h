#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::store {

struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    QString actor;   // operator id (M…, C…), "technician" or "system"
    QString action;  // refund, clerk_create, clerk_disable, settings_change, unbind, login_failed …
    QJsonObject detail;
    QString hash;
};

// The append-only audit log: each row carries SHA-256 over the previous row's hash and its own content, so a row
// changed, removed or inserted afterwards breaks the chain from that point on. Triggers refuse UPDATE and DELETE.
// append() writes inside the caller's transaction when one is open (so the audit row commits with the change it
// describes), else in its own.
//
// Thread ownership: the database writer thread.
class AuditLog {
public:
    AuditLog(Database& db, std::shared_ptr<const IClock> clock);

    Result<qint64> append(const QString& actor, const QString& action, const QJsonObject& detail = {});
    Result<QList<AuditEntry>> recent(int limit);
    // Walks the whole chain. Error "audit.broken" names the first row that does not match.
    Result<qint64> verify();

private:
    Database& m_db;
    std::shared_ptr<const IClock> m_clock;
};

}  // namespace facepos::store
