#include "platform/curl_http_client.h"

#include <curl/curl.h>
#include <pthread.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QObject>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace facepos {

namespace {

Q_LOGGING_CATEGORY(lcHttp, "facepos.http", QtInfoMsg)

// Translation context of the messages below; error messages reach technicians in the terminal's language.
class HttpMessages {
    Q_DECLARE_TR_FUNCTIONS(CurlHttpClient)
};

// libcurl's global state must be set up once per process before any handle exists, and is never torn down: other
// clients may be created later, and curl_global_cleanup() is not safe while any thread could still use libcurl.
Result<void> ensureCurlGlobalInit() {
    static std::once_flag once;
    static CURLcode initResult = CURLE_OK;
    std::call_once(once, [] { initResult = curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (initResult != CURLE_OK) {
        return makeError(
            QStringLiteral("http.init"),
            HttpMessages::tr("The network library could not be initialised (%1). Restart the terminal; if this "
                             "persists, reinstall the software.")
                .arg(QString::fromUtf8(curl_easy_strerror(initResult))));
    }
    return {};
}

// Where a request goes, as a technician would type it into Settings: "host:port", without path, query or credentials
// (queries and user info may carry secrets).
QString hostPort(const QUrl& url) {
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    const QString host =
        url.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + url.host() + QLatin1Char(']') : url.host();
    return host + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

QString loggableUrl(const QUrl& url) {
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

QString seconds(std::chrono::milliseconds duration) {
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'g', 3);
}

bool containsLineBreak(const QByteArray& text) {
    return text.contains('\r') || text.contains('\n');
}

// What reaches the caller and whether it still can. Shared by the worker (which posts the result) and the slot
// connected to the context's destroyed() signal (which runs in the destroying thread and clears `context`).
// Holding `mutex` while posting guarantees a result is either posted before ~QObject emits destroyed() (and then
// discarded with the object's other posted events) or not posted at all.
struct Delivery {
    std::mutex mutex;
    QObject* context = nullptr;                // guarded by mutex; null once the context is destroyed
    QMetaObject::Connection contextDestroyed;  // set in send() before the worker sees this object, then read-only
    // Set in send(); afterwards touched only on the context's thread: moved out to be called when the result
    // arrives, or released when the context is destroyed.
    IHttpClient::Callback onDone;
};

void deliver(const std::shared_ptr<Delivery>& delivery, Result<HttpResponse> result) {
    std::lock_guard lock(delivery->mutex);
    if (delivery->context == nullptr) return;
    QMetaObject::invokeMethod(
        delivery->context,
        [delivery, result = std::move(result)]() mutable {
            QObject::disconnect(delivery->contextDestroyed);
            IHttpClient::Callback onDone = std::move(delivery->onDone);
            delivery->onDone = nullptr;
            if (onDone) onDone(std::move(result));
        },
        Qt::QueuedConnection);
}

// One request from send() to its result. Owned by the worker thread once queued; libcurl's callbacks run on the
// worker thread too.
struct Transfer {
    RequestId id = 0;
    HttpRequest request;
    std::shared_ptr<Delivery> delivery;

    CURL* easy = nullptr;
    curl_slist* headerList = nullptr;
    HttpResponse response;
    // Set when libcurl is about to write the request on an established connection. Before that, a failure means the
    // server certainly never saw the request; after it, the outcome is unknown.
    bool requestStarted = false;
    bool tooLarge = false;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    Transfer() = default;
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() {
        if (easy != nullptr) curl_easy_cleanup(easy);
        curl_slist_free_all(headerList);
    }
};

size_t onBodyData(char* data, size_t size, size_t count, void* userData) {
    auto* transfer = static_cast<Transfer*>(userData);
    const size_t bytes = size * count;
    if (transfer->response.body.size() + static_cast<qint64>(bytes) > transfer->request.maxResponseBytes) {
        transfer->tooLarge = true;
        return CURL_WRITEFUNC_ERROR;
    }
    transfer->response.body.append(data, static_cast<qsizetype>(bytes));
    return bytes;
}

size_t onHeaderLine(char* data, size_t size, size_t count, void* userData) {
    auto* transfer = static_cast<Transfer*>(userData);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, static_cast<qsizetype>(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new status line (after "100 Continue" or an interim response): only the final response's headers count.
        transfer->response.headers.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        transfer->response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return bytes;
}

int onBeforeRequest(void* userData, char* /*primaryIp*/, char* /*localIp*/, int /*primaryPort*/, int /*localPort*/) {
    static_cast<Transfer*>(userData)->requestStarted = true;
    return CURL_PREREQFUNC_OK;
}

QString connectFailureReason(long osErrno) {
    switch (osErrno) {
        case ECONNREFUSED:
            return HttpMessages::tr("connection refused");
        case ENETUNREACH:
            return HttpMessages::tr("network unreachable");
        case EHOSTUNREACH:
            return HttpMessages::tr("host unreachable");
        case ETIMEDOUT:
            return HttpMessages::tr("no answer");
        default:
            return {};
    }
}

Error connectError(const Transfer& transfer, CURLcode code, const QString& detail) {
    const QString where = hostPort(transfer.request.url);
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return makeError(
                httperror::kConnect,
                HttpMessages::tr("Cannot find the backend host %1 (name lookup failed). Check the network connection, "
                                 "the DNS settings and the backend address in Settings.")
                    .arg(transfer.request.url.host()));
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT: {
            long osErrno = 0;
            curl_easy_getinfo(transfer.easy, CURLINFO_OS_ERRNO, &osErrno);
            const QString reason = connectFailureReason(osErrno);
            return makeError(
                httperror::kConnect,
                HttpMessages::tr("Cannot reach the backend at %1: %2. Check the network cable and the backend address "
                                 "in Settings.")
                    .arg(where, reason.isEmpty() ? detail : reason));
        }
        case CURLE_OPERATION_TIMEDOUT:
            return makeError(
                httperror::kConnect,
                HttpMessages::tr(
                    "Cannot reach the backend at %1: no connection within %2 s. Check the network cable, the router "
                    "and the backend address in Settings.")
                    .arg(where, seconds(std::min(transfer.request.connectTimeout, transfer.request.timeout))));
        case CURLE_SSL_CONNECT_ERROR:
            return makeError(
                httperror::kConnect,
                HttpMessages::tr("Cannot open a secure connection to %1 (%2). Check that the backend address in "
                                 "Settings has the right scheme (https) and port.")
                    .arg(where, detail));
        default:
            return makeError(
                httperror::kConnect,
                HttpMessages::tr("Cannot reach the backend at %1: the connection failed before the request was sent "
                                 "(%2). Check the network and the backend address in Settings.")
                    .arg(where, detail));
    }
}

// Maps a failed transfer to the IHttpClient error contract. The one question that matters to callers with side
// effects — could the server have the request? — is decided by requestStarted, not by guessing from the error code:
// only failures before the request was written may claim "not delivered".
Error transferError(const Transfer& transfer, CURLcode code) {
    const QString where = hostPort(transfer.request.url);
    const QString detail = transfer.errorBuffer[0] != '\0' ? QString::fromUtf8(transfer.errorBuffer)
                                                           : QString::fromUtf8(curl_easy_strerror(code));
    if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
        return makeError(
            httperror::kTooLarge,
            HttpMessages::tr("The response from %1 is larger than the %2 bytes allowed and was discarded. Check that "
                             "the backend address in Settings points at the payment backend.")
                .arg(where)
                .arg(transfer.request.maxResponseBytes));
    }
    if (!transfer.requestStarted) {
        switch (code) {
            case CURLE_PEER_FAILED_VERIFICATION:
                return makeError(
                    httperror::kTls,
                    HttpMessages::tr("The backend at %1 presented a certificate this terminal does not trust (%2). "
                                     "Check the terminal's date and time and the backend certificate configured in "
                                     "Settings.")
                        .arg(where, detail));
            case CURLE_SSL_CACERT_BADFILE:
                return makeError(
                    httperror::kTls,
                    HttpMessages::tr("The trusted certificate file for %1 cannot be used (%2). Reinstall the backend "
                                     "certificate in Settings.")
                        .arg(where, detail));
            case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
                return makeError(
                    httperror::kPin,
                    HttpMessages::tr("The backend at %1 presented a key that does not match the key pinned on this "
                                     "terminal, so the connection was refused to protect payment data. If the backend "
                                     "certificate was replaced, update the pinned key in Settings; otherwise report "
                                     "this to support.")
                        .arg(where));
            case CURLE_COULDNT_RESOLVE_HOST:
            case CURLE_COULDNT_RESOLVE_PROXY:
            case CURLE_COULDNT_CONNECT:
            case CURLE_OPERATION_TIMEDOUT:
            case CURLE_SSL_CONNECT_ERROR:
            case CURLE_SEND_ERROR:
            case CURLE_RECV_ERROR:
            case CURLE_GOT_NOTHING:
                return connectError(transfer, code, detail);
            default:
                return makeError(httperror::kError,
                                 HttpMessages::tr("The request to %1 could not be made (%2).").arg(where, detail));
        }
    }
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
            return makeError(
                httperror::kTimeout,
                HttpMessages::tr("The backend at %1 did not answer within %2 s. The request may have been processed; "
                                 "its outcome must be checked before it is repeated.")
                    .arg(where, seconds(transfer.request.timeout)));
        case CURLE_GOT_NOTHING:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_COULDNT_CONNECT:
        case CURLE_SSL_CONNECT_ERROR:
            return makeError(
                httperror::kDropped,
                HttpMessages::tr("The connection to %1 was lost after the request was sent (%2). The request may have "
                                 "been processed; its outcome must be checked before it is repeated. If this keeps "
                                 "happening, check the network.")
                    .arg(where, detail));
        default:
            return makeError(
                httperror::kError,
                HttpMessages::tr("The request to %1 failed (%2). Its outcome is unknown.").arg(where, detail));
    }
}

Error cancelledError(const Transfer& transfer) {
    return makeError(httperror::kCancelled,
                     HttpMessages::tr("The request to %1 was cancelled.").arg(hostPort(transfer.request.url)));
}

}  // namespace

// Owns the libcurl multi handle and the worker thread that drives it. Callers' threads only append to m_commands
// (under m_mutex) and call curl_multi_wakeup(), the one libcurl call made for another thread; m_active and every
// libcurl handle belong to the worker thread.
class CurlHttpClient::Engine {
public:
    Engine(CurlHttpClientOptions options, CURLM* multi) : m_options(std::move(options)), m_multi(multi) {
        curl_multi_setopt(m_multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(m_options.maxConnections));
        m_thread = std::thread([this] { run(); });
    }

