// The cashier's checkout controller (issue 7) against the real sandbox, store and simulated devices, without pages:
// amount entry and its refusals, the sales gates, cash sales offline with the change and the drawer, wallet
// payments with the masked code on the receipt, the bad scans, the printer out of paper and the return to the
// amount screen.
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <QFileInfo>
#include <QSignalSpy>

#include "app/checkout/checkout_controller.h"
#include "checkout_driver.h"
#include "drivers/audio/simulated_voice_prompter.h"
#include "drivers/printer/simulated_transport.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;
using namespace std::chrono_literals;

namespace {

constexpr char kWeChatPaid[] = "134000000000000000";

class CheckoutControllerTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto started = CheckoutDriver::start();
        ASSERT_TRUE(started.ok()) << qPrintable(started.error().message);
        t = std::move(started).value();
        // The result stays until the test moves on, unless a test asks for the automatic return.
        checkout::CheckoutController::Options options;
        options.resultReturn = 0ms;
        c().setOptions(options);
    }

    checkout::CheckoutController& c() { return t->checkout(); }
    UiHarness& ui() { return t->ui(); }
    drivers::SimulatedTransport& printer() { return *ui().devices->virtualPrinter(); }
    qint64 orderCount() { return ui().orders->orderCount().valueOr(-1); }

    // A clerk signed in with a shift open, on the amount screen.
    void clerkAtAmount() {
        ASSERT_TRUE(t->signInClerk()) << qPrintable(t->lastError());
        ASSERT_TRUE(t->openShift()) << qPrintable(t->lastError());
        ASSERT_TRUE(c().begin());
    }

    // The amount typed on the keypad and confirmed: the pay page.
    void atPay(const QString& amount) {
        ASSERT_TRUE(t->type(amount));
        ASSERT_TRUE(t->press(QStringLiteral("confirm")));
        ASSERT_EQ(c().stage(), QStringLiteral("pay")) << qPrintable(c().message());
    }

    std::unique_ptr<CheckoutDriver> t;
};

TEST_F(CheckoutControllerTest, KeypadEditsTheAmountInFen) {
    clerkAtAmount();
    ASSERT_TRUE(t->type(QStringLiteral("012.5")));
    EXPECT_EQ(c().amountText(), QStringLiteral("12.5"));
    EXPECT_EQ(c().amountFen(), 1250);
    ASSERT_TRUE(t->press(QStringLiteral("0")));
    ASSERT_TRUE(t->press(QStringLiteral("9")));  // a third decimal is ignored: fen is the smallest unit
    EXPECT_EQ(c().amountText(), QStringLiteral("12.50"));
    ASSERT_TRUE(t->press(QStringLiteral("backspace")));
    ASSERT_TRUE(t->press(QStringLiteral("backspace")));
    ASSERT_TRUE(t->press(QStringLiteral("backspace")));
    ASSERT_TRUE(t->press(QStringLiteral("00")));
    EXPECT_EQ(c().amountFen(), 120000);
    EXPECT_EQ(ui().customerDisplay.amountFen(), 120000);
    ASSERT_TRUE(t->press(QStringLiteral("clear")));
    EXPECT_EQ(c().amountFen(), 0);
    ASSERT_TRUE(t->press(QStringLiteral("dot")));
    ASSERT_TRUE(t->press(QStringLiteral("0")));
    ASSERT_TRUE(t->press(QStringLiteral("5")));
    EXPECT_EQ(c().amountText(), QStringLiteral("0.05"));
    EXPECT_EQ(c().amountFen(), 5);
}

TEST_F(CheckoutControllerTest, RefusesZeroNegativeAndOverMaximumAmounts) {
    clerkAtAmount();
    EXPECT_FALSE(c().confirmAmount());
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.zero_amount"));
    EXPECT_FALSE(c().message().isEmpty());
    EXPECT_FALSE(c().setAmountText(QStringLiteral("-5")));
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.negative_amount"));
    EXPECT_FALSE(c().setAmountText(QStringLiteral("1.234")));
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.bad_amount"));
    ASSERT_TRUE(c().setAmountText(QStringLiteral("50000.01")));  // the default maximum is ¥50,000.00
    EXPECT_FALSE(c().confirmAmount());
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.over_maximum"));
    EXPECT_TRUE(c().message().contains(QStringLiteral("50000.00"))) << qPrintable(c().message());
    ASSERT_TRUE(c().setAmountText(QStringLiteral("50000")));
    EXPECT_TRUE(c().confirmAmount());
    EXPECT_EQ(c().stage(), QStringLiteral("pay"));
    EXPECT_EQ(orderCount(), 0);
}

