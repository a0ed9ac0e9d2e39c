#include "sandbox/core_calls.h"

#include <QJsonDocument>
#include <QVersionNumber>

#include "platform/api_signature.h"
#include "platform/crypto.h"
#include "sandbox/field_reader.h"
#include "sandbox/sandbox_logging.h"
#include "sandbox/session_registry.h"

namespace facepos::sandbox {

namespace {

using api::ApiError;

constexpr int kKdfIterations = 600000;
constexpr int kMaxFailedAttempts = 5;
constexpr qint64 kLockSeconds = 15 * 60;
constexpr qint64 kVoucherHoldSeconds = 600;
constexpr int kHeartbeatIntervalSeconds = 60;
const QString kProofPattern = QStringLiteral("[0-9A-Fa-f]{64}");
const QString kVerifierPattern = QStringLiteral("[0-9a-f]{64}");
const QString kEmployeePattern = QStringLiteral("[0-9]{1,8}");
const QString kNumberPattern = QStringLiteral("[0-9A-Za-z_-]{6,32}");
const QString kOperatorPattern = QStringLiteral("(M[0-9]{8,12}|C[0-9]{1,8})");
const QString kVersionPattern = QStringLiteral("[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}");

CallResult internalError(const Error& error) {
    qCWarning(lcSandbox) << "internal failure:" << error.code << error.message;
    return CallResult::fail(ApiError::SystemError, QStringLiteral("internal failure; the outcome is unknown"));
}

// Prepares, binds and steps once: the statement positioned on the first row, or nullopt when there is none.
Result<std::optional<Statement>> queryRow(Database& db, const QString& sql, std::initializer_list<SqlValue> params) {
    auto statement = db.prepare(sql);
    if (!statement) return statement.error();
    if (auto bound = statement->bindAll(params); !bound) return bound.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Statement>();
    return std::optional<Statement>(std::move(statement).value());
}

QString compactJson(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString& json) {
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

// "FP2411A00123" → "FP24****0123" (§7.1 MERCHANT_SESSION_ACTIVE).
QString maskDevice(const QString& deviceId) {
    if (deviceId.size() <= 8) return deviceId.left(2) + QStringLiteral("****");
    return deviceId.left(4) + QStringLiteral("****") + deviceId.right(4);
}

Result<QString> deriveKey(const QString& password, const QString& salt) {
    auto key = crypto::pbkdf2Sha256(password.toUtf8(), salt.toUtf8(), kKdfIterations, 32);
    if (!key) return key.error();
    const QString hex = QString::fromLatin1(key->toHex());
    crypto::secureWipe(*key);
    return hex;
}

}  // namespace

// An account whose password is checked with a proof: where its K and lockout counters live.
struct CoreCalls::Account {
    QString table;  // "merchants" or "clerks"
    QString merchantNo;
    QString employeeNo;
    QString storedKey;  // K as stored: sealed with the store's master key
    qint64 failedAttempts = 0;
    qint64 lockedUntil = 0;

