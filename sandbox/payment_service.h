#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

#include "platform/api_errors.h"
#include "platform/crypto.h"
#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/result.h"
#include "sandbox/call_types.h"
#include "sandbox/face_matcher.h"
#include "sandbox/wallet.h"

namespace facepos::sandbox {

// The sandbox's payment calls (docs/terminal-api.md §11–§13, §15.2, §17.3–§17.5): quick_pay, order_query,
// order_reverse, order_close, face_authinfo, face_pay, refund, refund_query, order_list, plus the admin actions
// order_list, settle, face_script and face_enroll.
//
// Contract with the gateway (the core):
//  - handle() gets calls that passed §6.1 steps 1–8 and, for session calls, a live session (ctx.role and
//    ctx.operatorId set). It does steps 9–10 itself: field validation, operator_id == session operator
//    (PERMISSION_DENIED), then the call. ctx.merchantNo must be the device's merchant.
//  - State lives in the tables of paymentSchemaSql() (sandbox/payment_schema.h), which the core puts in its
//    migration. PaymentService never migrates.
//  - handle() and admin() open their own write transaction (Database::begin) per call and commit it before
//    returning, so they must NOT be called inside a transaction. An answer with code ≠ 0 changed no payment state
//    (what the hooks write, the merchant's lockout counter, is committed with it); SYSTEM_ERROR (a database
//    failure) means the outcome is unknown and everything of the call was rolled back, as §7.1 says.
//  - Timers (the 01SS delays, the 45 s auto-revoke, refund PROCESSING → SUCCESS, face token expiry, settlement at
//    00:00 +08:00) are evaluated lazily from the stored times and the injected clock on every call; no background
//    work, no threads. Shift the injected clock for clock_set.
//  - Full payment codes are never stored or logged: orders keep a SHA-256 of auth_code (for the ORDER_CONFLICT
//    check) and the masked code. Face images are opened in memory, matched against the enrolled test faces
//    (FaceMatcher), wiped, never stored.
//
// Thread ownership: thread-compatible, not thread-safe. The gateway serialises every call (it holds its database
// lock), and `db` must be used by one thread at a time; the hooks are called on that same thread.
class PaymentService {
public:
    // What the core provides about merchants. Every hook is optional; the defaults are stated.
    struct Hooks {
        // The channels the merchant has a contract for ("wechat", "alipay", "unionpay", "face"); nullopt = all.
        // Unset: all channels enabled.
        std::function<std::optional<QStringList>(const QString& merchantNo)> merchantChannels;
        // K_merchant (§4.5, 32 raw bytes) to verify a clerk refund's merchant_auth_proof. Return nullopt for an
        // unknown merchant or while its account is locked (the proof then fails and merchantAuthFailed answers).
        // Unset: every clerk refund with a proof fails as a wrong proof.
        std::function<std::optional<QByteArray>(const QString& merchantNo)> merchantKey;
        // Called when merchant_auth_proof is wrong: counts the failed attempt toward the merchant's lockout and
        // returns the answer to give (BAD_CREDENTIALS with {"attempts_left": n}, or ACCOUNT_LOCKED).
        // Unset: BAD_CREDENTIALS with null data.
        std::function<CallResult(const QString& merchantNo)> merchantAuthFailed;
        // Orders the payment calls did not make but the merchant's devices uploaded with sync_upload (cash sales,
        // and the terminals' own view of wallet orders), as order objects with the §11.6 field names (at least
        // mch_order_no, channel, total_fee, trade_state, operator_id, created_at; refunded_fee when refunded).
        // order_list lists those whose mch_order_no the payment calls do not know; refund answers
        // REFUND_NOT_ALLOWED for them (cash); the admin order_list compares the rest with the server's record
        // (`discrepancy`). Unset: only the payment calls' orders exist.
        std::function<QList<QJsonObject>(const QString& merchantNo)> uploadedOrders;
        // Called when merchant_auth_proof was right, so the core can reset the merchant's failed-attempt counter.
        std::function<void(const QString& merchantNo)> merchantAuthSucceeded;
    };

    PaymentService(Database& db, std::shared_ptr<const IClock> clock, Hooks hooks = {});

    // The Terminal API calls handled here (for the core's call registry; all use POST /api/v1/<call>).
    // Auth (§1): session — quick_pay, face_authinfo, face_pay, refund, order_list;
    //            device  — order_query, order_reverse, order_close, refund_query.
    static QStringList calls();
    // The admin actions handled here (POST /admin/v1/<action>): order_list (alias orders_list), settle,
    // face_script, face_enroll.
    static QStringList adminActions();

    // Runs one call; ctx.call must be one of calls() (else UNKNOWN_CALL). The result is ready for the envelope.
    CallResult handle(const CallContext& ctx);

