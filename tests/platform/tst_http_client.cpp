// CurlHttpClient against a real libmicrohttpd server on 127.0.0.1: round trips, threading, timeouts, cancellation,
// size limits, failure classification (delivered or not), concurrency, connection reuse and TLS verification/pinning.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

#include "platform/curl_http_client.h"
#include "support/test_http_server.h"
#include "support/test_tls.h"

namespace facepos {
namespace {

using namespace std::chrono_literals;
using test::TestHttpRequest;
using test::TestHttpResponse;
using test::TestHttpServer;

constexpr qint64 kMiB = qint64{1024} * 1024;

// Runs the calling thread's event loop until `done` holds or `timeout` passes; returns `done()`.
bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout = 20s) {
    const QDeadlineTimer deadline(timeout);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired()) loop.quit();
    });
    poll.start();
    if (!done()) loop.exec();
    return done();
}

// Gives already-posted (and wrongly duplicated) callbacks a chance to run before a test counts them.
void drainEvents() {
    waitUntil([] { return false; }, 200ms);
}

// What one send() produced. Written by the callback on the context's thread.
struct Outcome {
    std::atomic<int> calls{0};
    std::optional<Result<HttpResponse>> result;

    IHttpClient::Callback recorder() {
        return [this](Result<HttpResponse> r) {
            result.emplace(std::move(r));
            calls.fetch_add(1);
        };
    }
    bool done() const { return calls.load() > 0; }
    QString code() const { return result && !result->ok() ? result->error().code : QString(); }
};

std::unique_ptr<CurlHttpClient> makeClient(CurlHttpClientOptions options = {}) {
    Result<std::unique_ptr<CurlHttpClient>> client = CurlHttpClient::create(std::move(options));
    if (!client.ok()) {
        ADD_FAILURE() << client.error().message.toStdString();
        return nullptr;
    }
    return std::move(client).value();
}

CurlHttpClientOptions trusting(const QString& caFile, const QByteArray& pinnedPublicKey = {}) {
    CurlHttpClientOptions options;
    options.caFile = caFile;
    options.pinnedPublicKey = pinnedPublicKey;
    return options;
}

HttpRequest get(const QUrl& url) {
    HttpRequest request;
    request.url = url;
    return request;
}

std::chrono::milliseconds delayFromQuery(const TestHttpRequest& request, std::chrono::milliseconds fallback) {
    const QByteArray ms = httpHeaderValue(request.queryItems, "ms");
    return ms.isEmpty() ? fallback : std::chrono::milliseconds(ms.toLongLong());
}

// A TCP socket on 127.0.0.1 that listens but never accepts or reads: the kernel completes the TCP handshake and
// buffers what the client writes, and nothing ever answers.
class SilentListener {
public:
    SilentListener() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), length) == 0 && ::listen(m_fd, 16) == 0 &&
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
            m_port = ntohs(address.sin_port);
        }
    }
    ~SilentListener() {
        if (m_fd >= 0) ::close(m_fd);
    }
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;

    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

// A loopback port with nothing listening on it (bound once by the kernel's choice, then released).
quint16 unusedPort() {
    const SilentListener probe;
    return probe.port();
}

class HttpClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        server.route("/hello", [](const TestHttpRequest&) {
            TestHttpResponse response;
            response.headers = {{"X-Served-By", "test-server"}, {"Content-Type", "text/plain"}};
            response.body = "hello";
            return response;
        });
        server.route("/echo", [](const TestHttpRequest& request) {
            TestHttpResponse response;
            response.status = 201;
            response.headers = {{"X-Echo-Method", request.method},
                                {"X-Echo-Tag", request.header("X-Request-Tag")},
                                {"X-Echo-Content-Type", request.header("Content-Type")}};
            response.body = request.body;
            return response;
        });
        server.route("/slow", [](const TestHttpRequest& request) {
            TestHttpResponse response;
            response.delay = delayFromQuery(request, 30s);
            response.body = "finally";
            return response;
        });
        server.route("/big", [](const TestHttpRequest&) {
            TestHttpResponse response;
            response.body = QByteArray(2 * kMiB, 'x');
            return response;
        });
        server.route("/big-chunked", [](const TestHttpRequest&) {
            TestHttpResponse response;
            response.body = QByteArray(2 * kMiB, 'x');
            response.chunked = true;
            return response;
        });
        server.route("/exact", [](const TestHttpRequest&) {
            TestHttpResponse response;
            response.body = QByteArray(1024, 'e');
            return response;
        });
        server.route("/drop", [](const TestHttpRequest&) {
            TestHttpResponse response;
            response.dropConnection = true;
            return response;
        });
        const Result<void> started = server.start();
        ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
        client = makeClient();
        ASSERT_NE(client, nullptr);
    }

    // Sends on `client` with `context` and waits for the callback.
    void sendAndWait(HttpRequest request, Outcome& outcome) {
        client->send(std::move(request), &context, outcome.recorder());
        ASSERT_TRUE(waitUntil([&] { return outcome.done(); })) << "no callback";
    }

    TestHttpServer server;
    QObject context;
    std::unique_ptr<CurlHttpClient> client;
};

