// Issue 7 end to end through the real checkout pages offscreen, driven by objectName against the sandbox: a clerk
// signs in, opens a shift, types the amount on the counter keypad and on the screen, pays cash; pays with the §17.3
// test payment codes through the simulated scanner and reads the result in words; a code of no wallet; cancels
// while the customer does not confirm.
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include "app/checkout/checkout_controller.h"
#include "checkout_driver.h"
#include "drivers/printer/simulated_transport.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;
using namespace std::chrono_literals;

namespace {

class CheckoutPagesTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto started = CheckoutDriver::start();
        ASSERT_TRUE(started.ok()) << qPrintable(started.error().message);
        t = std::move(started).value();
        checkout::CheckoutController::Options options;
        options.resultReturn = 0ms;
        t->checkout().setOptions(options);
        ui().language.setLanguage(QStringLiteral("en"));
    }

    UiHarness& ui() { return t->ui(); }
    checkout::CheckoutController& c() { return t->checkout(); }

    // GIVEN clerk 1001 signed in with a shift open, WHEN Home → Checkout is tapped, THEN the amount page shows.
    void openCheckout() {
        ASSERT_TRUE(t->signInClerk()) << qPrintable(t->lastError());
        ASSERT_TRUE(t->openShift()) << qPrintable(t->lastError());
        ASSERT_TRUE(t->show(QStringLiteral("HomePage"))) << qPrintable(t->lastError());
        ASSERT_TRUE(t->isEnabled(QStringLiteral("tileCheckout")));
        ASSERT_TRUE(t->tap(QStringLiteral("tileCheckout")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutAmountPage")));
    }

    // The amount on the on-screen keys, then Collect: the pay page.
    void enterOnScreen(const QString& amount) {
        for (const QChar ch : amount) {
            const QString key = ch == QLatin1Char('.') ? QStringLiteral("key_dot") : QStringLiteral("key_") + ch;
            ASSERT_TRUE(t->tap(key)) << qPrintable(key);
        }
        ASSERT_TRUE(t->tap(QStringLiteral("amountConfirm")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutPayPage"))) << qPrintable(c().message());
    }

    // Scans `code` on the pay page and waits for the result page; returns its title.
    QString payWith(const QString& code, int timeoutMs = 60000) {
        if (!t->scan(code)) return QStringLiteral("<scan refused>");
        if (!t->waitForPage(QStringLiteral("checkoutResultPage"), timeoutMs))
            return QStringLiteral("<no result page: %1>").arg(c().message());
        return t->text(QStringLiteral("resultTitle"));
    }

    void nextSale() {
        ASSERT_TRUE(t->tap(QStringLiteral("newSaleButton")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutAmountPage")));
    }

    std::unique_ptr<CheckoutDriver> t;
};

TEST_F(CheckoutPagesTest, AClerkTakesCashTypedOnTheCounterKeypad) {
    openCheckout();
    ASSERT_TRUE(t->type(QStringLiteral("23.5")));
    EXPECT_EQ(t->text(QStringLiteral("amountDisplay")), QStringLiteral("¥23.5"));
    ASSERT_TRUE(t->press(QStringLiteral("confirm")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutPayPage")));
    // This terminal has no camera (UiHarness without camera settings): face pay says so and is not offered.
    EXPECT_FALSE(t->isEnabled(QStringLiteral("facePayButton")));
    EXPECT_EQ(t->text(QStringLiteral("facePayButton")),
              QStringLiteral("This terminal has no camera: face pay is not available."));
    EXPECT_FALSE(t->text(QStringLiteral("walletNotice")).isEmpty());
    ASSERT_TRUE(t->tap(QStringLiteral("cashButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutCashPage")));
    ASSERT_TRUE(t->tap(QStringLiteral("key_5")));
    ASSERT_TRUE(t->tap(QStringLiteral("key_0")));
    EXPECT_EQ(t->text(QStringLiteral("cashChange")), QStringLiteral("¥26.50"));
    const int kicks = ui().devices->virtualPrinter()->drawerKicks();
    ASSERT_TRUE(t->tap(QStringLiteral("cashConfirm")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage")));
    EXPECT_EQ(t->text(QStringLiteral("resultTitle")), QStringLiteral("✓ Payment received"));
    EXPECT_TRUE(t->text(QStringLiteral("resultChange")).contains(QStringLiteral("¥26.50")));
    EXPECT_TRUE(t->waitFor([&] { return ui().devices->virtualPrinter()->drawerKicks() == kicks + 1; }));
    EXPECT_TRUE(t->isVisible(QStringLiteral("reprintButton")));
    nextSale();
    EXPECT_EQ(t->text(QStringLiteral("amountDisplay")), QStringLiteral("¥0.00"));
}

TEST_F(CheckoutPagesTest, EachTestPaymentCodeEndsInTheRightWords) {
    openCheckout();
    // §17.3: the last four digits decide. 0200 and 0301 take the 15 s reverse guard and the channel limit (30–60 s
    // of real time: the sandbox clock cannot move the terminal's) and are left to the engine's tests.
    const QList<std::pair<QString, QString>> cases = {
        {QStringLiteral("134000000000000000"), QStringLiteral("✓ Payment received")},   // WeChat success
        {QStringLiteral("284000000000000000"), QStringLiteral("✓ Payment received")},   // Alipay success
        {QStringLiteral("6240000000000000000"), QStringLiteral("✓ Payment received")},  // UnionPay success
        {QStringLiteral("134000000000000102"), QStringLiteral("✓ Payment received")},   // confirms after 2 s
        {QStringLiteral("134000000000000300"), QStringLiteral("✓ Payment received")},   // system error, money taken
        {QStringLiteral("134000000000000400"), QStringLiteral("✕ Payment failed")},     // insufficient funds
        {QStringLiteral("134000000000000500"), QStringLiteral("✕ Payment failed")},     // expired code
        {QStringLiteral("134000000000000600"), QStringLiteral("✕ Payment failed")},     // payer cancels after 10 s
        {QStringLiteral("134000000000000700"), QStringLiteral("✕ Payment failed")},     // risk control
        {QStringLiteral("134000000000004321"), QStringLiteral("✓ Payment received")},   // any other
    };
    for (const auto& [code, words] : cases) {
        SCOPED_TRACE(code.toStdString());
        enterOnScreen(QStringLiteral("6.8"));
        EXPECT_EQ(payWith(code), words);
        EXPECT_FALSE(t->text(QStringLiteral("resultDetail")).isEmpty());
        EXPECT_FALSE(t->text(QStringLiteral("resultDetail")).contains(code));
        nextSale();
    }
}

TEST_F(CheckoutPagesTest, ACodeOfNoWalletIsRefusedOnThePage) {
    openCheckout();
    enterOnScreen(QStringLiteral("3"));
    ASSERT_TRUE(t->scan(QStringLiteral("994000000000000000")));
    ASSERT_TRUE(t->waitFor([&] { return t->isVisible(QStringLiteral("checkoutMessage")); }));
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.not_a_payment_code"));
    EXPECT_EQ(t->currentPage(), QStringLiteral("checkoutPayPage"));
    EXPECT_EQ(ui().orders->orderCount().valueOr(-1), 0);
}

TEST_F(CheckoutPagesTest, TheCashierCancelsWhileTheCustomerDoesNotConfirm) {
    openCheckout();
    enterOnScreen(QStringLiteral("4"));
    ASSERT_TRUE(t->scan(QStringLiteral("134000000000000200")));  // the payer never confirms
    ASSERT_TRUE(t->waitFor([&] { return t->isVisible(QStringLiteral("waitingPanel")); }));
    ASSERT_TRUE(t->waitFor([&] { return c().phase() == QLatin1String("customer"); }));
    EXPECT_EQ(t->text(QStringLiteral("waitingPhase")),
              QStringLiteral("Waiting for the customer to confirm on the phone"));
    EXPECT_TRUE(t->text(QStringLiteral("waitingCode")).contains(QStringLiteral("1340**********0200")));
    EXPECT_FALSE(t->isEnabled(QStringLiteral("backButton")));
    ASSERT_TRUE(t->tap(QStringLiteral("cancelPaymentButton")));
    // The reverse waits for the 15 s guard after the charge.
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage"), 60000)) << qPrintable(c().message());
    EXPECT_EQ(t->text(QStringLiteral("resultTitle")), QStringLiteral("✕ Payment cancelled and reversed"));
    EXPECT_FALSE(t->isVisible(QStringLiteral("reprintButton")));
}

}  // namespace
