#pragma once
// What the tests of the payment decision core (PaymentFlow) share: a manual clock, answers as the backend client
// reads them, and the commands expected back.
#include <gtest/gtest.h>

#include "app/backend/backend_types.h"
#include "app/checkout/payment_flow.h"

namespace facepos::checkout::flowtest {

using namespace std::chrono_literals;

inline const SteadyTime kT0 = SteadyTime{} + 1000h;  // the charge (for face pay: the first submission)

inline SteadyTime at(std::chrono::milliseconds offset) {
    return kT0 + offset;
}

// A trusted answer carrying the order in `state`.
inline FlowAnswer order(FlowCall call, const QString& state, const QString& errCode = {}) {
    FlowAnswer a;
    a.call = call;
    a.outcome = backend::Outcome::Success;
    a.tradeState = state;
    a.tradeErrCode = errCode;
    a.platformOrderNo = QStringLiteral("PF202603020000000001");
    if (state == QLatin1String("SUCCESS")) a.channelOrderNo = QStringLiteral("4200000001202603020000000001");
    return a;
}

// Expects a Send of `call` after `delay`. Calls are compared by value: a face pay resubmission (Confirm) and the
// charge share their journal name.
inline void expectSend(const FlowCommand& c, FlowCall call, std::chrono::milliseconds delay = 0ms) {
    ASSERT_EQ(c.kind, FlowCommand::Kind::Send);
    EXPECT_EQ(static_cast<int>(c.call), static_cast<int>(call))
        << "sent " << flowCallName(c.call).toStdString() << ", expected " << flowCallName(call).toStdString();
    EXPECT_EQ(c.delay.count(), delay.count());
}

inline void expectFinish(const FlowCommand& c, store::OrderStatus status, const QString& reason) {
    ASSERT_EQ(c.kind, FlowCommand::Kind::Finish);
    EXPECT_EQ(store::orderStatusName(c.status), store::orderStatusName(status));
    EXPECT_EQ(c.reasonCode, reason);
}

}  // namespace facepos::checkout::flowtest