    // From the account's row (SELECT *) of merchants or clerks.
    static Account merchant(const QString& merchantNo, const Statement& row) {
        return {QStringLiteral("merchants"),
                merchantNo,
                {},
                row.columnText("k_merchant"),
                row.columnInt64("failed_attempts"),
                row.columnInt64("locked_until")};
    }
    static Account clerk(const QString& merchantNo, const QString& employeeNo, const Statement& row) {
        return {QStringLiteral("clerks"),
                merchantNo,
                employeeNo,
                row.columnText("k_clerk"),
                row.columnInt64("failed_attempts"),
                row.columnInt64("locked_until")};
    }
};

Result<QString> CoreCalls::merchantKey(const QString& password, const QString& merchantNo) {
    return deriveKey(password, QStringLiteral("facepos-merchant-v1:") + merchantNo);
}

Result<QString> CoreCalls::clerkKey(const QString& password, const QString& merchantNo, const QString& employeeNo) {
    return deriveKey(password, QStringLiteral("facepos-clerk-v1:%1:%2").arg(merchantNo, employeeNo));
}

void CoreCalls::registerWith(Gateway& gateway) {
    auto bind = [this](CallResult (CoreCalls::*method)(const CallContext&)) {
        return [this, method](const CallContext& context) { return (this->*method)(context); };
    };
    gateway.registerCall(QStringLiteral("activation_request"), CallAccess::Open, bind(&CoreCalls::activationRequest));
    gateway.registerCall(QStringLiteral("activation_status"), CallAccess::Open, bind(&CoreCalls::activationStatus));
    gateway.registerCall(QStringLiteral("merchant_login"), CallAccess::Device, bind(&CoreCalls::merchantLogin));
    gateway.registerCall(QStringLiteral("clerk_login"), CallAccess::Device, bind(&CoreCalls::clerkLogin));
    // logout checks its own token: ending an ended session answers {"ended": true} (§9.4).
    gateway.registerCall(QStringLiteral("logout"), CallAccess::Device, bind(&CoreCalls::logout));
    gateway.registerCall(QStringLiteral("clerk_create"), CallAccess::Merchant, bind(&CoreCalls::clerkCreate));
    gateway.registerCall(QStringLiteral("clerk_list"), CallAccess::Merchant, bind(&CoreCalls::clerkList));
    gateway.registerCall(QStringLiteral("clerk_reset_password"), CallAccess::Merchant,
                         bind(&CoreCalls::clerkResetPassword));
    gateway.registerCall(QStringLiteral("clerk_disable"), CallAccess::Merchant, bind(&CoreCalls::clerkDisable));
    gateway.registerCall(QStringLiteral("shift_open"), CallAccess::Device, bind(&CoreCalls::shiftOpen));
    gateway.registerCall(QStringLiteral("shift_close"), CallAccess::Device, bind(&CoreCalls::shiftClose));
    gateway.registerCall(QStringLiteral("member_query"), CallAccess::Session, bind(&CoreCalls::memberQuery));
    gateway.registerCall(QStringLiteral("voucher_check"), CallAccess::Session, bind(&CoreCalls::voucherCheck));
    gateway.registerCall(QStringLiteral("voucher_redeem"), CallAccess::Device, bind(&CoreCalls::voucherRedeem));
    gateway.registerCall(QStringLiteral("sync_upload"), CallAccess::Device, bind(&CoreCalls::syncUpload));
    gateway.registerCall(QStringLiteral("heartbeat"), CallAccess::Device, bind(&CoreCalls::heartbeat));
    gateway.registerCall(QStringLiteral("update_check"), CallAccess::Device, bind(&CoreCalls::updateCheck));
}

// ---- passwords -------------------------------------------------------------------------------------------------

Result<std::optional<CallResult>> CoreCalls::checkPassword(const Account& account, const QJsonObject& request) {
    const qint64 now = m_store.nowSecs();
    if (account.lockedUntil > now) {
        return std::optional<CallResult>(CallResult::fail(
            ApiError::AccountLocked, QStringLiteral("the account is locked after 5 wrong passwords"),
            QJsonObject{{QStringLiteral("locked_until"), SandboxStore::formatTime(account.lockedUntil)}}));
    }
    auto keyHex = m_store.unprotect(account.storedKey);
    if (!keyHex) return keyHex.error();
    QByteArray key = QByteArray::fromHex(keyHex->toLatin1());
    auto expected = api::passwordProof(request, key, u"password_proof");
    crypto::secureWipe(key);
    if (!expected) return expected.error();
    const QByteArray received = request.value(QStringLiteral("password_proof")).toString().toUpper().toLatin1();
    const QString update =
        QStringLiteral("UPDATE %1 SET failed_attempts = ?, locked_until = ? WHERE merchant_no = ?%2")
            .arg(account.table, account.employeeNo.isEmpty() ? QString() : QStringLiteral(" AND employee_no = ?"));
    auto store = [&](qint64 failed, qint64 lockedUntil) -> Result<void> {
        if (account.employeeNo.isEmpty())
            return m_store.db().execute(update, {failed, lockedUntil, account.merchantNo});
        return m_store.db().execute(update, {failed, lockedUntil, account.merchantNo, account.employeeNo});
    };
    if (crypto::constantTimeEquals(received, expected->toLatin1())) {
        if (auto saved = store(0, 0); !saved) return saved.error();
        return std::optional<CallResult>();
    }
    const qint64 failed = account.failedAttempts + 1;
    if (failed >= kMaxFailedAttempts) {
        const qint64 lockedUntil = now + kLockSeconds;
        if (auto saved = store(0, lockedUntil); !saved) return saved.error();
        return std::optional<CallResult>(CallResult::fail(
            ApiError::AccountLocked, QStringLiteral("5 wrong passwords: the account is locked for 15 minutes"),
            QJsonObject{{QStringLiteral("locked_until"), SandboxStore::formatTime(lockedUntil)}}));
    }
    if (auto saved = store(failed, 0); !saved) return saved.error();
    return std::optional<CallResult>(
        CallResult::fail(ApiError::BadCredentials, QStringLiteral("wrong account or password"),
                         QJsonObject{{QStringLiteral("attempts_left"), kMaxFailedAttempts - failed}}));
}

// ---- activation (§8) -------------------------------------------------------------------------------------------

Result<QJsonObject> CoreCalls::activationData(const QString& requestId) {
    auto row =
        queryRow(m_store.db(),
                 QStringLiteral("SELECT r.*, m.name AS merchant_name, s.name AS store_name, d.state AS device_state, "
                                "d.current_request_id, d.secret_confirmed FROM activation_requests r "
                                "JOIN merchants m ON m.merchant_no = r.merchant_no "
                                "LEFT JOIN stores s ON s.merchant_no = r.merchant_no AND s.store_no = r.store_no "
                                "LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.request_id = ?"),
                 {requestId});
    if (!row) return row.error();
    if (!row->has_value()) return makeError(QStringLiteral("sandbox.not_found"), requestId);
    const Statement& r = **row;
    QString state = r.columnText("state");
    const bool current = r.columnText("current_request_id") == requestId;
    if (state == QStringLiteral("activated") &&
        (!current || r.columnText("device_state") != QStringLiteral("activated"))) {
        state = QStringLiteral("unbound");
    }
    QJsonObject data{{QStringLiteral("request_id"), requestId},
                     {QStringLiteral("state"), state},
                     {QStringLiteral("submitted_at"), SandboxStore::formatTime(r.columnInt64("submitted_at"))},
                     {QStringLiteral("merchant_no"), r.columnText("merchant_no")},
                     {QStringLiteral("merchant_name"), r.columnText("merchant_name")},
                     {QStringLiteral("store_no"), r.columnText("store_no")},
                     {QStringLiteral("store_name"), r.columnText("store_name")}};
    if (!r.columnIsNull("decided_at")) {
        data.insert(QStringLiteral("decided_at"), SandboxStore::formatTime(r.columnInt64("decided_at")));
    }
    if (state == QStringLiteral("rejected"))
        data.insert(QStringLiteral("reject_reason"), r.columnText("reject_reason"));
    if (state == QStringLiteral("activated") && !r.columnBool("secret_confirmed")) {
        data.insert(QStringLiteral("sealed_secret"), r.columnText("sealed_secret"));
    }
    return data;
}

CallResult CoreCalls::activationRequest(const CallContext& context) {
    FieldReader fields(context.request);
    const QString publicKeyText = fields.string(QStringLiteral("device_public_key"));
    fields.string(QStringLiteral("device_model"), {}, true, 32);
    fields.string(QStringLiteral("app_version"), kVersionPattern);
    const QString requestedStore =
        fields.string(QStringLiteral("store_no"), QStringLiteral("[0-9A-Za-z_-]{1,32}"), false);
    fields.string(QStringLiteral("password_proof"), kProofPattern);
    if (!fields.ok()) return fields.error();
    const QByteArray publicKey = QByteArray::fromBase64(publicKeyText.toLatin1());
    if (publicKey.size() != crypto::kEcRawPublicKeySize ||
        !crypto::sealToPublicKey(publicKey, "probe", "facepos key check")) {
        return FieldReader::invalid(QStringLiteral("device_public_key"),
                                    QStringLiteral("must be base64 of a 65-byte P-256 point on the curve"));
    }
    const QString merchantNo = context.request.value(QStringLiteral("appid")).toString().mid(3);

    auto device =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM devices WHERE device_id = ?"), {context.deviceId});
    if (!device) return internalError(device.error());
    if (device->has_value() && (**device).columnText("state") == QStringLiteral("activated")) {
        return CallResult::fail(ApiError::DeviceAlreadyActivated,
                                QStringLiteral("device %1 is already activated").arg(context.deviceId),
                                QJsonObject{{QStringLiteral("merchant_no"), (**device).columnText("merchant_no")}});
    }

    auto merchant =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM merchants WHERE merchant_no = ?"), {merchantNo});
    if (!merchant) return internalError(merchant.error());
    if (!merchant->has_value()) {
        return CallResult::fail(ApiError::BadCredentials, QStringLiteral("wrong account or password"),
                                QJsonObject{{QStringLiteral("attempts_left"), kMaxFailedAttempts}});
    }
    const Account account = Account::merchant(merchantNo, **merchant);
    merchant->reset();
    auto refused = checkPassword(account, context.request);
    if (!refused) return internalError(refused.error());
    if (refused->has_value()) return **refused;

    auto store = requestedStore.isEmpty()
                     ? m_store.db().queryText(QStringLiteral("SELECT store_no FROM stores WHERE merchant_no = ? "
                                                             "ORDER BY store_no LIMIT 1"),
                                              {merchantNo})
                     : m_store.db().queryText(QStringLiteral("SELECT store_no FROM stores WHERE merchant_no = ? AND "
                                                             "store_no = ?"),
                                              {merchantNo, requestedStore});
    if (!store) return internalError(store.error());
    if (!store->has_value()) return FieldReader::invalid(QStringLiteral("store_no"), QStringLiteral("unknown store"));
    const QString storeNo = **store;

    // A pending request with the same binding and key is a retry: the same request_id comes back.
    if (device->has_value()) {
        const QString current = (**device).columnText("current_request_id");
        auto pending =
            queryRow(m_store.db(),
                     QStringLiteral("SELECT request_id FROM activation_requests WHERE request_id = ? AND "
                                    "state = 'pending' AND merchant_no = ? AND store_no = ? AND public_key = ?"),
                     {current, merchantNo, storeNo, publicKey});
        if (!pending) return internalError(pending.error());
        if (pending->has_value()) {
            auto data = activationData(current);
            return data ? CallResult::ok(*data) : internalError(data.error());
        }
    }
    device->reset();

    auto random = SessionRegistry::randomAlphanumeric(18);
    if (!random) return internalError(random.error());
    const QString requestId =
        QStringLiteral("AR") + m_store.now().toString(QStringLiteral("yyyyMMdd")) + random->toUpper();
    const qint64 now = m_store.nowSecs();
    auto superseded = m_store.db().execute(
        QStringLiteral("UPDATE activation_requests SET state = 'superseded' WHERE device_id = ? AND state = 'pending'"),
        {context.deviceId});
    if (!superseded) return internalError(superseded.error());
    auto inserted = m_store.db().execute(
        QStringLiteral("INSERT INTO activation_requests(request_id, device_id, merchant_no, store_no, public_key, "
                       "device_model, app_version, state, submitted_at) VALUES(?, ?, ?, ?, ?, ?, ?, 'pending', ?)"),
        {requestId, context.deviceId, merchantNo, storeNo, publicKey,
         context.request.value(QStringLiteral("device_model")).toString(),
         context.request.value(QStringLiteral("app_version")).toString(), now});
    if (!inserted) return internalError(inserted.error());
    // The device keeps its old secret (if any) so answers after an unbinding can still be signed (§4.4).
    auto upserted = m_store.db().execute(
        QStringLiteral(
            "INSERT INTO devices(device_id, state, current_request_id) VALUES(?, 'pending', ?) "
            "ON CONFLICT(device_id) DO UPDATE SET state = 'pending', current_request_id = excluded.current_request_id"),
        {context.deviceId, requestId});
    if (!upserted) return internalError(upserted.error());
    qCInfo(lcSandbox) << "activation request" << requestId << "from" << context.deviceId << "for" << merchantNo;
    auto data = activationData(requestId);
    return data ? CallResult::ok(*data) : internalError(data.error());
}

CallResult CoreCalls::activationStatus(const CallContext& context) {
    FieldReader fields(context.request);
    const QString requestId = fields.string(QStringLiteral("request_id"), {}, true, 64);
    if (!fields.ok()) return fields.error();
    auto owner = m_store.db().queryText(
        QStringLiteral("SELECT r.request_id FROM activation_requests r JOIN devices d ON d.device_id = r.device_id "
                       "WHERE r.request_id = ? AND r.device_id = ? AND d.current_request_id = r.request_id"),
        {requestId, context.deviceId});
    if (!owner) return internalError(owner.error());
    if (!owner->has_value()) {
        return CallResult::fail(ApiError::ActivationNotFound,
                                QStringLiteral("request_id is not this device's current request"));
    }
    auto data = activationData(requestId);
    return data ? CallResult::ok(*data) : internalError(data.error());
}

CallResult CoreCalls::approveActivation(const QString& requestId, const QString& storeNo) {
    auto request =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM activation_requests WHERE request_id = ?"), {requestId});
    if (!request) return internalError(request.error());
    if (!request->has_value() || (**request).columnText("state") != QStringLiteral("pending")) {
        return CallResult::fail(ApiError::ActivationNotFound, QStringLiteral("no pending request %1").arg(requestId));
    }
    const QString deviceId = (**request).columnText("device_id");
    const QString merchantNo = (**request).columnText("merchant_no");
    const QByteArray publicKey = (**request).columnBlob("public_key");
    QString bindStore = (**request).columnText("store_no");
    request->reset();
    if (!storeNo.isEmpty()) {
        auto known =
            m_store.db().queryText(QStringLiteral("SELECT store_no FROM stores WHERE merchant_no = ? AND store_no = ?"),
                                   {merchantNo, storeNo});
        if (!known) return internalError(known.error());
        if (!known->has_value())
            return FieldReader::invalid(QStringLiteral("store_no"), QStringLiteral("unknown store"));
        bindStore = storeNo;
    }
    auto secretBytes = crypto::randomBytes(32);
    if (!secretBytes) return internalError(secretBytes.error());
    QByteArray secret = secretBytes->toHex();
    crypto::secureWipe(*secretBytes);
    auto sealed =
        crypto::sealToPublicKey(publicKey, secret, QByteArray("facepos activation secret v1:") + requestId.toLatin1());
    if (!sealed) {
        crypto::secureWipe(secret);
        return internalError(sealed.error());
    }
    auto sealedSecret = m_store.protect(QString::fromLatin1(secret));
    crypto::secureWipe(secret);
    if (!sealedSecret) return internalError(sealedSecret.error());
    const qint64 now = m_store.nowSecs();
    auto updated = m_store.db().execute(
        QStringLiteral("UPDATE activation_requests SET state = 'activated', decided_at = ?, store_no = ?, "
                       "sealed_secret = ? WHERE request_id = ?"),
        {now, bindStore, QString::fromLatin1(sealed->toBase64()), requestId});
    if (!updated) return internalError(updated.error());
    auto device = m_store.db().execute(
        QStringLiteral("UPDATE devices SET state = 'activated', merchant_no = ?, store_no = ?, public_key = ?, "
                       "secret = ?, secret_confirmed = 0, activated_at = ?, unbound_at = NULL, unbound_reason = NULL "
                       "WHERE device_id = ?"),
        {merchantNo, bindStore, publicKey, *sealedSecret, now, deviceId});
    if (!device) return internalError(device.error());
    if (auto ended = SessionRegistry::endForDevice(m_store, deviceId); !ended) return internalError(ended.error());
    qCInfo(lcSandbox) << "activation" << requestId << "approved: device" << deviceId << "bound to" << merchantNo;
    return CallResult::ok(
        {{QStringLiteral("device_id"), deviceId}, {QStringLiteral("state"), QStringLiteral("activated")}});
}

CallResult CoreCalls::rejectActivation(const QString& requestId, const QString& reason) {
    auto deviceId = m_store.db().queryText(
        QStringLiteral("SELECT device_id FROM activation_requests WHERE request_id = ? AND state = 'pending'"),
        {requestId});
    if (!deviceId) return internalError(deviceId.error());
    if (!deviceId->has_value()) {
        return CallResult::fail(ApiError::ActivationNotFound, QStringLiteral("no pending request %1").arg(requestId));
    }
    auto updated = m_store.db().execute(
        QStringLiteral("UPDATE activation_requests SET state = 'rejected', decided_at = ?, reject_reason = ? "
                       "WHERE request_id = ?"),
        {m_store.nowSecs(), reason, requestId});
    if (!updated) return internalError(updated.error());
    auto device =
        m_store.db().execute(QStringLiteral("UPDATE devices SET state = 'rejected' WHERE device_id = ?"), {**deviceId});
    if (!device) return internalError(device.error());
    return CallResult::ok(
        {{QStringLiteral("device_id"), **deviceId}, {QStringLiteral("state"), QStringLiteral("rejected")}});
}

CallResult CoreCalls::unbindDevice(const QString& deviceId, const QString& reason) {
    auto state = m_store.db().queryText(QStringLiteral("SELECT state FROM devices WHERE device_id = ?"), {deviceId});
    if (!state) return internalError(state.error());
    if (!state->has_value() || **state != QStringLiteral("activated")) {
        return CallResult::fail(ApiError::NotFound, QStringLiteral("device %1 is not activated").arg(deviceId));
    }
    const qint64 now = m_store.nowSecs();
    auto updated = m_store.db().execute(
        QStringLiteral("UPDATE devices SET state = 'unbound', unbound_at = ?, unbound_reason = ? WHERE device_id = ?"),
        {now, reason, deviceId});
    if (!updated) return internalError(updated.error());
    if (auto ended = SessionRegistry::endForDevice(m_store, deviceId); !ended) return internalError(ended.error());
    qCInfo(lcSandbox) << "device" << deviceId << "unbound";
    return CallResult::ok({{QStringLiteral("unbound_at"), SandboxStore::formatTime(now)}});
}

// ---- sessions (§9) ---------------------------------------------------------------------------------------------

CallResult CoreCalls::merchantLogin(const CallContext& context) {
    FieldReader fields(context.request);
    fields.string(QStringLiteral("password_proof"), kProofPattern);
    if (!fields.ok()) return fields.error();
    auto merchant =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM merchants WHERE merchant_no = ?"), {context.merchantNo});
    if (!merchant) return internalError(merchant.error());
    if (!merchant->has_value())
        return internalError(makeError(QStringLiteral("sandbox.no_merchant"), context.merchantNo));
    const QString merchantName = (**merchant).columnText("name");
    const Account account = Account::merchant(context.merchantNo, **merchant);
    merchant->reset();
    auto refused = checkPassword(account, context.request);
    if (!refused) return internalError(refused.error());
    if (refused->has_value()) return **refused;

    auto other = SessionRegistry::liveMerchantSession(m_store, context.merchantNo);
    if (!other) return internalError(other.error());
    if (other->has_value() && (*other)->deviceId != context.deviceId) {
        return CallResult::fail(ApiError::MerchantSessionActive,
                                QStringLiteral("merchant %1 is signed in on another device").arg(context.merchantNo),
                                QJsonObject{{QStringLiteral("device_id"), maskDevice((*other)->deviceId)},
                                            {QStringLiteral("since"), SandboxStore::formatTime((*other)->createdAt)}});
    }
    auto session = SessionRegistry::start(m_store, context.deviceId, context.merchantNo, QStringLiteral("merchant"),
                                          QStringLiteral("M") + context.merchantNo, {});
    if (!session) return internalError(session.error());
    return signedIn(
        context, *session,
        {{QStringLiteral("merchant_no"), context.merchantNo}, {QStringLiteral("merchant_name"), merchantName}});
}

CallResult CoreCalls::clerkLogin(const CallContext& context) {
    FieldReader fields(context.request);
    const QString employeeNo = fields.string(QStringLiteral("employee_no"), kEmployeePattern);
    fields.string(QStringLiteral("password_proof"), kProofPattern);
    if (!fields.ok()) return fields.error();
    auto clerk =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM clerks WHERE merchant_no = ? AND employee_no = ?"),
                 {context.merchantNo, employeeNo});
    if (!clerk) return internalError(clerk.error());
    if (!clerk->has_value()) {
        return CallResult::fail(ApiError::BadCredentials, QStringLiteral("wrong account or password"),
                                QJsonObject{{QStringLiteral("attempts_left"), kMaxFailedAttempts}});
    }
    const QString name = (**clerk).columnText("name");
    const bool disabled = (**clerk).columnBool("disabled");
    const Account account = Account::clerk(context.merchantNo, employeeNo, **clerk);
    clerk->reset();
    auto refused = checkPassword(account, context.request);
    if (!refused) return internalError(refused.error());
    if (refused->has_value()) return **refused;
    if (disabled)
        return CallResult::fail(ApiError::ClerkDisabled, QStringLiteral("clerk %1 is disabled").arg(employeeNo));

