// The sandbox's payment calls (docs/terminal-api.md §11–§13, §15.2, §17.3–§17.5), called directly with the
// CallContexts the gateway would build, on a real SQLite file, with time moved by a ManualClock.

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <chrono>
#include <optional>

#include "platform/api_signature.h"
#include "platform/crypto.h"
#include "platform/database.h"
#include "platform/manual_clock.h"
#include "sandbox/payment_schema.h"
#include "sandbox/payment_service.h"

using namespace std::chrono_literals;
using facepos::Database;
using facepos::DatabaseOptions;
using facepos::ManualClock;
using facepos::api::ApiError;
using facepos::sandbox::CallContext;
using facepos::sandbox::CallResult;
using facepos::sandbox::PaymentService;

namespace {

constexpr auto kMerchant = "88001234";
constexpr auto kDevice = "FP2411A00123";
constexpr auto kClerk = "C1001";
constexpr auto kMerchantOperator = "M88001234";

// Codes by channel with the test behaviour in the last four digits (§17.3).
QString wechat(const char* last4) {
    return QStringLiteral("13400000000000") + QLatin1String(last4);
}
QString alipay(const char* last4) {
    return QStringLiteral("28400000000000") + QLatin1String(last4);
}
QString unionpay(const char* last4) {
    return QStringLiteral("624000000000000") + QLatin1String(last4);
}

int code(ApiError e) {
    return static_cast<int>(e);
}

class PaymentsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        open();
    }

    void open() {
        DatabaseOptions options;
        options.migrations = {{1, "payments", facepos::sandbox::paymentSchemaSql()}};
        auto opened = Database::open(dir.filePath(QStringLiteral("sandbox.db")), options);
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        service.reset();
        db.emplace(std::move(*opened));
        PaymentService::Hooks hooks;
        hooks.merchantChannels = [this](const QString&) { return enabledChannels; };
        hooks.merchantKey = [this](const QString&) { return std::optional<QByteArray>(merchantKey); };
        hooks.uploadedOrders = [this](const QString&) { return uploaded; };
        hooks.merchantAuthFailed = [this](const QString&) {
            ++failedMerchantAuths;
            return CallResult::fail(ApiError::BadCredentials, QStringLiteral("wrong password"),
                                    QJsonObject{{QStringLiteral("attempts_left"), 4}});
        };
        service = std::make_unique<PaymentService>(*db, clock, hooks);
    }

    CallResult call(const QString& name, QJsonObject fields, const QString& role = QStringLiteral("clerk"),
                    const QString& operatorId = QString::fromLatin1(kClerk)) {
        fields.insert(QStringLiteral("appid"), QStringLiteral("mch") + QLatin1String(kMerchant));
        fields.insert(QStringLiteral("device_id"), QLatin1String(kDevice));
        fields.insert(QStringLiteral("nonce_str"), QStringLiteral("N%1").arg(++nonce, 31, 10, QLatin1Char('0')));
        fields.insert(QStringLiteral("time_stamp"), QString::number(clock->nowUtc().toSecsSinceEpoch()));
        CallContext ctx;
        ctx.call = name;
        ctx.request = fields;
        ctx.deviceId = QLatin1String(kDevice);
        ctx.merchantNo = QLatin1String(kMerchant);
        ctx.storeNo = QStringLiteral("S01");
        ctx.role = role;
        ctx.operatorId = operatorId;
        if (!role.isEmpty()) ctx.sessionToken = QStringLiteral("DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
        return service->handle(ctx);
    }

    CallResult quickPay(const QString& orderNo, const QString& authCode, qint64 fee = 2350) {
        return call(QStringLiteral("quick_pay"), {{QStringLiteral("mch_order_no"), orderNo},
                                                  {QStringLiteral("total_fee"), fee},
                                                  {QStringLiteral("fee_type"), QStringLiteral("CNY")},
                                                  {QStringLiteral("channel"), channelOf(authCode)},
                                                  {QStringLiteral("auth_code"), authCode},
                                                  {QStringLiteral("operator_id"), QLatin1String(kClerk)}});
    }

    static QString channelOf(const QString& authCode) {
        return facepos::sandbox::Wallet::classify(authCode).isEmpty() ? QStringLiteral("wechat")
                                                                      : facepos::sandbox::Wallet::classify(authCode);
    }

    CallResult query(const QString& orderNo) {
        return call(QStringLiteral("order_query"), {{QStringLiteral("mch_order_no"), orderNo}}, {}, {});
    }
    CallResult reverse(const QString& orderNo) {
        return call(QStringLiteral("order_reverse"), {{QStringLiteral("mch_order_no"), orderNo}}, {}, {});
    }
    CallResult close(const QString& orderNo) {
        return call(QStringLiteral("order_close"), {{QStringLiteral("mch_order_no"), orderNo}}, {}, {});
    }

    QJsonObject refundRequest(const QString& orderNo, const QString& refundNo, qint64 refundFee, qint64 totalFee) {
        return {
            {QStringLiteral("mch_order_no"), orderNo},           {QStringLiteral("mch_refund_no"), refundNo},
            {QStringLiteral("refund_fee"), refundFee},           {QStringLiteral("total_fee"), totalFee},
            {QStringLiteral("fee_type"), QStringLiteral("CNY")}, {QStringLiteral("operator_id"), kMerchantOperator}};
    }
    CallResult merchantRefund(const QString& orderNo, const QString& refundNo, qint64 refundFee,
                              qint64 totalFee = 2350) {
        return call(QStringLiteral("refund"), refundRequest(orderNo, refundNo, refundFee, totalFee),
                    QStringLiteral("merchant"), QString::fromLatin1(kMerchantOperator));
    }

    static QJsonObject data(const CallResult& r) { return r.data.toObject(); }
    static QString state(const CallResult& r) { return data(r).value(QStringLiteral("trade_state")).toString(); }

    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    std::optional<Database> db;
    std::unique_ptr<PaymentService> service;
    std::optional<QStringList> enabledChannels;
    QByteArray merchantKey = QByteArray(32, '\x5a');
    QList<QJsonObject> uploaded;  // what the core would report from sync_upload
    int failedMerchantAuths = 0;
    int nonce = 0;
};

// ---- quick_pay ---------------------------------------------------------------------------------------------------

