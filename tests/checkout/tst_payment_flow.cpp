// The payment loop's decision core (docs/terminal-api.md §11.2) with a manual clock: every branch, each wallet's
// channel limit, the 15 s reverse guard, reverse retries and resumption after a crash.
#include <gtest/gtest.h>

#include "app/backend/backend_types.h"
#include "app/checkout/payment_flow.h"
#include "flow_test_support.h"
#include "platform/settings.h"

namespace facepos::checkout {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using store::OrderStatus;
using Kind = FlowCommand::Kind;
using backend::Outcome;
using namespace flowtest;

FlowAnswer rejected(FlowCall call, const QString& errName, const QString& state = {}) {
    FlowAnswer a;
    a.call = call;
    a.outcome = Outcome::Rejected;
    a.errName = errName;
    a.tradeState = state;
    if (!state.isEmpty()) a.platformOrderNo = QStringLiteral("PF202603020000000001");
    return a;
}

FlowAnswer outcome(FlowCall call, Outcome o) {
    FlowAnswer a;
    a.call = call;
    a.outcome = o;
    return a;
}

class PaymentFlowTest : public ::testing::Test {
protected:
    PaymentFlow flow(const QString& channel = QStringLiteral("wechat")) { return PaymentFlow(m_limits, channel); }

    // A charge at kT0 answered USERPAYING at +300 ms; then the flow is waiting for its first query.
    PaymentFlow waitingPayment(const QString& channel = QStringLiteral("wechat")) {
        PaymentFlow f = flow(channel);
        expectSend(f.start(kT0), FlowCall::Charge);
        expectSend(f.onAnswer(order(FlowCall::Charge, QStringLiteral("USERPAYING")), at(300ms)), FlowCall::Query,
                   4700ms);
        return f;
    }

    // Answers every query USERPAYING, firing each timer when due, until the flow plans something else than a
    // query; returns when that was planned to be sent.
    SteadyTime queryUntilReverse(PaymentFlow& f) {
        SteadyTime now = at(300ms);
        for (int i = 0; i < 100; ++i) {
            EXPECT_TRUE(f.waiting());
            now = f.dueAt();
            const FlowCommand fired = f.onTimer(now);
            EXPECT_EQ(fired.kind, Kind::Send);
            if (fired.call != FlowCall::Query) return now;
            EXPECT_EQ(fired.delay.count(), 0);
            const FlowCommand next = f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), now + 200ms);
            EXPECT_EQ(next.kind, Kind::Send);
            if (next.call == FlowCall::Reverse) return f.dueAt();
        }
        ADD_FAILURE() << "never reversed";
        return now;
    }

    PaymentLimits m_limits;
};

// ---- step 2: the charge's answer ----

TEST_F(PaymentFlowTest, ChargeAnsweredSuccessIsPaid) {
    PaymentFlow f = flow();
    expectSend(f.start(kT0), FlowCall::Charge);
    EXPECT_TRUE(f.inFlight());
    expectFinish(f.onAnswer(order(FlowCall::Charge, QStringLiteral("SUCCESS")), at(400ms)), OrderStatus::Paid, {});
    EXPECT_TRUE(f.finished());
}

TEST_F(PaymentFlowTest, ChargeAnsweredFailIsFailedWithTheWalletsReason) {
    PaymentFlow f = flow();
    (void)f.start(kT0);
    expectFinish(
        f.onAnswer(order(FlowCall::Charge, QStringLiteral("FAIL"), QStringLiteral("INSUFFICIENT_FUNDS")), at(400ms)),
        OrderStatus::Failed, QStringLiteral("INSUFFICIENT_FUNDS"));
}