    // Runs one admin action with its JSON body (§17.6). Error::code is the §7.1 symbolic name ("MISSING_FIELD",
    // "INVALID_FIELD", "NOT_FOUND", "ALREADY_EXISTS", "UNKNOWN_CALL", "SYSTEM_ERROR"); adminErrorCode() turns it into
    // the numeric code to answer.
    Result<QJsonObject> admin(const QString& action, const QJsonObject& body);
    static int adminErrorCode(const Error& error);

    // For the admin `reset`: deletes every order, refund, face token, face script and enrolled face, keeping the
    // face key (§17.6). Opens its own transaction.
    Result<void> reset();

    // Enrols the demo's test faces from the photographs the demo camera plays (scripts/fetch-test-images): in
    // `folder`, face-1.jpg as F01 (SUCCESS), face-2.jpg as F02 (NEED_PHONE_CONFIRM, phone ending 5678) and
    // face-3.png as F03 (INSUFFICIENT_FUNDS), with the phones of §17.2. A face already enrolled is left as it is, so
    // the call may be repeated on every start. Opens its own transaction. Errors: "face.file" (a photograph is
    // missing or unreadable), the admin errors of face_enroll (INVALID_FIELD when no face is found), SYSTEM_ERROR.
    Result<void> enrollDemoFaces(const QString& folder);

    // The face key's id as handed out by face_authinfo.
    static QString faceKeyId() { return QStringLiteral("sandbox-face-1"); }

private:
    struct Order;
    struct Refund;
    struct FaceProfileRow {
        QString phone;      // digits only; the last 4 are the confirmation
        QString behaviour;  // SUCCESS, NEED_PHONE_CONFIRM, INSUFFICIENT_FUNDS, SYSTEMERROR_THEN_SUCCESS
    };

    // Handlers answer a CallResult (business errors included); an Error means the database or crypto failed and
    // handle() answers SYSTEM_ERROR after rolling back.
    Result<CallResult> dispatch(const CallContext& ctx);
    Result<CallResult> quickPay(const CallContext& ctx);
    Result<CallResult> orderQuery(const CallContext& ctx);
    Result<CallResult> orderReverse(const CallContext& ctx);
    Result<CallResult> orderClose(const CallContext& ctx);
    Result<CallResult> endOrder(const CallContext& ctx, bool reverse);
    Result<CallResult> faceAuthinfo(const CallContext& ctx);
    Result<CallResult> facePay(const CallContext& ctx);
    Result<CallResult> refund(const CallContext& ctx);
    Result<CallResult> refundQuery(const CallContext& ctx);
    Result<CallResult> orderList(const CallContext& ctx);

    Result<QJsonObject> adminOrderList(const QJsonObject& body);
    Result<QJsonObject> adminSettle(const QJsonObject& body);
    Result<QJsonObject> adminFaceScript(const QJsonObject& body);
    Result<QJsonObject> adminFaceEnroll(const QJsonObject& body);

    // Moves every timer on to the clock's now: wallet outcomes, auto-revoke, face token expiry, refunds in
    // progress, settlement at 00:00 +08:00. Runs at the start of every call and admin action.
    Result<void> advanceTimers();
    Result<std::optional<Order>> loadOrder(const QString& merchantNo, const QString& mchOrderNo,
                                           const QString& platformOrderNo);
    Result<QList<Order>> selectOrders(const QString& where, std::initializer_list<SqlValue> params);
    Result<void> storeOrderState(const Order& order);
    Result<qint64> insertOrder(Order& order);
    // An order record as the terminal in `ctx` opens it: whose it is, where and by whom, and when; the caller adds
    // what the call is about (amount, channel, state).
    static Order newOrder(const CallContext& ctx, const QString& mchOrderNo, const QString& operatorId,
                          qint64 createdAt);
    Result<QList<Refund>> loadRefunds(const QString& merchantNo, const QString& mchOrderNo, const QString& mchRefundNo);
    Result<qint64> refundedFee(const QString& merchantNo, const QString& mchOrderNo);
    Result<QJsonObject> orderJson(const Order& order);
    Result<QJsonObject> refundJson(const Refund& refund);
    Result<crypto::EcKeyPair> faceKey();
    Result<std::optional<FaceProfileRow>> faceProfile(const QString& faceId);
    // The enrolled face (pay_faces / pay_face_images) in an opened face image; empty when none matches (§17.5).
    Result<QString> identifyPayer(const QByteArray& image);
    // nullopt: the refund may go ahead; otherwise the answer to give (MERCHANT_AUTH_REQUIRED, BAD_CREDENTIALS …).
    Result<std::optional<CallResult>> checkMerchantAuth(const CallContext& ctx);

    Database& m_db;
    std::shared_ptr<const IClock> m_clock;
    Wallet m_wallet;
    Hooks m_hooks;
    FaceMatcher m_faceMatcher;
};

}  // namespace facepos::sandbox
