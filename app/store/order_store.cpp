#include "order_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include "platform/logging.h"

namespace facepos::store {

namespace {

const QStringList kChannels{QStringLiteral("wechat"), QStringLiteral("alipay"), QStringLiteral("unionpay"),
                            QStringLiteral("face"), QStringLiteral("cash")};
const QStringList kActions{QStringLiteral("charge"), QStringLiteral("query"), QStringLiteral("reverse"),
                           QStringLiteral("close")};
constexpr qint64 kMaxFee = 100000000;
constexpr int kMaxNoteLength = 128;

// The columns readOrder() expects, in its order.
constexpr char kOrderColumns[] =
    "id, record_id, revision, mch_order_no, channel, status, total_fee, discount_fee, payable_fee, currency, "
    "operator_id, shift_no, member_no, voucher_nos, note, platform_order_no, channel_order_no, cash_received_fee, "
    "change_fee, refunded_fee, created_at, paid_at, ended_at, settled_at, voucher_deduct_fee";

Error invalid(const QString& message) {
    return makeError(QStringLiteral("store.invalid"), message);
}

SqlValue textOrNull(const QString& text) {
    return text.isEmpty() ? SqlValue() : SqlValue(text);
}

SqlValue timeOrNull(const QDateTime& time) {
    return time.isValid() ? SqlValue(time.toMSecsSinceEpoch()) : SqlValue();
}

QDateTime timeColumn(const Statement& s, int column) {
    return s.columnIsNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(s.columnInt64(column), Qt::UTC);
}

QString compact(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString newRecordId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

OrderRecord readOrder(const Statement& s) {
    OrderRecord o;
    o.id = s.columnInt64(0);
    o.recordId = s.columnText(1);
    o.revision = static_cast<int>(s.columnInt64(2));
    o.mchOrderNo = s.columnText(3);
    o.channel = s.columnText(4);
    o.status = orderStatusFromName(s.columnText(5)).value_or(OrderStatus::Created);
    o.totalFee = s.columnInt64(6);
    o.discountFee = s.columnInt64(7);
    o.payableFee = s.columnInt64(8);
    o.currency = s.columnText(9);
    o.operatorId = s.columnText(10);
    o.shiftNo = s.columnText(11);
    o.memberNo = s.columnText(12);
    if (!s.columnIsNull(13)) {
        for (const QJsonValue& v : QJsonDocument::fromJson(s.columnText(13).toUtf8()).array())
            o.voucherNos << v.toString();
    }
    o.note = s.columnText(14);
    o.platformOrderNo = s.columnText(15);
    o.channelOrderNo = s.columnText(16);
    if (!s.columnIsNull(17)) o.cashReceivedFee = s.columnInt64(17);
    if (!s.columnIsNull(18)) o.changeFee = s.columnInt64(18);
    o.refundedFee = s.columnInt64(19);
    o.createdAt = timeColumn(s, 20);
    o.paidAt = timeColumn(s, 21);
    o.endedAt = timeColumn(s, 22);
    o.settledAt = timeColumn(s, 23);
    o.voucherDeductFee = s.columnInt64(24);
    return o;
}

Result<void> validate(const NewOrder& order) {
    if (!kChannels.contains(order.channel))
        return invalid(QStringLiteral("The payment channel '%1' is not known.").arg(order.channel));
    if (order.totalFee < 1 || order.totalFee > kMaxFee)
        return invalid(QStringLiteral("The amount %1 fen is outside 1 … %2 fen.").arg(order.totalFee).arg(kMaxFee));
    if (order.discountFee < 0 || order.discountFee >= order.totalFee)
        return invalid(QStringLiteral("The discount %1 fen must be at least 0 and less than the amount %2 fen.")
                           .arg(order.discountFee)
                           .arg(order.totalFee));
    if (order.voucherDeductFee < 0 || order.voucherDeductFee > order.discountFee)
        return invalid(QStringLiteral("The voucher deduction %1 fen must be part of the discount %2 fen.")
                           .arg(order.voucherDeductFee)
                           .arg(order.discountFee));
    if (order.currency.size() != 3)
        return invalid(QStringLiteral("The currency '%1' is not an ISO 4217 code.").arg(order.currency));
    if (order.operatorId.isEmpty()) return invalid(QStringLiteral("The order has no operator."));
    if (order.note.size() > kMaxNoteLength)
        return invalid(QStringLiteral("The note is longer than %1 characters.").arg(kMaxNoteLength));
    return {};
}

// The order record's payload (§15.1 kind `order`).
QJsonObject orderPayload(const OrderRecord& o) {
    QJsonObject p{{QStringLiteral("mch_order_no"), o.mchOrderNo},
                  {QStringLiteral("channel"), o.channel},
                  {QStringLiteral("status"), orderStatusName(o.status)},
                  {QStringLiteral("total_fee"), o.payableFee},
                  {QStringLiteral("fee_type"), o.currency},
                  {QStringLiteral("operator_id"), o.operatorId}};
    if (!o.shiftNo.isEmpty()) p.insert(QStringLiteral("shift_no"), o.shiftNo);
    QJsonObject detail;
    if (o.discountFee > 0) {
        detail.insert(QStringLiteral("original_fee"), o.totalFee);
        detail.insert(QStringLiteral("discount_fee"), o.discountFee);
        if (o.voucherDeductFee > 0) detail.insert(QStringLiteral("voucher_deduct_fee"), o.voucherDeductFee);
    }
    if (!o.memberNo.isEmpty()) detail.insert(QStringLiteral("member_no"), o.memberNo);
    if (!o.voucherNos.isEmpty()) detail.insert(QStringLiteral("voucher_nos"), QJsonArray::fromStringList(o.voucherNos));
    if (!detail.isEmpty()) p.insert(QStringLiteral("detail"), detail);
    if (!o.platformOrderNo.isEmpty()) p.insert(QStringLiteral("platform_order_no"), o.platformOrderNo);
    if (!o.channelOrderNo.isEmpty()) p.insert(QStringLiteral("channel_order_no"), o.channelOrderNo);
    if (o.paidAt.isValid()) p.insert(QStringLiteral("paid_at"), rfc3339(o.paidAt));
    if (o.endedAt.isValid()) p.insert(QStringLiteral("ended_at"), rfc3339(o.endedAt));
    if (o.refundedFee > 0) p.insert(QStringLiteral("refunded_fee"), o.refundedFee);
    if (o.cashReceivedFee) p.insert(QStringLiteral("cash_received_fee"), *o.cashReceivedFee);
    if (o.changeFee) p.insert(QStringLiteral("change_fee"), *o.changeFee);
    return p;
}

}  // namespace

QString rfc3339(const QDateTime& time) {
    const QDateTime local = time.toLocalTime();
    return QDateTime::fromMSecsSinceEpoch(local.toMSecsSinceEpoch() / 1000 * 1000, Qt::OffsetFromUTC,
                                          local.offsetFromUtc())
        .toString(Qt::ISODate);
}

OrderStore::OrderStore(Database& db, std::shared_ptr<const IClock> clock, OrderStoreOptions options,
                       OrderNumbers numbers)
    : m_db(db),
      m_clock(std::move(clock)),
      m_options(std::move(options)),
      m_numbers(std::move(numbers)),
      m_audit(db, m_clock) {}

OrderStore::~OrderStore() = default;

Result<std::unique_ptr<OrderStore>> OrderStore::open(Database& db, std::shared_ptr<const IClock> clock,
                                                     OrderStoreOptions options) {
    auto numbers = OrderNumbers::open(db, options.deviceTag, options.sequenceFile);
    if (!numbers) return numbers.error();
    return std::unique_ptr<OrderStore>(
        new OrderStore(db, std::move(clock), std::move(options), std::move(numbers).value()));
}

void OrderStore::notifyEnqueued() {
    if (m_options.onEnqueued) m_options.onEnqueued();
}

Result<OrderRecord> OrderStore::insertOrder(const NewOrder& order, const QDateTime& now) {
    if (auto valid = validate(order); !valid) return valid.error();
    OrderRecord o;
    o.recordId = newRecordId();
    o.channel = order.channel;
    o.totalFee = order.totalFee;
    o.discountFee = order.discountFee;
    o.voucherDeductFee = order.voucherDeductFee;
    o.payableFee = order.payableFee();
    o.currency = order.currency;
    o.operatorId = order.operatorId;
    o.shiftNo = order.shiftNo;
    o.memberNo = order.memberNo;
    o.voucherNos = order.voucherNos;
    o.note = order.note;
    o.createdAt = now;
    const SqlValue vouchers =
        order.voucherNos.isEmpty()
            ? SqlValue()
            : SqlValue(QString::fromUtf8(
                  QJsonDocument(QJsonArray::fromStringList(order.voucherNos)).toJson(QJsonDocument::Compact)));
    // A number that collides with an existing order (the same second recurring after the clock was set back, a
    // multiple of 10 000 sales later) is skipped.
    for (int tries = 0; tries < 3; ++tries) {
        auto number = m_numbers.next(now);
        if (!number) return number.error();
        auto exists = m_db.queryInt64(QStringLiteral("SELECT 1 FROM orders WHERE mch_order_no = ?"), {*number});
        if (!exists) return exists.error();
        if (exists->has_value()) continue;
        o.mchOrderNo = *number;
        break;
    }
    if (o.mchOrderNo.isEmpty())
        return makeError(QStringLiteral("store.sequence"), QStringLiteral("No free order number could be found."));
    auto inserted = m_db.execute(
        QStringLiteral(
            "INSERT INTO orders(record_id, revision, mch_order_no, channel, status, total_fee, discount_fee, "
            "voucher_deduct_fee, payable_fee, currency, operator_id, shift_no, member_no, voucher_nos, "
            "note, created_at) VALUES(?, 1, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {o.recordId, o.mchOrderNo, o.channel, o.totalFee, o.discountFee, o.voucherDeductFee, o.payableFee, o.currency,
         o.operatorId, textOrNull(o.shiftNo), textOrNull(o.memberNo), vouchers, textOrNull(o.note),
         now.toMSecsSinceEpoch()});
    if (!inserted) return inserted.error();
    o.id = m_db.lastInsertRowId();
    return o;
}

Result<OrderRecord> OrderStore::createOrder(const NewOrder& order) {
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto created = insertOrder(order, m_clock->nowUtc());
    if (!created) return created.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    return created;
}

Result<OrderRecord> OrderStore::recordCashSale(const NewOrder& order, const CashTender& tender) {
    if (order.channel != QLatin1String("cash"))
        return invalid(QStringLiteral("A cash sale must use the cash channel."));
    if (tender.receivedFee < order.payableFee()) {
        return invalid(QStringLiteral("The cash received, %1 fen, does not cover the amount due, %2 fen.")
                           .arg(tender.receivedFee)
                           .arg(order.payableFee()));
    }
    if (tender.receivedFee > kMaxFee) {
        return invalid(QStringLiteral("The cash received, %1 fen, is more than any sale allows (%2 fen).")
                           .arg(tender.receivedFee)
                           .arg(kMaxFee));
    }
    const QDateTime now = m_clock->nowUtc();
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto created = insertOrder(order, now);
    if (!created) return created.error();
    OrderRecord o = std::move(created).value();
    o.status = OrderStatus::Paid;
    o.cashReceivedFee = tender.receivedFee;
    o.changeFee = tender.receivedFee - o.payableFee;
    o.paidAt = now;
    auto updated = m_db.execute(QStringLiteral("UPDATE orders SET status = 'PAID', cash_received_fee = ?, change_fee = "
                                               "?, paid_at = ? WHERE id = ?"),
                                {*o.cashReceivedFee, *o.changeFee, now.toMSecsSinceEpoch(), o.id});
    if (!updated) return updated.error();
    if (auto queued = enqueueOrderRecord(o); !queued) return queued.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    notifyEnqueued();
    return o;
}

Result<OrderRecord> OrderStore::requireOrder(const QString& mchOrderNo) {
    auto found = order(mchOrderNo);
    if (!found) return found.error();
    if (!found->has_value()) {
        return makeError(QStringLiteral("store.not_found"), QStringLiteral("There is no order %1.").arg(mchOrderNo));
    }
    return std::move(**found);
}

Result<void> OrderStore::markPaying(const QString& mchOrderNo) {
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto o = requireOrder(mchOrderNo);
    if (!o) return o.error();
    if (o->status == OrderStatus::Paying) return {};
    if (o->status != OrderStatus::Created) {
        return makeError(QStringLiteral("store.state"),
                         QStringLiteral("Order %1 is already %2.").arg(mchOrderNo, orderStatusName(o->status)));
    }
    auto updated = m_db.execute(QStringLiteral("UPDATE orders SET status = 'PAYING' WHERE id = ?"), {o->id});
    if (!updated) return updated.error();
    return tx->commit();
}

Result<OrderRecord> OrderStore::finishOrder(const QString& mchOrderNo, const OrderOutcome& outcome) {
    if (!isFinal(outcome.status)) return invalid(QStringLiteral("An order can only finish in a final state."));
    const QDateTime now = m_clock->nowUtc();
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto found = requireOrder(mchOrderNo);
    if (!found) return found.error();
    OrderRecord o = std::move(found).value();
    if (isFinal(o.status)) {
        if (o.status == outcome.status) return o;  // told twice (a resumed payment): nothing changes
        return makeError(QStringLiteral("store.state"),
                         QStringLiteral("Order %1 already ended as %2, not %3.")
                             .arg(mchOrderNo, orderStatusName(o.status), orderStatusName(outcome.status)));
    }
    o.status = outcome.status;
    o.platformOrderNo = outcome.platformOrderNo;
    o.channelOrderNo = outcome.channelOrderNo;
    if (outcome.status == OrderStatus::Paid)
        o.paidAt = outcome.paidAt.isValid() ? outcome.paidAt : now;
    else
        o.endedAt = outcome.endedAt.isValid() ? outcome.endedAt : now;
    auto updated = m_db.execute(QStringLiteral("UPDATE orders SET status = ?, platform_order_no = ?, channel_order_no "
                                               "= ?, paid_at = ?, ended_at = ? WHERE id = ?"),
                                {orderStatusName(o.status), textOrNull(o.platformOrderNo), textOrNull(o.channelOrderNo),
                                 timeOrNull(o.paidAt), timeOrNull(o.endedAt), o.id});
    if (!updated) return updated.error();
    if (auto queued = enqueueOrderRecord(o); !queued) return queued.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    notifyEnqueued();
    return o;
}

Result<qint64> OrderStore::beginJournal(const QString& mchOrderNo, const QString& action, int attempt,
                                        const QString& maskedCode) {
    if (!kActions.contains(action)) return invalid(QStringLiteral("The payment action '%1' is not known.").arg(action));
    if (attempt < 1) return invalid(QStringLiteral("Attempts count from 1."));
    auto inserted = m_db.execute(
        QStringLiteral("INSERT INTO payment_journal(record_id, mch_order_no, attempt, action, "
                       "outcome, masked_code, at) VALUES(?, ?, ?, ?, 'PENDING', ?, ?)"),
        {newRecordId(), mchOrderNo, attempt, action, textOrNull(maskedCode), m_clock->nowUtc().toMSecsSinceEpoch()});
    if (!inserted) {
        if (inserted.error().code == QLatin1String("db.constraint"))
            return makeError(QStringLiteral("store.not_found"),
                             QStringLiteral("There is no order %1.").arg(mchOrderNo));
        return inserted.error();
    }
    return m_db.lastInsertRowId();
}

Result<void> OrderStore::settleJournal(qint64 journalId, const QString& outcome) {
    if (outcome.isEmpty() || outcome == QLatin1String("PENDING"))
        return invalid(QStringLiteral("A settled journal entry needs its outcome."));
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto query = m_db.prepare(QStringLiteral(
        "SELECT record_id, mch_order_no, attempt, action, at, outcome FROM payment_journal WHERE id = ?"));
    if (!query) return query.error();
    if (auto r = query->bindAll({journalId}); !r) return r.error();
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) {
        return makeError(QStringLiteral("store.not_found"),
                         QStringLiteral("There is no journal entry %1.").arg(journalId));
    }
    const QString recordId = query->columnText(0);
    const QString mchOrderNo = query->columnText(1);
    const qint64 attempt = query->columnInt64(2);
    const QString action = query->columnText(3);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(query->columnInt64(4), Qt::UTC);
    const bool alreadySettled = query->columnText(5) != QLatin1String("PENDING");
    query->reset();
    if (alreadySettled) {
        return makeError(QStringLiteral("store.state"),
                         QStringLiteral("Journal entry %1 already has its outcome.").arg(journalId));
    }
    auto updated = m_db.execute(QStringLiteral("UPDATE payment_journal SET outcome = ?, settled_at = ? WHERE id = ?"),
                                {outcome, m_clock->nowUtc().toMSecsSinceEpoch(), journalId});
    if (!updated) return updated.error();
    const QJsonObject payload{{QStringLiteral("mch_order_no"), mchOrderNo},
                              {QStringLiteral("attempt"), attempt},
                              {QStringLiteral("action"), action},
                              {QStringLiteral("outcome"), outcome},
                              {QStringLiteral("at"), rfc3339(at)}};
    if (auto queued = enqueue(QString::fromLatin1(kCallSyncUpload), recordId, QStringLiteral("payment"), 1, at, payload,
                              mchOrderNo);
        !queued)
        return queued.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    notifyEnqueued();
    return {};
}

Result<QList<JournalEntry>> OrderStore::journal(const QString& mchOrderNo) {
    auto query =
        m_db.prepare(QStringLiteral("SELECT id, mch_order_no, attempt, action, outcome, masked_code, at FROM "
                                    "payment_journal WHERE mch_order_no = ? ORDER BY id"));
    if (!query) return query.error();
    if (auto r = query->bindAll({mchOrderNo}); !r) return r.error();
    QList<JournalEntry> entries;
    while (true) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        JournalEntry e;
        e.id = query->columnInt64(0);
        e.mchOrderNo = query->columnText(1);
        e.attempt = static_cast<int>(query->columnInt64(2));
        e.action = query->columnText(3);
        e.outcome = query->columnText(4);
        e.maskedCode = query->columnText(5);
        e.at = timeColumn(*query, 6);
        entries.append(e);
    }
    return entries;
}