TEST_F(PaymentsTest, QuickPaySuccessAnswersThePaidOrderObject) {
    const auto r = quickPay(QStringLiteral("A001232411231530120007"), wechat("0000"));
    ASSERT_EQ(r.code, 0) << r.msg.toStdString();
    const QJsonObject o = data(r);
    EXPECT_EQ(o.value("trade_state").toString(), u"SUCCESS");
    EXPECT_EQ(o.value("mch_order_no").toString(), u"A001232411231530120007");
    EXPECT_TRUE(o.value("platform_order_no").toString().startsWith(u"PF20260101"));
    EXPECT_FALSE(o.value("channel_order_no").toString().isEmpty());
    EXPECT_EQ(o.value("channel").toString(), u"wechat");
    EXPECT_EQ(o.value("total_fee").toInteger(), 2350);
    EXPECT_EQ(o.value("fee_type").toString(), u"CNY");
    EXPECT_EQ(o.value("refunded_fee").toInteger(), 0);
    EXPECT_EQ(o.value("operator_id").toString(), u"C1001");
    EXPECT_EQ(o.value("device_id").toString(), u"FP2411A00123");
    EXPECT_EQ(o.value("created_at").toString(), u"2026-01-01T17:00:00+08:00");
    EXPECT_EQ(o.value("paid_at").toString(), u"2026-01-01T17:00:00+08:00");
    EXPECT_EQ(o.value("settle_status").toString(), u"PENDING");
    EXPECT_FALSE(o.contains("auth_code"));
}

TEST_F(PaymentsTest, QuickPayWithDelayedConfirmationIsPaidOnQueryAfterTheDelay) {
    EXPECT_EQ(state(quickPay(QStringLiteral("ORDER000001"), wechat("0110"))), u"USERPAYING");
    clock->advance(9s);
    EXPECT_EQ(state(query(QStringLiteral("ORDER000001"))), u"USERPAYING");
    clock->advance(1s);
    const auto paid = query(QStringLiteral("ORDER000001"));
    EXPECT_EQ(state(paid), u"SUCCESS");
    EXPECT_EQ(data(paid).value("paid_at").toString(), u"2026-01-01T17:00:10+08:00");
}

TEST_F(PaymentsTest, QuickPayRetryWithSameFieldsAnswersCurrentStateWithoutChargingAgain) {
    const auto first = quickPay(QStringLiteral("ORDER000001"), wechat("0110"));
    clock->advance(12s);
    const auto retry = quickPay(QStringLiteral("ORDER000001"), wechat("0110"));
    EXPECT_EQ(retry.code, 0);
    EXPECT_EQ(state(retry), u"SUCCESS");
    EXPECT_EQ(data(retry).value("platform_order_no"), data(first).value("platform_order_no"));
    const auto listed = service->admin(QStringLiteral("order_list"), {});
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->value("orders").toArray().size(), 1);
}

TEST_F(PaymentsTest, QuickPaySameNumberWithOtherAmountIsOrderConflictWithTheExistingOrderNested) {
    ASSERT_EQ(quickPay(QStringLiteral("ORDER000001"), wechat("0000"), 2350).code, 0);
    const auto r = quickPay(QStringLiteral("ORDER000001"), wechat("0000"), 2400);
    EXPECT_EQ(r.code, code(ApiError::OrderConflict));
    const QJsonObject existing = data(r).value("order").toObject();
    EXPECT_EQ(existing.value("total_fee").toInteger(), 2350);
    EXPECT_EQ(existing.value("trade_state").toString(), u"SUCCESS");
}

TEST_F(PaymentsTest, QuickPaySameNumberWithOtherCodeIsOrderConflict) {
    ASSERT_EQ(quickPay(QStringLiteral("ORDER000001"), wechat("0000")).code, 0);
    EXPECT_EQ(quickPay(QStringLiteral("ORDER000001"), wechat("4321")).code, code(ApiError::OrderConflict));
}

TEST_F(PaymentsTest, QuickPayCodeOfAnotherChannelIsAuthCodeInvalidAndCreatesNoOrder) {
    const auto r = call(QStringLiteral("quick_pay"), {{"mch_order_no", "ORDER000001"},
                                                      {"total_fee", 100},
                                                      {"fee_type", "CNY"},
                                                      {"channel", "alipay"},
                                                      {"auth_code", wechat("0000")},
                                                      {"operator_id", kClerk}});
    EXPECT_EQ(r.code, code(ApiError::AuthCodeInvalid));
    EXPECT_EQ(query(QStringLiteral("ORDER000001")).code, code(ApiError::OrderNotFound));
}

TEST_F(PaymentsTest, QuickPayCodeMatchingNoChannelIsAuthCodeInvalid) {
    EXPECT_EQ(quickPay(QStringLiteral("ORDER000001"), QStringLiteral("9912345678")).code,
              code(ApiError::AuthCodeInvalid));
}

TEST_F(PaymentsTest, QuickPayOnAChannelTheMerchantLacksIsChannelNotEnabled) {
    enabledChannels = QStringList{QStringLiteral("wechat")};
    const auto r = quickPay(QStringLiteral("ORDER000001"), alipay("0000"));
    EXPECT_EQ(r.code, code(ApiError::ChannelNotEnabled));
    EXPECT_EQ(data(r).value("channel").toString(), u"alipay");
    EXPECT_EQ(quickPay(QStringLiteral("ORDER000002"), wechat("0000")).code, 0);
}

TEST_F(PaymentsTest, QuickPayForAnotherOperatorIsPermissionDenied) {
    const auto r = call(QStringLiteral("quick_pay"), {{"mch_order_no", "ORDER000001"},
                                                      {"total_fee", 100},
                                                      {"fee_type", "CNY"},
                                                      {"channel", "wechat"},
                                                      {"auth_code", wechat("0000")},
                                                      {"operator_id", "C1003"}});
    EXPECT_EQ(r.code, code(ApiError::PermissionDenied));
}

TEST_F(PaymentsTest, QuickPayWithoutTotalFeeIsMissingField) {
    const auto r = call(QStringLiteral("quick_pay"), {{"mch_order_no", "ORDER000001"},
                                                      {"fee_type", "CNY"},
                                                      {"channel", "wechat"},
                                                      {"auth_code", wechat("0000")},
                                                      {"operator_id", kClerk}});
    EXPECT_EQ(r.code, code(ApiError::MissingField));
    EXPECT_EQ(data(r).value("field").toString(), u"total_fee");
}

