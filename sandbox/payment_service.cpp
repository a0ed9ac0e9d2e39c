#include "sandbox/payment_service.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSet>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <vector>

#include "platform/api_signature.h"
#include "platform/masking.h"

namespace facepos::sandbox {

namespace {

Q_LOGGING_CATEGORY(lcPay, "facepos.sandbox.payments")

using api::ApiError;

constexpr qint64 kMaxFee = 100000000;
constexpr int kFaceTokenSeconds = 120;
constexpr qsizetype kMaxFaceImageBytes = 262144;
constexpr int kPhoneAttempts = 3;
constexpr int kBeijingOffsetS = 8 * 3600;
constexpr qint64 kRefundProcessingMs = 5000;
constexpr qint64 kRefundWindowMs = 365LL * 24 * 3600 * 1000;
constexpr qint64 kMaxListRangeMs = 31LL * 24 * 3600 * 1000;
const char kFaceImageInfo[] = "facepos face image v1:";

// Unwraps a Result in a function returning Result<…>: a database or crypto failure ends the call, and handle()
// turns it into SYSTEM_ERROR (outcome unknown, transaction rolled back).
// `var` names a declared variable and cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define PAY_TRY(var, expr)                        \
    auto var##Result = (expr);                    \
    if (!var##Result) return var##Result.error(); \
    auto& var = *var##Result
// NOLINTEND(bugprone-macro-parentheses)
#define PAY_CHECK(expr)                               \
    do {                                              \
        auto checkResult = (expr);                    \
        if (!checkResult) return checkResult.error(); \
    } while (false)

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

// RFC 3339 with the server's +08:00 offset, second precision (§3.3).
QString rfc3339(qint64 ms) {
    return fromMs(ms).toOffsetFromUtc(kBeijingOffsetS).toString(Qt::ISODate);
}

std::optional<qint64> parseTime(const QString& text) {
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) return std::nullopt;  // an offset is required
    return t.toMSecsSinceEpoch();
}

// 00:00 +08:00 of the day `ms` falls in.
qint64 beijingMidnight(qint64 ms) {
    const QDateTime local = fromMs(ms).toOffsetFromUtc(kBeijingOffsetS);
    return QDateTime(local.date(), QTime(0, 0), QTimeZone(kBeijingOffsetS)).toMSecsSinceEpoch();
}

QString beijingDate(qint64 ms) {
    return fromMs(ms).toOffsetFromUtc(kBeijingOffsetS).toString(u"yyyyMMdd");
}

SqlValue nullable(const QString& text) {
    return text.isEmpty() ? SqlValue() : SqlValue(text);
}

bool isIdentifier(const QString& text) {
    if (text.size() < 6 || text.size() > 32) return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' ||
               c == u'-';
    });
}

bool isAlnum(const QString& text, qsizetype length) {
    return text.size() == length && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
           });
}

bool isDigits(const QString& text) {
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

CallResult missing(const QString& field) {
    return CallResult::fail(ApiError::MissingField, field + QStringLiteral(": required"),
                            QJsonObject{{QStringLiteral("field"), field}});
}

CallResult invalid(const QString& field, const QString& detail) {
    return CallResult::fail(ApiError::InvalidField, field + QStringLiteral(": ") + detail,
                            QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("detail"), detail}});
}

// Reads a call's own fields (§3.3, §6.1 step 9). The first problem found is kept and answered; later reads are
// harmless no-ops so a handler reads everything and then checks error() once.
class FieldReader {
public:
    explicit FieldReader(const QJsonObject& request) : m_request(request) {}

    // Text: absent, null and "" read as empty (§3.3). maxLength counts code points.
    QString text(const QString& key, bool required, qsizetype maxLength = 128) {
        const QJsonValue v = m_request.value(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())) {
            if (required) fail(missing(key));
            return {};
        }
        if (!v.isString()) {
            fail(invalid(key, QStringLiteral("must be a string")));
            return {};
        }
        QString s = v.toString();
        if (s.toUcs4().size() > maxLength) {
            fail(invalid(key, QStringLiteral("at most %1 characters").arg(maxLength)));
            return {};
        }
        for (QChar c : s) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                fail(invalid(key, QStringLiteral("control characters are not allowed")));
                return {};
            }
        }
        return s;
    }

    QString identifier(const QString& key, bool required) {
        QString s = text(key, required, 32);
        if (!s.isEmpty() && !isIdentifier(s)) fail(invalid(key, QStringLiteral("6-32 of [0-9A-Za-z_-]")));
        return s;
    }

    std::optional<qint64> integer(const QString& key, bool required, qint64 min, qint64 max) {
        const QJsonValue v = m_request.value(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())) {
            if (required) fail(missing(key));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
            fail(invalid(key, QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max)));
            return std::nullopt;
        }
        return v.toInteger();
    }

    QString feeType() {
        QString s = text(QStringLiteral("fee_type"), true, 3);
        if (!s.isEmpty() && s != u"CNY") fail(invalid(QStringLiteral("fee_type"), QStringLiteral("must be CNY")));
        return s;
    }

    std::optional<QStringList> stringArray(const QString& key, const QStringList& allowed) {
        const QJsonValue v = m_request.value(key);
        if (v.isUndefined() || v.isNull()) return std::nullopt;
        if (!v.isArray()) {
            fail(invalid(key, QStringLiteral("must be an array of strings")));
            return std::nullopt;
        }
        QStringList out;
        for (const auto& item : v.toArray()) {
            if (!item.isString() || !allowed.contains(item.toString())) {
                fail(invalid(key, QStringLiteral("values: ") + allowed.join(u", ")));
                return std::nullopt;
            }
            out << item.toString();
        }
        return out;
    }

    void fail(CallResult error) {
        if (!m_error) m_error = std::move(error);
    }
    const std::optional<CallResult>& error() const { return m_error; }

private:
    const QJsonObject& m_request;
    std::optional<CallResult> m_error;
};

// Checks the optional `detail` of a charge (§11.3): original − member discount − Σ deductions = total_fee.
void checkDetail(FieldReader& f, const QJsonObject& request, std::optional<qint64> totalFee, QString& detailJson) {
    const QJsonValue v = request.value(QStringLiteral("detail"));
    if (v.isUndefined() || v.isNull()) return;
    const QString field = QStringLiteral("detail");
    if (!v.isObject()) return f.fail(invalid(field, QStringLiteral("must be an object")));
    const QJsonObject detail = v.toObject();
    FieldReader inner(detail);
    const auto original = inner.integer(QStringLiteral("original_fee"), false, 0, kMaxFee);
    const auto discount = inner.integer(QStringLiteral("member_discount_fee"), false, 0, kMaxFee);
    qint64 deductions = 0;
    for (const auto& voucher : detail.value(QStringLiteral("vouchers")).toArray()) {
        FieldReader vr(voucher.toObject());
        deductions += vr.integer(QStringLiteral("deduct_fee"), true, 0, kMaxFee).value_or(0);
        if (vr.error()) return f.fail(invalid(field, QStringLiteral("vouchers: deduct_fee must be an integer")));
    }
    if (inner.error()) return f.fail(invalid(field, inner.error()->msg));
    if (original && totalFee && *original - discount.value_or(0) - deductions != *totalFee) {
        return f.fail(invalid(field, QStringLiteral("original_fee - member_discount_fee - vouchers != total_fee")));
    }
    detailJson = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

QString sha256Hex(const QString& text) {
    auto digest = crypto::sha256(text.toUtf8());
    return digest ? QString::fromLatin1(digest->toHex()) : QString();
}

// 32 characters [0-9A-Za-z] from the CSPRNG without modulo bias (bytes ≥ 248 are dropped).
Result<QString> randomToken() {
    static const char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString token;
    while (token.size() < 32) {
        PAY_TRY(bytes, crypto::randomBytes(64));
        for (char b : bytes) {
            const auto u = static_cast<unsigned char>(b);
            if (u < 248 && token.size() < 32) token.append(QChar::fromLatin1(kAlphabet[u % 62]));
        }
    }
    return token;
}

struct FaceProfile {
    QString phone;
    QString behaviour;
};

// The demo seed's test faces (§17.2), used when they were not enrolled with face_enroll. Phone numbers are fake.
std::optional<FaceProfile> builtinFace(const QString& faceId) {
    if (faceId == u"F01") return FaceProfile{QStringLiteral("13800001234"), QStringLiteral("SUCCESS")};
    if (faceId == u"F02") return FaceProfile{QStringLiteral("13900005678"), QStringLiteral("NEED_PHONE_CONFIRM")};
    if (faceId == u"F03") return FaceProfile{QStringLiteral("13700009012"), QStringLiteral("INSUFFICIENT_FUNDS")};
    return std::nullopt;
}

const QStringList& tradeStates() {
    static const QStringList states{QStringLiteral("SUCCESS"),     QStringLiteral("USERPAYING"),
                                    QStringLiteral("SYSTEMERROR"), QStringLiteral("NEED_PHONE_CONFIRM"),
                                    QStringLiteral("FAIL"),        QStringLiteral("CLOSED"),
                                    QStringLiteral("REVERSED")};
    return states;
}

const QStringList& channels() {
    static const QStringList list{QStringLiteral("wechat"), QStringLiteral("alipay"), QStringLiteral("unionpay"),
                                  QStringLiteral("face"), QStringLiteral("cash")};
    return list;
}

}  // namespace

struct PaymentService::Order {
    qint64 id = 0;
    QString merchantNo, mchOrderNo, platformOrderNo, channelOrderNo, channel;
    std::optional<qint64> totalFee;
    QString feeType, authCodeSha256, authCodeMasked, faceToken, behaviour, operatorId, deviceId, storeNo, shiftNo, body,
        attach, detail;
    QString tradeState, tradeErrCode, tradeErrMsg;
    qint64 createdAt = 0;
    std::optional<qint64> chargedAt, paidAt, endedAt, settledAt;
    QString phoneLast4;
    std::optional<qint64> phoneAttemptsLeft;
    QString phoneLastAttempt;
    std::optional<qint64> phoneExpiresAt;
    QString faceThen;

    bool placeholder() const { return !totalFee.has_value(); }
    bool wallet() const { return channel != u"cash" && !channel.isEmpty(); }
};

PaymentService::Order PaymentService::newOrder(const CallContext& ctx, const QString& mchOrderNo,
                                               const QString& operatorId, qint64 createdAt) {
    Order o;
    o.merchantNo = ctx.merchantNo;
    o.mchOrderNo = mchOrderNo;
    o.operatorId = operatorId;
    o.deviceId = ctx.deviceId;
    o.storeNo = ctx.storeNo;
    o.createdAt = createdAt;
    return o;
}