TEST(MayHaveReachedServerTest, OnlyFailuresBeforeTheRequestWasSentAreSafeToRetry) {
    for (const char* code : {httperror::kConnect, httperror::kTls, httperror::kPin}) {
        EXPECT_FALSE(mayHaveReachedServer(makeError(QLatin1String(code), QString()))) << code;
    }
    for (const char* code :
         {httperror::kTimeout, httperror::kDropped, httperror::kTooLarge, httperror::kCancelled, httperror::kError}) {
        EXPECT_TRUE(mayHaveReachedServer(makeError(QLatin1String(code), QString()))) << code;
    }
}

TEST_F(HttpClientTest, GetReturnsStatusHeadersAndBody) {
    Outcome outcome;
    sendAndWait(get(server.url("/hello")), outcome);

    ASSERT_TRUE(outcome.result->ok()) << outcome.result->error().message.toStdString();
    const HttpResponse& response = outcome.result->value();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "hello");
    EXPECT_EQ(response.header("x-served-by"), "test-server");  // names compare case-insensitively
}

TEST_F(HttpClientTest, PostDeliversMethodBodyAndHeadersToTheServer) {
    HttpRequest request;
    request.url = server.url("/echo");
    request.method = "POST";
    request.headers = {{"X-Request-Tag", "tag-42"}, {"Content-Type", "application/json"}};
    request.body = R"({"total_fee":1250,"fee_type":"CNY"})";
    Outcome outcome;
    sendAndWait(request, outcome);

    ASSERT_TRUE(outcome.result->ok()) << outcome.result->error().message.toStdString();
    const QList<TestHttpRequest> received = server.requests();
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received[0].method, "POST");
    EXPECT_EQ(received[0].body, request.body);
    EXPECT_EQ(received[0].header("X-Request-Tag"), "tag-42");
    EXPECT_EQ(received[0].header("Content-Type"), "application/json");
    EXPECT_EQ(outcome.result->value().status, 201);
    EXPECT_EQ(outcome.result->value().body, request.body);
}

TEST_F(HttpClientTest, ErrorStatusIsAResponseNotAnError) {
    Outcome outcome;
    sendAndWait(get(server.url("/no-such-path")), outcome);

    ASSERT_TRUE(outcome.result->ok()) << outcome.result->error().message.toStdString();
    EXPECT_EQ(outcome.result->value().status, 404);
}

TEST_F(HttpClientTest, CallbackRunsOnTheContextObjectsThread) {
    QThread contextThread;
    contextThread.start();
    auto threadContext = std::make_unique<QObject>();
    threadContext->moveToThread(&contextThread);
    std::atomic<QThread*> callbackThread{nullptr};

    client->send(get(server.url("/hello")), threadContext.get(),
                 [&callbackThread](const Result<HttpResponse>&) { callbackThread = QThread::currentThread(); });
    const bool called = waitUntil([&] { return callbackThread.load() != nullptr; });
    contextThread.quit();
    contextThread.wait();

    ASSERT_TRUE(called);
    EXPECT_EQ(callbackThread.load(), &contextThread);
}

TEST_F(HttpClientTest, InvalidAddressFailsWithHttpErrorAfterSendReturns) {
    bool sendReturned = false;
    bool calledInsideSend = false;
    Outcome outcome;
    client->send(get(QUrl("ftp://127.0.0.1/file")), &context,
                 [&, record = outcome.recorder()](Result<HttpResponse> result) {
                     calledInsideSend = !sendReturned;
                     record(std::move(result));
                 });
    sendReturned = true;
    ASSERT_TRUE(waitUntil([&] { return outcome.done(); }));

    EXPECT_FALSE(calledInsideSend);
    EXPECT_EQ(outcome.code(), httperror::kError);
}