    ~Engine() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        curl_multi_wakeup(m_multi);
        m_thread.join();
        curl_multi_cleanup(m_multi);
    }

    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    RequestId send(HttpRequest request, QObject* context, Callback onDone) {
        auto delivery = std::make_shared<Delivery>();
        delivery->context = context;
        delivery->onDone = std::move(onDone);
        delivery->contextDestroyed =
            QObject::connect(context, &QObject::destroyed, [weak = std::weak_ptr<Delivery>(delivery)] {
                if (const auto alive = weak.lock()) {
                    // The callback (and whatever it captured) is released here, on the context's thread, not on
                    // the worker thread that may later drop the last reference to the Delivery.
                    Callback dropped;
                    std::lock_guard lock(alive->mutex);
                    alive->context = nullptr;
                    dropped = std::move(alive->onDone);
                }
            });

        auto transfer = std::make_unique<Transfer>();
        transfer->id = m_nextId.fetch_add(1, std::memory_order_relaxed);
        transfer->request = std::move(request);
        transfer->delivery = std::move(delivery);
        const RequestId id = transfer->id;
        push(Command{std::move(transfer), 0});
        return id;
    }

    void cancel(RequestId id) { push(Command{nullptr, id}); }

private:
    // Either a new transfer or the id of one to cancel; processed in the order they were pushed, so a cancel always
    // finds the transfer it follows.
    struct Command {
        std::unique_ptr<Transfer> transfer;
        RequestId cancelId = 0;
    };

