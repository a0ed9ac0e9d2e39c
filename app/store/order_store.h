#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "app/store/audit_log.h"
#include "app/store/order_number.h"
#include "app/store/store_types.h"
#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::store {

struct OrderStoreOptions {
    // The order numbers' device tag and the high-water file kept outside the database (order_number.h).
    QString deviceTag;
    QString sequenceFile;
    // Called after every commit that added outbox rows; must be cheap and thread-safe (SyncService::wake).
    std::function<void()> onEnqueued;
};

// Cash sales the backend has not acknowledged yet: what the offline caps limit (sales_gate.h).
struct UnsyncedCash {
    int count = 0;
    qint64 totalFee = 0;
};

struct PurgeReport {
    int orders = 0;
    int journalEntries = 0;
    int refunds = 0;
    int outboxRows = 0;
};

// The terminal's durable record of sales (docs/architecture.md, "Orders and the outbox"): orders, the payment
// journal, refunds, points, events and the outbox that announces each of them to the backend. Every write is one
// transaction that commits the record and its outbox row together, with synchronous=FULL, so what a method reported
// as saved survives a crash or a power cut, and nothing is ever saved without being queued for delivery.
//
// Errors: "store.invalid" (bad input, nothing written, the message says which field), "store.not_found",
// "store.state" (the order is not in a state that allows the change), and the database's own errors ("db.full",
// "db.busy" …) with nothing written.
//
// Thread ownership: belongs to the thread that owns `db` (the database writer thread).
class OrderStore {
public:
    // Reads the order-number sequence (database and high-water file) and reserves the next block.
    static Result<std::unique_ptr<OrderStore>> open(Database& db, std::shared_ptr<const IClock> clock,
                                                    OrderStoreOptions options);
    ~OrderStore();

    Database& database() { return m_db; }
    AuditLog& audit() { return m_audit; }

    // A new order with its mch_order_no, in state Created, committed before any payment call. Not yet in the outbox:
    // the order record is queued when the order ends.
    Result<OrderRecord> createOrder(const NewOrder& order);
    // A cash sale, created and paid in one transaction, its order record queued. `tender.receivedFee` must cover
    // the payable amount; the change is computed.
    Result<OrderRecord> recordCashSale(const NewOrder& order, const CashTender& tender);
    // Created → Paying, before the first payment call.
    Result<void> markPaying(const QString& mchOrderNo);
    // Created/Paying → a final status; queues the order record (revision 1). A final order cannot change status.
    Result<OrderRecord> finishOrder(const QString& mchOrderNo, const OrderOutcome& outcome);

    // The payment journal (§11.2): a row committed before each network call, with outcome PENDING.
    Result<qint64> beginJournal(const QString& mchOrderNo, const QString& action, int attempt,
                                const QString& maskedCode);
    // The call's outcome; queues the journal row as a `payment` record.
    Result<void> settleJournal(qint64 journalId, const QString& outcome);
    Result<QList<JournalEntry>> journal(const QString& mchOrderNo);

    // A refund of a paid order: the refund row, its `refund` record, and — when it succeeded — the order's
    // refunded_fee raised and its order record queued again with the next revision. Also writes the audit log.
    Result<void> recordRefund(const RefundRecord& refund);
    // A member points change (§15.1 kind `points`).
    Result<void> recordPoints(const QString& memberNo, const QString& mchOrderNo, qint64 points, const QString& reason);
    // An event (§15.1 kind `event`): drawer_open, receipt_printed, login, lock … `detail` holds no personal data.
    Result<void> recordEvent(const QString& type, const QJsonObject& detail = {});
    // A whole device call delivered by the outbox on its own (shift_open, shift_close, voucher_redeem), idempotent
    // on the server by `reference` (§6.2). Inside the caller's open transaction it joins it (the record it announces
    // commits with it) and the caller calls wakeSync() after committing.
    Result<void> enqueueCall(const QString& call, const QJsonObject& fields, const QString& reference);
    // Tells the sync worker that rows were committed.
    void wakeSync() { notifyEnqueued(); }

    Result<std::optional<OrderRecord>> order(const QString& mchOrderNo);
    // Orders not yet final (Created, Paying), oldest first: what start-up must resolve before new sales.
    Result<QList<OrderRecord>> unfinishedOrders();
    Result<qint64> orderCount();
    Result<UnsyncedCash> unsyncedCashSales();
    // Space inside the database file that new records reuse before the file grows (free pages, e.g. after a purge).
    Result<qint64> reusableBytes();

    // Deletes orders (with their journal, refunds and events) and outbox rows older than `cutoff` whose outbox rows
    // are all acknowledged; anything not yet delivered, dead letters included, stays. The freed pages are reused by
    // later records (reusableBytes()), and the write-ahead log is truncated to give its space back to the disk.
    Result<PurgeReport> purge(const QDateTime& cutoff);

private:
    OrderStore(Database& db, std::shared_ptr<const IClock> clock, OrderStoreOptions options, OrderNumbers numbers);

    Result<OrderRecord> insertOrder(const NewOrder& order, const QDateTime& now);
    Result<void> enqueueOrderRecord(const OrderRecord& order);
    Result<void> enqueue(const QString& call, const QString& recordId, const QString& kind, int revision,
                         const QDateTime& createdAt, const QJsonObject& payload, const QString& reference);
    Result<OrderRecord> requireOrder(const QString& mchOrderNo);
    void notifyEnqueued();

    Database& m_db;
    std::shared_ptr<const IClock> m_clock;
    OrderStoreOptions m_options;
    OrderNumbers m_numbers;
    AuditLog m_audit;
};

// RFC 3339 with the device's UTC offset and second precision, as the Terminal API wants times (§3.3).
QString rfc3339(const QDateTime& time);

}  // namespace facepos::store
