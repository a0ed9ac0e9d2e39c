// Contract tests: BackendClient against the real sandbox backend (SandboxServer, in process, its own SQLite file,
// loopback port 0). Every call of §1 at least once: activation end to end, sessions and clerks, payments by test code,
// face pay with scripted outcomes (§17.5), reversal, refunds, vouchers, sync, the order list, updates, unbinding,
// the server clock, HTTPS with a verified certificate, and each injected fault (§17.7) as the client must report it.
//
// The sandbox and the client share one ManualClock, so wallet timers (§17.3) move when the test says so.
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <algorithm>
#include <functional>
#include <memory>

#include "app/backend/backend_client.h"
#include "backend_test_support.h"
#include "platform/crypto.h"
#include "platform/curl_http_client.h"
#include "platform/manual_clock.h"
#include "sandbox/sandbox_server.h"

namespace facepos::backend {
namespace {

using namespace std::chrono_literals;
using sandbox::SandboxOptions;
using sandbox::SandboxServer;
using test::await;

// The demo seed (§17.2).
constexpr char kMerchantNo[] = "88001234";
constexpr char kMerchantPassword[] = "Demo#8800";
constexpr char kClerkNo[] = "1001";
constexpr char kClerkPassword[] = "135790";

std::unique_ptr<CurlHttpClient> newHttpClient(CurlHttpClientOptions options = {}) {
    auto created = CurlHttpClient::create(std::move(options));
    if (!created.ok()) {
        ADD_FAILURE() << created.error().message.toStdString();
        return nullptr;
    }
    return std::move(created).value();
}

class BackendContractTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        options.dbPath = dir.filePath("sandbox.db");
        options.seed = "demo";
        options.clock = clock;
        auto started = SandboxServer::start(options);
        ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
        server = std::move(started).value();
        http = newHttpClient();
        ASSERT_TRUE(http);
    }

    // Stops the sandbox and starts it again on the same database with `options` changed (TLS, an updates folder).
    bool restartServer(const std::function<void(SandboxOptions&)>& change) {
        server->stop();
        server.reset();
        change(options);
        auto started = SandboxServer::start(options);
        if (!started.ok()) {
            ADD_FAILURE() << started.error().message.toStdString();
            return false;
        }
        server = std::move(started).value();
        return true;
    }

    void TearDown() override {
        if (server) server->stop();
    }

    QJsonObject admin(const QString& action, const QJsonObject& body = {}) {
        const QJsonObject answer = server->admin(action, body);
        EXPECT_EQ(answer.value("code").toInt(), 0)
            << action.toStdString() << ": " << answer.value("msg").toString().toStdString();
        return answer.value("data").toObject();
    }

    BackendConfig config(const QString& deviceId, const QByteArray& secret = {}) const {
        BackendConfig c;
        c.baseUrl = server->url();
        c.deviceId = deviceId;
        c.merchantNo = kMerchantNo;
        c.deviceSecret = secret;
        c.timeout = 5s;
        c.retryDelay = 10ms;
        return c;
    }

    std::unique_ptr<BackendClient> newClient(const QString& deviceId, const QByteArray& secret = {},
                                             IHttpClient* transport = nullptr) {
        return std::make_unique<BackendClient>(transport ? *transport : *http, clock, config(deviceId, secret));
    }

    // Activates `deviceId` as a technician would (§8): request with the device key, support approves, the status
    // delivers the sealed secret, the device opens it. Returns the device secret (64 hex characters).
    QByteArray activate(const QString& deviceId) {
        auto key = crypto::EcKeyPair::generate();
        if (!key.ok()) return {};
        auto client = newClient(deviceId);
        ActivationRequest request;
        request.merchantNo = kMerchantNo;
        request.password = kMerchantPassword;
        request.devicePublicKeyRaw = key.value().publicKeyRaw();
        request.deviceModel = "FP-T2";
        request.appVersion = "1.0.0";
        request.storeNo = "S01";
        const auto submitted = await<ActivationReply>([&](auto done) { client->activationRequest(request, done); });
        if (!submitted.ok()) {
            ADD_FAILURE() << submitted.error().message.toStdString();
            return {};
        }
        EXPECT_EQ(submitted.value().state, "pending");
        admin("activation_approve", {{"request_id", submitted.value().requestId}});
        const auto status = await<ActivationReply>(
            [&](auto done) { client->activationStatus(kMerchantNo, submitted.value().requestId, done); });
        if (!status.ok()) {
            ADD_FAILURE() << status.error().message.toStdString();
            return {};
        }
        EXPECT_EQ(status.value().state, "activated");
        auto secret = key.value().openSealed(status.value().sealedSecret,
                                             BackendClient::activationSecretInfo(submitted.value().requestId));
        if (!secret.ok()) {
            ADD_FAILURE() << secret.error().message.toStdString();
            return {};
        }
        return secret.value();
    }

    // An activated device with a clerk signed in.
    std::unique_ptr<BackendClient> clerkDevice(const QString& deviceId) {
        const QByteArray secret = activate(deviceId);
        auto client = newClient(deviceId, secret);
        const auto login = await<SessionInfo>([&](auto done) { client->clerkLogin(kClerkNo, kClerkPassword, done); });
        EXPECT_TRUE(login.ok()) << login.error().message.toStdString();
        return client;
    }

    // An activated device with the merchant signed in (clerk management needs the merchant's session).
    std::unique_ptr<BackendClient> merchantDevice(const QString& deviceId) {
        auto client = newClient(deviceId, activate(deviceId));
        const auto login = await<SessionInfo>([&](auto done) { client->merchantLogin(kMerchantPassword, done); });
        EXPECT_TRUE(login.ok()) << login.error().message.toStdString();
        return client;
    }

