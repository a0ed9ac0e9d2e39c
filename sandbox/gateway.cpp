#include "sandbox/gateway.h"

#include <QRegularExpression>
#include <optional>

#include "platform/api_signature.h"
#include "sandbox/field_reader.h"
#include "sandbox/sandbox_logging.h"
#include "sandbox/session_registry.h"
#include "sandbox/strict_json.h"

namespace facepos::sandbox {

namespace {

using api::ApiError;

struct DeviceRow {
    bool exists = false;
    QString state;
    QString merchantNo;
    QString storeNo;
    QString secret;
    bool secretConfirmed = false;
    qint64 unboundAt = 0;
};

Result<DeviceRow> loadDevice(SandboxStore& store, const QString& deviceId) {
    auto statement = store.db().prepare(QStringLiteral(
        "SELECT state, merchant_no, store_no, secret, secret_confirmed, unbound_at FROM devices WHERE device_id = ?"));
    if (!statement) return statement.error();
    if (auto bound = statement->bindAll({deviceId}); !bound) return bound.error();
    auto row = statement->step();
    if (!row) return row.error();
    DeviceRow device;
    if (!*row) return device;
    device.exists = true;
    device.state = statement->columnText(0);
    device.merchantNo = statement->columnText(1);
    device.storeNo = statement->columnText(2);
    if (!statement->columnIsNull(3)) {
        auto secret = store.unprotect(statement->columnText(3));
        if (!secret) return secret.error();
        device.secret = *secret;
    }
    device.secretConfirmed = statement->columnBool(4);
    device.unboundAt = statement->columnInt64(5);
    return device;
}

bool isJsonContentType(const QByteArray& contentType) {
    const QList<QByteArray> parts = contentType.split(';');
    if (parts.first().trimmed().toLower() != "application/json") return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed().toLower();
        if (!parameter.isEmpty() && parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"") return false;
    }
    return true;
}

CallResult systemError(const Error& error) {
    qCWarning(lcSandbox) << "internal failure:" << error.code << error.message;
    return CallResult::fail(ApiError::SystemError, QStringLiteral("internal failure; the outcome is unknown"));
}

}  // namespace

void Gateway::registerCall(const QString& call, CallAccess access, Handler handler, Transactions transactions) {
    m_calls.insert(call, Registration{access, std::move(handler), transactions});
}

bool Gateway::allowedAfterUnbind(const QString& call) {
    static const QStringList calls{QStringLiteral("heartbeat"),   QStringLiteral("sync_upload"),
                                   QStringLiteral("order_query"), QStringLiteral("order_reverse"),
                                   QStringLiteral("order_close"), QStringLiteral("refund_query")};
    return calls.contains(call);
}

QJsonObject Gateway::unknownCall(const QString& call) {
    QMutexLocker lock(&m_store.mutex());
    return envelope(CallResult::fail(ApiError::UnknownCall, QStringLiteral("unknown call '%1'").arg(call),
                                     QJsonObject{{QStringLiteral("call"), call}}),
                    {}, {}, {});
}

QJsonObject Gateway::bodyTooLarge() {
    QMutexLocker lock(&m_store.mutex());
    return envelope(CallResult::fail(ApiError::BodyTooLarge, QStringLiteral("the body is larger than 1 MiB"),
                                     QJsonObject{{QStringLiteral("limit"), 1048576}}),
                    {}, {}, {});
}

QJsonObject Gateway::process(const QString& call, const QByteArray& contentType, const QByteArray& body) {
    const auto found = m_calls.constFind(call);
    if (found == m_calls.cend()) return unknownCall(call);
    QMutexLocker lock(&m_store.mutex());
    return processLocked(call, *found, contentType, body);
}

