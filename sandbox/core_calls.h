#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <functional>

#include "platform/result.h"
#include "sandbox/call_types.h"
#include "sandbox/gateway.h"
#include "sandbox/sandbox_store.h"

namespace facepos::sandbox {

struct SessionInfo;

// The Terminal API's non-payment calls (docs/terminal-api.md §8–§10, §14, §15.1, §16): activation, sessions and
// clerks, shifts, members and vouchers, sync_upload, heartbeat and update_check; plus the support actions on
// devices that the admin API exposes (approve, reject, unbind).
//
// Thread ownership: handlers and the support actions run with the store's mutex held (the gateway and the admin
// API take it), inside the caller's transaction; the object itself holds no mutable state.
class CoreCalls {
public:
    // Hooks into the payment side, so shift_close and sync_upload can compare with the server's own orders.
    // Both run with the store's mutex held. Unset: the server has no wallet orders.
    struct PaymentHooks {
        // One {"channel", "count", "total_fee", "refund_fee"} per wallet channel for the device and operator's
        // paid orders created in [from, to] (Unix seconds).
        std::function<QJsonArray(const QString& merchantNo, const QString& deviceId, const QString& operatorId,
                                 qint64 from, qint64 to)>
            serverTotals;
        // True when an uploaded `order` record disagrees with the server's own record of that wallet order.
        std::function<bool(const QString& merchantNo, const QJsonObject& orderPayload)> orderDiscrepancy;
    };

    explicit CoreCalls(SandboxStore& store) : m_store(store) {}

    void setPaymentHooks(PaymentHooks hooks) { m_hooks = std::move(hooks); }
    void registerWith(Gateway& gateway);

    // Support actions (§17.6); the admin API's answers. Mutex held, transaction open.
    CallResult approveActivation(const QString& requestId, const QString& storeNo);
    CallResult rejectActivation(const QString& requestId, const QString& reason);
    CallResult unbindDevice(const QString& deviceId, const QString& reason);

    // K = PBKDF2-HMAC-SHA256 of the password (§4.5), as lower-case hex. Slow on purpose (600 000 iterations).
    static Result<QString> merchantKey(const QString& password, const QString& merchantNo);
    static Result<QString> clerkKey(const QString& password, const QString& merchantNo, const QString& employeeNo);

private:
    CallResult activationRequest(const CallContext& context);
    CallResult activationStatus(const CallContext& context);
    CallResult merchantLogin(const CallContext& context);
    CallResult clerkLogin(const CallContext& context);
    CallResult logout(const CallContext& context);
    CallResult clerkCreate(const CallContext& context);
    CallResult clerkList(const CallContext& context);
    CallResult clerkResetPassword(const CallContext& context);
    CallResult clerkDisable(const CallContext& context);
    CallResult shiftOpen(const CallContext& context);
    CallResult shiftClose(const CallContext& context);
    CallResult memberQuery(const CallContext& context);
    CallResult voucherCheck(const CallContext& context);
    CallResult voucherRedeem(const CallContext& context);
    CallResult syncUpload(const CallContext& context);
    CallResult heartbeat(const CallContext& context);
    CallResult updateCheck(const CallContext& context);

    struct Account;
    // Checks a password proof against the account's K, with the lockout rules (§9.1). Empty result: accepted.
    Result<std::optional<CallResult>> checkPassword(const Account& account, const QJsonObject& request);
    Result<QJsonObject> activationData(const QString& requestId);
    // The answer to merchant_login and clerk_login: `roleFields` plus the session and the store the
    // device is bound to, which both answers share.
    CallResult signedIn(const CallContext& context, const SessionInfo& session, QJsonObject roleFields);
    Result<std::optional<QJsonObject>> clerkObject(const QString& merchantNo, const QString& employeeNo);
    // The answer of the clerk calls that change a clerk (create, reset_password, disable): the clerk as it now stands,
    // who must exist.
    CallResult clerkAnswer(const QString& merchantNo, const QString& employeeNo);
    Result<QJsonObject> shiftObject(const QString& merchantNo, const QString& shiftNo);
    Result<QJsonObject> voucherObject(const Statement& row);
    QJsonObject syncRecord(const CallContext& context, const QJsonObject& record);

    SandboxStore& m_store;
    PaymentHooks m_hooks;
};

}  // namespace facepos::sandbox
