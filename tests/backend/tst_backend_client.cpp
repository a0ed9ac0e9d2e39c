// BackendClient against a scripted server on 127.0.0.1 (TestHttpServer): the envelope and signature of every request,
// §4.4 acceptance of answers (signed, bound to the device and to the request), unknown outcomes of money-moving calls,
// transport failures, TIMESTAMP_SKEW, retries with fresh nonces, sessions and password proofs.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <atomic>
#include <memory>
#include <mutex>

#include "app/backend/backend_client.h"
#include "backend_test_support.h"
#include "platform/api_errors.h"
#include "platform/api_signature.h"
#include "platform/crypto.h"
#include "platform/curl_http_client.h"
#include "platform/manual_clock.h"
#include "support/test_http_server.h"

namespace facepos::backend {
namespace {

using namespace std::chrono_literals;
using facepos::test::TestHttpRequest;
using facepos::test::TestHttpResponse;
using facepos::test::TestHttpServer;
using test::await;

// The example device of docs/terminal-api.md §4.3.
constexpr char kDeviceId[] = "FP2411A00123";
constexpr char kMerchantNo[] = "88001234";
const QByteArray kSecret = "d1c4f93843e54351772cc1b11182999c49cb9ea06896a96fc29821e1b84b4068";
const QByteArray kOtherSecret = "86021c30b19f81fd6e4c437921ce54095f6284a47b56a0cd196de1ba0a1b0be5";
// K_merchant of merchant 88001234 with password Demo#8800 (§4.5).
const QByteArray kMerchantKeyHex = "958fe29aed66ea423325cb0e1885768ca34ec5af69e12ff0851edac3b9b24270";

QJsonObject parse(const QByteArray& body) {
    return QJsonDocument::fromJson(body).object();
}

// The answer envelope of §3.2 for `request`, unsigned.
QJsonObject envelope(const TestHttpRequest& request, int code, const QJsonValue& data, qint64 serverTime) {
    const QJsonObject in = parse(request.body);
    QJsonObject out;
    out.insert("code", code);
    out.insert("err_code", api::errorName(code));
    out.insert("msg", code == 0 ? QStringLiteral("ok") : QStringLiteral("refused by the test server"));
    out.insert("data", data);
    out.insert("device_id", in.value("device_id"));
    out.insert("req_nonce_str", in.value("nonce_str"));
    out.insert("nonce_str", BackendClient::makeNonce());
    out.insert("time_stamp", QString::number(serverTime));
    return out;
}

TestHttpResponse json(QJsonObject answer, const QByteArray& secret = kSecret) {
    if (!secret.isEmpty()) answer.insert("sign", api::sign(answer, secret).value());
    TestHttpResponse response;
    response.headers.append(std::make_pair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    response.body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    return response;
}

QJsonObject paidOrder(const QJsonObject& request) {
    QJsonObject order;
    order.insert("trade_state", "SUCCESS");
    order.insert("mch_order_no", request.value("mch_order_no"));
    order.insert("platform_order_no", "PF202611230000000001");
    order.insert("channel_order_no", "4200002345202611231530150123");
    order.insert("channel", request.value("channel"));
    order.insert("total_fee", request.value("total_fee"));
    order.insert("fee_type", "CNY");
    order.insert("operator_id", request.value("operator_id"));
    return order;
}

HeartbeatRequest heartbeatRequest() {
    HeartbeatRequest request;
    request.appVersion = "1.0.0";
    request.uptimeS = 60;
    return request;
}

QuickPayRequest sampleQuickPay() {
    QuickPayRequest request;
    request.mchOrderNo = "A001232611231530120007";
    request.totalFee = 2350;
    request.channel = "wechat";
    request.authCode = "134000000000000000";
    request.operatorId = "C1001";
    request.body = QStringLiteral("FacePOS 收款");
    return request;
}

class BackendClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.start().ok());
        auto created = CurlHttpClient::create();
        ASSERT_TRUE(created.ok());
        http = std::move(created).value();
        serverTime = clock->nowUtc().toSecsSinceEpoch();
    }

    BackendConfig config() const {
        BackendConfig c;
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        c.deviceId = kDeviceId;
        c.merchantNo = kMerchantNo;
        c.deviceSecret = kSecret;
        c.timeout = 5s;
        c.retryDelay = 10ms;
        return c;
    }

