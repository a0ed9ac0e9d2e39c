#include "receipt.h"

namespace facepos::drivers {

Receipt sampleReceipt() {
    Receipt r;
    r.storeName = QStringLiteral("好邻居便利店（中关村店）");
    r.copyLabel = QStringLiteral("顾客联");
    r.orderNo = QStringLiteral("M202601010900001");
    r.time = QDateTime(QDate(2026, 1, 1), QTime(9, 30, 15));
    r.cashier = QStringLiteral("张三 (001)");
    r.items = {
        {QStringLiteral("农夫山泉饮用天然水550ml"), 2, 200, 400},
        {QStringLiteral("康师傅红烧牛肉面"), 1, 450, 450},
        {QStringLiteral("德芙丝滑牛奶巧克力43g"), 3, 990, 2970},
        {QStringLiteral("Coca-Cola 可口可乐 330ml"), 1, 300, 300},
    };
    r.totalFen = 4120;
    r.member = QStringLiteral("138****5678 金卡会员");
    r.discounts = {{QStringLiteral("满20减5"), 500}, {QStringLiteral("会员9.5折"), 181}};
    r.payableFen = 3439;
    r.paymentMethod = QStringLiteral("微信支付");
    r.maskedPaymentCode = QStringLiteral("1301********1234");
    r.platformOrderNo = QStringLiteral("4200002026010109301512345678");
    r.code = ReceiptCode::Code128;
    r.footer = {QStringLiteral("谢谢惠顾，欢迎再次光临！"), QStringLiteral("服务热线 400-800-1234")};
    return r;
}

}  // namespace facepos::drivers
