#include "checkout_controller.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include "app/checkout/face_checkout.h"
#include "app/checkout/payment_messages.h"
#include "app/customer_display.h"
#include "app/device_manager.h"
#include "app/session/device_binding.h"
#include "app/session/session_manager.h"
#include "app/session/shift_manager.h"
#include "app/store/order_store.h"
#include "app/store/sales_gate.h"
#include "drivers/audio/ivoiceprompter.h"
#include "drivers/printer/receipt_layout.h"
#include "platform/logging.h"
#include "platform/masking.h"
#include "platform/settings.h"

namespace facepos::checkout {

using drivers::KeypadKey;
using namespace std::chrono_literals;

namespace {

const QString kIdle = QStringLiteral("idle");
const QString kAmount = QStringLiteral("amount");
const QString kPay = QStringLiteral("pay");
const QString kWaiting = QStringLiteral("waiting");
const QString kCash = QStringLiteral("cash");
const QString kResult = QStringLiteral("result");
const QString kConsent = QStringLiteral("consent");
const QString kFace = QStringLiteral("face");
const QString kPhone = QStringLiteral("phone");
const QString kReceiptAction = QStringLiteral("receipt");

// Integer part up to 9 digits: more than any configurable maximum (1 000 000 yuan), so an over-long amount is
// refused with a message on confirm instead of vanishing key by key.
constexpr int kMaxIntegerDigits = 9;
constexpr int kMaxNoteLength = 128;

// Fen from yuan text ("12", "12.5", "12.50", "0.05", "12."); nullopt when it is not such an amount.
std::optional<qint64> parseYuan(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,9})(?:\\.([0-9]{0,2}))?$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch()) return std::nullopt;
    const QString cents = (match.captured(2) + QStringLiteral("00")).left(2);
    return match.captured(1).toLongLong() * 100 + cents.toLongLong();
}

QString yuan(qint64 fen) {
    const qint64 magnitude = fen < 0 ? -fen : fen;
    return QStringLiteral("%1¥%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString statusName(store::OrderStatus status) {
    switch (status) {
        case store::OrderStatus::Paid:
            return QStringLiteral("paid");
        case store::OrderStatus::Failed:
            return QStringLiteral("failed");
        case store::OrderStatus::Closed:
            return QStringLiteral("closed");
        case store::OrderStatus::Reversed:
            return QStringLiteral("reversed");
        default:
            return QStringLiteral("failed");
    }
}

QString phaseName(PaymentPhase phase) {
    switch (phase) {
        case PaymentPhase::Charging:
            return QStringLiteral("charging");
        case PaymentPhase::WaitingForCustomer:
            return QStringLiteral("customer");
        case PaymentPhase::Checking:
            return QStringLiteral("checking");
        case PaymentPhase::Cancelling:
            return QStringLiteral("cancelling");
    }
    return QStringLiteral("charging");
}

// Receipts are printed in Chinese whatever the screen's language (docs/printing.md).
QString receiptMethod(const QString& channel) {
    if (channel == QLatin1String("wechat")) return QStringLiteral("微信支付");
    if (channel == QLatin1String("alipay")) return QStringLiteral("支付宝");
    if (channel == QLatin1String("unionpay")) return QStringLiteral("云闪付");
    if (channel == QLatin1String("face")) return QStringLiteral("刷脸支付");
    return QStringLiteral("现金");
}

bool isEntryKey(KeypadKey key) {
    switch (key) {
        case KeypadKey::Confirm:
        case KeypadKey::Cancel:
        case KeypadKey::FacePay:
        case KeypadKey::Settings:
        case KeypadKey::F1:
        case KeypadKey::F2:
        case KeypadKey::F3:
        case KeypadKey::F4:
            return false;
        default:
            return true;
    }
}

}  // namespace

CheckoutController::Options CheckoutController::Options::fromSettings(const Settings& settings) {
    Options options;
    options.maxAmountFen = settings.integer(u"checkout.max_amount_fen");
    options.receiptCopies = static_cast<int>(settings.integer(u"checkout.receipt_copies"));
    options.resultReturn = settings.duration(u"checkout.result_return_s");
    return options;
}

