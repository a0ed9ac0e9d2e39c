// facepos-store-pages-sample OUTPUT_DIR: the store and shift pages against a live in-process sandbox, as a merchant
// and a clerk see them, written to OUTPUT_DIR (docs/images/):
//   settings-my-store-zh_CN.png  Settings with the merchant signed in
//   store-details-zh_CN.png      My store → Store details
//   clerks-zh_CN.png, clerks-en.png   the clerk list from the backend
//   clerk-create-zh_CN.png       the create form with a mismatched confirmation
//   shift-open-zh_CN.png         no shift open: the opening float
//   shift-current-zh_CN.png      a shift open, the drawer being counted
//   shift-report-zh_CN.png, shift-report-en.png   the handover report after the close (¥0.50 short)
//   shift-report-58mm.png        the printed report from the virtual printer
// Times are the real time now, in China Standard Time as on a store's terminal.
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>
#include <cstdio>

#include "app/backend/backend_client.h"
#include "store_terminal.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;

namespace {

int failWith(const QString& message) {
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

bool sale(StoreTerminal& t, const QString& channel, qint64 fee, qint64 voucher, const QString& code) {
    UiHarness& ui = t.ui();
    store::NewOrder order;
    order.channel = channel;
    order.totalFee = fee;
    order.discountFee = voucher;
    order.voucherDeductFee = voucher;
    if (voucher > 0) order.voucherNos = {QStringLiteral("V2411000789")};
    order.operatorId = ui.session->operatorId();
    order.shiftNo = ui.shift->shiftNo();
    if (channel == QLatin1String("cash")) {
        auto sold = ui.orders->recordCashSale(order, store::CashTender{fee});
        if (!sold || fee != 2350) return sold.ok();
        // One item of this sale comes back: ¥5.00 out of the drawer.
        store::RefundRecord refund;
        refund.mchRefundNo = sold->mchOrderNo + QStringLiteral("R1");
        refund.mchOrderNo = sold->mchOrderNo;
        refund.refundFee = 500;
        refund.status = QStringLiteral("SUCCESS");
        refund.operatorId = order.operatorId;
        refund.authorisedBy = QStringLiteral("M88001234");
        refund.reason = QStringLiteral("退货 1 件");
        return ui.orders->recordRefund(refund).ok();
    }
    auto created = ui.orders->createOrder(order);
    if (!created || !ui.orders->markPaying(created->mchOrderNo)) return false;
    backend::QuickPayRequest request;
    request.mchOrderNo = created->mchOrderNo;
    request.totalFee = order.payableFee();
    request.channel = channel;
    request.authCode = code;
    request.operatorId = order.operatorId;
    request.shiftNo = order.shiftNo;
    std::optional<backend::BackendResult<backend::OrderInfo>> answer;
    ui.backend->quickPay(request, [&](backend::BackendResult<backend::OrderInfo> r) { answer.emplace(std::move(r)); });
    if (!t.waitFor([&] { return answer.has_value(); }) || !answer->ok()) return false;
    store::OrderOutcome outcome;
    outcome.platformOrderNo = answer->value().platformOrderNo;
    outcome.channelOrderNo = answer->value().channelOrderNo;
    return ui.orders->finishOrder(created->mchOrderNo, outcome).ok();
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Asia/Shanghai");
    QGuiApplication app(argc, argv);
    const std::optional<QDir> dir = test::screenshotOutputDir(argc, argv, "facepos-store-pages-sample");
    if (!dir) return 1;
    const QDir& out = *dir;

    auto started = StoreTerminal::start();
    if (!started) return failWith(started.error().message);
    StoreTerminal& t = **started;
    UiHarness& ui = t.ui();
    ui.appState.setNetworkOnline(true);

    // The merchant: Settings, Store details, Clerks (with a clerk created), the create form with a mistake.
    if (!t.signInMerchant()) return failWith(t.lastError());
    ui.clerks->create(QStringLiteral("1002"), QStringLiteral("王芳"), QStringLiteral("246810"));
    t.waitFor([&] { return !ui.clerks->busy(); });
    ui.clerks->setDisabled(QStringLiteral("1003"), true);
    t.waitFor([&] { return !ui.clerks->busy(); });
    if (!t.show(QStringLiteral("SettingsPage")) || !t.grab(out, QStringLiteral("settings-my-store-zh_CN.png")))
        return failWith(QStringLiteral("settings: ") + t.lastError());
    if (!t.tap(QStringLiteral("openMyStore")) || !t.waitForPage(QStringLiteral("myStorePage")) ||
        !t.tap(QStringLiteral("openStoreDetails")) || !t.waitForPage(QStringLiteral("storeDetailsPage")) ||
        !t.grab(out, QStringLiteral("store-details-zh_CN.png")))
        return failWith(QStringLiteral("store details"));
    if (!t.tap(QStringLiteral("openClerks")) || !t.waitForPage(QStringLiteral("clerksPage")) ||
        !t.waitFor([&] { return !ui.clerks->busy() && t.item(QStringLiteral("clerk_1002")); }) ||
        !t.grab(out, QStringLiteral("clerks-zh_CN.png")))
        return failWith(QStringLiteral("clerks"));
    if (!t.tap(QStringLiteral("clerkCreateOpen")) ||
        !t.setText(QStringLiteral("clerkEmployeeNo"), QStringLiteral("1004")) ||
        !t.setText(QStringLiteral("clerkNameField"), QStringLiteral("周敏")) ||
        !t.setText(QStringLiteral("clerkPassword"), QStringLiteral("246810")) ||
        !t.setText(QStringLiteral("clerkPasswordConfirm"), QStringLiteral("246801")) ||
        !t.tap(QStringLiteral("clerkCreateSubmit")) || !t.grab(out, QStringLiteral("clerk-create-zh_CN.png")))
        return failWith(QStringLiteral("clerk create"));
    if (!ui.language.setLanguage(QStringLiteral("en")) || !t.tap(QStringLiteral("clerkCreateCancel")) ||
        !t.grab(out, QStringLiteral("clerks-en.png")))
        return failWith(QStringLiteral("clerks en"));
    ui.language.setLanguage(QStringLiteral("zh_CN"));
    t.signOut();

    // Clerk 1001: no shift, then a shift with sales, the count, and the report after the close.
    if (!t.signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) return failWith(t.lastError());
    if (!t.show(QStringLiteral("ShiftPage")) || !t.setText(QStringLiteral("openingFloat"), QStringLiteral("500.00")) ||
        !t.grab(out, QStringLiteral("shift-open-zh_CN.png")))
        return failWith(QStringLiteral("shift open"));
    if (!t.tap(QStringLiteral("openShiftButton")) || !ui.shift->isOpen())
        return failWith(QStringLiteral("shift not opened: ") + ui.shift->errorText());
    if (!sale(t, QStringLiteral("wechat"), 6180, 0, QStringLiteral("134000000000000000")) ||
        !sale(t, QStringLiteral("wechat"), 2890, 500, QStringLiteral("134000000000000000")) ||
        !sale(t, QStringLiteral("alipay"), 15240, 0, QStringLiteral("284000000000000000")) ||
        !sale(t, QStringLiteral("cash"), 2350, 0, {}) || !sale(t, QStringLiteral("cash"), 1500, 300, {}))
        return failWith(QStringLiteral("the sample sales failed"));
    if (!t.setText(QStringLiteral("countedCash"), QStringLiteral("530.00")) ||
        !t.grab(out, QStringLiteral("shift-current-zh_CN.png")))
        return failWith(QStringLiteral("shift current"));
    if (!t.tap(QStringLiteral("closeShiftButton")) || !t.waitForPage(QStringLiteral("shiftReportPage")) ||
        !t.tap(QStringLiteral("confirmClose")) || ui.shift->isOpen() ||
        !t.grab(out, QStringLiteral("shift-report-zh_CN.png")))
        return failWith(QStringLiteral("shift report: ") + ui.shift->errorText());
    if (!ui.language.setLanguage(QStringLiteral("en")) || !t.grab(out, QStringLiteral("shift-report-en.png")))
        return failWith(QStringLiteral("shift report en"));

    // The paper copy, as the virtual printer rendered it.
    if (!t.waitFor([&] { return ui.devices->lastAction() == QLatin1String("shift_report"); }) ||
        !ui.devices->lastActionOk())
        return failWith(QStringLiteral("the report was not printed: ") + ui.devices->lastActionMessage());
    const QString printed = out.filePath(QStringLiteral("shift-report-58mm.png"));
    QFile::remove(printed);
    if (!QFile::copy(ui.devices->lastActionFile(), printed)) return failWith(QStringLiteral("cannot write ") + printed);
    std::printf("%s\n", qPrintable(printed));
    return 0;
}
