#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace facepos::store {

// How an order ends (docs/terminal-api.md §15.1) and the two states before that. Stored as the spelled name.
//   Created  committed with its number, no payment call yet
//   Paying   a payment call may be in flight (the payment journal says which)
//   Paid / Failed / Closed / Reversed   final: the order record goes to the outbox
enum class OrderStatus { Created, Paying, Paid, Failed, Closed, Reversed };

QString orderStatusName(OrderStatus status);
std::optional<OrderStatus> orderStatusFromName(const QString& name);
bool isFinal(OrderStatus status);

// What the cashier's checkout hands to the store for a new sale. Amounts are in minor units (fen).
struct NewOrder {
    QString channel;              // wechat, alipay, unionpay, face, cash
    qint64 totalFee = 0;          // before discounts, 1 … 100 000 000
    qint64 discountFee = 0;       // member discount + vouchers, 0 … totalFee − 1
    qint64 voucherDeductFee = 0;  // the vouchers' part of discountFee (for the shift report)
    QString currency = QStringLiteral("CNY");
    QString operatorId;  // M<merchant_no> or C<employee_no>
    QString shiftNo;     // the open shift; empty only for the merchant selling outside a shift
    QString memberNo;
    QStringList voucherNos;
    QString note;  // the cashier's optional note (≤ 128 code points)

    qint64 payableFee() const { return totalFee - discountFee; }
};

// An order as stored on the device.
struct OrderRecord {
    qint64 id = 0;
    QString recordId;  // UUID of its sync record
    int revision = 1;
    QString mchOrderNo;
    QString channel;
    OrderStatus status = OrderStatus::Created;
    qint64 totalFee = 0;
    qint64 discountFee = 0;
    qint64 voucherDeductFee = 0;
    qint64 payableFee = 0;
    QString currency;
    QString operatorId;
    QString shiftNo;
    QString memberNo;
    QStringList voucherNos;
    QString note;
    QString platformOrderNo;
    QString channelOrderNo;
    std::optional<qint64> cashReceivedFee;
    std::optional<qint64> changeFee;
    qint64 refundedFee = 0;
    QDateTime createdAt;  // UTC
    QDateTime paidAt;
    QDateTime endedAt;
    QDateTime settledAt;
};

// The end of a sale, as the payment flow learned it.
struct OrderOutcome {
    OrderStatus status = OrderStatus::Paid;  // a final status
    QString platformOrderNo;
    QString channelOrderNo;
    QDateTime paidAt;   // Paid only; default: now
    QDateTime endedAt;  // Failed / Closed / Reversed; default: now
};

// A cash sale: amount tendered and the change given.
struct CashTender {
    qint64 receivedFee = 0;  // ≥ the payable amount
};

// One step of the payment state machine (§11.2), committed before the network call it announces and updated with
// what the call returned.
struct JournalEntry {
    qint64 id = 0;
    QString mchOrderNo;
    int attempt = 1;
    QString action;   // charge, query, reverse, close
    QString outcome;  // PENDING before the answer; then a trade_state, an error name or UNKNOWN
    QString maskedCode;
    QDateTime at;
};

// A refund as recorded on the device (§13, §15.1 kind `refund`).
struct RefundRecord {
    QString mchRefundNo;
    QString mchOrderNo;
    QString channel;
    qint64 refundFee = 0;
    QString currency = QStringLiteral("CNY");
    QString status;  // SUCCESS, FAIL, PROCESSING
    QString operatorId;
    QString authorisedBy;
    QString reason;
    QString platformRefundNo;
    QDateTime successAt;
};

// Kinds of the outbox's rows: one sync_upload record each, or one whole device call delivered on its own.
inline constexpr char kCallSyncUpload[] = "sync_upload";

// A row of the outbox as the sync worker sees it.
struct OutboxRow {
    qint64 id = 0;
    QString call;  // sync_upload, shift_open, shift_close, voucher_redeem
    QString recordId;
    QString kind;  // sync_upload: order, payment, refund, points, event
    int revision = 1;
    QString createdAt;    // RFC 3339, as sent
    QJsonObject payload;  // sync_upload: the record's payload; other calls: the call's fields
    int attempts = 0;
    qint64 enqueuedAtMs = 0;

    // The record as sync_upload sends it (§15.1).
    QJsonObject toSyncRecord() const;
};

// A row the backend refused for good: shown on the sync page with the reason, never resent automatically.
struct DeadLetter {
    qint64 id = 0;
    QString call;
    QString kind;
    QString recordId;
    QString reference;  // the mch_order_no / mch_refund_no / shift_no it is about, when there is one
    QString errCode;    // e.g. RECORD_CONFLICT
    QString message;
    QDateTime deadAt;
};

// What the UI shows of the outbox.
struct SyncSnapshot {
    int pending = 0;
    int dead = 0;
    QDateTime oldestPending;        // invalid when nothing is pending
    QDateTime lastSuccess;          // the last batch the backend accepted; invalid before the first
    bool draining = false;          // a delivery is running
    int drainTotal = 0;             // pending when this drain started, for the progress bar
    QString lastError;              // why the last attempt failed (English, for the technician); empty after a success
    QDateTime nextAttempt;          // when the worker tries again after a failure; invalid when not waiting
    bool online = true;             // the network as the worker last heard
    QList<DeadLetter> deadLetters;  // the newest (up to 50), for the sync page
};

}  // namespace facepos::store
