#include "app/backend/backend_types.h"

namespace facepos::backend {
namespace {

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}
qint64 num(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toInteger();
}

}  // namespace

ActivationReply ActivationReply::fromJson(const QJsonObject& data) {
    ActivationReply r;
    r.requestId = str(data, "request_id");
    r.state = str(data, "state");
    r.rejectReason = str(data, "reject_reason");
    r.submittedAt = str(data, "submitted_at");
    r.decidedAt = str(data, "decided_at");
    r.merchantNo = str(data, "merchant_no");
    r.merchantName = str(data, "merchant_name");
    r.storeNo = str(data, "store_no");
    r.storeName = str(data, "store_name");
    r.sealedSecret = QByteArray::fromBase64(str(data, "sealed_secret").toLatin1());
    r.raw = data;
    return r;
}

SessionInfo SessionInfo::fromJson(const QJsonObject& data) {
    SessionInfo s;
    s.sessionToken = str(data, "session_token");
    s.role = str(data, "role");
    s.operatorId = str(data, "operator_id");
    s.merchantNo = str(data, "merchant_no");
    s.merchantName = str(data, "merchant_name");
    s.employeeNo = str(data, "employee_no");
    s.name = str(data, "name");
    s.storeNo = str(data, "store_no");
    s.storeName = str(data, "store_name");
    s.expiresAt = str(data, "expires_at");
    s.idleTimeoutS = static_cast<int>(num(data, "idle_timeout_s"));
    s.raw = data;
    return s;
}

ClerkInfo ClerkInfo::fromJson(const QJsonObject& clerk) {
    ClerkInfo c;
    c.operatorId = str(clerk, "operator_id");
    c.employeeNo = str(clerk, "employee_no");
    c.name = str(clerk, "name");
    c.status = str(clerk, "status");
    c.lockedUntil = str(clerk, "locked_until");
    c.createdAt = str(clerk, "created_at");
    c.lastLoginAt = str(clerk, "last_login_at");
    c.raw = clerk;
    return c;
}

ShiftReply ShiftReply::fromJson(const QJsonObject& data) {
    ShiftReply r;
    const QJsonObject shift = data.value(QLatin1String("shift")).toObject();
    r.shiftNo = str(shift, "shift_no");
    r.operatorId = str(shift, "operator_id");
    r.state = str(shift, "state");
    r.openedAt = str(shift, "opened_at");
    r.closedAt = str(shift, "closed_at");
    r.receivedAt = str(shift, "received_at");
    r.serverTotals = data.value(QLatin1String("server_totals")).toArray();
    r.mismatch = data.value(QLatin1String("mismatch")).toBool();
    r.raw = data;
    return r;
}

MemberInfo MemberInfo::fromJson(const QJsonObject& data) {
    MemberInfo m;
    const QJsonObject member = data.value(QLatin1String("member")).toObject();
    m.memberNo = str(member, "member_no");
    m.nameMasked = str(member, "name_masked");
    m.levelCode = str(member, "level_code");
    m.levelName = str(member, "level_name");
    m.discountPct = static_cast<int>(member.value(QLatin1String("discount_pct")).toInteger(100));
    m.points = num(member, "points");
    m.pointsPerYuan = static_cast<int>(num(member, "points_per_yuan"));
    m.status = str(member, "status");
    m.vouchers = member.value(QLatin1String("vouchers")).toArray();
    m.raw = data;
    return m;
}

bool OrderInfo::isFinal() const {
    return tradeState == QLatin1String("SUCCESS") || tradeState == QLatin1String("FAIL") ||
           tradeState == QLatin1String("CLOSED") || tradeState == QLatin1String("REVERSED");
}

OrderInfo OrderInfo::fromJson(const QJsonObject& order) {
    OrderInfo o;
    o.tradeState = str(order, "trade_state");
    o.tradeErrCode = str(order, "trade_err_code");
    o.tradeErrMsg = str(order, "trade_err_msg");
    o.mchOrderNo = str(order, "mch_order_no");
    o.platformOrderNo = str(order, "platform_order_no");
    o.channelOrderNo = str(order, "channel_order_no");
    o.channel = str(order, "channel");
    o.totalFee = num(order, "total_fee");
    o.feeType = str(order, "fee_type");
    o.refundedFee = num(order, "refunded_fee");
    o.operatorId = str(order, "operator_id");
    o.deviceId = str(order, "device_id");
    o.shiftNo = str(order, "shift_no");
    o.createdAt = str(order, "created_at");
    o.paidAt = str(order, "paid_at");
    o.endedAt = str(order, "ended_at");
    o.settleStatus = str(order, "settle_status");
    const QJsonObject confirm = order.value(QLatin1String("phone_confirm")).toObject();
    o.phoneAttemptsLeft = static_cast<int>(num(confirm, "attempts_left"));
    o.phoneConfirmExpiresAt = str(confirm, "expires_at");
    o.raw = order;
    return o;
}

FaceAuthInfo FaceAuthInfo::fromJson(const QJsonObject& data) {
    FaceAuthInfo f;
    f.faceToken = str(data, "face_token");
    f.expiresIn = static_cast<int>(num(data, "expires_in"));
    f.expiresAt = str(data, "expires_at");
    f.facePublicKey = QByteArray::fromBase64(str(data, "face_public_key").toLatin1());
    f.faceKeyId = str(data, "face_key_id");
    f.maxImageBytes = num(data, "max_image_bytes");
    f.raw = data;
    return f;
}