    auto session = SessionRegistry::start(m_store, context.deviceId, context.merchantNo, QStringLiteral("clerk"),
                                          QStringLiteral("C") + employeeNo, employeeNo);
    if (!session) return internalError(session.error());
    auto touched = m_store.db().execute(
        QStringLiteral("UPDATE clerks SET last_login_at = ? WHERE merchant_no = ? AND employee_no = ?"),
        {m_store.nowSecs(), context.merchantNo, employeeNo});
    if (!touched) return internalError(touched.error());
    return signedIn(context, *session, {{QStringLiteral("employee_no"), employeeNo}, {QStringLiteral("name"), name}});
}

CallResult CoreCalls::signedIn(const CallContext& context, const SessionInfo& session, QJsonObject roleFields) {
    auto storeName =
        m_store.db().queryText(QStringLiteral("SELECT name FROM stores WHERE merchant_no = ? AND store_no = ?"),
                               {context.merchantNo, context.storeNo});
    if (!storeName) return internalError(storeName.error());
    roleFields.insert(QStringLiteral("session_token"), session.token);
    roleFields.insert(QStringLiteral("role"), session.role);
    roleFields.insert(QStringLiteral("operator_id"), session.operatorId);
    roleFields.insert(QStringLiteral("store_no"), context.storeNo);
    roleFields.insert(QStringLiteral("store_name"), storeName->value_or(QString()));
    roleFields.insert(QStringLiteral("expires_at"),
                      SandboxStore::formatTime(session.createdAt + SessionRegistry::kLifetimeSeconds));
    roleFields.insert(QStringLiteral("idle_timeout_s"), SessionRegistry::kIdleSeconds);
    return CallResult::ok(std::move(roleFields));
}

CallResult CoreCalls::logout(const CallContext& context) {
    FieldReader fields(context.request);
    const QString token = fields.string(QStringLiteral("session_token"), QStringLiteral("[0-9A-Za-z]{32}"));
    if (!fields.ok()) return fields.error();
    auto ended = SessionRegistry::endToken(m_store, token, context.deviceId);
    if (!ended) return internalError(ended.error());
    return CallResult::ok({{QStringLiteral("ended"), true}});
}

// ---- clerks (§9.5–§9.9) ----------------------------------------------------------------------------------------

Result<std::optional<QJsonObject>> CoreCalls::clerkObject(const QString& merchantNo, const QString& employeeNo) {
    auto row = queryRow(m_store.db(), QStringLiteral("SELECT * FROM clerks WHERE merchant_no = ? AND employee_no = ?"),
                        {merchantNo, employeeNo});
    if (!row) return row.error();
    if (!row->has_value()) return std::optional<QJsonObject>();
    const Statement& r = **row;
    const qint64 lockedUntil = r.columnInt64("locked_until");
    QString status = QStringLiteral("active");
    if (r.columnBool("disabled")) {
        status = QStringLiteral("disabled");
    } else if (lockedUntil > m_store.nowSecs()) {
        status = QStringLiteral("locked");
    }
    QJsonObject clerk{{QStringLiteral("operator_id"), QStringLiteral("C") + employeeNo},
                      {QStringLiteral("employee_no"), employeeNo},
                      {QStringLiteral("name"), r.columnText("name")},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("created_at"), SandboxStore::formatTime(r.columnInt64("created_at"))}};
    if (status == QStringLiteral("locked"))
        clerk.insert(QStringLiteral("locked_until"), SandboxStore::formatTime(lockedUntil));
    if (!r.columnIsNull("last_login_at")) {
        clerk.insert(QStringLiteral("last_login_at"), SandboxStore::formatTime(r.columnInt64("last_login_at")));
    }
    return std::optional<QJsonObject>(clerk);
}

