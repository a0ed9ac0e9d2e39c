#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <memory>
#include <optional>

#include "app/checkout/payment_engine.h"
#include "app/face/face_types.h"
#include "app/store/store_types.h"
#include "drivers/audio/ivoiceprompter.h"
#include "drivers/input/keypad_key.h"
#include "drivers/input/scan_classifier.h"
#include "drivers/printer/receipt.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos {
class CustomerDisplay;
class DeviceManager;
class Settings;
}  // namespace facepos
namespace facepos::session {
class DeviceBinding;
class SessionManager;
class ShiftManager;
}  // namespace facepos::session
namespace facepos::store {
class OrderStore;
class SalesGate;
}  // namespace facepos::store

namespace facepos::checkout {

class FaceCheckout;

// The cashier's checkout (QML singleton `Checkout`): the sale being made and the steps it goes through, as the
// pages CheckoutAmountPage → CheckoutPayPage (choice, then the wait) → CheckoutCashPage → CheckoutResultPage show it.
//
// Stages ("stage"): idle (no checkout page open: keys and scans are ignored), amount, pay, waiting, cash, result.
//   amount   the amount is typed in fen-exact text on the counter keypad or the on-screen keys, with an optional note;
//            confirm checks it (1 … maxAmountFen) and the sales gate (activated, signed in, a shift open for a
//            clerk, start-up recovery over, storage not full);
//   pay      a payment-code scan from any scanner starts the charge; whether wallets can be used (the network) is
//            said here, before the customer scans; cash leads to the tender;
//   waiting  the order is committed (OrderStore::createOrder) and PaymentEngine::startMicropay runs; the cashier
//            sees the phase and the elapsed seconds and may cancel (it ends by reverse);
//   cash     amount tendered, change; OrderStore::recordCashSale (works offline), then the drawer opens;
//   consent  face pay chosen (button or the keypad's face key): the customer reads what is captured and agrees, or
//            pays by code (face.consent_required; docs/face-pay.md);
//   face     FaceCheckout captures a live face; a payment code scanned meanwhile, the "pay by code" button, a lost
//            camera or the timeout (face.timeout_s) return to pay; the sealed face starts PaymentEngine::startFacePay;
//   phone    the wallet asks for the last 4 digits of the payer's phone (NEED_PHONE_CONFIRM): typed on the keypad,
//            confirm resubmits; cancel closes the order (the payer walked away);
//   result   PAID / FAILED / CLOSED / REVERSED in words, a voice prompt, the customer display, the receipt printed
//            on PAID (checkout.receipt_copies copies; reprint on demand); back to amount after resultReturn.
//
// Every refusal is a value: messageCode (stable: "checkout.*", "sale.*", "store.*", "payment.*") and message (the
// cashier's words in the UI language). Payment codes appear only masked (maskPaymentCode) on screen, in logs and on
// receipts; the full code is handed to the engine and not kept.
//
// Thread ownership: the UI thread, like every service it drives.
class CheckoutController final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString stage READ stage NOTIFY changed)
    Q_PROPERTY(QString amountText READ amountText NOTIFY changed)
    Q_PROPERTY(qint64 amountFen READ amountFen NOTIFY changed)
    Q_PROPERTY(qint64 maxAmountFen READ maxAmountFen CONSTANT)
    Q_PROPERTY(QString note READ note NOTIFY changed)
    Q_PROPERTY(QString messageCode READ messageCode NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool walletAvailable READ walletAvailable NOTIFY changed)
    Q_PROPERTY(QString walletNotice READ walletNotice NOTIFY changed)
    Q_PROPERTY(bool recovering READ recovering NOTIFY changed)
    Q_PROPERTY(QString orderNo READ orderNo NOTIFY changed)
    Q_PROPERTY(QString channel READ channel NOTIFY changed)
    Q_PROPERTY(QString channelText READ channelText NOTIFY changed)
    Q_PROPERTY(QString maskedCode READ maskedCode NOTIFY changed)
    Q_PROPERTY(QString phase READ phase NOTIFY changed)
    Q_PROPERTY(QString phaseText READ phaseText NOTIFY changed)
    Q_PROPERTY(int waitingSeconds READ waitingSeconds NOTIFY waitingTick)
    Q_PROPERTY(bool canCancel READ canCancel NOTIFY changed)
    Q_PROPERTY(QString tenderedText READ tenderedText NOTIFY changed)
    Q_PROPERTY(qint64 tenderedFen READ tenderedFen NOTIFY changed)
    Q_PROPERTY(qint64 changeFen READ changeFen NOTIFY changed)
    Q_PROPERTY(QString resultStatus READ resultStatus NOTIFY changed)
    Q_PROPERTY(QString resultTitle READ resultTitle NOTIFY changed)
    Q_PROPERTY(QString resultDetail READ resultDetail NOTIFY changed)
    Q_PROPERTY(bool resultSuccess READ resultSuccess NOTIFY changed)
    Q_PROPERTY(qint64 resultChangeFen READ resultChangeFen NOTIFY changed)
    Q_PROPERTY(QString printMessage READ printMessage NOTIFY changed)
    Q_PROPERTY(bool canReprint READ canReprint NOTIFY changed)
    Q_PROPERTY(int returnSecondsLeft READ returnSecondsLeft NOTIFY returnTick)
    Q_PROPERTY(bool faceAvailable READ faceAvailable NOTIFY changed)
    Q_PROPERTY(QString faceNotice READ faceNotice NOTIFY changed)
    Q_PROPERTY(QString phoneDigits READ phoneDigits NOTIFY changed)
    Q_PROPERTY(int phoneAttemptsLeft READ phoneAttemptsLeft NOTIFY changed)
    Q_PROPERTY(bool phoneWrong READ phoneWrong NOTIFY changed)