    std::unique_ptr<BackendClient> makeClient() { return makeClient(config()); }
    std::unique_ptr<BackendClient> makeClient(BackendConfig c) {
        return std::make_unique<BackendClient>(*http, clock, std::move(c));
    }

    // Answers `path` with `make(request)` for every request.
    void answer(const QByteArray& path, std::function<TestHttpResponse(const TestHttpRequest&)> make) {
        server.route(path, std::move(make));
    }
    // Answers quick_pay with a paid order, after `tweak` had its way with the envelope.
    void answerQuickPay(const std::function<TestHttpResponse(QJsonObject)>& tweak) {
        const qint64 now = serverTime;
        answer("/api/v1/quick_pay", [tweak, now](const TestHttpRequest& request) {
            return tweak(envelope(request, 0, paidOrder(parse(request.body)), now));
        });
    }

    BackendResult<OrderInfo> quickPay(BackendClient& client) {
        return await<OrderInfo>([&](auto done) { client.quickPay(sampleQuickPay(), done); });
    }

    QList<QJsonObject> bodies(const QByteArray& path) const {
        QList<QJsonObject> out;
        for (const TestHttpRequest& r : server.requests()) {
            if (r.path == path) out.append(parse(r.body));
        }
        return out;
    }

    TestHttpServer server;
    std::unique_ptr<CurlHttpClient> http;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    qint64 serverTime = 0;
};

void expectUnknown(const BackendResult<OrderInfo>& result) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unknown) << result.error().message.toStdString();
    EXPECT_TRUE(result.error().data.isNull()) << "untrusted content must not be handed on";
}

// ---- Acceptance of answers (§4.4) ----

TEST_F(BackendClientTest, ValidSignedQuickPayAnswerIsAccepted) {
    answerQuickPay([](QJsonObject a) { return json(a); });
    auto client = makeClient();
    const BackendResult<OrderInfo> result = quickPay(*client);
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().tradeState, "SUCCESS");
    EXPECT_EQ(result.value().mchOrderNo, "A001232611231530120007");
    EXPECT_EQ(result.value().totalFee, 2350);
    EXPECT_TRUE(result.value().isFinal());
}

TEST_F(BackendClientTest, UnsignedQuickPayAnswerIsUnknown) {
    answerQuickPay([](QJsonObject a) { return json(a, {}); });
    auto client = makeClient();
    const auto result = quickPay(*client);
    expectUnknown(result);
    EXPECT_EQ(result.error().kind, "response.untrusted");
}

TEST_F(BackendClientTest, QuickPayAnswerSignedWithAnotherSecretIsUnknown) {
    answerQuickPay([](QJsonObject a) { return json(a, kOtherSecret); });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
}

TEST_F(BackendClientTest, QuickPayAnswerAlteredAfterSigningIsUnknown) {
    answerQuickPay([](QJsonObject a) {
        a.insert("sign", api::sign(a, kSecret).value());
        QJsonObject data = a.value("data").toObject();
        data.insert("trade_state", "FAIL");
        a.insert("data", data);
        return json(a, {});
    });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
}

TEST_F(BackendClientTest, GarbledQuickPayAnswerIsUnknown) {
    answer("/api/v1/quick_pay", [](const TestHttpRequest&) {
        TestHttpResponse response;
        response.body = "<html><body>502 upstream hiccup</body></html>";
        return response;
    });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
}

TEST_F(BackendClientTest, OversizedQuickPayAnswerIsUnknown) {
    answerQuickPay([](QJsonObject a) {
        a.insert("padding", QString(2 * 1024 * 1024, QLatin1Char('x')));
        return json(a);
    });
    auto client = makeClient();
    const auto result = quickPay(*client);
    expectUnknown(result);
    EXPECT_EQ(result.error().transportCode, "http.too_large");
}

TEST_F(BackendClientTest, QuickPayAnswerToAnotherNonceIsUnknown) {
    answerQuickPay([](QJsonObject a) {
        a.insert("req_nonce_str", BackendClient::makeNonce());
        return json(a);
    });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
}

TEST_F(BackendClientTest, QuickPayAnswerForAnotherDeviceIsUnknown) {
    answerQuickPay([](QJsonObject a) {
        a.insert("device_id", "FP2411A00456");
        return json(a);
    });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
}