    void push(Command command) {
        {
            std::lock_guard lock(m_mutex);
            m_commands.push_back(std::move(command));
        }
        curl_multi_wakeup(m_multi);
    }

    void run() {
        pthread_setname_np(pthread_self(), "facepos-http");
        for (;;) {
            std::deque<Command> commands;
            bool stopping = false;
            {
                std::lock_guard lock(m_mutex);
                commands.swap(m_commands);
                stopping = m_stopping;
            }
            for (Command& command : commands) {
                if (command.transfer && stopping) {
                    deliver(command.transfer->delivery, cancelledError(*command.transfer));
                } else if (command.transfer) {
                    start(std::move(command.transfer));
                } else {
                    cancelActive(command.cancelId);
                }
            }
            if (stopping) break;

            int running = 0;
            if (const CURLMcode performed = curl_multi_perform(m_multi, &running); performed != CURLM_OK) {
                qCCritical(lcHttp) << "curl_multi_perform failed:" << curl_multi_strerror(performed);
            }
            collectFinished();
            // Returns early on curl_multi_wakeup() and never sleeps past libcurl's own next timeout.
            if (const CURLMcode polled = curl_multi_poll(m_multi, nullptr, 0, 1000, nullptr); polled != CURLM_OK) {
                qCCritical(lcHttp) << "curl_multi_poll failed:" << curl_multi_strerror(polled);
                std::this_thread::sleep_for(std::chrono::milliseconds(100));  // no busy loop on a broken poll
            }
        }
        for (auto& [id, transfer] : m_active) {
            curl_multi_remove_handle(m_multi, transfer->easy);
            deliver(transfer->delivery, cancelledError(*transfer));
        }
        m_active.clear();
    }