struct PaymentService::Refund {
    qint64 id = 0;
    QString merchantNo, mchRefundNo, platformRefundNo, mchOrderNo, platformOrderNo;
    qint64 refundFee = 0;
    QString feeType, refundState, refundErrCode, refundErrMsg, operatorId, authorisedBy, reason, deviceId;
    qint64 createdAt = 0;
    std::optional<qint64> successAt;
};

namespace {

const char kOrderColumns[] =
    "id, merchant_no, mch_order_no, platform_order_no, channel_order_no, channel, total_fee, fee_type, "
    "auth_code_sha256, auth_code_masked, face_token, behaviour, operator_id, device_id, store_no, shift_no, body, "
    "attach, detail, trade_state, trade_err_code, trade_err_msg, created_at, charged_at, paid_at, ended_at, "
    "settled_at, phone_last4, phone_attempts_left, phone_last_attempt, phone_expires_at, face_then";

std::optional<qint64> optInt(const Statement& s, int i) {
    return s.columnIsNull(i) ? std::nullopt : std::optional<qint64>(s.columnInt64(i));
}

template <typename OrderT>
OrderT readOrder(const Statement& s) {
    OrderT o;
    o.id = s.columnInt64(0);
    o.merchantNo = s.columnText(1);
    o.mchOrderNo = s.columnText(2);
    o.platformOrderNo = s.columnText(3);
    o.channelOrderNo = s.columnText(4);
    o.channel = s.columnText(5);
    o.totalFee = optInt(s, 6);
    o.feeType = s.columnText(7);
    o.authCodeSha256 = s.columnText(8);
    o.authCodeMasked = s.columnText(9);
    o.faceToken = s.columnText(10);
    o.behaviour = s.columnText(11);
    o.operatorId = s.columnText(12);
    o.deviceId = s.columnText(13);
    o.storeNo = s.columnText(14);
    o.shiftNo = s.columnText(15);
    o.body = s.columnText(16);
    o.attach = s.columnText(17);
    o.detail = s.columnText(18);
    o.tradeState = s.columnText(19);
    o.tradeErrCode = s.columnText(20);
    o.tradeErrMsg = s.columnText(21);
    o.createdAt = s.columnInt64(22);
    o.chargedAt = optInt(s, 23);
    o.paidAt = optInt(s, 24);
    o.endedAt = optInt(s, 25);
    o.settledAt = optInt(s, 26);
    o.phoneLast4 = s.columnText(27);
    o.phoneAttemptsLeft = optInt(s, 28);
    o.phoneLastAttempt = s.columnText(29);
    o.phoneExpiresAt = optInt(s, 30);
    o.faceThen = s.columnText(31);
    return o;
}

const char kRefundColumns[] =
    "id, merchant_no, mch_refund_no, platform_refund_no, mch_order_no, platform_order_no, refund_fee, fee_type, "
    "refund_state, refund_err_code, refund_err_msg, operator_id, authorised_by, reason, device_id, created_at, "
    "success_at";

template <typename RefundT>
RefundT readRefund(const Statement& s) {
    RefundT r;
    r.id = s.columnInt64(0);
    r.merchantNo = s.columnText(1);
    r.mchRefundNo = s.columnText(2);
    r.platformRefundNo = s.columnText(3);
    r.mchOrderNo = s.columnText(4);
    r.platformOrderNo = s.columnText(5);
    r.refundFee = s.columnInt64(6);
    r.feeType = s.columnText(7);
    r.refundState = s.columnText(8);
    r.refundErrCode = s.columnText(9);
    r.refundErrMsg = s.columnText(10);
    r.operatorId = s.columnText(11);
    r.authorisedBy = s.columnText(12);
    r.reason = s.columnText(13);
    r.deviceId = s.columnText(14);
    r.createdAt = s.columnInt64(15);
    r.successAt = optInt(s, 16);
    return r;
}

// Every row that `select` steps to, read with `read` (readOrder or readRefund).
template <typename Row>
Result<QList<Row>> readAll(Statement& select, Row (*read)(const Statement&)) {
    QList<Row> rows;
    while (true) {
        PAY_TRY(row, select.step());
        if (!row) break;
        rows << read(select);
    }
    return rows;
}

QString channelOrderNumber(const QString& channel, qint64 paidAtMs, qint64 id) {
    const QString serial = QStringLiteral("%1").arg(id, 12, 10, QLatin1Char('0'));
    if (channel == u"face") {
        return QStringLiteral("FACE") + fromMs(paidAtMs).toOffsetFromUtc(kBeijingOffsetS).toString(u"yyyyMMddHHmmss") +
               serial.right(6);
    }
    const QString prefix = channel == u"wechat"   ? QStringLiteral("4200")
                           : channel == u"alipay" ? QStringLiteral("2088")
                                                  : QStringLiteral("6201");
    return prefix + beijingDate(paidAtMs) + serial;
}

}  // namespace

PaymentService::PaymentService(Database& db, std::shared_ptr<const IClock> clock, Hooks hooks)
    : m_db(db), m_clock(std::move(clock)), m_wallet(m_clock), m_hooks(std::move(hooks)) {}

QStringList PaymentService::calls() {
    return {QStringLiteral("quick_pay"),   QStringLiteral("order_query"),   QStringLiteral("order_reverse"),
            QStringLiteral("order_close"), QStringLiteral("face_authinfo"), QStringLiteral("face_pay"),
            QStringLiteral("refund"),      QStringLiteral("refund_query"),  QStringLiteral("order_list")};
}

QStringList PaymentService::adminActions() {
    return {QStringLiteral("order_list"), QStringLiteral("orders_list"), QStringLiteral("settle"),
            QStringLiteral("face_script"), QStringLiteral("face_enroll")};
}

int PaymentService::adminErrorCode(const Error& error) {
    for (ApiError e : {ApiError::MissingField, ApiError::InvalidField, ApiError::NotFound, ApiError::AlreadyExists,
                       ApiError::UnknownCall}) {
        if (api::errorName(e) == error.code) return static_cast<int>(e);
    }
    return static_cast<int>(ApiError::SystemError);
}

CallResult PaymentService::handle(const CallContext& ctx) {
    if (!calls().contains(ctx.call)) {
        return CallResult::fail(ApiError::UnknownCall, QStringLiteral("not a payment call"),
                                QJsonObject{{QStringLiteral("call"), ctx.call}});
    }
    auto systemError = [&](const Error& error) {
        qCWarning(lcPay) << ctx.call << "failed:" << error.code << error.message;
        return CallResult::fail(ApiError::SystemError, QStringLiteral("internal error; the outcome is unknown"));
    };
    auto tx = m_db.begin();
    if (!tx) return systemError(tx.error());
    if (auto timers = advanceTimers(); !timers) return systemError(timers.error());
    auto result = dispatch(ctx);
    if (!result) return systemError(result.error());
    // Committed whatever the code: an error answer wrote nothing of ours, but the hooks (the merchant's lockout
    // counter) may have written in this transaction, and timer evaluations are worth keeping.
    if (auto committed = tx->commit(); !committed) return systemError(committed.error());
    return std::move(*result);
}

Result<QJsonObject> PaymentService::admin(const QString& action, const QJsonObject& body) {
    auto tx = m_db.begin();
    if (!tx) return makeError(api::errorName(ApiError::SystemError), tx.error().message);
    PAY_CHECK(advanceTimers());
    Result<QJsonObject> result = makeError(api::errorName(ApiError::UnknownCall), action + QStringLiteral(": unknown"));
    if (action == u"order_list" || action == u"orders_list") {
        result = adminOrderList(body);
    } else if (action == u"settle") {
        result = adminSettle(body);
    } else if (action == u"face_script") {
        result = adminFaceScript(body);
    } else if (action == u"face_enroll") {
        result = adminFaceEnroll(body);
    }
    if (!result) {
        if (adminErrorCode(result.error()) == static_cast<int>(ApiError::SystemError)) {
            qCWarning(lcPay) << "admin" << action << "failed:" << result.error().code << result.error().message;
        }
        return result;
    }
    if (auto committed = tx->commit(); !committed) {
        return makeError(api::errorName(ApiError::SystemError), committed.error().message);
    }
    return result;
}

Result<void> PaymentService::reset() {
    PAY_TRY(tx, m_db.begin());
    for (const char* table :
         {"pay_orders", "pay_refunds", "pay_face_tokens", "pay_face_script", "pay_face_images", "pay_faces"}) {
        PAY_CHECK(m_db.execute(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))));
    }
    return tx.commit();
}

Result<CallResult> PaymentService::dispatch(const CallContext& ctx) {
    if (ctx.call == u"quick_pay") return quickPay(ctx);
    if (ctx.call == u"order_query") return orderQuery(ctx);
    if (ctx.call == u"order_reverse") return orderReverse(ctx);
    if (ctx.call == u"order_close") return orderClose(ctx);
    if (ctx.call == u"face_authinfo") return faceAuthinfo(ctx);
    if (ctx.call == u"face_pay") return facePay(ctx);
    if (ctx.call == u"refund") return refund(ctx);
    if (ctx.call == u"refund_query") return refundQuery(ctx);
    return orderList(ctx);
}

// ---- timers ------------------------------------------------------------------------------------------------------

