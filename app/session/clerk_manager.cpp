#include "clerk_manager.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QVariantMap>

#include "app/session/session_messages.h"
#include "platform/logging.h"

namespace facepos::session {

namespace {

QVariantMap toMap(const backend::ClerkInfo& clerk) {
    return QVariantMap{
        {QStringLiteral("employeeNo"), clerk.employeeNo},   {QStringLiteral("name"), clerk.name},
        {QStringLiteral("status"), clerk.status},           {QStringLiteral("lockedUntil"), clerk.lockedUntil},
        {QStringLiteral("lastLoginAt"), clerk.lastLoginAt}, {QStringLiteral("operatorId"), clerk.operatorId}};
}

}  // namespace

ClerkManager::ClerkManager(Database& db, backend::BackendClient& client, SessionManager& session,
                           store::OrderStore& orders, std::shared_ptr<const IClock> clock, QObject* parent)
    : QObject(parent), m_db(db), m_client(client), m_session(session), m_orders(orders), m_clock(std::move(clock)) {
    connect(&m_session, &SessionManager::signedInChanged, this, [this] {
        if (!m_session.isMerchant() && !m_clerks.isEmpty()) {
            m_clerks.clear();
            emit changed();
        }
    });
}

void ClerkManager::clearError() {
    if (m_errorCode.isEmpty()) return;
    m_errorCode.clear();
    m_errorText.clear();
    emit changed();
}

void ClerkManager::fail(const QString& action, const QString& code, const QString& text) {
    m_busy = false;
    m_errorCode = code;
    m_errorText = text;
    emit changed();
    emit finished(action, false);
}

bool ClerkManager::requireMerchant(const QString& action) {
    if (m_busy) return false;
    if (!m_session.isMerchant() || m_session.locked()) {
        fail(action, QStringLiteral("clerks.not_merchant"),
             tr("Only the merchant manages clerks. Sign in as the merchant."));
        return false;
    }
    return true;
}

void ClerkManager::loadCache() {
    auto query = m_db.prepare(
        QStringLiteral("SELECT data, fetched_at FROM clerks_cache ORDER BY length(employee_no), employee_no"));
    if (!query) return;
    QVariantList clerks;
    qint64 fetched = 0;
    while (true) {
        auto row = query->step();
        if (!row || !*row) break;
        clerks.append(
            toMap(backend::ClerkInfo::fromJson(QJsonDocument::fromJson(query->columnText(0).toUtf8()).object())));
        fetched = std::max(fetched, query->columnInt64(1));
    }
    m_clerks = clerks;
    m_fromCache = true;
    m_fetchedAt = fetched > 0 ? QDateTime::fromMSecsSinceEpoch(fetched, Qt::UTC) : QDateTime();
}

void ClerkManager::storeCache(const QList<backend::ClerkInfo>& clerks) {
    auto tx = m_db.begin();
    if (!tx) return;
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    if (!m_db.execute(QStringLiteral("DELETE FROM clerks_cache"))) return;
    for (const backend::ClerkInfo& clerk : clerks) {
        auto r = m_db.execute(QStringLiteral("INSERT INTO clerks_cache(employee_no, name, disabled, data, fetched_at) "
                                             "VALUES(?, ?, ?, ?, ?)"),
                              {clerk.employeeNo, clerk.name, clerk.status == QLatin1String("disabled") ? 1 : 0,
                               QString::fromUtf8(QJsonDocument(clerk.raw).toJson(QJsonDocument::Compact)), now});
        if (!r) {
            qCWarning(lcApp) << "Could not cache the clerks:" << r.error().message;
            return;
        }
    }
    if (auto r = tx->commit(); !r) qCWarning(lcApp) << "Could not cache the clerks:" << r.error().message;
}

void ClerkManager::refresh() {
    if (!requireMerchant(QStringLiteral("refresh"))) return;
    loadCache();
    m_busy = true;
    m_errorCode.clear();
    m_errorText.clear();
    emit changed();
    m_client.clerkList(true, [this](backend::BackendResult<QList<backend::ClerkInfo>> result) {
        if (!result.ok()) {
            // The cached list stays on screen, marked as such.
            fail(QStringLiteral("refresh"), result.error().kind, Messages::forError(result.error()));
            return;
        }
        storeCache(result.value());
        QVariantList clerks;
        for (const backend::ClerkInfo& clerk : result.value()) clerks.append(toMap(clerk));
        m_clerks = clerks;
        m_fromCache = false;
        m_fetchedAt = m_clock->nowUtc();
        m_busy = false;
        emit changed();
        emit finished(QStringLiteral("refresh"), true);
    });
}

void ClerkManager::applyClerk(const backend::ClerkInfo& clerk) {
    bool replaced = false;
    for (QVariant& entry : m_clerks) {
        if (entry.toMap().value(QStringLiteral("employeeNo")).toString() == clerk.employeeNo) {
            entry = toMap(clerk);
            replaced = true;
        }
    }
    if (!replaced) m_clerks.append(toMap(clerk));
    std::sort(m_clerks.begin(), m_clerks.end(), [](const QVariant& a, const QVariant& b) {
        const QString x = a.toMap().value(QStringLiteral("employeeNo")).toString();
        const QString y = b.toMap().value(QStringLiteral("employeeNo")).toString();
        return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    auto r = m_db.execute(QStringLiteral("INSERT INTO clerks_cache(employee_no, name, disabled, data, fetched_at) "
                                         "VALUES(?, ?, ?, ?, ?) ON CONFLICT(employee_no) DO UPDATE SET name = "
                                         "excluded.name, disabled = excluded.disabled, data = excluded.data, "
                                         "fetched_at = excluded.fetched_at"),
                          {clerk.employeeNo, clerk.name, clerk.status == QLatin1String("disabled") ? 1 : 0,
                           QString::fromUtf8(QJsonDocument(clerk.raw).toJson(QJsonDocument::Compact)),
                           m_clock->nowUtc().toMSecsSinceEpoch()});
    if (!r) qCWarning(lcApp) << "Could not cache the clerk:" << r.error().message;
}

void ClerkManager::audit(const QString& action, const QString& employeeNo) {
    if (auto r = m_orders.audit().append(m_session.operatorId(), action, {{QStringLiteral("employee_no"), employeeNo}});
        !r)
        qCWarning(lcApp) << "Could not write the audit log:" << r.error().message;
}

namespace {

const QRegularExpression& employeeNoPattern() {
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,8}")));
    return pattern;
}

}  // namespace

void ClerkManager::create(const QString& employeeNo, const QString& name, const QString& password) {
    const QString action = QStringLiteral("create");
    if (!requireMerchant(action)) return;
    const QString number = employeeNo.trimmed();
    const QString trimmedName = name.trimmed();
    if (number.isEmpty() || trimmedName.isEmpty() || password.isEmpty())
        return fail(action, QStringLiteral("clerks.invalid"),
                    tr("Enter the employee number, the name and a password."));
    if (!employeeNoPattern().match(number).hasMatch())
        return fail(action, QStringLiteral("clerks.invalid"), tr("The employee number is 1 to 8 digits."));
    if (trimmedName.size() > 32)
        return fail(action, QStringLiteral("clerks.invalid"), tr("The name is at most 32 characters."));
    if (password.size() < 6 || password.size() > 16)
        return fail(action, QStringLiteral("clerks.invalid"), tr("The password has 6 to 16 characters."));
    m_busy = true;
    clearError();
    emit changed();
    m_client.clerkCreate(number, trimmedName, password, [this, action](backend::BackendResult<backend::ClerkInfo> r) {
        if (!r.ok()) return fail(action, r.error().kind, Messages::forError(r.error()));
        applyClerk(r.value());
        audit(QStringLiteral("clerk_create"), r.value().employeeNo);
        m_busy = false;
        emit changed();
        emit finished(action, true);
    });
}

void ClerkManager::setDisabled(const QString& employeeNo, bool disabled) {
    const QString action = QStringLiteral("setDisabled");
    if (!requireMerchant(action)) return;
    if (!employeeNoPattern().match(employeeNo).hasMatch())
        return fail(action, QStringLiteral("clerks.invalid"), tr("The employee number is 1 to 8 digits."));
    m_busy = true;
    clearError();
    emit changed();
    m_client.clerkDisable(employeeNo, disabled, [this, action, disabled](backend::BackendResult<backend::ClerkInfo> r) {
        if (!r.ok()) return fail(action, r.error().kind, Messages::forError(r.error()));
        applyClerk(r.value());
        audit(disabled ? QStringLiteral("clerk_disable") : QStringLiteral("clerk_enable"), r.value().employeeNo);
        m_busy = false;
        emit changed();
        emit finished(action, true);
    });
}

void ClerkManager::resetPassword(const QString& employeeNo, const QString& password) {
    const QString action = QStringLiteral("resetPassword");
    if (!requireMerchant(action)) return;
    if (!employeeNoPattern().match(employeeNo).hasMatch())
        return fail(action, QStringLiteral("clerks.invalid"), tr("The employee number is 1 to 8 digits."));
    if (password.size() < 6 || password.size() > 16)
        return fail(action, QStringLiteral("clerks.invalid"), tr("The password has 6 to 16 characters."));
    m_busy = true;
    clearError();
    emit changed();
    m_client.clerkResetPassword(employeeNo, password, [this, action](backend::BackendResult<backend::ClerkInfo> r) {
        if (!r.ok()) return fail(action, r.error().kind, Messages::forError(r.error()));
        applyClerk(r.value());
        audit(QStringLiteral("clerk_reset_password"), r.value().employeeNo);
        m_busy = false;
        emit changed();
        emit finished(action, true);
    });
}

}  // namespace facepos::session