    // A face token for the signed-in clerk and a small JPEG-like image sealed to the backend's face key for it, as
    // the face screen prepares the first face_pay submission (§12.1).
    FacePayRequest sealedFacePay(BackendClient& client, const QString& orderNo, qint64 fee = 1880) {
        FacePayRequest request;
        request.mchOrderNo = orderNo;
        request.totalFee = fee;
        request.operatorId = "C1001";
        request.body = QStringLiteral("FacePOS 刷脸");
        request.livenessScore = 97;
        const auto info = await<FaceAuthInfo>([&](auto done) { client.faceAuthinfo("C1001", done); });
        if (!info.ok()) {
            ADD_FAILURE() << info.error().message.toStdString();
            return request;
        }
        request.faceToken = info.value().faceToken;
        const QByteArray jpeg = QByteArray::fromHex("FFD8FFE000104A464946") + QByteArray(512, '\x5a');
        auto sealed =
            crypto::sealToPublicKey(info.value().facePublicKey, jpeg, BackendClient::faceImageInfo(request.faceToken));
        if (!sealed.ok()) {
            ADD_FAILURE() << sealed.error().message.toStdString();
            return request;
        }
        request.sealedImage = sealed.value();
        return request;
    }

    BackendResult<OrderInfo> facePay(BackendClient& client, const FacePayRequest& request) {
        return await<OrderInfo>([&](auto done) { client.facePay(request, done); });
    }

    // A second client of the same device on its own HTTP client, so the faulted request runs on a fresh connection
    // (libcurl silently re-sends a request once when a reused keep-alive connection closes without answering).
    std::unique_ptr<BackendClient> sameDeviceFreshConnection(const BackendClient& device) {
        freshHttp = newHttpClient();
        auto client = std::make_unique<BackendClient>(*freshHttp, clock, device.config());
        client->setSessionToken(device.sessionToken());
        client->setClockOffset(device.clockOffsetSeconds());
        return client;
    }

    void setFaults(const QString& deviceId, const QString& call, QJsonObject faults) {
        faults.insert("calls", QJsonArray{call});
        faults.insert("device_id", deviceId);
        faults.insert("count", 1);
        admin("faults_set", faults);
    }

    static QuickPayRequest pay(const QString& orderNo, const QString& code, qint64 fee = 2350) {
        QuickPayRequest request;
        request.mchOrderNo = orderNo;
        request.totalFee = fee;
        request.channel = "wechat";
        request.authCode = code;
        request.operatorId = "C1001";
        request.body = QStringLiteral("FacePOS 收款");
        return request;
    }

    BackendResult<OrderInfo> quickPay(BackendClient& client, const QuickPayRequest& request) {
        return await<OrderInfo>([&](auto done) { client.quickPay(request, done); });
    }
    BackendResult<OrderInfo> query(BackendClient& client, const QString& orderNo) {
        return await<OrderInfo>([&](auto done) { client.orderQuery({orderNo, {}}, done); });
    }

    QTemporaryDir dir;
    SandboxOptions options;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<CurlHttpClient> http;
    std::unique_ptr<CurlHttpClient> freshHttp;
};

// ---- Activation and sessions ----

TEST_F(BackendContractTest, ActivationDeliversASecretThatTheServerAcceptsForSignedCalls) {
    const QByteArray secret = activate("FPCT00000001");
    ASSERT_EQ(secret.size(), 64);
    auto client = newClient("FPCT00000001", secret);
    HeartbeatRequest beat;
    beat.appVersion = "1.0.0";
    const auto result = await<HeartbeatReply>([&](auto done) { client->heartbeat(beat, done); });
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_TRUE(result.value().bound);
}

TEST_F(BackendContractTest, WrongDeviceSecretIsRefusedAsBadSignature) {
    activate("FPCT00000002");
    auto client = newClient("FPCT00000002", QByteArray(64, 'a'));
    const auto result = await<HeartbeatReply>([&](auto done) { client->heartbeat({}, done); });
    ASSERT_FALSE(result.ok());
    // The server signs BAD_SIGNATURE with the real secret, which this client does not hold: untrusted.
    EXPECT_EQ(result.outcome(), Outcome::Unconfirmed);
    EXPECT_EQ(result.error().errName, "BAD_SIGNATURE");
}

TEST_F(BackendContractTest, MerchantSignedInOnOneDeviceIsRefusedOnASecondDevice) {
    auto first = newClient("FPCT00000003", activate("FPCT00000003"));
    auto second = newClient("FPCT00000004", activate("FPCT00000004"));
    const auto login = await<SessionInfo>([&](auto done) { first->merchantLogin(kMerchantPassword, done); });
    ASSERT_TRUE(login.ok()) << login.error().message.toStdString();
    EXPECT_EQ(login.value().role, "merchant");
    const auto refused = await<SessionInfo>([&](auto done) { second->merchantLogin(kMerchantPassword, done); });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.outcome(), Outcome::Rejected);
    EXPECT_EQ(refused.error().kind, "api.MERCHANT_SESSION_ACTIVE");
    EXPECT_TRUE(second->sessionToken().isEmpty());
}

