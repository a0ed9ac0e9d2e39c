#include "test_http_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace facepos::test {

namespace {

// One request as libmicrohttpd hands it over across several calls of the access handler.
struct PendingRequest {
    QByteArray body;
};

struct ChunkedBody {
    QByteArray data;
};

ssize_t readChunk(void* state, uint64_t position, char* buffer, size_t capacity) {
    const QByteArray& data = static_cast<ChunkedBody*>(state)->data;
    if (position >= static_cast<uint64_t>(data.size())) return MHD_CONTENT_READER_END_OF_STREAM;
    const size_t count = std::min<size_t>(capacity, static_cast<size_t>(data.size()) - position);
    std::memcpy(buffer, data.constData() + position, count);
    return static_cast<ssize_t>(count);
}

void freeChunkedBody(void* state) {
    delete static_cast<ChunkedBody*>(state);
}

MHD_Result collectPair(void* list, MHD_ValueKind /*kind*/, const char* key, const char* value) {
    static_cast<HttpHeaders*>(list)->append({QByteArray(key), QByteArray(value != nullptr ? value : "")});
    return MHD_YES;
}

quint16 clientPortOf(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == nullptr || info->client_addr == nullptr || info->client_addr->sa_family != AF_INET) return 0;
    sockaddr_in address{};
    std::memcpy(&address, info->client_addr, sizeof address);
    return ntohs(address.sin_port);
}

}  // namespace

struct TestHttpServer::Callbacks {
    static MHD_Result onAccess(void* self, MHD_Connection* connection, const char* url, const char* method,
                               const char* /*version*/, const char* uploadData, size_t* uploadDataSize,
                               void** connectionState) {
        if (*connectionState == nullptr) {
            *connectionState = new PendingRequest;
            return MHD_YES;
        }
        auto* pending = static_cast<PendingRequest*>(*connectionState);
        if (*uploadDataSize != 0) {
            pending->body.append(uploadData, static_cast<qsizetype>(*uploadDataSize));
            *uploadDataSize = 0;
            return MHD_YES;
        }
        TestHttpRequest request;
        request.method = method;
        request.path = url;
        request.body = std::move(pending->body);
        request.clientPort = clientPortOf(connection);
        MHD_get_connection_values(connection, MHD_HEADER_KIND, &collectPair, &request.headers);
        MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, &collectPair, &request.queryItems);
        return respond(*static_cast<TestHttpServer*>(self), connection, request);
    }

    static MHD_Result respond(TestHttpServer& server, MHD_Connection* connection, const TestHttpRequest& request);

    static void onCompleted(void* /*self*/, MHD_Connection* /*connection*/, void** connectionState,
                            MHD_RequestTerminationCode /*reason*/) {
        delete static_cast<PendingRequest*>(*connectionState);
        *connectionState = nullptr;
    }
};

TestHttpServer::~TestHttpServer() {
    stop();
}

void TestHttpServer::route(const QByteArray& path, Handler handler) {
    std::lock_guard lock(m_mutex);
    m_handlers[path] = std::move(handler);
}

Result<void> TestHttpServer::start() {
    return startDaemon(false);
}

Result<void> TestHttpServer::startTls(const QByteArray& certificatePem, const QByteArray& privateKeyPem) {
    m_certificatePem = certificatePem;
    m_privateKeyPem = privateKeyPem;
    return startDaemon(true);
}

Result<void> TestHttpServer::startDaemon(bool tls) {
    if (m_daemon != nullptr) return makeError(QStringLiteral("test.server"), QStringLiteral("Already started."));
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const auto* socketAddress = reinterpret_cast<const sockaddr*>(&address);
    const unsigned int flags = static_cast<unsigned int>(MHD_USE_INTERNAL_POLLING_THREAD) |
                               static_cast<unsigned int>(MHD_USE_THREAD_PER_CONNECTION) |
                               (tls ? static_cast<unsigned int>(MHD_USE_TLS) : 0U);
    if (tls) {
        m_daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &Callbacks::onAccess, this, MHD_OPTION_SOCK_ADDR,
                                    socketAddress, MHD_OPTION_NOTIFY_COMPLETED, &Callbacks::onCompleted, this,
                                    MHD_OPTION_HTTPS_MEM_KEY, m_privateKeyPem.constData(), MHD_OPTION_HTTPS_MEM_CERT,
                                    m_certificatePem.constData(), MHD_OPTION_END);
    } else {
        m_daemon =
            MHD_start_daemon(flags, 0, nullptr, nullptr, &Callbacks::onAccess, this, MHD_OPTION_SOCK_ADDR,
                             socketAddress, MHD_OPTION_NOTIFY_COMPLETED, &Callbacks::onCompleted, this, MHD_OPTION_END);
    }
    if (m_daemon == nullptr) {
        return makeError(QStringLiteral("test.server"),
                         QStringLiteral("libmicrohttpd could not start a%1 server on 127.0.0.1.")
                             .arg(tls ? QStringLiteral("n HTTPS") : QStringLiteral("n HTTP")));
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    m_port = info != nullptr ? info->port : 0;
    m_tls = tls;
    if (m_port == 0) {
        stop();
        return makeError(QStringLiteral("test.server"), QStringLiteral("The test server reported no bound port."));
    }
    return {};
}

void TestHttpServer::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_daemon != nullptr) {
        MHD_stop_daemon(m_daemon);
        m_daemon = nullptr;
    }
}

QUrl TestHttpServer::url(const QString& path) const {
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_port)
                    .arg(path));
}

QList<TestHttpRequest> TestHttpServer::requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
}

int TestHttpServer::requestCount(const QByteArray& path) const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(),
                                          [&path](const TestHttpRequest& request) { return request.path == path; }));
}

bool TestHttpServer::waitForRequests(const QByteArray& path, int count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] {
        return std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&path](const TestHttpRequest& request) { return request.path == path; }) >= count;
    });
}

bool TestHttpServer::sleepUnlessStopping(std::chrono::milliseconds delay) {
    std::unique_lock lock(m_mutex);
    return !m_changed.wait_for(lock, delay, [this] { return m_stopping; });
}

MHD_Result TestHttpServer::Callbacks::respond(TestHttpServer& server, MHD_Connection* connection,
                                              const TestHttpRequest& request) {
    Handler handler;
    {
        std::lock_guard lock(server.m_mutex);
        server.m_requests.append(request);
        if (const auto found = server.m_handlers.find(request.path); found != server.m_handlers.end()) {
            handler = found->second;
        }
    }
    server.m_changed.notify_all();

    TestHttpResponse response;
    if (handler) {
        response = handler(request);
    } else {
        response.status = 404;
        response.body = "no handler for " + request.path;
    }
    if (response.delay.count() > 0 && !server.sleepUnlessStopping(response.delay)) return MHD_NO;
    if (response.dropConnection) return MHD_NO;

    MHD_Response* reply = nullptr;
    if (response.chunked) {
        reply = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, size_t{16} * 1024, &readChunk,
                                                  new ChunkedBody{std::move(response.body)}, &freeChunkedBody);
    } else {
        reply = MHD_create_response_from_buffer(static_cast<size_t>(response.body.size()),
                                                const_cast<char*>(response.body.constData()), MHD_RESPMEM_MUST_COPY);
    }
    if (reply == nullptr) return MHD_NO;
    for (const auto& [name, value] : response.headers) {
        MHD_add_response_header(reply, name.constData(), value.constData());
    }
    const MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned int>(response.status), reply);
    MHD_destroy_response(reply);
    return queued;
}

}  // namespace facepos::test