TEST_F(HttpClientTest, ServerSlowerThanTheTimeoutFailsWithHttpTimeout) {
    HttpRequest request = get(server.url("/slow"));
    request.timeout = 300ms;
    Outcome outcome;
    sendAndWait(request, outcome);

    EXPECT_EQ(outcome.code(), httperror::kTimeout);
    EXPECT_TRUE(mayHaveReachedServer(outcome.result->error()));
}

TEST_F(HttpClientTest, CancellingAnInFlightRequestReportsCancelledExactlyOnce) {
    Outcome outcome;
    const RequestId id = client->send(get(server.url("/slow")), &context, outcome.recorder());
    ASSERT_TRUE(server.waitForRequests("/slow", 1, 10s));

    client->cancel(id);
    ASSERT_TRUE(waitUntil([&] { return outcome.done(); }));
    drainEvents();

    EXPECT_EQ(outcome.calls.load(), 1);
    EXPECT_EQ(outcome.code(), httperror::kCancelled);
}

TEST_F(HttpClientTest, CancellingAQueuedRequestKeepsItFromTheServer) {
    // GIVEN one connection, busy with a slow request, and a second request queued behind it
    CurlHttpClientOptions oneConnection;
    oneConnection.maxConnections = 1;
    client = makeClient(oneConnection);
    Outcome slow;
    Outcome queued;
    const RequestId slowId = client->send(get(server.url("/slow")), &context, slow.recorder());
    const RequestId queuedId = client->send(get(server.url("/hello")), &context, queued.recorder());
    ASSERT_TRUE(server.waitForRequests("/slow", 1, 10s));

    // WHEN the queued request is cancelled, then the slow one, and a third request goes through
    client->cancel(queuedId);
    ASSERT_TRUE(waitUntil([&] { return queued.done(); }));
    client->cancel(slowId);
    Outcome later;
    sendAndWait(get(server.url("/hello")), later);

    // THEN the cancelled request never reached the server: only the third one did
    EXPECT_EQ(queued.code(), httperror::kCancelled);
    ASSERT_TRUE(later.result->ok()) << later.result->error().message.toStdString();
    EXPECT_EQ(server.requestCount("/hello"), 1);
}

TEST_F(HttpClientTest, ResponseOverTheLimitFailsWithTooLarge) {
    Outcome outcome;
    sendAndWait(get(server.url("/big")), outcome);  // 2 MiB against the default 1 MiB limit

    EXPECT_EQ(outcome.code(), httperror::kTooLarge);
}

TEST_F(HttpClientTest, ChunkedResponseOverTheLimitFailsWithTooLargeWhileReceiving) {
    Outcome outcome;
    sendAndWait(get(server.url("/big-chunked")), outcome);  // no Content-Length to reject up front

    EXPECT_EQ(outcome.code(), httperror::kTooLarge);
}

TEST_F(HttpClientTest, ResponseOfExactlyTheLimitSucceeds) {
    HttpRequest request = get(server.url("/exact"));
    request.maxResponseBytes = 1024;
    Outcome outcome;
    sendAndWait(request, outcome);

    ASSERT_TRUE(outcome.result->ok()) << outcome.result->error().message.toStdString();
    EXPECT_EQ(outcome.result->value().body.size(), 1024);
}

TEST_F(HttpClientTest, NothingListeningFailsWithHttpConnectAndWasNotDelivered) {
    const quint16 port = unusedPort();
    ASSERT_NE(port, 0);
    Outcome outcome;
    sendAndWait(get(QUrl(QStringLiteral("http://127.0.0.1:%1/hello").arg(port))), outcome);

    EXPECT_EQ(outcome.code(), httperror::kConnect);
    EXPECT_FALSE(mayHaveReachedServer(outcome.result->error()));
    EXPECT_TRUE(outcome.result->error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)))
        << outcome.result->error().message.toStdString();
}

