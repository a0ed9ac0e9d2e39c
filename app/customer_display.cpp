#include "customer_display.h"

#include <QVariantMap>

namespace facepos {

CustomerDisplay::CustomerDisplay(QObject* parent) : QObject(parent) {}

template <typename Change>
void CustomerDisplay::changingPayable(Change&& change) {
    const qint64 before = payableFen();
    change();
    if (payableFen() != before) emit payableFenChanged();
}

QVariantList CustomerDisplay::discounts() const {
    QVariantList list;
    list.reserve(m_discounts.size());
    for (const Discount& discount : m_discounts)
        list << QVariantMap{{QStringLiteral("label"), discount.label}, {QStringLiteral("amountFen"), discount.fen}};
    return list;
}

qint64 CustomerDisplay::payableFen() const {
    // Subtracting one discount at a time and stopping at 0 cannot overflow, however large or many the discounts.
    qint64 payable = qMax<qint64>(m_amountFen, 0);
    for (const Discount& discount : m_discounts) {
        if (discount.fen >= payable) return 0;
        payable -= discount.fen;
    }
    return payable;
}

QString CustomerDisplay::formatMoney(qint64 fen) const {
    // The magnitude is taken as unsigned so that the most negative qint64 has one too.
    const bool negative = fen < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(fen) : quint64(fen);
    return QStringLiteral("%1¥%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

void CustomerDisplay::showWelcome() {
    changingPayable([this] {
        if (m_amountFen != 0) {
            m_amountFen = 0;
            emit amountFenChanged();
        }
        if (!m_discounts.isEmpty()) {
            m_discounts.clear();
            emit discountsChanged();
        }
    });
    setMember(QString(), QString());
    if (m_resultSuccess || !m_resultText.isEmpty()) {
        m_resultSuccess = false;
        m_resultText.clear();
        emit resultChanged();
    }
    setPhase(Phase::Welcome);
}

void CustomerDisplay::showAmount(qint64 totalFen) {
    changingPayable([this, totalFen] {
        if (m_amountFen == totalFen) return;
        m_amountFen = totalFen;
        emit amountFenChanged();
    });
    setPhase(Phase::Amount);
}

void CustomerDisplay::setMember(const QString& name, const QString& level) {
    if (m_memberName == name && m_memberLevel == level) return;
    m_memberName = name;
    m_memberLevel = level;
    emit memberChanged();
}

bool CustomerDisplay::addDiscount(const QString& label, qint64 fen) {
    if (fen <= 0) return false;
    changingPayable([&] {
        m_discounts.append(Discount{label, fen});
        emit discountsChanged();
    });
    return true;
}

void CustomerDisplay::clearDiscounts() {
    if (m_discounts.isEmpty()) return;
    changingPayable([this] {
        m_discounts.clear();
        emit discountsChanged();
    });
}

void CustomerDisplay::showPaying() {
    setPhase(Phase::Paying);
}

void CustomerDisplay::showFaceCapture() {
    setPhase(Phase::FaceCapture);
}

void CustomerDisplay::showProcessing(bool payerConfirming) {
    if (m_payerConfirming != payerConfirming) {
        m_payerConfirming = payerConfirming;
        emit payerConfirmingChanged();
    }
    setPhase(Phase::Processing);
}

void CustomerDisplay::showPhoneDigits() {
    setPhase(Phase::PhoneDigits);
}

void CustomerDisplay::setFaceTrack(const QRectF& box, const QString& advice, bool good) {
    if (m_faceBox == box && m_faceAdvice == advice && m_faceGood == good) return;
    m_faceBox = box;
    m_faceAdvice = advice;
    m_faceGood = good;
    emit faceChanged();
}

void CustomerDisplay::showResult(bool success, const QString& text) {
    if (m_resultSuccess != success || m_resultText != text) {
        m_resultSuccess = success;
        m_resultText = text;
        emit resultChanged();
    }
    setPhase(Phase::Result);
}

void CustomerDisplay::setPhase(Phase phase) {
    if (m_phase == phase) return;
    m_phase = phase;
    emit phaseChanged();
}

}  // namespace facepos