CheckoutController::CheckoutController(store::OrderStore& orders, store::SalesGate& gate,
                                       session::DeviceBinding& binding, session::SessionManager& session,
                                       session::ShiftManager& shift, PaymentEngine& engine, DeviceManager& devices,
                                       CustomerDisplay& display, std::shared_ptr<const IClock> clock, Options options,
                                       QObject* parent)
    : QObject(parent),
      m_orders(orders),
      m_gate(gate),
      m_binding(binding),
      m_session(session),
      m_shift(shift),
      m_engine(engine),
      m_devices(devices),
      m_display(display),
      m_clock(std::move(clock)),
      m_options(options) {
    connect(&m_devices.keypad(), &drivers::IKeypad::keyPressed, this, &CheckoutController::handleKey);
    connect(&m_devices.scanner(), &drivers::IBarcodeScanner::scanned, this, &CheckoutController::handleScan);
    connect(&m_devices, &DeviceManager::actionFinished, this, &CheckoutController::onPrinterAction);
    connect(&m_engine, &PaymentEngine::progress, this, &CheckoutController::onProgress);
    connect(&m_engine, &PaymentEngine::finished, this, &CheckoutController::onFinished);
    connect(&m_engine, &PaymentEngine::phoneConfirmationNeeded, this, &CheckoutController::onPhoneNeeded);
    connect(&m_engine, &PaymentEngine::recoveryFinished, this, [this](int resolved) {
        m_recovering = false;
        if (resolved > 0)
            qCInfo(lcPayment) << resolved << "payment(s) interrupted by the last stop were resolved at start-up";
        emit changed();
    });
    // Signing out (or being signed out) ends the checkout, unless a payment is still running: its result must be
    // seen and its receipt printed.
    connect(&m_session, &session::SessionManager::changed, this, [this] {
        if (!m_session.signedIn() && m_stage != kIdle && !paymentRunning()) leave();
    });

    m_waitingTimer.setInterval(1s);
    connect(&m_waitingTimer, &QTimer::timeout, this, &CheckoutController::waitingTick);
    m_returnTimer.setSingleShot(true);
    connect(&m_returnTimer, &QTimer::timeout, this, [this] {
        m_returnTick.stop();
        if (m_stage == kResult) newSale();
    });
    if (QCoreApplication::instance()) QCoreApplication::instance()->installEventFilter(this);
    m_returnTick.setInterval(1s);
    connect(&m_returnTick, &QTimer::timeout, this, &CheckoutController::returnTick);
}

CheckoutController::~CheckoutController() = default;

qint64 CheckoutController::amountFen() const {
    return parseYuan(m_amountText).value_or(0);
}

qint64 CheckoutController::tenderedFen() const {
    return parseYuan(m_tenderedText).value_or(0);
}

qint64 CheckoutController::changeFen() const {
    const qint64 change = tenderedFen() - amountFen();
    return change > 0 ? change : 0;
}

QString CheckoutController::channelText() const {
    if (m_channel == QLatin1String("wechat")) return tr("WeChat Pay");
    if (m_channel == QLatin1String("alipay")) return tr("Alipay");
    if (m_channel == QLatin1String("unionpay")) return tr("UnionPay");
    if (m_channel == QLatin1String("cash")) return tr("Cash");
    if (m_channel == QLatin1String("face")) return tr("Face pay");
    return {};
}

QString CheckoutController::phaseText() const {
    if (m_phase == QLatin1String("charging")) return tr("Sending the payment to the wallet…");
    if (m_phase == QLatin1String("customer")) return tr("Waiting for the customer to confirm on the phone");
    if (m_phase == QLatin1String("checking")) return tr("Checking the payment result with the wallet…");
    if (m_phase == QLatin1String("cancelling")) return tr("Cancelling the payment…");
    return {};
}

int CheckoutController::waitingSeconds() const {
    if (m_stage != kWaiting) return 0;
    const auto since = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock->steadyNow() - m_progressAt);
    return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(m_elapsedAtProgress + since).count());
}

bool CheckoutController::canCancel() const {
    return (m_stage == kWaiting || m_stage == kPhone) && !m_cancelRequested && m_phase != QLatin1String("cancelling");
}

QString CheckoutController::resultTitle() const {
    if (m_resultStatus == QLatin1String("paid")) return tr("Payment received");
    if (m_resultStatus == QLatin1String("failed")) return tr("Payment failed");
    if (m_resultStatus == QLatin1String("closed")) return tr("Order closed, nothing charged");
    if (m_resultStatus == QLatin1String("reversed")) return tr("Payment cancelled and reversed");
    return {};
}

QString CheckoutController::resultDetail() const {
    if (m_resultStatus.isEmpty()) return {};
    if (m_resultOrderStatus == store::OrderStatus::Paid) {
        if (m_lastOrder && m_lastOrder->cashReceivedFee)
            return tr("Cash: %1 received, change %2.").arg(yuan(*m_lastOrder->cashReceivedFee), yuan(m_lastChangeFen));
        return tr("%1, code %2.").arg(channelText(), m_maskedCode);
    }
    // The engine words every ending for the cashier (what happened and what to do); these stand in without a reason.
    if (!m_resultReason.isEmpty()) return PaymentMessages::reasonText(m_resultOrderStatus, m_resultReason);
    switch (m_resultOrderStatus) {
        case store::OrderStatus::Failed:
            return tr(
                "The wallet declined the payment. Nothing was charged: ask the customer for another way to "
                "pay.");
        case store::OrderStatus::Closed:
            return tr("The order was closed before the customer paid. Nothing was charged.");
        default:
            return tr("The payment was reversed: if money was taken, the wallet returns it to the customer.");
    }
}

bool CheckoutController::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) emit changed();
    return QObject::eventFilter(watched, event);
}

