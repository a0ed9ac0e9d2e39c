#pragma once

#include <QString>
#include <array>
#include <chrono>
#include <optional>

#include "app/backend/backend_result.h"
#include "app/store/store_types.h"

namespace facepos {
class Settings;
}
namespace facepos::backend {
struct OrderInfo;
}

namespace facepos::checkout {

// The wallets' timing rules (docs/terminal-api.md §11.2), configurable (settings payment.*).
struct PaymentLimits {
    std::chrono::milliseconds wechatLimit{30000};    // channel limit for wechat (and face), from the charge
    std::chrono::milliseconds alipayLimit{60000};    // alipay
    std::chrono::milliseconds unionpayLimit{60000};  // unionpay
    std::chrono::milliseconds queryInterval{5000};   // between queries, and before the first one
    std::chrono::milliseconds reverseGuard{15000};   // never reverse sooner than this after the charge
    std::chrono::milliseconds retryInterval{5000};   // between reverse / close attempts
    // Face pay: the longest a NEED_PHONE_CONFIRM order waits for the payer's digits, from the charge. The face token's
    // lifetime (§12.1 expires_in, 120 s): the server closes the order (FACE_TOKEN_EXPIRED) when the token expires.
    std::chrono::milliseconds faceConfirmLimit{120000};

    std::chrono::milliseconds limitFor(const QString& channel) const;

    // payment.wechat_limit_s (also face), payment.alipay_limit_s, payment.unionpay_limit_s,
    // payment.query_interval_ms (also the reverse / close retry interval). The 15 s guard is the contract's, not a
    // setting.
    static PaymentLimits fromSettings(const Settings& settings);
};

// Where a payment is, for the cashier's and the customer's screens.
enum class PaymentPhase {
    Charging,            // quick_pay on its way
    WaitingForCustomer,  // USERPAYING: the payer confirms on the phone (or enters the password)
    Checking,            // the outcome is unknown (SYSTEMERROR, timeout, lost answer): querying
    Cancelling,          // reversing or closing: at the channel limit, or the cashier cancelled
};

using SteadyTime = std::chrono::steady_clock::time_point;

// The network calls of the payment loop; their names are the payment journal's actions. Confirm is the face pay
// resubmission with the payer's phone digits (§12.2): another face_pay, so the journal records it as a "charge".
enum class FlowCall { Charge, Query, Reverse, Close, Confirm };
inline constexpr int kFlowCallCount = 5;
QString flowCallName(FlowCall call);  // "charge", "query", "reverse", "close"; Confirm → "charge"

// What the flow needs to know of one call's answer.
struct FlowAnswer {
    FlowCall call = FlowCall::Charge;
    backend::Outcome outcome = backend::Outcome::Unknown;
    // The order's state when the answer carries this order: the data of a success, or the data of an error that
    // holds the order (ORDER_CLOSED, ORDER_PAID, ORDER_PAYING, REVERSE_NOT_ALLOWED). Empty otherwise.
    QString tradeState;
    QString tradeErrCode;
    QString errName;                     // the §7.1 name of a Rejected answer ("REVERSE_TOO_EARLY")
    std::chrono::seconds retryAfter{0};  // retry_after_s of REVERSE_TOO_EARLY / SERVICE_UNAVAILABLE
    QString platformOrderNo;
    QString channelOrderNo;
    // Face pay with NEED_PHONE_CONFIRM: wrong digits the payer has left, and how long the confirmation may still take
    // on the terminal's monotonic clock (the engine derives it from phone_confirm.expires_at and the server's clock,
    // never from the device's wall clock alone); absent when unknown.
    int phoneAttemptsLeft = 0;
    std::optional<std::chrono::milliseconds> phoneTimeLeft;

