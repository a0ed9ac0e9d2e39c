#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <memory>

#include "app/backend/backend_client.h"
#include "app/store/order_store.h"
#include "platform/database.h"
#include "platform/iclock.h"

namespace facepos::session {

// Who is signed in on the terminal (docs/terminal-api.md §9; docs/permissions.md). QML singleton `Session`.
//
// - Merchant sign-in with the merchant password (one device at a time: MERCHANT_SESSION_ACTIVE elsewhere tells the
//   person to sign in here with a clerk account); clerk sign-in with employee number and password; sign-out.
// - Idle lock: after `idleLock` without noteActivity() the terminal locks; unlock() needs the same person's password
//   (checked by signing in again; when the backend cannot be reached, against a verifier of the password kept in
//   memory only since the sign-in).
// - Lockout: five wrong passwords in a row on this device lock sign-in for five minutes (lockoutSecondsLeft counts
//   down, and the lock survives a restart); the backend's own ACCOUNT_LOCKED shows its end the same way. Every
//   failure is written to the audit log.
//
// Error codes: "session.invalid" (empty or malformed input, nothing sent), "session.locked_out", "api.*" (the
// backend's answer, e.g. api.BAD_CREDENTIALS, api.CLERK_DISABLED, api.MERCHANT_SESSION_ACTIVE), "transport.*".
// errorText is the cashier's words in the UI language. UI thread only.
class SessionManager final : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY changed)
    Q_PROPERTY(QString role READ role NOTIFY changed)  // "merchant", "clerk" or ""
    Q_PROPERTY(QString operatorId READ operatorId NOTIFY changed)
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    Q_PROPERTY(QString employeeNo READ employeeNo NOTIFY changed)
    Q_PROPERTY(bool locked READ locked NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(int failedAttempts READ failedAttempts NOTIFY changed)
    Q_PROPERTY(int lockoutSecondsLeft READ lockoutSecondsLeft NOTIFY lockoutTick)

public:
    struct Options {
        std::chrono::milliseconds idleLock{std::chrono::minutes(5)};
        int maxFailures = 5;
        std::chrono::seconds lockout{std::chrono::minutes(5)};
    };

    SessionManager(Database& db, backend::BackendClient& client, store::OrderStore& orders,
                   std::shared_ptr<const IClock> clock, Options options, QObject* parent = nullptr);
    ~SessionManager() override;

    // Restores a sign-in lockout that was running when the terminal stopped.
    Result<void> load();

    bool signedIn() const { return !m_operatorId.isEmpty(); }
    QString role() const { return m_role; }
    QString operatorId() const { return m_operatorId; }
    QString displayName() const { return m_displayName; }
    QString employeeNo() const { return m_employeeNo; }
    bool locked() const { return m_locked; }
    bool busy() const { return m_busy; }
    QString errorCode() const { return m_errorCode; }
    QString errorText() const { return m_errorText; }
    int failedAttempts() const { return m_failures; }
    int lockoutSecondsLeft() const;
    bool isMerchant() const { return m_role == QLatin1String("merchant"); }

    Q_INVOKABLE void signInMerchant(const QString& password);
    Q_INVOKABLE void signInClerk(const QString& employeeNo, const QString& password);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void lock();
    Q_INVOKABLE void unlock(const QString& password);
    // A touch, a key or a scan: restarts the idle timer.
    Q_INVOKABLE void noteActivity();
    // Counts every mouse, touch and key event that reaches `target` (the application object) as activity.
    void watchActivity(QObject* target);
    void setIdleLock(std::chrono::milliseconds idleLock);
    Q_INVOKABLE void clearError();

    // The session ended without the person asking (SESSION_EXPIRED, the device unbound): back to sign-in.
    void endLocally(const QString& reason);

signals:
    void changed();
    void lockoutTick();
    void signedInChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Purpose { SignIn, Unlock };
    void signIn(const QString& role, const QString& employeeNo, const QString& password, Purpose purpose);
    void onSignedIn(const backend::SessionInfo& info, const QString& password, Purpose purpose);
    void onFailed(const backend::BackendError& error, const QString& account, const QString& password, Purpose purpose);
    void countFailure(const QString& account);
    bool checkLockedOut();
    void startLockout(const QDateTime& until);
    void setError(const QString& code, const QString& text);
    void clearSession();
    QString errorTextFor(const backend::BackendError& error) const;

    Database& m_db;
    backend::BackendClient& m_client;
    store::OrderStore& m_orders;
    std::shared_ptr<const IClock> m_clock;
    Options m_options;
    QTimer m_idleTimer;
    QTimer m_lockoutTimer;
    QString m_role;
    QString m_operatorId;
    QString m_displayName;
    QString m_employeeNo;
    QByteArray m_verifierSalt;
    QByteArray m_verifier;  // PBKDF2 of the signed-in person's password, in memory only, for unlocking offline
    bool m_locked = false;
    bool m_busy = false;
    QString m_errorCode;
    QString m_errorText;
    int m_failures = 0;
    QDateTime m_lockedUntil;
};

}  // namespace facepos::session