int CheckoutController::returnSecondsLeft() const {
    if (!m_returnTimer.isActive()) return 0;
    const auto left = m_returnAt - m_clock->steadyNow();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count();
    return ms <= 0 ? 0 : static_cast<int>((ms + 999) / 1000);
}

void CheckoutController::setStage(const QString& stage) {
    if (m_stage == stage) return;
    qCDebug(lcPayment) << "checkout stage" << m_stage << "->" << stage;
    m_stage = stage;
    if (stage == kWaiting)
        m_waitingTimer.start();
    else
        m_waitingTimer.stop();
}

bool CheckoutController::paymentRunning() const {
    return m_stage == kWaiting || m_stage == kPhone;
}

bool CheckoutController::fail(const QString& code, const QString& text) {
    m_messageCode = code;
    m_message = text;
    emit changed();
    return false;
}

void CheckoutController::clearMessage() {
    if (m_messageCode.isEmpty() && m_message.isEmpty()) return;
    m_messageCode.clear();
    m_message.clear();
    emit changed();
}

bool CheckoutController::begin() {
    if (paymentRunning())
        return fail(QStringLiteral("checkout.busy"), tr("A payment is in progress: wait for its result."));
    newSale();
    return true;
}

bool CheckoutController::leave() {
    if (paymentRunning())
        return fail(QStringLiteral("checkout.busy"), tr("A payment is in progress: wait for its result."));
    if (m_face) m_face->end();
    m_returnTimer.stop();
    m_returnTick.stop();
    setStage(kIdle);
    m_messageCode.clear();
    m_message.clear();
    m_display.showWelcome();
    emit changed();
    return true;
}

void CheckoutController::newSale() {
    if (paymentRunning()) return;
    if (m_face) m_face->end();
    m_phoneDigits.clear();
    m_phoneAttemptsLeft = 0;
    m_phoneWrong = false;
    m_returnTimer.stop();
    m_returnTick.stop();
    m_amountText.clear();
    m_note.clear();
    m_tenderedText.clear();
    m_orderNo.clear();
    m_channel.clear();
    m_maskedCode.clear();
    m_phase.clear();
    m_cancelRequested = false;
    m_resultStatus.clear();
    m_resultReason.clear();
    m_messageCode.clear();
    m_message.clear();
    m_walletAvailable = true;
    m_walletNotice.clear();
    setStage(kAmount);
    m_display.showWelcome();
    emit changed();
}

void CheckoutController::pressKey(const QString& name) {
    if (auto key = drivers::keypadKeyFromName(name)) handleKey(*key);
}

void CheckoutController::handleKey(KeypadKey key) {
    if (m_stage == kIdle) return;
    if (key == KeypadKey::FacePay) {
        if (m_stage == kPay) chooseFace();
        return;
    }
    if (m_stage == kConsent) {
        if (key == KeypadKey::Confirm)
            acceptConsent();
        else if (key == KeypadKey::Cancel)
            usePaymentCode();
        return;
    }
    if (m_stage == kFace) {
        if (key == KeypadKey::Cancel) usePaymentCode();
        return;
    }
    if (m_stage == kPhone) {
        if (key == KeypadKey::Confirm) {
            confirmPhone();
        } else if (key == KeypadKey::Cancel) {
            cancelPayment();
        } else if (key == KeypadKey::Backspace) {
            m_phoneDigits.chop(1);
            emit changed();
        } else if (key == KeypadKey::Clear) {
            m_phoneDigits.clear();
            emit changed();
        } else if (const QString name = drivers::keypadKeyName(key); name.size() == 1 && name[0].isDigit()) {
            if (m_phoneDigits.size() < 4) m_phoneDigits += name;
            emit changed();
        }
        return;
    }
    if (m_stage == kAmount) {
        if (key == KeypadKey::Confirm)
            confirmAmount();
        else if (key == KeypadKey::Cancel)
            editEntry(Entry::Amount, KeypadKey::Clear);
        else if (isEntryKey(key))
            editEntry(Entry::Amount, key);
    } else if (m_stage == kPay) {
        if (key == KeypadKey::Cancel) backToAmount();
    } else if (m_stage == kWaiting) {
        if (key == KeypadKey::Cancel) cancelPayment();
    } else if (m_stage == kCash) {
        if (key == KeypadKey::Confirm)
            confirmCash();
        else if (key == KeypadKey::Cancel)
            backToPay();
        else if (isEntryKey(key))
            editEntry(Entry::Tendered, key);
    } else if (m_stage == kResult) {
        // The next customer: confirm or cancel clears the result, a digit starts the next amount at once.
        if (key == KeypadKey::Confirm || key == KeypadKey::Cancel) {
            newSale();
        } else if (isEntryKey(key)) {
            newSale();
            editEntry(Entry::Amount, key);
        }
    }
}