    // From a trusted order (Outcome::Success).
    static FlowAnswer fromOrder(FlowCall call, const backend::OrderInfo& order);
    // From a call that did not succeed; reads the order out of a trusted error's data when it is there.
    static FlowAnswer fromError(FlowCall call, const backend::BackendError& error);
};

// What the engine does next.
struct FlowCommand {
    enum class Kind {
        None,    // nothing: wait for the answer in flight
        Send,    // send `call`, now (delay 0) or after `delay`; replaces any wait planned before
        Finish,  // the payment ended with `status`
    };
    Kind kind = Kind::None;
    FlowCall call = FlowCall::Query;
    std::chrono::milliseconds delay{0};
    store::OrderStatus status = store::OrderStatus::Failed;
    QString reasonCode;  // Finish: why it did not end Paid (empty for Paid)
};

// The payment loop of docs/terminal-api.md §11.2 as a pure state machine: no I/O, no timers, no clock of its own.
// The engine feeds it events — the answer of the call it asked for, the timer it asked for, the cashier's cancel —
// with the current monotonic time, and executes the command it returns. Exactly one call is in flight or one wait is
// planned at any time, until a Finish command; after it every event returns None.
//
// Decisions worth knowing:
// - The channel limit and the 15 s reverse guard count from the charge (the send of the quick_pay that the server
//   accepted; a charge the server refused with nothing done and that is sent again restarts it).
// - NotSent on the charge ends Failed ("NOT_SENT") at once, without another attempt: the request certainly never
//   reached the server (nothing can be charged by it), and BackendClient has already repeated it with backoff
//   (BackendConfig::maxAttempts). Another round would only keep the customer waiting while the network is down; the
//   cashier starts again or takes cash (wallet payments need the network, DESIGN.md).
// - SESSION_EXPIRED, TIMESTAMP_SKEW and SERVICE_UNAVAILABLE on the charge: the same request again after
//   retry_after_s (at least retryInterval), at most kMaxChargeAttempts in all, then Failed with that error.
// - A trusted answer that carries this order with a final trade_state ends the payment whatever the call and the
//   code (REVERSE_NOT_ALLOWED with a SUCCESS order is Paid, ORDER_CLOSED with a CLOSED order is Closed).
// - Paid without the platform's order number (a REVERSE_NOT_ALLOWED / ORDER_PAID without the order) → order_query
//   for the numbers, at most kMaxConfirmQueries times, then Paid without them.
// - Reverse and close are repeated every retryInterval until a trusted answer settles the order; there is no cap:
//   an order is never left unresolved while the terminal runs.
//
// Face pay (channel "face", §12.2) runs the same loop with the face_pay submission as the charge, plus:
// - NEED_PHONE_CONFIRM (from the charge, a confirmation or a query) → AwaitingPhone: no query and no channel limit
//   while the payer types; one wait is planned, the confirmation deadline (the token's expiry as the server gave it,
//   at most faceConfirmLimit after the charge). confirmPhone() sends the resubmission (FlowCall::Confirm).
// - A confirmation answered NEED_PHONE_CONFIRM again is wrong digits (phoneWrongDigits()); final states end it as
//   usual (PHONE_MISMATCH is FAIL); any other answer is an unknown outcome → the query loop, its limit counted from
//   the confirmation (the 15 s reverse guard still from the charge).
// - At the deadline → order_query: CLOSED / FACE_TOKEN_EXPIRED ends it Closed; still NEED_PHONE_CONFIRM → order_close
//   (reason FACE_TOKEN_EXPIRED).
// - The cashier's cancel while the payer types (the payer walked away) → order_close (§12.2), Closed.
// - A resumed payment (start-up recovery) that finds NEED_PHONE_CONFIRM has nobody to ask → order_close
//   (PHONE_NOT_CONFIRMED).
class PaymentFlow {
public:
    static constexpr int kMaxChargeAttempts = 3;
    static constexpr int kMaxConfirmQueries = 3;

    enum class Stage {
        Idle,
        Charging,
        Querying,
        Reversing,
        Closing,
        ConfirmingPaid,
        AwaitingPhone,    // face pay: waiting for the payer's phone digits (confirmPhone)
        ConfirmingPhone,  // face pay: the resubmission with the digits is on its way
        Finished
    };

    PaymentFlow(PaymentLimits limits, QString channel);

    // A new payment: charge now.
    FlowCommand start(SteadyTime now);
    // A payment a crash interrupted (§11.2 step 6): query now, or reverse when the limit counted from `chargedAt` has
    // passed (still honouring the 15 s guard).
    FlowCommand resume(SteadyTime chargedAt, SteadyTime now);

