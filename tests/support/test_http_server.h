#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>

#include "platform/ihttpclient.h"
#include "platform/result.h"

struct MHD_Daemon;

namespace facepos::test {

struct TestHttpRequest {
    QByteArray method;
    QByteArray path;  // without the query
    HttpHeaders queryItems;
    HttpHeaders headers;
    QByteArray body;
    // The client side's TCP port: two requests with the same port came over the same (kept-alive) connection.
    quint16 clientPort = 0;

    QByteArray header(QByteArrayView name) const { return httpHeaderValue(headers, name); }
};

struct TestHttpResponse {
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    // Wait this long before answering. Cut short (and the connection closed unanswered) when the server stops, so a
    // slow handler never holds up a test's teardown.
    std::chrono::milliseconds delay{0};
    // Send the body with chunked transfer encoding, so the client learns its size only while receiving it.
    bool chunked = false;
    // Close the connection without answering, after the whole request has been read.
    bool dropConnection = false;
};

// A small HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for tests of anything that talks HTTP(S).
// libmicrohttpd runs it on its own threads, one per connection; handlers run on those threads, concurrently, so they
// must be thread-safe. Paths without a handler answer 404. Every request is recorded for later inspection.
class TestHttpServer {
public:
    using Handler = std::function<TestHttpResponse(const TestHttpRequest&)>;

    TestHttpServer() = default;
    ~TestHttpServer();
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    // Handles requests whose path is exactly `path` ("/echo"). May be called before or after start().
    void route(const QByteArray& path, Handler handler);

    Result<void> start();
    Result<void> startTls(const QByteArray& certificatePem, const QByteArray& privateKeyPem);
    // Closes every connection, cutting short handler delays, and waits for the server's threads. Idempotent.
    void stop();

    quint16 port() const { return m_port; }
    // "http(s)://127.0.0.1:<port><path>"
    QUrl url(const QString& path) const;

    // Requests whose body was fully received, in arrival order (including ones answered with dropConnection).
    QList<TestHttpRequest> requests() const;
    int requestCount(const QByteArray& path) const;
    // Blocks until `path` has received `count` requests or `timeout` passes; true when the count was reached.
    bool waitForRequests(const QByteArray& path, int count, std::chrono::milliseconds timeout) const;

private:
    Result<void> startDaemon(bool tls);
    // Waits up to `delay`; false when the server is stopping.
    bool sleepUnlessStopping(std::chrono::milliseconds delay);

    struct Callbacks;  // libmicrohttpd's C callbacks, defined with the library's exact signatures in the .cpp

    MHD_Daemon* m_daemon = nullptr;
    quint16 m_port = 0;
    bool m_tls = false;
    QByteArray m_certificatePem;  // must outlive the daemon
    QByteArray m_privateKeyPem;

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::map<QByteArray, Handler> m_handlers;  // guarded by m_mutex
    QList<TestHttpRequest> m_requests;         // guarded by m_mutex
    bool m_stopping = false;                   // guarded by m_mutex
};

}  // namespace facepos::test