TEST_F(PaymentsTest, QuickPayInOtherCurrencyIsInvalidField) {
    const auto r = call(QStringLiteral("quick_pay"), {{"mch_order_no", "ORDER000001"},
                                                      {"total_fee", 100},
                                                      {"fee_type", "USD"},
                                                      {"channel", "wechat"},
                                                      {"auth_code", wechat("0000")},
                                                      {"operator_id", kClerk}});
    EXPECT_EQ(r.code, code(ApiError::InvalidField));
    EXPECT_EQ(data(r).value("field").toString(), u"fee_type");
}

TEST_F(PaymentsTest, QuickPayDetailThatDoesNotAddUpIsInvalidField) {
    const QJsonObject detail{{"original_fee", 2500},
                             {"member_discount_fee", 100},
                             {"vouchers", QJsonArray{QJsonObject{{"voucher_no", "V2411000123"}, {"deduct_fee", 500}}}}};
    QJsonObject request{
        {"mch_order_no", "ORDER000001"}, {"total_fee", 1900},     {"fee_type", "CNY"}, {"channel", "wechat"},
        {"auth_code", wechat("0000")},   {"operator_id", kClerk}, {"detail", detail}};
    EXPECT_EQ(call(QStringLiteral("quick_pay"), request).code, 0);
    request.insert("mch_order_no", "ORDER000002");
    request.insert("total_fee", 2000);
    const auto r = call(QStringLiteral("quick_pay"), request);
    EXPECT_EQ(r.code, code(ApiError::InvalidField));
    EXPECT_EQ(data(r).value("field").toString(), u"detail");
}

TEST_F(PaymentsTest, EachChannelDecidesByTheLastFourDigits) {
    EXPECT_EQ(data(quickPay(QStringLiteral("ORDER000001"), wechat("0400"))).value("trade_err_code").toString(),
              u"INSUFFICIENT_FUNDS");
    EXPECT_EQ(data(quickPay(QStringLiteral("ORDER000002"), alipay("0500"))).value("trade_err_code").toString(),
              u"AUTH_CODE_EXPIRED");
    EXPECT_EQ(data(quickPay(QStringLiteral("ORDER000003"), unionpay("0700"))).value("trade_err_code").toString(),
              u"RISK_DECLINED");
    EXPECT_EQ(state(quickPay(QStringLiteral("ORDER000004"), unionpay("0000"))), u"SUCCESS");
    EXPECT_EQ(state(quickPay(QStringLiteral("ORDER000005"), alipay("0000"))), u"SUCCESS");
}

TEST_F(PaymentsTest, AmountAbove1000YuanAnswersPasswordRequiredThenPaysAt10Seconds) {
    const auto r = quickPay(QStringLiteral("A001232411231541050008"), alipay("0000"), 128000);
    EXPECT_EQ(state(r), u"USERPAYING");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"PASSWORD_REQUIRED");
    clock->advance(10s);
    EXPECT_EQ(state(query(QStringLiteral("A001232411231541050008"))), u"SUCCESS");
}

TEST_F(PaymentsTest, SystemErrorWithMoneyTakenIsPaidOnQuery) {
    EXPECT_EQ(state(quickPay(QStringLiteral("ORDER000001"), wechat("0300"))), u"SYSTEMERROR");
    clock->advance(5s);
    EXPECT_EQ(state(query(QStringLiteral("ORDER000001"))), u"SUCCESS");
}

TEST_F(PaymentsTest, PayerCancellingAfter10SecondsFailsTheOrder) {
    EXPECT_EQ(state(quickPay(QStringLiteral("ORDER000001"), wechat("0600"))), u"USERPAYING");
    clock->advance(10s);
    const auto r = query(QStringLiteral("ORDER000001"));
    EXPECT_EQ(state(r), u"FAIL");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"PAYER_CANCELLED");
    EXPECT_EQ(data(r).value("ended_at").toString(), u"2026-01-01T17:00:10+08:00");
}

TEST_F(PaymentsTest, UnpaidOrderIsAutoRevokedAt45Seconds) {
    quickPay(QStringLiteral("ORDER000001"), alipay("0200"));
    clock->advance(44s);
    EXPECT_EQ(state(query(QStringLiteral("ORDER000001"))), u"USERPAYING");
    clock->advance(1s);
    const auto r = query(QStringLiteral("ORDER000001"));
    EXPECT_EQ(state(r), u"REVERSED");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"AUTO_REVOKED");
}

TEST_F(PaymentsTest, OrderQueryByPlatformOrderNoFindsTheOrder) {
    const auto paid = quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    const auto r =
        call(QStringLiteral("order_query"), {{"platform_order_no", data(paid).value("platform_order_no")}}, {}, {});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(data(r).value("mch_order_no").toString(), u"ORDER000001");
}

TEST_F(PaymentsTest, OrderQueryOfUnknownNumberIsOrderNotFound) {
    EXPECT_EQ(query(QStringLiteral("ORDER000404")).code, code(ApiError::OrderNotFound));
}

// ---- order_reverse / order_close ---------------------------------------------------------------------------------

TEST_F(PaymentsTest, ReverseWithin15SecondsOfTheChargeIsTooEarly) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0200"));
    clock->advance(14s);
    const auto early = reverse(QStringLiteral("ORDER000001"));
    EXPECT_EQ(early.code, code(ApiError::ReverseTooEarly));
    EXPECT_EQ(data(early).value("retry_after_s").toInteger(), 1);
    EXPECT_EQ(state(query(QStringLiteral("ORDER000001"))), u"USERPAYING");
    clock->advance(1s);
    const auto r = reverse(QStringLiteral("ORDER000001"));
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(state(r), u"REVERSED");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"REVERSED_BY_TERMINAL");
}

TEST_F(PaymentsTest, ReversedOrderStaysReversedWhenThePayerConfirmsLater) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0130"));
    clock->advance(20s);
    ASSERT_EQ(reverse(QStringLiteral("ORDER000001")).code, 0);
    clock->advance(20s);
    EXPECT_EQ(state(query(QStringLiteral("ORDER000001"))), u"REVERSED");
    EXPECT_EQ(state(reverse(QStringLiteral("ORDER000001"))), u"REVERSED");  // idempotent
}

TEST_F(PaymentsTest, ReverseOfAPaidOrderIsNotAllowedAndCarriesTheOrder) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    const auto r = reverse(QStringLiteral("ORDER000001"));
    EXPECT_EQ(r.code, code(ApiError::ReverseNotAllowed));
    EXPECT_EQ(state(r), u"SUCCESS");
}

TEST_F(PaymentsTest, ReverseOfADeclinedOrderAnswersItUnchanged) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0400"));
    const auto r = reverse(QStringLiteral("ORDER000001"));
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(state(r), u"FAIL");
}

