#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <memory>

#include "app/backend/backend_client.h"
#include "app/session/session_manager.h"
#include "app/store/order_store.h"
#include "platform/database.h"
#include "platform/iclock.h"

namespace facepos::session {

// Clerk management for the merchant (Settings → My store → Store details → Clerks; docs/terminal-api.md §9.5–9.9).
// QML singleton `Clerks`. The list comes from the backend and is cached in clerks_cache, so it is shown offline too
// (fromCache, fetchedAt). Every change is written to the audit log.
//
// Input rules (checked before anything is sent): employee number 1–8 digits, name 1–32 characters, password 6–16
// characters. Error codes: "clerks.invalid", "clerks.not_merchant" (only the merchant manages clerks), "api.*"
// (api.CLERK_EXISTS, api.CLERK_NOT_FOUND …), "transport.*". UI thread only.
class ClerkManager final : public QObject {
    Q_OBJECT
    // One map per clerk: employeeNo, name, status (active, disabled, locked), lockedUntil, lastLoginAt, operatorId.
    Q_PROPERTY(QVariantList clerks READ clerks NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(bool fromCache READ fromCache NOTIFY changed)
    Q_PROPERTY(QDateTime fetchedAt READ fetchedAt NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)

public:
    ClerkManager(Database& db, backend::BackendClient& client, SessionManager& session, store::OrderStore& orders,
                 std::shared_ptr<const IClock> clock, QObject* parent = nullptr);

    QVariantList clerks() const { return m_clerks; }
    bool busy() const { return m_busy; }
    bool fromCache() const { return m_fromCache; }
    QDateTime fetchedAt() const { return m_fetchedAt; }
    QString errorCode() const { return m_errorCode; }
    QString errorText() const { return m_errorText; }

    // Shows the cached list at once, then asks the backend.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void create(const QString& employeeNo, const QString& name, const QString& password);
    Q_INVOKABLE void setDisabled(const QString& employeeNo, bool disabled);
    Q_INVOKABLE void resetPassword(const QString& employeeNo, const QString& password);
    Q_INVOKABLE void clearError();

signals:
    void changed();
    // One per create / setDisabled / resetPassword / refresh: `action` is the method's name.
    void finished(const QString& action, bool ok);

private:
    bool requireMerchant(const QString& action);
    void fail(const QString& action, const QString& code, const QString& text);
    void applyClerk(const backend::ClerkInfo& clerk);
    void loadCache();
    void storeCache(const QList<backend::ClerkInfo>& clerks);
    void audit(const QString& action, const QString& employeeNo);

    Database& m_db;
    backend::BackendClient& m_client;
    SessionManager& m_session;
    store::OrderStore& m_orders;
    std::shared_ptr<const IClock> m_clock;
    QVariantList m_clerks;
    bool m_busy = false;
    bool m_fromCache = false;
    QDateTime m_fetchedAt;
    QString m_errorCode;
    QString m_errorText;
};

}  // namespace facepos::session
