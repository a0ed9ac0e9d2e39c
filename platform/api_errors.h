#pragma once

#include <QString>

// The Terminal API's error codes (docs/terminal-api.md §7.1), shared by the backend client and the sandbox.
namespace facepos::api {

enum class ApiError : int {
    Ok = 0,
    MalformedRequest = 1001,
    MissingField = 1002,
    InvalidField = 1003,
    BodyTooLarge = 1004,
    UnknownCall = 1005,
    BadSignature = 1006,
    TimestampSkew = 1007,
    NonceReused = 1008,
    AppidMismatch = 1009,
    DeviceNotActivated = 2001,
    DeviceUnbound = 2002,
    DeviceAlreadyActivated = 2003,
    ActivationNotFound = 2004,
    BadCredentials = 2010,
    AccountLocked = 2011,
    ClerkDisabled = 2012,
    MerchantSessionActive = 2013,
    SessionExpired = 2014,
    PermissionDenied = 2015,
    MerchantAuthRequired = 2016,
    ClerkExists = 2017,
    ClerkNotFound = 2018,
    OrderConflict = 3001,
    OrderNotFound = 3002,
    OrderPaid = 3003,
    OrderClosed = 3004,
    OrderPaying = 3005,
    ReverseNotAllowed = 3006,
    ReverseTooEarly = 3007,
    AuthCodeInvalid = 3008,
    FaceTokenInvalid = 3009,
    ChannelNotEnabled = 3010,
    RefundExceedsPaid = 3020,
    RefundConflict = 3021,
    RefundNotAllowed = 3022,
    RefundNotFound = 3023,
    MemberNotFound = 3030,
    VoucherNotFound = 3031,
    VoucherNotUsable = 3032,
    VoucherConflict = 3033,
    ShiftConflict = 3040,
    RecordConflict = 3050,
    UnknownRecordKind = 3051,
    RecordOutOfBinding = 3052,
    SystemError = 5000,
    ServiceUnavailable = 5001,
    AdminUnauthorized = 6001,
    AlreadyExists = 6002,
    NotFound = 6003,
};

// The symbolic name sent as `err_code` ("ORDER_CONFLICT"); "UNKNOWN_<code>" for a code this version does not know.
QString errorName(int code);
inline QString errorName(ApiError error) {
    return errorName(static_cast<int>(error));
}

// True for codes a client may retry with a fresh nonce and the same business fields (§7.1 "retry").
bool isRetryable(int code);

}  // namespace facepos::api