TEST_F(HttpClientTest, ConnectionDroppedAfterTheRequestMayHaveReachedTheServer) {
    HttpRequest request;
    request.url = server.url("/drop");
    request.method = "POST";
    request.body = "charge";
    Outcome outcome;
    sendAndWait(request, outcome);

    EXPECT_EQ(server.requestCount("/drop"), 1);
    EXPECT_EQ(outcome.code(), httperror::kDropped);
    EXPECT_TRUE(mayHaveReachedServer(outcome.result->error()));
}

TEST_F(HttpClientTest, UnansweredPlainRequestTimesOutAsAnUnknownOutcome) {
    const SilentListener listener;  // accepts the TCP connection, so the request is written and left unanswered
    ASSERT_NE(listener.port(), 0);
    HttpRequest request = get(QUrl(QStringLiteral("http://127.0.0.1:%1/pay").arg(listener.port())));
    request.timeout = 300ms;
    Outcome outcome;
    sendAndWait(request, outcome);

    EXPECT_EQ(outcome.code(), httperror::kTimeout);
    EXPECT_TRUE(mayHaveReachedServer(outcome.result->error()));
}

TEST_F(HttpClientTest, UnfinishedTlsHandshakeFailsWithHttpConnectAndWasNotDelivered) {
    const SilentListener listener;  // TCP connects, but the TLS handshake never gets an answer
    ASSERT_NE(listener.port(), 0);
    HttpRequest request = get(QUrl(QStringLiteral("https://127.0.0.1:%1/pay").arg(listener.port())));
    request.connectTimeout = 300ms;
    Outcome outcome;
    sendAndWait(request, outcome);

    EXPECT_EQ(outcome.code(), httperror::kConnect);
    EXPECT_FALSE(mayHaveReachedServer(outcome.result->error()));
}

TEST_F(HttpClientTest, FiftyConcurrentRequestsAllCompleteWithTheirOwnResponses) {
    constexpr int kCount = 50;
    std::vector<std::unique_ptr<Outcome>> outcomes;
    for (int i = 0; i < kCount; ++i) {
        outcomes.push_back(std::make_unique<Outcome>());
        HttpRequest request;
        request.url = server.url("/echo");
        request.method = "POST";
        request.body = "request-" + QByteArray::number(i);
        client->send(request, &context, outcomes.back()->recorder());
    }
    ASSERT_TRUE(waitUntil([&] {
        return std::all_of(outcomes.cbegin(), outcomes.cend(), [](const auto& outcome) { return outcome->done(); });
    }));

    for (int i = 0; i < kCount; ++i) {
        const Outcome& outcome = *outcomes[static_cast<size_t>(i)];
        EXPECT_EQ(outcome.calls.load(), 1) << i;
        ASSERT_TRUE(outcome.result->ok()) << i << ": " << outcome.result->error().message.toStdString();
        EXPECT_EQ(outcome.result->value().body, "request-" + QByteArray::number(i));
    }
}

TEST_F(HttpClientTest, SequentialRequestsReuseTheKeptAliveConnection) {
    Outcome first;
    sendAndWait(get(server.url("/hello")), first);
    Outcome second;
    sendAndWait(get(server.url("/hello")), second);

    const QList<TestHttpRequest> received = server.requests();
    ASSERT_EQ(received.size(), 2);
    EXPECT_NE(received[0].clientPort, 0);
    EXPECT_EQ(received[0].clientPort, received[1].clientPort);
}

TEST_F(HttpClientTest, DestroyedContextGetsNoCallback) {
    // GIVEN one connection, so requests complete in the order they were sent
    CurlHttpClientOptions oneConnection;
    oneConnection.maxConnections = 1;
    client = makeClient(oneConnection);
    auto doomedContext = std::make_unique<QObject>();
    Outcome doomed;
    client->send(get(server.url("/slow?ms=200")), doomedContext.get(), doomed.recorder());
    ASSERT_TRUE(server.waitForRequests("/slow", 1, 10s));

    // WHEN its context is destroyed while the request is in flight, and a later request completes
    doomedContext.reset();
    Outcome later;
    sendAndWait(get(server.url("/hello")), later);
    drainEvents();

    // THEN the first request's callback never runs
    EXPECT_EQ(server.requestCount("/hello"), 1);
    EXPECT_EQ(doomed.calls.load(), 0);
}

