#include "shift_report_layout.h"

#include "escpos_builder.h"
#include "receipt_text.h"

namespace facepos::drivers {

namespace {

using receipt_text::fit;
using receipt_text::leftRight;
using receipt_text::money;
using receipt_text::wrap;

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("—");
}

// "label：value" on one line, or the value on a line of its own when both do not fit (a long shift number stays
// whole, so it can be read and typed back).
void labelled(EscPosBuilder& out, const QString& label, const QString& value, int width) {
    if (receipt_text::columns(label) + receipt_text::columns(value) > width && receipt_text::columns(value) <= width) {
        out.line(label);
        out.line(value);
        return;
    }
    out.lines(wrap(QString(label + value), width));
}

QString countText(int count) {
    return QStringLiteral("%1笔").arg(count);
}

}  // namespace

QString shiftChannelName(const QString& channel) {
    if (channel == QLatin1String("wechat")) return QStringLiteral("微信支付");
    if (channel == QLatin1String("alipay")) return QStringLiteral("支付宝");
    if (channel == QLatin1String("unionpay")) return QStringLiteral("银联");
    if (channel == QLatin1String("face")) return QStringLiteral("刷脸支付");
    if (channel == QLatin1String("cash")) return QStringLiteral("现金");
    return channel;
}

QByteArray ShiftReportLayout::render(const ShiftSlip& slip) const {
    const int width = columns();
    const QString rule(width, u'-');
    // Channel table: name, count, amount; the figures keep their columns on both paper widths.
    const int countWidth = width >= 48 ? 10 : 6;
    const int amountWidth = width >= 48 ? 14 : 12;
    const int nameWidth = width - countWidth - amountWidth;
    auto row = [&](const QString& name, const QString& count, const QString& amount) {
        return fit(name, nameWidth) + fit(count, countWidth, true) + fit(amount, amountWidth, true);
    };

    EscPosBuilder out;
    out.initialize().chineseMode(true);
    out.align(Align::Center).bold(true);
    if (!slip.storeName.isEmpty()) out.lines(wrap(slip.storeName, width));
    out.size(2, 2).line(u"交接班报告").size(1, 1).bold(false);
    if (slip.reprint) out.bold(true).line(u"*** 重打 ***").bold(false);
    out.align(Align::Left);

    labelled(out, QStringLiteral("班次号："), slip.shiftNo, width);
    labelled(out, QStringLiteral("收银员："), slip.cashier, width);
    if (!slip.deviceId.isEmpty()) labelled(out, QStringLiteral("终  端："), slip.deviceId, width);
    labelled(out, QStringLiteral("开班："), timeText(slip.openedAt), width);
    labelled(out, QStringLiteral("交班："), timeText(slip.closedAt), width);
    out.line(rule);

    out.bold(true).line(row(QStringLiteral("收款方式"), QStringLiteral("笔数"), QStringLiteral("金额"))).bold(false);
    qint64 paidFen = 0;
    for (const ShiftSlipTotal& total : slip.totals) {
        out.line(row(shiftChannelName(total.channel), QString::number(total.count), money(total.totalFen)));
        paidFen += total.totalFen;
    }
    if (slip.totals.isEmpty()) out.line(u"本班无收款");
    out.line(row(QStringLiteral("合计"), QString::number(slip.orderCount), money(paidFen)));
    out.line(rule);

    out.lines(leftRight(QString(QStringLiteral("退款 ") + countText(slip.refundCount)), money(-slip.refundFen), width));
    out.lines(leftRight(QString(QStringLiteral("券抵扣 ") + countText(slip.voucherCount)), money(slip.voucherDeductFen),
                        width));
    out.line(rule);

    out.lines(leftRight(u"备用金", money(slip.openingCashFen), width));
    out.lines(leftRight(u"应有现金", money(slip.expectedCashFen), width));
    out.lines(leftRight(u"实点现金", money(slip.countedCashFen), width));
    const QString diff =
        slip.cashDiffFen > 0 ? QString(QStringLiteral("+") + money(slip.cashDiffFen)) : money(slip.cashDiffFen);
    if (slip.cashDiffFen != 0) {
        out.bold(true).size(1, 2);
        out.lines(leftRight(slip.cashDiffFen > 0 ? u"现金差额（长款）" : u"现金差额（短款）", diff, width));
        out.size(1, 1).bold(false);
    } else {
        out.lines(leftRight(u"现金差额", diff, width));
    }
    out.line(rule);

    out.feed(1);
    out.line(u"交班人签字：");
    out.feed(2);
    out.line(u"接班人签字：");
    out.feed(3).cut(CutMode::Partial);
    return out.bytes();
}

ShiftSlip sampleShiftSlip() {
    ShiftSlip s;
    s.storeName = QStringLiteral("示例便利店 人民路店");
    s.deviceId = QStringLiteral("FP2411A00123");
    s.shiftNo = QStringLiteral("A00123-S261123141230");
    s.cashier = QStringLiteral("李娜 (C1001)");
    s.openedAt = QDateTime(QDate(2026, 11, 23), QTime(14, 12, 30));
    s.closedAt = QDateTime(QDate(2026, 11, 23), QTime(20, 29, 40));
    s.orderCount = 41;
    s.totals = {{QStringLiteral("wechat"), 22, 61830},
                {QStringLiteral("alipay"), 9, 152400},
                {QStringLiteral("face"), 3, 5460},
                {QStringLiteral("cash"), 7, 9300}};
    s.refundCount = 1;
    s.refundFen = 1200;
    s.voucherCount = 4;
    s.voucherDeductFen = 2000;
    s.openingCashFen = 50000;
    s.expectedCashFen = 59300;
    s.countedCashFen = 59250;
    s.cashDiffFen = -50;
    return s;
}

}  // namespace facepos::drivers
