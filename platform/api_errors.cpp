#include "api_errors.h"

namespace facepos::api {

QString errorName(int code) {
    switch (static_cast<ApiError>(code)) {
        case ApiError::Ok:
            return QStringLiteral("OK");
        case ApiError::MalformedRequest:
            return QStringLiteral("MALFORMED_REQUEST");
        case ApiError::MissingField:
            return QStringLiteral("MISSING_FIELD");
        case ApiError::InvalidField:
            return QStringLiteral("INVALID_FIELD");
        case ApiError::BodyTooLarge:
            return QStringLiteral("BODY_TOO_LARGE");
        case ApiError::UnknownCall:
            return QStringLiteral("UNKNOWN_CALL");
        case ApiError::BadSignature:
            return QStringLiteral("BAD_SIGNATURE");
        case ApiError::TimestampSkew:
            return QStringLiteral("TIMESTAMP_SKEW");
        case ApiError::NonceReused:
            return QStringLiteral("NONCE_REUSED");
        case ApiError::AppidMismatch:
            return QStringLiteral("APPID_MISMATCH");
        case ApiError::DeviceNotActivated:
            return QStringLiteral("DEVICE_NOT_ACTIVATED");
        case ApiError::DeviceUnbound:
            return QStringLiteral("DEVICE_UNBOUND");
        case ApiError::DeviceAlreadyActivated:
            return QStringLiteral("DEVICE_ALREADY_ACTIVATED");
        case ApiError::ActivationNotFound:
            return QStringLiteral("ACTIVATION_NOT_FOUND");
        case ApiError::BadCredentials:
            return QStringLiteral("BAD_CREDENTIALS");
        case ApiError::AccountLocked:
            return QStringLiteral("ACCOUNT_LOCKED");
        case ApiError::ClerkDisabled:
            return QStringLiteral("CLERK_DISABLED");
        case ApiError::MerchantSessionActive:
            return QStringLiteral("MERCHANT_SESSION_ACTIVE");
        case ApiError::SessionExpired:
            return QStringLiteral("SESSION_EXPIRED");
        case ApiError::PermissionDenied:
            return QStringLiteral("PERMISSION_DENIED");
        case ApiError::MerchantAuthRequired:
            return QStringLiteral("MERCHANT_AUTH_REQUIRED");
        case ApiError::ClerkExists:
            return QStringLiteral("CLERK_EXISTS");
        case ApiError::ClerkNotFound:
            return QStringLiteral("CLERK_NOT_FOUND");
        case ApiError::OrderConflict:
            return QStringLiteral("ORDER_CONFLICT");
        case ApiError::OrderNotFound:
            return QStringLiteral("ORDER_NOT_FOUND");
        case ApiError::OrderPaid:
            return QStringLiteral("ORDER_PAID");
        case ApiError::OrderClosed:
            return QStringLiteral("ORDER_CLOSED");
        case ApiError::OrderPaying:
            return QStringLiteral("ORDER_PAYING");
        case ApiError::ReverseNotAllowed:
            return QStringLiteral("REVERSE_NOT_ALLOWED");
        case ApiError::ReverseTooEarly:
            return QStringLiteral("REVERSE_TOO_EARLY");
        case ApiError::AuthCodeInvalid:
            return QStringLiteral("AUTH_CODE_INVALID");
        case ApiError::FaceTokenInvalid:
            return QStringLiteral("FACE_TOKEN_INVALID");
        case ApiError::ChannelNotEnabled:
            return QStringLiteral("CHANNEL_NOT_ENABLED");
        case ApiError::RefundExceedsPaid:
            return QStringLiteral("REFUND_EXCEEDS_PAID");
        case ApiError::RefundConflict:
            return QStringLiteral("REFUND_CONFLICT");
        case ApiError::RefundNotAllowed:
            return QStringLiteral("REFUND_NOT_ALLOWED");
        case ApiError::RefundNotFound:
            return QStringLiteral("REFUND_NOT_FOUND");
        case ApiError::MemberNotFound:
            return QStringLiteral("MEMBER_NOT_FOUND");
        case ApiError::VoucherNotFound:
            return QStringLiteral("VOUCHER_NOT_FOUND");
        case ApiError::VoucherNotUsable:
            return QStringLiteral("VOUCHER_NOT_USABLE");
        case ApiError::VoucherConflict:
            return QStringLiteral("VOUCHER_CONFLICT");
        case ApiError::ShiftConflict:
            return QStringLiteral("SHIFT_CONFLICT");
        case ApiError::RecordConflict:
            return QStringLiteral("RECORD_CONFLICT");
        case ApiError::UnknownRecordKind:
            return QStringLiteral("UNKNOWN_RECORD_KIND");
        case ApiError::RecordOutOfBinding:
            return QStringLiteral("RECORD_OUT_OF_BINDING");
        case ApiError::SystemError:
            return QStringLiteral("SYSTEM_ERROR");
        case ApiError::ServiceUnavailable:
            return QStringLiteral("SERVICE_UNAVAILABLE");
        case ApiError::AdminUnauthorized:
            return QStringLiteral("ADMIN_UNAUTHORIZED");
        case ApiError::AlreadyExists:
            return QStringLiteral("ALREADY_EXISTS");
        case ApiError::NotFound:
            return QStringLiteral("NOT_FOUND");
    }
    return QStringLiteral("UNKNOWN_%1").arg(code);
}

bool isRetryable(int code) {
    switch (static_cast<ApiError>(code)) {
        case ApiError::TimestampSkew:
        case ApiError::NonceReused:
        case ApiError::ReverseTooEarly:
        case ApiError::SystemError:
        case ApiError::ServiceUnavailable:
            return true;
        default:
            return false;
    }
}

}  // namespace facepos::api