Result<void> OrderStore::recordRefund(const RefundRecord& refund) {
    static const QStringList statuses{QStringLiteral("SUCCESS"), QStringLiteral("FAIL"), QStringLiteral("PROCESSING")};
    if (!statuses.contains(refund.status))
        return invalid(QStringLiteral("The refund status '%1' is not known.").arg(refund.status));
    if (refund.mchRefundNo.isEmpty()) return invalid(QStringLiteral("The refund has no refund number."));
    if (refund.refundFee < 1 || refund.refundFee > kMaxFee)
        return invalid(
            QStringLiteral("The refund amount %1 fen is outside 1 … %2 fen.").arg(refund.refundFee).arg(kMaxFee));
    if (refund.operatorId.isEmpty() || refund.authorisedBy.isEmpty())
        return invalid(QStringLiteral("A refund needs the operator and who authorised it."));
    const QDateTime now = m_clock->nowUtc();
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    auto found = requireOrder(refund.mchOrderNo);
    if (!found) return found.error();
    OrderRecord o = std::move(found).value();
    if (o.status != OrderStatus::Paid) {
        return makeError(QStringLiteral("store.state"), QStringLiteral("Order %1 is %2; only paid orders are refunded.")
                                                            .arg(o.mchOrderNo, orderStatusName(o.status)));
    }
    const bool succeeded = refund.status == QLatin1String("SUCCESS");
    if (succeeded && o.refundedFee + refund.refundFee > o.payableFee) {
        return invalid(QStringLiteral("Refunding %1 fen would exceed what order %2 still holds (%3 fen).")
                           .arg(refund.refundFee)
                           .arg(o.mchOrderNo)
                           .arg(o.payableFee - o.refundedFee));
    }
    const QString recordId = newRecordId();
    auto inserted = m_db.execute(
        QStringLiteral("INSERT INTO refunds(record_id, mch_refund_no, mch_order_no, channel, refund_fee, currency, "
                       "status, operator_id, authorised_by, reason, platform_refund_no, created_at, success_at) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {recordId, refund.mchRefundNo, o.mchOrderNo, o.channel, refund.refundFee, o.currency, refund.status,
         refund.operatorId, refund.authorisedBy, textOrNull(refund.reason), textOrNull(refund.platformRefundNo),
         now.toMSecsSinceEpoch(),
         timeOrNull(succeeded ? (refund.successAt.isValid() ? refund.successAt : now) : QDateTime())});
    if (!inserted) {
        if (inserted.error().code == QLatin1String("db.constraint"))
            return invalid(QStringLiteral("The refund number %1 was already used.").arg(refund.mchRefundNo));
        return inserted.error();
    }
    QJsonObject payload{{QStringLiteral("mch_refund_no"), refund.mchRefundNo},
                        {QStringLiteral("mch_order_no"), o.mchOrderNo},
                        {QStringLiteral("channel"), o.channel},
                        {QStringLiteral("refund_fee"), refund.refundFee},
                        {QStringLiteral("fee_type"), o.currency},
                        {QStringLiteral("status"), refund.status},
                        {QStringLiteral("operator_id"), refund.operatorId},
                        {QStringLiteral("authorised_by"), refund.authorisedBy}};
    if (!refund.reason.isEmpty()) payload.insert(QStringLiteral("reason"), refund.reason);
    if (succeeded)
        payload.insert(QStringLiteral("success_at"), rfc3339(refund.successAt.isValid() ? refund.successAt : now));
    if (auto queued = enqueue(QString::fromLatin1(kCallSyncUpload), recordId, QStringLiteral("refund"), 1, now, payload,
                              refund.mchRefundNo);
        !queued)
        return queued.error();
    if (succeeded) {
        o.refundedFee += refund.refundFee;
        ++o.revision;
        auto updated = m_db.execute(QStringLiteral("UPDATE orders SET refunded_fee = ?, revision = ? WHERE id = ?"),
                                    {o.refundedFee, o.revision, o.id});
        if (!updated) return updated.error();
        if (auto queued = enqueueOrderRecord(o); !queued) return queued.error();
    }
    auto audited = m_audit.append(refund.operatorId, QStringLiteral("refund"),
                                  {{QStringLiteral("mch_refund_no"), refund.mchRefundNo},
                                   {QStringLiteral("mch_order_no"), o.mchOrderNo},
                                   {QStringLiteral("refund_fee"), refund.refundFee},
                                   {QStringLiteral("status"), refund.status},
                                   {QStringLiteral("authorised_by"), refund.authorisedBy}});
    if (!audited) return audited.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    notifyEnqueued();
    return {};
}