Result<void> PaymentService::advanceTimers() {
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    // Orders still waiting: the wallet, the auto-revoke and the face token expiry move them on.
    QList<Order> pending;
    {
        PAY_TRY(select, m_db.prepare(QStringLiteral("SELECT %1 FROM pay_orders WHERE trade_state IN "
                                                    "('USERPAYING', 'SYSTEMERROR', 'NEED_PHONE_CONFIRM')")
                                         .arg(QLatin1String(kOrderColumns))));
        PAY_TRY(orders, readAll(select, &readOrder<Order>));
        pending = std::move(orders);
    }
    for (Order& order : pending) {
        if (order.tradeState == u"NEED_PHONE_CONFIRM") {
            if (order.phoneExpiresAt && now >= *order.phoneExpiresAt) {
                order.tradeState = QStringLiteral("CLOSED");
                order.tradeErrCode = QStringLiteral("FACE_TOKEN_EXPIRED");
                order.tradeErrMsg = QStringLiteral("the phone confirmation was not completed in time");
                order.endedAt = *order.phoneExpiresAt;
                PAY_CHECK(storeOrderState(order));
            }
            continue;
        }
        if (order.behaviour.isEmpty() || !order.chargedAt || !order.totalFee) continue;
        const Wallet::State state =
            Wallet::stateAt({order.behaviour, *order.totalFee, fromMs(*order.chargedAt)}, fromMs(now));
        if (state.tradeState == order.tradeState && state.errCode == order.tradeErrCode) continue;
        order.tradeState = state.tradeState;
        order.tradeErrCode = state.errCode;
        order.tradeErrMsg = state.errMsg;
        if (state.tradeState == u"SUCCESS") {
            order.paidAt = state.changedAt.toMSecsSinceEpoch();
            order.channelOrderNo = channelOrderNumber(order.channel, *order.paidAt, order.id);
        } else if (state.isFinal()) {
            order.endedAt = state.changedAt.toMSecsSinceEpoch();
        }
        PAY_CHECK(storeOrderState(order));
    }
    // Refunds in progress succeed 5 s after they were made (§17.4).
    PAY_CHECK(
        m_db.execute(QStringLiteral("UPDATE pay_refunds SET refund_state = 'SUCCESS', success_at = created_at + ? "
                                    "WHERE refund_state = 'PROCESSING' AND created_at + ? <= ?"),
                     {kRefundProcessingMs, kRefundProcessingMs, now}));
    // Settlement runs at 00:00 +08:00 for wallet orders paid before it (T+1).
    const qint64 midnight = beijingMidnight(now);
    PAY_CHECK(m_db.execute(QStringLiteral("UPDATE pay_orders SET settled_at = ? WHERE trade_state = 'SUCCESS' AND "
                                          "settled_at IS NULL AND channel <> 'cash' AND paid_at < ?"),
                           {midnight, midnight}));
    return {};
}

// ---- storage -----------------------------------------------------------------------------------------------------

Result<std::optional<PaymentService::Order>> PaymentService::loadOrder(const QString& merchantNo,
                                                                       const QString& mchOrderNo,
                                                                       const QString& platformOrderNo) {
    const bool byMch = !mchOrderNo.isEmpty();
    PAY_TRY(select, m_db.prepare(QStringLiteral("SELECT %1 FROM pay_orders WHERE merchant_no = ? AND %2 = ?")
                                     .arg(QLatin1String(kOrderColumns), byMch ? QStringLiteral("mch_order_no")
                                                                              : QStringLiteral("platform_order_no"))));
    PAY_CHECK(select.bindAll({merchantNo, byMch ? mchOrderNo : platformOrderNo}));
    PAY_TRY(row, select.step());
    if (!row) return std::optional<Order>();
    Order order = readOrder<Order>(select);
    if (byMch && !platformOrderNo.isEmpty() && order.platformOrderNo != platformOrderNo) {
        return std::optional<Order>();
    }
    return std::optional<Order>(std::move(order));
}

Result<void> PaymentService::storeOrderState(const Order& o) {
    PAY_TRY(update, m_db.prepare(QStringLiteral(
                        "UPDATE pay_orders SET channel_order_no = ?, trade_state = ?, trade_err_code = ?, "
                        "trade_err_msg = ?, paid_at = ?, ended_at = ?, phone_attempts_left = ?, "
                        "phone_last_attempt = ?, face_token = ? WHERE id = ?")));
    PAY_CHECK(update.bindAll({nullable(o.channelOrderNo), o.tradeState, nullable(o.tradeErrCode),
                              nullable(o.tradeErrMsg), o.paidAt, o.endedAt, o.phoneAttemptsLeft,
                              nullable(o.phoneLastAttempt), nullable(o.faceToken), o.id}));
    PAY_CHECK(update.step());
    return {};
}

