#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1String>
#include <QList>
#include <QUrl>
#include <chrono>
#include <functional>
#include <utility>

#include "platform/result.h"

class QObject;

namespace facepos {

// Header fields in the order they were sent or received. Names compare case-insensitively (RFC 9110).
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// The value of the first header named `name` (case-insensitive), or a null QByteArray when there is none.
inline QByteArray httpHeaderValue(const HttpHeaders& headers, QByteArrayView name) {
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    }
    return {};
}

struct HttpRequest {
    QUrl url;  // http or https only
    QByteArray method = "GET";
    HttpHeaders headers;  // names and values must not contain CR or LF
    QByteArray body;
    // Limit for the whole exchange: connecting, sending and receiving the complete response. Must be positive.
    std::chrono::milliseconds timeout{15000};
    // Limit for establishing the connection (TCP and TLS). Must be positive.
    std::chrono::milliseconds connectTimeout{5000};
    // Enforced while the body arrives; a larger response fails with "http.too_large".
    qint64 maxResponseBytes = qint64{1024} * 1024;
};

// Any complete HTTP response, whatever its status: a 4xx or 5xx is a response for the caller to interpret, not an
// Error.
struct HttpResponse {
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const { return httpHeaderValue(headers, name); }
};

// Identifies one send() for cancel(). Never 0 for an accepted request.
using RequestId = quint64;

// Error codes of IHttpClient. Whether each one leaves the request's effect on the server unknown is what
// mayHaveReachedServer() answers.
namespace httperror {
// No connection (name lookup, TCP, TLS handshake, or nothing within connectTimeout): certainly not delivered.
inline constexpr char kConnect[] = "http.connect";
// The server's certificate failed verification (untrusted, expired, wrong host name) or the CA file is unusable.
inline constexpr char kTls[] = "http.tls";
inline constexpr char kPin[] = "http.pin";              // the server's public key does not match the pinned key
inline constexpr char kTimeout[] = "http.timeout";      // no complete response in time after the request was sent
inline constexpr char kDropped[] = "http.dropped";      // connection lost after the request was sent
inline constexpr char kTooLarge[] = "http.too_large";   // the response exceeded maxResponseBytes
inline constexpr char kCancelled[] = "http.cancelled";  // cancel() or the client's destruction
inline constexpr char kError[] = "http.error";          // anything else (invalid request, protocol error)
}  // namespace httperror

// False only when the request certainly never reached the server (http.connect, http.tls, http.pin), so it is safe to
// send again. True for every other error: the server may have acted on the request (a payment may have been taken), so
// the caller must find out the outcome (query) before repeating anything with side effects. http.cancelled and
// http.error count as "may have reached" because a cancel can land after the request was sent.
inline bool mayHaveReachedServer(const Error& error) {
    return error.code != QLatin1String(httperror::kConnect) && error.code != QLatin1String(httperror::kTls) &&
           error.code != QLatin1String(httperror::kPin);
}

// Asynchronous HTTP(S). Implementations are thread-safe: send() and cancel() may be called from any thread.
//
// Contract of send(): `onDone` is called exactly once, on the thread of `context`, from its event loop (never inside
// send()); it is not called at all if `context` has been destroyed by then, and it is then released on the thread
// that destroyed `context`. `context` must not be null, must be alive during send(), and its thread must run an event
// loop. The callback may outlive the client (a request cancelled by the client's destruction is still reported to a
// live context), so a callback that uses the client must know the client is still alive.
class IHttpClient {
public:
    using Callback = std::function<void(Result<HttpResponse>)>;

    virtual ~IHttpClient() = default;

    virtual RequestId send(HttpRequest request, QObject* context, Callback onDone) = 0;

    // Stops a queued or in-flight request; its callback then receives "http.cancelled". Does nothing for an unknown or
    // already finished request (its callback has the real result).
    virtual void cancel(RequestId id) = 0;
};

}  // namespace facepos