TEST_F(PaymentsTest, ReverseOfAnUnknownNumberRecordsAReversedOrderSoALateChargeIsClosed) {
    const auto r = reverse(QStringLiteral("ORDER000001"));
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(state(r), u"REVERSED");
    EXPECT_FALSE(data(r).contains("total_fee"));
    const auto late = quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    EXPECT_EQ(late.code, code(ApiError::OrderClosed));
    EXPECT_EQ(state(late), u"REVERSED");
}

TEST_F(PaymentsTest, CloseOfAnUnknownNumberRecordsAClosedOrderSoALateChargeIsClosed) {
    const auto r = close(QStringLiteral("A001232411231554400010"));
    EXPECT_EQ(state(r), u"CLOSED");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"CLOSED_BY_TERMINAL");
    EXPECT_EQ(quickPay(QStringLiteral("A001232411231554400010"), wechat("0000")).code, code(ApiError::OrderClosed));
}

TEST_F(PaymentsTest, CloseOfAnOrderBeingPaidIsOrderPaying) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0200"));
    const auto r = close(QStringLiteral("ORDER000001"));
    EXPECT_EQ(r.code, code(ApiError::OrderPaying));
    EXPECT_EQ(state(r), u"USERPAYING");
}

TEST_F(PaymentsTest, CloseOfAPaidOrderIsOrderPaid) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    EXPECT_EQ(close(QStringLiteral("ORDER000001")).code, code(ApiError::OrderPaid));
}

TEST_F(PaymentsTest, CloseOfADeclinedOrderClosesIt) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0500"));
    const auto r = close(QStringLiteral("ORDER000001"));
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(state(r), u"CLOSED");
}

// ---- refunds -----------------------------------------------------------------------------------------------------

TEST_F(PaymentsTest, MerchantRefundSucceedsAndReportsWhatIsLeft) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    const auto r = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("A00123R24112316200001"), 1200);
    ASSERT_EQ(r.code, 0) << r.msg.toStdString();
    const QJsonObject refund = data(r).value("refund").toObject();
    EXPECT_EQ(refund.value("refund_state").toString(), u"SUCCESS");
    EXPECT_TRUE(refund.value("platform_refund_no").toString().startsWith(u"PR"));
    EXPECT_EQ(refund.value("authorised_by").toString(), u"M88001234");
    EXPECT_EQ(refund.value("order_refunded_fee").toInteger(), 1200);
    EXPECT_EQ(refund.value("order_refundable_fee").toInteger(), 1150);
    EXPECT_EQ(data(query(QStringLiteral("ORDER000001"))).value("refunded_fee").toInteger(), 1200);
}

TEST_F(PaymentsTest, RefundsBeyondTheAmountPaidAreRefusedWithTheRefundableFee) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    ASSERT_EQ(merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 2000).code, 0);
    const auto r = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000002"), 351);
    EXPECT_EQ(r.code, code(ApiError::RefundExceedsPaid));
    EXPECT_EQ(data(r).value("refundable_fee").toInteger(), 350);
    EXPECT_EQ(merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000003"), 350).code, 0);
}

TEST_F(PaymentsTest, RefundRetryWithTheSameNumberAnswersTheFirstRefund) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    const auto first = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 2350);
    const auto retry = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 2350);
    EXPECT_EQ(retry.code, 0);
    EXPECT_EQ(data(retry).value("refund").toObject().value("platform_refund_no"),
              data(first).value("refund").toObject().value("platform_refund_no"));
    EXPECT_EQ(data(query(QStringLiteral("ORDER000001"))).value("refunded_fee").toInteger(), 2350);
}

TEST_F(PaymentsTest, RefundNumberReusedWithOtherAmountIsRefundConflict) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 100);
    const auto r = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 200);
    EXPECT_EQ(r.code, code(ApiError::RefundConflict));
    EXPECT_EQ(data(r).value("refund").toObject().value("refund_fee").toInteger(), 100);
}

TEST_F(PaymentsTest, RefundEndingIn99IsProcessingThenSucceedsAfter5Seconds) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    const auto r = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 199);
    EXPECT_EQ(data(r).value("refund").toObject().value("refund_state").toString(), u"PROCESSING");
    clock->advance(5s);
    const auto q = call(QStringLiteral("refund_query"), {{"mch_refund_no", "REFUND000001"}}, {}, {});
    ASSERT_EQ(q.code, 0);
    const QJsonObject refund = data(q).value("refunds").toArray().first().toObject();
    EXPECT_EQ(refund.value("refund_state").toString(), u"SUCCESS");
    EXPECT_EQ(refund.value("success_at").toString(), u"2026-01-01T17:00:05+08:00");
    EXPECT_EQ(data(q).value("order").toObject().value("refundable_fee").toInteger(), 2350 - 199);
}

TEST_F(PaymentsTest, RefundEndingIn98IsDeclinedAndDoesNotCount) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    const auto r = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 198);
    const QJsonObject refund = data(r).value("refund").toObject();
    EXPECT_EQ(refund.value("refund_state").toString(), u"FAIL");
    EXPECT_EQ(refund.value("refund_err_code").toString(), u"REFUND_DECLINED");
    EXPECT_EQ(refund.value("order_refundable_fee").toInteger(), 2350);
}

TEST_F(PaymentsTest, RefundOfAnUnpaidOrderIsNotAllowed) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0200"));
    EXPECT_EQ(merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 100).code,
              code(ApiError::RefundNotAllowed));
}

TEST_F(PaymentsTest, RefundWithAnotherTotalFeeIsNotAllowed) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    EXPECT_EQ(merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 100, 9999).code,
              code(ApiError::RefundNotAllowed));
}

TEST_F(PaymentsTest, RefundOfAnUnknownOrderIsOrderNotFound) {
    EXPECT_EQ(merchantRefund(QStringLiteral("ORDER000404"), QStringLiteral("REFUND000001"), 100).code,
              code(ApiError::OrderNotFound));
}

TEST_F(PaymentsTest, ClerkRefundWithoutMerchantAuthorisationIsRefused) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    QJsonObject request = refundRequest(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 100, 2350);
    request.insert("operator_id", kClerk);
    EXPECT_EQ(call(QStringLiteral("refund"), request).code, code(ApiError::MerchantAuthRequired));
}