    FlowCommand onAnswer(const FlowAnswer& answer, SteadyTime now);
    FlowCommand onTimer(SteadyTime now);
    FlowCommand onCancel(SteadyTime now);
    // Face pay: the payer entered the digits. Sends FlowCall::Confirm; None unless awaitingPhone().
    FlowCommand confirmPhone(SteadyTime now);

    Stage stage() const { return m_stage; }
    PaymentPhase phase() const;
    bool cancelRequested() const { return m_cancelRequested; }
    bool finished() const { return m_stage == Stage::Finished; }
    bool inFlight() const { return m_pending == Pending::InFlight; }
    bool waiting() const { return m_pending == Pending::Timer; }
    FlowCall plannedCall() const { return m_planned; }
    SteadyTime dueAt() const { return m_dueAt; }  // of the planned wait
    SteadyTime chargedAt() const { return m_chargedAt; }
    std::chrono::milliseconds limit() const { return m_limit; }
    int sent(FlowCall call) const { return m_sent[static_cast<size_t>(call)]; }
    const QString& lastTradeState() const { return m_lastTradeState; }
    bool awaitingPhone() const { return m_stage == Stage::AwaitingPhone; }
    // How many times the flow has entered AwaitingPhone: each is one prompt for the digits.
    int phonePrompts() const { return m_phonePrompts; }
    int phoneAttemptsLeft() const { return m_phoneAttemptsLeft; }
    // The latest prompt follows digits the server did not accept (fewer attempts left than before).
    bool phoneWrongDigits() const { return m_phoneWrongDigits; }
    // Why the terminal itself is closing the order (FACE_TOKEN_EXPIRED, PHONE_NOT_CONFIRMED); empty otherwise.
    const QString& closeReason() const { return m_closeReason; }

private:
    enum class Pending { None, InFlight, Timer };

    FlowCommand send(FlowCall call);
    FlowCommand wait(FlowCall call, SteadyTime due, SteadyTime now);
    FlowCommand finish(store::OrderStatus status, QString reasonCode);
    FlowCommand finishWithTrade(const QString& tradeState, const QString& tradeErrCode, const QString& errName,
                                bool platformNoKnown, SteadyTime now);
    FlowCommand paid(bool platformNoKnown);
    FlowCommand queryAt(SteadyTime due, SteadyTime now);
    FlowCommand reverse(SteadyTime now);
    QString endReason(store::OrderStatus status, const QString& tradeErrCode, const QString& errName) const;

    FlowCommand onChargeAnswer(const FlowAnswer& answer, SteadyTime now);
    FlowCommand onQueryAnswer(const FlowAnswer& answer, SteadyTime now);
    FlowCommand onReverseAnswer(const FlowAnswer& answer, SteadyTime now);
    FlowCommand onCloseAnswer(const FlowAnswer& answer, SteadyTime now);
    FlowCommand onConfirmAnswer(const FlowAnswer& answer, SteadyTime now);
    FlowCommand onPhoneNeeded(const FlowAnswer& answer, SteadyTime now);
    FlowCommand close(QString reasonCode);

    PaymentLimits m_limits;
    QString m_channel;
    std::chrono::milliseconds m_limit;
    Stage m_stage = Stage::Idle;
    Pending m_pending = Pending::None;
    FlowCall m_planned = FlowCall::Charge;
    SteadyTime m_dueAt{};
    SteadyTime m_chargedAt{};
    SteadyTime m_limitFrom{};  // the channel limit counts from here: the charge, or the latest phone confirmation
    bool m_cancelRequested = false;
    bool m_resumed = false;       // started by resume(): nobody at the counter to ask for phone digits
    bool m_phoneExpired = false;  // the phone confirmation deadline passed
    QString m_closeReason;        // why the terminal closed the order, when not the cashier's cancel
    int m_phonePrompts = 0;
    int m_phoneAttemptsLeft = 0;
    bool m_phoneWrongDigits = false;
    bool m_confirmSinceLastPrompt = false;
    bool m_limitReached = false;     // the reverse was started by the channel limit
    bool m_closedNotFound = false;   // the close was started by ORDER_NOT_FOUND
    bool m_platformNoKnown = false;  // some answer carried the platform order number
    int m_confirmQueries = 0;
    std::array<int, kFlowCallCount> m_sent{};
    QString m_lastTradeState;
};

}  // namespace facepos::checkout
