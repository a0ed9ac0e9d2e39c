#include "session_manager.h"

#include <QEvent>
#include <QJsonObject>
#include <QRegularExpression>

#include "app/session/session_messages.h"
#include "platform/crypto.h"
#include "platform/logging.h"

namespace facepos::session {

namespace {

constexpr char kFailuresKey[] = "signin_failures";
constexpr char kLockedUntilKey[] = "signin_locked_until_ms";
// The in-memory unlock verifier: enough to make guessing from a memory dump slow, quick enough for a kiosk.
constexpr int kVerifierIterations = 20000;

}  // namespace

SessionManager::SessionManager(Database& db, backend::BackendClient& client, store::OrderStore& orders,
                               std::shared_ptr<const IClock> clock, Options options, QObject* parent)
    : QObject(parent), m_db(db), m_client(client), m_orders(orders), m_clock(std::move(clock)), m_options(options) {
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_options.idleLock);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (signedIn() && !m_locked) {
            qCInfo(lcApp) << "Idle for" << m_options.idleLock.count() / 1000 << "s: locking";
            lock();
        }
    });
    m_lockoutTimer.setInterval(1000);
    connect(&m_lockoutTimer, &QTimer::timeout, this, [this] {
        if (lockoutSecondsLeft() == 0) {
            m_lockoutTimer.stop();
            m_lockedUntil = {};
            if (m_errorCode == QLatin1String("session.locked_out") ||
                m_errorCode == QLatin1String("api.ACCOUNT_LOCKED"))
                clearError();
            emit changed();
        }
        emit lockoutTick();
    });
    connect(&m_client, &backend::BackendClient::sessionExpired, this,
            [this] { endLocally(QStringLiteral("session expired")); });
}

SessionManager::~SessionManager() {
    crypto::secureWipe(m_verifier);
}

Result<void> SessionManager::load() {
    auto failures = m_db.queryText(QStringLiteral("SELECT value FROM device_meta WHERE key = ?"),
                                   {QString::fromLatin1(kFailuresKey)});
    if (!failures) return failures.error();
    m_failures = failures->value_or(QString()).toInt();
    auto until = m_db.queryText(QStringLiteral("SELECT value FROM device_meta WHERE key = ?"),
                                {QString::fromLatin1(kLockedUntilKey)});
    if (!until) return until.error();
    if (until->has_value()) {
        const QDateTime end = QDateTime::fromMSecsSinceEpoch((*until)->toLongLong(), Qt::UTC);
        if (end > m_clock->nowUtc()) startLockout(end);
    }
    return {};
}

int SessionManager::lockoutSecondsLeft() const {
    if (!m_lockedUntil.isValid()) return 0;
    const qint64 ms = m_clock->nowUtc().msecsTo(m_lockedUntil);
    return ms <= 0 ? 0 : static_cast<int>((ms + 999) / 1000);
}

void SessionManager::setError(const QString& code, const QString& text) {
    m_errorCode = code;
    m_errorText = text;
    emit changed();
}

void SessionManager::clearError() {
    if (m_errorCode.isEmpty()) return;
    m_errorCode.clear();
    m_errorText.clear();
    emit changed();
}

bool SessionManager::checkLockedOut() {
    const int left = lockoutSecondsLeft();
    if (left == 0) return false;
    setError(QStringLiteral("session.locked_out"), tr("Too many wrong passwords: sign-in is locked for %1:%2.")
                                                       .arg(left / 60)
                                                       .arg(left % 60, 2, 10, QLatin1Char('0')));
    return true;
}

void SessionManager::signInMerchant(const QString& password) {
    if (m_busy || checkLockedOut()) return;
    if (password.isEmpty()) {
        setError(QStringLiteral("session.invalid"), tr("Enter the merchant password."));
        return;
    }
    signIn(QStringLiteral("merchant"), {}, password, Purpose::SignIn);
}

void SessionManager::signInClerk(const QString& employeeNo, const QString& password) {
    if (m_busy || checkLockedOut()) return;
    static const QRegularExpression digits(QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,8}")));
    const QString number = employeeNo.trimmed();
    if (number.isEmpty() || password.isEmpty()) {
        setError(QStringLiteral("session.invalid"), tr("Enter the employee number and the password."));
        return;
    }
    if (!digits.match(number).hasMatch()) {
        setError(QStringLiteral("session.invalid"), tr("The employee number is 1 to 8 digits."));
        return;
    }
    signIn(QStringLiteral("clerk"), number, password, Purpose::SignIn);
}