TEST_F(PaymentsTest, ClerkRefundWithTheMerchantsProofIsAuthorisedByTheMerchant) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    QJsonObject request = refundRequest(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 100, 2350);
    request.insert("operator_id", kClerk);
    // The proof covers the envelope too, so build it over the request exactly as call() will send it.
    request.insert("appid", "mch88001234");
    request.insert("device_id", kDevice);
    request.insert("nonce_str", QStringLiteral("N%1").arg(nonce + 1, 31, 10, QLatin1Char('0')));
    request.insert("time_stamp", QString::number(clock->nowUtc().toSecsSinceEpoch()));
    const auto proof = facepos::api::passwordProof(request, merchantKey, u"merchant_auth_proof");
    ASSERT_TRUE(proof);
    request.insert("merchant_auth_proof", *proof);
    const auto r = call(QStringLiteral("refund"), request);
    ASSERT_EQ(r.code, 0) << r.msg.toStdString();
    EXPECT_EQ(data(r).value("refund").toObject().value("operator_id").toString(), u"C1001");
    EXPECT_EQ(data(r).value("refund").toObject().value("authorised_by").toString(), u"M88001234");
}

TEST_F(PaymentsTest, ClerkRefundWithAWrongProofCountsAFailedMerchantAuthorisation) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    QJsonObject request = refundRequest(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 100, 2350);
    request.insert("operator_id", kClerk);
    request.insert("merchant_auth_proof", QString(64, u'A'));
    const auto r = call(QStringLiteral("refund"), request);
    EXPECT_EQ(r.code, code(ApiError::BadCredentials));
    EXPECT_EQ(failedMerchantAuths, 1);
    EXPECT_EQ(data(query(QStringLiteral("ORDER000001"))).value("refunded_fee").toInteger(), 0);
}

TEST_F(PaymentsTest, RefundQueryOfAnOrderListsItsRefundsOldestFirst) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 100);
    merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000002"), 200);
    const auto q = call(QStringLiteral("refund_query"), {{"mch_order_no", "ORDER000001"}}, {}, {});
    ASSERT_EQ(q.code, 0);
    const QJsonArray refunds = data(q).value("refunds").toArray();
    ASSERT_EQ(refunds.size(), 2);
    EXPECT_EQ(refunds[0].toObject().value("mch_refund_no").toString(), u"REFUND000001");
    EXPECT_EQ(data(q).value("order").toObject().value("refunded_fee").toInteger(), 300);
    EXPECT_EQ(call(QStringLiteral("refund_query"), {{"mch_refund_no", "REFUND000404"}}, {}, {}).code,
              code(ApiError::RefundNotFound));
}

// ---- face pay ----------------------------------------------------------------------------------------------------

class FacePayTest : public PaymentsTest {
protected:
    struct Token {
        QString token;
        QByteArray publicKey;
    };

    Token authinfo() {
        const auto r = call(QStringLiteral("face_authinfo"), {{"operator_id", kClerk}});
        EXPECT_EQ(r.code, 0);
        const QJsonObject d = data(r);
        EXPECT_EQ(d.value("expires_in").toInteger(), 120);
        EXPECT_EQ(d.value("max_image_bytes").toInteger(), 262144);
        EXPECT_EQ(d.value("face_key_id").toString(), PaymentService::faceKeyId());
        return {d.value("face_token").toString(),
                QByteArray::fromBase64(d.value("face_public_key").toString().toLatin1())};
    }

    static QString sealImage(const Token& t, const QByteArray& info) {
        const QByteArray jpeg("\xFF\xD8\xFF\xE0 test face \xFF\xD9");
        auto sealed = facepos::crypto::sealToPublicKey(t.publicKey, jpeg, info);
        EXPECT_TRUE(sealed);
        return QString::fromLatin1(sealed->toBase64());
    }
    static QString sealImage(const Token& t) { return sealImage(t, "facepos face image v1:" + t.token.toLatin1()); }

    void script(const QString& outcome, const QString& faceId = {}) {
        QJsonObject result{{"outcome", outcome}};
        if (!faceId.isEmpty()) result.insert("face_id", faceId);
        const auto r =
            service->admin(QStringLiteral("face_script"), {{"device_id", kDevice}, {"results", QJsonArray{result}}});
        ASSERT_TRUE(r) << r.error().message.toStdString();
    }

    QJsonObject faceRequest(const QString& orderNo, const Token& t, qint64 fee = 1880) {
        return {{"mch_order_no", orderNo}, {"total_fee", fee},      {"fee_type", "CNY"},
                {"channel", "face"},       {"operator_id", kClerk}, {"face_token", t.token}};
    }
    CallResult firstSubmission(const QString& orderNo, const Token& t) {
        QJsonObject request = faceRequest(orderNo, t);
        request.insert("face_image", sealImage(t));
        request.insert("liveness_score", 97);
        return call(QStringLiteral("face_pay"), request);
    }
    CallResult confirm(const QString& orderNo, const Token& t, const QString& digits) {
        QJsonObject request = faceRequest(orderNo, t);
        request.insert("phone_last4", digits);
        return call(QStringLiteral("face_pay"), request);
    }
};

TEST_F(FacePayTest, AuthinfoHandsOutAToken32CharactersLongAndThe65ByteFaceKey) {
    const Token t = authinfo();
    EXPECT_EQ(t.token.size(), 32);
    EXPECT_EQ(t.publicKey.size(), 65);
    EXPECT_NE(authinfo().token, t.token);
}

TEST_F(FacePayTest, FaceKeyIsKeptInTheDatabaseAcrossRestarts) {
    const QByteArray before = authinfo().publicKey;
    open();
    EXPECT_EQ(authinfo().publicKey, before);
}

TEST_F(FacePayTest, ScriptedSuccessPaysWithASealedImage) {
    script(QStringLiteral("SUCCESS"));
    const Token t = authinfo();
    const auto r = firstSubmission(QStringLiteral("A001232411231602400011"), t);
    ASSERT_EQ(r.code, 0) << r.msg.toStdString();
    EXPECT_EQ(state(r), u"SUCCESS");
    EXPECT_EQ(data(r).value("channel").toString(), u"face");
    EXPECT_TRUE(data(r).value("channel_order_no").toString().startsWith(u"FACE"));
}

TEST_F(FacePayTest, WithoutAScriptedOutcomeNoPayerMatches) {
    const Token t = authinfo();
    const auto r = firstSubmission(QStringLiteral("ORDER000001"), t);
    EXPECT_EQ(state(r), u"FAIL");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"FACE_NOT_MATCHED");
}

