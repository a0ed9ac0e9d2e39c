#pragma once

#include <QCoreApplication>
#include <QString>

#include "app/checkout/payment_flow.h"
#include "app/store/store_types.h"

namespace facepos::checkout {

// What the cashier reads when a payment ends or waits: short, in the UI language (Chinese first), saying what to
// do next. Keyed by PaymentResult::reasonCode (a wallet trade_err_code, a §7.1 error name, or one of the engine's
// own: CANCELLED_BY_CASHIER, CHANNEL_LIMIT, ORDER_NOT_FOUND, NOT_SENT, INTERRUPTED; face pay: FACE_NOT_MATCHED,
// PHONE_MISMATCH, FACE_TOKEN_INVALID, FACE_TOKEN_EXPIRED, PHONE_NOT_CONFIRMED).
class PaymentMessages {
    Q_DECLARE_TR_FUNCTIONS(PaymentMessages)
public:
    static QString reasonText(store::OrderStatus status, const QString& reasonCode);
    static QString phaseText(PaymentPhase phase);
    // Face pay, for the payer's digit pad (PaymentEngine::phoneConfirmationNeeded).
    static QString phonePrompt(int attemptsLeft, bool wrongDigits);
};

}  // namespace facepos::checkout