Result<void> OrderStore::recordPoints(const QString& memberNo, const QString& mchOrderNo, qint64 points,
                                      const QString& reason) {
    if (memberNo.isEmpty() || mchOrderNo.isEmpty())
        return invalid(QStringLiteral("Points need a member and an order."));
    if (reason != QLatin1String("ACCRUE") && reason != QLatin1String("REVERSE"))
        return invalid(QStringLiteral("The points reason '%1' is not known.").arg(reason));
    const QDateTime now = m_clock->nowUtc();
    const QJsonObject payload{{QStringLiteral("member_no"), memberNo},
                              {QStringLiteral("mch_order_no"), mchOrderNo},
                              {QStringLiteral("points"), points},
                              {QStringLiteral("reason"), reason},
                              {QStringLiteral("at"), rfc3339(now)}};
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    const QString recordId = newRecordId();
    auto inserted = m_db.execute(QStringLiteral("INSERT INTO events(record_id, kind, reference, payload, created_at) "
                                                "VALUES(?, 'points', ?, ?, ?)"),
                                 {recordId, mchOrderNo, compact(payload), now.toMSecsSinceEpoch()});
    if (!inserted) return inserted.error();
    if (auto queued = enqueue(QString::fromLatin1(kCallSyncUpload), recordId, QStringLiteral("points"), 1, now, payload,
                              mchOrderNo);
        !queued)
        return queued.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    notifyEnqueued();
    return {};
}

