#include "receipt_layout.h"

#include "escpos_builder.h"
#include "receipt_text.h"

namespace facepos::drivers {

namespace {

using receipt_text::fit;
using receipt_text::leftRight;
using receipt_text::money;
using receipt_text::wrap;

// Quiet zone kept free on each side of a Code128 symbol, in dots.
constexpr int kBarcodeQuietDots = 12;

// "label：value"; a value that would be broken after the label but fits a line of its own (a long order number)
// goes on the next line whole, so it can be read and typed back.
void labelled(EscPosBuilder& out, const QString& label, const QString& value, int width) {
    if (receipt_text::columns(label) + receipt_text::columns(value) > width && receipt_text::columns(value) <= width) {
        out.line(label);
        out.line(value);
        return;
    }
    out.lines(wrap(QString(label + value), width));
}

// Code128 modules of `digitsOrText` as EscPosBuilder::code128 encodes it: start + data + check + stop.
int code128Modules(const QByteArray& data) {
    bool digits = data.size() >= 4 && data.size() % 2 == 0;
    for (char c : data) digits = digits && c >= '0' && c <= '9';
    const qsizetype symbols = digits ? data.size() / 2 : data.size();
    return int(11 * (symbols + 3) + 2);
}

void items(EscPosBuilder& out, const Receipt& receipt, int width) {
    if (receipt.items.isEmpty()) {
        out.lines(leftRight(receipt.amountLabel, money(receipt.totalFen), width));
        return;
    }
    if (width >= 48) {
        // One row per item: name (wrapped in its own column), quantity, unit price, amount.
        const int nameWidth = width - 24;
        out.line(fit(u"商品", nameWidth) + fit(u"数量", 6, true) + fit(u"单价", 9, true) + fit(u"金额", 9, true));
        for (const ReceiptItem& item : receipt.items) {
            const QStringList names = wrap(item.name, nameWidth - 1);
            out.line(fit(names.first(), nameWidth) + fit(QString::number(item.quantity), 6, true) +
                     fit(money(item.unitPriceFen), 9, true) + fit(money(item.amountFen), 9, true));
            for (qsizetype i = 1; i < names.size(); ++i) out.line(names[i]);
        }
        return;
    }
    // Narrow paper: the name on its own line(s), the figures below it.
    const int qtyWidth = width - 24;
    out.line(fit(u"商品/数量", qtyWidth + 4) + fit(u"单价", 8, true) + fit(u"金额", 12, true));
    for (const ReceiptItem& item : receipt.items) {
        out.lines(wrap(item.name, width));
        out.line(fit(QStringLiteral("  x%1").arg(item.quantity), qtyWidth) + fit(money(item.unitPriceFen), 12, true) +
                 fit(money(item.amountFen), 12, true));
    }
}

}  // namespace

QByteArray ReceiptLayout::render(const Receipt& receipt) const {
    const int width = columns();
    const QString rule(width, u'-');
    EscPosBuilder out;
    out.initialize().chineseMode(true);

    // Double width only when the name fits one line so: a name broken in the middle reads worse than a narrower one.
    const bool wide = receipt_text::columns(receipt.storeName) * 2 <= width;
    out.align(Align::Center).bold(true).size(wide ? 2 : 1, 2);
    out.lines(wrap(receipt.storeName, wide ? width / 2 : width));
    out.size(1, 1).bold(false);
    if (receipt.reprint) out.bold(true).line(u"*** 重打小票 ***").bold(false);
    if (!receipt.copyLabel.isEmpty()) out.line(receipt.copyLabel);
    out.align(Align::Left);

    labelled(out, QStringLiteral("订单号："), receipt.orderNo, width);
    labelled(out, QStringLiteral("时  间："), receipt.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), width);
    labelled(out, QStringLiteral("收银员："), receipt.cashier, width);
    out.line(rule);

    items(out, receipt, width);
    out.line(rule);
    out.lines(leftRight(u"合计", money(receipt.totalFen), width));
    if (!receipt.member.isEmpty()) labelled(out, QStringLiteral("会  员："), receipt.member, width);
    for (const ReceiptDiscount& discount : receipt.discounts) {
        out.lines(leftRight(QString(QStringLiteral("优惠：") + discount.label), money(-discount.amountFen), width));
    }
    out.line(rule);

    out.bold(true).size(1, 2);
    out.lines(leftRight(u"实付", QString(QStringLiteral("￥") + money(receipt.payableFen)), width));
    out.size(1, 1).bold(false);
    labelled(out, QStringLiteral("支付方式："), receipt.paymentMethod, width);
    if (!receipt.maskedPaymentCode.isEmpty()) {
        labelled(out, QStringLiteral("付款码："), receipt.maskedPaymentCode, width);
    }
    if (!receipt.platformOrderNo.isEmpty()) {
        labelled(out, QStringLiteral("平台单号："), receipt.platformOrderNo, width);
        const QByteArray data = receipt.platformOrderNo.toLatin1();
        ReceiptCode code = receipt.code;
        // A Code128 symbol that does not fit the paper with its quiet zones is unreadable: print a QR code instead.
        if (code == ReceiptCode::Code128 && code128Modules(data) * 2 > dotsFor(m_width) - 2 * kBarcodeQuietDots) {
            code = ReceiptCode::Qr;
        }
        out.align(Align::Center);
        if (code == ReceiptCode::Code128) {
            out.code128(data, 80, 2, HriPosition::Below);
        } else if (code == ReceiptCode::Qr) {
            out.qrCode(receipt.platformOrderNo.toUtf8(), 6, QrErrorLevel::M);
        }
        out.align(Align::Left);
    }
    out.line(rule);

    out.align(Align::Center);
    for (const QString& f : receipt.footer) out.lines(wrap(f, width));
    out.align(Align::Left);
    out.feed(3).cut(CutMode::Partial);
    return out.bytes();
}

QList<QByteArray> ReceiptLayout::renderCopies(const Receipt& receipt, int copies) const {
    if (copies <= 1) return {render(receipt)};
    QList<QByteArray> jobs;
    for (int i = 0; i < copies; ++i) {
        Receipt copy = receipt;
        copy.copyLabel = i == 0 ? QStringLiteral("顾客联") : QStringLiteral("商户联");
        jobs.append(render(copy));
    }
    return jobs;
}

}  // namespace facepos::drivers