TEST_F(BackendContractTest, WrongClerkPasswordIsBadCredentials) {
    auto client = newClient("FPCT00000005", activate("FPCT00000005"));
    const auto result = await<SessionInfo>([&](auto done) { client->clerkLogin(kClerkNo, "000000", done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, "api.BAD_CREDENTIALS");
    EXPECT_TRUE(result.error().message.contains("tries left")) << result.error().message.toStdString();
}

TEST_F(BackendContractTest, ClerkSessionIsKeptAliveByHeartbeatAndEndedByLogout) {
    auto client = clerkDevice("FPCT00000006");
    ASSERT_FALSE(client->sessionToken().isEmpty());
    HeartbeatRequest beat;
    beat.appVersion = "1.0.0";
    const auto alive = await<HeartbeatReply>([&](auto done) { client->heartbeat(beat, done); });
    ASSERT_TRUE(alive.ok()) << alive.error().message.toStdString();
    EXPECT_EQ(alive.value().sessionState, "ACTIVE");
    const auto out = await<LogoutReply>([&](auto done) { client->logout(done); });
    ASSERT_TRUE(out.ok()) << out.error().message.toStdString();
    EXPECT_TRUE(client->sessionToken().isEmpty());
}

TEST_F(BackendContractTest, ClerkCreatedByTheMerchantCanSignIn) {
    const QByteArray secret = activate("FPCT00000008");
    auto merchant = newClient("FPCT00000008", secret);
    ASSERT_TRUE(await<SessionInfo>([&](auto done) { merchant->merchantLogin(kMerchantPassword, done); }).ok());
    const auto created =
        await<ClerkInfo>([&](auto done) { merchant->clerkCreate("1005", QStringLiteral("王芳"), "246810", done); });
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    EXPECT_EQ(created.value().operatorId, "C1005");
    EXPECT_EQ(created.value().status, "active");
    const auto clerks = await<QList<ClerkInfo>>([&](auto done) { merchant->clerkList(true, done); });
    ASSERT_TRUE(clerks.ok()) << clerks.error().message.toStdString();
    EXPECT_TRUE(std::any_of(clerks.value().begin(), clerks.value().end(),
                            [](const ClerkInfo& c) { return c.employeeNo == "1005"; }));

    auto clerk = newClient("FPCT00000009", activate("FPCT00000009"));
    const auto login = await<SessionInfo>([&](auto done) { clerk->clerkLogin("1005", "246810", done); });
    ASSERT_TRUE(login.ok()) << login.error().message.toStdString();
    EXPECT_EQ(login.value().operatorId, "C1005");
}

TEST_F(BackendContractTest, ServerClockAheadIsAbsorbedByOneSkewRetry) {
    auto client = clerkDevice("FPCT00000007");
    // 400 s: outside the ±300 s window, inside the session's 600 s idle limit.
    admin("clock_set", {{"offset_s", 400}});
    const auto result = quickPay(*client, pay("FPCT07260101000001", "134000000000000000"));
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_NEAR(static_cast<double>(client->clockOffsetSeconds()), 400.0, 2.0);
}

// ---- Payments ----

TEST_F(BackendContractTest, QuickPayWithSuccessCodeIsPaid) {
    auto client = clerkDevice("FPCT00000010");
    const auto result = quickPay(*client, pay("FPCT10260101000001", "134000000000000000"));
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().tradeState, "SUCCESS");
    EXPECT_FALSE(result.value().platformOrderNo.isEmpty());
}

TEST_F(BackendContractTest, QuickPayRetryWithSameOrderNumberAnswersTheSameOrder) {
    auto client = clerkDevice("FPCT00000011");
    const auto first = quickPay(*client, pay("FPCT11260101000001", "134000000000000000"));
    const auto again = quickPay(*client, pay("FPCT11260101000001", "134000000000000000"));
    ASSERT_TRUE(first.ok() && again.ok());
    EXPECT_EQ(first.value().platformOrderNo, again.value().platformOrderNo);
    const auto conflict = quickPay(*client, pay("FPCT11260101000001", "134000000000000000", 999));
    EXPECT_EQ(conflict.error().kind, "api.ORDER_CONFLICT");
}

TEST_F(BackendContractTest, UserPayingQuickPayIsResolvedByQuery) {
    auto client = clerkDevice("FPCT00000012");
    // Code …0110: the payer confirms 10 s after the charge.
    const auto charged = quickPay(*client, pay("FPCT12260101000001", "134000000000000110"));
    ASSERT_TRUE(charged.ok()) << charged.error().message.toStdString();
    EXPECT_EQ(charged.value().tradeState, "USERPAYING");
    EXPECT_FALSE(charged.value().isFinal());
    clock->advance(11s);
    const auto later = query(*client, "FPCT12260101000001");
    ASSERT_TRUE(later.ok()) << later.error().message.toStdString();
    EXPECT_EQ(later.value().tradeState, "SUCCESS");
}

TEST_F(BackendContractTest, InsufficientFundsIsAProcessedFailure) {
    auto client = clerkDevice("FPCT00000013");
    const auto result = quickPay(*client, pay("FPCT13260101000001", "134000000000000400"));
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().tradeState, "FAIL");
    EXPECT_EQ(result.value().tradeErrCode, "INSUFFICIENT_FUNDS");
}

TEST_F(BackendContractTest, UnpaidOrderIsReversedAfterTheGuardTime) {
    auto client = clerkDevice("FPCT00000014");
    const auto charged = quickPay(*client, pay("FPCT14260101000001", "134000000000000200"));
    ASSERT_TRUE(charged.ok()) << charged.error().message.toStdString();
    const OrderEndRequest reverse{"FPCT14260101000001", "C1001", "channel limit reached"};
    const auto early = await<OrderInfo>([&](auto done) { client->orderReverse(reverse, done); });
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().kind, "api.REVERSE_TOO_EARLY");
    clock->advance(16s);
    const auto reversed = await<OrderInfo>([&](auto done) { client->orderReverse(reverse, done); });
    ASSERT_TRUE(reversed.ok()) << reversed.error().message.toStdString();
    EXPECT_EQ(reversed.value().tradeState, "REVERSED");
}

TEST_F(BackendContractTest, OrderCloseOfAnUnknownNumberLeavesAClosedRecord) {
    auto client = clerkDevice("FPCT00000015");
    const auto closed = await<OrderInfo>([&](auto done) { client->orderClose({"FPCT15260101000001", {}, {}}, done); });
    ASSERT_TRUE(closed.ok()) << closed.error().message.toStdString();
    EXPECT_EQ(closed.value().tradeState, "CLOSED");
    const auto late = quickPay(*client, pay("FPCT15260101000001", "134000000000000000"));
    EXPECT_EQ(late.error().kind, "api.ORDER_CLOSED");
}