Result<void> OrderStore::recordEvent(const QString& type, const QJsonObject& detail) {
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral("[a-z_]{1,32}")));
    if (!pattern.match(type).hasMatch())
        return invalid(QStringLiteral("The event type '%1' is not a lower-case name.").arg(type));
    const QDateTime now = m_clock->nowUtc();
    QJsonObject payload{{QStringLiteral("type"), type}, {QStringLiteral("at"), rfc3339(now)}};
    if (!detail.isEmpty()) payload.insert(QStringLiteral("detail"), detail);
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    const QString recordId = newRecordId();
    auto inserted = m_db.execute(QStringLiteral("INSERT INTO events(record_id, kind, reference, payload, created_at) "
                                                "VALUES(?, 'event', NULL, ?, ?)"),
                                 {recordId, compact(payload), now.toMSecsSinceEpoch()});
    if (!inserted) return inserted.error();
    if (auto queued =
            enqueue(QString::fromLatin1(kCallSyncUpload), recordId, QStringLiteral("event"), 1, now, payload, {});
        !queued)
        return queued.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    notifyEnqueued();
    return {};
}

Result<void> OrderStore::enqueueCall(const QString& call, const QJsonObject& fields, const QString& reference) {
    static const QStringList calls{QStringLiteral("shift_open"), QStringLiteral("shift_close"),
                                   QStringLiteral("voucher_redeem")};
    if (!calls.contains(call))
        return invalid(QStringLiteral("The call '%1' is not delivered by the outbox.").arg(call));
    if (m_db.inTransaction()) {
        // Part of the caller's transaction (the shift row and its call commit together); the caller wakes the worker.
        return enqueue(call, newRecordId(), {}, 1, m_clock->nowUtc(), fields, reference);
    }
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    if (auto queued = enqueue(call, newRecordId(), {}, 1, m_clock->nowUtc(), fields, reference); !queued)
        return queued.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    notifyEnqueued();
    return {};
}