TEST_F(BackendClientTest, QuickPayAnswerWithoutEnvelopeFieldsIsUnknown) {
    answerQuickPay([](QJsonObject a) {
        a.remove("err_code");
        return json(a);
    });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
}

TEST_F(BackendClientTest, Http503OnQuickPayIsUnknownAndNotRepeated) {
    answer("/api/v1/quick_pay", [](const TestHttpRequest&) {
        TestHttpResponse response;
        response.status = 503;
        return response;
    });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
    EXPECT_EQ(server.requestCount("/api/v1/quick_pay"), 1);
}

TEST_F(BackendClientTest, ConnectionDroppedAfterSendingQuickPayIsUnknownAndNotRepeated) {
    answer("/api/v1/quick_pay", [](const TestHttpRequest&) {
        TestHttpResponse response;
        response.dropConnection = true;
        return response;
    });
    auto client = makeClient();
    const auto result = quickPay(*client);
    expectUnknown(result);
    EXPECT_EQ(result.error().kind, "transport.unknown");
    EXPECT_EQ(server.requestCount("/api/v1/quick_pay"), 1);
}

TEST_F(BackendClientTest, TrustedSystemErrorOnQuickPayIsUnknown) {
    const qint64 now = serverTime;
    answer("/api/v1/quick_pay", [now](const TestHttpRequest& r) {
        return json(envelope(r, static_cast<int>(api::ApiError::SystemError), QJsonValue::Null, now));
    });
    auto client = makeClient();
    const auto result = quickPay(*client);
    expectUnknown(result);
    EXPECT_EQ(result.error().kind, "response.system_error");
    EXPECT_EQ(result.error().apiCode, 5000);
}

TEST_F(BackendClientTest, RefusedConnectionIsNotSent) {
    quint16 closedPort = 0;
    {
        TestHttpServer gone;
        ASSERT_TRUE(gone.start().ok());
        closedPort = gone.port();
    }
    BackendConfig c = config();
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    c.maxAttempts = 2;
    auto client = makeClient(c);
    const auto result = quickPay(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::NotSent);
    EXPECT_EQ(result.error().kind, "transport.not_sent");
    EXPECT_EQ(result.error().transportCode, "http.connect");
}

TEST_F(BackendClientTest, ProxyRateLimitIsNotSent) {
    answer("/api/v1/quick_pay", [](const TestHttpRequest&) {
        TestHttpResponse response;
        response.status = 429;
        response.headers.append(std::make_pair(QByteArray("Retry-After"), QByteArray("3")));
        return response;
    });
    auto client = makeClient();
    const auto result = quickPay(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::NotSent);
    EXPECT_EQ(result.error().kind, "transport.rate_limited");
}

// ---- Errors ----

TEST_F(BackendClientTest, TrustedOrderConflictIsRejectedWithItsCodeAndOrder) {
    const qint64 now = serverTime;
    answer("/api/v1/quick_pay", [now](const TestHttpRequest& r) {
        QJsonObject data;
        data.insert("order", paidOrder(parse(r.body)));
        return json(envelope(r, static_cast<int>(api::ApiError::OrderConflict), data, now));
    });
    auto client = makeClient();
    const auto result = quickPay(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Rejected);
    EXPECT_EQ(result.error().kind, "api.ORDER_CONFLICT");
    EXPECT_EQ(result.error().apiCode, 3001);
    EXPECT_TRUE(result.error().message.endsWith("(3001)")) << result.error().message.toStdString();
    EXPECT_TRUE(result.error().data.toObject().contains("order"));
}