    void start(std::unique_ptr<Transfer> transfer) {
        if (const Result<void> configured = configure(*transfer); !configured.ok()) {
            qCWarning(lcHttp).noquote() << transfer->request.method << loggableUrl(transfer->request.url)
                                        << configured.error().code;
            deliver(transfer->delivery, configured.error());
            return;
        }
        if (const CURLMcode added = curl_multi_add_handle(m_multi, transfer->easy); added != CURLM_OK) {
            deliver(transfer->delivery,
                    makeError(httperror::kError, HttpMessages::tr("The request to %1 could not be started (%2).")
                                                     .arg(hostPort(transfer->request.url),
                                                          QString::fromUtf8(curl_multi_strerror(added)))));
            return;
        }
        const RequestId id = transfer->id;
        m_active.emplace(id, std::move(transfer));
    }

    void cancelActive(RequestId id) {
        const auto found = m_active.find(id);
        if (found == m_active.end()) return;
        std::unique_ptr<Transfer> transfer = std::move(found->second);
        m_active.erase(found);
        curl_multi_remove_handle(m_multi, transfer->easy);
        qCDebug(lcHttp).noquote() << transfer->request.method << loggableUrl(transfer->request.url) << "cancelled";
        deliver(transfer->delivery, cancelledError(*transfer));
    }

    void collectFinished() {
        int remaining = 0;
        while (CURLMsg* message = curl_multi_info_read(m_multi, &remaining)) {
            if (message->msg != CURLMSG_DONE) continue;
            // The message is freed by curl_multi_remove_handle(): copy what is needed first.
            CURL* easy = message->easy_handle;
            const CURLcode code = message->data.result;
            char* privateData = nullptr;
            curl_easy_getinfo(easy, CURLINFO_PRIVATE, &privateData);
            const RequestId id = static_cast<Transfer*>(static_cast<void*>(privateData))->id;
            curl_multi_remove_handle(m_multi, easy);

            const auto found = m_active.find(id);
            Q_ASSERT(found != m_active.end());  // every handle in the multi handle is in m_active
            std::unique_ptr<Transfer> transfer = std::move(found->second);
            m_active.erase(found);
            finish(*transfer, code);
        }
    }

    static void finish(Transfer& transfer, CURLcode code) {
        if (code == CURLE_OK) {
            long status = 0;
            curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
            transfer.response.status = static_cast<int>(status);
            qCDebug(lcHttp).noquote() << transfer.request.method << loggableUrl(transfer.request.url)
                                      << transfer.response.status;
            deliver(transfer.delivery, std::move(transfer.response));
            return;
        }
        Error error = transferError(transfer, code);
        qCWarning(lcHttp).noquote() << transfer.request.method << loggableUrl(transfer.request.url) << error.code
                                    << error.message;
        deliver(transfer.delivery, std::move(error));
    }

