#include "payment_engine.h"

#include <QPointer>
#include <QTimer>
#include <algorithm>

#include "app/backend/backend_client.h"
#include "app/checkout/payment_messages.h"
#include "app/store/order_store.h"
#include "platform/crypto.h"
#include "platform/logging.h"
#include "platform/masking.h"

namespace facepos::checkout {

using std::chrono::milliseconds;

namespace {

class TimerScheduler final : public IScheduler {
public:
    void after(milliseconds delay, QObject* context, std::function<void()> callback) override {
        QTimer::singleShot(delay, context, std::move(callback));
    }
};

bool isFaceChannel(const QString& channel) {
    return channel == QLatin1String("face");
}

// The journal row's attempt counter of a call: a phone confirmation is a face_pay, counted with the charges.
size_t journalSlot(FlowCall call) {
    return static_cast<size_t>(call == FlowCall::Confirm ? FlowCall::Charge : call);
}

// What the journal records in place of a payment code for face pay: which submission it was, never any face data
// or digits.
const QString kFaceImageMark = QStringLiteral("face:image");
const QString kFacePhoneMark = QStringLiteral("face:phone");

bool isWalletChannel(const QString& channel) {
    return channel == QLatin1String("wechat") || channel == QLatin1String("alipay") ||
           channel == QLatin1String("unionpay");
}

// What the journal row of a call records as its outcome: the trade_state, the error name, or why there is neither.
QString journalOutcome(const FlowAnswer& answer) {
    switch (answer.outcome) {
        case backend::Outcome::Success:
            return answer.tradeState.isEmpty() ? QStringLiteral("OK") : answer.tradeState;
        case backend::Outcome::Rejected:
            return answer.errName.isEmpty() ? QStringLiteral("REJECTED") : answer.errName;
        case backend::Outcome::NotSent:
            return QStringLiteral("NOT_SENT");
        case backend::Outcome::Unknown:
        case backend::Outcome::Unconfirmed:
            return QStringLiteral("UNKNOWN");
    }
    return QStringLiteral("UNKNOWN");
}

}  // namespace

struct PaymentEngine::Payment {
    Payment(store::OrderRecord o, PaymentFlow f) : order(std::move(o)), flow(std::move(f)) {}
    ~Payment() {
        authCode.fill(QChar(u'0'));
        crypto::secureWipe(sealedImage);
    }

