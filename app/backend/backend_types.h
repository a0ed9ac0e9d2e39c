#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Request and reply types of the Terminal API calls (docs/terminal-api.md §8–§16), as the BackendClient's typed
// calls take and return them. Amounts are integer fen (qint64). Times inside replies are kept as the RFC 3339 text the
// server sent; the services that need them parse them. Every reply keeps its `raw` JSON object so that fields this
// version does not model are not lost (the server may add optional fields, §3.3).
namespace facepos::backend {

// ---- Activation (§8) ----

struct ActivationRequest {
    QString merchantNo;             // typed by the technician; the appid of this request (the device is not bound yet)
    QString password;               // the merchant password; only its proof leaves the device (§4.5)
    QByteArray devicePublicKeyRaw;  // 65-byte uncompressed P-256 point from the key store
    QString deviceModel;
    QString appVersion;
    QString storeNo;  // optional
};

struct ActivationReply {
    QString requestId;
    QString state;  // pending, activated, rejected, unbound
    QString rejectReason;
    QString submittedAt;
    QString decidedAt;
    QString merchantNo;
    QString merchantName;
    QString storeNo;
    QString storeName;
    QByteArray sealedSecret;  // decoded base64 (§8.2); empty unless activated and not yet confirmed
    QJsonObject raw;

    static ActivationReply fromJson(const QJsonObject& data);
};

// ---- Sessions (§9) ----

struct SessionInfo {
    QString sessionToken;
    QString role;        // merchant or clerk
    QString operatorId;  // M<merchant_no> or C<employee_no>
    QString merchantNo;
    QString merchantName;
    QString employeeNo;
    QString name;
    QString storeNo;
    QString storeName;
    QString expiresAt;
    int idleTimeoutS = 0;
    QJsonObject raw;

    static SessionInfo fromJson(const QJsonObject& data);
};

// The clerk object (§9.5).
struct ClerkInfo {
    QString operatorId;
    QString employeeNo;
    QString name;
    QString status;  // active, disabled, locked
    QString lockedUntil;
    QString createdAt;
    QString lastLoginAt;
    QJsonObject raw;

    static ClerkInfo fromJson(const QJsonObject& clerk);
};

// ---- Shifts (§10) ----

struct ShiftRequest {
    QString shiftNo;
    QString operatorId;
    QString openedAt;           // RFC 3339, terminal time
    qint64 openingCashFee = 0;  // shift_open only
    QString closedAt;           // shift_close only
    QJsonObject report;         // shift_close only: the handover report (§10.2)
};

struct ShiftReply {
    QString shiftNo;
    QString operatorId;
    QString state;  // open, closed
    QString openedAt;
    QString closedAt;
    QString receivedAt;
    QJsonArray serverTotals;  // shift_close: the server's own totals per wallet channel
    bool mismatch = false;    // shift_close: they differ from the report's totals
    QJsonObject raw;

    static ShiftReply fromJson(const QJsonObject& data);
};

// ---- Members (§14.1) ----

struct MemberInfo {
    QString memberNo;
    QString nameMasked;
    QString levelCode;
    QString levelName;
    int discountPct = 100;
    qint64 points = 0;
    int pointsPerYuan = 0;
    QString status;  // active, frozen
    QJsonArray vouchers;
    QJsonObject raw;

    static MemberInfo fromJson(const QJsonObject& data);
};

// ---- Orders (§11.6) ----

struct OrderInfo {
    QString tradeState;  // SUCCESS, USERPAYING, SYSTEMERROR, NEED_PHONE_CONFIRM, FAIL, CLOSED, REVERSED
    QString tradeErrCode;
    QString tradeErrMsg;
    QString mchOrderNo;
    QString platformOrderNo;
    QString channelOrderNo;
    QString channel;
    qint64 totalFee = 0;
    QString feeType;
    qint64 refundedFee = 0;
    QString operatorId;
    QString deviceId;
    QString shiftNo;
    QString createdAt;
    QString paidAt;
    QString endedAt;
    QString settleStatus;
    // Face pay with NEED_PHONE_CONFIRM (§12.2): wrong digits left before PHONE_MISMATCH, and the confirmation's end.
    int phoneAttemptsLeft = 0;
    QString phoneConfirmExpiresAt;
    QJsonObject raw;