TEST_F(PaymentFlowTest, ChargeAnsweredClosedOrReversedIsFinal) {
    PaymentFlow closed = flow();
    (void)closed.start(kT0);
    expectFinish(closed.onAnswer(order(FlowCall::Charge, QStringLiteral("CLOSED")), at(1s)), OrderStatus::Closed,
                 QStringLiteral("CLOSED"));
    PaymentFlow reversed = flow();
    (void)reversed.start(kT0);
    expectFinish(
        reversed.onAnswer(order(FlowCall::Charge, QStringLiteral("REVERSED"), QStringLiteral("AUTO_REVOKED")), at(1s)),
        OrderStatus::Reversed, QStringLiteral("AUTO_REVOKED"));
}

TEST_F(PaymentFlowTest, TrustedErrorOnTheChargeIsFailedWithThatError) {
    for (const char* name : {"AUTH_CODE_INVALID", "CHANNEL_NOT_ENABLED", "ORDER_CONFLICT", "PERMISSION_DENIED"}) {
        PaymentFlow f = flow();
        (void)f.start(kT0);
        expectFinish(f.onAnswer(rejected(FlowCall::Charge, QString::fromLatin1(name)), at(1s)), OrderStatus::Failed,
                     QString::fromLatin1(name));
    }
}

TEST_F(PaymentFlowTest, OrderClosedOnTheChargeEndsAsItsOrderSays) {
    PaymentFlow closed = flow();
    (void)closed.start(kT0);
    expectFinish(
        closed.onAnswer(rejected(FlowCall::Charge, QStringLiteral("ORDER_CLOSED"), QStringLiteral("CLOSED")), at(1s)),
        OrderStatus::Closed, QStringLiteral("ORDER_CLOSED"));
    PaymentFlow reversed = flow();
    (void)reversed.start(kT0);
    expectFinish(reversed.onAnswer(
                     rejected(FlowCall::Charge, QStringLiteral("ORDER_CLOSED"), QStringLiteral("REVERSED")), at(1s)),
                 OrderStatus::Reversed, QStringLiteral("ORDER_CLOSED"));
    // Without the order in its data there is nothing else to go by: nothing was charged by this request.
    PaymentFlow bare = flow();
    (void)bare.start(kT0);
    expectFinish(bare.onAnswer(rejected(FlowCall::Charge, QStringLiteral("ORDER_CLOSED")), at(1s)), OrderStatus::Failed,
                 QStringLiteral("ORDER_CLOSED"));
}

TEST_F(PaymentFlowTest, RepeatableErrorsSendTheSameChargeAgainThenGiveUp) {
    for (const char* name : {"SESSION_EXPIRED", "TIMESTAMP_SKEW", "SERVICE_UNAVAILABLE"}) {
        SCOPED_TRACE(name);
        PaymentFlow f = flow();
        (void)f.start(kT0);
        FlowAnswer refused = rejected(FlowCall::Charge, QString::fromLatin1(name));
        expectSend(f.onAnswer(refused, at(1s)), FlowCall::Charge, 5s);
        expectSend(f.onTimer(at(6s)), FlowCall::Charge);
        EXPECT_EQ(f.chargedAt(), at(6s));  // the refused attempt charged nothing: the limit counts from this one
        refused.retryAfter = 8s;           // SERVICE_UNAVAILABLE's retry_after_s wins when longer
        expectSend(f.onAnswer(refused, at(7s)), FlowCall::Charge, 8s);
        expectSend(f.onTimer(at(15s)), FlowCall::Charge);
        EXPECT_EQ(f.sent(FlowCall::Charge), PaymentFlow::kMaxChargeAttempts);
        expectFinish(f.onAnswer(refused, at(16s)), OrderStatus::Failed, QString::fromLatin1(name));
    }
}

