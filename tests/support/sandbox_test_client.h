#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

#include "platform/crypto.h"
#include "platform/iclock.h"
#include "platform/ihttpclient.h"
#include "platform/result.h"

namespace facepos::sandbox {
class SandboxServer;
}

namespace facepos::test {

// One answer from the sandbox, or the transport failure that replaced it (dropped connection, timeout …).
struct SandboxReply {
    std::optional<Error> transportError;
    int httpStatus = 0;
    QByteArray raw;
    QJsonObject body;

    int code() const { return body.value(QStringLiteral("code")).toInt(-1); }
    QString errCode() const { return body.value(QStringLiteral("err_code")).toString(); }
    QJsonObject data() const { return body.value(QStringLiteral("data")).toObject(); }
};

// A blocking Terminal API client for tests of the sandbox (and of anything that needs a live backend): builds the
// envelope (appid, device_id, a fresh CSPRNG nonce_str, time_stamp from the given clock), signs with api::sign when
// it holds a device secret, and waits for the answer in a local event loop. Also speaks the admin API.
//
// Thread ownership: use from one thread that may run an event loop (the test thread).
class SandboxTestClient {
public:
    // `clock` gives the time_stamp; null: the system clock. `caFile` trusts a TLS sandbox.
    SandboxTestClient(QUrl baseUrl, std::shared_ptr<const IClock> clock = {}, QString caFile = {});
    ~SandboxTestClient();

    void setDevice(const QString& deviceId, const QString& merchantNo) {
        m_deviceId = deviceId;
        m_merchantNo = merchantNo;
    }
    void setSecret(const QString& secret) { m_secret = secret; }
    const QString& deviceId() const { return m_deviceId; }
    const QString& secret() const { return m_secret; }

    // appid, device_id, nonce_str, time_stamp plus `fields` (fields win).
    QJsonObject envelope(const QJsonObject& fields = {}) const;
    // envelope(fields), signed when a secret is set and `sign` is true; POSTed to /api/v1/<call>.
    SandboxReply call(const QString& call, const QJsonObject& fields = {}, bool sign = true);
    // Sends `message` as it is (already built and signed) to /api/v1/<call>.
    SandboxReply send(const QString& call, const QJsonObject& message);
    // A raw POST to `path` ("/api/v1/heartbeat").
    SandboxReply post(const QString& path, const QByteArray& body, const QByteArray& contentType = "application/json",
                      const HttpHeaders& extraHeaders = {});
    SandboxReply admin(const QString& action, const QJsonObject& body, const QString& token);

    // True when the reply carries a valid `sign` under this client's secret.
    bool verifies(const SandboxReply& reply) const;

    // §4.5: the proof of `message` under K (hex), to put into `password_proof`.
    static QString proof(const QJsonObject& message, const QString& keyHex,
                         const QString& field = QStringLiteral("password_proof"));
    // K_merchant / K_clerk as lower-case hex (600 000 PBKDF2 iterations: compute once per test).
    static QString merchantKey(const QString& password, const QString& merchantNo);
    static QString clerkKey(const QString& password, const QString& merchantNo, const QString& employeeNo);
    static QString freshNonce();

private:
    QUrl m_baseUrl;
    std::shared_ptr<const IClock> m_clock;
    std::unique_ptr<IHttpClient> m_http;
    QString m_deviceId = QStringLiteral("FP2411A00123");
    QString m_merchantNo = QStringLiteral("88001234");
    QString m_secret;
};

// Runs the whole activation of §8 for the client's device against an in-process server: activation_request with
// the merchant's proof, admin approval, activation_status, opening the sealed secret with `deviceKey`, and a signed
// heartbeat that confirms it. On success the client holds the secret.
Result<void> activateDevice(sandbox::SandboxServer& server, SandboxTestClient& client,
                            const crypto::EcKeyPair& deviceKey, const QString& merchantKeyHex,
                            const QString& storeNo = QStringLiteral("S01"));

}  // namespace facepos::test
