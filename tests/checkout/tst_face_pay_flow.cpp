// The decision core's face pay branch (docs/terminal-api.md §12.2) with a manual clock: NEED_PHONE_CONFIRM waits
// for the digits without queries or channel limit until the confirmation deadline, wrong digits are told apart from
// a lost resubmission, the payer walking away closes, and a resumed order waiting for digits is closed.
#include <gtest/gtest.h>

#include "app/checkout/payment_flow.h"
#include "flow_test_support.h"

namespace facepos::checkout {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using store::OrderStatus;
using Kind = FlowCommand::Kind;
using backend::Outcome;
using namespace flowtest;

FlowAnswer needPhone(FlowCall call, int attemptsLeft, std::optional<milliseconds> timeLeft) {
    FlowAnswer a = order(call, QStringLiteral("NEED_PHONE_CONFIRM"));
    a.phoneAttemptsLeft = attemptsLeft;
    a.phoneTimeLeft = timeLeft;
    return a;
}

class FacePayFlowTest : public ::testing::Test {
protected:
    // A first submission at kT0 answered NEED_PHONE_CONFIRM at +500 ms with 100 s left on the token.
    PaymentFlow awaitingDigits() {
        PaymentFlow f(PaymentLimits{}, QStringLiteral("face"));
        expectSend(f.start(kT0), FlowCall::Charge);
        expectSend(f.onAnswer(needPhone(FlowCall::Charge, 3, 100s), at(500ms)), FlowCall::Query, 101s);
        EXPECT_TRUE(f.awaitingPhone());
        EXPECT_EQ(f.phonePrompts(), 1);
        EXPECT_EQ(f.phoneAttemptsLeft(), 3);
        EXPECT_FALSE(f.phoneWrongDigits());
        return f;
    }
};

TEST_F(FacePayFlowTest, FaceSharesWechatsLimitAndTheConfirmationIsJournaledAsACharge) {
    EXPECT_EQ(PaymentLimits{}.limitFor(QStringLiteral("face")), 30s);
    EXPECT_EQ(flowCallName(FlowCall::Confirm), QStringLiteral("charge"));
}

TEST_F(FacePayFlowTest, WaitingForDigitsHasNoQueriesAndNoChannelLimit) {
    PaymentFlow f = awaitingDigits();
    EXPECT_EQ(f.phase(), PaymentPhase::WaitingForCustomer);
    // The payer types for 60 s, well past the 30 s limit: the digits still go out, no reverse.
    expectSend(f.confirmPhone(at(60s)), FlowCall::Confirm);
    expectFinish(f.onAnswer(order(FlowCall::Confirm, QStringLiteral("SUCCESS")), at(60500ms)), OrderStatus::Paid, {});
    EXPECT_EQ(f.sent(FlowCall::Query), 0);
    EXPECT_EQ(f.sent(FlowCall::Reverse), 0);
}

TEST_F(FacePayFlowTest, TheDeadlineIsTheTokensExpiryCappedAtTheConfirmLimit) {
    PaymentFlow f(PaymentLimits{}, QStringLiteral("face"));
    expectSend(f.start(kT0), FlowCall::Charge);
    // The server says 500 s (a clock gone wrong somewhere): the token cannot outlive 120 s from the charge.
    expectSend(f.onAnswer(needPhone(FlowCall::Charge, 3, 500s), at(1s)), FlowCall::Query, 119s);
}

TEST_F(FacePayFlowTest, WithoutTheServersDeadlineTheConfirmLimitApplies) {
    PaymentFlow f(PaymentLimits{}, QStringLiteral("face"));
    expectSend(f.start(kT0), FlowCall::Charge);
    expectSend(f.onAnswer(needPhone(FlowCall::Charge, 3, std::nullopt), at(2s)), FlowCall::Query, 118s);
}

TEST_F(FacePayFlowTest, WrongDigitsPromptAgainWithOneAttemptFewer) {
    PaymentFlow f = awaitingDigits();
    expectSend(f.confirmPhone(at(10s)), FlowCall::Confirm);
    EXPECT_FALSE(f.awaitingPhone());
    EXPECT_EQ(f.confirmPhone(at(10s)).kind, Kind::None) << "one resubmission at a time";
    expectSend(f.onAnswer(needPhone(FlowCall::Confirm, 2, 90s), at(10500ms)), FlowCall::Query, 91s);
    EXPECT_TRUE(f.awaitingPhone());
    EXPECT_EQ(f.phonePrompts(), 2);
    EXPECT_EQ(f.phoneAttemptsLeft(), 2);
    EXPECT_TRUE(f.phoneWrongDigits());
    expectSend(f.confirmPhone(at(20s)), FlowCall::Confirm);
    expectFinish(
        f.onAnswer(order(FlowCall::Confirm, QStringLiteral("FAIL"), QStringLiteral("PHONE_MISMATCH")), at(20500ms)),
        OrderStatus::Failed, QStringLiteral("PHONE_MISMATCH"));
}

TEST_F(FacePayFlowTest, AnUnknownResubmissionIsQueriedAndTheSameAttemptsAreNotWrongDigits) {
    PaymentFlow f = awaitingDigits();
    expectSend(f.confirmPhone(at(10s)), FlowCall::Confirm);
    FlowAnswer lost;
    lost.call = FlowCall::Confirm;
    lost.outcome = Outcome::Unknown;
    expectSend(f.onAnswer(lost, at(15s)), FlowCall::Query, 0ms);  // 5 s after the resubmission: due now
    expectSend(f.onAnswer(needPhone(FlowCall::Query, 3, 80s), at(15200ms)), FlowCall::Query, 81s);
    EXPECT_TRUE(f.awaitingPhone());
    EXPECT_EQ(f.phonePrompts(), 2);
    EXPECT_FALSE(f.phoneWrongDigits());
}

TEST_F(FacePayFlowTest, AnUnknownResubmissionCountsTheLimitFromTheResubmission) {
    PaymentFlow f = awaitingDigits();
    expectSend(f.confirmPhone(at(50s)), FlowCall::Confirm);
    FlowAnswer lost;
    lost.call = FlowCall::Confirm;
    lost.outcome = Outcome::Unknown;
    expectSend(f.onAnswer(lost, at(51s)), FlowCall::Query, 4s);  // not an immediate reverse at 50 s > 30 s
    EXPECT_EQ(f.sent(FlowCall::Reverse), 0);
}

TEST_F(FacePayFlowTest, ThePayerWalkingAwayCloses) {
    PaymentFlow f = awaitingDigits();
    expectSend(f.onCancel(at(20s)), FlowCall::Close);
    expectFinish(
        f.onAnswer(order(FlowCall::Close, QStringLiteral("CLOSED"), QStringLiteral("CLOSED_BY_TERMINAL")), at(20300ms)),
        OrderStatus::Closed, QStringLiteral("CANCELLED_BY_CASHIER"));
}

TEST_F(FacePayFlowTest, ACancelDuringTheResubmissionClosesWhenTheDigitsWereWrong) {
    PaymentFlow f = awaitingDigits();
    expectSend(f.confirmPhone(at(10s)), FlowCall::Confirm);
    EXPECT_EQ(f.onCancel(at(10100ms)).kind, Kind::None);  // the answer in flight decides
    expectSend(f.onAnswer(needPhone(FlowCall::Confirm, 2, 90s), at(10500ms)), FlowCall::Close);
}

TEST_F(FacePayFlowTest, AtTheDeadlineTheServersCloseEndsIt) {
    PaymentFlow f = awaitingDigits();
    expectSend(f.onTimer(at(101500ms)), FlowCall::Query);
    expectFinish(f.onAnswer(order(FlowCall::Query, QStringLiteral("CLOSED"), QStringLiteral("FACE_TOKEN_EXPIRED")),
                            at(101700ms)),
                 OrderStatus::Closed, QStringLiteral("FACE_TOKEN_EXPIRED"));
}

TEST_F(FacePayFlowTest, AtTheDeadlineAnOrderStillWaitingIsClosedByTheTerminal) {
    PaymentFlow f = awaitingDigits();
    expectSend(f.onTimer(at(101500ms)), FlowCall::Query);
    expectSend(f.onAnswer(needPhone(FlowCall::Query, 3, 0s), at(101700ms)), FlowCall::Close);
    EXPECT_EQ(f.closeReason(), QStringLiteral("FACE_TOKEN_EXPIRED"));
    expectFinish(
        f.onAnswer(order(FlowCall::Close, QStringLiteral("CLOSED"), QStringLiteral("CLOSED_BY_TERMINAL")), at(102s)),
        OrderStatus::Closed, QStringLiteral("FACE_TOKEN_EXPIRED"));
}

TEST_F(FacePayFlowTest, AResumedOrderWaitingForDigitsIsClosed) {
    PaymentFlow f(PaymentLimits{}, QStringLiteral("face"));
    expectSend(f.resume(kT0, at(5s)), FlowCall::Query);
    expectSend(f.onAnswer(needPhone(FlowCall::Query, 3, 100s), at(5200ms)), FlowCall::Close);
    EXPECT_EQ(f.phonePrompts(), 0);
    expectFinish(
        f.onAnswer(order(FlowCall::Close, QStringLiteral("CLOSED"), QStringLiteral("CLOSED_BY_TERMINAL")), at(5500ms)),
        OrderStatus::Closed, QStringLiteral("PHONE_NOT_CONFIRMED"));
}

TEST_F(FacePayFlowTest, FaceTokenInvalidOnTheFirstSubmissionFailsWithNothingCharged) {
    PaymentFlow f(PaymentLimits{}, QStringLiteral("face"));
    expectSend(f.start(kT0), FlowCall::Charge);
    FlowAnswer refused;
    refused.call = FlowCall::Charge;
    refused.outcome = Outcome::Rejected;
    refused.errName = QStringLiteral("FACE_TOKEN_INVALID");
    expectFinish(f.onAnswer(refused, at(300ms)), OrderStatus::Failed, QStringLiteral("FACE_TOKEN_INVALID"));
}

}  // namespace
}  // namespace facepos::checkout
