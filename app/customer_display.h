#pragma once

#include <QObject>
#include <QRectF>
#include <QString>
#include <QVariantList>
#include <QtGlobal>

namespace facepos {

// What the customer sees on the second screen (or the cashier's preview pane): the phase of the checkout, the
// amount, the member, the discounts, the payable and the result. The checkout drives it through the setters; QML
// only reads. Money is integer fen throughout — never floating point — so the screen can never disagree with the
// receipt by a rounding. Owned by Application, lives on the UI thread and is only used there.
class CustomerDisplay final : public QObject {
    Q_OBJECT
    Q_PROPERTY(Phase phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(qint64 amountFen READ amountFen NOTIFY amountFenChanged)
    Q_PROPERTY(QString memberName READ memberName NOTIFY memberChanged)
    Q_PROPERTY(QString memberLevel READ memberLevel NOTIFY memberChanged)
    Q_PROPERTY(QVariantList discounts READ discounts NOTIFY discountsChanged)
    Q_PROPERTY(qint64 payableFen READ payableFen NOTIFY payableFenChanged)
    Q_PROPERTY(bool resultSuccess READ resultSuccess NOTIFY resultChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY resultChanged)
    Q_PROPERTY(QString currency READ currency CONSTANT)
    Q_PROPERTY(QRectF faceBox READ faceBox NOTIFY faceChanged)
    Q_PROPERTY(QString faceAdvice READ faceAdvice NOTIFY faceChanged)
    Q_PROPERTY(bool faceGood READ faceGood NOTIFY faceChanged)
    Q_PROPERTY(bool payerConfirming READ payerConfirming NOTIFY payerConfirmingChanged)

public:
    // Welcome: no sale. Amount: the cashier is entering it. Paying: the customer is asked for a payment code.
    // FaceCapture: the camera is looking for the face. Processing: a payment is running. PhoneDigits: face pay
    // asks for the last 4 digits of the payer's phone. Result: how it ended.
    enum class Phase { Welcome, Amount, Paying, FaceCapture, Processing, PhoneDigits, Result };
    Q_ENUM(Phase)

    explicit CustomerDisplay(QObject* parent = nullptr);

    Phase phase() const { return m_phase; }
    qint64 amountFen() const { return m_amountFen; }
    QString memberName() const { return m_memberName; }
    QString memberLevel() const { return m_memberLevel; }
    QVariantList discounts() const;
    // The amount minus every discount, never below 0: discounts larger than the amount make the order free, they
    // do not pay the customer.
    qint64 payableFen() const;
    bool resultSuccess() const { return m_resultSuccess; }
    QString resultText() const { return m_resultText; }
    QString currency() const { return QStringLiteral("CNY"); }
    // During face capture: the tracked face (normalised to the camera picture, empty when none), the advice in the
    // customer's words, and whether the frame is good (the box is drawn green).
    QRectF faceBox() const { return m_faceBox; }
    QString faceAdvice() const { return m_faceAdvice; }
    bool faceGood() const { return m_faceGood; }
    // While Processing: the wallet waits for the payer to confirm on the phone (USERPAYING).
    bool payerConfirming() const { return m_payerConfirming; }

    // "¥12.50" for 1250; negative amounts get a leading minus ("-¥5.00"). Integer arithmetic only.
    Q_INVOKABLE QString formatMoney(qint64 fen) const;

    // A new customer: clears the amount, member, discounts and result.
    Q_INVOKABLE void showWelcome();
    // The order total; keeps the member and discounts, so the checkout may update the total as items change.
    Q_INVOKABLE void showAmount(qint64 totalFen);
    Q_INVOKABLE void setMember(const QString& name, const QString& level);
    // A discount lowers the payable; `fen` must be positive (a discount that raises the price is a bug in the
    // caller), otherwise it is refused and false is returned.
    Q_INVOKABLE bool addDiscount(const QString& label, qint64 fen);
    Q_INVOKABLE void clearDiscounts();
    Q_INVOKABLE void showPaying();
    Q_INVOKABLE void showFaceCapture();
    Q_INVOKABLE void showProcessing(bool payerConfirming);
    Q_INVOKABLE void showPhoneDigits();
    Q_INVOKABLE void showResult(bool success, const QString& text);
    // The face capture's latest track (FaceCheckout): shown over the live camera picture while in FaceCapture.
    void setFaceTrack(const QRectF& box, const QString& advice, bool good);

signals:
    void phaseChanged();
    void amountFenChanged();
    void memberChanged();
    void discountsChanged();
    void payableFenChanged();
    void resultChanged();
    void faceChanged();
    void payerConfirmingChanged();

private:
    struct Discount {
        QString label;
        qint64 fen = 0;
    };

    void setPhase(Phase phase);
    // Runs `change`, then emits payableFenChanged when the payable moved.
    template <typename Change>
    void changingPayable(Change&& change);

    Phase m_phase = Phase::Welcome;
    qint64 m_amountFen = 0;
    QString m_memberName;
    QString m_memberLevel;
    QList<Discount> m_discounts;
    bool m_resultSuccess = false;
    QString m_resultText;
    QRectF m_faceBox;
    QString m_faceAdvice;
    bool m_faceGood = false;
    bool m_payerConfirming = false;
};

}  // namespace facepos