TEST_F(PaymentFlowTest, UnknownChargeOutcomesGoToTheQueryLoop) {
    for (const FlowAnswer& a :
         {order(FlowCall::Charge, QStringLiteral("USERPAYING"), QStringLiteral("PASSWORD_REQUIRED")),
          order(FlowCall::Charge, QStringLiteral("SYSTEMERROR")), outcome(FlowCall::Charge, Outcome::Unknown),
          outcome(FlowCall::Charge, Outcome::Unconfirmed)}) {
        PaymentFlow f = flow();
        (void)f.start(kT0);
        // The first query 5 s after the charge, however long the charge took.
        expectSend(f.onAnswer(a, at(2s)), FlowCall::Query, 3s);
        EXPECT_EQ(f.stage(), PaymentFlow::Stage::Querying);
    }
    PaymentFlow slow = flow();
    (void)slow.start(kT0);
    expectSend(slow.onAnswer(outcome(FlowCall::Charge, Outcome::Unknown), at(15s)), FlowCall::Query);
}

TEST_F(PaymentFlowTest, ChargeNeverSentIsFailedAtOnce) {
    PaymentFlow f = flow();
    (void)f.start(kT0);
    expectFinish(f.onAnswer(outcome(FlowCall::Charge, Outcome::NotSent), at(3s)), OrderStatus::Failed,
                 QStringLiteral("NOT_SENT"));
}

TEST_F(PaymentFlowTest, PhaseFollowsTheLastAnswer) {
    PaymentFlow f = flow();
    EXPECT_EQ(f.phase(), PaymentPhase::Charging);
    (void)f.start(kT0);
    EXPECT_EQ(f.phase(), PaymentPhase::Charging);
    (void)f.onAnswer(order(FlowCall::Charge, QStringLiteral("USERPAYING")), at(1s));
    EXPECT_EQ(f.phase(), PaymentPhase::WaitingForCustomer);
    (void)f.onTimer(at(5s));
    (void)f.onAnswer(order(FlowCall::Query, QStringLiteral("SYSTEMERROR")), at(5s));
    EXPECT_EQ(f.phase(), PaymentPhase::Checking);
    (void)f.onCancel(at(6s));
    EXPECT_EQ(f.phase(), PaymentPhase::Cancelling);
}

// ---- step 3: queries ----

TEST_F(PaymentFlowTest, QueriesEveryIntervalUntilFinal) {
    PaymentFlow f = waitingPayment();
    expectSend(f.onTimer(at(5s)), FlowCall::Query);
    expectSend(f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(5200ms)), FlowCall::Query, 5s);
    expectSend(f.onTimer(at(10200ms)), FlowCall::Query);
    expectFinish(f.onAnswer(order(FlowCall::Query, QStringLiteral("SUCCESS")), at(10300ms)), OrderStatus::Paid, {});
}

TEST_F(PaymentFlowTest, QueryFindingFailEndsFailed) {
    PaymentFlow f = waitingPayment();
    (void)f.onTimer(at(5s));
    expectFinish(f.onAnswer(order(FlowCall::Query, QStringLiteral("FAIL"), QStringLiteral("PAYER_CANCELLED")), at(5s)),
                 OrderStatus::Failed, QStringLiteral("PAYER_CANCELLED"));
}

TEST_F(PaymentFlowTest, QueryWithoutATrustedAnswerKeepsQuerying) {
    for (const FlowAnswer& a :
         {outcome(FlowCall::Query, Outcome::Unconfirmed), outcome(FlowCall::Query, Outcome::NotSent),
          rejected(FlowCall::Query, QStringLiteral("DEVICE_NOT_ACTIVATED"))}) {
        PaymentFlow f = waitingPayment();
        (void)f.onTimer(at(5s));
        expectSend(f.onAnswer(a, at(6s)), FlowCall::Query, 5s);
    }
}

