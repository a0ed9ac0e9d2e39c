#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "app/checkout/payment_flow.h"
#include "app/face/face_types.h"
#include "app/store/store_types.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::backend {
class BackendClient;
struct OrderInfo;
}  // namespace facepos::backend
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
    // Face pay: the payer is asked for the last 4 digits of the phone (phoneConfirmationNeeded), with this many wrong
    // entries left.
    bool awaitingPhone = false;
    int phoneAttemptsLeft = 0;
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
    // "AUTH_CODE_INVALID", "CANCELLED_BY_CASHIER", "CHANNEL_LIMIT"; face pay: "FACE_NOT_MATCHED", "PHONE_MISMATCH",
    // "FACE_TOKEN_INVALID" — the caller fetches a new token and captures again —, "FACE_TOKEN_EXPIRED",
    // "PHONE_NOT_CONFIRMED"); empty for Paid.
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
// Face pay (startFacePay, §12.2) is the same machine with face_pay as the charge (PaymentFlow documents the
// NEED_PHONE_CONFIRM branch). The sealed image is copied into the engine's own buffer, kept only while the same first
// submission may still be sent again, and wiped (crypto::secureWipe) as soon as an answer makes that impossible, when
// the payment ends, or when it is cancelled. The phone digits exist only for the duration of confirmPhone(): never
// logged, never stored, not kept for retries (an unknown outcome is resolved by query and the payer asked again).
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

    // Pays a committed face order (OrderStore::createOrder with channel "face", status Created) with a capture sealed
    // to the token's face key. Same guarantees as startMicropay. The engine keeps its own copy of the sealed image;
    // the caller wipes its copy (crypto::secureWipe(face.sealedImage)) after this returns. The token is bound to this
    // order from now on (faceTokenUsed). Errors (nothing sent): payment.busy, payment.bad_order (not Created, not a
    // face order, no image or no token), a store error.
    Result<void> startFacePay(const store::OrderRecord& order, const face::SealedFace& face);

    // The payer's answer to phoneConfirmationNeeded: the last 4 digits of the phone, resubmitted with face_pay
    // (journal row first, no image). Errors (nothing sent, nothing changed): payment.bad_phone (not exactly 4 ASCII
    // digits), payment.not_waiting (this order is not waiting for digits), a store error (the journal row failed:
    // the payment goes on by query and the payer is asked again).
    Result<void> confirmPhone(const QString& mchOrderNo, const QString& last4);

    // Whether the engine still holds the sealed face image of this payment (for tests and diagnostics).
    bool holdsFaceImage(const QString& mchOrderNo) const;

    // The cashier cancels a payment in progress: it ends by reverse (or close), never sooner than 15 s after the
    // charge; a face payment waiting for the phone digits (the payer walked away) ends by order_close, Closed. False
    // when the order is not being paid here.
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
    // Face pay: NEED_PHONE_CONFIRM. Show the digit pad; answer with confirmPhone() or cancel(). `wrongDigits`: the
    // previous digits were not accepted. Emitted again after each wrong entry, with one attempt fewer.
    void phoneConfirmationNeeded(const QString& mchOrderNo, int attemptsLeft, bool wrongDigits);
    // A face token was sent with an order's first submission: it is bound to that order now (§12.1) and must not be
    // used again (FaceAuthCache::watch forgets it).
    void faceTokenUsed(const QString& faceToken);

private:
    struct Payment;
    Result<std::shared_ptr<Payment>> prepare(const store::OrderRecord& order);
    Result<void> launch(const std::shared_ptr<Payment>& payment);
    void wipeFace(Payment& payment);
    std::optional<std::chrono::milliseconds> phoneTimeLeft(const backend::OrderInfo& order) const;
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