CallResult CoreCalls::clerkAnswer(const QString& merchantNo, const QString& employeeNo) {
    auto clerk = clerkObject(merchantNo, employeeNo);
    if (!clerk) return internalError(clerk.error());
    return CallResult::ok({{QStringLiteral("clerk"), **clerk}});
}

CallResult CoreCalls::clerkCreate(const CallContext& context) {
    FieldReader fields(context.request);
    const QString employeeNo = fields.string(QStringLiteral("employee_no"), kEmployeePattern);
    const QString name = fields.string(QStringLiteral("name"), {}, true, 32);
    const QString verifier = fields.string(QStringLiteral("password_verifier"), kVerifierPattern);
    if (!fields.ok()) return fields.error();
    auto existing = queryRow(
        m_store.db(), QStringLiteral("SELECT name, k_clerk FROM clerks WHERE merchant_no = ? AND employee_no = ?"),
        {context.merchantNo, employeeNo});
    if (!existing) return internalError(existing.error());
    if (existing->has_value()) {
        auto storedKey = m_store.unprotect((**existing).columnText(1));
        if (!storedKey) return internalError(storedKey.error());
        const bool same = (**existing).columnText(0) == name &&
                          crypto::constantTimeEquals(storedKey->toLatin1(), verifier.toLatin1());
        existing->reset();
        auto clerk = clerkObject(context.merchantNo, employeeNo);
        if (!clerk) return internalError(clerk.error());
        if (!same) {
            return CallResult::fail(ApiError::ClerkExists, QStringLiteral("employee_no %1 is in use").arg(employeeNo),
                                    QJsonObject{{QStringLiteral("clerk"), **clerk}});
        }
        return CallResult::ok({{QStringLiteral("clerk"), **clerk}});
    }
    auto sealedKey = m_store.protect(verifier);
    if (!sealedKey) return internalError(sealedKey.error());
    auto inserted = m_store.db().execute(
        QStringLiteral("INSERT INTO clerks(merchant_no, employee_no, name, k_clerk, created_at) VALUES(?, ?, ?, ?, ?)"),
        {context.merchantNo, employeeNo, name, *sealedKey, m_store.nowSecs()});
    if (!inserted) return internalError(inserted.error());
    return clerkAnswer(context.merchantNo, employeeNo);
}

CallResult CoreCalls::clerkList(const CallContext& context) {
    FieldReader fields(context.request);
    const bool includeDisabled = fields.boolean(QStringLiteral("include_disabled"), true);
    if (!fields.ok()) return fields.error();
    auto statement = m_store.db().prepare(QStringLiteral(
        "SELECT employee_no FROM clerks WHERE merchant_no = ? AND (? OR disabled = 0) ORDER BY employee_no"));
    if (!statement) return internalError(statement.error());
    if (auto bound = statement->bindAll({context.merchantNo, includeDisabled}); !bound)
        return internalError(bound.error());
    QStringList numbers;
    for (;;) {
        auto row = statement->step();
        if (!row) return internalError(row.error());
        if (!*row) break;
        numbers.append(statement->columnText(0));
    }
    std::sort(numbers.begin(), numbers.end(),
              [](const QString& a, const QString& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; });
    QJsonArray clerks;
    for (const QString& number : std::as_const(numbers)) {
        auto clerk = clerkObject(context.merchantNo, number);
        if (!clerk) return internalError(clerk.error());
        clerks.append(**clerk);
    }
    return CallResult::ok({{QStringLiteral("clerks"), clerks}});
}

CallResult CoreCalls::clerkResetPassword(const CallContext& context) {
    FieldReader fields(context.request);
    const QString employeeNo = fields.string(QStringLiteral("employee_no"), kEmployeePattern);
    const QString verifier = fields.string(QStringLiteral("password_verifier"), kVerifierPattern);
    if (!fields.ok()) return fields.error();
    auto existing =
        m_store.db().queryText(QStringLiteral("SELECT k_clerk FROM clerks WHERE merchant_no = ? AND employee_no = ?"),
                               {context.merchantNo, employeeNo});
    if (!existing) return internalError(existing.error());
    if (!existing->has_value())
        return CallResult::fail(ApiError::ClerkNotFound, QStringLiteral("no clerk %1").arg(employeeNo));
    auto storedKey = m_store.unprotect(**existing);
    if (!storedKey) return internalError(storedKey.error());
    if (*storedKey != verifier) {
        auto sealedKey = m_store.protect(verifier);
        if (!sealedKey) return internalError(sealedKey.error());
        auto updated = m_store.db().execute(
            QStringLiteral("UPDATE clerks SET k_clerk = ?, failed_attempts = 0, locked_until = 0 WHERE merchant_no = ? "
                           "AND employee_no = ?"),
            {*sealedKey, context.merchantNo, employeeNo});
        if (!updated) return internalError(updated.error());
        auto ended = SessionRegistry::endForClerk(m_store, context.merchantNo, employeeNo);
        if (!ended) return internalError(ended.error());
    }
    return clerkAnswer(context.merchantNo, employeeNo);
}

CallResult CoreCalls::clerkDisable(const CallContext& context) {
    FieldReader fields(context.request);
    const QString employeeNo = fields.string(QStringLiteral("employee_no"), kEmployeePattern);
    const bool disabled = fields.boolean(QStringLiteral("disabled"), true);
    if (!fields.ok()) return fields.error();
    auto updated =
        m_store.db().execute(QStringLiteral("UPDATE clerks SET disabled = ? WHERE merchant_no = ? AND employee_no = ?"),
                             {disabled, context.merchantNo, employeeNo});
    if (!updated) return internalError(updated.error());
    if (m_store.db().changes() == 0) {
        return CallResult::fail(ApiError::ClerkNotFound, QStringLiteral("no clerk %1").arg(employeeNo));
    }
    if (disabled) {
        auto ended = SessionRegistry::endForClerk(m_store, context.merchantNo, employeeNo);
        if (!ended) return internalError(ended.error());
    }
    return clerkAnswer(context.merchantNo, employeeNo);
}

// ---- shifts (§10) ----------------------------------------------------------------------------------------------