TEST_F(CheckoutControllerTest, NoSaleWithoutSignInAndAClerkNeedsAnOpenShift) {
    ASSERT_TRUE(c().begin());
    ASSERT_TRUE(c().setAmountText(QStringLiteral("10")));
    EXPECT_FALSE(c().confirmAmount());
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.not_signed_in"));

    ASSERT_TRUE(t->signInClerk()) << qPrintable(t->lastError());
    ASSERT_TRUE(c().begin());
    ASSERT_TRUE(c().setAmountText(QStringLiteral("10")));
    EXPECT_FALSE(c().confirmAmount());
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.no_shift"));
    t->signOut();
    EXPECT_EQ(c().stage(), QStringLiteral("idle"));

    // The merchant may sell outside a shift.
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    ASSERT_TRUE(c().begin());
    ASSERT_TRUE(c().setAmountText(QStringLiteral("10")));
    EXPECT_TRUE(c().confirmAmount()) << qPrintable(c().message());
}

TEST_F(CheckoutControllerTest, OfflineThePayPageSaysSoAndCashStillSells) {
    clerkAtAmount();
    ui().appState.setNetworkOnline(false);
    atPay(QStringLiteral("87.5"));
    EXPECT_FALSE(c().walletAvailable());
    EXPECT_FALSE(c().walletNotice().isEmpty());
    // A payment code scanned anyway charges nothing and creates no order.
    ASSERT_TRUE(t->scan(QString::fromLatin1(kWeChatPaid)));
    EXPECT_EQ(c().messageCode(), QStringLiteral("sale.offline"));
    EXPECT_EQ(c().stage(), QStringLiteral("pay"));
    EXPECT_EQ(orderCount(), 0);

    ASSERT_TRUE(c().chooseCash()) << qPrintable(c().message());
    ASSERT_TRUE(t->type(QStringLiteral("50")));
    EXPECT_FALSE(c().confirmCash());
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.cash_short"));
    ASSERT_TRUE(t->press(QStringLiteral("clear")));
    ASSERT_TRUE(t->type(QStringLiteral("100")));
    EXPECT_EQ(c().changeFen(), 1250);
    const int kicksBefore = printer().drawerKicks();
    ASSERT_TRUE(t->press(QStringLiteral("confirm")));
    ASSERT_EQ(c().stage(), QStringLiteral("result")) << qPrintable(c().message());
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));
    EXPECT_EQ(c().resultChangeFen(), 1250);

    auto stored = ui().orders->order(c().orderNo());
    ASSERT_TRUE(stored.ok() && stored->has_value());
    const store::OrderRecord& order = **stored;
    EXPECT_EQ(order.status, store::OrderStatus::Paid);
    EXPECT_EQ(order.channel, QStringLiteral("cash"));
    EXPECT_EQ(order.payableFee, 8750);
    EXPECT_EQ(order.cashReceivedFee.value_or(0), 10000);
    EXPECT_EQ(order.changeFee.value_or(0), 1250);
    EXPECT_EQ(order.operatorId, QStringLiteral("C1001"));
    EXPECT_EQ(order.shiftNo, ui().shift->shiftNo());
    EXPECT_TRUE(t->waitFor([&] { return printer().drawerKicks() == kicksBefore + 1; }));
    EXPECT_TRUE(ui().customerDisplay.resultSuccess());
    drivers::SimulatedVoicePrompter* voice = ui().devices->simulatedVoice();
    ASSERT_NE(voice, nullptr);
    ASSERT_FALSE(voice->spoken().isEmpty());
    EXPECT_EQ(voice->spoken().last().prompt, drivers::Prompt::PaymentSucceeded);
    EXPECT_EQ(voice->spoken().last().amountFen, 8750);
}