Result<void> OrderStore::enqueueOrderRecord(const OrderRecord& order) {
    return enqueue(QString::fromLatin1(kCallSyncUpload), order.recordId, QStringLiteral("order"), order.revision,
                   order.createdAt, orderPayload(order), order.mchOrderNo);
}

Result<void> OrderStore::enqueue(const QString& call, const QString& recordId, const QString& kind, int revision,
                                 const QDateTime& createdAt, const QJsonObject& payload, const QString& reference) {
    Q_ASSERT(m_db.inTransaction());
    // An older revision still waiting is replaced by this one: the server keeps only the newest anyway.
    auto superseded = m_db.execute(QStringLiteral("UPDATE outbox SET state = 'superseded', done_at = ? WHERE "
                                                  "record_id = ? AND revision < ? AND state = 'pending'"),
                                   {m_clock->nowUtc().toMSecsSinceEpoch(), recordId, revision});
    if (!superseded) return superseded.error();
    return m_db.execute(QStringLiteral("INSERT INTO outbox(call, record_id, kind, revision, reference, created_at, "
                                       "payload, enqueued_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
                        {call, recordId, textOrNull(kind), revision, textOrNull(reference), rfc3339(createdAt),
                         compact(payload), m_clock->nowUtc().toMSecsSinceEpoch()});
}

Result<std::optional<OrderRecord>> OrderStore::order(const QString& mchOrderNo) {
    auto query =
        m_db.prepare(QStringLiteral("SELECT %1 FROM orders WHERE mch_order_no = ?").arg(QLatin1String(kOrderColumns)));
    if (!query) return query.error();
    if (auto r = query->bindAll({mchOrderNo}); !r) return r.error();
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return std::optional<OrderRecord>();
    OrderRecord o = readOrder(*query);
    query->reset();
    return std::optional<OrderRecord>(std::move(o));
}

Result<QList<OrderRecord>> OrderStore::unfinishedOrders() {
    auto query = m_db.prepare(QStringLiteral("SELECT %1 FROM orders WHERE status IN ('CREATED', 'PAYING') ORDER BY id")
                                  .arg(QLatin1String(kOrderColumns)));
    if (!query) return query.error();
    QList<OrderRecord> orders;
    while (true) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        orders.append(readOrder(*query));
    }
    return orders;
}

