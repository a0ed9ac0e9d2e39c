#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace facepos::drivers {

struct ReceiptItem {
    QString name;
    int quantity = 1;
    qint64 unitPriceFen = 0;
    qint64 amountFen = 0;  // quantity × unit price, as the order recorded it
};

struct ReceiptDiscount {
    QString label;         // "满20减5", "会员9折"
    qint64 amountFen = 0;  // positive: the amount taken off
};

enum class ReceiptCode { None, Code128, Qr };

// What a sales receipt shows, already decided by the order (the app fills it from an Order). Amounts are integer
// fen. The printer only lays it out; it never computes money.
struct Receipt {
    QString storeName;
    QString copyLabel;  // "顾客联" / "商户联"; empty: none printed
    QString orderNo;    // merchant order number
    QDateTime time;     // printed as given (the app passes local time)
    QString cashier;    // "张三 (001)"
    QList<ReceiptItem> items;
    QString amountLabel = QStringLiteral("收款金额");  // the single line printed when there are no items
    qint64 totalFen = 0;
    QString member;  // "138****5678 金卡会员"; empty: no member line
    QList<ReceiptDiscount> discounts;
    qint64 payableFen = 0;
    QString paymentMethod;      // "微信支付", "现金"
    QString maskedPaymentCode;  // already masked by the caller: "1301********1234"
    QString platformOrderNo;    // printed as text and, per `code`, as a barcode for refunds and queries
    ReceiptCode code = ReceiptCode::Code128;
    QStringList footer;    // "谢谢惠顾，欢迎再次光临"
    bool reprint = false;  // prints a "重打小票" banner
};

// A Chinese sample receipt for the demo, the documentation and tests.
Receipt sampleReceipt();

}  // namespace facepos::drivers