TEST_F(BackendContractTest, RefundRetriedWithTheSameNumberRefundsOnce) {
    auto client = clerkDevice("FPCT00000016");
    ASSERT_TRUE(quickPay(*client, pay("FPCT16260101000001", "134000000000000000")).ok());
    RefundRequest refund;
    refund.mchOrderNo = "FPCT16260101000001";
    refund.mchRefundNo = "FPCT16R2601010001";
    refund.refundFee = 1200;
    refund.totalFee = 2350;
    refund.operatorId = "C1001";
    refund.merchantPassword = kMerchantPassword;  // a clerk session needs the merchant's authorisation
    const auto first = await<RefundInfo>([&](auto done) { client->refund(refund, done); });
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(first.value().refundState, "SUCCESS");
    const auto again = await<RefundInfo>([&](auto done) { client->refund(refund, done); });
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again.value().platformRefundNo, first.value().platformRefundNo);
    const auto listed = await<RefundQueryReply>([&](auto done) { client->refundQuery({{}, refund.mchOrderNo}, done); });
    ASSERT_TRUE(listed.ok()) << listed.error().message.toStdString();
    EXPECT_EQ(listed.value().refundedFee, 1200);
    EXPECT_EQ(listed.value().refunds.size(), 1);
}

TEST_F(BackendContractTest, ClerkRefundWithoutMerchantAuthorisationIsRefused) {
    auto client = clerkDevice("FPCT00000017");
    ASSERT_TRUE(quickPay(*client, pay("FPCT17260101000001", "134000000000000000")).ok());
    RefundRequest refund;
    refund.mchOrderNo = "FPCT17260101000001";
    refund.mchRefundNo = "FPCT17R2601010001";
    refund.refundFee = 100;
    refund.totalFee = 2350;
    refund.operatorId = "C1001";
    const auto result = await<RefundInfo>([&](auto done) { client->refund(refund, done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, "api.MERCHANT_AUTH_REQUIRED");
}

// ---- Sync and the order list ----

QJsonArray cashOrderRecord(const QString& orderNo) {
    QJsonObject payload{{"mch_order_no", orderNo},
                        {"channel", "cash"},
                        {"status", "PAID"},
                        {"total_fee", 1300},
                        {"fee_type", "CNY"},
                        {"operator_id", "C1001"},
                        {"paid_at", "2026-01-01T17:00:00+08:00"},
                        {"cash_received_fee", 2000},
                        {"change_fee", 700}};
    return QJsonArray{QJsonObject{{"record_id", "5f0c2a7e-3b1d-4c8e-9a62-1d7e4b9f0a31"},
                                  {"kind", "order"},
                                  {"revision", 1},
                                  {"created_at", "2026-01-01T17:00:00+08:00"},
                                  {"payload", payload}}};
}

TEST_F(BackendContractTest, SyncUploadResentIsAcknowledgedAsDuplicate) {
    auto client = clerkDevice("FPCT00000020");
    const QJsonArray records = cashOrderRecord("FPCT20260101000001");
    const auto first = await<SyncUploadReply>([&](auto done) { client->syncUpload(records, done); });
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    ASSERT_EQ(first.value().results.size(), 1);
    EXPECT_EQ(first.value().results[0].status, "ACK");
    EXPECT_FALSE(first.value().results[0].duplicate);
    const auto again = await<SyncUploadReply>([&](auto done) { client->syncUpload(records, done); });
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again.value().results[0].status, "ACK");
    EXPECT_TRUE(again.value().results[0].duplicate);
}

TEST_F(BackendContractTest, OrderListShowsTheClerksPaidOrders) {
    auto client = clerkDevice("FPCT00000021");
    ASSERT_TRUE(quickPay(*client, pay("FPCT21260101000001", "134000000000000000")).ok());
    ASSERT_TRUE(quickPay(*client, pay("FPCT21260101000002", "134000000000000000", 1000)).ok());
    const auto list = await<OrderListReply>([&](auto done) { client->orderList({}, done); });
    ASSERT_TRUE(list.ok()) << list.error().message.toStdString();
    EXPECT_EQ(list.value().orders.size(), 2);
    EXPECT_EQ(list.value().summary.paidFee, 3350);
}

TEST_F(BackendContractTest, ShiftOpenedAndClosedIsAcknowledgedAndRetriesAreIdempotent) {
    auto client = clerkDevice("FPCT00000023");
    ShiftRequest shift;
    shift.shiftNo = "FPCT23-S2601011000";
    shift.operatorId = "C1001";
    shift.openedAt = "2026-01-01T10:00:00+08:00";
    shift.openingCashFee = 50000;
    const auto opened = await<ShiftReply>([&](auto done) { client->shiftOpen(shift, done); });
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(opened.value().state, "open");
    const auto again = await<ShiftReply>([&](auto done) { client->shiftOpen(shift, done); });
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();

    shift.closedAt = "2026-01-01T18:00:00+08:00";
    shift.report = QJsonObject{{"order_count", 0},
                               {"totals", QJsonArray()},
                               {"refund_count", 0},
                               {"refund_fee", 0},
                               {"voucher_count", 0},
                               {"voucher_deduct_fee", 0},
                               {"opening_cash_fee", 50000},
                               {"expected_cash_fee", 50000},
                               {"counted_cash_fee", 50000},
                               {"cash_diff_fee", 0},
                               {"printed", true}};
    const auto closed = await<ShiftReply>([&](auto done) { client->shiftClose(shift, done); });
    ASSERT_TRUE(closed.ok()) << closed.error().message.toStdString();
    EXPECT_EQ(closed.value().state, "closed");
}

TEST_F(BackendContractTest, MemberCardIsFound) {
    auto client = clerkDevice("FPCT00000024");
    const auto member = await<MemberInfo>([&](auto done) { client->memberQuery("MC8800120017", done); });
    ASSERT_TRUE(member.ok()) << member.error().message.toStdString();
    EXPECT_EQ(member.value().memberNo, "M880012340017");
    EXPECT_EQ(member.value().discountPct, 95);
}

TEST_F(BackendContractTest, UnknownMemberCardIsMemberNotFound) {
    auto client = clerkDevice("FPCT00000025");
    const auto missing = await<MemberInfo>([&](auto done) { client->memberQuery("MC8800129999", done); });
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.outcome(), Outcome::Rejected);
    EXPECT_EQ(missing.error().kind, "api.MEMBER_NOT_FOUND");
}