public:
    struct Options {
        qint64 maxAmountFen = 5000000;                 // checkout.max_amount_fen
        int receiptCopies = 1;                         // checkout.receipt_copies: 0 (none) … 2 (customer + merchant)
        std::chrono::milliseconds resultReturn{5000};  // checkout.result_return_s; 0: the result stays

        static Options fromSettings(const Settings& settings);
    };

    CheckoutController(store::OrderStore& orders, store::SalesGate& gate, session::DeviceBinding& binding,
                       session::SessionManager& session, session::ShiftManager& shift, PaymentEngine& engine,
                       DeviceManager& devices, CustomerDisplay& display, std::shared_ptr<const IClock> clock,
                       Options options, QObject* parent = nullptr);
    ~CheckoutController() override;

    QString stage() const { return m_stage; }
    QString amountText() const { return m_amountText; }
    qint64 amountFen() const;
    qint64 maxAmountFen() const { return m_options.maxAmountFen; }
    QString note() const { return m_note; }
    QString messageCode() const { return m_messageCode; }
    QString message() const { return m_message; }
    bool walletAvailable() const { return m_walletAvailable; }
    QString walletNotice() const { return m_walletNotice; }
    bool recovering() const { return m_recovering; }
    QString orderNo() const { return m_orderNo; }
    QString channel() const { return m_channel; }
    QString channelText() const;
    QString maskedCode() const { return m_maskedCode; }
    QString phase() const { return m_phase; }
    QString phaseText() const;
    int waitingSeconds() const;
    bool canCancel() const;
    QString tenderedText() const { return m_tenderedText; }
    qint64 tenderedFen() const;
    qint64 changeFen() const;
    QString resultStatus() const { return m_resultStatus; }
    QString resultTitle() const;
    QString resultDetail() const;
    bool resultSuccess() const { return m_resultStatus == QLatin1String("paid"); }
    qint64 resultChangeFen() const { return m_lastChangeFen; }
    QString printMessage() const { return m_printMessage; }
    bool canReprint() const { return m_lastReceipt.has_value(); }
    int returnSecondsLeft() const;
    bool faceAvailable() const;
    QString faceNotice() const;
    QString phoneDigits() const { return m_phoneDigits; }
    int phoneAttemptsLeft() const { return m_phoneAttemptsLeft; }
    bool phoneWrong() const { return m_phoneWrong; }

    // Face pay (issue 8): the capture step. Null (the default) means no face pay on this terminal.
    void setFaceCheckout(FaceCheckout* face);

    // A checkout page opened: a new sale at the amount stage. Refused (false, message) while a payment runs.
    Q_INVOKABLE bool begin();
    // The checkout pages closed: keys and scans are ignored again. Refused while a payment runs.
    Q_INVOKABLE bool leave();
    // A key of the on-screen keypad, by keypadKeyName(): "0".."9", "dot", "00", "backspace", "clear", "confirm",
    // "cancel". The counter keypad delivers the same keys through DeviceManager's keypad.
    Q_INVOKABLE void pressKey(const QString& name);
    void handleKey(drivers::KeypadKey key);
    // The amount as text in yuan ("12.5", "0.05"); false with a message when it is not such an amount.
    Q_INVOKABLE bool setAmountText(const QString& text);
    Q_INVOKABLE void setNote(const QString& note);
    // amount → pay: the amount and the sales gate are checked. False with a message.
    Q_INVOKABLE bool confirmAmount();
    // pay → amount, to correct the amount.
    Q_INVOKABLE void backToAmount();
    // pay → cash: the gate for cash (offline caps, storage). False with a message.
    Q_INVOKABLE bool chooseCash();
    // cash → pay.
    Q_INVOKABLE void backToPay();
    Q_INVOKABLE bool setTenderedText(const QString& text);
    // The tender is exactly the payable amount (no change).
    Q_INVOKABLE void tenderExact();
    // The cash sale: recorded, drawer opened, result shown. False with a message (too little tendered, a store error).
    Q_INVOKABLE bool confirmCash();
    // A scan, as any scanner delivers it (DeviceManager's scanner is connected to this).
    void handleScan(const drivers::ScanClassification& scan);
    // The cashier cancels the payment being waited for: PaymentEngine::cancel (ends by reverse).
    Q_INVOKABLE bool cancelPayment();
    Q_INVOKABLE bool reprint();
    // pay → consent (or face when no consent is asked): the customer pays by face. False with a message.
    Q_INVOKABLE bool chooseFace();
    // consent → face: the customer agreed.
    Q_INVOKABLE bool acceptConsent();
    // consent / face → pay: the customer pays by payment code instead (always offered).
    Q_INVOKABLE void usePaymentCode();
    // phone: the 4 digits typed are sent (PaymentEngine::confirmPhone). False with a message.
    Q_INVOKABLE bool confirmPhone();
    // result → amount: the next customer.
    Q_INVOKABLE void newSale();
    Q_INVOKABLE void clearMessage();

    // The checkout settings changed (or a test wants other ones); applies from the next sale.
    void setOptions(const Options& options) { m_options = options; }
    const Options& options() const { return m_options; }

    // Start-up: resolves every order a crash left unfinished (PaymentEngine::resumeUnfinished); no sale starts until
    // the engine reports recoveryFinished.
    void resumeUnfinished();
    // The network or the storage changed: the pay page's notice is recomputed.
    void refreshGate();

