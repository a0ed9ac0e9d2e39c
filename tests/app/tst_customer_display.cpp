// CustomerDisplay: the payable arithmetic in integer fen, money formatting and the phase signals QML binds to.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <limits>

#include "app/customer_display.h"

using facepos::CustomerDisplay;

TEST(CustomerDisplay, PayableIsTheAmountMinusEveryDiscount) {
    CustomerDisplay display;
    display.showAmount(3000);
    ASSERT_TRUE(display.addDiscount(QStringLiteral("满20减5"), 500));
    ASSERT_TRUE(display.addDiscount(QStringLiteral("会员价"), 120));

    EXPECT_EQ(display.amountFen(), 3000);
    EXPECT_EQ(display.payableFen(), 2380);
    ASSERT_EQ(display.discounts().size(), 2);
    const QVariantMap first = display.discounts().first().toMap();
    EXPECT_EQ(first.value(QStringLiteral("label")).toString(), QStringLiteral("满20减5"));
    EXPECT_EQ(first.value(QStringLiteral("amountFen")).toLongLong(), 500);
}

TEST(CustomerDisplay, PayableNeverGoesBelowZero) {
    CustomerDisplay display;
    display.showAmount(800);
    display.addDiscount(QStringLiteral("券"), 500);
    display.addDiscount(QStringLiteral("券"), 500);
    EXPECT_EQ(display.payableFen(), 0);

    // Discounts near the limit of qint64 must not overflow into a positive payable.
    display.addDiscount(QStringLiteral("huge"), std::numeric_limits<qint64>::max());
    EXPECT_EQ(display.payableFen(), 0);
}

TEST(CustomerDisplay, ANonPositiveDiscountIsRefused) {
    CustomerDisplay display;
    display.showAmount(1000);
    QSignalSpy discounts(&display, &CustomerDisplay::discountsChanged);

    EXPECT_FALSE(display.addDiscount(QStringLiteral("bad"), -100));
    EXPECT_FALSE(display.addDiscount(QStringLiteral("zero"), 0));

    EXPECT_EQ(display.payableFen(), 1000);
    EXPECT_EQ(discounts.count(), 0);
}

TEST(CustomerDisplay, ClearingDiscountsRestoresThePayable) {
    CustomerDisplay display;
    display.showAmount(3000);
    display.addDiscount(QStringLiteral("满20减5"), 500);
    QSignalSpy payable(&display, &CustomerDisplay::payableFenChanged);

    display.clearDiscounts();

    EXPECT_EQ(display.payableFen(), 3000);
    EXPECT_EQ(payable.count(), 1);
    EXPECT_TRUE(display.discounts().isEmpty());
}

TEST(CustomerDisplay, FormatsMoneyWithIntegerArithmetic) {
    CustomerDisplay display;
    EXPECT_EQ(display.formatMoney(0), QStringLiteral("¥0.00"));
    EXPECT_EQ(display.formatMoney(5), QStringLiteral("¥0.05"));
    EXPECT_EQ(display.formatMoney(1250), QStringLiteral("¥12.50"));
    EXPECT_EQ(display.formatMoney(100000000), QStringLiteral("¥1000000.00"));
    EXPECT_EQ(display.formatMoney(-500), QStringLiteral("-¥5.00"));
    EXPECT_EQ(display.formatMoney(std::numeric_limits<qint64>::min()), QStringLiteral("-¥92233720368547758.08"));
}

TEST(CustomerDisplay, EachPhaseChangeIsSignalled) {
    CustomerDisplay display;
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::Welcome);
    QSignalSpy phase(&display, &CustomerDisplay::phaseChanged);

    display.showAmount(1000);
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::Amount);
    display.showPaying();
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::Paying);
    display.showFaceCapture();
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::FaceCapture);
    display.showProcessing(false);
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::Processing);
    display.showPhoneDigits();
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::PhoneDigits);
    display.showResult(true, QStringLiteral("支付成功"));
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::Result);
    display.showWelcome();
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::Welcome);

    EXPECT_EQ(phase.count(), 7);
}

TEST(CustomerDisplay, WhileProcessingItSaysWhetherThePayerMustConfirm) {
    CustomerDisplay display;
    QSignalSpy confirming(&display, &CustomerDisplay::payerConfirmingChanged);
    display.showProcessing(false);
    EXPECT_FALSE(display.payerConfirming());
    display.showProcessing(true);
    EXPECT_TRUE(display.payerConfirming());
    display.showProcessing(true);
    EXPECT_EQ(confirming.count(), 1);
    EXPECT_EQ(display.phase(), CustomerDisplay::Phase::Processing);
}

TEST(CustomerDisplay, StayingInAPhaseIsNotSignalled) {
    CustomerDisplay display;
    display.showPaying();
    QSignalSpy phase(&display, &CustomerDisplay::phaseChanged);

    display.showPaying();

    EXPECT_EQ(phase.count(), 0);
}

TEST(CustomerDisplay, ResultCarriesSuccessAndText) {
    CustomerDisplay display;
    QSignalSpy result(&display, &CustomerDisplay::resultChanged);

    display.showResult(false, QStringLiteral("余额不足"));

    EXPECT_FALSE(display.resultSuccess());
    EXPECT_EQ(display.resultText(), QStringLiteral("余额不足"));
    EXPECT_EQ(result.count(), 1);
}

TEST(CustomerDisplay, WelcomeForgetsTheLastCustomer) {
    CustomerDisplay display;
    display.showAmount(3000);
    display.setMember(QStringLiteral("张伟"), QStringLiteral("金卡"));
    display.addDiscount(QStringLiteral("满20减5"), 500);
    display.showResult(true, QStringLiteral("支付成功"));
    QSignalSpy member(&display, &CustomerDisplay::memberChanged);
    QSignalSpy payable(&display, &CustomerDisplay::payableFenChanged);

    display.showWelcome();

    EXPECT_EQ(display.amountFen(), 0);
    EXPECT_EQ(display.payableFen(), 0);
    EXPECT_TRUE(display.memberName().isEmpty());
    EXPECT_TRUE(display.discounts().isEmpty());
    EXPECT_TRUE(display.resultText().isEmpty());
    EXPECT_EQ(member.count(), 1);
    EXPECT_EQ(payable.count(), 1);
}

TEST(CustomerDisplay, TheCurrencyIsChineseYuan) {
    CustomerDisplay display;
    EXPECT_EQ(display.currency(), QStringLiteral("CNY"));
}