    // True for SUCCESS, FAIL, CLOSED and REVERSED (§7.2).
    bool isFinal() const;
    static OrderInfo fromJson(const QJsonObject& order);
};

struct QuickPayRequest {
    QString mchOrderNo;
    qint64 totalFee = 0;
    QString feeType = QStringLiteral("CNY");
    QString channel;   // wechat, alipay, unionpay
    QString authCode;  // the payment code; never logged unmasked
    QString operatorId;
    QString shiftNo;
    QString body;
    QString attach;
    QJsonObject detail;  // optional (§11.3)
};

// order_query: one of the two numbers.
struct OrderQueryRequest {
    QString mchOrderNo;
    QString platformOrderNo;
};

// order_reverse and order_close.
struct OrderEndRequest {
    QString mchOrderNo;
    QString operatorId;  // absent when the terminal acts on its own (start-up recovery)
    QString reason;
};

// ---- Face pay (§12) ----

struct FaceAuthInfo {
    QString faceToken;  // bound to the first order it is used with
    int expiresIn = 0;
    QString expiresAt;
    QByteArray facePublicKey;  // decoded base64: the 65-byte P-256 point to seal the image to
    QString faceKeyId;
    qint64 maxImageBytes = 0;  // largest JPEG accepted before sealing
    QJsonObject raw;

    static FaceAuthInfo fromJson(const QJsonObject& data);
};

// The first submission carries sealedImage; the resubmission after NEED_PHONE_CONFIRM carries phoneLast4 and the
// same order number, amount and face token (§12.2).
struct FacePayRequest {
    QString mchOrderNo;
    qint64 totalFee = 0;
    QString feeType = QStringLiteral("CNY");
    QString operatorId;
    QString shiftNo;
    QString body;
    QString attach;
    QJsonObject detail;  // optional (§11.3)
    QString faceToken;
    // The JPEG as sealed by the caller with crypto::sealToPublicKey() and BackendClient::faceImageInfo(); the client
    // never sees the plain image. Not sent when phoneLast4 is set. The caller wipes it (§12.2 says when).
    QByteArray sealedImage;
    QString phoneLast4;  // the payer's last 4 phone digits; never logged
    std::optional<int> livenessScore;
};

// ---- Refunds (§13) ----

struct RefundRequest {
    QString mchOrderNo;
    QString platformOrderNo;
    QString mchRefundNo;  // committed before the first attempt and reused on every retry
    qint64 refundFee = 0;
    qint64 totalFee = 0;
    QString feeType = QStringLiteral("CNY");
    QString operatorId;
    QString reason;
    // In a clerk session: the merchant's password, typed on this terminal, for merchant_auth_proof (§4.5).
    // Empty in a merchant session.
    QString merchantPassword;
};

struct RefundInfo {
    QString mchRefundNo;
    QString platformRefundNo;
    QString mchOrderNo;
    QString platformOrderNo;
    qint64 refundFee = 0;
    QString feeType;
    QString refundState;  // PROCESSING, SUCCESS, FAIL
    QString refundErrCode;
    QString refundErrMsg;
    QString operatorId;
    QString authorisedBy;
    QString createdAt;
    QString successAt;
    qint64 orderRefundedFee = 0;
    qint64 orderRefundableFee = 0;
    QJsonObject raw;

    static RefundInfo fromJson(const QJsonObject& refund);
};

struct RefundQueryRequest {
    QString mchRefundNo;
    QString mchOrderNo;
};

struct RefundQueryReply {
    QString mchOrderNo;
    qint64 totalFee = 0;
    qint64 refundedFee = 0;
    qint64 refundableFee = 0;
    QList<RefundInfo> refunds;
    QJsonObject raw;