TEST_F(PaymentFlowTest, OrderNotFoundClosesTheOrder) {
    PaymentFlow f = flow();
    (void)f.start(kT0);
    expectSend(f.onAnswer(outcome(FlowCall::Charge, Outcome::Unknown), at(1s)), FlowCall::Query, 4s);
    (void)f.onTimer(at(5s));
    expectSend(f.onAnswer(rejected(FlowCall::Query, QStringLiteral("ORDER_NOT_FOUND")), at(5s)), FlowCall::Close);
    EXPECT_EQ(f.phase(), PaymentPhase::Cancelling);
    // The close's answer is lost: again, every retry interval, until a trusted answer.
    expectSend(f.onAnswer(outcome(FlowCall::Close, Outcome::Unconfirmed), at(6s)), FlowCall::Close, 5s);
    expectSend(f.onTimer(at(11s)), FlowCall::Close);
    expectFinish(
        f.onAnswer(order(FlowCall::Close, QStringLiteral("CLOSED"), QStringLiteral("CLOSED_BY_TERMINAL")), at(11s)),
        OrderStatus::Closed, QStringLiteral("ORDER_NOT_FOUND"));
}

TEST_F(PaymentFlowTest, CloseFindingTheChargeArrivedReversesItAfterTheGuard) {
    PaymentFlow f = flow();
    (void)f.start(kT0);
    (void)f.onAnswer(outcome(FlowCall::Charge, Outcome::Unknown), at(1s));
    (void)f.onTimer(at(5s));
    (void)f.onAnswer(rejected(FlowCall::Query, QStringLiteral("ORDER_NOT_FOUND")), at(5s));
    expectSend(
        f.onAnswer(rejected(FlowCall::Close, QStringLiteral("ORDER_PAYING"), QStringLiteral("USERPAYING")), at(6s)),
        FlowCall::Reverse, 9s);
    expectSend(f.onTimer(at(15s)), FlowCall::Reverse);
    expectFinish(f.onAnswer(order(FlowCall::Reverse, QStringLiteral("REVERSED")), at(15s)), OrderStatus::Reversed,
                 QStringLiteral("REVERSED"));
}

TEST_F(PaymentFlowTest, CloseFindingTheOrderPaidIsPaid) {
    PaymentFlow f = flow();
    (void)f.start(kT0);
    (void)f.onAnswer(outcome(FlowCall::Charge, Outcome::Unknown), at(1s));
    (void)f.onTimer(at(5s));
    (void)f.onAnswer(rejected(FlowCall::Query, QStringLiteral("ORDER_NOT_FOUND")), at(5s));
    expectFinish(f.onAnswer(rejected(FlowCall::Close, QStringLiteral("ORDER_PAID"), QStringLiteral("SUCCESS")), at(6s)),
                 OrderStatus::Paid, {});
}

// ---- step 4: the channel limit ----

TEST_F(PaymentFlowTest, EachWalletReversesAtItsChannelLimit) {
    const struct {
        const char* channel;
        milliseconds limit;
    } cases[] = {{"wechat", 30s}, {"face", 30s}, {"alipay", 60s}, {"unionpay", 60s}};
    for (const auto& c : cases) {
        SCOPED_TRACE(c.channel);
        PaymentFlow f = waitingPayment(QString::fromLatin1(c.channel));
        EXPECT_EQ(f.limit(), c.limit);
        const SteadyTime reverseAt = queryUntilReverse(f);
        EXPECT_EQ(std::chrono::duration_cast<milliseconds>(reverseAt - kT0).count(), c.limit.count());
        EXPECT_EQ(f.stage(), PaymentFlow::Stage::Reversing);
        EXPECT_EQ(f.phase(), PaymentPhase::Cancelling);
    }
}

TEST_F(PaymentFlowTest, ConfiguredLimitsAreUsed) {
    m_limits.wechatLimit = 20s;
    m_limits.alipayLimit = 45s;
    m_limits.unionpayLimit = 50s;
    EXPECT_EQ(m_limits.limitFor(QStringLiteral("face")), 20s);
    PaymentFlow f = waitingPayment(QStringLiteral("unionpay"));
    EXPECT_EQ(std::chrono::duration_cast<milliseconds>(queryUntilReverse(f) - kT0).count(), 50000);
}