TEST_F(BackendContractTest, GenericCallReachesACallByName) {
    auto client = clerkDevice("FPCT00000022");
    const auto update = await<QJsonObject>([&](auto done) {
        client->call("update_check", {{"app_version", "1.0.0"}, {"device_model", "FP-T2"}}, done);
    });
    ASSERT_TRUE(update.ok()) << update.error().message.toStdString();
    EXPECT_TRUE(update.value().contains("update_available"));
}

TEST_F(BackendContractTest, ActivationRejectedBySupportIsReportedWithItsReason) {
    auto key = crypto::EcKeyPair::generate();
    ASSERT_TRUE(key.ok());
    auto client = newClient("FPCT00000040");
    ActivationRequest request;
    request.merchantNo = kMerchantNo;
    request.password = kMerchantPassword;
    request.devicePublicKeyRaw = key.value().publicKeyRaw();
    request.deviceModel = "FP-T2";
    request.appVersion = "1.0.0";
    const auto submitted = await<ActivationReply>([&](auto done) { client->activationRequest(request, done); });
    ASSERT_TRUE(submitted.ok()) << submitted.error().message.toStdString();
    admin("activation_reject", {{"request_id", submitted.value().requestId}, {"reason", "unknown serial number"}});
    const auto status = await<ActivationReply>(
        [&](auto done) { client->activationStatus(kMerchantNo, submitted.value().requestId, done); });
    ASSERT_TRUE(status.ok()) << status.error().message.toStdString();
    EXPECT_EQ(status.value().state, "rejected");
    EXPECT_EQ(status.value().rejectReason, "unknown serial number");
    EXPECT_TRUE(status.value().sealedSecret.isEmpty());
}

TEST_F(BackendContractTest, SessionEndedByLogoutIsRefusedAsExpired) {
    auto client = clerkDevice("FPCT00000041");
    const QString token = client->sessionToken();
    ASSERT_TRUE(await<LogoutReply>([&](auto done) { client->logout(done); }).ok());
    // The server must have ended it, not only the client forgotten it.
    client->setSessionToken(token);
    const auto result = await<MemberInfo>([&](auto done) { client->memberQuery("MC8800120017", done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, "api.SESSION_EXPIRED");
    EXPECT_TRUE(client->sessionToken().isEmpty());
}

TEST_F(BackendContractTest, ClerkListLeavesDisabledClerksOutUnlessAsked) {
    auto merchant = merchantDevice("FPCT00000042");
    ASSERT_TRUE(await<ClerkInfo>([&](auto done) { merchant->clerkDisable("1003", true, done); }).ok());
    const auto active = await<QList<ClerkInfo>>([&](auto done) { merchant->clerkList(false, done); });
    ASSERT_TRUE(active.ok()) << active.error().message.toStdString();
    ASSERT_EQ(active.value().size(), 1);
    EXPECT_EQ(active.value()[0].employeeNo, "1001");
    const auto all = await<QList<ClerkInfo>>([&](auto done) { merchant->clerkList(true, done); });
    ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
    ASSERT_EQ(all.value().size(), 2);
    EXPECT_EQ(all.value()[1].employeeNo, "1003");
    EXPECT_EQ(all.value()[1].status, "disabled");
}

TEST_F(BackendContractTest, DisabledClerkIsRefusedAsClerkDisabled) {
    auto merchant = merchantDevice("FPCT00000043");
    const auto disabled = await<ClerkInfo>([&](auto done) { merchant->clerkDisable("1003", true, done); });
    ASSERT_TRUE(disabled.ok()) << disabled.error().message.toStdString();
    EXPECT_EQ(disabled.value().status, "disabled");
    auto clerk = newClient("FPCT00000044", activate("FPCT00000044"));
    const auto login = await<SessionInfo>([&](auto done) { clerk->clerkLogin("1003", "112233", done); });
    ASSERT_FALSE(login.ok());
    EXPECT_EQ(login.outcome(), Outcome::Rejected);
    EXPECT_EQ(login.error().kind, "api.CLERK_DISABLED");
}

TEST_F(BackendContractTest, ResetClerkPasswordReplacesTheOldOne) {
    auto merchant = merchantDevice("FPCT00000045");
    const auto reset = await<ClerkInfo>([&](auto done) { merchant->clerkResetPassword("1003", "998877", done); });
    ASSERT_TRUE(reset.ok()) << reset.error().message.toStdString();
    EXPECT_EQ(reset.value().employeeNo, "1003");
    auto clerk = newClient("FPCT00000046", activate("FPCT00000046"));
    const auto old = await<SessionInfo>([&](auto done) { clerk->clerkLogin("1003", "112233", done); });
    EXPECT_EQ(old.error().kind, "api.BAD_CREDENTIALS");
    const auto fresh = await<SessionInfo>([&](auto done) { clerk->clerkLogin("1003", "998877", done); });
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    EXPECT_EQ(fresh.value().operatorId, "C1003");
}

TEST_F(BackendContractTest, OrderQueryByPlatformNumberFindsTheOrder) {
    auto client = clerkDevice("FPCT00000047");
    const auto paid = quickPay(*client, pay("FPCT47260101000001", "134000000000000000"));
    ASSERT_TRUE(paid.ok()) << paid.error().message.toStdString();
    const auto found = await<OrderInfo>([&](auto done) {
        client->orderQuery({{}, paid.value().platformOrderNo}, done);
    });
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    EXPECT_EQ(found.value().mchOrderNo, "FPCT47260101000001");
    EXPECT_EQ(found.value().tradeState, "SUCCESS");
}

TEST_F(BackendContractTest, OrderCloseOfAPaidOrderIsRefusedAsPaid) {
    auto client = clerkDevice("FPCT00000048");
    ASSERT_TRUE(quickPay(*client, pay("FPCT48260101000001", "134000000000000000")).ok());
    const auto closed = await<OrderInfo>([&](auto done) {
        client->orderClose({"FPCT48260101000001", "C1001", {}}, done);
    });
    ASSERT_FALSE(closed.ok());
    EXPECT_EQ(closed.error().kind, "api.ORDER_PAID");
}

TEST_F(BackendContractTest, RefundQueryOfAnUnknownRefundIsRefundNotFound) {
    auto client = clerkDevice("FPCT00000049");
    const auto result = await<RefundQueryReply>([&](auto done) {
        client->refundQuery({"FPCT49R2601010001", {}}, done);
    });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Rejected);
    EXPECT_EQ(result.error().kind, "api.REFUND_NOT_FOUND");
}

// ---- Vouchers ----

TEST_F(BackendContractTest, CheckedVoucherIsHeldAndRedeemedOnceForItsOrder) {
    auto client = clerkDevice("FPCT00000050");
    VoucherCheckRequest check;
    check.voucherNo = "V2411000789";  // 无门槛 ¥3.00
    check.mchOrderNo = "FPCT50260101000001";
    check.totalFee = 2000;
    const auto checked = await<VoucherCheckReply>([&](auto done) { client->voucherCheck(check, done); });
    ASSERT_TRUE(checked.ok()) << checked.error().message.toStdString();
    EXPECT_TRUE(checked.value().usable);
    EXPECT_EQ(checked.value().deductFee, 300);
    EXPECT_EQ(checked.value().payableFee, 1700);
    EXPECT_EQ(checked.value().voucher.value("status").toString(), "HELD");
    EXPECT_FALSE(checked.value().holdExpiresAt.isEmpty());

    VoucherRedeemRequest redeem;
    redeem.voucherNo = check.voucherNo;
    redeem.mchOrderNo = check.mchOrderNo;
    redeem.deductFee = checked.value().deductFee;
    redeem.operatorId = "C1001";
    redeem.redeemedAt = "2026-01-01T15:30:14+08:00";
    const auto first = await<VoucherRedemption>([&](auto done) { client->voucherRedeem(redeem, done); });
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(first.value().status, "REDEEMED");
    EXPECT_EQ(first.value().usesLeft, 0);
    EXPECT_EQ(first.value().storeNo, "S01");
    // The outbox repeats a delivery it could not confirm: the same redemption, not a second use.
    const auto again = await<VoucherRedemption>([&](auto done) { client->voucherRedeem(redeem, done); });
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again.value().redeemNo, first.value().redeemNo);
}