    store::OrderRecord order;
    PaymentFlow flow;
    QString authCode;  // only in memory, only for the charge; never logged
    QString maskedCode;
    // Face pay: the engine's own copy of the sealed capture, only while the first submission may be sent again.
    QByteArray sealedImage;
    QString faceToken;
    int livenessScore = -1;
    QString phoneLast4;  // only during confirmPhone()
    int promptsEmitted = 0;
    bool recovered = false;
    quint64 generation = 0;  // bumped by every command: a timer of an older one is stale
    std::array<int, kFlowCallCount> attempts{};
    QString platformOrderNo;
    QString channelOrderNo;
};

PaymentEngine::PaymentEngine(store::OrderStore& orders, backend::BackendClient& backend,
                             std::shared_ptr<const IClock> clock, std::shared_ptr<IScheduler> scheduler,
                             PaymentLimits limits, QObject* parent)
    : QObject(parent),
      m_orders(orders),
      m_backend(backend),
      m_clock(std::move(clock)),
      m_scheduler(std::move(scheduler)),
      m_limits(limits) {}

PaymentEngine::~PaymentEngine() = default;

std::shared_ptr<IScheduler> PaymentEngine::timerScheduler() {
    return std::make_shared<TimerScheduler>();
}

bool PaymentEngine::isActive(const QString& mchOrderNo) const {
    return m_active.contains(mchOrderNo);
}

int PaymentEngine::activeCount() const {
    return static_cast<int>(m_active.size());
}

bool PaymentEngine::isCurrent(const std::shared_ptr<Payment>& payment) const {
    return m_active.value(payment->order.mchOrderNo) == payment;
}

Result<std::shared_ptr<PaymentEngine::Payment>> PaymentEngine::prepare(const store::OrderRecord& order) {
    auto stored = m_orders.order(order.mchOrderNo);
    if (!stored) return stored.error();
    if (!stored->has_value() || (*stored)->status != store::OrderStatus::Created) {
        return makeError(QStringLiteral("payment.bad_order"),
                         QStringLiteral("Order %1 is not a new order waiting for payment.").arg(order.mchOrderNo));
    }
    // §11.2 step 1: the order is Paying, durably, before anything leaves the terminal.
    if (auto paying = m_orders.markPaying(order.mchOrderNo); !paying) return paying.error();
    return std::make_shared<Payment>(**stored, PaymentFlow(m_limits, order.channel));
}

Result<void> PaymentEngine::launch(const std::shared_ptr<Payment>& payment) {
    const QString number = payment->order.mchOrderNo;
    m_active.insert(number, payment);
    const FlowCommand first = payment->flow.start(m_clock->steadyNow());
    ++payment->generation;
    if (auto sent = send(payment, first.call); !sent) {
        // The charge's journal row could not be committed, so nothing was sent: the order ends here.
        m_active.remove(number);
        wipeFace(*payment);
        store::OrderOutcome outcome;
        outcome.status = store::OrderStatus::Failed;
        if (auto failed = m_orders.finishOrder(number, outcome); !failed)
            qCWarning(lcPayment) << "order" << number << "stays Paying:" << failed.error().message;
        return sent.error();
    }
    emitProgress(*payment);
    return {};
}

Result<void> PaymentEngine::startMicropay(const store::OrderRecord& order, const QString& authCode) {
    if (m_active.contains(order.mchOrderNo)) {
        return makeError(QStringLiteral("payment.busy"),
                         QStringLiteral("Order %1 is already being paid.").arg(order.mchOrderNo));
    }
    if (!isWalletChannel(order.channel)) {
        return makeError(QStringLiteral("payment.bad_order"),
                         QStringLiteral("Channel '%1' is not paid with a payment code.").arg(order.channel));
    }
    if (authCode.trimmed().isEmpty())
        return makeError(QStringLiteral("payment.bad_order"), QStringLiteral("There is no payment code."));
    auto prepared = prepare(order);
    if (!prepared) return prepared.error();
    const std::shared_ptr<Payment> payment = *prepared;
    payment->authCode = authCode;
    payment->maskedCode = maskPaymentCode(authCode);
    qCInfo(lcPayment).noquote() << "payment" << order.mchOrderNo << order.channel << order.payableFee << "fen, code"
                                << payment->maskedCode;
    return launch(payment);
}

Result<void> PaymentEngine::startFacePay(const store::OrderRecord& order, const face::SealedFace& face) {
    if (m_active.contains(order.mchOrderNo)) {
        return makeError(QStringLiteral("payment.busy"),
                         QStringLiteral("Order %1 is already being paid.").arg(order.mchOrderNo));
    }
    if (!isFaceChannel(order.channel)) {
        return makeError(
            QStringLiteral("payment.bad_order"),
            QStringLiteral("Order %1 is a '%2' order, not a face pay order.").arg(order.mchOrderNo, order.channel));
    }
    if (face.sealedImage.isEmpty() || face.faceToken.isEmpty()) {
        return makeError(QStringLiteral("payment.bad_order"),
                         QStringLiteral("There is no sealed face image or face token: capture the face again."));
    }
    auto prepared = prepare(order);
    if (!prepared) return prepared.error();
    const std::shared_ptr<Payment> payment = *prepared;
    // A buffer of the engine's own (not shared with the caller's QByteArray), so that wiping it wipes these bytes.
    payment->sealedImage = QByteArray(face.sealedImage.constData(), face.sealedImage.size());
    payment->faceToken = face.faceToken;
    payment->livenessScore = face.livenessScore;
    payment->maskedCode = kFaceImageMark;
    qCInfo(lcPayment).noquote() << "payment" << order.mchOrderNo << "face" << order.payableFee << "fen, sealed image"
                                << face.sealedImage.size() << "bytes";
    if (auto launched = launch(payment); !launched) return launched;
    emit faceTokenUsed(face.faceToken);
    return {};
}

Result<void> PaymentEngine::confirmPhone(const QString& mchOrderNo, const QString& last4) {
    const bool fourDigits = last4.size() == 4 && std::all_of(last4.cbegin(), last4.cend(), [](QChar c) {
                                return c >= QLatin1Char('0') && c <= QLatin1Char('9');
                            });
    if (!fourDigits) {
        return makeError(QStringLiteral("payment.bad_phone"),
                         QStringLiteral("Enter exactly the last 4 digits of the phone number."));
    }
    const std::shared_ptr<Payment> payment = m_active.value(mchOrderNo);
    if (!payment || !payment->flow.awaitingPhone()) {
        return makeError(QStringLiteral("payment.not_waiting"),
                         QStringLiteral("Order %1 is not waiting for a phone confirmation.").arg(mchOrderNo));
    }
    const FlowCommand command = payment->flow.confirmPhone(m_clock->steadyNow());
    if (command.kind != FlowCommand::Kind::Send) {
        return makeError(QStringLiteral("payment.not_waiting"),
                         QStringLiteral("Order %1 is not waiting for a phone confirmation.").arg(mchOrderNo));
    }
    ++payment->generation;  // the confirmation deadline's wait is replaced by the resubmission
    payment->phoneLast4 = last4;
    auto sent = send(payment, FlowCall::Confirm);
    payment->phoneLast4.clear();  // the digits are not kept, not even for a retry
    if (!sent) {
        // Nothing left the terminal: the flow resolves it like a lost answer (query, then ask again).
        FlowAnswer notSent;
        notSent.call = FlowCall::Confirm;
        notSent.outcome = backend::Outcome::NotSent;
        execute(payment, payment->flow.onAnswer(notSent, m_clock->steadyNow()));
        return sent.error();
    }
    emitProgress(*payment);
    return {};
}

bool PaymentEngine::holdsFaceImage(const QString& mchOrderNo) const {
    const std::shared_ptr<Payment> payment = m_active.value(mchOrderNo);
    return payment && !payment->sealedImage.isEmpty();
}

void PaymentEngine::wipeFace(Payment& payment) {
    if (payment.sealedImage.isEmpty()) return;
    crypto::secureWipe(payment.sealedImage);
    qCInfo(lcPayment) << "payment" << payment.order.mchOrderNo << "sealed face image wiped";
}

std::optional<milliseconds> PaymentEngine::phoneTimeLeft(const backend::OrderInfo& order) const {
    // The server's deadline against the server's time as this terminal knows it (its clock plus the offset learned
    // from trusted answers, §5): a device clock set wrong does not move it.
    const QDateTime expiresAt = QDateTime::fromString(order.phoneConfirmExpiresAt, Qt::ISODate);
    if (!expiresAt.isValid()) return std::nullopt;
    const QDateTime serverNow = m_clock->nowUtc().addSecs(m_backend.clockOffsetSeconds());
    return milliseconds{std::max<qint64>(0, serverNow.msecsTo(expiresAt))};
}

bool PaymentEngine::cancel(const QString& mchOrderNo) {
    const std::shared_ptr<Payment> payment = m_active.value(mchOrderNo);
    if (!payment) return false;
    qCInfo(lcPayment) << "payment" << mchOrderNo << "cancelled by the cashier";
    const FlowCommand command = payment->flow.onCancel(m_clock->steadyNow());
    wipeFace(*payment);  // after a cancel the first submission is never sent again
    if (command.kind == FlowCommand::Kind::None) {
        emitProgress(*payment);  // cancelRequested shows at once; the answer in flight decides the rest
        return true;
    }
    execute(payment, command);
    return true;
}

void PaymentEngine::resumeUnfinished() {
    auto unfinished = m_orders.unfinishedOrders();
    if (!unfinished) {
        qCWarning(lcPayment) << "cannot read the unfinished orders:" << unfinished.error().message;
        emit recoveryFinished(0);
        return;
    }
    const QDateTime nowUtc = m_clock->nowUtc();
    const SteadyTime now = m_clock->steadyNow();
    QList<std::pair<std::shared_ptr<Payment>, SteadyTime>> resumed;
    int resolved = 0;
    for (const store::OrderRecord& order : *unfinished) {
        if (m_active.contains(order.mchOrderNo)) continue;  // being paid right now
        auto journal = m_orders.journal(order.mchOrderNo);
        if (!journal) {
            qCWarning(lcPayment) << "order" << order.mchOrderNo << "left for later:" << journal.error().message;
            continue;
        }
        const auto firstCharge = std::find_if(journal->cbegin(), journal->cend(), [](const store::JournalEntry& e) {
            return e.action == QLatin1String("charge");
        });
        const bool charged = firstCharge != journal->cend();
        if (!charged && order.status == store::OrderStatus::Created) {
            // Never reached the network (the journal row is committed before every call): close it here.
            store::OrderOutcome outcome;
            outcome.status = store::OrderStatus::Closed;
            auto closed = m_orders.finishOrder(order.mchOrderNo, outcome);
            if (!closed) {
                qCWarning(lcPayment) << "order" << order.mchOrderNo << "could not be closed:" << closed.error().message;
                continue;
            }
            qCInfo(lcPayment) << "order" << order.mchOrderNo << "never charged: closed locally";
            ++resolved;
            PaymentResult result;
            result.mchOrderNo = order.mchOrderNo;
            result.channel = order.channel;
            result.status = store::OrderStatus::Closed;
            result.payableFee = order.payableFee;
            result.reasonCode = QStringLiteral("INTERRUPTED");
            result.reasonText = PaymentMessages::reasonText(result.status, result.reasonCode);
            result.recovered = true;
            emit finished(result);
            continue;
        }
        auto payment = std::make_shared<Payment>(order, PaymentFlow(m_limits, order.channel));
        payment->recovered = true;
        for (const store::JournalEntry& e : *journal) {
            for (int c = 0; c < kFlowCallCount; ++c) {
                const size_t slot = journalSlot(static_cast<FlowCall>(c));
                if (e.action == flowCallName(static_cast<FlowCall>(c)))
                    payment->attempts[slot] = std::max(payment->attempts[slot], e.attempt);
            }
            if (!e.maskedCode.isEmpty()) payment->maskedCode = e.maskedCode;
            // The crash took the answer of this call with it: what it did is for the query to find out.
            if (e.outcome == QLatin1String("PENDING")) {
                if (auto settled = m_orders.settleJournal(e.id, QStringLiteral("UNKNOWN")); !settled)
                    qCWarning(lcPayment) << "journal row" << e.id << "stays pending:" << settled.error().message;
            }
        }
        // The limit counts from the stored charge time (the order's creation when no charge row exists), carried
        // over to this run's monotonic clock.
        const QDateTime chargedUtc = charged ? firstCharge->at : order.createdAt;
        const milliseconds ago{std::max<qint64>(0, chargedUtc.msecsTo(nowUtc))};
        resumed.append({payment, now - ago});
    }
    m_recoveryCount += resolved + static_cast<int>(resumed.size());
    m_recoveryLeft += static_cast<int>(resumed.size());
    if (m_recoveryLeft == 0) {
        const int count = m_recoveryCount;
        m_recoveryCount = 0;
        emit recoveryFinished(count);
        return;
    }
    m_recovering = true;
    for (const auto& [payment, chargedAt] : resumed) {
        m_active.insert(payment->order.mchOrderNo, payment);
        qCInfo(lcPayment).noquote() << "resuming payment" << payment->order.mchOrderNo << payment->order.channel
                                    << "charged" << chargedAt.time_since_epoch().count() << "code"
                                    << payment->maskedCode;
        execute(payment, payment->flow.resume(chargedAt, m_clock->steadyNow()));
    }
}

void PaymentEngine::execute(const std::shared_ptr<Payment>& payment, const FlowCommand& command) {
    // The sealed image is kept only while the same first submission may be sent again (§12.2).
    if (command.kind != FlowCommand::Kind::Send || command.call != FlowCall::Charge) wipeFace(*payment);
    switch (command.kind) {
        case FlowCommand::Kind::None:
            return;
        case FlowCommand::Kind::Finish:
            ++payment->generation;
            complete(payment, command);
            return;
        case FlowCommand::Kind::Send:
            break;
    }
    const quint64 generation = ++payment->generation;
    if (command.delay > milliseconds{0}) {
        QPointer<PaymentEngine> self(this);
        m_scheduler->after(command.delay, this, [self, payment, generation] {
            if (!self || !self->isCurrent(payment) || payment->generation != generation) return;
            self->execute(payment, payment->flow.onTimer(self->m_clock->steadyNow()));
        });
    } else if (auto sent = send(payment, command.call); !sent) {
        // Without its journal row the call is not sent; the flow still waits for it, so try again shortly.
        QPointer<PaymentEngine> self(this);
        const FlowCall call = command.call;
        m_scheduler->after(m_limits.retryInterval, this, [self, payment, generation, call] {
            if (!self || !self->isCurrent(payment) || payment->generation != generation) return;
            FlowCommand again;
            again.kind = FlowCommand::Kind::Send;
            again.call = call;
            self->execute(payment, again);
        });
    }
    emitProgress(*payment);
    if (payment->flow.awaitingPhone() && payment->flow.phonePrompts() != payment->promptsEmitted) {
        payment->promptsEmitted = payment->flow.phonePrompts();
        qCInfo(lcPayment) << "payment" << payment->order.mchOrderNo << "needs the phone confirmation,"
                          << payment->flow.phoneAttemptsLeft() << "attempts left";
        emit phoneConfirmationNeeded(payment->order.mchOrderNo, payment->flow.phoneAttemptsLeft(),
                                     payment->flow.phoneWrongDigits());
    }
}

Result<void> PaymentEngine::send(const std::shared_ptr<Payment>& payment, FlowCall call) {
    const QString& number = payment->order.mchOrderNo;
    const size_t slot = journalSlot(call);
    const int attempt = payment->attempts[slot] + 1;
    const QString mark = call == FlowCall::Confirm ? kFacePhoneMark : payment->maskedCode;
    auto journal = m_orders.beginJournal(number, flowCallName(call), attempt, mark);
    if (!journal) {
        qCWarning(lcPayment) << "payment" << number << flowCallName(call)
                             << "not sent: the journal row failed:" << journal.error().message;
        return journal.error();
    }
    payment->attempts[slot] = attempt;
    const qint64 journalId = *journal;
    qCInfo(lcPayment).noquote() << "payment" << number << flowCallName(call) << "attempt" << attempt;

    QPointer<PaymentEngine> self(this);
    auto done = [self, payment, call, journalId](const backend::BackendResult<backend::OrderInfo>& result) {
        if (!self) return;
        FlowAnswer answer =
            result.ok() ? FlowAnswer::fromOrder(call, result.value()) : FlowAnswer::fromError(call, result.error());
        if (result.ok() && result.value().tradeState == QLatin1String("NEED_PHONE_CONFIRM"))
            answer.phoneTimeLeft = self->phoneTimeLeft(result.value());
        if (!result.ok()) {
            qCInfo(lcPayment).noquote() << "payment" << payment->order.mchOrderNo << flowCallName(call)
                                        << backend::outcomeName(result.outcome()) << result.error().kind;
        }
        self->onAnswer(payment, call, journalId, answer, journalOutcome(answer));
    };

    // The defining fields of every face_pay of this order (§12.2): the first submission and each resubmission.
    auto faceRequest = [&payment, &number] {
        backend::FacePayRequest request;
        request.mchOrderNo = number;
        request.totalFee = payment->order.payableFee;
        request.feeType = payment->order.currency;
        request.operatorId = payment->order.operatorId;
        request.shiftNo = payment->order.shiftNo;
        request.faceToken = payment->faceToken;
        return request;
    };
    const bool onItsOwn = payment->recovered;
    backend::OrderEndRequest end;
    end.mchOrderNo = number;
    end.operatorId = onItsOwn ? QString() : payment->order.operatorId;
    switch (call) {
        case FlowCall::Charge: {
            if (isFaceChannel(payment->order.channel)) {
                backend::FacePayRequest request = faceRequest();
                request.sealedImage = payment->sealedImage;  // shares the buffer until facePay() has encoded it
                if (payment->livenessScore >= 0) request.livenessScore = payment->livenessScore;
                m_backend.facePay(request, done);
                break;
            }
            backend::QuickPayRequest request;
            request.mchOrderNo = number;
            request.totalFee = payment->order.payableFee;
            request.feeType = payment->order.currency;
            request.channel = payment->order.channel;
            request.authCode = payment->authCode;
            request.operatorId = payment->order.operatorId;
            request.shiftNo = payment->order.shiftNo;
            m_backend.quickPay(request, done);
            break;
        }
        case FlowCall::Confirm: {
            backend::FacePayRequest request = faceRequest();
            request.phoneLast4 = payment->phoneLast4;
            m_backend.facePay(request, done);
            break;
        }
        case FlowCall::Query: {
            backend::OrderQueryRequest request;
            request.mchOrderNo = number;
            m_backend.orderQuery(request, done);
            break;
        }
        case FlowCall::Reverse:
            end.reason = payment->flow.cancelRequested() ? QStringLiteral("cancelled by the cashier")
                         : onItsOwn                      ? QStringLiteral("start-up recovery")
                                                         : QStringLiteral("channel limit reached");
            m_backend.orderReverse(end, done);
            break;
        case FlowCall::Close:
            end.reason = payment->flow.cancelRequested()          ? QStringLiteral("cancelled by the cashier")
                         : !payment->flow.closeReason().isEmpty() ? QStringLiteral("phone confirmation not completed")
                                                                  : QStringLiteral("charge not received");
            m_backend.orderClose(end, done);
            break;
    }
    return {};
}

void PaymentEngine::onAnswer(const std::shared_ptr<Payment>& payment, FlowCall call, qint64 journalId,
                             const FlowAnswer& answer, const QString& outcome) {
    if (auto settled = m_orders.settleJournal(journalId, outcome); !settled) {
        qCWarning(lcPayment) << "journal row" << journalId << "not settled:" << settled.error().message;
    }
    qCInfo(lcPayment).noquote() << "payment" << payment->order.mchOrderNo << flowCallName(call) << "->" << outcome;
    if (!isCurrent(payment)) return;
    if (!answer.platformOrderNo.isEmpty()) payment->platformOrderNo = answer.platformOrderNo;
    if (!answer.channelOrderNo.isEmpty()) payment->channelOrderNo = answer.channelOrderNo;
    execute(payment, payment->flow.onAnswer(answer, m_clock->steadyNow()));
}

void PaymentEngine::complete(const std::shared_ptr<Payment>& payment, const FlowCommand& command) {
    const QString number = payment->order.mchOrderNo;
    m_active.remove(number);
    payment->authCode.fill(QChar(u'0'));
    payment->authCode.clear();
    wipeFace(*payment);

    store::OrderOutcome outcome;
    outcome.status = command.status;
    outcome.platformOrderNo = payment->platformOrderNo;
    outcome.channelOrderNo = payment->channelOrderNo;
    if (auto finishedOrder = m_orders.finishOrder(number, outcome); !finishedOrder) {
        // The money's state is known; the record stays non-final and the next start-up resolves it again.
        qCWarning(lcPayment) << "order" << number << "not finished in the store:" << finishedOrder.error().message;
    }

    PaymentResult result;
    result.mchOrderNo = number;
    result.channel = payment->order.channel;
    result.status = command.status;
    result.payableFee = payment->order.payableFee;
    result.platformOrderNo = payment->platformOrderNo;
    result.channelOrderNo = payment->channelOrderNo;
    result.reasonCode = command.reasonCode;
    result.reasonText = PaymentMessages::reasonText(command.status, command.reasonCode);
    result.recovered = payment->recovered;
    qCInfo(lcPayment).noquote() << "payment" << number << "ended" << store::orderStatusName(command.status)
                                << command.reasonCode;
    emit finished(result);

    if (payment->recovered && m_recovering && --m_recoveryLeft == 0) {
        m_recovering = false;
        const int count = m_recoveryCount;
        m_recoveryCount = 0;
        emit recoveryFinished(count);
    }
}

void PaymentEngine::emitProgress(const Payment& payment) {
    PaymentProgress p;
    p.mchOrderNo = payment.order.mchOrderNo;
    p.channel = payment.order.channel;
    p.phase = payment.flow.phase();
    p.elapsed = std::chrono::duration_cast<milliseconds>(m_clock->steadyNow() - payment.flow.chargedAt());
    p.limit = payment.flow.limit();
    p.cancelRequested = payment.flow.cancelRequested();
    p.awaitingPhone = payment.flow.awaitingPhone();
    p.phoneAttemptsLeft = payment.flow.phoneAttemptsLeft();
    emit progress(p);
}

}  // namespace facepos::checkout