    Result<void> configure(Transfer& transfer) const {
        const HttpRequest& request = transfer.request;
        const QString scheme = request.url.scheme();
        if (!request.url.isValid() || request.url.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            return makeError(httperror::kError,
                             HttpMessages::tr("The address \"%1\" is not a valid http or https address. Check "
                                              "the backend address in Settings.")
                                 .arg(loggableUrl(request.url)));
        }
        const QString where = hostPort(request.url);
        const bool bodyless = request.method == "GET" || request.method == "HEAD";
        const bool withBody = request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
                              request.method == "DELETE";
        if (!bodyless && !withBody) {
            return makeError(httperror::kError,
                             HttpMessages::tr("The request to %1 uses the unsupported method \"%2\".")
                                 .arg(where, QString::fromLatin1(request.method)));
        }
        if (bodyless && !request.body.isEmpty()) {
            return makeError(httperror::kError,
                             HttpMessages::tr("The %1 request to %2 has a body, which %1 does not allow.")
                                 .arg(QString::fromLatin1(request.method), where));
        }

        bool hasContentType = false;
        for (const auto& [name, value] : request.headers) {
            if (name.isEmpty() || name.contains(':') || containsLineBreak(name) || containsLineBreak(value)) {
                return makeError(httperror::kError, HttpMessages::tr("The request to %1 has a malformed header \"%2\".")
                                                        .arg(where, QString::fromLatin1(name.left(64))));
            }
            hasContentType = hasContentType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
            // "Name;" is libcurl's way to send a header with an empty value ("Name:" would remove it).
            const QByteArray line = value.isEmpty() ? name + ';' : name + ": " + value;
            transfer.headerList = curl_slist_append(transfer.headerList, line.constData());
        }
        // No "Expect: 100-continue" round trip before bodies, and no invented form content type.
        transfer.headerList = curl_slist_append(transfer.headerList, "Expect:");
        if (withBody && !hasContentType) transfer.headerList = curl_slist_append(transfer.headerList, "Content-Type:");

        transfer.easy = curl_easy_init();
        if (transfer.easy == nullptr || transfer.headerList == nullptr) {
            return makeError(
                httperror::kError,
                HttpMessages::tr("The request to %1 could not be prepared: out of memory. Restart the terminal.")
                    .arg(where));
        }

        CURL* easy = transfer.easy;
        CURLcode rc = CURLE_OK;
        const auto set = [&rc, easy](CURLoption option, auto value) {
            if (rc == CURLE_OK) rc = curl_easy_setopt(easy, option, value);
        };
        const QByteArray url = request.url.toEncoded();
        set(CURLOPT_URL, url.constData());
        set(CURLOPT_PROTOCOLS_STR, "http,https");
        set(CURLOPT_NOSIGNAL, 1L);
        set(CURLOPT_PRIVATE, static_cast<void*>(&transfer));
        set(CURLOPT_ERRORBUFFER, transfer.errorBuffer);
        set(CURLOPT_WRITEFUNCTION, &onBodyData);
        set(CURLOPT_WRITEDATA, static_cast<void*>(&transfer));
        set(CURLOPT_HEADERFUNCTION, &onHeaderLine);
        set(CURLOPT_HEADERDATA, static_cast<void*>(&transfer));
        set(CURLOPT_PREREQFUNCTION, &onBeforeRequest);
        set(CURLOPT_PREREQDATA, static_cast<void*>(&transfer));
        set(CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
        set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout.count()));
        set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.maxResponseBytes));
        set(CURLOPT_HTTPHEADER, transfer.headerList);
        set(CURLOPT_USERAGENT, m_options.userAgent.constData());
        set(CURLOPT_PROXY, m_options.proxy.constData());
        set(CURLOPT_TCP_KEEPALIVE, 1L);
        set(CURLOPT_FOLLOWLOCATION, 0L);
        set(CURLOPT_SSL_VERIFYPEER, 1L);
        set(CURLOPT_SSL_VERIFYHOST, 2L);
        set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
        if (!m_caFile.isEmpty()) {
            set(CURLOPT_CAINFO, m_caFile.constData());
            set(CURLOPT_CAPATH, static_cast<const char*>(nullptr));
        }
        if (!m_options.pinnedPublicKey.isEmpty()) set(CURLOPT_PINNEDPUBLICKEY, m_options.pinnedPublicKey.constData());

        if (request.method == "HEAD") {
            set(CURLOPT_NOBODY, 1L);
        } else if (request.method == "GET") {
            set(CURLOPT_HTTPGET, 1L);
        } else {
            // libcurl reads the body from this buffer while sending; it stays alive in transfer.request.
            set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            set(CURLOPT_POSTFIELDS, request.body.constData());
            if (request.method != "POST") set(CURLOPT_CUSTOMREQUEST, request.method.constData());
        }
        if (rc != CURLE_OK) {
            return makeError(httperror::kError, HttpMessages::tr("The request to %1 could not be prepared (%2).")
                                                    .arg(where, QString::fromUtf8(curl_easy_strerror(rc))));
        }
        return {};
    }

    const CurlHttpClientOptions m_options;
    const QByteArray m_caFile = QFileInfo(m_options.caFile).absoluteFilePath().toLocal8Bit();
    CURLM* const m_multi;
    std::thread m_thread;
    std::atomic<RequestId> m_nextId{1};

    std::mutex m_mutex;
    std::deque<Command> m_commands;  // guarded by m_mutex
    bool m_stopping = false;         // guarded by m_mutex

    std::unordered_map<RequestId, std::unique_ptr<Transfer>> m_active;  // worker thread only
};

