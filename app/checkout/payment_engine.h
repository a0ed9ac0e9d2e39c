#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>

#include "app/checkout/payment_flow.h"
#include "app/store/store_types.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::backend {
class BackendClient;
}
namespace facepos::store {
class OrderStore;
}

namespace facepos::checkout {

// PaymentLimits and PaymentPhase are declared in payment_flow.h (the decision core uses them too).

struct PaymentProgress {
    QString mchOrderNo;
    QString channel;
    PaymentPhase phase = PaymentPhase::Charging;
    std::chrono::milliseconds elapsed{0};  // since the charge
    std::chrono::milliseconds limit{0};    // the channel limit
    bool cancelRequested = false;
};

// How a payment ended. `status` is final: Paid, Failed, Closed or Reversed.
struct PaymentResult {
    QString mchOrderNo;
    QString channel;
    store::OrderStatus status = store::OrderStatus::Failed;
    qint64 payableFee = 0;
    QString platformOrderNo;
    QString channelOrderNo;
    // Why it did not end Paid: the wallet's trade_err_code or the §7.1 error name ("INSUFFICIENT_FUNDS",
    // "AUTH_CODE_INVALID", "CANCELLED_BY_CASHIER", "CHANNEL_LIMIT"); empty for Paid.
    QString reasonCode;
    // The same in words a cashier understands, in the UI language (Chinese first).
    QString reasonText;
    bool recovered = false;  // resolved by start-up recovery, not in front of the cashier
};

// Schedules a callback after a delay. The real one is a single-shot QTimer; tests use a manual one driven with the
// injectable clock, so every branch of the state machine runs without waiting.
class IScheduler {
public:
    virtual ~IScheduler() = default;
    virtual void after(std::chrono::milliseconds delay, QObject* context, std::function<void()> callback) = 0;
};

// The payment-code (micropay) state machine of docs/terminal-api.md §11.2, driven by the backend's answers:
//   charge → SUCCESS/FAIL/CLOSED/REVERSED final; USERPAYING / SYSTEMERROR / unknown → query every 5 s;
//   ORDER_NOT_FOUND → order_close; at the channel limit (or on cancel) → order_reverse, retried, never sooner than
//   15 s after the charge; REVERSE_NOT_ALLOWED → Paid.
// A journal row (OrderStore::beginJournal) is committed before every network call and settled with its answer; the
// order goes Created → Paying before the charge and to its final status (OrderStore::finishOrder) at the end.
// resumeUnfinished() resolves every order a crash left non-final, from the stored charge time.
//
// Thread ownership: the UI thread (BackendClient's callbacks arrive there).
class PaymentEngine : public QObject {
    Q_OBJECT
public:
    PaymentEngine(store::OrderStore& orders, backend::BackendClient& backend, std::shared_ptr<const IClock> clock,
                  std::shared_ptr<IScheduler> scheduler, PaymentLimits limits, QObject* parent = nullptr);
    ~PaymentEngine() override;

    // The real scheduler (QTimer::singleShot on the context's thread).
    static std::shared_ptr<IScheduler> timerScheduler();

    // Charges a committed order (OrderStore::createOrder, status Created) with a classified payment code. Emits
    // progress while it runs and finished exactly once. Errors (nothing sent, nothing changed): payment.busy (this
    // order is already being paid), payment.bad_order (not Created, or the channel is not a wallet), a store error.
    Result<void> startMicropay(const store::OrderRecord& order, const QString& authCode);

    // The cashier cancels a payment in progress: it ends by reverse (or close), never sooner than 15 s after the
    // charge. False when the order is not being paid here.
    bool cancel(const QString& mchOrderNo);

    // Resumes every order left Paying (or Created with a charge journal row) by a crash, at step 3 of §11.2 with the
    // limit counted from the stored charge time. Emits finished (recovered = true) for each and recoveryFinished
    // when none is left.
    void resumeUnfinished();

    bool isActive(const QString& mchOrderNo) const;
    int activeCount() const;

signals:
    void progress(const facepos::checkout::PaymentProgress& progress);
    void finished(const facepos::checkout::PaymentResult& result);
    void recoveryFinished(int resolved);

private:
    struct Payment;
    void execute(const std::shared_ptr<Payment>& payment, const FlowCommand& command);
    // Commits the journal row, then sends. False (nothing sent) when the row could not be committed.
    Result<void> send(const std::shared_ptr<Payment>& payment, FlowCall call);
    void onAnswer(const std::shared_ptr<Payment>& payment, FlowCall call, qint64 journalId, const FlowAnswer& answer,
                  const QString& journalOutcome);
    void complete(const std::shared_ptr<Payment>& payment, const FlowCommand& command);
    void emitProgress(const Payment& payment);
    bool isCurrent(const std::shared_ptr<Payment>& payment) const;

    store::OrderStore& m_orders;
    backend::BackendClient& m_backend;
    std::shared_ptr<const IClock> m_clock;
    std::shared_ptr<IScheduler> m_scheduler;
    PaymentLimits m_limits;
    QHash<QString, std::shared_ptr<Payment>> m_active;
    int m_recoveryLeft = 0;   // resumed payments still running
    int m_recoveryCount = 0;  // orders resolved by the current recovery
    bool m_recovering = false;
};

}  // namespace facepos::checkout