void CheckoutController::editEntry(Entry entry, KeypadKey key) {
    QString& text = entry == Entry::Amount ? m_amountText : m_tenderedText;
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    auto appendDigit = [&text](QChar digit) {
        const qsizetype at = text.indexOf(QLatin1Char('.'));
        if (at >= 0) {
            if (text.size() - at - 1 >= 2) return;  // two decimals: fen is the smallest unit
        } else {
            if (text == QLatin1String("0")) text.clear();  // no leading zeros
            if (text.size() >= kMaxIntegerDigits) return;
        }
        text.append(digit);
    };
    switch (key) {
        case KeypadKey::Dot:
            if (dot < 0) text.append(text.isEmpty() ? QStringLiteral("0.") : QStringLiteral("."));
            break;
        case KeypadKey::DoubleZero:
            if (text.isEmpty()) break;  // "00" first would be a leading zero
            appendDigit(QLatin1Char('0'));
            appendDigit(QLatin1Char('0'));
            break;
        case KeypadKey::Backspace:
            text.chop(1);
            break;
        case KeypadKey::Clear:
            text.clear();
            break;
        default: {
            const QString name = drivers::keypadKeyName(key);
            if (name.size() == 1 && name.at(0).isDigit()) appendDigit(name.at(0));
            break;
        }
    }
    m_messageCode.clear();
    m_message.clear();
    if (entry == Entry::Amount) m_display.showAmount(amountFen());
    emit changed();
}

bool CheckoutController::setAmountText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('-')))
        return fail(QStringLiteral("checkout.negative_amount"), tr("The amount cannot be negative."));
    if (!trimmed.isEmpty() && !parseYuan(trimmed)) {
        return fail(QStringLiteral("checkout.bad_amount"),
                    tr("Enter the amount in yuan with at most two decimals, e.g. 12 or 12.50."));
    }
    m_amountText = trimmed;
    m_messageCode.clear();
    m_message.clear();
    m_display.showAmount(amountFen());
    emit changed();
    return true;
}

void CheckoutController::setNote(const QString& note) {
    const QString trimmed = note.trimmed().left(kMaxNoteLength);
    if (trimmed == m_note) return;
    m_note = trimmed;
    emit changed();
}

std::optional<std::pair<QString, QString>> CheckoutController::saleBlocker() const {
    if (m_binding.state() != session::DeviceBinding::State::Activated)
        return std::pair{QStringLiteral("checkout.not_activated"),
                         tr("This terminal is not activated yet, so it cannot take payments.")};
    if (!m_session.signedIn())
        return std::pair{QStringLiteral("checkout.not_signed_in"),
                         tr("Sign in first: every sale records who took it.")};
    if (!m_session.isMerchant() && !m_shift.isOpen())
        return std::pair{QStringLiteral("checkout.no_shift"),
                         tr("Open your shift first (Home → Shift handover): clerks take payments within a shift.")};
    if (m_recovering)
        return std::pair{QStringLiteral("checkout.recovering"),
                         tr("Payments interrupted by the last restart are being resolved. Wait a moment and try "
                            "again.")};
    return std::nullopt;
}

QString CheckoutController::gateText(const Error& error) const {
    const QString& code = error.code;
    if (code == QLatin1String("sale.offline"))
        return tr(
            "The terminal is offline: payment codes need the network. Take cash, or wait until the network is "
            "back.");
    if (code == QLatin1String("sale.offline_cash_count"))
        return tr(
            "Too many cash sales are waiting to be synced. Wait until the terminal is online again and has "
            "synced.");
    if (code == QLatin1String("sale.offline_cash_total"))
        return tr(
            "The cash taken while offline has reached its limit. Wait until the terminal is online again and "
            "has synced.");
    if (code == QLatin1String("sale.disk_full"))
        return tr("The terminal's storage is full: no new sale can start. Call support.");
    return tr("The sale cannot start: %1").arg(error.message);
}

bool CheckoutController::checkGate(const QString& channel) {
    if (auto blocked = saleBlocker()) return fail(blocked->first, blocked->second);
    if (auto gate = m_gate.check(channel, amountFen()); !gate) {
        qCWarning(lcPayment) << "sale refused:" << gate.error().code << gate.error().message;
        return fail(gate.error().code, gateText(gate.error()));
    }
    return true;
}

bool CheckoutController::confirmAmount() {
    if (m_stage != kAmount) return false;
    if (auto blocked = saleBlocker()) return fail(blocked->first, blocked->second);
    const qint64 fen = amountFen();
    if (fen <= 0) return fail(QStringLiteral("checkout.zero_amount"), tr("Enter an amount greater than zero."));
    if (fen > m_options.maxAmountFen) {
        return fail(QStringLiteral("checkout.over_maximum"),
                    tr("The most one sale can take is %1. Split the sale or check the amount.")
                        .arg(yuan(m_options.maxAmountFen)));
    }
    // Storage is needed by every way to pay; the network only by the wallets (the pay page says so).
    if (auto gate = m_gate.check(QStringLiteral("cash"), 0);
        !gate && gate.error().code == QLatin1String("sale.disk_full"))
        return fail(gate.error().code, gateText(gate.error()));
    m_messageCode.clear();
    m_message.clear();
    m_display.showAmount(fen);
    setStage(kPay);
    refreshGate();
    if (m_walletAvailable) m_devices.say(drivers::Prompt::ShowPaymentCode);
    emit changed();
    return true;
}

