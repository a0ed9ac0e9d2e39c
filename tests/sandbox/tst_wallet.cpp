// The sandbox's simulated wallet (docs/terminal-api.md §11.1, §17.3), row by row, with time moved by hand.

#include <gtest/gtest.h>

#include <chrono>

#include "platform/manual_clock.h"
#include "sandbox/wallet.h"

using namespace std::chrono_literals;
using facepos::ManualClock;
using facepos::sandbox::Wallet;

namespace {

class WalletTest : public ::testing::Test {
protected:
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    Wallet wallet{clock};

    Wallet::Charge charge(const QString& last4, qint64 fee = 2350) { return {last4, fee, clock->nowUtc()}; }
    Wallet::State after(const Wallet::Charge& c, std::chrono::milliseconds elapsed) {
        return Wallet::stateAt(c, c.chargedAt.addMSecs(elapsed.count()));
    }
};

TEST(WalletClassify, WechatIs18DigitsWithPrefix10To15) {
    EXPECT_EQ(Wallet::classify(u"134000000000000000"), u"wechat");
    EXPECT_EQ(Wallet::classify(u"100000000000000000"), u"wechat");
    EXPECT_EQ(Wallet::classify(u"154000000000000000"), u"wechat");
    EXPECT_EQ(Wallet::classify(u"13400000000000000"), u"");   // 17 digits
    EXPECT_EQ(Wallet::classify(u"164000000000000000"), u"");  // prefix 16
}

TEST(WalletClassify, AlipayIs16To24DigitsWithPrefix25To30) {
    EXPECT_EQ(Wallet::classify(u"284000000000000000"), u"alipay");
    EXPECT_EQ(Wallet::classify(u"2500000000000000"), u"alipay");          // 16
    EXPECT_EQ(Wallet::classify(u"300000000000000000000000"), u"alipay");  // 24
    EXPECT_EQ(Wallet::classify(u"250000000000000"), u"");                 // 15
    EXPECT_EQ(Wallet::classify(u"3000000000000000000000000"), u"");       // 25
    EXPECT_EQ(Wallet::classify(u"310000000000000000"), u"");
}

TEST(WalletClassify, UnionpayIs19DigitsWithPrefix62) {
    EXPECT_EQ(Wallet::classify(u"6240000000000000000"), u"unionpay");
    EXPECT_EQ(Wallet::classify(u"624000000000000000"), u"");  // 18 digits, prefix 62: none of the classes
    EXPECT_EQ(Wallet::classify(u"6340000000000000000"), u"");
}

TEST(WalletClassify, NonDigitsMatchNothing) {
    EXPECT_EQ(Wallet::classify(u"13400000000000000A"), u"");
    EXPECT_EQ(Wallet::classify(u""), u"");
}

TEST_F(WalletTest, Code0000SucceedsAtOnce) {
    const auto s = wallet.state(charge("0000"));
    EXPECT_EQ(s.tradeState, u"SUCCESS");
    EXPECT_EQ(s.changedAt, clock->nowUtc());
}

TEST_F(WalletTest, AnyOtherCodeSucceedsAtOnce) {
    EXPECT_EQ(wallet.state(charge("4321")).tradeState, u"SUCCESS");
}

TEST_F(WalletTest, Code01SSConfirmsAfterSSSeconds) {
    const auto c = charge("0112");
    EXPECT_EQ(after(c, 0s).tradeState, u"USERPAYING");
    EXPECT_EQ(after(c, 11999ms).tradeState, u"USERPAYING");
    const auto paid = after(c, 12s);
    EXPECT_EQ(paid.tradeState, u"SUCCESS");
    EXPECT_EQ(paid.changedAt, c.chargedAt.addSecs(12));
}

TEST_F(WalletTest, Code01SSFrom45SecondsIsRevokedFirst) {
    const auto c = charge("0145");
    EXPECT_EQ(after(c, 44s).tradeState, u"USERPAYING");
    const auto revoked = after(c, 45s);
    EXPECT_EQ(revoked.tradeState, u"REVERSED");
    EXPECT_EQ(revoked.errCode, u"AUTO_REVOKED");
    EXPECT_EQ(after(c, 60s).tradeState, u"REVERSED");
}

TEST_F(WalletTest, Code0200NeverConfirmsAndIsAutoRevokedAt45Seconds) {
    const auto c = charge("0200");
    EXPECT_EQ(after(c, 44999ms).tradeState, u"USERPAYING");
    const auto revoked = after(c, 45s);
    EXPECT_EQ(revoked.tradeState, u"REVERSED");
    EXPECT_EQ(revoked.errCode, u"AUTO_REVOKED");
    EXPECT_EQ(revoked.changedAt, c.chargedAt.addSecs(45));
}

TEST_F(WalletTest, Code0300AnswersSystemErrorThenSuccess) {
    const auto c = charge("0300");
    const auto first = after(c, 0s);
    EXPECT_EQ(first.tradeState, u"SYSTEMERROR");
    EXPECT_EQ(first.errCode, u"SYSTEM_ERROR");
    EXPECT_EQ(after(c, 5s).tradeState, u"SUCCESS");
}

TEST_F(WalletTest, Code0301StaysSystemErrorUntilAutoRevoked) {
    const auto c = charge("0301");
    EXPECT_EQ(after(c, 30s).tradeState, u"SYSTEMERROR");
    EXPECT_EQ(after(c, 45s).errCode, u"AUTO_REVOKED");
}

TEST_F(WalletTest, Code0400FailsWithInsufficientFunds) {
    const auto s = wallet.state(charge("0400"));
    EXPECT_EQ(s.tradeState, u"FAIL");
    EXPECT_EQ(s.errCode, u"INSUFFICIENT_FUNDS");
}

TEST_F(WalletTest, Code0500FailsWithExpiredCode) {
    const auto s = wallet.state(charge("0500"));
    EXPECT_EQ(s.tradeState, u"FAIL");
    EXPECT_EQ(s.errCode, u"AUTH_CODE_EXPIRED");
}

TEST_F(WalletTest, Code0600PayerCancelsAfter10Seconds) {
    const auto c = charge("0600");
    EXPECT_EQ(after(c, 9s).tradeState, u"USERPAYING");
    const auto cancelled = after(c, 10s);
    EXPECT_EQ(cancelled.tradeState, u"FAIL");
    EXPECT_EQ(cancelled.errCode, u"PAYER_CANCELLED");
}

TEST_F(WalletTest, Code0700IsDeclinedByRiskControl) {
    const auto s = wallet.state(charge("0700"));
    EXPECT_EQ(s.tradeState, u"FAIL");
    EXPECT_EQ(s.errCode, u"RISK_DECLINED");
}

TEST_F(WalletTest, AmountAbove1000YuanNeedsPasswordThenSucceedsAt10Seconds) {
    const auto c = charge("0000", 100001);
    const auto waiting = after(c, 0s);
    EXPECT_EQ(waiting.tradeState, u"USERPAYING");
    EXPECT_EQ(waiting.errCode, u"PASSWORD_REQUIRED");
    EXPECT_EQ(after(c, 10s).tradeState, u"SUCCESS");
}

TEST_F(WalletTest, AmountOfExactly1000YuanNeedsNoPassword) {
    EXPECT_EQ(wallet.state(charge("0000", 100000)).tradeState, u"SUCCESS");
}

TEST_F(WalletTest, PasswordWithDelayedConfirmationWaitsForTheLaterOfBoth) {
    const auto shortDelay = charge("0105", 200000);
    EXPECT_EQ(after(shortDelay, 9s).errCode, u"PASSWORD_REQUIRED");
    EXPECT_EQ(after(shortDelay, 10s).tradeState, u"SUCCESS");
    const auto longDelay = charge("0120", 200000);
    EXPECT_EQ(after(longDelay, 15s).tradeState, u"USERPAYING");
    EXPECT_EQ(after(longDelay, 15s).errCode, u"");
    EXPECT_EQ(after(longDelay, 20s).tradeState, u"SUCCESS");
}

TEST_F(WalletTest, PasswordThenInsufficientFundsFailsAt10Seconds) {
    const auto c = charge("0400", 128000);
    EXPECT_EQ(after(c, 0s).errCode, u"PASSWORD_REQUIRED");
    EXPECT_EQ(after(c, 10s).errCode, u"INSUFFICIENT_FUNDS");
}

TEST_F(WalletTest, PasswordThenRiskDeclineFailsAt10Seconds) {
    const auto c = charge("0700", 128000);
    EXPECT_EQ(after(c, 0s).tradeState, u"USERPAYING");
    EXPECT_EQ(after(c, 10s).errCode, u"RISK_DECLINED");
}

TEST_F(WalletTest, CodesThatIgnoreTheAmountNeedNoPassword) {
    EXPECT_EQ(wallet.state(charge("0500", 500000)).errCode, u"AUTH_CODE_EXPIRED");
    EXPECT_EQ(wallet.state(charge("0300", 500000)).tradeState, u"SYSTEMERROR");
    EXPECT_EQ(wallet.state(charge("0200", 500000)).errCode, u"");
}

TEST_F(WalletTest, StateFollowsTheInjectedClock) {
    const auto c = charge("0110");
    EXPECT_EQ(wallet.state(c).tradeState, u"USERPAYING");
    clock->advance(10s);
    EXPECT_EQ(wallet.state(c).tradeState, u"SUCCESS");
}

}  // namespace