TEST_F(FacePayTest, ScriptedOutcomesAreUsedInOrder) {
    script(QStringLiteral("INSUFFICIENT_FUNDS"));
    script(QStringLiteral("SUCCESS"));
    EXPECT_EQ(data(firstSubmission(QStringLiteral("ORDER000001"), authinfo())).value("trade_err_code").toString(),
              u"INSUFFICIENT_FUNDS");
    EXPECT_EQ(state(firstSubmission(QStringLiteral("ORDER000002"), authinfo())), u"SUCCESS");
}

TEST_F(FacePayTest, ScriptedSystemErrorIsPaidOnQuery) {
    script(QStringLiteral("SYSTEMERROR"));
    EXPECT_EQ(state(firstSubmission(QStringLiteral("ORDER000001"), authinfo())), u"SYSTEMERROR");
    clock->advance(5s);
    EXPECT_EQ(state(query(QStringLiteral("ORDER000001"))), u"SUCCESS");
}

TEST_F(FacePayTest, ImageSealedForAnotherTokenIsRejected) {
    script(QStringLiteral("SUCCESS"));
    const Token t = authinfo();
    QJsonObject request = faceRequest(QStringLiteral("ORDER000001"), t);
    request.insert("face_image", sealImage(t, "facepos face image v1:" + QByteArray(32, 'X')));
    const auto r = call(QStringLiteral("face_pay"), request);
    EXPECT_EQ(r.code, code(ApiError::InvalidField));
    EXPECT_EQ(data(r).value("field").toString(), u"face_image");
}

TEST_F(FacePayTest, ExpiredTokenIsFaceTokenInvalid) {
    const Token t = authinfo();
    clock->advance(120s);
    EXPECT_EQ(firstSubmission(QStringLiteral("ORDER000001"), t).code, code(ApiError::FaceTokenInvalid));
}

TEST_F(FacePayTest, TokenUsedForAnotherOrderIsFaceTokenInvalid) {
    script(QStringLiteral("SUCCESS"));
    const Token t = authinfo();
    ASSERT_EQ(firstSubmission(QStringLiteral("ORDER000001"), t).code, 0);
    EXPECT_EQ(firstSubmission(QStringLiteral("ORDER000002"), t).code, code(ApiError::FaceTokenInvalid));
}

TEST_F(FacePayTest, RetryOfTheFirstSubmissionAnswersTheCurrentState) {
    script(QStringLiteral("SUCCESS"));
    const Token t = authinfo();
    const auto first = firstSubmission(QStringLiteral("ORDER000001"), t);
    const auto retry = firstSubmission(QStringLiteral("ORDER000001"), t);
    EXPECT_EQ(retry.code, 0);
    EXPECT_EQ(data(retry).value("platform_order_no"), data(first).value("platform_order_no"));
}

TEST_F(FacePayTest, PhoneConfirmationWithTheRightDigitsPays) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const Token t = authinfo();
    const auto first = firstSubmission(QStringLiteral("ORDER000001"), t);
    EXPECT_EQ(state(first), u"NEED_PHONE_CONFIRM");
    const QJsonObject confirmInfo = data(first).value("phone_confirm").toObject();
    EXPECT_EQ(confirmInfo.value("attempts_left").toInteger(), 3);
    EXPECT_EQ(confirmInfo.value("expires_at").toString(), u"2026-01-01T17:02:00+08:00");
    const auto paid = confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("5678"));
    EXPECT_EQ(state(paid), u"SUCCESS");
}

TEST_F(FacePayTest, WrongPhoneDigitsCostAnAttemptButRepeatingThemIsARetry) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const Token t = authinfo();
    firstSubmission(QStringLiteral("ORDER000001"), t);
    const auto wrong = confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("1111"));
    EXPECT_EQ(state(wrong), u"NEED_PHONE_CONFIRM");
    EXPECT_EQ(data(wrong).value("phone_confirm").toObject().value("attempts_left").toInteger(), 2);
    const auto repeated = confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("1111"));
    EXPECT_EQ(data(repeated).value("phone_confirm").toObject().value("attempts_left").toInteger(), 2);
}

TEST_F(FacePayTest, ThreeWrongPhoneConfirmationsFailWithPhoneMismatch) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const Token t = authinfo();
    firstSubmission(QStringLiteral("ORDER000001"), t);
    confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("1111"));
    confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("2222"));
    const auto r = confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("3333"));
    EXPECT_EQ(state(r), u"FAIL");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"PHONE_MISMATCH");
}

TEST_F(FacePayTest, UnconfirmedOrderClosesWhenTheTokenExpires) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const Token t = authinfo();
    firstSubmission(QStringLiteral("ORDER000001"), t);
    clock->advance(120s);
    const auto r = confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("5678"));
    EXPECT_EQ(state(r), u"CLOSED");
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"FACE_TOKEN_EXPIRED");
}

TEST_F(FacePayTest, PhoneConfirmationOfAnEnrolledFaceLeadsToItsBehaviour) {
    // Stored directly: face_enroll now requires images showing a face (tests/sandbox/tst_face_matching.cpp).
    const auto enrolled =
        db->execute(QStringLiteral("INSERT INTO pay_faces (face_id, payer_name, phone, behaviour, created_at) "
                                   "VALUES ('F09', '测试', '13900004321', 'INSUFFICIENT_FUNDS', 0)"));
    ASSERT_TRUE(enrolled) << enrolled.error().message.toStdString();
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F09"));
    const Token t = authinfo();
    firstSubmission(QStringLiteral("ORDER000001"), t);
    const auto r = confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("4321"));
    EXPECT_EQ(data(r).value("trade_err_code").toString(), u"INSUFFICIENT_FUNDS");
}

TEST_F(FacePayTest, ScriptingPhoneConfirmationForAnUnknownFaceIsNotFound) {
    const auto r =
        service->admin(QStringLiteral("face_script"),
                       {{"device_id", kDevice},
                        {"results", QJsonArray{QJsonObject{{"outcome", "NEED_PHONE_CONFIRM"}, {"face_id", "F77"}}}}});
    ASSERT_FALSE(r);
    EXPECT_EQ(PaymentService::adminErrorCode(r.error()), code(ApiError::NotFound));
}

// ---- order_list and settlement -----------------------------------------------------------------------------------

