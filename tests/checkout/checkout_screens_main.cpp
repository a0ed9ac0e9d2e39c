// facepos-checkout-screens OUTPUT_DIR: the cashier's checkout pages against a live in-process sandbox, as clerk
// 1001 李娜 sees them with a shift open, written to OUTPUT_DIR (docs/images/):
//   checkout-amount-zh_CN.png, checkout-amount-en.png   ¥68.80 typed on the keypad, with a note
//   checkout-pay-zh_CN.png              the choice: payment code (online), face pay (not offered), cash
//   checkout-waiting-zh_CN.png          the customer confirms on the phone (test code …0110)
//   checkout-result-paid-zh_CN.png, checkout-result-paid-en.png   the WeChat payment received
//   checkout-cash-zh_CN.png             ¥25.00 to pay, ¥100.00 received, the change
//   checkout-result-failed-zh_CN.png    insufficient funds (test code …0400)
//   receipt-paid-58mm.png               the printed receipt of the WeChat payment, from the virtual printer
// Times are the real time now, in China Standard Time as on a store's terminal.
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>
#include <cstdio>

#include "checkout_driver.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;
using namespace std::chrono_literals;

namespace {

int failWith(const QString& message) {
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Asia/Shanghai");
    QGuiApplication app(argc, argv);
    const std::optional<QDir> dir = test::screenshotOutputDir(argc, argv, "facepos-checkout-screens");
    if (!dir) return 1;
    const QDir& out = *dir;

    auto started = CheckoutDriver::start();
    if (!started) return failWith(started.error().message);
    CheckoutDriver& t = **started;
    UiHarness& ui = t.ui();
    checkout::CheckoutController& c = t.checkout();
    checkout::CheckoutController::Options options;
    options.resultReturn = 0ms;
    c.setOptions(options);

    if (!t.signInClerk() || !t.openShift()) return failWith(t.lastError());
    if (!t.show(QStringLiteral("HomePage")) || !t.tap(QStringLiteral("tileCheckout")) ||
        !t.waitForPage(QStringLiteral("checkoutAmountPage")))
        return failWith(QStringLiteral("checkout page: ") + t.lastError());

    // The amount, in both languages.
    if (!t.type(QStringLiteral("68.8")) || !t.press(QStringLiteral("0")) ||
        !t.setText(QStringLiteral("checkoutNote"), QStringLiteral("2 号桌")) ||
        !t.grab(out, QStringLiteral("checkout-amount-zh_CN.png")))
        return failWith(QStringLiteral("amount: ") + t.lastError());
    if (!ui.language.setLanguage(QStringLiteral("en")) || !t.grab(out, QStringLiteral("checkout-amount-en.png")))
        return failWith(QStringLiteral("amount en"));
    ui.language.setLanguage(QStringLiteral("zh_CN"));

    // The choice, then a WeChat code the customer confirms on the phone after 10 s.
    if (!t.press(QStringLiteral("confirm")) || !t.waitForPage(QStringLiteral("checkoutPayPage")) ||
        !t.grab(out, QStringLiteral("checkout-pay-zh_CN.png")))
        return failWith(QStringLiteral("pay: ") + c.message());
    if (!t.scan(QStringLiteral("134000000000000110")) ||
        !t.waitFor([&] { return c.phase() == QLatin1String("customer") && c.waitingSeconds() >= 3; }) ||
        !t.grab(out, QStringLiteral("checkout-waiting-zh_CN.png")))
        return failWith(QStringLiteral("waiting: ") + c.message());
    if (!t.waitForPage(QStringLiteral("checkoutResultPage"), 60000) ||
        !t.waitFor([&] { return ui.devices->lastAction() == QLatin1String("receipt"); }) ||
        !t.grab(out, QStringLiteral("checkout-result-paid-zh_CN.png")))
        return failWith(QStringLiteral("result paid: ") + c.message());
    if (!ui.devices->lastActionOk())
        return failWith(QStringLiteral("the receipt was not printed: ") + ui.devices->lastActionMessage());
    const QString printed = out.filePath(QStringLiteral("receipt-paid-58mm.png"));
    QFile::remove(printed);
    if (!QFile::copy(ui.devices->lastActionFile(), printed)) return failWith(QStringLiteral("cannot write ") + printed);
    std::printf("%s\n", qPrintable(printed));
    if (!ui.language.setLanguage(QStringLiteral("en")) || !t.grab(out, QStringLiteral("checkout-result-paid-en.png")))
        return failWith(QStringLiteral("result paid en"));
    ui.language.setLanguage(QStringLiteral("zh_CN"));

    // Cash: ¥25.00 with a ¥100 note.
    if (!t.tap(QStringLiteral("newSaleButton")) || !t.waitForPage(QStringLiteral("checkoutAmountPage")) ||
        !t.type(QStringLiteral("25")) || !t.press(QStringLiteral("confirm")) ||
        !t.waitForPage(QStringLiteral("checkoutPayPage")) || !t.tap(QStringLiteral("cashButton")) ||
        !t.waitForPage(QStringLiteral("checkoutCashPage")) || !t.type(QStringLiteral("100")) ||
        !t.grab(out, QStringLiteral("checkout-cash-zh_CN.png")))
        return failWith(QStringLiteral("cash: ") + c.message());
    if (!t.press(QStringLiteral("confirm")) || !t.waitForPage(QStringLiteral("checkoutResultPage")))
        return failWith(QStringLiteral("cash result: ") + c.message());

    // A declined payment.
    if (!t.tap(QStringLiteral("newSaleButton")) || !t.waitForPage(QStringLiteral("checkoutAmountPage")) ||
        !t.type(QStringLiteral("12")) || !t.press(QStringLiteral("confirm")) ||
        !t.waitForPage(QStringLiteral("checkoutPayPage")) || !t.scan(QStringLiteral("134000000000000400")) ||
        !t.waitForPage(QStringLiteral("checkoutResultPage")) ||
        !t.grab(out, QStringLiteral("checkout-result-failed-zh_CN.png")))
        return failWith(QStringLiteral("result failed: ") + c.message());
    return 0;
}