Result<std::unique_ptr<CurlHttpClient>> CurlHttpClient::create(CurlHttpClientOptions options) {
    if (const Result<void> init = ensureCurlGlobalInit(); !init.ok()) return init.error();
    if (options.maxConnections < 1) {
        return makeError(
            QStringLiteral("http.config"),
            HttpMessages::tr("The HTTP client needs at least one connection (got %1).").arg(options.maxConnections));
    }
    if (!options.caFile.isEmpty() && !QFileInfo(options.caFile).isReadable()) {
        return makeError(
            QStringLiteral("http.config"),
            HttpMessages::tr("The backend certificate file %1 is missing or unreadable. Reinstall the backend "
                             "certificate in Settings.")
                .arg(options.caFile));
    }
    if (!options.pinnedPublicKey.isEmpty()) {
        for (const QByteArray& pin : options.pinnedPublicKey.split(';')) {
            if (!pin.startsWith("sha256//") || pin.size() <= 8) {
                return makeError(
                    QStringLiteral("http.config"),
                    HttpMessages::tr("The pinned backend key is malformed; it must look like \"sha256//<base64>\". "
                                     "Re-enter it in Settings."));
            }
        }
    }
    CURLM* multi = curl_multi_init();
    if (multi == nullptr) {
        return makeError(
            QStringLiteral("http.init"),
            HttpMessages::tr("The network library could not create a session: out of memory. Restart the terminal."));
    }
    return std::unique_ptr<CurlHttpClient>(new CurlHttpClient(std::make_unique<Engine>(std::move(options), multi)));
}

CurlHttpClient::CurlHttpClient(std::unique_ptr<Engine> engine) : m_engine(std::move(engine)) {}

CurlHttpClient::~CurlHttpClient() = default;

RequestId CurlHttpClient::send(HttpRequest request, QObject* context, Callback onDone) {
    Q_ASSERT_X(context != nullptr, "CurlHttpClient::send", "a context object is required");
    if (context == nullptr) {
        qCCritical(lcHttp).noquote() << "request to" << loggableUrl(request.url)
                                     << "not sent: no context object to receive its result";
        return 0;
    }
    return m_engine->send(std::move(request), context, std::move(onDone));
}

void CurlHttpClient::cancel(RequestId id) {
    if (id != 0) m_engine->cancel(id);
}

}  // namespace facepos
