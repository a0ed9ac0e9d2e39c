#include "payment_flow.h"

#include <QJsonObject>
#include <algorithm>

#include "app/backend/backend_types.h"
#include "platform/settings.h"

namespace facepos::checkout {

using std::chrono::milliseconds;
using store::OrderStatus;

namespace {

bool isFinalTradeState(const QString& state) {
    return state == QLatin1String("SUCCESS") || state == QLatin1String("FAIL") || state == QLatin1String("CLOSED") ||
           state == QLatin1String("REVERSED");
}

// The errors after which the same charge may be sent again (§11.2 step 2): nothing was done, and the cause may pass.
bool chargeMayBeRepeated(const QString& errName) {
    return errName == QLatin1String("SESSION_EXPIRED") || errName == QLatin1String("TIMESTAMP_SKEW") ||
           errName == QLatin1String("SERVICE_UNAVAILABLE");
}

// Added to the server's phone confirmation deadline before asking whether it passed: expires_at has whole seconds.
constexpr milliseconds kPhoneExpiryGrace{1000};

// Rounded up: a wait less than a millisecond away is still a wait (delay 0 would send at once while the flow
// expects its timer, and then ignore the answer).
milliseconds untilThen(SteadyTime due, SteadyTime now) {
    return due > now ? std::chrono::ceil<milliseconds>(due - now) : milliseconds{0};
}

}  // namespace

milliseconds PaymentLimits::limitFor(const QString& channel) const {
    if (channel == QLatin1String("alipay")) return alipayLimit;
    if (channel == QLatin1String("unionpay")) return unionpayLimit;
    return wechatLimit;  // wechat and face
}

PaymentLimits PaymentLimits::fromSettings(const Settings& settings) {
    PaymentLimits limits;
    limits.wechatLimit = settings.duration(u"payment.wechat_limit_s");
    limits.alipayLimit = settings.duration(u"payment.alipay_limit_s");
    limits.unionpayLimit = settings.duration(u"payment.unionpay_limit_s");
    limits.queryInterval = settings.duration(u"payment.query_interval_ms");
    limits.retryInterval = limits.queryInterval;
    return limits;
}

QString flowCallName(FlowCall call) {
    switch (call) {
        case FlowCall::Charge:
            return QStringLiteral("charge");
        case FlowCall::Query:
            return QStringLiteral("query");
        case FlowCall::Reverse:
            return QStringLiteral("reverse");
        case FlowCall::Close:
            return QStringLiteral("close");
        case FlowCall::Confirm:
            return QStringLiteral("charge");  // a face_pay resubmission (§12.2)
    }
    return {};
}

FlowAnswer FlowAnswer::fromOrder(FlowCall call, const backend::OrderInfo& order) {
    FlowAnswer a;
    a.call = call;
    a.outcome = backend::Outcome::Success;
    a.tradeState = order.tradeState;
    a.tradeErrCode = order.tradeErrCode;
    a.platformOrderNo = order.platformOrderNo;
    a.channelOrderNo = order.channelOrderNo;
    a.phoneAttemptsLeft = order.phoneAttemptsLeft;
    return a;
}

FlowAnswer FlowAnswer::fromError(FlowCall call, const backend::BackendError& error) {
    FlowAnswer a;
    a.call = call;
    a.outcome = error.outcome;
    if (error.outcome != backend::Outcome::Rejected) return a;  // untrusted content is never acted on
    a.errName = error.errName;
    const QJsonObject data = error.data.toObject();
    a.retryAfter = std::chrono::seconds(data.value(QStringLiteral("retry_after_s")).toInteger());
    // The order itself, not one nested under a key (ORDER_CONFLICT nests another request's order on purpose).
    if (data.value(QStringLiteral("trade_state")).isString()) {
        const backend::OrderInfo order = backend::OrderInfo::fromJson(data);
        a.tradeState = order.tradeState;
        a.tradeErrCode = order.tradeErrCode;
        a.platformOrderNo = order.platformOrderNo;
        a.channelOrderNo = order.channelOrderNo;
    }
    return a;
}

PaymentFlow::PaymentFlow(PaymentLimits limits, QString channel)
    : m_limits(limits), m_channel(std::move(channel)), m_limit(m_limits.limitFor(m_channel)) {}

PaymentPhase PaymentFlow::phase() const {
    switch (m_stage) {
        case Stage::Idle:
        case Stage::Charging:
            return PaymentPhase::Charging;
        case Stage::Querying:
            return m_lastTradeState == QLatin1String("USERPAYING") ? PaymentPhase::WaitingForCustomer
                                                                   : PaymentPhase::Checking;
        case Stage::ConfirmingPaid:
            return PaymentPhase::Checking;
        case Stage::AwaitingPhone:
        case Stage::ConfirmingPhone:
            return PaymentPhase::WaitingForCustomer;
        case Stage::Reversing:
        case Stage::Closing:
        case Stage::Finished:
            return PaymentPhase::Cancelling;
    }
    return PaymentPhase::Checking;
}

FlowCommand PaymentFlow::start(SteadyTime now) {
    if (m_stage != Stage::Idle) return {};
    m_stage = Stage::Charging;
    m_chargedAt = now;
    m_limitFrom = now;
    return send(FlowCall::Charge);
}

FlowCommand PaymentFlow::resume(SteadyTime chargedAt, SteadyTime now) {
    if (m_stage != Stage::Idle) return {};
    m_chargedAt = chargedAt;
    m_limitFrom = chargedAt;
    m_resumed = true;
    m_stage = Stage::Querying;
    if (now >= m_limitFrom + m_limit) {
        m_limitReached = true;
        return reverse(now);
    }
    return send(FlowCall::Query);
}

FlowCommand PaymentFlow::send(FlowCall call) {
    m_pending = Pending::InFlight;
    m_planned = call;
    ++m_sent[static_cast<size_t>(call)];
    FlowCommand c;
    c.kind = FlowCommand::Kind::Send;
    c.call = call;
    return c;
}

FlowCommand PaymentFlow::wait(FlowCall call, SteadyTime due, SteadyTime now) {
    if (due <= now) return send(call);
    m_pending = Pending::Timer;
    m_planned = call;
    m_dueAt = due;
    FlowCommand c;
    c.kind = FlowCommand::Kind::Send;
    c.call = call;
    c.delay = untilThen(due, now);
    return c;
}

FlowCommand PaymentFlow::finish(OrderStatus status, QString reasonCode) {
    m_stage = Stage::Finished;
    m_pending = Pending::None;
    FlowCommand c;
    c.kind = FlowCommand::Kind::Finish;
    c.status = status;
    if (status != OrderStatus::Paid) c.reasonCode = std::move(reasonCode);
    return c;
}

QString PaymentFlow::endReason(OrderStatus status, const QString& tradeErrCode, const QString& errName) const {
    if ((status == OrderStatus::Reversed || status == OrderStatus::Closed) && m_cancelRequested)
        return QStringLiteral("CANCELLED_BY_CASHIER");
    if (status == OrderStatus::Closed && !m_closeReason.isEmpty()) return m_closeReason;
    if (status == OrderStatus::Reversed && m_limitReached) return QStringLiteral("CHANNEL_LIMIT");
    if (status == OrderStatus::Closed && m_closedNotFound) return QStringLiteral("ORDER_NOT_FOUND");
    if (!tradeErrCode.isEmpty() && tradeErrCode != QLatin1String("REVERSED_BY_TERMINAL") &&
        tradeErrCode != QLatin1String("CLOSED_BY_TERMINAL"))
        return tradeErrCode;
    if (!errName.isEmpty()) return errName;
    switch (status) {
        case OrderStatus::Failed:
            return QStringLiteral("FAIL");
        case OrderStatus::Closed:
            return QStringLiteral("CLOSED");
        case OrderStatus::Reversed:
            return QStringLiteral("REVERSED");
        default:
            return {};
    }
}

FlowCommand PaymentFlow::paid(bool platformNoKnown) {
    if (platformNoKnown || m_platformNoKnown) return finish(OrderStatus::Paid, {});
    // Paid, but the answer did not carry the order: ask for its numbers before ending (they go on the receipt and
    // into the order record).
    m_stage = Stage::ConfirmingPaid;
    ++m_confirmQueries;
    return send(FlowCall::Query);
}

FlowCommand PaymentFlow::finishWithTrade(const QString& tradeState, const QString& tradeErrCode, const QString& errName,
                                         bool platformNoKnown, SteadyTime now) {
    Q_UNUSED(now);
    if (tradeState == QLatin1String("SUCCESS")) return paid(platformNoKnown);
    OrderStatus status = OrderStatus::Failed;
    if (tradeState == QLatin1String("CLOSED")) status = OrderStatus::Closed;
    if (tradeState == QLatin1String("REVERSED")) status = OrderStatus::Reversed;
    return finish(status, endReason(status, tradeErrCode, errName));
}

FlowCommand PaymentFlow::queryAt(SteadyTime due, SteadyTime now) {
    m_stage = Stage::Querying;
    if (m_cancelRequested) return reverse(now);
    const SteadyTime limitAt = m_limitFrom + m_limit;
    if (due >= limitAt) {
        // Still not final at the channel limit (§11.2 step 4): reverse at the limit instead of one more query.
        m_limitReached = true;
        m_stage = Stage::Reversing;
        return wait(FlowCall::Reverse, std::max(limitAt, m_chargedAt + m_limits.reverseGuard), now);
    }
    return wait(FlowCall::Query, due, now);
}

FlowCommand PaymentFlow::reverse(SteadyTime now) {
    m_stage = Stage::Reversing;
    return wait(FlowCall::Reverse, m_chargedAt + m_limits.reverseGuard, now);
}

FlowCommand PaymentFlow::onAnswer(const FlowAnswer& answer, SteadyTime now) {
    if (m_stage == Stage::Finished || m_pending != Pending::InFlight || answer.call != m_planned) return {};
    m_pending = Pending::None;
    if (!answer.tradeState.isEmpty()) m_lastTradeState = answer.tradeState;
    const bool platformNoKnown = !answer.platformOrderNo.isEmpty();
    if (platformNoKnown) m_platformNoKnown = true;

    if (m_stage == Stage::ConfirmingPaid) {
        // The order is paid; only its numbers are missing.
        if (platformNoKnown || m_confirmQueries >= kMaxConfirmQueries) return finish(OrderStatus::Paid, {});
        ++m_confirmQueries;
        return wait(FlowCall::Query, now + m_limits.retryInterval, now);
    }

    // A trusted answer about this order in a final state settles it, whichever call and code brought it (§7.2:
    // trade_state is the authoritative state of the money).
    const bool trusted = answer.outcome == backend::Outcome::Success || answer.outcome == backend::Outcome::Rejected;
    if (trusted && isFinalTradeState(answer.tradeState))
        return finishWithTrade(answer.tradeState, answer.tradeErrCode, answer.errName, platformNoKnown, now);
    if (answer.outcome == backend::Outcome::Success && answer.tradeState == QLatin1String("NEED_PHONE_CONFIRM") &&
        (answer.call == FlowCall::Charge || answer.call == FlowCall::Confirm || answer.call == FlowCall::Query))
        return onPhoneNeeded(answer, now);

    switch (answer.call) {
        case FlowCall::Charge:
            return onChargeAnswer(answer, now);
        case FlowCall::Query:
            return onQueryAnswer(answer, now);
        case FlowCall::Reverse:
            return onReverseAnswer(answer, now);
        case FlowCall::Close:
            return onCloseAnswer(answer, now);
        case FlowCall::Confirm:
            return onConfirmAnswer(answer, now);
    }
    return {};
}

FlowCommand PaymentFlow::onChargeAnswer(const FlowAnswer& answer, SteadyTime now) {
    switch (answer.outcome) {
        case backend::Outcome::Success:
            // USERPAYING, SYSTEMERROR (or anything not final): step 3, the first query 5 s after the charge.
            return queryAt(m_chargedAt + m_limits.queryInterval, now);
        case backend::Outcome::Rejected:
            // A trusted error: this request charged nothing (§6.1).
            if (chargeMayBeRepeated(answer.errName) && sent(FlowCall::Charge) < kMaxChargeAttempts) {
                if (m_cancelRequested) return finish(OrderStatus::Failed, QStringLiteral("CANCELLED_BY_CASHIER"));
                const milliseconds after = std::max<milliseconds>(m_limits.retryInterval, answer.retryAfter);
                return wait(FlowCall::Charge, now + after, now);
            }
            return finish(OrderStatus::Failed, answer.errName.isEmpty() ? QStringLiteral("FAIL") : answer.errName);
        case backend::Outcome::NotSent:
            return finish(OrderStatus::Failed, QStringLiteral("NOT_SENT"));
        case backend::Outcome::Unknown:
        case backend::Outcome::Unconfirmed:
            return queryAt(m_chargedAt + m_limits.queryInterval, now);
    }
    return {};
}

FlowCommand PaymentFlow::onQueryAnswer(const FlowAnswer& answer, SteadyTime now) {
    if (answer.outcome == backend::Outcome::Rejected && answer.errName == QLatin1String("ORDER_NOT_FOUND")) {
        // The charge never reached the server: close, so that a charge still on its way can never succeed (§11.2).
        m_stage = Stage::Closing;
        m_closedNotFound = true;
        return send(FlowCall::Close);
    }
    // Not final yet, or no trusted word about it: keep querying until the limit.
    return queryAt(now + m_limits.queryInterval, now);
}

FlowCommand PaymentFlow::onReverseAnswer(const FlowAnswer& answer, SteadyTime now) {
    if (answer.outcome == backend::Outcome::Rejected) {
        if (answer.errName == QLatin1String("REVERSE_NOT_ALLOWED")) return paid(!answer.platformOrderNo.isEmpty());
        if (answer.errName == QLatin1String("REVERSE_TOO_EARLY")) {
            const SteadyTime guardAt = m_chargedAt + m_limits.reverseGuard;
            SteadyTime due = std::max(guardAt, now + answer.retryAfter);
            if (due <= now) due = now + m_limits.retryInterval;  // our clock and the server's disagree: wait anyway
            return wait(FlowCall::Reverse, due, now);
        }
    }
    // Unknown, not sent, not final or any other refusal: the money's state is still open; repeat.
    return wait(FlowCall::Reverse, now + m_limits.retryInterval, now);
}

FlowCommand PaymentFlow::onCloseAnswer(const FlowAnswer& answer, SteadyTime now) {
    if (answer.outcome == backend::Outcome::Rejected) {
        if (answer.errName == QLatin1String("ORDER_PAID")) return paid(!answer.platformOrderNo.isEmpty());
        if (answer.errName == QLatin1String("ORDER_PAYING")) {
            // The charge did arrive after all (it was on its way when the query found nothing): reverse it instead.
            m_closedNotFound = false;
            return reverse(now);
        }
    }
    return wait(FlowCall::Close, now + m_limits.retryInterval, now);
}

FlowCommand PaymentFlow::onConfirmAnswer(const FlowAnswer& answer, SteadyTime now) {
    Q_UNUSED(answer);
    // Neither final nor another request for the digits: whatever happened to the digits, the query says (§6.3). A
    // confirmation the server never received shows as NEED_PHONE_CONFIRM with the same attempts, and the payer is
    // asked again.
    return queryAt(m_limitFrom + m_limits.queryInterval, now);
}

FlowCommand PaymentFlow::onPhoneNeeded(const FlowAnswer& answer, SteadyTime now) {
    if (m_cancelRequested) return close({});  // the payer walked away (§12.2)
    if (m_resumed) return close(QStringLiteral("PHONE_NOT_CONFIRMED"));
    if (m_phoneExpired) return close(QStringLiteral("FACE_TOKEN_EXPIRED"));
    m_phoneWrongDigits =
        m_confirmSinceLastPrompt && m_phonePrompts > 0 && answer.phoneAttemptsLeft < m_phoneAttemptsLeft;
    m_confirmSinceLastPrompt = false;
    m_phoneAttemptsLeft = answer.phoneAttemptsLeft;
    SteadyTime deadline = m_chargedAt + m_limits.faceConfirmLimit;
    if (answer.phoneTimeLeft) deadline = std::min(deadline, now + *answer.phoneTimeLeft + kPhoneExpiryGrace);
    if (deadline <= now) {
        m_phoneExpired = true;
        m_limitFrom = now;
        m_stage = Stage::Querying;
        return send(FlowCall::Query);
    }
    m_stage = Stage::AwaitingPhone;
    ++m_phonePrompts;
    return wait(FlowCall::Query, deadline, now);
}

FlowCommand PaymentFlow::close(QString reasonCode) {
    m_stage = Stage::Closing;
    if (!reasonCode.isEmpty()) m_closeReason = std::move(reasonCode);
    return send(FlowCall::Close);
}

FlowCommand PaymentFlow::confirmPhone(SteadyTime now) {
    if (m_stage != Stage::AwaitingPhone) return {};
    m_stage = Stage::ConfirmingPhone;
    m_limitFrom = now;
    m_confirmSinceLastPrompt = true;
    return send(FlowCall::Confirm);
}

FlowCommand PaymentFlow::onTimer(SteadyTime now) {
    if (m_stage == Stage::Finished || m_pending != Pending::Timer) return {};
    m_pending = Pending::None;
    switch (m_planned) {
        case FlowCall::Charge:
            m_chargedAt = now;  // the earlier attempts were refused with nothing done
            m_limitFrom = now;
            return send(FlowCall::Charge);
        case FlowCall::Query:
            if (m_stage == Stage::AwaitingPhone) {
                // The confirmation deadline: the server has closed the order by now, or will be asked to.
                m_phoneExpired = true;
                m_limitFrom = now;
                m_stage = Stage::Querying;
                return send(FlowCall::Query);
            }
            if (m_stage == Stage::Querying && now >= m_limitFrom + m_limit) {
                m_limitReached = true;
                return reverse(now);
            }
            return send(FlowCall::Query);
        case FlowCall::Reverse:
            return wait(FlowCall::Reverse, std::max(now, m_chargedAt + m_limits.reverseGuard), now);
        case FlowCall::Close:
            return send(FlowCall::Close);
        case FlowCall::Confirm:
            return {};  // never planned as a wait: the digits are sent when the payer enters them
    }
    return {};
}

FlowCommand PaymentFlow::onCancel(SteadyTime now) {
    if (m_stage == Stage::Finished || m_cancelRequested) return {};
    m_cancelRequested = true;
    if (m_pending != Pending::Timer) return {};  // the answer in flight decides (a SUCCESS still ends Paid)
    switch (m_stage) {
        case Stage::Charging:
            // Waiting to send a refused charge again: nothing was charged by any attempt.
            return finish(OrderStatus::Failed, QStringLiteral("CANCELLED_BY_CASHIER"));
        case Stage::Querying:
            return reverse(now);  // §11.2 step 5: reverse as at the limit, waiting for the 15 s mark
        case Stage::AwaitingPhone:
            return close({});  // the payer walked away from the digit pad: order_close (§12.2)
        default:
            return {};  // already ending by reverse or close, or confirming a payment that succeeded
    }
}

}  // namespace facepos::checkout