namespace {

// The operator must be the merchant or one of its clerks.
Result<bool> operatorBelongs(Database& db, const QString& merchantNo, const QString& operatorId) {
    if (operatorId.startsWith(QLatin1Char('M'))) return operatorId.mid(1) == merchantNo;
    auto clerk = db.queryInt64(QStringLiteral("SELECT 1 FROM clerks WHERE merchant_no = ? AND employee_no = ?"),
                               {merchantNo, operatorId.mid(1)});
    if (!clerk) return clerk.error();
    return clerk->has_value();
}

}  // namespace

Result<QJsonObject> CoreCalls::shiftObject(const QString& merchantNo, const QString& shiftNo) {
    auto row = queryRow(m_store.db(), QStringLiteral("SELECT * FROM shifts WHERE merchant_no = ? AND shift_no = ?"),
                        {merchantNo, shiftNo});
    if (!row) return row.error();
    if (!row->has_value()) return makeError(QStringLiteral("sandbox.not_found"), shiftNo);
    const Statement& r = **row;
    const bool closed = !r.columnIsNull("closed_at");
    QJsonObject shift{{QStringLiteral("shift_no"), shiftNo},
                      {QStringLiteral("operator_id"), r.columnText("operator_id")},
                      {QStringLiteral("state"), closed ? QStringLiteral("closed") : QStringLiteral("open")},
                      {QStringLiteral("opened_at"), r.columnText("opened_at")},
                      {QStringLiteral("received_at"), SandboxStore::formatTime(r.columnInt64("received_at"))}};
    if (closed) shift.insert(QStringLiteral("closed_at"), r.columnText("closed_at"));
    return shift;
}

CallResult CoreCalls::shiftOpen(const CallContext& context) {
    FieldReader fields(context.request);
    const QString shiftNo = fields.string(QStringLiteral("shift_no"), kNumberPattern);
    const QString operatorId = fields.string(QStringLiteral("operator_id"), kOperatorPattern);
    const QString openedAt = fields.time(QStringLiteral("opened_at"));
    const auto openingCash = fields.integer(QStringLiteral("opening_cash_fee"), 0, 100000000);
    if (!fields.ok()) return fields.error();
    auto belongs = operatorBelongs(m_store.db(), context.merchantNo, operatorId);
    if (!belongs) return internalError(belongs.error());
    if (!*belongs)
        return FieldReader::invalid(QStringLiteral("operator_id"), QStringLiteral("not an operator of this merchant"));

    auto existing =
        queryRow(m_store.db(),
                 QStringLiteral("SELECT operator_id, opened_at, opening_cash_fee, open_received FROM shifts "
                                "WHERE merchant_no = ? AND shift_no = ?"),
                 {context.merchantNo, shiftNo});
    if (!existing) return internalError(existing.error());
    if (existing->has_value()) {
        const Statement& r = **existing;
        const bool sameShift = r.columnText(0) == operatorId && r.columnText(1) == openedAt;
        const bool openReceived = r.columnBool(3);
        if (!sameShift || (openReceived && r.columnInt64(2) != *openingCash)) {
            return CallResult::fail(ApiError::ShiftConflict,
                                    QStringLiteral("shift_no %1 was used with other values").arg(shiftNo));
        }
        existing->reset();
        if (!openReceived) {
            // The close arrived first (§10.2); the open completes the record.
            auto updated = m_store.db().execute(
                QStringLiteral("UPDATE shifts SET opening_cash_fee = ?, open_received = 1 WHERE merchant_no = ? AND "
                               "shift_no = ?"),
                {*openingCash, context.merchantNo, shiftNo});
            if (!updated) return internalError(updated.error());
        }
    } else {
        auto inserted = m_store.db().execute(
            QStringLiteral("INSERT INTO shifts(merchant_no, shift_no, device_id, operator_id, opened_at, "
                           "opening_cash_fee, open_received, received_at) VALUES(?, ?, ?, ?, ?, ?, 1, ?)"),
            {context.merchantNo, shiftNo, context.deviceId, operatorId, openedAt, *openingCash, m_store.nowSecs()});
        if (!inserted) return internalError(inserted.error());
    }
    auto shift = shiftObject(context.merchantNo, shiftNo);
    return shift ? CallResult::ok({{QStringLiteral("shift"), *shift}}) : internalError(shift.error());
}