TEST_F(HttpClientTest, DestroyingTheClientReportsInFlightRequestsAsCancelled) {
    Outcome outcome;
    client->send(get(server.url("/slow")), &context, outcome.recorder());
    ASSERT_TRUE(server.waitForRequests("/slow", 1, 10s));

    client.reset();
    ASSERT_TRUE(waitUntil([&] { return outcome.done(); }));
    drainEvents();

    EXPECT_EQ(outcome.calls.load(), 1);
    EXPECT_EQ(outcome.code(), httperror::kCancelled);
}

TEST_F(HttpClientTest, DestroyingTheClientAfterTheContextDeliversNothing) {
    auto doomedContext = std::make_unique<QObject>();
    Outcome outcome;
    client->send(get(server.url("/slow")), doomedContext.get(), outcome.recorder());
    ASSERT_TRUE(server.waitForRequests("/slow", 1, 10s));

    doomedContext.reset();
    client.reset();
    drainEvents();

    EXPECT_EQ(outcome.calls.load(), 0);
}

class HttpsClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        Result<test::TestCertificate> generated = test::generateSelfSignedCertificate();
        ASSERT_TRUE(generated.ok()) << generated.error().message.toStdString();
        certificate = std::move(generated).value();
        ASSERT_TRUE(directory.isValid());
        caFile = directory.filePath("backend-ca.pem");
        QFile file(caFile);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_EQ(file.write(certificate.certificatePem), certificate.certificatePem.size());
        file.close();

        server.route("/hello", [](const TestHttpRequest&) {
            TestHttpResponse response;
            response.body = "secure hello";
            return response;
        });
        const Result<void> started = server.startTls(certificate.certificatePem, certificate.privateKeyPem);
        ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
    }

    // GETs /hello with a client made from `options` and waits for the result.
    void fetchHello(CurlHttpClientOptions options, Outcome& outcome) {
        std::unique_ptr<CurlHttpClient> client = makeClient(std::move(options));
        ASSERT_NE(client, nullptr);
        client->send(get(server.url("/hello")), &context, outcome.recorder());
        ASSERT_TRUE(waitUntil([&] { return outcome.done(); })) << "no callback";
    }

    test::TestCertificate certificate;
    QTemporaryDir directory;
    QString caFile;
    TestHttpServer server;
    QObject context;
};

TEST_F(HttpsClientTest, ServerCertificateGivenAsCaFileIsTrusted) {
    Outcome outcome;
    fetchHello(trusting(caFile), outcome);

    ASSERT_TRUE(outcome.result && outcome.result->ok()) << outcome.code().toStdString();
    EXPECT_EQ(outcome.result->value().body, "secure hello");
}

TEST_F(HttpsClientTest, SelfSignedServerFailsWithHttpTlsAgainstTheSystemStore) {
    Outcome outcome;
    fetchHello({}, outcome);

    EXPECT_EQ(outcome.code(), httperror::kTls);
    ASSERT_TRUE(outcome.result.has_value());
    EXPECT_FALSE(mayHaveReachedServer(outcome.result->error()));
    EXPECT_EQ(server.requestCount("/hello"), 0);
}

TEST_F(HttpsClientTest, WrongPinnedKeyFailsWithHttpPin) {
    const QByteArray wrongPin = "sha256//" + QByteArray(32, '\0').toBase64();
    Outcome outcome;
    fetchHello(trusting(caFile, wrongPin), outcome);

    EXPECT_EQ(outcome.code(), httperror::kPin);
    EXPECT_EQ(server.requestCount("/hello"), 0);
}

TEST_F(HttpsClientTest, RightPinnedKeySucceeds) {
    Outcome outcome;
    fetchHello(trusting(caFile, certificate.publicKeyPin), outcome);

    ASSERT_TRUE(outcome.result && outcome.result->ok()) << outcome.code().toStdString();
    EXPECT_EQ(outcome.result->value().body, "secure hello");
}

TEST(CurlHttpClientCreateTest, MissingCaFileIsRejectedUpFront) {
    const Result<std::unique_ptr<CurlHttpClient>> client =
        CurlHttpClient::create(trusting(QStringLiteral("/nonexistent/backend-ca.pem")));

    ASSERT_FALSE(client.ok());
    EXPECT_EQ(client.error().code, "http.config");
}

}  // namespace
}  // namespace facepos