TEST_F(BackendClientTest, UnsignedDeviceNotActivatedOnHeartbeatIsUnconfirmed) {
    const qint64 now = serverTime;
    answer("/api/v1/heartbeat", [now](const TestHttpRequest& r) {
        return json(envelope(r, static_cast<int>(api::ApiError::DeviceNotActivated), QJsonValue::Null, now), {});
    });
    BackendConfig c = config();
    c.maxAttempts = 1;
    auto client = makeClient(c);
    QSignalSpy unbound(client.get(), &BackendClient::deviceUnbound);
    const auto result = await<HeartbeatReply>([&](auto done) { client->heartbeat(heartbeatRequest(), done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unconfirmed);
    EXPECT_EQ(result.error().errName, "DEVICE_NOT_ACTIVATED");  // for the technician only
    EXPECT_EQ(unbound.count(), 0);
}

TEST_F(BackendClientTest, UnsignedDeviceUnboundIsNotTakenAsAnUnbinding) {
    const qint64 now = serverTime;
    answer("/api/v1/member_query", [now](const TestHttpRequest& r) {
        QJsonObject data{{"unbound_at", "2026-11-23T20:40:00+08:00"}, {"reason", "forged"}};
        return json(envelope(r, static_cast<int>(api::ApiError::DeviceUnbound), data, now), {});
    });
    BackendConfig c = config();
    c.maxAttempts = 1;
    auto client = makeClient(c);
    client->setSessionToken("DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
    QSignalSpy unbound(client.get(), &BackendClient::deviceUnbound);
    const auto result = await<MemberInfo>([&](auto done) { client->memberQuery("MC8800120017", done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unconfirmed);
    EXPECT_EQ(result.error().errName, "DEVICE_UNBOUND");  // for the technician only
    EXPECT_EQ(unbound.count(), 0);
    EXPECT_EQ(client->sessionToken(), "DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
}

TEST_F(BackendClientTest, TrustedDeviceUnboundReportsTheUnbinding) {
    const qint64 now = serverTime;
    answer("/api/v1/member_query", [now](const TestHttpRequest& r) {
        QJsonObject data{{"unbound_at", "2026-11-23T20:40:00+08:00"}, {"reason", "returned hardware"}};
        return json(envelope(r, static_cast<int>(api::ApiError::DeviceUnbound), data, now));
    });
    auto client = makeClient();
    client->setSessionToken("DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
    QSignalSpy unbound(client.get(), &BackendClient::deviceUnbound);
    const auto result = await<MemberInfo>([&](auto done) { client->memberQuery("MC8800120017", done); });
    EXPECT_EQ(result.outcome(), Outcome::Rejected);
    ASSERT_EQ(unbound.count(), 1);
    EXPECT_EQ(unbound.at(0).at(0).toString(), "returned hardware");
    EXPECT_TRUE(client->sessionToken().isEmpty());
}

TEST_F(BackendClientTest, TrustedSessionExpiredDropsTheSession) {
    const qint64 now = serverTime;
    answer("/api/v1/quick_pay", [now](const TestHttpRequest& r) {
        return json(envelope(r, static_cast<int>(api::ApiError::SessionExpired), QJsonValue::Null, now));
    });
    auto client = makeClient();
    client->setSessionToken("DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
    QSignalSpy expired(client.get(), &BackendClient::sessionExpired);
    const auto result = quickPay(*client);
    EXPECT_EQ(result.outcome(), Outcome::Rejected);
    EXPECT_EQ(expired.count(), 1);
    EXPECT_TRUE(client->sessionToken().isEmpty());
}

TEST_F(BackendClientTest, HeartbeatWithBoundFalseReportsTheUnbinding) {
    const qint64 now = serverTime;
    answer("/api/v1/heartbeat", [now](const TestHttpRequest& r) {
        QJsonObject data;
        data.insert("bound", false);
        data.insert("unbound_reason", "bound to the wrong merchant account (ticket 4471)");
        data.insert("server_time", QString::number(now));
        return json(envelope(r, 0, data, now));
    });
    auto client = makeClient();
    QSignalSpy unbound(client.get(), &BackendClient::deviceUnbound);
    const auto result = await<HeartbeatReply>([&](auto done) { client->heartbeat(heartbeatRequest(), done); });
    ASSERT_TRUE(result.ok());
    EXPECT_FALSE(result.value().bound);
    ASSERT_EQ(unbound.count(), 1);
    EXPECT_EQ(unbound.at(0).at(0).toString(), "bound to the wrong merchant account (ticket 4471)");
}

TEST_F(BackendClientTest, SignedCallWithoutDeviceSecretIsNotSent) {
    BackendConfig c = config();
    c.deviceSecret.clear();
    auto client = makeClient(c);
    const auto result = quickPay(*client);
    EXPECT_EQ(result.outcome(), Outcome::NotSent);
    EXPECT_EQ(result.error().kind, "client.no_secret");
    EXPECT_EQ(server.requestCount("/api/v1/quick_pay"), 0);
}

// ---- Clock (§5) ----

TEST_F(BackendClientTest, TimestampSkewIsRetriedOnceWithTheServerClock) {
    // GIVEN a server 1000 s ahead of the terminal that refuses stamps more than 300 s off
    const qint64 serverNow = serverTime + 1000;
    answer("/api/v1/order_query", [serverNow](const TestHttpRequest& r) {
        const qint64 stamp = parse(r.body).value("time_stamp").toString().toLongLong();
        if (qAbs(stamp - serverNow) > 300) {
            QJsonObject data;
            data.insert("server_time", QString::number(serverNow));
            data.insert("skew_s", stamp - serverNow);
            return json(envelope(r, static_cast<int>(api::ApiError::TimestampSkew), data, serverNow));
        }
        QJsonObject order = paidOrder(parse(r.body));
        return json(envelope(r, 0, order, serverNow));
    });
    auto client = makeClient();
    QSignalSpy offsetChanged(client.get(), &BackendClient::clockOffsetChanged);
    // WHEN the terminal queries an order
    const auto result = await<OrderInfo>([&](auto done) { client->orderQuery({"A001232611231530120007", {}}, done); });
    // THEN the second request carries the server's time, a new nonce, and succeeds
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    const QList<QJsonObject> sent = bodies("/api/v1/order_query");
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[1].value("time_stamp").toString().toLongLong(), serverNow);
    EXPECT_NE(sent[0].value("nonce_str"), sent[1].value("nonce_str"));
    EXPECT_EQ(client->clockOffsetSeconds(), 1000);
    EXPECT_GE(offsetChanged.count(), 1);
}

TEST_F(BackendClientTest, SecondTimestampSkewAsksToCheckTheClock) {
    const qint64 now = serverTime;
    answer("/api/v1/quick_pay", [now](const TestHttpRequest& r) {
        QJsonObject data;
        data.insert("server_time", QString::number(now + 5000));
        data.insert("skew_s", -5000);
        return json(envelope(r, static_cast<int>(api::ApiError::TimestampSkew), data, now));
    });
    auto client = makeClient();
    const auto result = quickPay(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Rejected);
    EXPECT_EQ(result.error().kind, "api.TIMESTAMP_SKEW");
    EXPECT_EQ(server.requestCount("/api/v1/quick_pay"), 2);
}

TEST_F(BackendClientTest, TrustedAnswerTeachesTheClockOffset) {
    const qint64 serverNow = serverTime + 42;
    answer("/api/v1/heartbeat", [serverNow](const TestHttpRequest& r) {
        QJsonObject data;
        data.insert("bound", true);
        return json(envelope(r, 0, data, serverNow));
    });
    auto client = makeClient();
    const auto result = await<HeartbeatReply>([&](auto done) { client->heartbeat(heartbeatRequest(), done); });
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(client->clockOffsetSeconds(), 42);
}

TEST_F(BackendClientTest, UntrustedAnswerDoesNotTeachTheClock) {
    const qint64 serverNow = serverTime + 4242;
    answerQuickPay([serverNow](QJsonObject a) {
        a.insert("time_stamp", QString::number(serverNow));
        return json(a, kOtherSecret);
    });
    auto client = makeClient();
    expectUnknown(quickPay(*client));
    EXPECT_EQ(client->clockOffsetSeconds(), 0);
}

TEST_F(BackendClientTest, UnsignedSkewOnAnOpenCallIsUsedForThatCallOnly) {
    const qint64 serverNow = serverTime + 900;
    answer("/api/v1/activation_status", [serverNow](const TestHttpRequest& r) {
        const qint64 stamp = parse(r.body).value("time_stamp").toString().toLongLong();
        if (qAbs(stamp - serverNow) > 300) {
            QJsonObject data;
            data.insert("server_time", QString::number(serverNow));
            return json(envelope(r, static_cast<int>(api::ApiError::TimestampSkew), data, serverNow), {});
        }
        QJsonObject data;
        data.insert("request_id", "AR20261123A7F3K9Q2M4X8B6N1P5");
        data.insert("state", "pending");
        return json(envelope(r, 0, data, serverNow), {});
    });
    BackendConfig c = config();
    c.deviceSecret.clear();
    auto client = makeClient(c);
    const auto result = await<ActivationReply>(
        [&](auto done) { client->activationStatus(kMerchantNo, "AR20261123A7F3K9Q2M4X8B6N1P5", done); });
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().state, "pending");
    EXPECT_EQ(server.requestCount("/api/v1/activation_status"), 2);
    EXPECT_EQ(client->clockOffsetSeconds(), 0);  // an unsigned answer never teaches the clock
}

TEST_F(BackendClientTest, NonceReusedIsRetriedOnceWithAFreshNonce) {
    std::atomic<int> seen{0};
    const qint64 now = serverTime;
    answer("/api/v1/quick_pay", [&seen, now](const TestHttpRequest& r) {
        if (seen.fetch_add(1) == 0) {
            return json(envelope(r, static_cast<int>(api::ApiError::NonceReused), QJsonValue::Null, now));
        }
        return json(envelope(r, 0, paidOrder(parse(r.body)), now));
    });
    auto client = makeClient();
    ASSERT_TRUE(quickPay(*client).ok());
    const QList<QJsonObject> sent = bodies("/api/v1/quick_pay");
    ASSERT_EQ(sent.size(), 2);
    EXPECT_NE(sent[0].value("nonce_str"), sent[1].value("nonce_str"));
}

// NONCE_REUSED again after the retry: the message had reached the server before (re-sent by the transport), so a
// payment's outcome is unknown — never a refusal that would end the order FAILED while the wallet charged it.
TEST_F(BackendClientTest, NonceReusedAgainOnAPaymentIsAnUnknownOutcome) {
    const qint64 now = serverTime;
    answer("/api/v1/quick_pay", [now](const TestHttpRequest& r) {
        return json(envelope(r, static_cast<int>(api::ApiError::NonceReused), QJsonValue::Null, now));
    });
    auto client = makeClient();
    const auto result = quickPay(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unknown);
    EXPECT_EQ(server.requestCount("/api/v1/quick_pay"), 2);
}

TEST_F(BackendClientTest, ServerErrorStatusOnHeartbeatIsUnconfirmedAfterItsRetries) {
    answer("/api/v1/heartbeat", [](const TestHttpRequest&) {
        TestHttpResponse response;
        response.status = 500;
        return response;
    });
    auto client = makeClient();
    const auto result = await<HeartbeatReply>([&](auto done) { client->heartbeat(heartbeatRequest(), done); });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.outcome(), Outcome::Unconfirmed);
    EXPECT_TRUE(result.error().message.contains("could not confirm with the server"));
    EXPECT_EQ(server.requestCount("/api/v1/heartbeat"), config().maxAttempts);
}

// ---- Envelope, nonces, signatures ----

TEST_F(BackendClientTest, RetriesOfReadOnlyCallUseFreshNonces) {
    std::atomic<int> seen{0};
    const qint64 now = serverTime;
    answer("/api/v1/order_query", [&seen, now](const TestHttpRequest& r) {
        if (seen.fetch_add(1) < 2) {
            TestHttpResponse response;
            response.status = 502;
            return response;
        }
        return json(envelope(r, 0, paidOrder(parse(r.body)), now));
    });
    auto client = makeClient();
    const auto result = await<OrderInfo>([&](auto done) { client->orderQuery({"A001232611231530120007", {}}, done); });
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    const QList<QJsonObject> sent = bodies("/api/v1/order_query");
    ASSERT_EQ(sent.size(), 3);
    QSet<QString> nonces;
    for (const QJsonObject& body : sent) {
        const QString nonce = body.value("nonce_str").toString();
        EXPECT_EQ(nonce.size(), 32);
        for (QChar ch : nonce) EXPECT_TRUE(ch.isLetterOrNumber() && ch.unicode() < 128);
        nonces.insert(nonce);
    }
    EXPECT_EQ(nonces.size(), 3);
}

TEST_F(BackendClientTest, EveryRequestCarriesTheEnvelopeAndAValidSignature) {
    clock->advance(10s);  // the stamp follows the clock
    const qint64 now = clock->nowUtc().toSecsSinceEpoch();
    const auto ok = [now](const TestHttpRequest& r) { return json(envelope(r, 0, paidOrder(parse(r.body)), now)); };
    answer("/api/v1/quick_pay", ok);
    answer("/api/v1/order_query", ok);
    answer("/api/v1/order_reverse", ok);
    answer("/api/v1/sync_upload", [now](const TestHttpRequest& r) {
        return json(envelope(r, 0, QJsonObject{{"results", QJsonArray()}}, now));
    });
    auto client = makeClient();
    client->setSessionToken("DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
    ASSERT_TRUE(quickPay(*client).ok());
    ASSERT_TRUE(await<OrderInfo>([&](auto d) { client->orderQuery({"A001232611231530120007", {}}, d); }).ok());
    ASSERT_TRUE(await<OrderInfo>([&](auto d) {
                    client->orderReverse({"A001232611231530120007", "C1001", {}}, d);
                }).ok());
    QJsonArray records{QJsonObject{{"record_id", "5f0c2a7e-3b1d-4c8e-9a62-1d7e4b9f0a31"}}};
    ASSERT_TRUE(await<SyncUploadReply>([&](auto d) { client->syncUpload(records, d); }).ok());

    const QList<TestHttpRequest> requests = server.requests();
    ASSERT_EQ(requests.size(), 4);
    for (const TestHttpRequest& r : requests) {
        SCOPED_TRACE(r.path.toStdString());
        EXPECT_EQ(r.method, "POST");
        EXPECT_TRUE(r.header("Content-Type").startsWith("application/json"));
        const QJsonObject body = parse(r.body);
        EXPECT_TRUE(api::verify(body, kSecret));
        EXPECT_EQ(body.value("appid").toString(), "mch88001234");
        EXPECT_EQ(body.value("device_id").toString(), kDeviceId);
        EXPECT_EQ(body.value("time_stamp").toString(), QString::number(clock->nowUtc().toSecsSinceEpoch()));
    }
    EXPECT_EQ(parse(requests[0].body).value("session_token").toString(), "DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
    EXPECT_FALSE(parse(requests[1].body).contains("session_token"));  // order_query is a device call
    EXPECT_EQ(parse(requests[0].body).value("auth_code").toString(), "134000000000000000");
}

// ---- Face pay (§12) ----

FacePayRequest sampleFacePay() {
    FacePayRequest request;
    request.mchOrderNo = "A001232611231602400011";
    request.totalFee = 1880;
    request.operatorId = "C1001";
    request.faceToken = "FTk3Qm8ZpL2vX9cR4wN7bY1sD6hJ0aE5";
    request.sealedImage = QByteArray::fromHex("04aabbccddeeff");
    request.livenessScore = 97;
    return request;
}

TEST_F(BackendClientTest, UnsignedFacePayAnswerIsUnknown) {
    const qint64 now = serverTime;
    answer("/api/v1/face_pay",
           [now](const TestHttpRequest& r) { return json(envelope(r, 0, paidOrder(parse(r.body)), now), {}); });
    auto client = makeClient();
    expectUnknown(await<OrderInfo>([&](auto done) { client->facePay(sampleFacePay(), done); }));
    EXPECT_EQ(server.requestCount("/api/v1/face_pay"), 1);  // money moves: never repeated blindly
}

TEST_F(BackendClientTest, FacePayPhoneResubmissionCarriesTheDigitsAndNoImage) {
    const qint64 now = serverTime;
    answer("/api/v1/face_pay",
           [now](const TestHttpRequest& r) { return json(envelope(r, 0, paidOrder(parse(r.body)), now)); });
    auto client = makeClient();
    client->setSessionToken("DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
    ASSERT_TRUE(await<OrderInfo>([&](auto done) { client->facePay(sampleFacePay(), done); }).ok());
    FacePayRequest confirm = sampleFacePay();
    confirm.phoneLast4 = "5678";
    ASSERT_TRUE(await<OrderInfo>([&](auto done) { client->facePay(confirm, done); }).ok());

    const QList<QJsonObject> sent = bodies("/api/v1/face_pay");
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[0].value("channel").toString(), "face");
    EXPECT_EQ(QByteArray::fromBase64(sent[0].value("face_image").toString().toLatin1()),
              QByteArray::fromHex("04aabbccddeeff"));
    EXPECT_FALSE(sent[0].contains("phone_last4"));
    EXPECT_FALSE(sent[1].contains("face_image"));
    EXPECT_EQ(sent[1].value("phone_last4").toString(), "5678");
    for (const QJsonObject& body : sent) {
        EXPECT_EQ(body.value("face_token").toString(), "FTk3Qm8ZpL2vX9cR4wN7bY1sD6hJ0aE5");
        EXPECT_EQ(body.value("session_token").toString(), "DIU4DB0pwTrSObsg152dNRBaqJGZDbeA");
        EXPECT_TRUE(api::verify(body, kSecret));
    }
}

// ---- Sessions and password proofs (§4.5, §9) ----

TEST_F(BackendClientTest, MerchantLoginSendsAVerifiablePasswordProofAndKeepsTheSession) {
    const qint64 now = serverTime;
    std::mutex mutex;
    bool proofOk = false;
    answer("/api/v1/merchant_login", [&, now](const TestHttpRequest& r) {
        const QJsonObject in = parse(r.body);
        const QString expected =
            api::passwordProof(in, QByteArray::fromHex(kMerchantKeyHex), u"password_proof").value();
        {
            std::lock_guard lock(mutex);
            proofOk = in.value("password_proof").toString() == expected && api::verify(in, kSecret);
        }
        QJsonObject data;
        data.insert("session_token", "Ht44hHZWnyojttOkdWhywW3FumfKGHHp");
        data.insert("role", "merchant");
        data.insert("operator_id", "M88001234");
        return json(envelope(r, 0, data, now));
    });
    answer("/api/v1/logout", [now](const TestHttpRequest& r) {
        return json(envelope(r, 0, QJsonObject{{"ended", true}}, now));
    });
    auto client = makeClient();
    const auto login = await<SessionInfo>([&](auto done) { client->merchantLogin("Demo#8800", done); });
    ASSERT_TRUE(login.ok()) << login.error().message.toStdString();
    {
        std::lock_guard lock(mutex);
        EXPECT_TRUE(proofOk);
    }
    EXPECT_EQ(login.value().operatorId, "M88001234");
    EXPECT_EQ(client->sessionToken(), "Ht44hHZWnyojttOkdWhywW3FumfKGHHp");
    EXPECT_FALSE(server.requests().first().body.contains("Demo#8800"));

    const auto logout = await<LogoutReply>([&](auto done) { client->logout(done); });
    ASSERT_TRUE(logout.ok());
    EXPECT_TRUE(logout.value().ended);
    EXPECT_TRUE(client->sessionToken().isEmpty());
    EXPECT_EQ(bodies("/api/v1/logout").first().value("session_token").toString(), "Ht44hHZWnyojttOkdWhywW3FumfKGHHp");
}

TEST_F(BackendClientTest, ActivationRequestIsUnsignedCarriesAProofAndAcceptsTheUnsignedAnswer) {
    const qint64 now = serverTime;
    answer("/api/v1/activation_request", [now](const TestHttpRequest& r) {
        QJsonObject data;
        data.insert("request_id", "AR20261123A7F3K9Q2M4X8B6N1P5");
        data.insert("state", "pending");
        return json(envelope(r, 0, data, now), {});
    });
    BackendConfig c = config();
    c.deviceSecret.clear();
    c.merchantNo.clear();
    auto client = makeClient(c);
    auto key = crypto::EcKeyPair::generate();
    ASSERT_TRUE(key.ok());
    ActivationRequest request;
    request.merchantNo = kMerchantNo;
    request.password = "Demo#8800";
    request.devicePublicKeyRaw = key.value().publicKeyRaw();
    request.deviceModel = "FP-T2";
    request.appVersion = "1.0.0";
    request.storeNo = "S01";
    const auto result = await<ActivationReply>([&](auto done) { client->activationRequest(request, done); });
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().requestId, "AR20261123A7F3K9Q2M4X8B6N1P5");
    const QJsonObject sent = bodies("/api/v1/activation_request").first();
    EXPECT_FALSE(sent.contains("sign"));
    EXPECT_EQ(sent.value("appid").toString(), "mch88001234");
    EXPECT_EQ(sent.value("password_proof").toString(),
              api::passwordProof(sent, QByteArray::fromHex(kMerchantKeyHex), u"password_proof").value());
    EXPECT_EQ(QByteArray::fromBase64(sent.value("device_public_key").toString().toLatin1()),
              key.value().publicKeyRaw());
}

TEST_F(BackendClientTest, NoncesAreThirtyTwoUnbiasedAlphanumerics) {
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString nonce = BackendClient::makeNonce();
        ASSERT_EQ(nonce.size(), 32);
        seen.insert(nonce);
    }
    EXPECT_EQ(seen.size(), 200);
}

}  // namespace
}  // namespace facepos::backend