    static RefundQueryReply fromJson(const QJsonObject& data);
};

// ---- Vouchers (§14.2–§14.4) ----

struct VoucherCheckRequest {
    QString voucherNo;
    QString mchOrderNo;
    qint64 totalFee = 0;  // the amount A after the member discount
    QString memberNo;     // optional: the member on the order
    QStringList appliedVoucherNos;
};

struct VoucherCheckReply {
    QJsonObject voucher;  // the voucher object (§14.2); status HELD when usable
    bool usable = false;
    QString reason;  // when not usable: NOT_STARTED, EXPIRED, USED_UP, THRESHOLD_NOT_MET …
    qint64 deductFee = 0;
    qint64 payableFee = 0;
    QString holdExpiresAt;  // the voucher is held for this order until then
    QJsonObject raw;

    static VoucherCheckReply fromJson(const QJsonObject& data);
};

struct VoucherRedeemRequest {
    QString voucherNo;
    QString mchOrderNo;    // the paid order
    qint64 deductFee = 0;  // as checked
    QString operatorId;
    QString redeemedAt;  // RFC 3339, terminal time
};

struct VoucherRedemption {
    QString redeemNo;
    QString voucherNo;
    QString mchOrderNo;
    qint64 deductFee = 0;
    QString status;  // REDEEMED
    QString storeNo;
    QString redeemedAt;  // server time
    qint64 usesLeft = 0;
    QJsonObject raw;

    static VoucherRedemption fromJson(const QJsonObject& data);
};

// ---- Sync and the order list (§15) ----

struct SyncRecordResult {
    QString recordId;
    qint64 revision = 0;
    QString status;  // ACK, REJECTED, RETRY
    int code = 0;
    QString errCode;
    QString msg;
    bool duplicate = false;
    bool discrepancy = false;

    static SyncRecordResult fromJson(const QJsonObject& result);
};

struct SyncUploadReply {
    QList<SyncRecordResult> results;  // one per record, in the order sent
    QJsonObject raw;

    static SyncUploadReply fromJson(const QJsonObject& data);
};

struct OrderListRequest {
    QString from;  // RFC 3339; empty: the server's default (today)
    QString to;
    QStringList tradeStates;
    QStringList settleStatuses;
    QStringList channels;
    QString operatorId;
    QString keyword;
    QString cursor;
    int pageSize = 0;  // 0: the server's default (20)
};

struct OrderListSummary {
    qint64 orderCount = 0;
    qint64 paidCount = 0;
    qint64 paidFee = 0;
    qint64 refundedFee = 0;
    qint64 netFee = 0;
    qint64 settledFee = 0;
    qint64 pendingSettleFee = 0;
};

struct OrderListReply {
    QList<OrderInfo> orders;
    QString nextCursor;  // empty on the last page
    OrderListSummary summary;
    QJsonObject raw;

    static OrderListReply fromJson(const QJsonObject& data);
};

// ---- Device operations (§16) ----

struct HeartbeatRequest {
    QString appVersion;
    qint64 uptimeS = 0;
    qint64 outboxPending = 0;
    qint64 outboxDead = 0;
    QString lastSyncAt;
    QString network;
    std::optional<qint64> configVersion;
};

struct HeartbeatReply {
    bool bound = true;
    QString unboundAt;
    QString unboundReason;
    QString serverTime;
    int heartbeatIntervalS = 60;
    QString sessionState;
    bool updateAvailable = false;
    QJsonObject config;  // empty unless the server sent a newer configuration
    QJsonObject raw;

    static HeartbeatReply fromJson(const QJsonObject& data);
};

struct UpdateCheckRequest {
    QString appVersion;
    QString deviceModel;
    QString updateChannel;  // empty: the server's default (stable)
};

// Where a newer package is. Nothing here is trusted for installing: the package is checked against the vendor update
// key built into the firmware, never against anything the backend says (§16.2).
struct UpdateInfo {
    bool updateAvailable = false;
    QString version;
    QString packageUrl;  // absolute, or relative to backend.url
    qint64 packageSize = 0;
    QString packageSha256;        // 64 lower-case hex
    QByteArray packageSignature;  // decoded base64: DER ECDSA P-256 / SHA-256 over the package file
    QString signingKeyId;
    bool mandatory = false;
    QJsonObject releaseNotes;  // zh_CN and en
    QJsonObject raw;

    static UpdateInfo fromJson(const QJsonObject& data);
};

struct LogoutReply {
    bool ended = false;
};

}  // namespace facepos::backend