TEST_F(BackendContractTest, MemberVoucherWithoutItsMemberIsNotUsable) {
    auto client = clerkDevice("FPCT00000051");
    VoucherCheckRequest check;
    check.voucherNo = "V2411000123";  // 满20减5, belongs to member M880012340017
    check.mchOrderNo = "FPCT51260101000001";
    check.totalFee = 2850;
    const auto checked = await<VoucherCheckReply>([&](auto done) { client->voucherCheck(check, done); });
    ASSERT_TRUE(checked.ok()) << checked.error().message.toStdString();
    EXPECT_FALSE(checked.value().usable);
    EXPECT_EQ(checked.value().reason, "NOT_THIS_MEMBER");
}

TEST_F(BackendContractTest, VoucherHeldForAnotherOrderCannotBeRedeemed) {
    auto client = clerkDevice("FPCT00000052");
    VoucherCheckRequest check;
    check.voucherNo = "V2411000789";
    check.mchOrderNo = "FPCT52260101000001";
    check.totalFee = 2000;
    ASSERT_TRUE(await<VoucherCheckReply>([&](auto done) { client->voucherCheck(check, done); }).ok());
    VoucherRedeemRequest redeem;
    redeem.voucherNo = check.voucherNo;
    redeem.mchOrderNo = "FPCT52260101000002";
    redeem.deductFee = 300;
    redeem.operatorId = "C1001";
    redeem.redeemedAt = "2026-01-01T15:30:14+08:00";
    const auto result = await<VoucherRedemption>([&](auto done) { client->voucherRedeem(redeem, done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, "api.VOUCHER_CONFLICT");
}

// ---- Face pay ----

TEST_F(BackendContractTest, FaceAuthinfoHandsOutATokenAndTheFaceKey) {
    auto client = clerkDevice("FPCT00000053");
    const auto info = await<FaceAuthInfo>([&](auto done) { client->faceAuthinfo("C1001", done); });
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info.value().faceToken.size(), 32);
    EXPECT_EQ(info.value().facePublicKey.size(), 65);
    EXPECT_EQ(info.value().faceKeyId, "sandbox-face-1");
    EXPECT_EQ(info.value().maxImageBytes, 262144);
}

TEST_F(BackendContractTest, ScriptedFaceMatchIsPaid) {
    auto client = clerkDevice("FPCT00000054");
    admin("face_script", {{"device_id", "FPCT00000054"}, {"results", QJsonArray{QJsonObject{{"outcome", "SUCCESS"}}}}});
    const FacePayRequest request = sealedFacePay(*client, "FPCT54260101000001");
    const auto result = facePay(*client, request);
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().tradeState, "SUCCESS");
    EXPECT_EQ(result.value().channel, "face");
    EXPECT_EQ(result.value().totalFee, 1880);
}

TEST_F(BackendContractTest, FaceNeedingPhoneConfirmationIsPaidAfterTheRightDigits) {
    auto client = clerkDevice("FPCT00000055");
    // F02: the demo face whose payer's phone ends in 5678 (§17.2).
    admin("face_script", {{"device_id", "FPCT00000055"},
                          {"results", QJsonArray{QJsonObject{{"outcome", "NEED_PHONE_CONFIRM"}, {"face_id", "F02"}}}}});
    FacePayRequest request = sealedFacePay(*client, "FPCT55260101000001");
    const auto first = facePay(*client, request);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(first.value().tradeState, "NEED_PHONE_CONFIRM");
    EXPECT_EQ(first.value().phoneAttemptsLeft, 3);
    EXPECT_FALSE(first.value().isFinal());

    request.sealedImage.clear();  // wiped once the trusted answer arrived; the resubmission carries no image
    request.phoneLast4 = "5678";
    const auto confirmed = facePay(*client, request);
    ASSERT_TRUE(confirmed.ok()) << confirmed.error().message.toStdString();
    EXPECT_EQ(confirmed.value().tradeState, "SUCCESS");
    EXPECT_EQ(confirmed.value().platformOrderNo, first.value().platformOrderNo);
}