CallResult CoreCalls::shiftClose(const CallContext& context) {
    FieldReader fields(context.request);
    const QString shiftNo = fields.string(QStringLiteral("shift_no"), kNumberPattern);
    const QString operatorId = fields.string(QStringLiteral("operator_id"), kOperatorPattern);
    const QString openedAt = fields.time(QStringLiteral("opened_at"));
    const QString closedAt = fields.time(QStringLiteral("closed_at"));
    const QJsonObject report = fields.object(QStringLiteral("report"));
    if (!fields.ok()) return fields.error();
    FieldReader reportFields(report);
    for (const char* name : {"order_count", "refund_count", "refund_fee", "voucher_count", "voucher_deduct_fee",
                             "opening_cash_fee", "expected_cash_fee", "counted_cash_fee"}) {
        reportFields.integer(QString::fromLatin1(name), 0, 100000000000);
    }
    reportFields.integer(QStringLiteral("cash_diff_fee"), -100000000000, 100000000000);
    const QJsonArray totals = reportFields.array(QStringLiteral("totals"));
    if (!reportFields.ok()) {
        const QString field = reportFields.error().data.toObject().value(QStringLiteral("field")).toString();
        return FieldReader::invalid(QStringLiteral("report"),
                                    QStringLiteral("report.%1 is missing or wrong").arg(field));
    }
    auto belongs = operatorBelongs(m_store.db(), context.merchantNo, operatorId);
    if (!belongs) return internalError(belongs.error());
    if (!*belongs)
        return FieldReader::invalid(QStringLiteral("operator_id"), QStringLiteral("not an operator of this merchant"));
    const QString reportJson = compactJson(report);

    auto existing = queryRow(m_store.db(),
                             QStringLiteral("SELECT operator_id, opened_at, closed_at, report FROM shifts "
                                            "WHERE merchant_no = ? AND shift_no = ?"),
                             {context.merchantNo, shiftNo});
    if (!existing) return internalError(existing.error());
    if (existing->has_value()) {
        const Statement& r = **existing;
        const bool conflict = r.columnText(0) != operatorId || r.columnText(1) != openedAt ||
                              (!r.columnIsNull(2) && (r.columnText(2) != closedAt || r.columnText(3) != reportJson));
        const bool alreadyClosed = !r.columnIsNull(2);
        existing->reset();
        if (conflict) {
            return CallResult::fail(ApiError::ShiftConflict,
                                    QStringLiteral("shift_no %1 was used with other values").arg(shiftNo));
        }
        if (!alreadyClosed) {
            auto updated = m_store.db().execute(
                QStringLiteral("UPDATE shifts SET closed_at = ?, report = ? WHERE merchant_no = ? AND shift_no = ?"),
                {closedAt, reportJson, context.merchantNo, shiftNo});
            if (!updated) return internalError(updated.error());
        }
    } else {
        auto inserted = m_store.db().execute(
            QStringLiteral("INSERT INTO shifts(merchant_no, shift_no, device_id, operator_id, opened_at, closed_at, "
                           "report, received_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
            {context.merchantNo, shiftNo, context.deviceId, operatorId, openedAt, closedAt, reportJson,
             m_store.nowSecs()});
        if (!inserted) return internalError(inserted.error());
    }

    QJsonArray serverTotals;
    if (m_hooks.serverTotals) {
        serverTotals = m_hooks.serverTotals(context.merchantNo, context.deviceId, operatorId,
                                            *SandboxStore::parseTime(openedAt), *SandboxStore::parseTime(closedAt));
    }
    // Compare the wallet channels only: cash exists on the server through sync_upload, not as payments.
    auto walletTotals = [](const QJsonArray& entries) {
        QMap<QString, QPair<qint64, qint64>> byChannel;
        for (const QJsonValue& entry : entries) {
            const QJsonObject item = entry.toObject();
            const QString channel = item.value(QStringLiteral("channel")).toString();
            if (channel == QStringLiteral("cash") || item.value(QStringLiteral("count")).toInteger() == 0) continue;
            byChannel.insert(channel, {item.value(QStringLiteral("count")).toInteger(),
                                       item.value(QStringLiteral("total_fee")).toInteger()});
        }
        return byChannel;
    };
    const bool mismatch = walletTotals(totals) != walletTotals(serverTotals);
    auto shift = shiftObject(context.merchantNo, shiftNo);
    if (!shift) return internalError(shift.error());
    return CallResult::ok({{QStringLiteral("shift"), *shift},
                           {QStringLiteral("server_totals"), serverTotals},
                           {QStringLiteral("mismatch"), mismatch}});
}

// ---- members and vouchers (§14) --------------------------------------------------------------------------------

namespace {

struct VoucherState {
    QString status;  // AVAILABLE, HELD, USED_UP, EXPIRED
    QString reason;  // why it cannot be used now (empty: usable), before order-specific checks
};

VoucherState voucherState(const Statement& r, qint64 now, const QString& forOrder) {
    VoucherState state{QStringLiteral("AVAILABLE"), {}};
    const bool held = !r.columnIsNull("hold_order_no") && r.columnInt64("hold_expires_at") > now;
    if (r.columnInt64("uses_left") <= 0) return {QStringLiteral("USED_UP"), QStringLiteral("USED_UP")};
    if (now > r.columnInt64("valid_to")) return {QStringLiteral("EXPIRED"), QStringLiteral("EXPIRED")};
    if (now < r.columnInt64("valid_from")) return {QStringLiteral("AVAILABLE"), QStringLiteral("NOT_STARTED")};
    if (held) {
        state.status = QStringLiteral("HELD");
        if (r.columnText("hold_order_no") != forOrder) state.reason = QStringLiteral("HELD_BY_OTHER_ORDER");
    }
    return state;
}

// The §14.2 deduction on amount A (after the member discount), capped so at least 1 fen is payable.
qint64 voucherDeduction(const Statement& r, qint64 amount) {
    const QString type = r.columnText("type");
    qint64 deduction = 0;
    if (type == QStringLiteral("PERCENT")) {
        deduction = amount * (100 - r.columnInt64("discount_pct")) / 100;
        const qint64 cap = r.columnInt64("max_reduce_fee");
        if (cap > 0) deduction = std::min(deduction, cap);
    } else {
        deduction = r.columnInt64("reduce_fee");
    }
    return std::min(deduction, amount - 1);
}

}  // namespace

Result<QJsonObject> CoreCalls::voucherObject(const Statement& r) {
    const QString type = r.columnText("type");
    QJsonObject voucher{{QStringLiteral("voucher_no"), r.columnText("voucher_no")},
                        {QStringLiteral("name"), r.columnText("name")},
                        {QStringLiteral("type"), type},
                        {QStringLiteral("valid_from"), SandboxStore::formatTime(r.columnInt64("valid_from"))},
                        {QStringLiteral("valid_to"), SandboxStore::formatTime(r.columnInt64("valid_to"))},
                        {QStringLiteral("uses_left"), r.columnInt64("uses_left")},
                        {QStringLiteral("stackable"), false},
                        {QStringLiteral("status"), voucherState(r, m_store.nowSecs(), {}).status}};
    if (type == QStringLiteral("THRESHOLD")) {
        voucher.insert(QStringLiteral("threshold_fee"), r.columnInt64("threshold_fee"));
        voucher.insert(QStringLiteral("reduce_fee"), r.columnInt64("reduce_fee"));
    } else if (type == QStringLiteral("PERCENT")) {
        voucher.insert(QStringLiteral("discount_pct"), r.columnInt64("discount_pct"));
        if (r.columnInt64("max_reduce_fee") > 0)
            voucher.insert(QStringLiteral("max_reduce_fee"), r.columnInt64("max_reduce_fee"));
    } else {
        voucher.insert(QStringLiteral("reduce_fee"), r.columnInt64("reduce_fee"));
    }
    if (!r.columnText("member_no").isEmpty()) voucher.insert(QStringLiteral("member_no"), r.columnText("member_no"));
    return voucher;
}

CallResult CoreCalls::memberQuery(const CallContext& context) {
    FieldReader fields(context.request);
    const QString cardNo = fields.string(QStringLiteral("member_card_no"), {}, true, 64);
    if (!fields.ok()) return fields.error();
    auto member =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM members WHERE merchant_no = ? AND member_card_no = ?"),
                 {context.merchantNo, cardNo});
    if (!member) return internalError(member.error());
    if (!member->has_value())
        return CallResult::fail(ApiError::MemberNotFound, QStringLiteral("member card not found"));
    const Statement& m = **member;
    const QString memberNo = m.columnText("member_no");
    const QString name = m.columnText("name");
    const QString status = m.columnText("status");
    QJsonObject result{
        {QStringLiteral("member_no"), memberNo},
        {QStringLiteral("name_masked"),
         name.size() <= 1 ? name : name.left(1) + QStringLiteral("*") + (name.size() > 2 ? name.right(1) : QString())},
        {QStringLiteral("level_code"), m.columnText("level_code")},
        {QStringLiteral("level_name"), m.columnText("level_name")},
        {QStringLiteral("discount_pct"), m.columnInt64("discount_pct")},
        {QStringLiteral("points"), m.columnInt64("points")},
        {QStringLiteral("points_per_yuan"), m.columnInt64("points_per_yuan")},
        {QStringLiteral("status"), status}};
    member->reset();
    QJsonArray vouchers;
    if (status == QStringLiteral("active")) {
        auto statement = m_store.db().prepare(
            QStringLiteral("SELECT * FROM vouchers WHERE merchant_no = ? AND member_no = ? ORDER BY voucher_no"));
        if (!statement) return internalError(statement.error());
        if (auto bound = statement->bindAll({context.merchantNo, memberNo}); !bound)
            return internalError(bound.error());
        for (;;) {
            auto row = statement->step();
            if (!row) return internalError(row.error());
            if (!*row) break;
            if (!voucherState(*statement, m_store.nowSecs(), {}).reason.isEmpty()) continue;
            auto voucher = voucherObject(*statement);
            if (!voucher) return internalError(voucher.error());
            vouchers.append(*voucher);
        }
    }
    result.insert(QStringLiteral("vouchers"), vouchers);
    return CallResult::ok({{QStringLiteral("member"), result}});
}

CallResult CoreCalls::voucherCheck(const CallContext& context) {
    FieldReader fields(context.request);
    const QString voucherNo = fields.string(QStringLiteral("voucher_no"), {}, true, 64);
    const QString orderNo = fields.string(QStringLiteral("mch_order_no"), kNumberPattern);
    const auto amount = fields.integer(QStringLiteral("total_fee"), 1, 100000000);
    const QString memberNo = fields.string(QStringLiteral("member_no"), {}, false, 64);
    const QJsonArray applied = fields.array(QStringLiteral("applied_voucher_nos"), false);
    if (!fields.ok()) return fields.error();
    auto voucher =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM vouchers WHERE merchant_no = ? AND voucher_no = ?"),
                 {context.merchantNo, voucherNo});
    if (!voucher) return internalError(voucher.error());
    if (!voucher->has_value()) return CallResult::fail(ApiError::VoucherNotFound, QStringLiteral("voucher not found"));
    const Statement& v = **voucher;
    const qint64 now = m_store.nowSecs();
    QString reason = voucherState(v, now, orderNo).reason;
    const QJsonArray stores = QJsonDocument::fromJson(v.columnText("store_nos").toUtf8()).array();
    bool otherVoucher = false;
    for (const QJsonValue& item : applied) otherVoucher = otherVoucher || item.toString() != voucherNo;
    if (reason.isEmpty() && !stores.isEmpty() && !stores.contains(QJsonValue(context.storeNo))) {
        reason = QStringLiteral("NOT_THIS_STORE");
    }
    if (reason.isEmpty() && !v.columnText("member_no").isEmpty() && v.columnText("member_no") != memberNo) {
        reason = QStringLiteral("NOT_THIS_MEMBER");
    }
    if (reason.isEmpty() && otherVoucher) reason = QStringLiteral("NOT_STACKABLE");
    if (reason.isEmpty() && v.columnText("type") == QStringLiteral("THRESHOLD") &&
        *amount < v.columnInt64("threshold_fee")) {
        reason = QStringLiteral("THRESHOLD_NOT_MET");
    }
    const qint64 deduction = voucherDeduction(v, *amount);
    auto object = voucherObject(v);
    if (!object) return internalError(object.error());
    voucher->reset();
    if (!reason.isEmpty()) {
        return CallResult::ok({{QStringLiteral("voucher"), *object},
                               {QStringLiteral("usable"), false},
                               {QStringLiteral("reason"), reason}});
    }
    const qint64 holdUntil = now + kVoucherHoldSeconds;
    auto held = m_store.db().execute(
        QStringLiteral("UPDATE vouchers SET hold_order_no = ?, hold_expires_at = ?, hold_deduct_fee = ? "
                       "WHERE merchant_no = ? AND voucher_no = ?"),
        {orderNo, holdUntil, deduction, context.merchantNo, voucherNo});
    if (!held) return internalError(held.error());
    object->insert(QStringLiteral("status"), QStringLiteral("HELD"));
    return CallResult::ok({{QStringLiteral("voucher"), *object},
                           {QStringLiteral("usable"), true},
                           {QStringLiteral("deduct_fee"), deduction},
                           {QStringLiteral("payable_fee"), *amount - deduction},
                           {QStringLiteral("hold_expires_at"), SandboxStore::formatTime(holdUntil)}});
}

