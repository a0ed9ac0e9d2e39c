#include "support/sandbox_test_client.h"

#include <QEventLoop>
#include <QJsonDocument>

#include "platform/api_signature.h"
#include "platform/curl_http_client.h"
#include "platform/system_clock.h"
#include "sandbox/sandbox_server.h"

namespace facepos::test {

SandboxTestClient::SandboxTestClient(QUrl baseUrl, std::shared_ptr<const IClock> clock, QString caFile)
    : m_baseUrl(std::move(baseUrl)), m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>()) {
    CurlHttpClientOptions options;
    options.caFile = std::move(caFile);
    auto client = CurlHttpClient::create(options);
    Q_ASSERT(client.ok());
    m_http = std::move(client).value();
}

SandboxTestClient::~SandboxTestClient() = default;

QString SandboxTestClient::freshNonce() {
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString nonce;
    while (nonce.size() < 32) {
        const auto bytes = crypto::randomBytes(64);
        Q_ASSERT(bytes.ok());
        for (const char byte : *bytes) {
            const auto value = static_cast<unsigned char>(byte);
            if (value < 248 && nonce.size() < 32) nonce.append(QLatin1Char(kAlphabet[value % 62]));
        }
    }
    return nonce;
}

QJsonObject SandboxTestClient::envelope(const QJsonObject& fields) const {
    QJsonObject message{{QStringLiteral("appid"), QStringLiteral("mch") + m_merchantNo},
                        {QStringLiteral("device_id"), m_deviceId},
                        {QStringLiteral("nonce_str"), freshNonce()},
                        {QStringLiteral("time_stamp"), QString::number(m_clock->nowUtc().toSecsSinceEpoch())}};
    for (auto it = fields.begin(); it != fields.end(); ++it) message.insert(it.key(), it.value());
    return message;
}

SandboxReply SandboxTestClient::call(const QString& call, const QJsonObject& fields, bool sign) {
    QJsonObject message = envelope(fields);
    if (sign && !m_secret.isEmpty()) {
        auto signature = api::sign(message, m_secret.toLatin1());
        Q_ASSERT(signature.ok());
        message.insert(QStringLiteral("sign"), *signature);
    }
    return send(call, message);
}

SandboxReply SandboxTestClient::send(const QString& call, const QJsonObject& message) {
    return post(QStringLiteral("/api/v1/") + call, QJsonDocument(message).toJson(QJsonDocument::Compact));
}

SandboxReply SandboxTestClient::post(const QString& path, const QByteArray& body, const QByteArray& contentType,
                                     const HttpHeaders& extraHeaders) {
    HttpRequest request;
    request.url = QUrl(m_baseUrl.toString() + path);
    request.method = "POST";
    request.headers = {{"Content-Type", contentType}};
    request.headers.append(extraHeaders);
    request.body = body;
    request.timeout = std::chrono::seconds(30);
    QEventLoop loop;
    std::optional<Result<HttpResponse>> outcome;
    m_http->send(request, &loop, [&](Result<HttpResponse> response) {
        outcome = std::move(response);
        loop.quit();
    });
    loop.exec();
    SandboxReply reply;
    if (!outcome->ok()) {
        reply.transportError = outcome->error();
        return reply;
    }
    reply.httpStatus = outcome->value().status;
    reply.raw = outcome->value().body;
    reply.body = QJsonDocument::fromJson(reply.raw).object();
    return reply;
}

SandboxReply SandboxTestClient::admin(const QString& action, const QJsonObject& body, const QString& token) {
    HttpHeaders headers;
    if (!token.isNull()) headers.append({"Authorization", "Bearer " + token.toLatin1()});
    return post(QStringLiteral("/admin/v1/") + action, QJsonDocument(body).toJson(QJsonDocument::Compact),
                "application/json", headers);
}

bool SandboxTestClient::verifies(const SandboxReply& reply) const {
    return !m_secret.isEmpty() && api::verify(reply.body, m_secret.toLatin1());
}

QString SandboxTestClient::proof(const QJsonObject& message, const QString& keyHex, const QString& field) {
    auto proof = api::passwordProof(message, QByteArray::fromHex(keyHex.toLatin1()), field);
    Q_ASSERT(proof.ok());
    return *proof;
}

namespace {

QString deriveHex(const QString& password, const QString& salt) {
    auto key = crypto::pbkdf2Sha256(password.toUtf8(), salt.toUtf8(), 600000, 32);
    Q_ASSERT(key.ok());
    return QString::fromLatin1(key->toHex());
}

Error activationError(const QString& step, const SandboxReply& reply) {
    return makeError(QStringLiteral("test.activation"),
                     QStringLiteral("%1 failed: %2 %3").arg(step, reply.errCode(), QString::fromUtf8(reply.raw)));
}

}  // namespace

QString SandboxTestClient::merchantKey(const QString& password, const QString& merchantNo) {
    return deriveHex(password, QStringLiteral("facepos-merchant-v1:") + merchantNo);
}

QString SandboxTestClient::clerkKey(const QString& password, const QString& merchantNo, const QString& employeeNo) {
    return deriveHex(password, QStringLiteral("facepos-clerk-v1:%1:%2").arg(merchantNo, employeeNo));
}

Result<void> activateDevice(sandbox::SandboxServer& server, SandboxTestClient& client,
                            const crypto::EcKeyPair& deviceKey, const QString& merchantKeyHex, const QString& storeNo) {
    client.setSecret({});
    QJsonObject request = client.envelope(
        {{QStringLiteral("device_public_key"), QString::fromLatin1(deviceKey.publicKeyRaw().toBase64())},
         {QStringLiteral("device_model"), QStringLiteral("FP-T2")},
         {QStringLiteral("app_version"), QStringLiteral("1.0.0")},
         {QStringLiteral("store_no"), storeNo}});
    request.insert(QStringLiteral("password_proof"), SandboxTestClient::proof(request, merchantKeyHex));
    const SandboxReply submitted = client.send(QStringLiteral("activation_request"), request);
    if (submitted.code() != 0) return activationError(QStringLiteral("activation_request"), submitted);
    const QString requestId = submitted.data().value(QStringLiteral("request_id")).toString();
    const QJsonObject approved =
        server.admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}});
    if (approved.value(QStringLiteral("code")).toInt() != 0) {
        return makeError(QStringLiteral("test.activation"), QStringLiteral("approval failed"));
    }
    const SandboxReply status =
        client.call(QStringLiteral("activation_status"), {{QStringLiteral("request_id"), requestId}});
    if (status.code() != 0) return activationError(QStringLiteral("activation_status"), status);
    const QByteArray sealed =
        QByteArray::fromBase64(status.data().value(QStringLiteral("sealed_secret")).toString().toLatin1());
    auto secret = deviceKey.openSealed(sealed, QByteArray("facepos activation secret v1:") + requestId.toLatin1());
    if (!secret) return secret.error();
    client.setSecret(QString::fromLatin1(*secret));
    const SandboxReply heartbeat =
        client.call(QStringLiteral("heartbeat"), {{QStringLiteral("app_version"), QStringLiteral("1.0.0")},
                                                  {QStringLiteral("uptime_s"), 1},
                                                  {QStringLiteral("outbox_pending"), 0},
                                                  {QStringLiteral("outbox_dead"), 0}});
    if (heartbeat.code() != 0 || !client.verifies(heartbeat))
        return activationError(QStringLiteral("heartbeat"), heartbeat);
    return {};
}

}  // namespace facepos::test