void CheckoutController::refreshGate() {
    if (m_stage != kPay) return;
    auto gate = m_gate.check(QStringLiteral("wechat"), amountFen());
    m_walletAvailable = gate.ok();
    m_walletNotice = gate.ok() ? tr("Payment codes need the network: the terminal is online. Ask the customer to "
                                    "show the payment code to the scanner.")
                               : gateText(gate.error());
    // The customer is asked for a code only when one can be taken; otherwise the screen shows the amount.
    if (m_walletAvailable)
        m_display.showPaying();
    else
        m_display.showAmount(amountFen());
    emit changed();
}

void CheckoutController::backToAmount() {
    if (m_stage != kPay) return;
    m_messageCode.clear();
    m_message.clear();
    m_display.showAmount(amountFen());
    setStage(kAmount);
    emit changed();
}

bool CheckoutController::chooseCash() {
    if (m_stage != kPay) return false;
    if (!checkGate(QStringLiteral("cash"))) return false;
    m_tenderedText.clear();
    m_messageCode.clear();
    m_message.clear();
    m_display.showAmount(amountFen());
    setStage(kCash);
    emit changed();
    return true;
}

void CheckoutController::backToPay() {
    if (m_stage != kCash) return;
    m_messageCode.clear();
    m_message.clear();
    setStage(kPay);
    refreshGate();
    emit changed();
}

bool CheckoutController::setTenderedText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty() && !parseYuan(trimmed)) {
        return fail(QStringLiteral("checkout.bad_amount"),
                    tr("Enter the cash received in yuan with at most two decimals, e.g. 100 or 100.00."));
    }
    m_tenderedText = trimmed;
    m_messageCode.clear();
    m_message.clear();
    emit changed();
    return true;
}

void CheckoutController::tenderExact() {
    if (m_stage != kCash) return;
    const qint64 fen = amountFen();
    m_tenderedText = QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
    m_messageCode.clear();
    m_message.clear();
    emit changed();
}

store::NewOrder CheckoutController::newOrder(const QString& channel) const {
    store::NewOrder order;
    order.channel = channel;
    order.totalFee = amountFen();
    order.operatorId = m_session.operatorId();
    order.shiftNo = m_shift.isOpen() ? m_shift.shiftNo() : QString();
    order.note = m_note;
    return order;
}

bool CheckoutController::confirmCash() {
    if (m_stage != kCash) return false;
    const qint64 payable = amountFen();
    const qint64 tendered = tenderedFen();
    if (tendered < payable) {
        return fail(QStringLiteral("checkout.cash_short"),
                    tr("%1 received is less than the %2 to pay.").arg(yuan(tendered), yuan(payable)));
    }
    if (!checkGate(QStringLiteral("cash"))) return false;
    auto sold = m_orders.recordCashSale(newOrder(QStringLiteral("cash")), store::CashTender{tendered});
    if (!sold) {
        qCWarning(lcPayment) << "cash sale not recorded:" << sold.error().code << sold.error().message;
        return fail(sold.error().code, tr("The sale could not be saved, nothing was recorded: %1. Keep the cash "
                                          "separate and call support.")
                                           .arg(sold.error().message));
    }
    qCInfo(lcPayment) << "cash sale" << sold->mchOrderNo << "paid" << sold->payableFee << "fen";
    m_devices.kickDrawer();
    if (auto event = m_orders.recordEvent(QStringLiteral("drawer_open"),
                                          {{QStringLiteral("mch_order_no"), sold->mchOrderNo},
                                           {QStringLiteral("reason"), QStringLiteral("cash_sale")}});
        !event)
        qCWarning(lcPayment) << "drawer event not recorded:" << event.error().message;
    m_orderNo = sold->mchOrderNo;
    m_channel = QStringLiteral("cash");
    m_maskedCode.clear();
    m_lastChangeFen = sold->changeFee.value_or(0);
    m_lastOrder = *sold;
    showResult(store::OrderStatus::Paid, {});
    return true;
}