TEST_F(BackendContractTest, WrongPhoneDigitsCostOneConfirmationAttempt) {
    auto client = clerkDevice("FPCT00000056");
    admin("face_script", {{"device_id", "FPCT00000056"},
                          {"results", QJsonArray{QJsonObject{{"outcome", "NEED_PHONE_CONFIRM"}, {"face_id", "F02"}}}}});
    FacePayRequest request = sealedFacePay(*client, "FPCT56260101000001");
    ASSERT_TRUE(facePay(*client, request).ok());
    request.sealedImage.clear();
    request.phoneLast4 = "1111";
    const auto wrong = facePay(*client, request);
    ASSERT_TRUE(wrong.ok()) << wrong.error().message.toStdString();
    EXPECT_EQ(wrong.value().tradeState, "NEED_PHONE_CONFIRM");
    EXPECT_EQ(wrong.value().phoneAttemptsLeft, 2);
}

TEST_F(BackendContractTest, FaceOrderAbandonedAtPhoneConfirmationIsClosed) {
    auto client = clerkDevice("FPCT00000057");
    admin("face_script", {{"device_id", "FPCT00000057"},
                          {"results", QJsonArray{QJsonObject{{"outcome", "NEED_PHONE_CONFIRM"}, {"face_id", "F02"}}}}});
    ASSERT_TRUE(facePay(*client, sealedFacePay(*client, "FPCT57260101000001")).ok());
    const auto closed = await<OrderInfo>([&](auto done) {
        client->orderClose({"FPCT57260101000001", "C1001", "payer walked away"}, done);
    });
    ASSERT_TRUE(closed.ok()) << closed.error().message.toStdString();
    EXPECT_EQ(closed.value().tradeState, "CLOSED");
}

// ---- Device operations ----

TEST_F(BackendContractTest, UpdateCheckWithNothingNewerPublishedOffersNoUpdate) {
    auto client = newClient("FPCT00000058", activate("FPCT00000058"));
    const auto result = await<UpdateInfo>([&](auto done) { client->updateCheck({"1.0.0", "FP-T2", {}}, done); });
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_FALSE(result.value().updateAvailable);
}