Result<qint64> OrderStore::orderCount() {
    auto count = m_db.queryInt64(QStringLiteral("SELECT count(*) FROM orders"));
    if (!count) return count.error();
    return count->value_or(0);
}

Result<UnsyncedCash> OrderStore::unsyncedCashSales() {
    // A cash order whose first order record the backend has not acknowledged. Dead letters count too: the backend
    // does not have them either.
    auto query = m_db.prepare(QStringLiteral(
        "SELECT count(*), coalesce(sum(o.payable_fee), 0) FROM orders o WHERE o.channel = 'cash' AND o.status = 'PAID' "
        "AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.record_id = o.record_id AND b.state IN ('acked', "
        "'superseded'))"));
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    UnsyncedCash result;
    result.count = static_cast<int>(query->columnInt64(0));
    result.totalFee = query->columnInt64(1);
    query->reset();
    return result;
}

Result<qint64> OrderStore::reusableBytes() {
    auto pages = m_db.queryInt64(QStringLiteral("PRAGMA freelist_count"));
    if (!pages) return pages.error();
    auto pageSize = m_db.queryInt64(QStringLiteral("PRAGMA page_size"));
    if (!pageSize) return pageSize.error();
    return pages->value_or(0) * pageSize->value_or(0);
}

Result<PurgeReport> OrderStore::purge(const QDateTime& cutoff) {
    const qint64 cutoffMs = cutoff.toMSecsSinceEpoch();
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    PurgeReport report;
    // Final orders made before the cutoff, none of whose records (the order, its journal, its refunds, its points)
    // is still waiting or dead.
    auto candidates =
        m_db.execute(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS purge_orders(mch_order_no TEXT PRIMARY KEY)"));
    if (!candidates) return candidates.error();
    if (auto r = m_db.execute(QStringLiteral("DELETE FROM temp.purge_orders")); !r) return r.error();
    auto chosen = m_db.execute(
        QStringLiteral("INSERT INTO temp.purge_orders SELECT o.mch_order_no FROM orders o WHERE o.created_at < ? AND "
                       "o.status NOT IN ('CREATED', 'PAYING') AND NOT EXISTS (SELECT 1 FROM outbox b WHERE "
                       "b.reference IN (o.mch_order_no) AND b.state IN ('pending', 'dead')) AND NOT EXISTS (SELECT 1 "
                       "FROM refunds r JOIN outbox b ON b.reference = r.mch_refund_no WHERE r.mch_order_no = "
                       "o.mch_order_no AND b.state IN ('pending', 'dead'))"),
        {cutoffMs});
    if (!chosen) return chosen.error();
    auto count = [&](const QString& sql) -> Result<int> {
        auto n = m_db.queryInt64(sql);
        if (!n) return n.error();
        return static_cast<int>(n->value_or(0));
    };
    auto journal = count(QStringLiteral(
        "SELECT count(*) FROM payment_journal WHERE mch_order_no IN (SELECT mch_order_no FROM temp.purge_orders)"));
    if (!journal) return journal.error();
    auto refunds = count(QStringLiteral(
        "SELECT count(*) FROM refunds WHERE mch_order_no IN (SELECT mch_order_no FROM temp.purge_orders)"));
    if (!refunds) return refunds.error();
    report.journalEntries = *journal;
    report.refunds = *refunds;
    // Journal entries and refunds go with their order (ON DELETE CASCADE).
    if (auto r = m_db.execute(
            QStringLiteral("DELETE FROM orders WHERE mch_order_no IN (SELECT mch_order_no FROM temp.purge_orders)"));
        !r)
        return r.error();
    report.orders = static_cast<int>(m_db.changes());
    if (auto r = m_db.execute(QStringLiteral("DELETE FROM events WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM "
                                             "outbox b WHERE b.record_id = events.record_id AND b.state IN "
                                             "('pending', 'dead'))"),
                              {cutoffMs});
        !r)
        return r.error();
    if (auto r = m_db.execute(QStringLiteral("DELETE FROM outbox WHERE state IN ('acked', 'superseded') AND "
                                             "enqueued_at < ?"),
                              {cutoffMs});
        !r)
        return r.error();
    report.outboxRows = static_cast<int>(m_db.changes());
    if (auto r = m_db.execute(QStringLiteral("DELETE FROM temp.purge_orders")); !r) return r.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    // Gives the log's space back to the disk; with another connection reading it simply does less, so the outcome
    // does not matter.
    if (auto checkpoint = m_db.queryInt64(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); !checkpoint)
        qCInfo(lcSync) << "Checkpoint after the purge:" << checkpoint.error().message;
    qCInfo(lcSync) << "Purged" << report.orders << "order(s)," << report.journalEntries << "journal entr(ies),"
                   << report.refunds << "refund(s) and" << report.outboxRows << "delivered outbox row(s) older than"
                   << cutoff.toString(Qt::ISODate);
    return report;
}

}  // namespace facepos::store