void CheckoutController::handleScan(const drivers::ScanClassification& scan) {
    if (m_stage == kIdle) return;
    switch (scan.kind) {
        case drivers::ScanKind::Rejected:
            qCInfo(lcPayment) << "scan rejected:" << scan.reason;
            fail(QStringLiteral("checkout.unreadable"),
                 tr("The code was not read completely. Nothing was charged: ask the customer to show it again."));
            return;
        case drivers::ScanKind::MemberCard:
            fail(QStringLiteral("checkout.member_card"),
                 tr("That is a member card, not a payment code. Nothing was charged: ask the customer for the "
                    "payment code."));
            return;
        case drivers::ScanKind::Voucher:
            fail(QStringLiteral("checkout.voucher"),
                 tr("That is a voucher, not a payment code. Nothing was charged: ask the customer for the payment "
                    "code."));
            return;
        case drivers::ScanKind::Unknown:
            qCInfo(lcPayment) << "scan of no wallet:" << maskDigitRuns(scan.code);
            fail(QStringLiteral("checkout.not_a_payment_code"),
                 tr("This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged: ask the customer "
                    "to open the payment code in the wallet app."));
            return;
        case drivers::ScanKind::PaymentCode:
            break;
    }
    if (paymentRunning()) {
        qCInfo(lcPayment) << "scan" << maskPaymentCode(scan.code) << "ignored: payment" << m_orderNo << "in progress";
        fail(QStringLiteral("checkout.busy"),
             tr("A payment is in progress: this scan was ignored and nothing was charged for it. Wait for the "
                "result."));
        return;
    }
    if (m_stage == kAmount) {
        fail(QStringLiteral("checkout.amount_first"),
             tr("Enter the amount and confirm it before the customer shows the payment code. Nothing was charged."));
        return;
    }
    if (m_stage == kCash) {
        fail(QStringLiteral("checkout.cash_selected"),
             tr("This sale is being paid in cash; nothing was charged. Go back to take the payment code instead."));
        return;
    }
    if (m_stage == kResult) {
        fail(QStringLiteral("checkout.new_sale_first"),
             tr("This sale is over; nothing was charged. Enter the next amount first."));
        return;
    }
    if (m_stage == kConsent || m_stage == kFace) {
        // The customer shows a payment code instead of the face: the capture stops, the code is charged.
        if (m_face) m_face->end();
        setStage(kPay);
    }
    startPayment(scan);
}

bool CheckoutController::startPayment(const drivers::ScanClassification& scan) {
    const QString channel = drivers::walletName(scan.wallet);
    const QString masked = maskPaymentCode(scan.code);
    if (!checkGate(channel)) return false;
    auto created = openOrder(channel, masked);
    if (!created) return false;
    qCInfo(lcPayment) << "order" << m_orderNo << channel << created->payableFee << "fen, code" << masked;
    if (auto started = m_engine.startMicropay(*created, scan.code); !started) return abandonOrder(started.error());
    return true;
}

std::optional<store::OrderRecord> CheckoutController::openOrder(const QString& channel, const QString& masked) {
    // The order is committed with its number, operator and shift before anything is sent (§11.2).
    auto created = m_orders.createOrder(newOrder(channel));
    if (!created) {
        qCWarning(lcPayment) << "order not created:" << created.error().code << created.error().message;
        fail(created.error().code,
             tr("The sale could not be saved, nothing was charged: %1").arg(created.error().message));
        return std::nullopt;
    }
    m_orderNo = created->mchOrderNo;
    m_channel = channel;
    m_maskedCode = masked;
    m_phase = QStringLiteral("charging");
    m_elapsedAtProgress = 0ms;
    m_progressAt = m_clock->steadyNow();
    m_cancelRequested = false;
    m_messageCode.clear();
    m_message.clear();
    m_lastOrder = *created;
    m_lastReceipt.reset();
    m_printMessage.clear();
    setStage(kWaiting);
    m_display.showProcessing(false);
    emit changed();
    return *created;
}

bool CheckoutController::abandonOrder(const Error& error) {
    qCWarning(lcPayment) << "payment" << m_orderNo << "not started:" << error.code << error.message;
    store::OrderOutcome outcome;
    outcome.status = store::OrderStatus::Failed;
    if (auto finished = m_orders.finishOrder(m_orderNo, outcome); !finished)
        qCWarning(lcPayment) << "order" << m_orderNo << "not closed:" << finished.error().message;
    setStage(kPay);
    m_phase.clear();
    return fail(error.code, tr("The payment could not start, nothing was charged: %1").arg(error.message));
}

bool CheckoutController::cancelPayment() {
    if (!canCancel()) return false;
    if (!m_engine.cancel(m_orderNo)) return false;
    qCInfo(lcPayment) << "cashier cancelled payment" << m_orderNo;
    m_cancelRequested = true;
    emit changed();
    return true;
}

void CheckoutController::onProgress(const PaymentProgress& progress) {
    if (progress.mchOrderNo != m_orderNo || !paymentRunning()) return;
    m_phase = phaseName(progress.phase);
    m_elapsedAtProgress = progress.elapsed;
    m_progressAt = m_clock->steadyNow();
    m_cancelRequested = m_cancelRequested || progress.cancelRequested;
    if (m_stage != kPhone) m_display.showProcessing(progress.phase == PaymentPhase::WaitingForCustomer);
    emit changed();
    emit waitingTick();
}