CallResult CoreCalls::voucherRedeem(const CallContext& context) {
    FieldReader fields(context.request);
    const QString voucherNo = fields.string(QStringLiteral("voucher_no"), {}, true, 64);
    const QString orderNo = fields.string(QStringLiteral("mch_order_no"), kNumberPattern);
    const auto deduct = fields.integer(QStringLiteral("deduct_fee"), 1, 100000000);
    const QString operatorId = fields.string(QStringLiteral("operator_id"), kOperatorPattern);
    fields.time(QStringLiteral("redeemed_at"));
    if (!fields.ok()) return fields.error();

    auto redemptionData = [&]() -> Result<QJsonObject> {
        auto row = queryRow(m_store.db(),
                            QStringLiteral("SELECT * FROM voucher_redemptions WHERE merchant_no = ? AND voucher_no = ? "
                                           "AND mch_order_no = ?"),
                            {context.merchantNo, voucherNo, orderNo});
        if (!row) return row.error();
        if (!row->has_value()) return QJsonObject();
        const Statement& r = **row;
        return QJsonObject{{QStringLiteral("redeem_no"), r.columnText("redeem_no")},
                           {QStringLiteral("voucher_no"), voucherNo},
                           {QStringLiteral("mch_order_no"), orderNo},
                           {QStringLiteral("deduct_fee"), r.columnInt64("deduct_fee")},
                           {QStringLiteral("status"), QStringLiteral("REDEEMED")},
                           {QStringLiteral("store_no"), r.columnText("store_no")},
                           {QStringLiteral("redeemed_at"), SandboxStore::formatTime(r.columnInt64("redeemed_at"))},
                           {QStringLiteral("uses_left"), r.columnInt64("uses_left")}};
    };
    auto existing = redemptionData();
    if (!existing) return internalError(existing.error());
    if (!existing->isEmpty()) {
        if (existing->value(QStringLiteral("deduct_fee")).toInteger() != *deduct) {
            return CallResult::fail(ApiError::VoucherConflict, QStringLiteral("redeemed with another amount"));
        }
        return CallResult::ok({{QStringLiteral("redemption"), *existing}});
    }

    auto voucher =
        queryRow(m_store.db(), QStringLiteral("SELECT * FROM vouchers WHERE merchant_no = ? AND voucher_no = ?"),
                 {context.merchantNo, voucherNo});
    if (!voucher) return internalError(voucher.error());
    if (!voucher->has_value()) return CallResult::fail(ApiError::VoucherNotFound, QStringLiteral("voucher not found"));
    const Statement& v = **voucher;
    const qint64 now = m_store.nowSecs();
    const bool heldLive = !v.columnIsNull("hold_order_no") && v.columnInt64("hold_expires_at") > now;
    const bool heldForThis = heldLive && v.columnText("hold_order_no") == orderNo;
    if (heldLive && !heldForThis) {
        return CallResult::fail(ApiError::VoucherConflict, QStringLiteral("the voucher is held for another order"));
    }
    if (heldForThis && v.columnInt64("hold_deduct_fee") != *deduct) {
        return CallResult::fail(ApiError::VoucherConflict,
                                QStringLiteral("deduct_fee differs from the checked amount"));
    }
    const QString reason = v.columnInt64("uses_left") <= 0                     ? QStringLiteral("USED_UP")
                           : (!heldForThis && now > v.columnInt64("valid_to")) ? QStringLiteral("EXPIRED")
                                                                               : QString();
    const qint64 usesLeft = v.columnInt64("uses_left") - 1;
    voucher->reset();
    if (!reason.isEmpty()) {
        return CallResult::fail(ApiError::VoucherNotUsable,
                                QStringLiteral("the voucher cannot be redeemed: %1").arg(reason),
                                QJsonObject{{QStringLiteral("reason"), reason}});
    }
    auto sequence = m_store.nextSequence(QStringLiteral("redeem_no"));
    if (!sequence) return internalError(sequence.error());
    const QString redeemNo = QStringLiteral("RD%1%2")
                                 .arg(m_store.now().toString(QStringLiteral("yyyyMMdd")))
                                 .arg(*sequence, 10, 10, QLatin1Char('0'));
    auto updated = m_store.db().execute(
        QStringLiteral("UPDATE vouchers SET uses_left = ?, hold_order_no = NULL, hold_expires_at = NULL, "
                       "hold_deduct_fee = NULL WHERE merchant_no = ? AND voucher_no = ?"),
        {usesLeft, context.merchantNo, voucherNo});
    if (!updated) return internalError(updated.error());
    auto inserted = m_store.db().execute(
        QStringLiteral("INSERT INTO voucher_redemptions(merchant_no, voucher_no, mch_order_no, deduct_fee, redeem_no, "
                       "store_no, operator_id, redeemed_at, uses_left) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {context.merchantNo, voucherNo, orderNo, *deduct, redeemNo, context.storeNo, operatorId, now, usesLeft});
    if (!inserted) return internalError(inserted.error());
    auto redemption = redemptionData();
    if (!redemption) return internalError(redemption.error());
    return CallResult::ok({{QStringLiteral("redemption"), *redemption}});
}

// ---- sync_upload (§15.1) ---------------------------------------------------------------------------------------

namespace {

QJsonObject recordResult(const QJsonObject& record, ApiError error, const QString& msg, bool duplicate = false,
                         bool discrepancy = false) {
    const bool ok = error == ApiError::Ok;
    return QJsonObject{{QStringLiteral("record_id"), record.value(QStringLiteral("record_id"))},
                       {QStringLiteral("revision"), record.value(QStringLiteral("revision"))},
                       {QStringLiteral("status"), ok ? QStringLiteral("ACK") : QStringLiteral("REJECTED")},
                       {QStringLiteral("code"), static_cast<int>(error)},
                       {QStringLiteral("err_code"), api::errorName(error)},
                       {QStringLiteral("msg"), msg},
                       {QStringLiteral("duplicate"), duplicate},
                       {QStringLiteral("discrepancy"), discrepancy}};
}

// Required payload fields per kind (§15.1).
const QHash<QString, QStringList>& payloadFields() {
    static const QHash<QString, QStringList> fields{
        {QStringLiteral("order"),
         {QStringLiteral("mch_order_no"), QStringLiteral("channel"), QStringLiteral("status"),
          QStringLiteral("total_fee"), QStringLiteral("fee_type"), QStringLiteral("operator_id")}},
        {QStringLiteral("payment"),
         {QStringLiteral("mch_order_no"), QStringLiteral("attempt"), QStringLiteral("action"),
          QStringLiteral("outcome"), QStringLiteral("at")}},
        {QStringLiteral("refund"),
         {QStringLiteral("mch_refund_no"), QStringLiteral("mch_order_no"), QStringLiteral("channel"),
          QStringLiteral("refund_fee"), QStringLiteral("fee_type"), QStringLiteral("status"),
          QStringLiteral("operator_id"), QStringLiteral("authorised_by")}},
        {QStringLiteral("points"),
         {QStringLiteral("member_no"), QStringLiteral("mch_order_no"), QStringLiteral("points"),
          QStringLiteral("reason"), QStringLiteral("at")}},
        {QStringLiteral("event"), {QStringLiteral("type"), QStringLiteral("at")}},
    };
    return fields;
}

}  // namespace

QJsonObject CoreCalls::syncRecord(const CallContext& context, const QJsonObject& record) {
    FieldReader fields(record);
    const QString recordId = fields.string(
        QStringLiteral("record_id"), QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    const QString kind = fields.string(QStringLiteral("kind"), QStringLiteral("[a-z_]{1,32}"));
    const auto revision = fields.integer(QStringLiteral("revision"), 1, 9007199254740991);
    const QString createdAt = fields.time(QStringLiteral("created_at"));
    const QJsonObject payload = fields.object(QStringLiteral("payload"));
    if (!fields.ok()) {
        return recordResult(record, static_cast<ApiError>(fields.error().code), fields.error().msg);
    }
    if (!payloadFields().contains(kind)) {
        return recordResult(record, ApiError::UnknownRecordKind, QStringLiteral("kind '%1' is not known").arg(kind));
    }
    FieldReader payloadReader(payload);
    for (const QString& name : payloadFields().value(kind)) {
        if (FieldReader::isEmpty(payload.value(name))) {
            return recordResult(record, ApiError::MissingField, QStringLiteral("payload.%1: required").arg(name));
        }
    }
    if (context.deviceUnbound) {
        auto unboundAt = m_store.db().queryInt64(QStringLiteral("SELECT unbound_at FROM devices WHERE device_id = ?"),
                                                 {context.deviceId});
        if (!unboundAt) return recordResult(record, ApiError::SystemError, QStringLiteral("internal failure"));
        if (*SandboxStore::parseTime(createdAt) >= unboundAt->value_or(0)) {
            return recordResult(record, ApiError::RecordOutOfBinding,
                                QStringLiteral("the record was made after the device was unbound"));
        }
    }
    const QString payloadJson = compactJson(payload);
    auto stored = queryRow(m_store.db(),
                           QStringLiteral("SELECT revision, kind, payload FROM sync_records WHERE device_id = ? AND "
                                          "record_id = ?"),
                           {context.deviceId, recordId});
    if (!stored) return recordResult(record, ApiError::SystemError, QStringLiteral("internal failure"));
    qint64 previousPoints = 0;
    if (stored->has_value()) {
        const qint64 storedRevision = (**stored).columnInt64(0);
        const bool samePayload = (**stored).columnText(1) == kind && (**stored).columnText(2) == payloadJson;
        previousPoints = parseObject((**stored).columnText(2)).value(QStringLiteral("points")).toInteger();
        stored->reset();
        if (storedRevision > *revision || (storedRevision == *revision && samePayload)) {
            return recordResult(record, ApiError::Ok, QStringLiteral("ok"), true);
        }
        if (storedRevision == *revision) {
            return recordResult(
                record, ApiError::RecordConflict,
                QStringLiteral("record %1 revision %2 was stored with another payload").arg(recordId).arg(*revision));
        }
    }
    auto saved = m_store.db().execute(
        QStringLiteral(
            "INSERT INTO sync_records(device_id, record_id, revision, kind, created_at, payload, received_at) "
            "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(device_id, record_id) DO UPDATE SET "
            "revision = excluded.revision, kind = excluded.kind, created_at = excluded.created_at, "
            "payload = excluded.payload, received_at = excluded.received_at"),
        {context.deviceId, recordId, *revision, kind, createdAt, payloadJson, m_store.nowSecs()});
    if (!saved) return recordResult(record, ApiError::SystemError, QStringLiteral("internal failure"));
    if (kind == QStringLiteral("points")) {
        // Balances follow the points records: a newer revision replaces the older one's effect.
        const qint64 delta = payload.value(QStringLiteral("points")).toInteger() - previousPoints;
        auto updated = m_store.db().execute(
            QStringLiteral("UPDATE members SET points = points + ? WHERE merchant_no = ? AND member_no = ?"),
            {delta, context.merchantNo, payload.value(QStringLiteral("member_no")).toString()});
        if (!updated) return recordResult(record, ApiError::SystemError, QStringLiteral("internal failure"));
    }
    const bool discrepancy = kind == QStringLiteral("order") && m_hooks.orderDiscrepancy &&
                             m_hooks.orderDiscrepancy(context.merchantNo, payload);
    return recordResult(record, ApiError::Ok, QStringLiteral("ok"), false, discrepancy);
}

CallResult CoreCalls::syncUpload(const CallContext& context) {
    FieldReader fields(context.request);
    const QJsonArray records = fields.array(QStringLiteral("records"));
    if (!fields.ok()) return fields.error();
    if (records.isEmpty() || records.size() > 100) {
        return FieldReader::invalid(QStringLiteral("records"), QStringLiteral("1 to 100 records"));
    }
    for (const QJsonValue& record : records) {
        if (!record.isObject())
            return FieldReader::invalid(QStringLiteral("records"), QStringLiteral("records are objects"));
    }
    QJsonArray results;
    for (const QJsonValue& record : records) results.append(syncRecord(context, record.toObject()));
    return CallResult::ok({{QStringLiteral("results"), results}});
}

// ---- device operations (§16) -----------------------------------------------------------------------------------

namespace {

// The published update for a channel (admin `update_publish`), or an empty object.
Result<QJsonObject> publishedUpdate(SandboxStore& store, const QString& channel) {
    auto text = store.setting(QStringLiteral("update:") + channel);
    if (!text) return text.error();
    return parseObject(*text);
}

bool isNewer(const QJsonObject& update, const QString& installed) {
    if (update.isEmpty()) return false;
    return QVersionNumber::fromString(update.value(QStringLiteral("version")).toString()) >
           QVersionNumber::fromString(installed);
}

}  // namespace

CallResult CoreCalls::heartbeat(const CallContext& context) {
    FieldReader fields(context.request);
    const QString appVersion = fields.string(QStringLiteral("app_version"), kVersionPattern);
    fields.integer(QStringLiteral("uptime_s"), 0, 9007199254740991);
    const auto pending = fields.integer(QStringLiteral("outbox_pending"), 0, 100000000);
    const auto dead = fields.integer(QStringLiteral("outbox_dead"), 0, 100000000);
    fields.time(QStringLiteral("last_sync_at"), false);
    fields.string(QStringLiteral("network"), QStringLiteral("ethernet|wifi|cellular"), false);
    const QString token = fields.string(QStringLiteral("session_token"), QStringLiteral("[0-9A-Za-z]{32}"), false);
    const auto configVersion = fields.integer(QStringLiteral("config_version"), 0, 9007199254740991, false);
    if (!fields.ok()) return fields.error();
    const qint64 now = m_store.nowSecs();
    auto updated = m_store.db().execute(
        QStringLiteral("UPDATE devices SET last_heartbeat_at = ?, app_version = ?, outbox_pending = ?, outbox_dead = ? "
                       "WHERE device_id = ?"),
        {now, appVersion, *pending, *dead, context.deviceId});
    if (!updated) return internalError(updated.error());

    QJsonObject data{{QStringLiteral("server_time"), QString::number(now)},
                     {QStringLiteral("heartbeat_interval_s"), kHeartbeatIntervalSeconds}};
    if (context.deviceUnbound) {
        auto device =
            queryRow(m_store.db(), QStringLiteral("SELECT unbound_at, unbound_reason FROM devices WHERE device_id = ?"),
                     {context.deviceId});
        if (!device) return internalError(device.error());
        data.insert(QStringLiteral("bound"), false);
        if (device->has_value()) {
            data.insert(QStringLiteral("unbound_at"), SandboxStore::formatTime((**device).columnInt64(0)));
            data.insert(QStringLiteral("unbound_reason"), (**device).columnText(1));
        }
        return CallResult::ok(data);
    }
    data.insert(QStringLiteral("bound"), true);
    if (!token.isEmpty()) {
        auto session = SessionRegistry::findLive(m_store, token, context.deviceId, true);
        if (!session) return internalError(session.error());
        data.insert(QStringLiteral("session_state"),
                    session->has_value() ? QStringLiteral("ACTIVE") : QStringLiteral("ENDED"));
    }
    auto update = publishedUpdate(m_store, QStringLiteral("stable"));
    if (!update) return internalError(update.error());
    data.insert(QStringLiteral("update_available"), isNewer(*update, appVersion));

    auto merchant = queryRow(m_store.db(),
                             QStringLiteral("SELECT m.name, m.channels, m.config_version, s.name FROM merchants m "
                                            "LEFT JOIN stores s ON s.merchant_no = m.merchant_no AND s.store_no = ? "
                                            "WHERE m.merchant_no = ?"),
                             {context.storeNo, context.merchantNo});
    if (!merchant) return internalError(merchant.error());
    if (merchant->has_value()) {
        const qint64 version = (**merchant).columnInt64(2);
        if (!configVersion || *configVersion < version) {
            data.insert(QStringLiteral("config"),
                        QJsonObject{{QStringLiteral("config_version"), version},
                                    {QStringLiteral("merchant_name"), (**merchant).columnText(0)},
                                    {QStringLiteral("store_no"), context.storeNo},
                                    {QStringLiteral("store_name"), (**merchant).columnText(3)},
                                    {QStringLiteral("channels"),
                                     QJsonDocument::fromJson((**merchant).columnText(1).toUtf8()).array()},
                                    {QStringLiteral("member_card_pattern"), QStringLiteral("^MC\\d{10}$")},
                                    {QStringLiteral("voucher_pattern"), QStringLiteral("^V\\d{10}$")}});
        }
    }
    return CallResult::ok(data);
}

CallResult CoreCalls::updateCheck(const CallContext& context) {
    FieldReader fields(context.request);
    const QString appVersion = fields.string(QStringLiteral("app_version"), kVersionPattern);
    fields.string(QStringLiteral("device_model"), {}, true, 32);
    QString channel = fields.string(QStringLiteral("update_channel"), QStringLiteral("stable|beta"), false);
    if (!fields.ok()) return fields.error();
    if (channel.isEmpty()) channel = QStringLiteral("stable");
    auto update = publishedUpdate(m_store, channel);
    if (!update) return internalError(update.error());
    if (!isNewer(*update, appVersion)) return CallResult::ok({{QStringLiteral("update_available"), false}});
    QJsonObject data = *update;
    data.insert(QStringLiteral("update_available"), true);
    return CallResult::ok(data);
}

}  // namespace facepos::sandbox
