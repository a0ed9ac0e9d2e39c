#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::sandbox {

struct SandboxOptions {
    QString dbPath;                                  // required; created with its schema if missing
    QString listen = QStringLiteral("127.0.0.1:0");  // IPv4 "ADDR:PORT" or "localhost:PORT"; port 0 picks one
    bool tls = false;
    QString certFile, keyFile;               // PEM; empty with tls: "<dbPath>.tls-cert.pem" / ".tls-key.pem", made once
    QString adminToken;                      // empty: the stored one, else a new one kept in "<dbPath>.admin-token"
    QString seed = QStringLiteral("empty");  // "empty" or "demo", for a new database only
    QString updatesDir;                      // serves GET /updates/<name> when set
    std::shared_ptr<const IClock> clock;     // null: the system clock
    int threads = 4;                         // libmicrohttpd worker threads
    bool allowRemote = false;                // allow a non-loopback listen address
};

// facepos-sandbox: the Terminal API backend (docs/terminal-api.md), its admin API and fault injection, on
// libmicrohttpd. Used in process by tests and the demo, and by the facepos-sandbox executable.
//
// Thread ownership: start(), stop() and the destructor belong to the owning thread. Requests run on libmicrohttpd's
// worker threads; each API call or admin action holds the store's mutex for its whole duration. admin() and
// queryInt64() may be called from any thread while the server runs.
class SandboxServer {
public:
    // Opens the database, applies the seed to a new one, and listens. Errors: "sandbox.options" (bad listen address,
    // remote address without allowRemote, seed), "sandbox.listen" (address in use …), "sandbox.tls", and the
    // database's errors ("db.*").
    static Result<std::unique_ptr<SandboxServer>> start(const SandboxOptions& options);

    ~SandboxServer();
    SandboxServer(const SandboxServer&) = delete;
    SandboxServer& operator=(const SandboxServer&) = delete;

    // "http(s)://127.0.0.1:<real port>"
    QUrl url() const;
    QString adminToken() const;
    // The PEM certificate the server presents (the file to use as the client's CA file); empty without TLS.
    QString certificateFile() const;

    // Stops accepting, cuts short injected delays, waits for requests in progress, closes the listener. Idempotent.
    void stop();

    // Runs an admin action directly (no HTTP, no token): {"code", "err_code", "msg", "data"} as the admin API answers.
    QJsonObject admin(const QString& action, const QJsonObject& body = {});

    // Enrols the demo's test faces F01–F03 from the photographs in `folder` (face-1.jpg, face-2.jpg, face-3.png, as
    // fetched by scripts/fetch-test-images), so face_pay recognises them (docs/terminal-api.md §17.5). Faces already
    // enrolled are kept: call it on every demo start. See PaymentService::enrollDemoFaces for the errors.
    Result<void> enrollDemoFaces(const QString& folder);

    // For tests that check "no state change": the first column of the first row of `sql` (read-only use).
    Result<std::optional<qint64>> queryInt64(const QString& sql);

    class Impl;

private:
    explicit SandboxServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace facepos::sandbox