void CheckoutController::onFinished(const PaymentResult& result) {
    if (result.recovered || result.mchOrderNo != m_orderNo || !paymentRunning()) {
        qCInfo(lcPayment) << "payment" << result.mchOrderNo << "ended" << store::orderStatusName(result.status)
                          << (result.recovered ? "(recovered at start-up)" : "");
        return;
    }
    if (auto stored = m_orders.order(result.mchOrderNo); stored && stored->has_value()) m_lastOrder = **stored;
    if (m_lastOrder) {
        m_lastOrder->status = result.status;
        if (m_lastOrder->platformOrderNo.isEmpty()) m_lastOrder->platformOrderNo = result.platformOrderNo;
        if (m_lastOrder->channelOrderNo.isEmpty()) m_lastOrder->channelOrderNo = result.channelOrderNo;
    }
    m_lastChangeFen = 0;
    showResult(result.status, result.reasonCode);
}

void CheckoutController::showResult(store::OrderStatus status, const QString& reasonCode) {
    m_resultStatus = statusName(status);
    m_resultOrderStatus = status;
    m_resultReason = reasonCode;
    m_phase.clear();
    m_printMessage.clear();
    m_messageCode.clear();
    m_message.clear();
    setStage(kResult);
    const bool paid = status == store::OrderStatus::Paid;
    const qint64 payable = m_lastOrder ? m_lastOrder->payableFee : amountFen();
    qCInfo(lcPayment) << "order" << m_orderNo << "ended" << store::orderStatusName(status);
    m_devices.say(paid ? drivers::Prompt::PaymentSucceeded : drivers::Prompt::PaymentFailed, payable);
    m_display.showResult(paid, paid ? tr("Paid %1").arg(yuan(payable)) : resultTitle());
    if (paid && m_lastOrder) {
        m_lastReceipt = receiptFor(*m_lastOrder);
        if (m_options.receiptCopies > 0) printReceipt(false);
    }
    startReturnTimer();
    emit changed();
}

drivers::Receipt CheckoutController::receiptFor(const store::OrderRecord& order) const {
    drivers::Receipt receipt;
    receipt.storeName = m_binding.storeName();
    receipt.orderNo = order.mchOrderNo;
    receipt.time = (order.paidAt.isValid() ? order.paidAt : m_clock->nowUtc()).toLocalTime();
    const QString id = m_session.employeeNo().isEmpty() ? order.operatorId : m_session.employeeNo();
    receipt.cashier = m_session.displayName().isEmpty() ? order.operatorId
                                                        : QStringLiteral("%1 (%2)").arg(m_session.displayName(), id);
    receipt.totalFen = order.totalFee;
    receipt.payableFen = order.payableFee;
    receipt.paymentMethod = receiptMethod(order.channel);
    receipt.maskedPaymentCode = order.channel == QLatin1String("cash") ? QString() : m_maskedCode;
    receipt.platformOrderNo = order.platformOrderNo;
    receipt.code = order.platformOrderNo.isEmpty() ? drivers::ReceiptCode::None : drivers::ReceiptCode::Code128;
    if (order.cashReceivedFee)
        receipt.footer
            << QStringLiteral("实收 %1  找零 %2").arg(yuan(*order.cashReceivedFee), yuan(order.changeFee.value_or(0)));
    if (!order.note.isEmpty()) receipt.footer << QStringLiteral("备注：") + order.note;
    receipt.footer << QStringLiteral("谢谢惠顾，欢迎再次光临");
    return receipt;
}

void CheckoutController::printReceipt(bool reprint) {
    if (!m_lastReceipt) return;
    drivers::Receipt receipt = *m_lastReceipt;
    receipt.reprint = reprint;
    const drivers::ReceiptLayout layout(m_devices.paperWidth());
    const int copies = reprint ? 1 : m_options.receiptCopies;
    const QList<QByteArray> jobs = copies >= 2 ? layout.renderCopies(receipt, copies) : QList{layout.render(receipt)};
    m_printMessage.clear();
    for (const QByteArray& job : jobs) {
        ++m_receiptJobsPending;
        m_devices.printJob(job, kReceiptAction);
    }
    qCInfo(lcPayment) << (reprint ? "reprinting" : "printing") << jobs.size() << "receipt(s) of" << receipt.orderNo;
}

bool CheckoutController::reprint() {
    if (!m_lastReceipt) return false;
    // Reading the result and the reprint take longer than the automatic return: the cashier returns by hand.
    m_returnTimer.stop();
    m_returnTick.stop();
    printReceipt(true);
    emit changed();
    emit returnTick();
    return true;
}

void CheckoutController::onPrinterAction() {
    if (m_devices.lastAction() != kReceiptAction || m_receiptJobsPending == 0) return;
    --m_receiptJobsPending;
    const QString orderNo = m_lastReceipt ? m_lastReceipt->orderNo : QString();
    if (m_devices.lastActionOk()) {
        if (auto event =
                m_orders.recordEvent(QStringLiteral("receipt_printed"), {{QStringLiteral("mch_order_no"), orderNo}});
            !event)
            qCWarning(lcPayment) << "receipt event not recorded:" << event.error().message;
        return;
    }
    qCWarning(lcPayment) << "receipt of" << orderNo << "not printed:" << m_devices.lastActionMessage();
    m_printMessage = tr("The receipt was not printed (%1). The payment stands. Fix the printer, e.g. load paper, "
                        "then press Reprint.")
                         .arg(m_devices.lastActionMessage());
    // The message must be read and the reprint reachable: the result stays until the cashier moves on.
    m_returnTimer.stop();
    m_returnTick.stop();
    emit changed();
    emit returnTick();
}