RefundInfo RefundInfo::fromJson(const QJsonObject& refund) {
    RefundInfo r;
    r.mchRefundNo = str(refund, "mch_refund_no");
    r.platformRefundNo = str(refund, "platform_refund_no");
    r.mchOrderNo = str(refund, "mch_order_no");
    r.platformOrderNo = str(refund, "platform_order_no");
    r.refundFee = num(refund, "refund_fee");
    r.feeType = str(refund, "fee_type");
    r.refundState = str(refund, "refund_state");
    r.refundErrCode = str(refund, "refund_err_code");
    r.refundErrMsg = str(refund, "refund_err_msg");
    r.operatorId = str(refund, "operator_id");
    r.authorisedBy = str(refund, "authorised_by");
    r.createdAt = str(refund, "created_at");
    r.successAt = str(refund, "success_at");
    r.orderRefundedFee = num(refund, "order_refunded_fee");
    r.orderRefundableFee = num(refund, "order_refundable_fee");
    r.raw = refund;
    return r;
}

RefundQueryReply RefundQueryReply::fromJson(const QJsonObject& data) {
    RefundQueryReply r;
    const QJsonObject order = data.value(QLatin1String("order")).toObject();
    r.mchOrderNo = str(order, "mch_order_no");
    r.totalFee = num(order, "total_fee");
    r.refundedFee = num(order, "refunded_fee");
    r.refundableFee = num(order, "refundable_fee");
    for (const QJsonValue& refund : data.value(QLatin1String("refunds")).toArray()) {
        r.refunds.append(RefundInfo::fromJson(refund.toObject()));
    }
    r.raw = data;
    return r;
}

VoucherCheckReply VoucherCheckReply::fromJson(const QJsonObject& data) {
    VoucherCheckReply r;
    r.voucher = data.value(QLatin1String("voucher")).toObject();
    r.usable = data.value(QLatin1String("usable")).toBool();
    r.reason = str(data, "reason");
    r.deductFee = num(data, "deduct_fee");
    r.payableFee = num(data, "payable_fee");
    r.holdExpiresAt = str(data, "hold_expires_at");
    r.raw = data;
    return r;
}

VoucherRedemption VoucherRedemption::fromJson(const QJsonObject& data) {
    VoucherRedemption r;
    const QJsonObject redemption = data.value(QLatin1String("redemption")).toObject();
    r.redeemNo = str(redemption, "redeem_no");
    r.voucherNo = str(redemption, "voucher_no");
    r.mchOrderNo = str(redemption, "mch_order_no");
    r.deductFee = num(redemption, "deduct_fee");
    r.status = str(redemption, "status");
    r.storeNo = str(redemption, "store_no");
    r.redeemedAt = str(redemption, "redeemed_at");
    r.usesLeft = num(redemption, "uses_left");
    r.raw = data;
    return r;
}

SyncRecordResult SyncRecordResult::fromJson(const QJsonObject& result) {
    SyncRecordResult r;
    r.recordId = str(result, "record_id");
    r.revision = num(result, "revision");
    r.status = str(result, "status");
    r.code = static_cast<int>(num(result, "code"));
    r.errCode = str(result, "err_code");
    r.msg = str(result, "msg");
    r.duplicate = result.value(QLatin1String("duplicate")).toBool();
    r.discrepancy = result.value(QLatin1String("discrepancy")).toBool();
    return r;
}

SyncUploadReply SyncUploadReply::fromJson(const QJsonObject& data) {
    SyncUploadReply r;
    for (const QJsonValue& result : data.value(QLatin1String("results")).toArray()) {
        r.results.append(SyncRecordResult::fromJson(result.toObject()));
    }
    r.raw = data;
    return r;
}

OrderListReply OrderListReply::fromJson(const QJsonObject& data) {
    OrderListReply r;
    for (const QJsonValue& order : data.value(QLatin1String("orders")).toArray()) {
        r.orders.append(OrderInfo::fromJson(order.toObject()));
    }
    r.nextCursor = str(data, "next_cursor");
    const QJsonObject s = data.value(QLatin1String("summary")).toObject();
    r.summary.orderCount = num(s, "order_count");
    r.summary.paidCount = num(s, "paid_count");
    r.summary.paidFee = num(s, "paid_fee");
    r.summary.refundedFee = num(s, "refunded_fee");
    r.summary.netFee = num(s, "net_fee");
    r.summary.settledFee = num(s, "settled_fee");
    r.summary.pendingSettleFee = num(s, "pending_settle_fee");
    r.raw = data;
    return r;
}

HeartbeatReply HeartbeatReply::fromJson(const QJsonObject& data) {
    HeartbeatReply r;
    r.bound = data.value(QLatin1String("bound")).toBool(true);
    r.unboundAt = str(data, "unbound_at");
    r.unboundReason = str(data, "unbound_reason");
    r.serverTime = str(data, "server_time");
    r.heartbeatIntervalS = static_cast<int>(data.value(QLatin1String("heartbeat_interval_s")).toInteger(60));
    r.sessionState = str(data, "session_state");
    r.updateAvailable = data.value(QLatin1String("update_available")).toBool();
    r.config = data.value(QLatin1String("config")).toObject();
    r.raw = data;
    return r;
}

UpdateInfo UpdateInfo::fromJson(const QJsonObject& data) {
    UpdateInfo u;
    u.updateAvailable = data.value(QLatin1String("update_available")).toBool();
    u.version = str(data, "version");
    u.packageUrl = str(data, "package_url");
    u.packageSize = num(data, "package_size");
    u.packageSha256 = str(data, "package_sha256");
    u.packageSignature = QByteArray::fromBase64(str(data, "package_signature").toLatin1());
    u.signingKeyId = str(data, "signing_key_id");
    u.mandatory = data.value(QLatin1String("mandatory")).toBool();
    u.releaseNotes = data.value(QLatin1String("release_notes")).toObject();
    u.raw = data;
    return u;
}

}  // namespace facepos::backend
