#include "payment_messages.h"

namespace facepos::checkout {

QString PaymentMessages::reasonText(store::OrderStatus status, const QString& code) {
    using store::OrderStatus;
    switch (status) {
        case OrderStatus::Paid:
            return tr("Payment received.");
        case OrderStatus::Failed:
            if (code == QLatin1String("INSUFFICIENT_FUNDS"))
                return tr("Insufficient balance: ask the customer to pay another way.");
            if (code == QLatin1String("AUTH_CODE_EXPIRED"))
                return tr("The payment code has expired: ask the customer to refresh it, then scan again.");
            if (code == QLatin1String("PAYER_CANCELLED")) return tr("The customer cancelled the payment on the phone.");
            if (code == QLatin1String("RISK_DECLINED"))
                return tr("The wallet declined this payment: ask the customer to pay another way.");
            if (code == QLatin1String("AUTH_CODE_INVALID"))
                return tr("The payment code was not recognised: scan it again.");
            if (code == QLatin1String("CHANNEL_NOT_ENABLED"))
                return tr("This payment method is not available at this store.");
            if (code == QLatin1String("ORDER_CONFLICT") || code == QLatin1String("ORDER_CLOSED"))
                return tr("This order number cannot be used again: start a new sale.");
            if (code == QLatin1String("SESSION_EXPIRED"))
                return tr("The sign-in has expired and nothing was charged: sign in again, then charge again.");
            if (code == QLatin1String("NOT_SENT"))
                return tr("The backend cannot be reached and nothing was charged: check the network, or take cash.");
            if (code == QLatin1String("CANCELLED_BY_CASHIER")) return tr("Payment cancelled; nothing was charged.");
            if (code == QLatin1String("FACE_NOT_MATCHED"))
                return tr(
                    "The face was not recognised and nothing was charged: try face pay again, or ask the "
                    "customer to pay another way.");
            if (code == QLatin1String("PHONE_MISMATCH"))
                return tr(
                    "The phone number was wrong three times and nothing was charged: ask the customer to pay "
                    "another way.");
            if (code == QLatin1String("FACE_TOKEN_INVALID"))
                return tr("Face pay has to start again and nothing was charged: capture the face again.");
            return tr("The payment failed (%1): ask the customer to pay another way.").arg(code);
        case OrderStatus::Reversed:
            if (code == QLatin1String("CANCELLED_BY_CASHIER"))
                return tr("Payment cancelled; any amount taken goes back to the customer.");
            if (code == QLatin1String("CHANNEL_LIMIT") || code == QLatin1String("AUTO_REVOKED"))
                return tr(
                    "The customer did not confirm in time: the payment was cancelled and any amount taken goes back "
                    "to the customer.");
            return tr("The payment was cancelled; any amount taken goes back to the customer.");
        case OrderStatus::Closed:
            if (code == QLatin1String("ORDER_NOT_FOUND"))
                return tr("The payment did not reach the backend and nothing was charged: start the sale again.");
            if (code == QLatin1String("CANCELLED_BY_CASHIER")) return tr("Payment cancelled; nothing was charged.");
            if (code == QLatin1String("INTERRUPTED"))
                return tr("This sale was interrupted before the charge; nothing was charged.");
            if (code == QLatin1String("FACE_TOKEN_EXPIRED"))
                return tr(
                    "The phone confirmation took too long and nothing was charged: try face pay again, or ask "
                    "the customer to pay another way.");
            if (code == QLatin1String("PHONE_NOT_CONFIRMED"))
                return tr("The phone confirmation was not completed; nothing was charged.");
            return tr("The order was closed; nothing was charged.");
        case OrderStatus::Created:
        case OrderStatus::Paying:
            break;
    }
    return {};
}

QString PaymentMessages::phonePrompt(int attemptsLeft, bool wrongDigits) {
    if (wrongDigits) {
        return tr("Wrong digits: enter the last 4 digits of your phone number again (%n attempt(s) left).", nullptr,
                  attemptsLeft);
    }
    return tr("Please enter the last 4 digits of your phone number.");
}

QString PaymentMessages::phaseText(PaymentPhase phase) {
    switch (phase) {
        case PaymentPhase::Charging:
            return tr("Charging…");
        case PaymentPhase::WaitingForCustomer:
            return tr("Waiting for the customer to confirm on the phone…");
        case PaymentPhase::Checking:
            return tr("Checking the payment result…");
        case PaymentPhase::Cancelling:
            return tr("Cancelling the payment…");
    }
    return {};
}

}  // namespace facepos::checkout