TEST_F(BackendContractTest, PublishedNewerUpdateIsOfferedWithItsPackageDigest) {
    const QString updates = dir.filePath("updates");
    ASSERT_TRUE(QDir().mkpath(updates));
    QFile package(updates + "/facepos_1.0.1_arm64.deb");
    ASSERT_TRUE(package.open(QIODevice::WriteOnly));
    const QByteArray content = "not really a Debian package";
    package.write(content);
    package.close();
    ASSERT_TRUE(restartServer([&](SandboxOptions& o) { o.updatesDir = updates; }));
    const QByteArray signature = QByteArray::fromHex("3045022100aa");  // not verified by the backend (§16.2)
    admin("update_publish", {{"version", "1.0.1"},
                             {"file", "facepos_1.0.1_arm64.deb"},
                             {"package_signature", QString::fromLatin1(signature.toBase64())},
                             {"signing_key_id", "facepos-update-2024"}});
    auto client = newClient("FPCT00000059", activate("FPCT00000059"));
    const auto result = await<UpdateInfo>([&](auto done) { client->updateCheck({"1.0.0", "FP-T2", "stable"}, done); });
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_TRUE(result.value().updateAvailable);
    EXPECT_EQ(result.value().version, "1.0.1");
    EXPECT_EQ(result.value().packageUrl, "/updates/facepos_1.0.1_arm64.deb");
    EXPECT_EQ(result.value().packageSize, content.size());
    EXPECT_EQ(result.value().packageSha256,
              QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(result.value().packageSignature, signature);
}

TEST_F(BackendContractTest, HeartbeatAfterSupportUnbindsReportsTheUnbinding) {
    auto client = clerkDevice("FPCT00000060");
    admin("device_unbind", {{"device_id", "FPCT00000060"}, {"reason", "wrong merchant (ticket 4471)"}});
    QSignalSpy unbound(client.get(), &BackendClient::deviceUnbound);
    HeartbeatRequest beat;
    beat.appVersion = "1.0.0";
    const auto result = await<HeartbeatReply>([&](auto done) { client->heartbeat(beat, done); });
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_FALSE(result.value().bound);
    ASSERT_EQ(unbound.count(), 1);
    EXPECT_EQ(unbound.at(0).at(0).toString(), "wrong merchant (ticket 4471)");
    EXPECT_TRUE(client->sessionToken().isEmpty());
}

TEST_F(BackendContractTest, SessionCallAfterSupportUnbindsIsATrustedDeviceUnbound) {
    auto client = clerkDevice("FPCT00000061");
    admin("device_unbind", {{"device_id", "FPCT00000061"}, {"reason", "returned hardware"}});
    QSignalSpy unbound(client.get(), &BackendClient::deviceUnbound);
    const auto result = await<MemberInfo>([&](auto done) { client->memberQuery("MC8800120017", done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Rejected);
    EXPECT_EQ(result.error().kind, "api.DEVICE_UNBOUND");
    ASSERT_EQ(unbound.count(), 1);
    EXPECT_EQ(unbound.at(0).at(0).toString(), "returned hardware");
}

// ---- Transport ----

TEST_F(BackendContractTest, ClientTrustingTheSandboxCertificateWorksOverHttps) {
    ASSERT_TRUE(restartServer([](SandboxOptions& o) { o.tls = true; }));
    ASSERT_EQ(server->url().scheme(), "https");
    CurlHttpClientOptions tls;
    tls.caFile = server->certificateFile();  // the only trust anchor; verification stays on
    http = newHttpClient(tls);
    ASSERT_TRUE(http);
    auto client = clerkDevice("FPCT00000062");
    const auto result = quickPay(*client, pay("FPCT62260101000001", "134000000000000000"));
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().tradeState, "SUCCESS");
}

TEST_F(BackendContractTest, HttpsSandboxWithAnUntrustedCertificateIsNotSent) {
    ASSERT_TRUE(restartServer([](SandboxOptions& o) { o.tls = true; }));
    // The default client trusts only the system store, which does not hold the sandbox's self-made certificate.
    auto client = newClient("FPCT00000063", QByteArray(64, 'a'));
    const auto result = quickPay(*client, pay("FPCT63260101000001", "134000000000000000"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::NotSent);
    EXPECT_EQ(result.error().transportCode, "http.tls");
}

// ---- Faults (§17.7) ----

TEST_F(BackendContractTest, LatencyBelowTheTimeoutIsOnlySlower) {
    auto client = clerkDevice("FPCT00000030");
    setFaults("FPCT00000030", "quick_pay", {{"delay_before_ms", 300}});
    const auto result = quickPay(*client, pay("FPCT30260101000001", "134000000000000000"));
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().tradeState, "SUCCESS");
}

TEST_F(BackendContractTest, AnswerSlowerThanTheTimeoutIsUnknownAndQueryFindsItPaid) {
    auto device = clerkDevice("FPCT00000031");
    BackendConfig quick = device->config();
    quick.timeout = 1s;
    auto client = std::make_unique<BackendClient>(*http, clock, quick);
    client->setSessionToken(device->sessionToken());
    setFaults("FPCT00000031", "quick_pay", {{"delay_after_ms", 2500}});
    const auto result = quickPay(*client, pay("FPCT31260101000001", "134000000000000000"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unknown);
    EXPECT_EQ(result.error().transportCode, "http.timeout");
    // The server committed before its delay: the order is paid.
    const auto found = query(*device, "FPCT31260101000001");
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    EXPECT_EQ(found.value().tradeState, "SUCCESS");
}

TEST_F(BackendContractTest, ServerErrorStatusOnQuickPayIsUnknownAndNothingWasCharged) {
    auto device = clerkDevice("FPCT00000032");
    setFaults("FPCT00000032", "quick_pay", {{"http_5xx_percent", 100}, {"http_5xx_status", 503}});
    const auto result = quickPay(*device, pay("FPCT32260101000001", "134000000000000000"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unknown);
    const auto found = query(*device, "FPCT32260101000001");
    EXPECT_EQ(found.error().kind, "api.ORDER_NOT_FOUND");
}

TEST_F(BackendContractTest, DropBeforeCommitOnQuickPayIsUnknownAndNothingWasCharged) {
    auto device = clerkDevice("FPCT00000033");
    auto client = sameDeviceFreshConnection(*device);
    setFaults("FPCT00000033", "quick_pay", {{"drop_before_commit_percent", 100}});
    const auto result = quickPay(*client, pay("FPCT33260101000001", "134000000000000000"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unknown);
    EXPECT_EQ(result.error().kind, "transport.unknown");
    EXPECT_EQ(query(*device, "FPCT33260101000001").error().kind, "api.ORDER_NOT_FOUND");
}

TEST_F(BackendContractTest, DropAfterCommitOnQuickPayIsUnknownAndQueryFindsItPaid) {
    auto device = clerkDevice("FPCT00000034");
    auto client = sameDeviceFreshConnection(*device);
    setFaults("FPCT00000034", "quick_pay", {{"drop_after_commit_percent", 100}});
    const auto result = quickPay(*client, pay("FPCT34260101000001", "134000000000000000"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unknown);
    const auto found = query(*device, "FPCT34260101000001");
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    EXPECT_EQ(found.value().tradeState, "SUCCESS");
}

TEST_F(BackendContractTest, DropAfterCommitOnRefundThenRetryRefundsOnce) {
    auto device = clerkDevice("FPCT00000035");
    ASSERT_TRUE(quickPay(*device, pay("FPCT35260101000001", "134000000000000000")).ok());
    auto client = sameDeviceFreshConnection(*device);
    setFaults("FPCT00000035", "refund", {{"drop_after_commit_percent", 100}});
    RefundRequest refund;
    refund.mchOrderNo = "FPCT35260101000001";
    refund.mchRefundNo = "FPCT35R2601010001";
    refund.refundFee = 2350;
    refund.totalFee = 2350;
    refund.operatorId = "C1001";
    refund.merchantPassword = kMerchantPassword;
    const auto lost = await<RefundInfo>([&](auto done) { client->refund(refund, done); });
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.outcome(), Outcome::Unknown);
    const auto retried = await<RefundInfo>([&](auto done) { device->refund(refund, done); });
    ASSERT_TRUE(retried.ok()) << retried.error().message.toStdString();
    EXPECT_EQ(retried.value().refundState, "SUCCESS");
    EXPECT_EQ(retried.value().orderRefundedFee, 2350);
}

TEST_F(BackendContractTest, DropAfterCommitOnSyncUploadIsUnconfirmedAndTheResendIsADuplicate) {
    auto device = clerkDevice("FPCT00000036");
    auto client = sameDeviceFreshConnection(*device);
    setFaults("FPCT00000036", "sync_upload", {{"drop_after_commit_percent", 100}});
    const QJsonArray records = cashOrderRecord("FPCT36260101000001");
    const auto lost = await<SyncUploadReply>([&](auto done) { client->syncUpload(records, done); });
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.outcome(), Outcome::Unconfirmed);
    const auto resent = await<SyncUploadReply>([&](auto done) { device->syncUpload(records, done); });
    ASSERT_TRUE(resent.ok()) << resent.error().message.toStdString();
    EXPECT_TRUE(resent.value().results.value(0).duplicate);
}

TEST_F(BackendContractTest, ReadOnlyCallIsRetriedPastAnInjectedServerError) {
    auto device = clerkDevice("FPCT00000037");
    ASSERT_TRUE(quickPay(*device, pay("FPCT37260101000001", "134000000000000000")).ok());
    setFaults("FPCT00000037", "order_query", {{"http_5xx_percent", 100}});
    const auto found = query(*device, "FPCT37260101000001");
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    EXPECT_EQ(found.value().tradeState, "SUCCESS");
}

}  // namespace
}  // namespace facepos::backend
