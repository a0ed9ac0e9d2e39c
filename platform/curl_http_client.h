#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

#include "platform/ihttpclient.h"
#include "platform/result.h"

namespace facepos {

struct CurlHttpClientOptions {
    // PEM file of the certificate authorities to trust. Empty: the system store. When set, it is the only trust
    // anchor (the system store is not consulted), so a backend with a private or self-signed certificate is trusted
    // by handing its certificate here. Certificate and host name verification cannot be turned off.
    QString caFile;
    // Public key pin(s) in libcurl's CURLOPT_PINNEDPUBLICKEY form: "sha256//<base64 of the SPKI SHA-256>", several
    // separated by ';'. Empty: no pinning. Checked in addition to certificate verification, never instead.
    QByteArray pinnedPublicKey;
    QByteArray userAgent = "FacePOS";
    // Connections open at once across all hosts; further requests wait in order for a free connection.
    int maxConnections = 8;
    // Proxy URL ("http://host:port"). Empty: connect directly; proxy environment variables are ignored so that the
    // route to the backend depends only on the configuration.
    QByteArray proxy;
};

// IHttpClient over a libcurl multi handle driven by one worker thread, so any number of requests run concurrently
// without blocking their callers, and connections to the same host are kept alive and reused.
//
// Threads: send() and cancel() may be called from any thread; they only queue a command and wake the worker, which
// owns every libcurl handle. Results reach the caller as queued calls on its context object's thread.
//
// Destruction: stops the worker and waits for it. Every request not yet reported is reported as "http.cancelled" to
// its context if that context is still alive, and dropped silently otherwise. Those callbacks run after the client
// is gone, so they must not use it. The client must not be destroyed while another thread is calling send().
//
// Keep-alive caveat: like every libcurl user, this client re-sends a request once on a fresh connection when a reused
// keep-alive connection closes without a single response byte. A server could thus see a request twice; requests
// with side effects must be idempotent on the server (the Terminal API's mch_order_no / mch_refund_no are).
class CurlHttpClient final : public IHttpClient {
public:
    // Fails with "http.init" when libcurl cannot be initialised and "http.config" for invalid options (an unreadable
    // CA file, a malformed pin, maxConnections < 1).
    static Result<std::unique_ptr<CurlHttpClient>> create(CurlHttpClientOptions options = {});

    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient&) = delete;
    CurlHttpClient& operator=(const CurlHttpClient&) = delete;

    RequestId send(HttpRequest request, QObject* context, Callback onDone) override;
    void cancel(RequestId id) override;

private:
    class Engine;
    explicit CurlHttpClient(std::unique_ptr<Engine> engine);

    std::unique_ptr<Engine> m_engine;
};

}  // namespace facepos