TEST_F(PaymentFlowTest, ALimitShorterThanTheGuardStillWaitsForTheGuard) {
    m_limits.wechatLimit = 8s;
    PaymentFlow f = waitingPayment();
    expectSend(f.onTimer(at(5s)), FlowCall::Query);
    expectSend(f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(5s)), FlowCall::Reverse, 10s);
}

TEST_F(PaymentFlowTest, ReverseIsRetriedUntilATrustedAnswer) {
    PaymentFlow f = waitingPayment();
    const SteadyTime reverseAt = queryUntilReverse(f);
    expectSend(f.onTimer(reverseAt), FlowCall::Reverse);
    // Lost answer, then never sent: every retry interval.
    expectSend(f.onAnswer(outcome(FlowCall::Reverse, Outcome::Unknown), at(31s)), FlowCall::Reverse, 5s);
    expectSend(f.onTimer(at(36s)), FlowCall::Reverse);
    expectSend(f.onAnswer(outcome(FlowCall::Reverse, Outcome::NotSent), at(36s)), FlowCall::Reverse, 5s);
    expectSend(f.onTimer(at(41s)), FlowCall::Reverse);
    expectSend(f.onAnswer(rejected(FlowCall::Reverse, QStringLiteral("SERVICE_UNAVAILABLE")), at(41s)),
               FlowCall::Reverse, 5s);
    expectSend(f.onTimer(at(46s)), FlowCall::Reverse);
    EXPECT_EQ(f.sent(FlowCall::Reverse), 4);
    expectFinish(
        f.onAnswer(order(FlowCall::Reverse, QStringLiteral("REVERSED"), QStringLiteral("REVERSED_BY_TERMINAL")),
                   at(46s)),
        OrderStatus::Reversed, QStringLiteral("CHANNEL_LIMIT"));
}

TEST_F(PaymentFlowTest, ReverseTooEarlyWaitsAsTheServerSays) {
    PaymentFlow f = flow();
    expectSend(f.resume(kT0, at(16s)), FlowCall::Query);
    (void)f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(16s));
    // Our clock says the guard has passed; the server's does not.
    expectSend(f.onCancel(at(17s)), FlowCall::Reverse);
    FlowAnswer early = rejected(FlowCall::Reverse, QStringLiteral("REVERSE_TOO_EARLY"));
    early.retryAfter = 3s;
    expectSend(f.onAnswer(early, at(17s)), FlowCall::Reverse, 3s);
    early.retryAfter = 0s;
    expectSend(f.onTimer(at(20s)), FlowCall::Reverse);
    expectSend(f.onAnswer(early, at(20s)), FlowCall::Reverse, 5s);
}

TEST_F(PaymentFlowTest, ReverseFindingTheOrderPaidIsPaid) {
    PaymentFlow f = waitingPayment();
    const SteadyTime reverseAt = queryUntilReverse(f);
    (void)f.onTimer(reverseAt);
    expectFinish(
        f.onAnswer(rejected(FlowCall::Reverse, QStringLiteral("REVERSE_NOT_ALLOWED"), QStringLiteral("SUCCESS")),
                   at(30s)),
        OrderStatus::Paid, {});
}

TEST_F(PaymentFlowTest, ReverseNotAllowedWithoutTheOrderQueriesForItsNumbers) {
    PaymentFlow f = flow();
    expectSend(f.resume(kT0, at(30s)), FlowCall::Reverse);
    expectSend(f.onAnswer(rejected(FlowCall::Reverse, QStringLiteral("REVERSE_NOT_ALLOWED")), at(30s)),
               FlowCall::Query);
    EXPECT_EQ(f.stage(), PaymentFlow::Stage::ConfirmingPaid);
    expectSend(f.onAnswer(outcome(FlowCall::Query, Outcome::Unconfirmed), at(31s)), FlowCall::Query, 5s);
    expectSend(f.onTimer(at(36s)), FlowCall::Query);
    expectFinish(f.onAnswer(order(FlowCall::Query, QStringLiteral("SUCCESS")), at(36s)), OrderStatus::Paid, {});
}