TEST_F(CheckoutControllerTest, AWalletPaymentPrintsTheReceiptWithTheCodeMasked) {
    clerkAtAmount();
    printer().clearPrintData();
    atPay(QStringLiteral("12.5"));
    EXPECT_TRUE(c().walletAvailable());
    ASSERT_TRUE(t->scan(QString::fromLatin1(kWeChatPaid)));
    ASSERT_TRUE(t->waitForStage(QStringLiteral("result"))) << qPrintable(t->lastError());
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));
    EXPECT_EQ(c().channel(), QStringLiteral("wechat"));
    EXPECT_EQ(c().maskedCode(), QStringLiteral("1340**********0000"));
    ASSERT_TRUE(t->waitFor([&] { return ui().devices->lastAction() == QLatin1String("receipt"); }));
    EXPECT_TRUE(ui().devices->lastActionOk()) << qPrintable(ui().devices->lastActionMessage());
    const QByteArray printed = printer().printData();
    EXPECT_TRUE(printed.contains("1340**********0000"));
    EXPECT_FALSE(printed.contains(kWeChatPaid));
    EXPECT_TRUE(printed.contains(c().orderNo().toLatin1()));
    EXPECT_TRUE(c().canReprint());
    EXPECT_TRUE(QFileInfo::exists(ui().devices->lastActionFile()));
}

// GIVEN a sale WHEN it moves from the amount to the pay page, to a payment the payer must confirm on the phone, and
// to the result THEN the customer display asks for the code only on the pay page, says to confirm on the phone
// while the wallet waits for that, and never asks for a code during cash or after one was scanned
TEST_F(CheckoutControllerTest, TheCustomerDisplayAsksForWhatTheCheckoutNeeds) {
    using Phase = CustomerDisplay::Phase;
    const CustomerDisplay& display = ui().customerDisplay;
    clerkAtAmount();
    ASSERT_TRUE(t->type(QStringLiteral("6")));
    EXPECT_EQ(display.phase(), Phase::Amount);
    ASSERT_TRUE(t->press(QStringLiteral("confirm")));
    EXPECT_EQ(display.phase(), Phase::Paying);
    c().backToAmount();
    EXPECT_EQ(display.phase(), Phase::Amount);
    ASSERT_TRUE(t->press(QStringLiteral("confirm")));
    ASSERT_TRUE(c().chooseCash());
    EXPECT_EQ(display.phase(), Phase::Amount) << "cash: the amount, not a request for a payment code";
    c().backToPay();
    EXPECT_EQ(display.phase(), Phase::Paying);

    ASSERT_TRUE(t->scan(QStringLiteral("134000000000000102")));  // the payer confirms on the phone after 2 s
    EXPECT_EQ(display.phase(), Phase::Processing);
    ASSERT_TRUE(t->waitFor([&] { return display.payerConfirming(); }, 10000)) << "USERPAYING: confirm on the phone";
    EXPECT_EQ(display.phase(), Phase::Processing);
    ASSERT_TRUE(t->waitForStage(QStringLiteral("result"))) << qPrintable(t->lastError());
    EXPECT_EQ(display.phase(), Phase::Result);
    EXPECT_TRUE(display.resultSuccess());
}

TEST_F(CheckoutControllerTest, ScansThatAreNoPaymentCodeChargeNothing) {
    clerkAtAmount();
    atPay(QStringLiteral("5"));
    ASSERT_TRUE(t->scan(QStringLiteral("HELLO-WORLD")));
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.not_a_payment_code"));
    ASSERT_TRUE(t->scan(QStringLiteral("1340000000")));  // a WeChat prefix cut short
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.unreadable"));
    EXPECT_EQ(c().stage(), QStringLiteral("pay"));
    EXPECT_EQ(orderCount(), 0);
    // On the amount screen a payment code is not taken either.
    c().backToAmount();
    ASSERT_TRUE(t->scan(QString::fromLatin1(kWeChatPaid)));
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.amount_first"));
    EXPECT_EQ(orderCount(), 0);
}