void SessionManager::signIn(const QString& role, const QString& employeeNo, const QString& password, Purpose purpose) {
    m_busy = true;
    clearError();
    emit changed();
    const QString account =
        role == QLatin1String("merchant") ? QStringLiteral("merchant") : QStringLiteral("C") + employeeNo;
    auto done = [this, password, purpose, account](backend::BackendResult<backend::SessionInfo> result) {
        m_busy = false;
        if (result.ok())
            onSignedIn(result.value(), password, purpose);
        else
            onFailed(result.error(), account, password, purpose);
        emit changed();
    };
    if (role == QLatin1String("merchant"))
        m_client.merchantLogin(password, done);
    else
        m_client.clerkLogin(employeeNo, password, done);
}

void SessionManager::onSignedIn(const backend::SessionInfo& info, const QString& password, Purpose purpose) {
    if (purpose == Purpose::Unlock && info.operatorId != m_operatorId) {
        // Another person's password does not unlock this person's session.
        setError(QStringLiteral("session.other_person"), tr("Only %1 can unlock this terminal.").arg(m_displayName));
        return;
    }
    m_failures = 0;
    if (auto r = m_db.execute(QStringLiteral("DELETE FROM device_meta WHERE key IN (?, ?)"),
                              {QString::fromLatin1(kFailuresKey), QString::fromLatin1(kLockedUntilKey)});
        !r)
        qCWarning(lcApp) << r.error().message;
    m_role = info.role;
    m_operatorId = info.operatorId;
    m_employeeNo = info.employeeNo;
    m_displayName = info.role == QLatin1String("merchant") ? info.merchantName : info.name;
    if (m_displayName.isEmpty()) m_displayName = m_operatorId;
    auto salt = crypto::randomBytes(16);
    if (salt) {
        m_verifierSalt = *salt;
        auto verifier = crypto::pbkdf2Sha256(password.toUtf8(), m_verifierSalt, kVerifierIterations, 32);
        crypto::secureWipe(m_verifier);
        m_verifier = verifier ? *verifier : QByteArray();
    }
    const bool wasLocked = m_locked;
    m_locked = false;
    noteActivity();
    if (auto r =
            m_orders.recordEvent(purpose == Purpose::Unlock ? QStringLiteral("unlock") : QStringLiteral("login"),
                                 {{QStringLiteral("role"), m_role}, {QStringLiteral("operator_id"), m_operatorId}});
        !r)
        qCWarning(lcApp) << "Could not record the sign-in:" << r.error().message;
    qCInfo(lcApp) << (wasLocked ? "Unlocked by" : "Signed in:") << m_operatorId;
    if (purpose == Purpose::SignIn) emit signedInChanged();
}

void SessionManager::onFailed(const backend::BackendError& error, const QString& account, const QString& password,
                              Purpose purpose) {
    if (purpose == Purpose::Unlock &&
        (error.outcome == backend::Outcome::NotSent || error.outcome == backend::Outcome::Unconfirmed)) {
        // The backend cannot be reached: the same person's password still unlocks, checked against the verifier.
        auto candidate = crypto::pbkdf2Sha256(password.toUtf8(), m_verifierSalt, kVerifierIterations, 32);
        if (candidate && !m_verifier.isEmpty() && crypto::constantTimeEquals(*candidate, m_verifier)) {
            m_locked = false;
            noteActivity();
            qCInfo(lcApp) << "Unlocked offline by" << m_operatorId;
            return;
        }
        if (candidate && !m_verifier.isEmpty()) {
            countFailure(account);
            if (!checkLockedOut()) setError(QStringLiteral("api.BAD_CREDENTIALS"), tr("Wrong password."));
            return;
        }
    }
    const QString errName = error.errName.isEmpty() ? error.kind : error.errName;
    if (error.kind == QLatin1String("api.BAD_CREDENTIALS")) {
        countFailure(account);
    } else if (error.kind == QLatin1String("api.ACCOUNT_LOCKED")) {
        const QDateTime until =
            QDateTime::fromString(error.data.toObject().value(QStringLiteral("locked_until")).toString(), Qt::ISODate);
        if (until.isValid()) startLockout(until.toUTC());
    }
    if (error.outcome == backend::Outcome::Rejected) {
        if (auto r =
                m_orders.audit().append(account == QLatin1String("merchant") ? QStringLiteral("merchant") : account,
                                        QStringLiteral("login_failed"), {{QStringLiteral("reason"), errName}});
            !r)
            qCWarning(lcApp) << "Could not write the audit log:" << r.error().message;
    }
    qCInfo(lcApp) << "Sign-in failed for" << account << ":" << errName;
    if (m_lockedUntil.isValid() && lockoutSecondsLeft() > 0 && error.kind == QLatin1String("api.BAD_CREDENTIALS")) {
        checkLockedOut();
        return;
    }
    setError(error.kind, Messages::forError(error));
}