TEST_F(PaymentFlowTest, PaidIsReportedEvenWhenTheNumbersNeverCome) {
    PaymentFlow f = flow();
    expectSend(f.resume(kT0, at(30s)), FlowCall::Reverse);
    (void)f.onAnswer(rejected(FlowCall::Reverse, QStringLiteral("REVERSE_NOT_ALLOWED")), at(30s));
    SteadyTime now = at(30s);
    FlowCommand c;
    for (int i = 0; i < PaymentFlow::kMaxConfirmQueries; ++i) {
        c = f.onAnswer(outcome(FlowCall::Query, Outcome::Unconfirmed), now);
        if (c.kind == Kind::Finish) break;
        now = f.dueAt();
        (void)f.onTimer(now);
    }
    expectFinish(c, OrderStatus::Paid, {});
}

TEST_F(PaymentFlowTest, AutoRevokeSeenOnAQueryIsReversed) {
    PaymentFlow f = waitingPayment(QStringLiteral("alipay"));
    (void)f.onTimer(at(5s));
    expectFinish(
        f.onAnswer(order(FlowCall::Query, QStringLiteral("REVERSED"), QStringLiteral("AUTO_REVOKED")), at(45s)),
        OrderStatus::Reversed, QStringLiteral("AUTO_REVOKED"));
}

// ---- step 5: the cashier cancels ----

TEST_F(PaymentFlowTest, CancelAtThreeSecondsReversesAtFifteen) {
    PaymentFlow f = waitingPayment();
    expectSend(f.onCancel(at(3s)), FlowCall::Reverse, 12s);
    EXPECT_TRUE(f.cancelRequested());
    // The query planned before is replaced: the timer now fires for the reverse.
    expectSend(f.onTimer(at(15s)), FlowCall::Reverse);
    expectFinish(f.onAnswer(order(FlowCall::Reverse, QStringLiteral("REVERSED")), at(15s)), OrderStatus::Reversed,
                 QStringLiteral("CANCELLED_BY_CASHIER"));
}

TEST_F(PaymentFlowTest, CancelAfterTheGuardReversesAtOnce) {
    PaymentFlow f = waitingPayment(QStringLiteral("alipay"));
    SteadyTime now = at(300ms);
    while (now < at(16s)) {
        now = f.dueAt();
        (void)f.onTimer(now);
        (void)f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), now);
    }
    expectSend(f.onCancel(at(21s)), FlowCall::Reverse);
}

TEST_F(PaymentFlowTest, CancelDuringTheChargeWaitsForItsAnswer) {
    PaymentFlow paying = flow();
    (void)paying.start(kT0);
    EXPECT_EQ(paying.onCancel(at(1s)).kind, Kind::None);
    expectSend(paying.onAnswer(order(FlowCall::Charge, QStringLiteral("USERPAYING")), at(2s)), FlowCall::Reverse, 13s);

    PaymentFlow paid = flow();
    (void)paid.start(kT0);
    (void)paid.onCancel(at(1s));
    expectFinish(paid.onAnswer(order(FlowCall::Charge, QStringLiteral("SUCCESS")), at(2s)), OrderStatus::Paid, {});
}

TEST_F(PaymentFlowTest, CancelDuringAQueryReversesAfterItsAnswer) {
    PaymentFlow f = waitingPayment();
    (void)f.onTimer(at(5s));
    EXPECT_EQ(f.onCancel(at(5100ms)).kind, Kind::None);
    expectSend(f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(5200ms)), FlowCall::Reverse, 9800ms);
}

TEST_F(PaymentFlowTest, CancelWhileARefusedChargeWaitsEndsWithNothingCharged) {
    PaymentFlow f = flow();
    (void)f.start(kT0);
    (void)f.onAnswer(rejected(FlowCall::Charge, QStringLiteral("SERVICE_UNAVAILABLE")), at(1s));
    expectFinish(f.onCancel(at(2s)), OrderStatus::Failed, QStringLiteral("CANCELLED_BY_CASHIER"));
    EXPECT_EQ(f.onTimer(at(6s)).kind, Kind::None);
}