class OrderListTest : public PaymentsTest {
protected:
    CallResult list(QJsonObject filter = {}, const QString& role = QStringLiteral("merchant"),
                    const QString& operatorId = QString::fromLatin1(kMerchantOperator)) {
        return call(QStringLiteral("order_list"), std::move(filter), role, operatorId);
    }
    static QJsonObject orderIn(const CallResult& r, const QString& orderNo) {
        for (const auto& o : data(r).value("orders").toArray()) {
            if (o.toObject().value("mch_order_no").toString() == orderNo) return o.toObject();
        }
        return {};
    }
};

TEST_F(OrderListTest, PaidOrderIsPendingSettlementUntilSettled) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    EXPECT_EQ(orderIn(list(), QStringLiteral("ORDER000001")).value("settle_status").toString(), u"PENDING");
    const auto settled = service->admin(QStringLiteral("settle"), {});
    ASSERT_TRUE(settled);
    EXPECT_EQ(settled->value("settled").toInteger(), 1);
    const QJsonObject o = orderIn(list(), QStringLiteral("ORDER000001"));
    EXPECT_EQ(o.value("settle_status").toString(), u"SETTLED");
    EXPECT_EQ(o.value("settled_at").toString(), u"2026-01-01T17:00:00+08:00");
}

TEST_F(OrderListTest, SettlementRunsByItselfAtMidnightBeijingTime) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    clock->advance(std::chrono::hours(6) + 59min);  // 23:59 +08:00
    EXPECT_EQ(data(query(QStringLiteral("ORDER000001"))).value("settle_status").toString(), u"PENDING");
    clock->advance(1min);
    const QJsonObject o = data(query(QStringLiteral("ORDER000001")));
    EXPECT_EQ(o.value("settle_status").toString(), u"SETTLED");
    EXPECT_EQ(o.value("settled_at").toString(), u"2026-01-02T00:00:00+08:00");
}

TEST_F(OrderListTest, FullyRefundedOrderIsRefundedWhetherOrNotSettled) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    quickPay(QStringLiteral("ORDER000002"), wechat("0000"));
    ASSERT_TRUE(service->admin(QStringLiteral("settle"), {}));
    merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 2350);
    merchantRefund(QStringLiteral("ORDER000002"), QStringLiteral("REFUND000002"), 1000);
    const auto r = list();
    EXPECT_EQ(orderIn(r, QStringLiteral("ORDER000001")).value("settle_status").toString(), u"REFUNDED");
    EXPECT_EQ(orderIn(r, QStringLiteral("ORDER000002")).value("settle_status").toString(), u"SETTLED");
    EXPECT_EQ(orderIn(r, QStringLiteral("ORDER000002")).value("refunded_fee").toInteger(), 1000);
}

TEST_F(OrderListTest, SummaryCoversTheWholeFilteredRange) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"), 1000);
    quickPay(QStringLiteral("ORDER000002"), wechat("0000"), 2000);
    quickPay(QStringLiteral("ORDER000003"), wechat("0400"), 3000);
    merchantRefund(QStringLiteral("ORDER000002"), QStringLiteral("REFUND000001"), 500, 2000);
    ASSERT_TRUE(service->admin(QStringLiteral("settle"), {}));
    quickPay(QStringLiteral("ORDER000004"), wechat("0000"), 4000);
    const QJsonObject summary = data(list({{"page_size", 1}})).value("summary").toObject();
    EXPECT_EQ(summary.value("order_count").toInteger(), 4);
    EXPECT_EQ(summary.value("paid_count").toInteger(), 3);
    EXPECT_EQ(summary.value("paid_fee").toInteger(), 7000);
    EXPECT_EQ(summary.value("refunded_fee").toInteger(), 500);
    EXPECT_EQ(summary.value("net_fee").toInteger(), 6500);
    EXPECT_EQ(summary.value("settled_fee").toInteger(), 2500);
    EXPECT_EQ(summary.value("pending_settle_fee").toInteger(), 4000);
}

TEST_F(OrderListTest, PagesFollowTheCursorNewestFirst) {
    for (int i = 1; i <= 3; ++i) {
        quickPay(QStringLiteral("ORDER00000%1").arg(i), wechat("0000"));
        clock->advance(1s);
    }
    const auto first = list({{"page_size", 2}});
    const QJsonArray page1 = data(first).value("orders").toArray();
    ASSERT_EQ(page1.size(), 2);
    EXPECT_EQ(page1[0].toObject().value("mch_order_no").toString(), u"ORDER000003");
    const QString cursor = data(first).value("next_cursor").toString();
    ASSERT_FALSE(cursor.isEmpty());
    const auto second = list({{"page_size", 2}, {"cursor", cursor}});
    const QJsonArray page2 = data(second).value("orders").toArray();
    ASSERT_EQ(page2.size(), 1);
    EXPECT_EQ(page2[0].toObject().value("mch_order_no").toString(), u"ORDER000001");
    EXPECT_FALSE(data(second).contains("next_cursor"));
}

TEST_F(OrderListTest, ClerkSeesOnlyTheirOwnOrders) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    call(QStringLiteral("quick_pay"),
         {{"mch_order_no", "ORDER000002"},
          {"total_fee", 100},
          {"fee_type", "CNY"},
          {"channel", "wechat"},
          {"auth_code", wechat("0000")},
          {"operator_id", "C1003"}},
         QStringLiteral("clerk"), QStringLiteral("C1003"));
    const auto r = list({}, QStringLiteral("clerk"), QString::fromLatin1(kClerk));
    ASSERT_EQ(r.code, 0);
    EXPECT_EQ(data(r).value("orders").toArray().size(), 1);
    EXPECT_EQ(data(list()).value("orders").toArray().size(), 2);
}

TEST_F(OrderListTest, RecordsWithoutAnAmountAreNotListed) {
    close(QStringLiteral("ORDER000001"));
    EXPECT_TRUE(data(list()).value("orders").toArray().isEmpty());
}

TEST_F(OrderListTest, KeywordMatchesTheLastFourCharactersOfANumber) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    quickPay(QStringLiteral("ORDER000002"), wechat("0000"));
    const QJsonArray found = data(list({{"keyword", "0002"}})).value("orders").toArray();
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].toObject().value("mch_order_no").toString(), u"ORDER000002");
}

TEST_F(OrderListTest, SettleStatusFilterSelectsOrders) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    quickPay(QStringLiteral("ORDER000002"), wechat("0000"));
    merchantRefund(QStringLiteral("ORDER000002"), QStringLiteral("REFUND000001"), 2350);
    const QJsonArray refunded = data(list({{"settle_status", QJsonArray{"REFUNDED"}}})).value("orders").toArray();
    ASSERT_EQ(refunded.size(), 1);
    EXPECT_EQ(refunded[0].toObject().value("mch_order_no").toString(), u"ORDER000002");
}