TEST_F(CheckoutControllerTest, ASecondScanDuringAPaymentIsIgnored) {
    clerkAtAmount();
    atPay(QStringLiteral("3"));
    ASSERT_TRUE(t->scan(QStringLiteral("134000000000000103")));  // the payer confirms after 3 s
    ASSERT_EQ(c().stage(), QStringLiteral("waiting")) << qPrintable(c().message());
    const QString orderNo = c().orderNo();
    ASSERT_TRUE(t->scan(QString::fromLatin1(kWeChatPaid)));
    EXPECT_EQ(c().messageCode(), QStringLiteral("checkout.busy"));
    EXPECT_EQ(orderCount(), 1);
    ASSERT_TRUE(t->waitForStage(QStringLiteral("result"))) << qPrintable(t->lastError());
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));
    EXPECT_EQ(c().orderNo(), orderNo);
}

TEST_F(CheckoutControllerTest, ADeclinedPaymentIsFailedInWords) {
    clerkAtAmount();
    atPay(QStringLiteral("9.9"));
    ASSERT_TRUE(t->scan(QStringLiteral("134000000000000400")));  // insufficient funds
    ASSERT_TRUE(t->waitForStage(QStringLiteral("result"))) << qPrintable(t->lastError());
    EXPECT_EQ(c().resultStatus(), QStringLiteral("failed"));
    EXPECT_FALSE(c().resultDetail().isEmpty());
    EXPECT_FALSE(c().canReprint());
    EXPECT_FALSE(ui().customerDisplay.resultSuccess());
    EXPECT_EQ(ui().devices->simulatedVoice()->spoken().last().prompt, drivers::Prompt::PaymentFailed);
}

TEST_F(CheckoutControllerTest, APrinterOutOfPaperKeepsTheResultAndOffersAReprint) {
    clerkAtAmount();
    printer().runOutOfPaperAfter(0);
    atPay(QStringLiteral("20"));
    ASSERT_TRUE(c().chooseCash());
    c().tenderExact();
    ASSERT_TRUE(c().confirmCash()) << qPrintable(c().message());
    ASSERT_TRUE(t->waitFor([&] { return !c().printMessage().isEmpty(); }));
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));
    EXPECT_EQ(c().stage(), QStringLiteral("result"));
    EXPECT_TRUE(c().canReprint());
    auto stored = ui().orders->order(c().orderNo());
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ((*stored)->status, store::OrderStatus::Paid);

    // Paper loaded: the reprint goes through and the message goes away.
    printer().setStatus({});
    printer().setWriteStalled(false);
    printer().clearPrintData();
    ASSERT_TRUE(c().reprint());
    EXPECT_TRUE(c().printMessage().isEmpty());
    ASSERT_TRUE(t->waitFor([&] { return ui().devices->lastAction() == QLatin1String("receipt"); }));
    ASSERT_TRUE(t->waitFor([&] { return !ui().devices->printerBusy(); }));
    EXPECT_TRUE(ui().devices->lastActionOk()) << qPrintable(ui().devices->lastActionMessage());
    EXPECT_TRUE(c().printMessage().isEmpty());
    EXPECT_FALSE(printer().printData().isEmpty());
}

TEST_F(CheckoutControllerTest, TheResultReturnsToTheAmountByItself) {
    checkout::CheckoutController::Options options;
    options.resultReturn = 200ms;
    c().setOptions(options);
    clerkAtAmount();
    atPay(QStringLiteral("1"));
    ASSERT_TRUE(c().chooseCash());
    c().tenderExact();
    ASSERT_TRUE(c().confirmCash());
    EXPECT_EQ(c().stage(), QStringLiteral("result"));
    EXPECT_GT(c().returnSecondsLeft(), 0);
    ASSERT_TRUE(t->waitForStage(QStringLiteral("amount"))) << qPrintable(t->lastError());
    EXPECT_TRUE(c().amountText().isEmpty());
    EXPECT_TRUE(c().orderNo().isEmpty());
}

TEST(CheckoutGateTest, AnUnactivatedTerminalTakesNoPayment) {
    UiHarness ui;  // no backend, never activated
    checkout::CheckoutController& c = *ui.checkout;
    ASSERT_TRUE(c.begin());
    ASSERT_TRUE(c.setAmountText(QStringLiteral("10")));
    EXPECT_FALSE(c.confirmAmount());
    EXPECT_EQ(c.messageCode(), QStringLiteral("checkout.not_activated"));
    EXPECT_EQ(c.stage(), QStringLiteral("amount"));
}

}  // namespace