Result<qint64> PaymentService::insertOrder(Order& o) {
    PAY_TRY(insert,
            m_db.prepare(QStringLiteral(
                "INSERT INTO pay_orders (merchant_no, mch_order_no, channel, total_fee, fee_type, auth_code_sha256, "
                "auth_code_masked, face_token, behaviour, operator_id, device_id, store_no, shift_no, body, attach, "
                "detail, trade_state, trade_err_code, trade_err_msg, created_at, charged_at, paid_at, ended_at, "
                "phone_last4, phone_attempts_left, phone_expires_at, face_then) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
    PAY_CHECK(insert.bindAll({o.merchantNo,
                              o.mchOrderNo,
                              nullable(o.channel),
                              o.totalFee,
                              nullable(o.feeType),
                              nullable(o.authCodeSha256),
                              nullable(o.authCodeMasked),
                              nullable(o.faceToken),
                              nullable(o.behaviour),
                              nullable(o.operatorId),
                              o.deviceId,
                              nullable(o.storeNo),
                              nullable(o.shiftNo),
                              nullable(o.body),
                              nullable(o.attach),
                              nullable(o.detail),
                              o.tradeState,
                              nullable(o.tradeErrCode),
                              nullable(o.tradeErrMsg),
                              o.createdAt,
                              o.chargedAt,
                              o.paidAt,
                              o.endedAt,
                              nullable(o.phoneLast4),
                              o.phoneAttemptsLeft,
                              o.phoneExpiresAt,
                              nullable(o.faceThen)}));
    PAY_CHECK(insert.step());
    o.id = m_db.lastInsertRowId();
    if (!o.placeholder()) {
        o.platformOrderNo =
            QStringLiteral("PF") + beijingDate(o.createdAt) + QStringLiteral("%1").arg(o.id, 10, 10, QLatin1Char('0'));
        if (o.tradeState == u"SUCCESS" && o.paidAt) o.channelOrderNo = channelOrderNumber(o.channel, *o.paidAt, o.id);
        PAY_CHECK(m_db.execute(
            QStringLiteral("UPDATE pay_orders SET platform_order_no = ?, channel_order_no = ? WHERE id = ?"),
            {o.platformOrderNo, nullable(o.channelOrderNo), o.id}));
    }
    return o.id;
}

Result<QList<PaymentService::Refund>> PaymentService::loadRefunds(const QString& merchantNo, const QString& mchOrderNo,
                                                                  const QString& mchRefundNo) {
    const bool byRefund = !mchRefundNo.isEmpty();
    PAY_TRY(select,
            m_db.prepare(QStringLiteral("SELECT %1 FROM pay_refunds WHERE merchant_no = ? AND %2 = ? ORDER BY id")
                             .arg(QLatin1String(kRefundColumns),
                                  byRefund ? QStringLiteral("mch_refund_no") : QStringLiteral("mch_order_no"))));
    PAY_CHECK(select.bindAll({merchantNo, byRefund ? mchRefundNo : mchOrderNo}));
    return readAll(select, &readRefund<Refund>);
}

Result<qint64> PaymentService::refundedFee(const QString& merchantNo, const QString& mchOrderNo) {
    PAY_TRY(sum, m_db.queryInt64(QStringLiteral("SELECT COALESCE(SUM(refund_fee), 0) FROM pay_refunds WHERE "
                                                "merchant_no = ? AND mch_order_no = ? AND "
                                                "refund_state IN ('SUCCESS', 'PROCESSING')"),
                                 {merchantNo, mchOrderNo}));
    return sum.value_or(0);
}

// ---- JSON --------------------------------------------------------------------------------------------------------

Result<QJsonObject> PaymentService::orderJson(const Order& o) {
    QJsonObject j;
    auto put = [&j](const char* key, const QString& value) {
        if (!value.isEmpty()) j.insert(QLatin1String(key), value);
    };
    put("trade_state", o.tradeState);
    put("trade_err_code", o.tradeErrCode);
    put("trade_err_msg", o.tradeErrMsg);
    put("mch_order_no", o.mchOrderNo);
    put("platform_order_no", o.platformOrderNo);
    put("channel_order_no", o.channelOrderNo);
    put("channel", o.channel);
    if (o.totalFee) j.insert(QStringLiteral("total_fee"), *o.totalFee);
    put("fee_type", o.feeType);
    qint64 refunded = 0;
    if (o.tradeState == u"SUCCESS") {
        PAY_TRY(fee, refundedFee(o.merchantNo, o.mchOrderNo));
        refunded = fee;
        j.insert(QStringLiteral("refunded_fee"), refunded);
    }
    put("operator_id", o.operatorId);
    put("device_id", o.deviceId);
    put("shift_no", o.shiftNo);
    put("body", o.body);
    put("attach", o.attach);
    if (!o.detail.isEmpty()) j.insert(QStringLiteral("detail"), QJsonDocument::fromJson(o.detail.toUtf8()).object());
    if (o.tradeState == u"NEED_PHONE_CONFIRM") {
        QJsonObject confirm{{QStringLiteral("attempts_left"), o.phoneAttemptsLeft.value_or(0)}};
        if (o.phoneExpiresAt) confirm.insert(QStringLiteral("expires_at"), rfc3339(*o.phoneExpiresAt));
        j.insert(QStringLiteral("phone_confirm"), confirm);
    }
    if (!o.placeholder()) j.insert(QStringLiteral("created_at"), rfc3339(o.createdAt));
    if (o.paidAt) j.insert(QStringLiteral("paid_at"), rfc3339(*o.paidAt));
    if (o.endedAt) j.insert(QStringLiteral("ended_at"), rfc3339(*o.endedAt));
    if (o.tradeState == u"SUCCESS" && o.wallet()) {
        const bool fullyRefunded = o.totalFee && refunded >= *o.totalFee;
        j.insert(QStringLiteral("settle_status"), fullyRefunded ? QStringLiteral("REFUNDED")
                                                  : o.settledAt ? QStringLiteral("SETTLED")
                                                                : QStringLiteral("PENDING"));
        if (o.settledAt) j.insert(QStringLiteral("settled_at"), rfc3339(*o.settledAt));
    }
    return j;
}

Result<QJsonObject> PaymentService::refundJson(const Refund& r) {
    PAY_TRY(order, loadOrder(r.merchantNo, r.mchOrderNo, {}));
    PAY_TRY(refunded, refundedFee(r.merchantNo, r.mchOrderNo));
    const qint64 total = order && order->totalFee ? *order->totalFee : 0;
    QJsonObject j{{QStringLiteral("mch_refund_no"), r.mchRefundNo},
                  {QStringLiteral("platform_refund_no"), r.platformRefundNo},
                  {QStringLiteral("mch_order_no"), r.mchOrderNo},
                  {QStringLiteral("platform_order_no"), r.platformOrderNo},
                  {QStringLiteral("refund_fee"), r.refundFee},
                  {QStringLiteral("fee_type"), r.feeType},
                  {QStringLiteral("refund_state"), r.refundState},
                  {QStringLiteral("operator_id"), r.operatorId},
                  {QStringLiteral("authorised_by"), r.authorisedBy},
                  {QStringLiteral("created_at"), rfc3339(r.createdAt)},
                  {QStringLiteral("order_refunded_fee"), refunded},
                  {QStringLiteral("order_refundable_fee"), std::max<qint64>(0, total - refunded)}};
    if (!r.refundErrCode.isEmpty()) j.insert(QStringLiteral("refund_err_code"), r.refundErrCode);
    if (!r.refundErrMsg.isEmpty()) j.insert(QStringLiteral("refund_err_msg"), r.refundErrMsg);
    if (!r.reason.isEmpty()) j.insert(QStringLiteral("reason"), r.reason);
    if (r.successAt) j.insert(QStringLiteral("success_at"), rfc3339(*r.successAt));
    return j;
}

// ---- quick_pay ---------------------------------------------------------------------------------------------------

Result<CallResult> PaymentService::quickPay(const CallContext& ctx) {
    const QJsonObject& req = ctx.request;
    FieldReader f(req);
    const QString mchOrderNo = f.identifier(QStringLiteral("mch_order_no"), true);
    const auto totalFee = f.integer(QStringLiteral("total_fee"), true, 1, kMaxFee);
    const QString feeType = f.feeType();
    const QString channel = f.text(QStringLiteral("channel"), true, 16);
    if (!channel.isEmpty() && channel != u"wechat" && channel != u"alipay" && channel != u"unionpay") {
        f.fail(invalid(QStringLiteral("channel"), QStringLiteral("wechat, alipay or unionpay")));
    }
    const QString authCode = f.text(QStringLiteral("auth_code"), true, 32);
    const QString operatorId = f.text(QStringLiteral("operator_id"), true, 32);
    const QString shiftNo = f.identifier(QStringLiteral("shift_no"), false);
    const QString body = f.text(QStringLiteral("body"), false, 128);
    const QString attach = f.text(QStringLiteral("attach"), false, 127);
    QString detail;
    checkDetail(f, req, totalFee, detail);
    if (f.error()) return *f.error();
    if (operatorId != ctx.operatorId) {
        return CallResult::fail(ApiError::PermissionDenied, QStringLiteral("operator_id is not the session's"));
    }
    if (Wallet::classify(authCode) != channel) {
        qCInfo(lcPay) << "quick_pay" << mchOrderNo << "code" << maskPaymentCode(authCode) << "does not match"
                      << channel;
        return CallResult::fail(ApiError::AuthCodeInvalid,
                                QStringLiteral("auth_code matches no channel, or not the channel given"));
    }

    PAY_TRY(existing, loadOrder(ctx.merchantNo, mchOrderNo, {}));
    if (existing) {
        PAY_TRY(json, orderJson(*existing));
        if (existing->placeholder()) {
            return CallResult::fail(ApiError::OrderClosed, QStringLiteral("order already closed or reversed"), json);
        }
        const bool same = existing->totalFee == totalFee && existing->feeType == feeType &&
                          existing->channel == channel && existing->authCodeSha256 == sha256Hex(authCode);
        if (!same) {
            return CallResult::fail(ApiError::OrderConflict,
                                    QStringLiteral("mch_order_no already used with other fields"),
                                    QJsonObject{{QStringLiteral("order"), json}});
        }
        return CallResult::ok(json);
    }
    if (m_hooks.merchantChannels) {
        const auto enabled = m_hooks.merchantChannels(ctx.merchantNo);
        if (enabled && !enabled->contains(channel)) {
            return CallResult::fail(ApiError::ChannelNotEnabled, channel + QStringLiteral(" is not enabled"),
                                    QJsonObject{{QStringLiteral("channel"), channel}});
        }
    }

    const QDateTime now = m_clock->nowUtc();
    Order o = newOrder(ctx, mchOrderNo, operatorId, now.toMSecsSinceEpoch());
    o.channel = channel;
    o.totalFee = totalFee;
    o.feeType = feeType;
    o.authCodeSha256 = sha256Hex(authCode);
    o.authCodeMasked = maskPaymentCode(authCode);
    o.behaviour = authCode.right(4);
    o.shiftNo = shiftNo;
    o.body = body;
    o.attach = attach;
    o.detail = detail;
    o.chargedAt = o.createdAt;
    const Wallet::State state = m_wallet.state({o.behaviour, *totalFee, now});
    o.tradeState = state.tradeState;
    o.tradeErrCode = state.errCode;
    o.tradeErrMsg = state.errMsg;
    if (state.tradeState == u"SUCCESS") {
        o.paidAt = state.changedAt.toMSecsSinceEpoch();
    } else if (state.isFinal()) {
        o.endedAt = state.changedAt.toMSecsSinceEpoch();
    }
    PAY_CHECK(insertOrder(o));
    qCInfo(lcPay) << "quick_pay" << mchOrderNo << channel << *totalFee << "code" << o.authCodeMasked << "->"
                  << o.tradeState << o.tradeErrCode;
    PAY_TRY(json, orderJson(o));
    return CallResult::ok(json);
}

// ---- order_query / order_reverse / order_close -------------------------------------------------------------------

Result<CallResult> PaymentService::orderQuery(const CallContext& ctx) {
    FieldReader f(ctx.request);
    const QString mchOrderNo = f.identifier(QStringLiteral("mch_order_no"), false);
    const QString platformOrderNo = f.text(QStringLiteral("platform_order_no"), false, 32);
    if (f.error()) return *f.error();
    if (mchOrderNo.isEmpty() && platformOrderNo.isEmpty()) return missing(QStringLiteral("mch_order_no"));
    PAY_TRY(order, loadOrder(ctx.merchantNo, mchOrderNo, platformOrderNo));
    if (!order) return CallResult::fail(ApiError::OrderNotFound, QStringLiteral("no such order"));
    PAY_TRY(json, orderJson(*order));
    return CallResult::ok(json);
}

Result<CallResult> PaymentService::orderReverse(const CallContext& ctx) {
    return endOrder(ctx, true);
}

Result<CallResult> PaymentService::orderClose(const CallContext& ctx) {
    return endOrder(ctx, false);
}

Result<CallResult> PaymentService::endOrder(const CallContext& ctx, bool reverse) {
    FieldReader f(ctx.request);
    const QString mchOrderNo = f.identifier(QStringLiteral("mch_order_no"), true);
    const QString operatorId = f.text(QStringLiteral("operator_id"), false, 32);
    const QString reason = f.text(QStringLiteral("reason"), false, 80);
    if (f.error()) return *f.error();
    if (!operatorId.isEmpty() && !ctx.operatorId.isEmpty() && operatorId != ctx.operatorId) {
        return CallResult::fail(ApiError::PermissionDenied, QStringLiteral("operator_id is not the session's"));
    }
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    const QString endState = reverse ? QStringLiteral("REVERSED") : QStringLiteral("CLOSED");
    const QString endCode = reverse ? QStringLiteral("REVERSED_BY_TERMINAL") : QStringLiteral("CLOSED_BY_TERMINAL");
    const QString endMsg = (reverse ? QStringLiteral("reversed") : QStringLiteral("closed")) +
                           (reason.isEmpty() ? QString() : QStringLiteral(": ") + reason);

    PAY_TRY(existing, loadOrder(ctx.merchantNo, mchOrderNo, {}));
    if (!existing) {
        // A record without an amount, so a charge request still on its way gets ORDER_CLOSED (§11.5).
        Order o = newOrder(ctx, mchOrderNo, operatorId, now);
        o.tradeState = endState;
        o.tradeErrCode = endCode;
        o.tradeErrMsg = endMsg;
        o.endedAt = now;
        PAY_CHECK(insertOrder(o));
        PAY_TRY(json, orderJson(o));
        return CallResult::ok(json);
    }
    Order& o = *existing;
    const QString state = o.tradeState;
    bool end = false;
    if (state == u"USERPAYING" || state == u"SYSTEMERROR") {
        if (!reverse) {
            PAY_TRY(json, orderJson(o));
            return CallResult::fail(ApiError::OrderPaying, QStringLiteral("payment in progress; reverse it instead"),
                                    json);
        }
        const qint64 guardEnd = o.chargedAt.value_or(o.createdAt) + qint64(Wallet::kReverseGuardSeconds) * 1000;
        if (now < guardEnd) {
            const qint64 retryAfter = (guardEnd - now + 999) / 1000;
            return CallResult::fail(ApiError::ReverseTooEarly, QStringLiteral("reverse at least 15 s after the charge"),
                                    QJsonObject{{QStringLiteral("retry_after_s"), retryAfter}});
        }
        end = true;
    } else if (state == u"NEED_PHONE_CONFIRM") {
        end = true;
    } else if (state == u"SUCCESS") {
        PAY_TRY(json, orderJson(o));
        return reverse ? CallResult::fail(ApiError::ReverseNotAllowed, QStringLiteral("order is paid; refund it"), json)
                       : CallResult::fail(ApiError::OrderPaid, QStringLiteral("order is paid"), json);
    } else if (state == u"FAIL") {
        end = !reverse;  // reversing a declined order has nothing to do; closing it records the close
    }
    if (end) {
        o.tradeState = endState;
        o.tradeErrCode = endCode;
        o.tradeErrMsg = endMsg;
        o.endedAt = now;
        PAY_CHECK(storeOrderState(o));
        qCInfo(lcPay) << ctx.call << mchOrderNo << state << "->" << endState;
    }
    PAY_TRY(json, orderJson(o));
    return CallResult::ok(json);
}

// ---- face pay ----------------------------------------------------------------------------------------------------

Result<crypto::EcKeyPair> PaymentService::faceKey() {
    PAY_TRY(select, m_db.prepare(QStringLiteral("SELECT private_key_der FROM pay_face_keys WHERE key_id = ?")));
    PAY_CHECK(select.bindAll({faceKeyId()}));
    PAY_TRY(row, select.step());
    if (row) {
        QByteArray der = select.columnBlob(0);
        select.reset();
        auto key = crypto::EcKeyPair::fromPrivateKeyDer(der);
        crypto::secureWipe(der);
        return key;
    }
    select.reset();
    PAY_TRY(generated, crypto::EcKeyPair::generate());
    PAY_TRY(der, generated.privateKeyDer());
    const auto stored =
        m_db.execute(QStringLiteral("INSERT INTO pay_face_keys (key_id, private_key_der, public_key, "
                                    "created_at) VALUES (?, ?, ?, ?)"),
                     {faceKeyId(), der, generated.publicKeyRaw(), m_clock->nowUtc().toMSecsSinceEpoch()});
    crypto::secureWipe(der);
    if (!stored) return stored.error();
    return std::move(generated);
}

Result<CallResult> PaymentService::faceAuthinfo(const CallContext& ctx) {
    FieldReader f(ctx.request);
    const QString operatorId = f.text(QStringLiteral("operator_id"), true, 32);
    if (f.error()) return *f.error();
    if (operatorId != ctx.operatorId) {
        return CallResult::fail(ApiError::PermissionDenied, QStringLiteral("operator_id is not the session's"));
    }
    PAY_TRY(key, faceKey());
    PAY_TRY(token, randomToken());
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    const qint64 expires = now + qint64(kFaceTokenSeconds) * 1000;
    PAY_CHECK(m_db.execute(QStringLiteral("INSERT INTO pay_face_tokens (face_token, merchant_no, device_id, "
                                          "operator_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
                           {token, ctx.merchantNo, ctx.deviceId, operatorId, now, expires}));
    return CallResult::ok({{QStringLiteral("face_token"), token},
                           {QStringLiteral("expires_in"), kFaceTokenSeconds},
                           {QStringLiteral("expires_at"), rfc3339(expires)},
                           {QStringLiteral("face_public_key"), QString::fromLatin1(key.publicKeyRaw().toBase64())},
                           {QStringLiteral("face_key_id"), faceKeyId()},
                           {QStringLiteral("max_image_bytes"), kMaxFaceImageBytes}});
}

Result<CallResult> PaymentService::facePay(const CallContext& ctx) {
    const QJsonObject& req = ctx.request;
    FieldReader f(req);
    const QString mchOrderNo = f.identifier(QStringLiteral("mch_order_no"), true);
    const auto totalFee = f.integer(QStringLiteral("total_fee"), true, 1, kMaxFee);
    const QString feeType = f.feeType();
    const QString channel = f.text(QStringLiteral("channel"), true, 16);
    if (!channel.isEmpty() && channel != u"face") f.fail(invalid(QStringLiteral("channel"), QStringLiteral("face")));
    const QString operatorId = f.text(QStringLiteral("operator_id"), true, 32);
    const QString shiftNo = f.identifier(QStringLiteral("shift_no"), false);
    const QString body = f.text(QStringLiteral("body"), false, 128);
    const QString attach = f.text(QStringLiteral("attach"), false, 127);
    const QString faceToken = f.text(QStringLiteral("face_token"), true, 32);
    if (!faceToken.isEmpty() && !isAlnum(faceToken, 32)) {
        f.fail(invalid(QStringLiteral("face_token"), QStringLiteral("32 of [0-9A-Za-z]")));
    }
    const QJsonValue imageValue = req.value(QStringLiteral("face_image"));
    if (!imageValue.isUndefined() && !imageValue.isNull() && !imageValue.isString()) {
        f.fail(invalid(QStringLiteral("face_image"), QStringLiteral("must be a string")));
    }
    const QString phoneLast4 = f.text(QStringLiteral("phone_last4"), false, 4);
    if (!phoneLast4.isEmpty() && (phoneLast4.size() != 4 || !isDigits(phoneLast4))) {
        f.fail(invalid(QStringLiteral("phone_last4"), QStringLiteral("exactly 4 digits")));
    }
    f.integer(QStringLiteral("liveness_score"), false, 0, 100);
    QString detail;
    checkDetail(f, req, totalFee, detail);
    if (f.error()) return *f.error();
    const bool hasImage = !imageValue.toString().isEmpty();
    if (!hasImage && phoneLast4.isEmpty()) return missing(QStringLiteral("face_image"));
    if (operatorId != ctx.operatorId) {
        return CallResult::fail(ApiError::PermissionDenied, QStringLiteral("operator_id is not the session's"));
    }
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();

    PAY_TRY(existing, loadOrder(ctx.merchantNo, mchOrderNo, {}));
    if (existing) {
        Order& o = *existing;
        PAY_TRY(json, orderJson(o));
        if (o.placeholder()) {
            return CallResult::fail(ApiError::OrderClosed, QStringLiteral("order already closed or reversed"), json);
        }
        if (o.channel != u"face" || o.totalFee != totalFee || o.feeType != feeType || o.faceToken != faceToken) {
            return CallResult::fail(ApiError::OrderConflict,
                                    QStringLiteral("mch_order_no already used with other fields"),
                                    QJsonObject{{QStringLiteral("order"), json}});
        }
        // A resubmission repeating the previous attempt's digits is a retry, not another attempt (§12.2).
        if (phoneLast4.isEmpty() || o.tradeState != u"NEED_PHONE_CONFIRM" || phoneLast4 == o.phoneLastAttempt) {
            return CallResult::ok(json);
        }
        if (phoneLast4 == o.phoneLast4) {
            if (o.faceThen == u"INSUFFICIENT_FUNDS") {
                o.tradeState = QStringLiteral("FAIL");
                o.tradeErrCode = QStringLiteral("INSUFFICIENT_FUNDS");
                o.tradeErrMsg = QStringLiteral("the payer's balance is too low");
                o.endedAt = now;
            } else {
                o.tradeState = QStringLiteral("SUCCESS");
                o.tradeErrCode.clear();
                o.tradeErrMsg.clear();
                o.paidAt = now;
                o.channelOrderNo = channelOrderNumber(o.channel, now, o.id);
            }
        } else {
            o.phoneAttemptsLeft = std::max<qint64>(0, o.phoneAttemptsLeft.value_or(1) - 1);
            o.phoneLastAttempt = phoneLast4;
            if (*o.phoneAttemptsLeft == 0) {
                o.tradeState = QStringLiteral("FAIL");
                o.tradeErrCode = QStringLiteral("PHONE_MISMATCH");
                o.tradeErrMsg = QStringLiteral("three wrong phone confirmations");
                o.endedAt = now;
            }
        }
        PAY_CHECK(storeOrderState(o));
        qCInfo(lcPay) << "face_pay" << mchOrderNo << "phone confirmation ->" << o.tradeState << o.tradeErrCode;
        PAY_TRY(updated, orderJson(o));
        return CallResult::ok(updated);
    }
    if (!hasImage) return missing(QStringLiteral("face_image"));
    if (m_hooks.merchantChannels) {
        const auto enabled = m_hooks.merchantChannels(ctx.merchantNo);
        if (enabled && !enabled->contains(QStringLiteral("face"))) {
            return CallResult::fail(ApiError::ChannelNotEnabled, QStringLiteral("face is not enabled"),
                                    QJsonObject{{QStringLiteral("channel"), QStringLiteral("face")}});
        }
    }

    // The token: issued to this device, not expired, not bound to another order.
    PAY_TRY(tokenSelect, m_db.prepare(QStringLiteral("SELECT expires_at, mch_order_no FROM pay_face_tokens WHERE "
                                                     "face_token = ? AND merchant_no = ? AND device_id = ?")));
    PAY_CHECK(tokenSelect.bindAll({faceToken, ctx.merchantNo, ctx.deviceId}));
    PAY_TRY(tokenRow, tokenSelect.step());
    const qint64 tokenExpires = tokenRow ? tokenSelect.columnInt64(0) : 0;
    const QString boundTo = tokenRow ? tokenSelect.columnText(1) : QString();
    tokenSelect.reset();
    if (!tokenRow || now >= tokenExpires || (!boundTo.isEmpty() && boundTo != mchOrderNo)) {
        return CallResult::fail(ApiError::FaceTokenInvalid,
                                QStringLiteral("face_token unknown, expired, or used for another order"));
    }

    // The image: opened in memory only to identify the payer, then wiped (§17.5).
    QByteArray sealed;
    const auto decoded =
        QByteArray::fromBase64Encoding(imageValue.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return invalid(QStringLiteral("face_image"), QStringLiteral("not base64"));
    sealed = *decoded;
    PAY_TRY(key, faceKey());
    auto opened = key.openSealed(sealed, QByteArray(kFaceImageInfo) + faceToken.toLatin1());
    if (!opened) {
        return invalid(QStringLiteral("face_image"),
                       QStringLiteral("cannot be opened with the face key for this token"));
    }
    // Wiped on every way out of this function, and at once after matching.
    const auto wipeImage = qScopeGuard([&opened] { crypto::secureWipe(*opened); });
    if (opened->size() > kMaxFaceImageBytes) {
        return invalid(QStringLiteral("face_image"), QStringLiteral("image larger than max_image_bytes"));
    }

    // The next scripted outcome of this device comes first, whatever the image shows; without one, the enrolled
    // face the image matches decides by its behaviour.
    QString outcome = QStringLiteral("FACE_NOT_MATCHED");
    QString faceId;
    bool scriptedOutcome = false;
    {
        PAY_TRY(script, m_db.prepare(QStringLiteral("SELECT id, outcome, face_id FROM pay_face_script WHERE "
                                                    "device_id = ? ORDER BY id LIMIT 1")));
        PAY_CHECK(script.bindAll({ctx.deviceId}));
        PAY_TRY(scripted, script.step());
        if (scripted) {
            scriptedOutcome = true;
            const qint64 scriptId = script.columnInt64(0);
            outcome = script.columnText(1);
            faceId = script.columnText(2);
            script.reset();
            PAY_CHECK(m_db.execute(QStringLiteral("DELETE FROM pay_face_script WHERE id = ?"), {scriptId}));
        }
    }
    if (!scriptedOutcome) {
        PAY_TRY(matchedId, identifyPayer(*opened));
        if (!matchedId.isEmpty()) {
            PAY_TRY(profile, faceProfile(matchedId));
            const QString behaviour = profile ? profile->behaviour : QString();
            faceId = matchedId;
            if (behaviour == u"SUCCESS" || behaviour == u"NEED_PHONE_CONFIRM" || behaviour == u"INSUFFICIENT_FUNDS") {
                outcome = behaviour;
            } else if (behaviour == u"SYSTEMERROR_THEN_SUCCESS") {
                outcome = QStringLiteral("SYSTEMERROR");
            }
        }
    }
    crypto::secureWipe(*opened);

    Order o = newOrder(ctx, mchOrderNo, operatorId, now);
    o.channel = QStringLiteral("face");
    o.totalFee = totalFee;
    o.feeType = feeType;
    o.faceToken = faceToken;
    o.shiftNo = shiftNo;
    o.body = body;
    o.attach = attach;
    o.detail = detail;
    o.chargedAt = now;
    if (outcome == u"SUCCESS") {
        o.tradeState = QStringLiteral("SUCCESS");
        o.paidAt = now;
    } else if (outcome == u"NEED_PHONE_CONFIRM") {
        PAY_TRY(profile, faceProfile(faceId));
        o.tradeState = QStringLiteral("NEED_PHONE_CONFIRM");
        o.phoneLast4 = profile ? profile->phone.right(4) : QString();
        o.phoneAttemptsLeft = kPhoneAttempts;
        o.phoneExpiresAt = tokenExpires;
        o.faceThen = profile && profile->behaviour == u"INSUFFICIENT_FUNDS" ? QStringLiteral("INSUFFICIENT_FUNDS")
                                                                            : QStringLiteral("SUCCESS");
    } else if (outcome == u"SYSTEMERROR") {
        o.behaviour = QStringLiteral("0300");  // the wallet's "system error, money taken": SUCCESS on query
        const Wallet::State state = m_wallet.state({o.behaviour, *totalFee, fromMs(now)});
        o.tradeState = state.tradeState;
        o.tradeErrCode = state.errCode;
        o.tradeErrMsg = state.errMsg;
    } else {
        o.tradeState = QStringLiteral("FAIL");
        o.tradeErrCode = outcome == u"INSUFFICIENT_FUNDS" ? QStringLiteral("INSUFFICIENT_FUNDS")
                                                          : QStringLiteral("FACE_NOT_MATCHED");
        o.tradeErrMsg = outcome == u"INSUFFICIENT_FUNDS" ? QStringLiteral("the payer's balance is too low")
                                                         : QStringLiteral("no enrolled payer matched");
        o.endedAt = now;
    }
    PAY_CHECK(insertOrder(o));
    PAY_CHECK(m_db.execute(QStringLiteral("UPDATE pay_face_tokens SET mch_order_no = ? WHERE face_token = ?"),
                           {mchOrderNo, faceToken}));
    qCInfo(lcPay) << "face_pay" << mchOrderNo << *totalFee << "->" << o.tradeState << o.tradeErrCode;
    PAY_TRY(json, orderJson(o));
    return CallResult::ok(json);
}

Result<QString> PaymentService::identifyPayer(const QByteArray& image) {
    QList<FaceMatcher::Enrolled> gallery;
    PAY_TRY(select, m_db.prepare(QStringLiteral("SELECT face_id, image FROM pay_face_images ORDER BY id")));
    for (;;) {
        PAY_TRY(row, select.step());
        if (!row) break;
        gallery.append({select.columnText(0), select.columnBlob(1)});
    }
    // A gallery that cannot be trained is the sandbox's own fault, not the payer's: say so in the log and let the
    // payment fail as unmatched rather than answer SYSTEMERROR on every face payment.
    if (auto trained = m_faceMatcher.setGallery(gallery); !trained) {
        qCWarning(lcPay) << "face matching unavailable:" << trained.error().message;
        return QString();
    }
    return m_faceMatcher.identify(image).faceId;
}

Result<std::optional<PaymentService::FaceProfileRow>> PaymentService::faceProfile(const QString& faceId) {
    PAY_TRY(select, m_db.prepare(QStringLiteral("SELECT phone, behaviour FROM pay_faces WHERE face_id = ?")));
    PAY_CHECK(select.bindAll({faceId}));
    PAY_TRY(row, select.step());
    if (row) return std::optional<FaceProfileRow>(FaceProfileRow{select.columnText(0), select.columnText(1)});
    if (const auto builtin = builtinFace(faceId)) {
        return std::optional<FaceProfileRow>(FaceProfileRow{builtin->phone, builtin->behaviour});
    }
    return std::optional<FaceProfileRow>();
}

// ---- refunds -----------------------------------------------------------------------------------------------------

Result<std::optional<CallResult>> PaymentService::checkMerchantAuth(const CallContext& ctx) {
    if (ctx.role == u"merchant") return std::optional<CallResult>();
    if (ctx.role != u"clerk") {
        return std::optional<CallResult>(
            CallResult::fail(ApiError::PermissionDenied, QStringLiteral("refunds need a merchant or clerk session")));
    }
    const QString proof = ctx.request.value(QStringLiteral("merchant_auth_proof")).toString();
    if (proof.isEmpty()) {
        return std::optional<CallResult>(CallResult::fail(
            ApiError::MerchantAuthRequired, QStringLiteral("a clerk refund needs the merchant's authorisation")));
    }
    std::optional<QByteArray> key = m_hooks.merchantKey ? m_hooks.merchantKey(ctx.merchantNo) : std::nullopt;
    bool valid = false;
    if (key) {
        auto expected = api::passwordProof(ctx.request, *key, u"merchant_auth_proof");
        crypto::secureWipe(*key);
        if (!expected) return expected.error();
        valid = crypto::constantTimeEquals(expected->toLatin1(), proof.toUpper().toLatin1());
    }
    if (valid) {
        if (m_hooks.merchantAuthSucceeded) m_hooks.merchantAuthSucceeded(ctx.merchantNo);
        return std::optional<CallResult>();
    }
    qCInfo(lcPay) << "refund: wrong merchant authorisation on" << ctx.deviceId;
    if (m_hooks.merchantAuthFailed) return std::optional<CallResult>(m_hooks.merchantAuthFailed(ctx.merchantNo));
    return std::optional<CallResult>(
        CallResult::fail(ApiError::BadCredentials, QStringLiteral("wrong merchant authorisation")));
}

Result<CallResult> PaymentService::refund(const CallContext& ctx) {
    const QJsonObject& req = ctx.request;
    FieldReader f(req);
    QString mchOrderNo = f.identifier(QStringLiteral("mch_order_no"), false);
    const QString platformOrderNo = f.text(QStringLiteral("platform_order_no"), false, 32);
    const QString mchRefundNo = f.identifier(QStringLiteral("mch_refund_no"), true);
    const auto refundFee = f.integer(QStringLiteral("refund_fee"), true, 1, kMaxFee);
    const auto totalFee = f.integer(QStringLiteral("total_fee"), true, 1, kMaxFee);
    const QString feeType = f.feeType();
    const QString operatorId = f.text(QStringLiteral("operator_id"), true, 32);
    const QString reason = f.text(QStringLiteral("reason"), false, 80);
    if (f.error()) return *f.error();
    if (mchOrderNo.isEmpty() && platformOrderNo.isEmpty()) return missing(QStringLiteral("mch_order_no"));
    if (operatorId != ctx.operatorId) {
        return CallResult::fail(ApiError::PermissionDenied, QStringLiteral("operator_id is not the session's"));
    }
    PAY_TRY(authFailure, checkMerchantAuth(ctx));
    if (authFailure) return *authFailure;

    PAY_TRY(order, loadOrder(ctx.merchantNo, mchOrderNo, platformOrderNo));
    if (!order) {
        // An order known only from sync_upload is a cash sale: refunded from the drawer, not here (§13).
        if (m_hooks.uploadedOrders) {
            for (const QJsonObject& json : m_hooks.uploadedOrders(ctx.merchantNo)) {
                if ((!mchOrderNo.isEmpty() && json.value(QStringLiteral("mch_order_no")).toString() == mchOrderNo) ||
                    (!platformOrderNo.isEmpty() &&
                     json.value(QStringLiteral("platform_order_no")).toString() == platformOrderNo)) {
                    return CallResult::fail(ApiError::RefundNotAllowed,
                                            QStringLiteral("cash orders are refunded from the drawer"));
                }
            }
        }
        return CallResult::fail(ApiError::OrderNotFound, QStringLiteral("no such order"));
    }
    mchOrderNo = order->mchOrderNo;

    PAY_TRY(previous, loadRefunds(ctx.merchantNo, {}, mchRefundNo));
    if (!previous.isEmpty()) {
        const Refund& r = previous.first();
        PAY_TRY(json, refundJson(r));
        if (r.mchOrderNo != mchOrderNo || r.refundFee != *refundFee || r.feeType != feeType) {
            return CallResult::fail(ApiError::RefundConflict,
                                    QStringLiteral("mch_refund_no already used with other fields"),
                                    QJsonObject{{QStringLiteral("refund"), json}});
        }
        return CallResult::ok({{QStringLiteral("refund"), json}});
    }

    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    if (order->placeholder() || order->tradeState != u"SUCCESS" || !order->wallet() || order->totalFee != totalFee ||
        (order->paidAt && now - *order->paidAt > kRefundWindowMs)) {
        return CallResult::fail(ApiError::RefundNotAllowed,
                                QStringLiteral("order not paid, not a wallet order, too old, or total_fee differs"));
    }
    PAY_TRY(refunded, refundedFee(ctx.merchantNo, mchOrderNo));
    const qint64 refundable = *order->totalFee - refunded;
    if (*refundFee > refundable) {
        return CallResult::fail(ApiError::RefundExceedsPaid, QStringLiteral("refunds would exceed the amount paid"),
                                QJsonObject{{QStringLiteral("refundable_fee"), refundable}});
    }

    Refund r;
    r.merchantNo = ctx.merchantNo;
    r.mchRefundNo = mchRefundNo;
    r.mchOrderNo = mchOrderNo;
    r.platformOrderNo = order->platformOrderNo;
    r.refundFee = *refundFee;
    r.feeType = feeType;
    r.operatorId = operatorId;
    r.authorisedBy = ctx.role == u"merchant" ? ctx.operatorId : QStringLiteral("M") + ctx.merchantNo;
    r.reason = reason;
    r.deviceId = ctx.deviceId;
    r.createdAt = now;
    if (*refundFee % 100 == 99) {
        r.refundState = QStringLiteral("PROCESSING");
    } else if (*refundFee % 100 == 98) {
        r.refundState = QStringLiteral("FAIL");
        r.refundErrCode = QStringLiteral("REFUND_DECLINED");
        r.refundErrMsg = QStringLiteral("the channel declined the refund");
    } else {
        r.refundState = QStringLiteral("SUCCESS");
        r.successAt = now;
    }
    PAY_CHECK(m_db.execute(
        QStringLiteral("INSERT INTO pay_refunds (merchant_no, mch_refund_no, mch_order_no, platform_order_no, "
                       "refund_fee, fee_type, refund_state, refund_err_code, refund_err_msg, operator_id, "
                       "authorised_by, reason, device_id, created_at, success_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.merchantNo, r.mchRefundNo, r.mchOrderNo, nullable(r.platformOrderNo), r.refundFee, r.feeType, r.refundState,
         nullable(r.refundErrCode), nullable(r.refundErrMsg), r.operatorId, r.authorisedBy, nullable(r.reason),
         r.deviceId, r.createdAt, r.successAt}));
    r.id = m_db.lastInsertRowId();
    r.platformRefundNo =
        QStringLiteral("PR") + beijingDate(now) + QStringLiteral("%1").arg(r.id, 10, 10, QLatin1Char('0'));
    PAY_CHECK(m_db.execute(QStringLiteral("UPDATE pay_refunds SET platform_refund_no = ? WHERE id = ?"),
                           {r.platformRefundNo, r.id}));
    qCInfo(lcPay) << "refund" << mchRefundNo << "of" << mchOrderNo << r.refundFee << "->" << r.refundState;
    PAY_TRY(json, refundJson(r));
    return CallResult::ok({{QStringLiteral("refund"), json}});
}

Result<CallResult> PaymentService::refundQuery(const CallContext& ctx) {
    FieldReader f(ctx.request);
    const QString mchRefundNo = f.identifier(QStringLiteral("mch_refund_no"), false);
    QString mchOrderNo = f.identifier(QStringLiteral("mch_order_no"), false);
    if (f.error()) return *f.error();
    if (mchRefundNo.isEmpty() && mchOrderNo.isEmpty()) return missing(QStringLiteral("mch_refund_no"));
    QList<Refund> refunds;
    if (!mchRefundNo.isEmpty()) {
        PAY_TRY(found, loadRefunds(ctx.merchantNo, {}, mchRefundNo));
        if (found.isEmpty()) return CallResult::fail(ApiError::RefundNotFound, QStringLiteral("no such refund"));
        refunds = found;
        mchOrderNo = found.first().mchOrderNo;
    }
    PAY_TRY(order, loadOrder(ctx.merchantNo, mchOrderNo, {}));
    if (!order) return CallResult::fail(ApiError::OrderNotFound, QStringLiteral("no such order"));
    if (mchRefundNo.isEmpty()) {
        PAY_TRY(all, loadRefunds(ctx.merchantNo, mchOrderNo, {}));
        refunds = all;
    }
    PAY_TRY(refunded, refundedFee(ctx.merchantNo, mchOrderNo));
    const qint64 total = order->totalFee.value_or(0);
    QJsonArray list;
    for (const Refund& r : refunds) {
        PAY_TRY(json, refundJson(r));
        list.append(json);
    }
    return CallResult::ok({{QStringLiteral("order"),
                            QJsonObject{{QStringLiteral("mch_order_no"), mchOrderNo},
                                        {QStringLiteral("total_fee"), total},
                                        {QStringLiteral("refunded_fee"), refunded},
                                        {QStringLiteral("refundable_fee"), std::max<qint64>(0, total - refunded)}}},
                           {QStringLiteral("refunds"), list}});
}

// ---- order_list --------------------------------------------------------------------------------------------------

Result<QList<PaymentService::Order>> PaymentService::selectOrders(const QString& where,
                                                                  std::initializer_list<SqlValue> params) {
    PAY_TRY(select, m_db.prepare(QStringLiteral("SELECT %1 FROM pay_orders WHERE %2 ORDER BY created_at DESC, "
                                                "mch_order_no DESC")
                                     .arg(QLatin1String(kOrderColumns), where)));
    PAY_CHECK(select.bindAll(params));
    return readAll(select, &readOrder<Order>);
}

Result<CallResult> PaymentService::orderList(const CallContext& ctx) {
    const QJsonObject& req = ctx.request;
    FieldReader f(req);
    const QString fromText = f.text(QStringLiteral("from"), false, 40);
    const QString toText = f.text(QStringLiteral("to"), false, 40);
    const auto states = f.stringArray(QStringLiteral("trade_state"), tradeStates());
    const auto settle =
        f.stringArray(QStringLiteral("settle_status"),
                      {QStringLiteral("PENDING"), QStringLiteral("SETTLED"), QStringLiteral("REFUNDED")});
    const auto channelFilter = f.stringArray(QStringLiteral("channel"), channels());
    QString operatorFilter = f.text(QStringLiteral("operator_id"), false, 32);
    const QString keyword = f.text(QStringLiteral("keyword"), false, 64);
    const QString cursor = f.text(QStringLiteral("cursor"), false, 80);
    const qint64 pageSize = f.integer(QStringLiteral("page_size"), false, 1, 50).value_or(20);
    if (f.error()) return *f.error();

    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    std::optional<qint64> from = fromText.isEmpty() ? std::optional<qint64>(beijingMidnight(now)) : parseTime(fromText);
    std::optional<qint64> to = toText.isEmpty() ? std::optional<qint64>(now) : parseTime(toText);
    if (!from) return invalid(QStringLiteral("from"), QStringLiteral("RFC 3339 time with offset"));
    if (!to) return invalid(QStringLiteral("to"), QStringLiteral("RFC 3339 time with offset"));
    if (*to < *from || *to - *from > kMaxListRangeMs) {
        return invalid(QStringLiteral("from"), QStringLiteral("range must be 0 to 31 days"));
    }
    // Cursor "c2.<created_at ms>.<mch_order_no>": the last order of the previous page.
    std::optional<std::pair<qint64, QString>> after;
    if (!cursor.isEmpty()) {
        const QStringList parts = cursor.split(u'.');
        bool ok = false;
        const qint64 createdMs = parts.size() == 3 ? parts[1].toLongLong(&ok) : 0;
        if (parts.size() != 3 || parts[0] != u"c2" || !ok) {
            return invalid(QStringLiteral("cursor"), QStringLiteral("not a cursor from this server"));
        }
        after = std::make_pair(createdMs, parts[2]);
    }
    if (ctx.role != u"merchant") {
        if (!operatorFilter.isEmpty() && operatorFilter != ctx.operatorId) {
            return CallResult::fail(ApiError::PermissionDenied, QStringLiteral("a clerk sees only their own orders"));
        }
        operatorFilter = ctx.operatorId;
    }

    // Rows: the server's own orders, then orders known only from sync_upload (cash sales), all as order objects.
    struct Row {
        qint64 createdAt;
        QString mchOrderNo;
        QJsonObject json;
    };
    std::vector<Row> rows;
    PAY_TRY(own, selectOrders(QStringLiteral("merchant_no = ? AND total_fee IS NOT NULL"), {ctx.merchantNo}));
    QSet<QString> ownNumbers;
    for (const Order& o : own) {
        ownNumbers.insert(o.mchOrderNo);
        if (o.createdAt < *from || o.createdAt > *to) continue;
        PAY_TRY(json, orderJson(o));
        rows.push_back({o.createdAt, o.mchOrderNo, json});
    }
    if (m_hooks.uploadedOrders) {
        for (const QJsonObject& json : m_hooks.uploadedOrders(ctx.merchantNo)) {
            const QString number = json.value(QStringLiteral("mch_order_no")).toString();
            const auto created = parseTime(json.value(QStringLiteral("created_at")).toString());
            if (number.isEmpty() || !created || ownNumbers.contains(number)) continue;
            if (*created < *from || *created > *to) continue;
            rows.push_back({*created, number, json});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.mchOrderNo > b.mchOrderNo;
    });

    QJsonArray page;
    QString lastOnPage;
    bool more = false;
    qint64 orderCount = 0, paidCount = 0, paidFee = 0, refundedTotal = 0, settledFee = 0, pendingFee = 0;
    auto matches = [&keyword](const QJsonObject& json, const char* field) {
        const QString number = json.value(QLatin1String(field)).toString();
        return !number.isEmpty() && (number == keyword || (keyword.size() >= 4 && number.endsWith(keyword)));
    };
    for (const Row& row : rows) {
        const QJsonObject& json = row.json;
        const QString tradeState = json.value(QStringLiteral("trade_state")).toString();
        const QString settleStatus = json.value(QStringLiteral("settle_status")).toString();
        if (!operatorFilter.isEmpty() && json.value(QStringLiteral("operator_id")).toString() != operatorFilter) {
            continue;
        }
        if (states && !states->contains(tradeState)) continue;
        if (channelFilter && !channelFilter->contains(json.value(QStringLiteral("channel")).toString())) continue;
        if (settle && !settle->contains(settleStatus)) continue;
        if (!keyword.isEmpty() && !matches(json, "mch_order_no") && !matches(json, "platform_order_no") &&
            !matches(json, "channel_order_no")) {
            continue;
        }
        ++orderCount;
        if (tradeState == u"SUCCESS") {
            const qint64 total = json.value(QStringLiteral("total_fee")).toInteger();
            const qint64 refunded = json.value(QStringLiteral("refunded_fee")).toInteger();
            ++paidCount;
            paidFee += total;
            refundedTotal += refunded;
            if (settleStatus == u"SETTLED") settledFee += total - refunded;
            if (settleStatus == u"PENDING") pendingFee += total - refunded;
        }
        const bool afterCursor =
            !after || row.createdAt < after->first || (row.createdAt == after->first && row.mchOrderNo < after->second);
        if (!afterCursor) continue;
        if (page.size() < pageSize) {
            page.append(json);
            lastOnPage = QStringLiteral("c2.%1.%2").arg(row.createdAt).arg(row.mchOrderNo);
        } else {
            more = true;
        }
    }
    QJsonObject data{{QStringLiteral("orders"), page},
                     {QStringLiteral("summary"), QJsonObject{{QStringLiteral("order_count"), orderCount},
                                                             {QStringLiteral("paid_count"), paidCount},
                                                             {QStringLiteral("paid_fee"), paidFee},
                                                             {QStringLiteral("refunded_fee"), refundedTotal},
                                                             {QStringLiteral("net_fee"), paidFee - refundedTotal},
                                                             {QStringLiteral("settled_fee"), settledFee},
                                                             {QStringLiteral("pending_settle_fee"), pendingFee}}}};
    if (more) data.insert(QStringLiteral("next_cursor"), lastOnPage);
    return CallResult::ok(data);
}

// ---- admin -------------------------------------------------------------------------------------------------------

namespace {

Error adminMissing(const QString& field) {
    return makeError(api::errorName(ApiError::MissingField), field + QStringLiteral(": required"));
}
Error adminInvalid(const QString& field, const QString& detail) {
    return makeError(api::errorName(ApiError::InvalidField), field + QStringLiteral(": ") + detail);
}

}  // namespace

Result<QJsonObject> PaymentService::adminOrderList(const QJsonObject& body) {
    const QString merchantNo = body.value(QStringLiteral("merchant_no")).toString();
    const QString deviceId = body.value(QStringLiteral("device_id")).toString();
    const QString mchOrderNo = body.value(QStringLiteral("mch_order_no")).toString();
    const qint64 limit = body.contains(QStringLiteral("limit")) ? body.value(QStringLiteral("limit")).toInteger() : 100;
    if (limit < 1 || limit > 1000) return adminInvalid(QStringLiteral("limit"), QStringLiteral("1-1000"));
    const bool discrepancyOnly = body.value(QStringLiteral("discrepancy_only")).toBool();
    PAY_TRY(orders, selectOrders(QStringLiteral("(?1 = '' OR merchant_no = ?1) AND (?2 = '' OR device_id = ?2) AND "
                                                "(?3 = '' OR mch_order_no = ?3)"),
                                 {merchantNo, deviceId, mchOrderNo}));
    // The terminal's view of each order, from sync_upload, per merchant: a final state or amount that differs
    // from the server's is a discrepancy support must look at.
    QHash<QString, QHash<QString, QJsonObject>> uploadedByMerchant;
    auto uploaded = [&](const QString& merchant, const QString& number) -> std::optional<QJsonObject> {
        if (!m_hooks.uploadedOrders) return std::nullopt;
        if (!uploadedByMerchant.contains(merchant)) {
            QHash<QString, QJsonObject>& byNumber = uploadedByMerchant[merchant];
            for (const QJsonObject& json : m_hooks.uploadedOrders(merchant)) {
                byNumber.insert(json.value(QStringLiteral("mch_order_no")).toString(), json);
            }
        }
        const auto& byNumber = uploadedByMerchant[merchant];
        const auto it = byNumber.constFind(number);
        return it == byNumber.constEnd() ? std::nullopt : std::optional<QJsonObject>(*it);
    };
    auto isFinal = [](const QString& state) {
        return state == u"SUCCESS" || state == u"FAIL" || state == u"CLOSED" || state == u"REVERSED";
    };
    QJsonArray list;
    for (const Order& o : orders) {
        if (list.size() >= limit) break;
        PAY_TRY(json, orderJson(o));
        bool discrepancy = false;
        if (const auto terminal = uploaded(o.merchantNo, o.mchOrderNo)) {
            const QString terminalState = terminal->value(QStringLiteral("trade_state")).toString();
            discrepancy = (isFinal(terminalState) && isFinal(o.tradeState) && terminalState != o.tradeState) ||
                          (o.totalFee && terminal->contains(QStringLiteral("total_fee")) &&
                           terminal->value(QStringLiteral("total_fee")).toInteger() != *o.totalFee);
        }
        if (discrepancyOnly && !discrepancy) continue;
        json.insert(QStringLiteral("merchant_no"), o.merchantNo);
        json.insert(QStringLiteral("discrepancy"), discrepancy);
        if (!o.behaviour.isEmpty() && o.channel != u"face") {
            json.insert(QStringLiteral("test_behaviour"),
                        o.behaviour + QStringLiteral(" ") + Wallet::describe(o.behaviour));
        }
        if (!o.authCodeMasked.isEmpty()) json.insert(QStringLiteral("auth_code_masked"), o.authCodeMasked);
        list.append(json);
    }
    return QJsonObject{{QStringLiteral("orders"), list}};
}

Result<QJsonObject> PaymentService::adminSettle(const QJsonObject& body) {
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    qint64 before = now;
    const QString beforeText = body.value(QStringLiteral("before")).toString();
    if (!beforeText.isEmpty()) {
        const auto parsed = parseTime(beforeText);
        if (!parsed) return adminInvalid(QStringLiteral("before"), QStringLiteral("RFC 3339 time with offset"));
        before = *parsed;
    }
    PAY_CHECK(m_db.execute(QStringLiteral("UPDATE pay_orders SET settled_at = ? WHERE trade_state = 'SUCCESS' AND "
                                          "settled_at IS NULL AND channel <> 'cash' AND paid_at <= ?"),
                           {now, before}));
    return QJsonObject{{QStringLiteral("settled"), m_db.changes()}};
}

Result<QJsonObject> PaymentService::adminFaceScript(const QJsonObject& body) {
    const QString deviceId = body.value(QStringLiteral("device_id")).toString();
    if (deviceId.isEmpty()) return adminMissing(QStringLiteral("device_id"));
    if (!body.value(QStringLiteral("results")).isArray()) return adminMissing(QStringLiteral("results"));
    static const QStringList outcomes{QStringLiteral("SUCCESS"), QStringLiteral("NEED_PHONE_CONFIRM"),
                                      QStringLiteral("FACE_NOT_MATCHED"), QStringLiteral("INSUFFICIENT_FUNDS"),
                                      QStringLiteral("SYSTEMERROR")};
    const QJsonArray results = body.value(QStringLiteral("results")).toArray();
    for (const auto& item : results) {
        const QString outcome = item.toObject().value(QStringLiteral("outcome")).toString();
        const QString faceId = item.toObject().value(QStringLiteral("face_id")).toString();
        if (!outcomes.contains(outcome)) {
            return adminInvalid(QStringLiteral("results"),
                                QStringLiteral("outcome must be one of ") + outcomes.join(u", "));
        }
        if (outcome == u"NEED_PHONE_CONFIRM") {
            PAY_TRY(profile, faceProfile(faceId));
            if (!profile) {
                return makeError(api::errorName(ApiError::NotFound),
                                 QStringLiteral("NEED_PHONE_CONFIRM needs an enrolled face_id (or F01-F03)"));
            }
        }
    }
    for (const auto& item : results) {
        PAY_CHECK(
            m_db.execute(QStringLiteral("INSERT INTO pay_face_script (device_id, outcome, face_id) VALUES (?, ?, ?)"),
                         {deviceId, item.toObject().value(QStringLiteral("outcome")).toString(),
                          nullable(item.toObject().value(QStringLiteral("face_id")).toString())}));
    }
    PAY_TRY(queued,
            m_db.queryInt64(QStringLiteral("SELECT COUNT(*) FROM pay_face_script WHERE device_id = ?"), {deviceId}));
    return QJsonObject{{QStringLiteral("queued"), queued.value_or(0)}};
}

Result<QJsonObject> PaymentService::adminFaceEnroll(const QJsonObject& body) {
    const QString faceId = body.value(QStringLiteral("face_id")).toString();
    const QString payerName = body.value(QStringLiteral("payer_name")).toString();
    const QString phone = body.value(QStringLiteral("phone")).toString();
    const QString behaviour = body.value(QStringLiteral("behaviour")).toString();
    const QJsonArray images = body.value(QStringLiteral("images")).toArray();
    if (faceId.isEmpty()) return adminMissing(QStringLiteral("face_id"));
    if (payerName.isEmpty()) return adminMissing(QStringLiteral("payer_name"));
    if (phone.isEmpty()) return adminMissing(QStringLiteral("phone"));
    if (images.isEmpty()) return adminMissing(QStringLiteral("images"));
    QString digits;
    for (QChar c : phone) {
        if (c.isDigit()) digits.append(c);
    }
    if (digits.size() < 4) return adminInvalid(QStringLiteral("phone"), QStringLiteral("at least 4 digits"));
    static const QStringList behaviours{QStringLiteral("SUCCESS"), QStringLiteral("NEED_PHONE_CONFIRM"),
                                        QStringLiteral("INSUFFICIENT_FUNDS"),
                                        QStringLiteral("SYSTEMERROR_THEN_SUCCESS")};
    if (!behaviours.contains(behaviour)) {
        return adminInvalid(QStringLiteral("behaviour"), QStringLiteral("one of ") + behaviours.join(u", "));
    }
    // Every image must show a face the matcher finds, so an enrolment mistake shows here and not as a payer who is
    // never recognised.
    for (qsizetype i = 0; i < images.size(); ++i) {
        const auto decoded =
            QByteArray::fromBase64Encoding(images.at(i).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty()) {
            return adminInvalid(QStringLiteral("images"), QStringLiteral("image %1 is not base64").arg(i + 1));
        }
        if (auto checked = m_faceMatcher.checkEnrolmentImage(*decoded); !checked) {
            const QString why = checked.error().code == u"face.no_face"
                                    ? QStringLiteral("no face found in image %1").arg(i + 1)
                                    : QStringLiteral("image %1: %2").arg(i + 1).arg(checked.error().message);
            return adminInvalid(QStringLiteral("images"), why);
        }
    }
    PAY_TRY(exists, m_db.queryInt64(QStringLiteral("SELECT COUNT(*) FROM pay_faces WHERE face_id = ?"), {faceId}));
    if (exists.value_or(0) > 0) {
        return makeError(api::errorName(ApiError::AlreadyExists), faceId + QStringLiteral(" is already enrolled"));
    }
    PAY_CHECK(m_db.execute(QStringLiteral("INSERT INTO pay_faces (face_id, payer_name, phone, behaviour, created_at) "
                                          "VALUES (?, ?, ?, ?, ?)"),
                           {faceId, payerName, digits, behaviour, m_clock->nowUtc().toMSecsSinceEpoch()}));
    for (const auto& image : images) {
        const auto decoded =
            QByteArray::fromBase64Encoding(image.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return adminInvalid(QStringLiteral("images"), QStringLiteral("base64 JPEG"));
        PAY_CHECK(m_db.execute(QStringLiteral("INSERT INTO pay_face_images (face_id, image) VALUES (?, ?)"),
                               {faceId, *decoded}));
    }
    return QJsonObject{{QStringLiteral("face_id"), faceId}};
}

Result<void> PaymentService::enrollDemoFaces(const QString& folder) {
    const struct {
        const char* faceId;
        const char* file;
        const char* payerName;
        const char* behaviour;
    } faces[] = {{"F01", "face-1.jpg", "测试顾客一", "SUCCESS"},
                 {"F02", "face-2.jpg", "测试顾客二", "NEED_PHONE_CONFIRM"},
                 {"F03", "face-3.png", "测试顾客三", "INSUFFICIENT_FUNDS"}};
    const QDir dir(folder);
    for (const auto& face : faces) {
        const QString faceId = QString::fromLatin1(face.faceId);
        QFile file(dir.filePath(QString::fromLatin1(face.file)));
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(QStringLiteral("face.file"),
                             QStringLiteral("The demo face photograph %1 cannot be read (%2); run "
                                            "scripts/fetch-test-images %3.")
                                 .arg(file.fileName(), file.errorString(), folder));
        }
        const QByteArray image = file.readAll();
        const auto profile = builtinFace(faceId);
        auto enrolled = admin(QStringLiteral("face_enroll"),
                              QJsonObject{{QStringLiteral("face_id"), faceId},
                                          {QStringLiteral("images"), QJsonArray{QString::fromLatin1(image.toBase64())}},
                                          {QStringLiteral("payer_name"), QString::fromUtf8(face.payerName)},
                                          {QStringLiteral("phone"), profile ? profile->phone : QString()},
                                          {QStringLiteral("behaviour"), QString::fromLatin1(face.behaviour)}});
        if (!enrolled && enrolled.error().code != api::errorName(ApiError::AlreadyExists)) {
            return makeError(enrolled.error().code, QStringLiteral("The demo face %1 (%2) could not be enrolled: %3")
                                                        .arg(faceId, file.fileName(), enrolled.error().message));
        }
    }
    return {};
}

#undef PAY_TRY
#undef PAY_CHECK

}  // namespace facepos::sandbox