QJsonObject Gateway::processLocked(const QString& call, const Registration& registration, const QByteArray& contentType,
                                   const QByteArray& body) {
    // Step 3: a JSON object under the API's rules.
    if (!isJsonContentType(contentType)) {
        return envelope(CallResult::fail(ApiError::MalformedRequest, QStringLiteral("Content-Type must be JSON"),
                                         QJsonObject{{QStringLiteral("detail"), QStringLiteral("Content-Type")}}),
                        {}, {}, {});
    }
    auto parsed = parseStrictJsonObject(body);
    if (!parsed) {
        return envelope(CallResult::fail(ApiError::MalformedRequest, parsed.error().message,
                                         QJsonObject{{QStringLiteral("detail"), parsed.error().message}}),
                        {}, {}, {});
    }
    const QJsonObject& request = *parsed;
    const QString echoedDevice = request.value(QStringLiteral("device_id")).toString();
    const QString echoedNonce = request.value(QStringLiteral("nonce_str")).toString();
    auto answer = [&](const CallResult& result, const QString& secret) {
        return envelope(result, echoedDevice, echoedNonce, secret);
    };

    // Step 4: the envelope fields.
    FieldReader envelopeFields(request);
    const QString appid = envelopeFields.string(QStringLiteral("appid"), QStringLiteral("mch[0-9]{8,12}"));
    const QString deviceId = envelopeFields.string(QStringLiteral("device_id"), QStringLiteral("[0-9A-Za-z-]{6,32}"));
    const QString nonce = envelopeFields.string(QStringLiteral("nonce_str"), QStringLiteral("[0-9A-Za-z]{32}"));
    const QString timeStampText = envelopeFields.string(QStringLiteral("time_stamp"), QStringLiteral("[0-9]{1,12}"));
    if (!envelopeFields.ok()) return answer(envelopeFields.error(), {});

    auto device = loadDevice(m_store, deviceId);
    if (!device) return answer(systemError(device.error()), {});
    const bool open = registration.access == CallAccess::Open;

    CallContext context;
    context.call = call;
    context.request = request;
    context.deviceId = deviceId;

    // Steps 5 and 6: signature, binding and appid.
    QString signingSecret;
    if (!open) {
        if (!device->exists || device->secret.isEmpty()) {
            QJsonValue data = QJsonValue::Null;
            if (device->exists) data = QJsonObject{{QStringLiteral("state"), device->state}};
            return answer(CallResult::fail(ApiError::DeviceNotActivated,
                                           QStringLiteral("device %1 is not activated").arg(deviceId), data),
                          {});
        }
        signingSecret = device->secret;
        if (FieldReader::isEmpty(request.value(QStringLiteral("sign")))) {
            return answer(CallResult::fail(ApiError::BadSignature, QStringLiteral("sign is missing")), signingSecret);
        }
        if (!api::verify(request, device->secret.toLatin1())) {
            return answer(CallResult::fail(ApiError::BadSignature, QStringLiteral("sign does not verify")),
                          signingSecret);
        }
        if (device->state != QStringLiteral("activated")) {
            // heartbeat always answers (bound: false) so the terminal learns of the unbinding whenever it asks.
            const bool inGrace =
                call == QStringLiteral("heartbeat") || (allowedAfterUnbind(call) && device->unboundAt > 0 &&
                                                        m_store.nowSecs() - device->unboundAt < kUnbindGraceSeconds);
            if (!inGrace) {
                auto reason = m_store.db().queryText(
                    QStringLiteral("SELECT unbound_reason FROM devices WHERE device_id = ?"), {deviceId});
                return answer(
                    CallResult::fail(
                        ApiError::DeviceUnbound, QStringLiteral("device %1 was unbound").arg(deviceId),
                        QJsonObject{{QStringLiteral("unbound_at"), SandboxStore::formatTime(device->unboundAt)},
                                    {QStringLiteral("reason"), reason ? reason->value_or(QString()) : QString()}}),
                    signingSecret);
            }
            context.deviceUnbound = true;
        }
        if (appid != QStringLiteral("mch") + device->merchantNo) {
            return answer(CallResult::fail(ApiError::AppidMismatch,
                                           QStringLiteral("appid %1 is not the merchant of this device").arg(appid)),
                          signingSecret);
        }
        context.merchantNo = device->merchantNo;
        context.storeNo = device->storeNo;
    }

    // Step 7: the time window.
    const qint64 serverTime = m_store.nowSecs();
    const qint64 skew = timeStampText.toLongLong() - serverTime;
    if (skew > kMaxSkewSeconds || skew < -kMaxSkewSeconds) {
        return answer(CallResult::fail(ApiError::TimestampSkew,
                                       QStringLiteral("time_stamp %1 is %2 s %3 the server")
                                           .arg(timeStampText)
                                           .arg(std::abs(skew))
                                           .arg(skew < 0 ? QStringLiteral("behind") : QStringLiteral("ahead of")),
                                       QJsonObject{{QStringLiteral("server_time"), QString::number(serverTime)},
                                                   {QStringLiteral("skew_s"), skew}}),
                      signingSecret);
    }

    // Step 8: the nonce, recorded (with the first use of a fresh secret, §8.1) whatever the call's outcome.
    {
        auto transaction = m_store.db().begin();
        if (!transaction) return answer(systemError(transaction.error()), signingSecret);
        auto pruned = m_store.db().execute(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"),
                                           {serverTime - kNonceMemorySeconds});
        if (!pruned) return answer(systemError(pruned.error()), signingSecret);
        auto recorded = m_store.db().execute(
            QStringLiteral("INSERT OR IGNORE INTO nonces(device_id, nonce, seen_at) VALUES(?, ?, ?)"),
            {deviceId, nonce, serverTime});
        if (!recorded) return answer(systemError(recorded.error()), signingSecret);
        if (m_store.db().changes() == 0) {
            return answer(CallResult::fail(ApiError::NonceReused, QStringLiteral("nonce_str was already used")),
                          signingSecret);
        }
        if (!open && !device->secretConfirmed && device->state == QStringLiteral("activated")) {
            auto confirmed = m_store.db().execute(
                QStringLiteral("UPDATE devices SET secret_confirmed = 1 WHERE device_id = ?"), {deviceId});
            if (!confirmed) return answer(systemError(confirmed.error()), signingSecret);
        }
        if (auto committed = transaction->commit(); !committed) {
            return answer(systemError(committed.error()), signingSecret);
        }
    }

    // Steps 9 and 10 in one transaction: a refused call leaves no trace but the failed-password counter. A handler
    // that manages its own transactions gets the session check (and the session's touch) committed first.
    auto transaction = m_store.db().begin();
    if (!transaction) return answer(systemError(transaction.error()), signingSecret);
    std::optional<CallResult> sessionRefusal;
    if (registration.access == CallAccess::Session || registration.access == CallAccess::Merchant) {
        const QString token = request.value(QStringLiteral("session_token")).toString();
        auto session = SessionRegistry::findLive(m_store, token, deviceId, true);
        if (!session) return answer(systemError(session.error()), signingSecret);
        if (!session->has_value()) {
            sessionRefusal = CallResult::fail(ApiError::SessionExpired, QStringLiteral("session_token is not live"));
        } else if (registration.access == CallAccess::Merchant && (*session)->role != QStringLiteral("merchant")) {
            sessionRefusal = CallResult::fail(ApiError::PermissionDenied,
                                              QStringLiteral("%1 needs the merchant's session").arg(call));
        } else {
            context.sessionToken = token;
            context.operatorId = (*session)->operatorId;
            context.role = (*session)->role;
        }
    }

    CallResult result;
    if (registration.transactions == Transactions::Handler) {
        // Such a handler commits its own work, so it cannot run just to validate: the session is checked first.
        if (sessionRefusal) return answer(*sessionRefusal, signingSecret);
        if (auto committed = transaction->commit(); !committed) {
            return answer(systemError(committed.error()), signingSecret);
        }
        result = registration.handler(context);
    } else {
        result = registration.handler(context);
        // §6.1 step 9 checks the call's own fields before the session: with a refused session the handler ran only
        // to validate, and its work is rolled back below.
        const bool fieldError = result.code == static_cast<int>(ApiError::MissingField) ||
                                result.code == static_cast<int>(ApiError::InvalidField);
        if (sessionRefusal && !fieldError) result = *sessionRefusal;
        const bool keep =
            !sessionRefusal && (result.code == 0 || result.code == static_cast<int>(ApiError::BadCredentials) ||
                                result.code == static_cast<int>(ApiError::AccountLocked));
        if (keep) {
            if (auto committed = transaction->commit(); !committed) result = systemError(committed.error());
        } else {
            auto rolledBack = transaction->rollback();
            if (!rolledBack) qCWarning(lcSandbox) << "rollback failed:" << rolledBack.error().message;
        }
    }
    qCDebug(lcSandbox) << call << deviceId << "->" << result.code;
    return answer(result, signingSecret);
}

QJsonObject Gateway::envelope(const CallResult& result, const QString& deviceId, const QString& requestNonce,
                              const QString& secret) {
    QJsonObject response{{QStringLiteral("code"), result.code},
                         {QStringLiteral("err_code"), api::errorName(result.code)},
                         {QStringLiteral("msg"), result.msg},
                         {QStringLiteral("data"), result.data}};
    if (!deviceId.isEmpty()) response.insert(QStringLiteral("device_id"), deviceId);
    if (!requestNonce.isEmpty()) response.insert(QStringLiteral("req_nonce_str"), requestNonce);
    auto nonce = SessionRegistry::randomAlphanumeric(32);
    response.insert(QStringLiteral("nonce_str"), nonce ? *nonce : QString());
    response.insert(QStringLiteral("time_stamp"), QString::number(m_store.nowSecs()));
    if (!secret.isEmpty()) {
        auto signature = api::sign(response, secret.toLatin1());
        if (signature) {
            response.insert(QStringLiteral("sign"), *signature);
        } else {
            qCWarning(lcSandbox) << "could not sign a response:" << signature.error().message;
        }
    }
    return response;
}

}  // namespace facepos::sandbox