void SessionManager::countFailure(const QString& account) {
    Q_UNUSED(account);
    ++m_failures;
    if (auto r = m_db.execute(QStringLiteral("INSERT INTO device_meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO "
                                             "UPDATE SET value = excluded.value"),
                              {QString::fromLatin1(kFailuresKey), QString::number(m_failures)});
        !r)
        qCWarning(lcApp) << r.error().message;
    if (m_failures >= m_options.maxFailures) {
        m_failures = 0;
        startLockout(m_clock->nowUtc().addSecs(m_options.lockout.count()));
        qCWarning(lcApp) << m_options.maxFailures << "wrong passwords: sign-in locked for" << m_options.lockout.count()
                         << "s";
    }
}

void SessionManager::startLockout(const QDateTime& until) {
    if (!m_lockedUntil.isValid() || until > m_lockedUntil) m_lockedUntil = until;
    if (auto r =
            m_db.execute(QStringLiteral("INSERT INTO device_meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO "
                                        "UPDATE SET value = excluded.value"),
                         {QString::fromLatin1(kLockedUntilKey), QString::number(m_lockedUntil.toMSecsSinceEpoch())});
        !r)
        qCWarning(lcApp) << r.error().message;
    m_lockoutTimer.start();
    emit lockoutTick();
    emit changed();
}

void SessionManager::signOut() {
    if (!signedIn()) return;
    const QString who = m_operatorId;
    m_client.logout([](backend::BackendResult<backend::LogoutReply> r) {
        if (!r.ok()) qCInfo(lcApp) << "Logout not confirmed by the backend:" << r.error().message;
    });
    if (auto r = m_orders.recordEvent(QStringLiteral("logout"), {{QStringLiteral("operator_id"), who}}); !r)
        qCWarning(lcApp) << r.error().message;
    clearSession();
    qCInfo(lcApp) << "Signed out:" << who;
}

void SessionManager::clearSession() {
    m_role.clear();
    m_operatorId.clear();
    m_displayName.clear();
    m_employeeNo.clear();
    crypto::secureWipe(m_verifier);
    m_verifier.clear();
    m_locked = false;
    m_idleTimer.stop();
    emit changed();
    emit signedInChanged();
}

void SessionManager::endLocally(const QString& reason) {
    if (!signedIn()) return;
    qCInfo(lcApp) << "Session of" << m_operatorId << "ended:" << reason;
    m_client.setSessionToken({});
    clearSession();
}

void SessionManager::lock() {
    if (!signedIn() || m_locked) return;
    m_locked = true;
    m_idleTimer.stop();
    if (auto r = m_orders.recordEvent(QStringLiteral("lock"), {{QStringLiteral("operator_id"), m_operatorId}}); !r)
        qCWarning(lcApp) << r.error().message;
    emit changed();
}

void SessionManager::unlock(const QString& password) {
    if (!m_locked || m_busy || checkLockedOut()) return;
    if (password.isEmpty()) {
        setError(QStringLiteral("session.invalid"), tr("Enter your password."));
        return;
    }
    signIn(m_role, m_employeeNo, password, Purpose::Unlock);
}

void SessionManager::noteActivity() {
    if (signedIn() && !m_locked) m_idleTimer.start();
}

void SessionManager::watchActivity(QObject* target) {
    if (target) target->installEventFilter(this);
}

void SessionManager::setIdleLock(std::chrono::milliseconds idleLock) {
    m_options.idleLock = idleLock;
    m_idleTimer.setInterval(idleLock);
    noteActivity();
}

bool SessionManager::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::KeyPress:
        case QEvent::TouchBegin:
        case QEvent::Wheel:
            noteActivity();
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace facepos::session
