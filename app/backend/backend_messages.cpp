#include "app/backend/backend_messages.h"

#include <QJsonObject>

#include "platform/api_errors.h"
#include "platform/ihttpclient.h"

namespace facepos::backend {
namespace {

using api::ApiError;

QString withCode(const QString& text, int code) {
    return QStringLiteral("%1 (%2)").arg(text).arg(code);
}

QString fen(qint64 amount) {
    return QStringLiteral("¥%1.%2").arg(amount / 100).arg(amount % 100, 2, 10, QLatin1Char('0'));
}

}  // namespace

QString apiErrorMessage(int code, const QJsonValue& data) {
    const QJsonObject d = data.toObject();
    QString text;
    switch (static_cast<ApiError>(code)) {
        case ApiError::MalformedRequest:
        case ApiError::MissingField:
        case ApiError::InvalidField: {
            const QString field = d.value(QLatin1String("field")).toString();
            text = field.isEmpty() ? QStringLiteral("Terminal software error, contact support")
                                   : QStringLiteral("Terminal software error (field %1), contact support").arg(field);
            break;
        }
        case ApiError::BodyTooLarge:
            text = QStringLiteral("Terminal software error: request too large, contact support");
            break;
        case ApiError::UnknownCall:
            text = QStringLiteral("Terminal and server versions do not match; update the terminal");
            break;
        case ApiError::BadSignature:
            text = QStringLiteral("Security check failed: the device secret was refused, contact support");
            break;
        case ApiError::TimestampSkew:
            text = QStringLiteral("Check the terminal's date and time: the server refused its clock");
            break;
        case ApiError::NonceReused:
            text = QStringLiteral("Terminal software error: a request number was reused, try again");
            break;
        case ApiError::AppidMismatch:
            text = QStringLiteral("Device bound to another merchant, contact support");
            break;
        case ApiError::DeviceNotActivated:
            text = QStringLiteral("Device not activated: submit or finish the activation request");
            break;
        case ApiError::DeviceUnbound:
            text = QStringLiteral("Support unbound this device; activate it again");
            break;
        case ApiError::DeviceAlreadyActivated:
            text = QStringLiteral("Device already activated; support must unbind it first");
            break;
        case ApiError::ActivationNotFound:
            text = QStringLiteral("Activation request not found: submit the activation request again");
            break;
        case ApiError::BadCredentials: {
            const QJsonValue left = d.value(QLatin1String("attempts_left"));
            text = left.isDouble() ? QStringLiteral("Wrong account or password (%1 tries left)").arg(left.toInteger())
                                   : QStringLiteral("Wrong account or password");
            break;
        }
        case ApiError::AccountLocked: {
            const QString until = d.value(QLatin1String("locked_until")).toString();
            text = until.isEmpty() ? QStringLiteral("Account locked after too many wrong passwords; try later")
                                   : QStringLiteral("Account locked until %1").arg(until);
            break;
        }
        case ApiError::ClerkDisabled:
            text = QStringLiteral("Account disabled: ask the merchant");
            break;
        case ApiError::MerchantSessionActive: {
            const QString device = d.value(QLatin1String("device_id")).toString();
            text = QStringLiteral("Merchant signed in on device %1; sign out there first")
                       .arg(device.isEmpty() ? QStringLiteral("(another)") : device);
            break;
        }
        case ApiError::SessionExpired:
            text = QStringLiteral("Session ended: sign in again");
            break;
        case ApiError::PermissionDenied:
            text = QStringLiteral("Merchant permission required");
            break;
        case ApiError::MerchantAuthRequired:
            text = QStringLiteral("The merchant must authorise this refund with the merchant password");
            break;
        case ApiError::ClerkExists:
            text = QStringLiteral("Employee number in use");
            break;
        case ApiError::ClerkNotFound:
            text = QStringLiteral("No such clerk");
            break;
        case ApiError::OrderConflict:
            text = QStringLiteral("Order number clash: start a new sale");
            break;
        case ApiError::OrderNotFound:
            text = QStringLiteral("Order not found");
            break;
        case ApiError::OrderPaid:
            text = QStringLiteral("The order is already paid");
            break;
        case ApiError::OrderClosed:
            text = QStringLiteral("Order closed: start a new sale");
            break;
        case ApiError::OrderPaying:
            text = QStringLiteral("Payment still in progress: cancel it instead");
            break;
        case ApiError::ReverseNotAllowed:
            text = QStringLiteral("The order was paid; refund it instead of cancelling");
            break;
        case ApiError::ReverseTooEarly: {
            const qint64 after = d.value(QLatin1String("retry_after_s")).toInteger();
            text = QStringLiteral("Cancelling… (the wallet allows it in %1 s)").arg(after);
            break;
        }
        case ApiError::AuthCodeInvalid:
            text = QStringLiteral("Payment code not recognised: scan again");
            break;
        case ApiError::FaceTokenInvalid:
            text = QStringLiteral("Face session expired: capture the face again");
            break;
        case ApiError::ChannelNotEnabled: {
            const QString channel = d.value(QLatin1String("channel")).toString();
            text = QStringLiteral("Payment method %1 not available at this store").arg(channel);
            break;
        }
        case ApiError::RefundExceedsPaid: {
            const QJsonValue refundable = d.value(QLatin1String("refundable_fee"));
            text = refundable.isDouble() ? QStringLiteral("At most %1 can be refunded").arg(fen(refundable.toInteger()))
                                         : QStringLiteral("The refund exceeds the amount paid");
            break;
        }
        case ApiError::RefundConflict:
            text = QStringLiteral("Refund number clash: start the refund again");
            break;
        case ApiError::RefundNotAllowed:
            text = QStringLiteral("This order cannot be refunded here");
            break;
        case ApiError::RefundNotFound:
            text = QStringLiteral("Refund not found");
            break;
        case ApiError::MemberNotFound:
            text = QStringLiteral("Member card not found");
            break;
        case ApiError::VoucherNotFound:
            text = QStringLiteral("Voucher not found");
            break;
        case ApiError::VoucherNotUsable: {
            const QString reason = d.value(QLatin1String("reason")).toString();
            text = reason.isEmpty() ? QStringLiteral("Voucher cannot be used now")
                                    : QStringLiteral("Voucher cannot be used now: %1").arg(reason);
            break;
        }
        case ApiError::VoucherConflict:
            text = QStringLiteral("Voucher already used");
            break;
        case ApiError::ShiftConflict:
            text = QStringLiteral("Shift record clash, contact support");
            break;
        case ApiError::RecordConflict:
        case ApiError::UnknownRecordKind:
        case ApiError::RecordOutOfBinding:
            text = QStringLiteral("Record refused by the server; kept for support");
            break;
        case ApiError::SystemError:
            text = QStringLiteral("Server busy, checking the result…");
            break;
        case ApiError::ServiceUnavailable: {
            const qint64 after = d.value(QLatin1String("retry_after_s")).toInteger();
            text = after > 0 ? QStringLiteral("Server busy, try again in %1 s").arg(after)
                             : QStringLiteral("Server busy, try again");
            break;
        }
        default:
            text = QStringLiteral("Server refused the request (%1)").arg(api::errorName(code));
            break;
    }
    return withCode(text, code);
}

QString transportErrorMessage(const Error& error, bool mayHaveReached, bool movesMoney) {
    QString cause;
    if (error.code == QLatin1String(httperror::kConnect)) {
        cause = QStringLiteral("Cannot reach the server: check the network cable or Wi-Fi and backend.url");
    } else if (error.code == QLatin1String(httperror::kTls)) {
        cause =
            QStringLiteral("The server's certificate is not trusted: check the terminal's date and backend.ca_file");
    } else if (error.code == QLatin1String(httperror::kPin)) {
        cause = QStringLiteral("The server's key does not match backend.pin_sha256: contact support");
    } else if (error.code == QLatin1String(httperror::kTimeout)) {
        cause = QStringLiteral("The server did not answer in time");
    } else if (error.code == QLatin1String(httperror::kDropped)) {
        cause = QStringLiteral("The connection to the server was lost");
    } else if (error.code == QLatin1String(httperror::kTooLarge)) {
        cause = QStringLiteral("The server's answer was too large to accept");
    } else if (error.code == QLatin1String(httperror::kCancelled)) {
        cause = QStringLiteral("The request was cancelled");
    } else {
        cause = QStringLiteral("Network error");
    }
    QString consequence;
    if (!mayHaveReached) {
        consequence = QStringLiteral("nothing was sent; try again");
    } else if (movesMoney) {
        consequence = QStringLiteral("the payment result is unknown and is being checked");
    } else {
        consequence = QStringLiteral("could not confirm with the server");
    }
    return QStringLiteral("%1; %2 (%3)").arg(cause, consequence, error.code);
}

}  // namespace facepos::backend