TEST_F(PaymentFlowTest, CancelWhileReversingChangesNothing) {
    PaymentFlow f = waitingPayment();
    (void)queryUntilReverse(f);
    EXPECT_EQ(f.onCancel(at(29s)).kind, Kind::None);
    EXPECT_EQ(f.onCancel(at(29s)).kind, Kind::None);
}

// ---- step 6: resumed after a crash ----

TEST_F(PaymentFlowTest, ResumeBeforeTheLimitQueriesAtOnce) {
    PaymentFlow f = flow();
    expectSend(f.resume(kT0, at(12s)), FlowCall::Query);
    expectSend(f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(12s)), FlowCall::Query, 5s);
    expectSend(f.onTimer(at(17s)), FlowCall::Query);
    expectSend(f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(17s)), FlowCall::Query, 5s);
    expectSend(f.onTimer(at(22s)), FlowCall::Query);
    expectSend(f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(22s)), FlowCall::Query, 5s);
    expectSend(f.onTimer(at(27s)), FlowCall::Query);
    expectSend(f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), at(27s)), FlowCall::Reverse, 3s);
}

TEST_F(PaymentFlowTest, ResumeWithTheLimitPastReversesAtOnce) {
    PaymentFlow f = flow();
    expectSend(f.resume(kT0, at(90s)), FlowCall::Reverse);
    expectFinish(f.onAnswer(order(FlowCall::Reverse, QStringLiteral("REVERSED")), at(90s)), OrderStatus::Reversed,
                 QStringLiteral("CHANNEL_LIMIT"));
}

TEST_F(PaymentFlowTest, ResumeWithTheLimitPastStillHonoursTheGuard) {
    m_limits.wechatLimit = 10s;
    PaymentFlow f = flow();
    expectSend(f.resume(kT0, at(11s)), FlowCall::Reverse, 4s);
    expectSend(f.onTimer(at(15s)), FlowCall::Reverse);
}

// The chaos proof found an order that hung: a query answered less than a millisecond before the limit planned the
// reverse with delay 0, the engine sent it at once, and the flow, still waiting for its timer, ignored the answer.
TEST_F(PaymentFlowTest, AReverseDueWithinAMillisecondIsStillAWaitAndItsAnswerEndsTheOrder) {
    PaymentFlow f = flow();
    expectSend(f.resume(kT0, at(27s)), FlowCall::Query);
    const SteadyTime justBeforeTheLimit = at(30s) - 400us;
    const FlowCommand reverse = f.onAnswer(order(FlowCall::Query, QStringLiteral("USERPAYING")), justBeforeTheLimit);
    expectSend(reverse, FlowCall::Reverse, 1ms);
    EXPECT_TRUE(f.waiting());
    expectSend(f.onTimer(at(30s)), FlowCall::Reverse);
    expectFinish(f.onAnswer(order(FlowCall::Reverse, QStringLiteral("REVERSED")), at(30s)), OrderStatus::Reversed,
                 QStringLiteral("CHANNEL_LIMIT"));
}

TEST_F(PaymentFlowTest, ResumedOrderTheServerNeverSawIsClosed) {
    PaymentFlow f = flow(QStringLiteral("alipay"));
    expectSend(f.resume(kT0, at(2s)), FlowCall::Query);
    expectSend(f.onAnswer(rejected(FlowCall::Query, QStringLiteral("ORDER_NOT_FOUND")), at(2s)), FlowCall::Close);
    expectFinish(f.onAnswer(order(FlowCall::Close, QStringLiteral("CLOSED")), at(2s)), OrderStatus::Closed,
                 QStringLiteral("ORDER_NOT_FOUND"));
}