TEST_F(OrderListTest, UploadedCashOrdersAreListedWithoutSettlementStatus) {
    uploaded << QJsonObject{{"trade_state", "SUCCESS"},
                            {"mch_order_no", "A001232411231645100012"},
                            {"channel", "cash"},
                            {"total_fee", 1300},
                            {"fee_type", "CNY"},
                            {"refunded_fee", 0},
                            {"operator_id", kClerk},
                            {"device_id", kDevice},
                            {"created_at", "2026-01-01T16:45:10+08:00"},
                            {"paid_at", "2026-01-01T16:45:31+08:00"}};
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    const auto r = list();
    const QJsonArray orders = data(r).value("orders").toArray();
    ASSERT_EQ(orders.size(), 2);
    EXPECT_EQ(orders[1].toObject().value("channel").toString(), u"cash");
    EXPECT_FALSE(orders[1].toObject().contains("settle_status"));
    const QJsonObject summary = data(r).value("summary").toObject();
    EXPECT_EQ(summary.value("paid_fee").toInteger(), 2350 + 1300);
    EXPECT_EQ(summary.value("pending_settle_fee").toInteger(), 2350);
}

TEST_F(OrderListTest, DefaultRangeIsTodayInBeijingTime) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    clock->advance(std::chrono::hours(8));  // 01:00 +08:00 the next day
    quickPay(QStringLiteral("ORDER000002"), wechat("0000"));
    const QJsonArray orders = data(list()).value("orders").toArray();
    ASSERT_EQ(orders.size(), 1);
    EXPECT_EQ(orders[0].toObject().value("mch_order_no").toString(), u"ORDER000002");
}

TEST_F(PaymentsTest, RefundOfAnUploadedCashOrderIsNotAllowed) {
    uploaded << QJsonObject{{"trade_state", "SUCCESS"},
                            {"mch_order_no", "CASH00000001"},
                            {"channel", "cash"},
                            {"total_fee", 1300},
                            {"created_at", "2026-01-01T16:45:10+08:00"}};
    EXPECT_EQ(merchantRefund(QStringLiteral("CASH00000001"), QStringLiteral("REFUND000001"), 100, 1300).code,
              code(ApiError::RefundNotAllowed));
}

TEST_F(PaymentsTest, AdminOrderListFlagsATerminalRecordThatDisagreesWithTheServer) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    quickPay(QStringLiteral("ORDER000002"), wechat("0000"));
    uploaded << QJsonObject{{"mch_order_no", "ORDER000001"}, {"trade_state", "SUCCESS"}, {"total_fee", 2350}}
             << QJsonObject{{"mch_order_no", "ORDER000002"}, {"trade_state", "REVERSED"}, {"total_fee", 2350}};
    const auto all = service->admin(QStringLiteral("order_list"), {});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->value("orders").toArray().size(), 2);
    const auto flagged = service->admin(QStringLiteral("order_list"), {{"discrepancy_only", true}});
    ASSERT_TRUE(flagged);
    const QJsonArray orders = flagged->value("orders").toArray();
    ASSERT_EQ(orders.size(), 1);
    EXPECT_EQ(orders[0].toObject().value("mch_order_no").toString(), u"ORDER000002");
    EXPECT_EQ(orders[0].toObject().value("test_behaviour").toString(), u"0000 success");
    EXPECT_EQ(orders[0].toObject().value("auth_code_masked").toString(), u"1340**********0000");
}

TEST_F(FacePayTest, ResetWipesOrdersButKeepsTheFaceKey) {
    const QByteArray key = authinfo().publicKey;
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    ASSERT_TRUE(service->reset());
    EXPECT_EQ(query(QStringLiteral("ORDER000001")).code, code(ApiError::OrderNotFound));
    EXPECT_EQ(authinfo().publicKey, key);
}

TEST_F(PaymentsTest, UnknownCallIsRefused) {
    EXPECT_EQ(call(QStringLiteral("clerk_list"), {}).code, code(ApiError::UnknownCall));
}

TEST_F(FacePayTest, ReverseOfAnOrderAwaitingPhoneConfirmationReversesIt) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const Token t = authinfo();
    firstSubmission(QStringLiteral("ORDER000001"), t);
    const auto r = reverse(QStringLiteral("ORDER000001"));
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(state(r), u"REVERSED");
    EXPECT_EQ(state(confirm(QStringLiteral("ORDER000001"), t, QStringLiteral("5678"))), u"REVERSED");
}

TEST_F(FacePayTest, CloseOfAnOrderAwaitingPhoneConfirmationClosesIt) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    firstSubmission(QStringLiteral("ORDER000001"), authinfo());
    EXPECT_EQ(state(close(QStringLiteral("ORDER000001"))), u"CLOSED");
}

TEST_F(FacePayTest, PaidFaceOrderCanBeRefunded) {
    script(QStringLiteral("SUCCESS"));
    firstSubmission(QStringLiteral("ORDER000001"), authinfo());
    const auto r = merchantRefund(QStringLiteral("ORDER000001"), QStringLiteral("REFUND000001"), 1880, 1880);
    ASSERT_EQ(r.code, 0) << r.msg.toStdString();
    EXPECT_EQ(data(r).value("refund").toObject().value("refund_state").toString(), u"SUCCESS");
}

TEST_F(OrderListTest, PageSizeAbove50IsInvalidField) {
    const auto r = list({{"page_size", 51}});
    EXPECT_EQ(r.code, code(ApiError::InvalidField));
    EXPECT_EQ(data(r).value("field").toString(), u"page_size");
}

TEST_F(OrderListTest, RangeLongerThan31DaysIsInvalidField) {
    const auto r = list({{"from", "2025-11-01T00:00:00+08:00"}, {"to", "2026-01-01T17:00:00+08:00"}});
    EXPECT_EQ(r.code, code(ApiError::InvalidField));
}

TEST_F(OrderListTest, TradeStateFilterSelectsOrders) {
    quickPay(QStringLiteral("ORDER000001"), wechat("0000"));
    quickPay(QStringLiteral("ORDER000002"), wechat("0400"));
    const QJsonArray failed = data(list({{"trade_state", QJsonArray{"FAIL"}}})).value("orders").toArray();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed[0].toObject().value("mch_order_no").toString(), u"ORDER000002");
    EXPECT_FALSE(failed[0].toObject().contains("settle_status"));
}

}  // namespace
