#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>

#include "app/backend/backend_result.h"
#include "app/backend/backend_types.h"
#include "platform/iclock.h"
#include "platform/ihttpclient.h"

namespace facepos::backend {

struct BackendConfig {
    QUrl baseUrl;             // backend.url, e.g. http://127.0.0.1:8480; calls go to <baseUrl>/api/v1/<call>
    QString deviceId;         // the serial number
    QString merchantNo;       // the bound merchant; appid = "mch" + merchantNo
    QByteArray deviceSecret;  // the 64 hex characters as text; empty before activation (only open calls work then)
    std::chrono::milliseconds timeout{15000};  // backend.timeout_ms, per request
    std::chrono::milliseconds connectTimeout{5000};
    // Automatic attempts of one call that is safe to repeat (read-only calls, logins, heartbeat), and for any call
    // whose request certainly never reached the server. Money-moving calls are never repeated blindly.
    int maxAttempts = 3;
    std::chrono::milliseconds retryDelay{1000};  // doubled after each automatic retry
    // Iterations of PBKDF2 for password keys (§4.5). Fixed by the contract; tests of the client may lower it only
    // against a server of their own.
    int pbkdf2Iterations = 600000;
};

// The terminal's client of the Terminal API (docs/terminal-api.md): builds the envelope (appid, device_id, a fresh
// CSPRNG nonce for every request and every retry, time_stamp from the clock plus the learned server offset,
// session_token, password proofs, sign), sends it through IHttpClient, and accepts an answer only as §4.4 allows.
//
// Results: every call ends with exactly one callback carrying a BackendResult. A trusted code 0 is Success; a trusted
// error code is Rejected with a mapped message; an untrusted or missing answer is Unknown for calls that move money
// (quick_pay, face_pay, order_reverse, refund) and Unconfirmed for the others; a request that never left is NotSent.
// Retries (§6.2, §7.1): TIMESTAMP_SKEW once with the corrected clock, NONCE_REUSED once; requests that certainly
// never reached the server, and unknown outcomes of calls that are safe to repeat, up to maxAttempts with backoff.
//
// Threads: the client lives on one thread (the UI/service thread) which runs an event loop; every method must be
// called on it and every callback and signal arrives on it. PBKDF2 (hundreds of milliseconds) runs on a short-lived
// worker thread; the derived key is wiped when the call ends. Destroying the client cancels what is in flight and
// drops the pending callbacks.
class BackendClient final : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(BackendResult<T>)>;

    BackendClient(IHttpClient& http, std::shared_ptr<const IClock> clock, BackendConfig config,
                  QObject* parent = nullptr);
    ~BackendClient() override;

    const BackendConfig& config() const { return m_config; }
    // After activation: the opened device secret (64 hex characters as text) and the bound merchant.
    void setDeviceSecret(const QByteArray& secret);
    void setMerchantNo(const QString& merchantNo);

    // The session of merchant_login / clerk_login; set by them, cleared by logout, SESSION_EXPIRED and unbinding.
    QString sessionToken() const { return m_sessionToken; }
    void setSessionToken(const QString& token);

    // server time − local time, in seconds (§5). Learned from trusted answers; the caller stores it across restarts
    // and restores it with setClockOffset().
    qint64 clockOffsetSeconds() const { return m_clockOffsetS; }
    void setClockOffset(qint64 seconds);

    // ---- The generic core: any call of the spec by name. `fields` are the call's own fields; the envelope is added.
    // The callback receives the answer's `data` object (an empty object when `data` is null).
    void call(const QString& name, const QJsonObject& fields, Callback<QJsonObject> done);

    // ---- Typed calls ----
    // Open calls (not signed). activation_request derives K_merchant off this thread.
    void activationRequest(const ActivationRequest& request, Callback<ActivationReply> done);
    void activationStatus(const QString& merchantNo, const QString& requestId, Callback<ActivationReply> done);

    // Logins derive K off this thread; on success the session token is kept for later calls.
    void merchantLogin(const QString& password, Callback<SessionInfo> done);
    void clerkLogin(const QString& employeeNo, const QString& password, Callback<SessionInfo> done);
    void logout(Callback<LogoutReply> done);

    // Clerk management (merchant session). Create and reset derive K_clerk off this thread and send it as the
    // password_verifier (§4.5); the password itself never leaves the device.
    void clerkCreate(const QString& employeeNo, const QString& name, const QString& password, Callback<ClerkInfo> done);
    void clerkResetPassword(const QString& employeeNo, const QString& password, Callback<ClerkInfo> done);
    void clerkDisable(const QString& employeeNo, bool disabled, Callback<ClerkInfo> done);
    void clerkList(bool includeDisabled, Callback<QList<ClerkInfo>> done);
    void heartbeat(const HeartbeatRequest& request, Callback<HeartbeatReply> done);
    void updateCheck(const UpdateCheckRequest& request, Callback<UpdateInfo> done);