// ---- events out of turn ----

TEST_F(PaymentFlowTest, EventsOutOfTurnAreIgnored) {
    PaymentFlow f = waitingPayment();
    // An answer while a timer is planned, and an answer to another call.
    EXPECT_EQ(f.onAnswer(order(FlowCall::Query, QStringLiteral("SUCCESS")), at(1s)).kind, Kind::None);
    (void)f.onTimer(at(5s));
    EXPECT_EQ(f.onTimer(at(5s)).kind, Kind::None);
    EXPECT_EQ(f.onAnswer(order(FlowCall::Reverse, QStringLiteral("REVERSED")), at(5s)).kind, Kind::None);
    expectFinish(f.onAnswer(order(FlowCall::Query, QStringLiteral("SUCCESS")), at(5s)), OrderStatus::Paid, {});
    // Nothing after the end.
    EXPECT_EQ(f.onAnswer(order(FlowCall::Query, QStringLiteral("FAIL")), at(6s)).kind, Kind::None);
    EXPECT_EQ(f.onTimer(at(7s)).kind, Kind::None);
    EXPECT_EQ(f.onCancel(at(7s)).kind, Kind::None);
    EXPECT_EQ(f.start(at(8s)).kind, Kind::None);
}

// ---- answers read from the backend's results ----

TEST_F(PaymentFlowTest, AnswersAreReadFromTrustedResultsOnly) {
    backend::BackendError closed;
    closed.outcome = Outcome::Rejected;
    closed.errName = QStringLiteral("ORDER_CLOSED");
    closed.data = QJsonObject{{QStringLiteral("trade_state"), QStringLiteral("CLOSED")},
                              {QStringLiteral("platform_order_no"), QStringLiteral("PF1")}};
    const FlowAnswer a = FlowAnswer::fromError(FlowCall::Charge, closed);
    EXPECT_EQ(a.tradeState, QStringLiteral("CLOSED"));
    EXPECT_EQ(a.platformOrderNo, QStringLiteral("PF1"));

    backend::BackendError early;
    early.outcome = Outcome::Rejected;
    early.errName = QStringLiteral("REVERSE_TOO_EARLY");
    early.data = QJsonObject{{QStringLiteral("retry_after_s"), 7}};
    EXPECT_EQ(FlowAnswer::fromError(FlowCall::Reverse, early).retryAfter, 7s);

    backend::BackendError conflict;  // the order in ORDER_CONFLICT is another request's
    conflict.outcome = Outcome::Rejected;
    conflict.errName = QStringLiteral("ORDER_CONFLICT");
    conflict.data =
        QJsonObject{{QStringLiteral("order"), QJsonObject{{QStringLiteral("trade_state"), QStringLiteral("SUCCESS")}}}};
    EXPECT_TRUE(FlowAnswer::fromError(FlowCall::Charge, conflict).tradeState.isEmpty());

    backend::BackendError untrusted = closed;
    untrusted.outcome = Outcome::Unknown;
    EXPECT_TRUE(FlowAnswer::fromError(FlowCall::Charge, untrusted).tradeState.isEmpty());
}

TEST_F(PaymentFlowTest, LimitsComeFromTheSettings) {
    const PaymentLimits limits = PaymentLimits::fromSettings(Settings::defaults());
    EXPECT_EQ(limits.limitFor(QStringLiteral("wechat")), 30s);
    EXPECT_EQ(limits.limitFor(QStringLiteral("face")), 30s);
    EXPECT_EQ(limits.limitFor(QStringLiteral("alipay")), 60s);
    EXPECT_EQ(limits.limitFor(QStringLiteral("unionpay")), 60s);
    EXPECT_EQ(limits.queryInterval, 5s);
    EXPECT_EQ(limits.retryInterval, 5s);
    EXPECT_EQ(limits.reverseGuard, 15s);
}

}  // namespace
}  // namespace facepos::checkout