signals:
    void changed();
    void waitingTick();
    void returnTick();

protected:
    // The UI language changed (QCoreApplication::installTranslator): the words computed here are read again.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Entry { Amount, Tendered };

    void setStage(const QString& stage);
    bool paymentRunning() const;  // waiting, or phone confirmation: the order is with the engine
    bool fail(const QString& code, const QString& text);
    void editEntry(Entry entry, drivers::KeypadKey key);
    // Why no sale may start now (empty when one may): activation, sign-in, shift, recovery.
    std::optional<std::pair<QString, QString>> saleBlocker() const;
    bool checkGate(const QString& channel);
    QString gateText(const Error& error) const;
    bool startPayment(const drivers::ScanClassification& scan);
    // Commits a new order for `channel` and moves to waiting; nullopt (with the message) when it cannot be saved.
    std::optional<store::OrderRecord> openOrder(const QString& channel, const QString& masked);
    // The engine refused to start: the order is failed (nothing was sent), back to pay with the message.
    bool abandonOrder(const Error& error);
    void onProgress(const PaymentProgress& progress);
    void onFinished(const PaymentResult& result);
    void onFaceCaptured(const face::SealedFace& face);
    void onFaceFailed(const QString& code, const QString& text);
    void onPhoneNeeded(const QString& mchOrderNo, int attemptsLeft, bool wrongDigits);
    void startFace();
    void showResult(store::OrderStatus status, const QString& reasonCode);
    void printReceipt(bool reprint);
    void onPrinterAction();
    void startReturnTimer();
    store::NewOrder newOrder(const QString& channel) const;
    drivers::Receipt receiptFor(const store::OrderRecord& order) const;

    store::OrderStore& m_orders;
    store::SalesGate& m_gate;
    session::DeviceBinding& m_binding;
    session::SessionManager& m_session;
    session::ShiftManager& m_shift;
    PaymentEngine& m_engine;
    DeviceManager& m_devices;
    CustomerDisplay& m_display;
    std::shared_ptr<const IClock> m_clock;
    Options m_options;

    QString m_stage = QStringLiteral("idle");
    QString m_amountText;
    QString m_note;
    QString m_messageCode;
    QString m_message;
    bool m_walletAvailable = true;
    QString m_walletNotice;
    bool m_recovering = false;
    QString m_orderNo;
    QString m_channel;
    QString m_maskedCode;
    QString m_phase;
    std::chrono::milliseconds m_elapsedAtProgress{0};
    std::chrono::steady_clock::time_point m_progressAt;
    bool m_cancelRequested = false;
    QTimer m_waitingTimer;
    QString m_tenderedText;
    QString m_resultStatus;
    store::OrderStatus m_resultOrderStatus = store::OrderStatus::Failed;
    QString m_resultReason;  // PaymentResult::reasonCode, worded by PaymentMessages in the current language
    qint64 m_lastChangeFen = 0;
    std::optional<store::OrderRecord> m_lastOrder;
    std::optional<drivers::Receipt> m_lastReceipt;
    QString m_printMessage;
    int m_receiptJobsPending = 0;
    QTimer m_returnTimer;
    QTimer m_returnTick;
    std::chrono::steady_clock::time_point m_returnAt;
    FaceCheckout* m_face = nullptr;
    QString m_phoneDigits;
    int m_phoneAttemptsLeft = 0;
    bool m_phoneWrong = false;
};

}  // namespace facepos::checkout