    // Delivered by the outbox worker (device calls, idempotent by shift_no).
    void shiftOpen(const ShiftRequest& request, Callback<ShiftReply> done);
    void shiftClose(const ShiftRequest& request, Callback<ShiftReply> done);
    void memberQuery(const QString& memberCardNo, Callback<MemberInfo> done);
    // A usable voucher is held for the order for 600 s (§14.3).
    void voucherCheck(const VoucherCheckRequest& request, Callback<VoucherCheckReply> done);
    // Delivered by the outbox worker after the sale is committed (device call, idempotent by voucher + order).
    void voucherRedeem(const VoucherRedeemRequest& request, Callback<VoucherRedemption> done);

    void quickPay(const QuickPayRequest& request, Callback<OrderInfo> done);
    void orderQuery(const OrderQueryRequest& request, Callback<OrderInfo> done);
    void orderReverse(const OrderEndRequest& request, Callback<OrderInfo> done);
    void orderClose(const OrderEndRequest& request, Callback<OrderInfo> done);
    // A fresh face token and the backend's face key (§12.1), fetched when the face screen opens and near expiry.
    void faceAuthinfo(const QString& operatorId, Callback<FaceAuthInfo> done);
    // Moves money: an untrusted or missing answer is Outcome::Unknown, resolved by order_query (§6.3). A request with
    // phoneLast4 is the NEED_PHONE_CONFIRM resubmission and carries no image.
    void facePay(const FacePayRequest& request, Callback<OrderInfo> done);
    // With a merchantPassword (clerk session) K_merchant is derived off this thread for merchant_auth_proof.
    void refund(const RefundRequest& request, Callback<RefundInfo> done);
    void refundQuery(const RefundQueryRequest& request, Callback<RefundQueryReply> done);
    // `records`: 1–100 outbox records (§15.1).
    void syncUpload(const QJsonArray& records, Callback<SyncUploadReply> done);
    void orderList(const OrderListRequest& request, Callback<OrderListReply> done);

    // A 32-character nonce from the CSPRNG over [0-9A-Za-z], without modulo bias (§5). Empty only when the CSPRNG
    // fails.
    static QString makeNonce();

    // Whether a call moves money (its untrusted answers are Outcome::Unknown).
    static bool movesMoney(const QString& call);

    // The `info` that binds a sealed device secret to its activation request (§8.2), for IKeyStore::openSealed().
    static QByteArray activationSecretInfo(const QString& requestId);
    // The `info` that binds a sealed face image to its face token (§12.1), for crypto::sealToPublicKey().
    static QByteArray faceImageInfo(const QString& faceToken);

signals:
    // A trusted SESSION_EXPIRED: the token was dropped; the UI returns to the sign-in screen.
    void sessionExpired();
    // A trusted DEVICE_UNBOUND or a trusted heartbeat with bound: false (§16.1).
    void deviceUnbound(const QString& reason);
    // The learned server offset changed (to store it, and for the technician screen's > 60 s warning).
    void clockOffsetChanged(qint64 seconds);

private:
    struct PendingCall;
    struct Reply;

    // How a derived password key enters a request (§4.5).
    enum class KeyUse {
        Proof,     // HMAC proof over the request, recomputed for every attempt
        Verifier,  // the key itself as 64 lower-case hex characters (clerk_create, clerk_reset_password)
    };
    // Derives the password key on a worker thread, then starts the call with it (or reports a NotSent error).
    void callWithKey(const QString& name, const QJsonObject& fields, QString password, QByteArray salt, KeyUse use,
                     const QString& keyField, Callback<QJsonObject> done);
    void start(std::shared_ptr<PendingCall> pending);
    void sendAttempt(const std::shared_ptr<PendingCall>& pending);
    void onResponse(const std::shared_ptr<PendingCall>& pending, const QString& nonce, RequestId id,
                    Result<HttpResponse> response);
    // Repeats after the backoff delay when attempts remain; false when they are used up.
    bool retryLater(const std::shared_ptr<PendingCall>& pending);
    void finish(const std::shared_ptr<PendingCall>& pending, BackendResult<QJsonObject> result);
    BackendError notConfirmed(const PendingCall& pending, QString kind, QString message) const;

    IHttpClient& m_http;
    std::shared_ptr<const IClock> m_clock;
    BackendConfig m_config;
    QString m_sessionToken;
    qint64 m_clockOffsetS = 0;
    QSet<RequestId> m_inFlight;
};

}  // namespace facepos::backend