void CheckoutController::startReturnTimer() {
    m_returnTimer.stop();
    m_returnTick.stop();
    if (m_options.resultReturn <= 0ms) return;
    m_returnAt = m_clock->steadyNow() + m_options.resultReturn;
    m_returnTimer.start(m_options.resultReturn);
    m_returnTick.start();
    emit returnTick();
}

void CheckoutController::resumeUnfinished() {
    m_recovering = true;
    emit changed();
    m_engine.resumeUnfinished();
}

// ---- face pay ------------------------------------------------------------------------------------------------

void CheckoutController::setFaceCheckout(FaceCheckout* face) {
    if (m_face) disconnect(m_face, nullptr, this, nullptr);
    m_face = face;
    if (!m_face) return;
    connect(m_face, &FaceCheckout::captured, this, &CheckoutController::onFaceCaptured);
    connect(m_face, &FaceCheckout::failed, this, &CheckoutController::onFaceFailed);
    connect(m_face, &FaceCheckout::changed, this, &CheckoutController::changed);
}

bool CheckoutController::faceAvailable() const {
    return m_face && m_face->available() && m_walletAvailable;
}

QString CheckoutController::faceNotice() const {
    if (!m_face) return tr("This terminal has no camera: face pay is not available.");
    if (!m_face->available()) return m_face->unavailableText();
    if (!m_walletAvailable) return tr("Face pay needs the network.");
    return {};
}

bool CheckoutController::chooseFace() {
    if (m_stage != kPay) return false;
    if (!m_face || !m_face->available()) return fail(QStringLiteral("checkout.face_unavailable"), faceNotice());
    if (!checkGate(QStringLiteral("face"))) return false;
    m_messageCode.clear();
    m_message.clear();
    if (m_face->consentRequired()) {
        m_display.showAmount(amountFen());
        setStage(kConsent);
        emit changed();
        return true;
    }
    startFace();
    return true;
}

bool CheckoutController::acceptConsent() {
    if (m_stage != kConsent) return false;
    startFace();
    return true;
}

void CheckoutController::startFace() {
    setStage(kFace);
    m_display.showFaceCapture();
    emit changed();
    m_face->begin(m_session.operatorId());
}

void CheckoutController::usePaymentCode() {
    if (m_stage != kConsent && m_stage != kFace) return;
    if (m_face) m_face->end();
    m_messageCode.clear();
    m_message.clear();
    setStage(kPay);
    m_display.showAmount(amountFen());
    refreshGate();
    m_devices.say(drivers::Prompt::ShowPaymentCode);
    emit changed();
}

void CheckoutController::onFaceCaptured(const face::SealedFace& face) {
    if (m_stage != kFace) return;
    if (!checkGate(QStringLiteral("face"))) {
        setStage(kPay);
        refreshGate();
        return;
    }
    auto created = openOrder(QStringLiteral("face"), QString());
    if (!created) {
        setStage(kPay);
        refreshGate();
        return;
    }
    qCInfo(lcPayment) << "order" << m_orderNo << "face" << created->payableFee << "fen, liveness" << face.livenessScore;
    if (auto started = m_engine.startFacePay(*created, face); !started) abandonOrder(started.error());
}

void CheckoutController::onFaceFailed(const QString& code, const QString& text) {
    if (m_stage != kFace) return;
    setStage(kPay);
    m_display.showAmount(amountFen());
    refreshGate();
    fail(code, text);
    m_devices.say(drivers::Prompt::ShowPaymentCode);
}

void CheckoutController::onPhoneNeeded(const QString& mchOrderNo, int attemptsLeft, bool wrongDigits) {
    if (mchOrderNo != m_orderNo || !paymentRunning()) return;
    m_phoneDigits.clear();
    m_phoneAttemptsLeft = attemptsLeft;
    m_phoneWrong = wrongDigits;
    m_messageCode.clear();
    m_message.clear();
    setStage(kPhone);
    m_display.showPhoneDigits();
    m_devices.say(drivers::Prompt::EnterPhoneDigits);
    emit changed();
}

bool CheckoutController::confirmPhone() {
    if (m_stage != kPhone) return false;
    if (m_phoneDigits.size() != 4)
        return fail(QStringLiteral("checkout.phone_digits"),
                    tr("Enter exactly 4 digits: the end of the phone number."));
    if (auto sent = m_engine.confirmPhone(m_orderNo, m_phoneDigits); !sent)
        return fail(sent.error().code, tr("The digits could not be sent: %1").arg(sent.error().message));
    m_phoneDigits.clear();
    m_phoneWrong = false;
    m_phase = QStringLiteral("checking");
    setStage(kWaiting);
    m_display.showProcessing(false);
    emit changed();
    return true;
}

}  // namespace facepos::checkout
