#include "shift_manager.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "platform/logging.h"

namespace facepos::session {

namespace {

constexpr qint64 kMaxFloat = 100000000;

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

}  // namespace

// ---- ShiftReport ------------------------------------------------------------------------------------------------

QJsonObject ShiftReport::toJson() const {
    QJsonArray channelTotals;
    for (const ChannelTotal& t : totals) {
        channelTotals.append(QJsonObject{{QStringLiteral("channel"), t.channel},
                                         {QStringLiteral("count"), t.count},
                                         {QStringLiteral("total_fee"), t.totalFee}});
    }
    return QJsonObject{{QStringLiteral("order_count"), orderCount},
                       {QStringLiteral("totals"), channelTotals},
                       {QStringLiteral("refund_count"), refundCount},
                       {QStringLiteral("refund_fee"), refundFee},
                       {QStringLiteral("voucher_count"), voucherCount},
                       {QStringLiteral("voucher_deduct_fee"), voucherDeductFee},
                       {QStringLiteral("opening_cash_fee"), openingCashFee},
                       {QStringLiteral("expected_cash_fee"), expectedCashFee},
                       {QStringLiteral("counted_cash_fee"), countedCashFee},
                       {QStringLiteral("cash_diff_fee"), cashDiffFee},
                       {QStringLiteral("printed"), printed}};
}

ShiftReport ShiftReport::fromJson(const QJsonObject& report) {
    ShiftReport r;
    r.orderCount = report.value(QStringLiteral("order_count")).toInt();
    for (const QJsonValue& v : report.value(QStringLiteral("totals")).toArray()) {
        const QJsonObject t = v.toObject();
        r.totals.append({t.value(QStringLiteral("channel")).toString(), t.value(QStringLiteral("count")).toInt(),
                         t.value(QStringLiteral("total_fee")).toInteger()});
    }
    r.refundCount = report.value(QStringLiteral("refund_count")).toInt();
    r.refundFee = report.value(QStringLiteral("refund_fee")).toInteger();
    r.voucherCount = report.value(QStringLiteral("voucher_count")).toInt();
    r.voucherDeductFee = report.value(QStringLiteral("voucher_deduct_fee")).toInteger();
    r.openingCashFee = report.value(QStringLiteral("opening_cash_fee")).toInteger();
    r.expectedCashFee = report.value(QStringLiteral("expected_cash_fee")).toInteger();
    r.countedCashFee = report.value(QStringLiteral("counted_cash_fee")).toInteger();
    r.cashDiffFee = report.value(QStringLiteral("cash_diff_fee")).toInteger();
    r.printed = report.value(QStringLiteral("printed")).toBool();
    return r;
}

QVariantMap ShiftReport::toVariantMap() const {
    QVariantList channelTotals;
    for (const ChannelTotal& t : totals) {
        channelTotals.append(QVariantMap{{QStringLiteral("channel"), t.channel},
                                         {QStringLiteral("count"), t.count},
                                         {QStringLiteral("totalFee"), t.totalFee}});
    }
    return QVariantMap{{QStringLiteral("shiftNo"), shiftNo},
                       {QStringLiteral("operatorId"), operatorId},
                       {QStringLiteral("operatorName"), operatorName},
                       {QStringLiteral("openedAt"), openedAt},
                       {QStringLiteral("closedAt"), closedAt},
                       {QStringLiteral("orderCount"), orderCount},
                       {QStringLiteral("totals"), channelTotals},
                       {QStringLiteral("refundCount"), refundCount},
                       {QStringLiteral("refundFee"), refundFee},
                       {QStringLiteral("voucherCount"), voucherCount},
                       {QStringLiteral("voucherDeductFee"), voucherDeductFee},
                       {QStringLiteral("openingCashFee"), openingCashFee},
                       {QStringLiteral("expectedCashFee"), expectedCashFee},
                       {QStringLiteral("countedCashFee"), countedCashFee},
                       {QStringLiteral("cashDiffFee"), cashDiffFee},
                       {QStringLiteral("printed"), printed}};
}

// ---- ShiftManager -----------------------------------------------------------------------------------------------

ShiftManager::ShiftManager(Database& db, store::OrderStore& orders, SessionManager& session,
                           std::shared_ptr<const IClock> clock, QString deviceTag, QObject* parent)
    : QObject(parent),
      m_db(db),
      m_orders(orders),
      m_session(session),
      m_clock(std::move(clock)),
      m_deviceTag(std::move(deviceTag)) {}

Result<void> ShiftManager::load() {
    auto open = m_db.prepare(QStringLiteral(
        "SELECT shift_no, operator_id, opened_at, opening_float_fee FROM shifts WHERE closed_at IS NULL"));
    if (!open) return open.error();
    auto row = open->step();
    if (!row) return row.error();
    if (*row) {
        m_shiftNo = open->columnText(0);
        m_operatorId = open->columnText(1);
        m_openedAt = fromMs(open->columnInt64(2));
        m_openingCashFee = open->columnInt64(3);
    }
    open->reset();
    auto last =
        m_db.prepare(QStringLiteral("SELECT shift_no, operator_id, opened_at, closed_at, report FROM shifts "
                                    "WHERE closed_at IS NOT NULL ORDER BY closed_at DESC LIMIT 1"));
    if (!last) return last.error();
    row = last->step();
    if (!row) return row.error();
    if (*row) {
        m_lastReport = ShiftReport::fromJson(QJsonDocument::fromJson(last->columnText(4).toUtf8()).object());
        m_lastReport.shiftNo = last->columnText(0);
        m_lastReport.operatorId = last->columnText(1);
        m_lastReport.openedAt = fromMs(last->columnInt64(2));
        m_lastReport.closedAt = fromMs(last->columnInt64(3));
    }
    last->reset();
    emit changed();
    return {};
}

bool ShiftManager::fail(const QString& code, const QString& text) {
    m_errorCode = code;
    m_errorText = text;
    emit changed();
    return false;
}

void ShiftManager::clearError() {
    if (m_errorCode.isEmpty()) return;
    m_errorCode.clear();
    m_errorText.clear();
    emit changed();
}

bool ShiftManager::openShift(qint64 openingCashFee) {
    if (!m_session.signedIn() || m_session.locked())
        return fail(QStringLiteral("shift.not_signed_in"), tr("Sign in before opening a shift."));
    if (isOpen()) {
        return fail(QStringLiteral("shift.already_open"),
                    tr("Shift %1 is still open. Close it before opening a new one.").arg(m_shiftNo));
    }
    if (openingCashFee < 0 || openingCashFee > kMaxFloat)
        return fail(QStringLiteral("shift.invalid"), tr("The opening cash must be between 0 and 1,000,000 yuan."));
    const QDateTime now = m_clock->nowUtc();
    const QString shiftNo =
        m_deviceTag + QStringLiteral("-S") + now.toLocalTime().toString(QStringLiteral("yyMMddHHmmss"));
    auto tx = m_db.begin();
    if (!tx) return fail(tx.error().code, tx.error().message);
    auto inserted = m_db.execute(QStringLiteral("INSERT INTO shifts(shift_no, operator_id, opened_at, "
                                                "opening_float_fee) VALUES(?, ?, ?, ?)"),
                                 {shiftNo, m_session.operatorId(), now.toMSecsSinceEpoch(), openingCashFee});
    if (!inserted) {
        if (inserted.error().code == QLatin1String("db.constraint"))
            return fail(QStringLiteral("shift.already_open"), tr("A shift was opened this very second; try again."));
        return fail(inserted.error().code, inserted.error().message);
    }
    const QJsonObject call{{QStringLiteral("shift_no"), shiftNo},
                           {QStringLiteral("operator_id"), m_session.operatorId()},
                           {QStringLiteral("opened_at"), store::rfc3339(now)},
                           {QStringLiteral("opening_cash_fee"), openingCashFee}};
    if (auto queued = m_orders.enqueueCall(QStringLiteral("shift_open"), call, shiftNo); !queued)
        return fail(queued.error().code, queued.error().message);
    if (auto committed = tx->commit(); !committed) return fail(committed.error().code, committed.error().message);
    m_orders.wakeSync();
    m_shiftNo = shiftNo;
    m_operatorId = m_session.operatorId();
    m_operatorName = m_session.displayName();
    m_openedAt = now;
    m_openingCashFee = openingCashFee;
    m_errorCode.clear();
    m_errorText.clear();
    qCInfo(lcApp) << "Shift" << shiftNo << "opened by" << m_operatorId << "with" << openingCashFee << "fen";
    emit changed();
    return true;
}

Result<ShiftReport> ShiftManager::report(qint64 countedCashFee, const QDateTime& closedAt) {
    ShiftReport r;
    r.shiftNo = m_shiftNo;
    r.operatorId = m_operatorId;
    r.operatorName = m_operatorName;
    r.openedAt = m_openedAt;
    r.closedAt = closedAt;
    r.openingCashFee = m_openingCashFee;
    r.countedCashFee = countedCashFee;
    auto totals = m_db.prepare(QStringLiteral(
        "SELECT channel, count(*), sum(payable_fee) FROM orders WHERE shift_no = ? AND status = 'PAID' GROUP BY "
        "channel "
        "ORDER BY CASE channel WHEN 'wechat' THEN 1 WHEN 'alipay' THEN 2 WHEN 'unionpay' THEN 3 WHEN 'face' THEN 4 "
        "ELSE 5 END"));
    if (!totals) return totals.error();
    if (auto b = totals->bindAll({m_shiftNo}); !b) return b.error();
    qint64 cashSales = 0;
    while (true) {
        auto row = totals->step();
        if (!row) return row.error();
        if (!*row) break;
        ShiftReport::ChannelTotal t{totals->columnText(0), static_cast<int>(totals->columnInt64(1)),
                                    totals->columnInt64(2)};
        r.orderCount += t.count;
        if (t.channel == QLatin1String("cash")) cashSales = t.totalFee;
        r.totals.append(t);
    }
    auto vouchers = m_db.prepare(QStringLiteral(
        "SELECT count(*), coalesce(sum(voucher_deduct_fee), 0) FROM orders WHERE shift_no = ? AND status = 'PAID' AND "
        "voucher_deduct_fee > 0"));
    if (!vouchers) return vouchers.error();
    if (auto b = vouchers->bindAll({m_shiftNo}); !b) return b.error();
    if (auto row = vouchers->step(); !row) return row.error();
    r.voucherCount = static_cast<int>(vouchers->columnInt64(0));
    r.voucherDeductFee = vouchers->columnInt64(1);
    vouchers->reset();
    // Refunds made on this terminal while the shift was open, whatever shift the order was sold in.
    auto refunds = m_db.prepare(QStringLiteral(
        "SELECT count(*), coalesce(sum(refund_fee), 0), coalesce(sum(CASE channel WHEN 'cash' THEN refund_fee ELSE 0 "
        "END), 0) FROM refunds WHERE status = 'SUCCESS' AND created_at >= ? AND created_at <= ?"));
    if (!refunds) return refunds.error();
    if (auto b = refunds->bindAll({m_openedAt.toMSecsSinceEpoch(), closedAt.toMSecsSinceEpoch()}); !b) return b.error();
    if (auto row = refunds->step(); !row) return row.error();
    r.refundCount = static_cast<int>(refunds->columnInt64(0));
    r.refundFee = refunds->columnInt64(1);
    const qint64 cashRefunds = refunds->columnInt64(2);
    refunds->reset();
    r.expectedCashFee = m_openingCashFee + cashSales - cashRefunds;
    r.cashDiffFee = countedCashFee - r.expectedCashFee;
    return r;
}

QVariantMap ShiftManager::preview(qint64 countedCashFee) {
    if (!isOpen()) {
        fail(QStringLiteral("shift.none_open"), tr("No shift is open."));
        return {};
    }
    auto r = report(countedCashFee, m_clock->nowUtc());
    if (!r) {
        fail(r.error().code, r.error().message);
        return {};
    }
    return r->toVariantMap();
}

bool ShiftManager::closeShift(qint64 countedCashFee) {
    if (!isOpen()) return fail(QStringLiteral("shift.none_open"), tr("No shift is open."));
    if (!m_session.signedIn() || m_session.locked())
        return fail(QStringLiteral("shift.not_signed_in"), tr("Sign in before closing the shift."));
    if (m_session.operatorId() != m_operatorId && !m_session.isMerchant()) {
        return fail(QStringLiteral("shift.not_yours"),
                    tr("Only the person who opened this shift, or the merchant, can close it."));
    }
    if (countedCashFee < 0 || countedCashFee > kMaxFloat * 10)
        return fail(QStringLiteral("shift.invalid"), tr("Enter the cash counted in the drawer."));
    const QDateTime now = m_clock->nowUtc();
    auto built = report(countedCashFee, now);
    if (!built) return fail(built.error().code, built.error().message);
    ShiftReport r = std::move(built).value();
    // Printed first, so the stored and synced report says whether the paper copy exists.
    r.printed = m_printer ? m_printer(r) : false;
    auto tx = m_db.begin();
    if (!tx) return fail(tx.error().code, tx.error().message);
    const QString reportJson = QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
    auto updated = m_db.execute(QStringLiteral("UPDATE shifts SET closed_at = ?, counted_cash_fee = ?, report = ? "
                                               "WHERE shift_no = ? AND closed_at IS NULL"),
                                {now.toMSecsSinceEpoch(), countedCashFee, reportJson, m_shiftNo});
    if (!updated) return fail(updated.error().code, updated.error().message);
    const QJsonObject call{{QStringLiteral("shift_no"), m_shiftNo},
                           {QStringLiteral("operator_id"), m_operatorId},
                           {QStringLiteral("opened_at"), store::rfc3339(m_openedAt)},
                           {QStringLiteral("closed_at"), store::rfc3339(now)},
                           {QStringLiteral("report"), r.toJson()}};
    if (auto queued = m_orders.enqueueCall(QStringLiteral("shift_close"), call, m_shiftNo); !queued)
        return fail(queued.error().code, queued.error().message);
    if (auto committed = tx->commit(); !committed) return fail(committed.error().code, committed.error().message);
    m_orders.wakeSync();
    qCInfo(lcApp) << "Shift" << m_shiftNo << "closed by" << m_session.operatorId() << ": expected" << r.expectedCashFee
                  << "counted" << countedCashFee << "fen";
    m_lastReport = r;
    m_shiftNo.clear();
    m_operatorId.clear();
    m_operatorName.clear();
    m_openedAt = {};
    m_openingCashFee = 0;
    m_errorCode.clear();
    m_errorText.clear();
    emit changed();
    return true;
}

bool ShiftManager::reprintLastReport() {
    if (m_lastReport.shiftNo.isEmpty())
        return fail(QStringLiteral("shift.none_closed"), tr("No shift was closed yet."));
    if (!m_printer || !m_printer(m_lastReport))
        return fail(QStringLiteral("shift.print_failed"), tr("The report could not be printed. Check the printer."));
    return true;
}

}  // namespace facepos::session
