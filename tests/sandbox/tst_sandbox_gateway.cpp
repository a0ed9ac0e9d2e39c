// The sandbox's front door: activation end to end, the §6.1 checks (each a specific code, no state change), the
// admin token and fault injection, all over HTTP on loopback.
#include <QFile>
#include <QJsonDocument>

#include "platform/api_signature.h"
#include "sandbox_fixture.h"

namespace facepos::sandbox {
namespace {

using test::SandboxReply;

class SandboxGatewayTest : public SandboxFixture {};

TEST_F(SandboxGatewayTest, ActivationDeliversASealedSecretThatOpensWithTheDeviceKey) {
    createMerchant();
    // GIVEN an activation request with the merchant's proof
    QJsonObject request = m_client->envelope(
        {{QStringLiteral("device_public_key"), QString::fromLatin1(m_deviceKey->publicKeyRaw().toBase64())},
         {QStringLiteral("device_model"), QStringLiteral("FP-T2")},
         {QStringLiteral("app_version"), QStringLiteral("1.0.0")}});
    request.insert(QStringLiteral("password_proof"), test::SandboxTestClient::proof(request, merchantKey()));
    const SandboxReply submitted = m_client->send(QStringLiteral("activation_request"), request);
    ASSERT_EQ(submitted.code(), 0) << submitted.raw.toStdString();
    const QString requestId = submitted.data().value(QStringLiteral("request_id")).toString();
    EXPECT_EQ(submitted.data().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(submitted.data().value(QStringLiteral("store_no")).toString(), QStringLiteral("S01"));
    EXPECT_FALSE(submitted.body.contains(QStringLiteral("sign")));

    // WHEN support approves it and the device polls
    ASSERT_EQ(admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    const SandboxReply status =
        m_client->call(QStringLiteral("activation_status"), {{QStringLiteral("request_id"), requestId}});

    // THEN the sealed secret opens with the device key and signs requests the server accepts
    ASSERT_EQ(status.code(), 0) << status.raw.toStdString();
    EXPECT_EQ(status.data().value(QStringLiteral("state")).toString(), QStringLiteral("activated"));
    const QByteArray sealed =
        QByteArray::fromBase64(status.data().value(QStringLiteral("sealed_secret")).toString().toLatin1());
    auto secret = m_deviceKey->openSealed(sealed, QByteArray("facepos activation secret v1:") + requestId.toLatin1());
    ASSERT_TRUE(secret.ok()) << secret.error().message.toStdString();
    EXPECT_EQ(secret->size(), 64);
    m_client->setSecret(QString::fromLatin1(*secret));
    const SandboxReply heartbeat = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    EXPECT_EQ(heartbeat.code(), 0) << heartbeat.raw.toStdString();
    EXPECT_TRUE(m_client->verifies(heartbeat));
    EXPECT_EQ(heartbeat.body.value(QStringLiteral("req_nonce_str")).toString().size(), 32);

    // AND once confirmed, activation_status no longer carries the secret
    const SandboxReply after =
        m_client->call(QStringLiteral("activation_status"), {{QStringLiteral("request_id"), requestId}}, false);
    EXPECT_FALSE(after.data().contains(QStringLiteral("sealed_secret")));
}

TEST_F(SandboxGatewayTest, ActivationWithAWrongPasswordIsBadCredentials) {
    createMerchant();
    QJsonObject request = m_client->envelope(
        {{QStringLiteral("device_public_key"), QString::fromLatin1(m_deviceKey->publicKeyRaw().toBase64())},
         {QStringLiteral("device_model"), QStringLiteral("FP-T2")},
         {QStringLiteral("app_version"), QStringLiteral("1.0.0")}});
    request.insert(QStringLiteral("password_proof"), QString(64, QLatin1Char('A')));
    const SandboxReply reply = m_client->send(QStringLiteral("activation_request"), request);
    EXPECT_EQ(reply.errCode(), QStringLiteral("BAD_CREDENTIALS"));
    EXPECT_EQ(reply.data().value(QStringLiteral("attempts_left")).toInt(), 4);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM activation_requests")), 0);
}

TEST_F(SandboxGatewayTest, RejectedActivationReportsTheReason) {
    createMerchant();
    QJsonObject request = m_client->envelope(
        {{QStringLiteral("device_public_key"), QString::fromLatin1(m_deviceKey->publicKeyRaw().toBase64())},
         {QStringLiteral("device_model"), QStringLiteral("FP-T2")},
         {QStringLiteral("app_version"), QStringLiteral("1.0.0")}});
    request.insert(QStringLiteral("password_proof"), test::SandboxTestClient::proof(request, merchantKey()));
    const QString requestId = m_client->send(QStringLiteral("activation_request"), request)
                                  .data()
                                  .value(QStringLiteral("request_id"))
                                  .toString();
    admin(QStringLiteral("activation_reject"),
          {{QStringLiteral("request_id"), requestId}, {QStringLiteral("reason"), QStringLiteral("wrong merchant")}});
    const SandboxReply status =
        m_client->call(QStringLiteral("activation_status"), {{QStringLiteral("request_id"), requestId}});
    EXPECT_EQ(status.data().value(QStringLiteral("state")).toString(), QStringLiteral("rejected"));
    EXPECT_EQ(status.data().value(QStringLiteral("reject_reason")).toString(), QStringLiteral("wrong merchant"));
}

TEST_F(SandboxGatewayTest, AWrongSignatureIsRefusedWithASignedAnswer) {
    activate();
    const QString secret = m_client->secret();
    m_client->setSecret(QString(64, QLatin1Char('0')));
    const SandboxReply reply = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    m_client->setSecret(secret);
    EXPECT_EQ(reply.errCode(), QStringLiteral("BAD_SIGNATURE"));
    EXPECT_TRUE(m_client->verifies(reply));
}

TEST_F(SandboxGatewayTest, AStaleTimeStampIsRefusedWithTheServerTime) {
    activate();
    const SandboxReply reply = m_client->call(QStringLiteral("heartbeat"), [&] {
        QJsonObject fields = heartbeatFields();
        fields.insert(QStringLiteral("time_stamp"), QString::number(m_clock->nowUtc().toSecsSinceEpoch() - 301));
        return fields;
    }());
    EXPECT_EQ(reply.errCode(), QStringLiteral("TIMESTAMP_SKEW"));
    EXPECT_EQ(reply.data().value(QStringLiteral("skew_s")).toInteger(), -301);
    EXPECT_EQ(reply.data().value(QStringLiteral("server_time")).toString(),
              QString::number(m_clock->nowUtc().toSecsSinceEpoch()));
}

TEST_F(SandboxGatewayTest, AReusedNonceIsRefused) {
    activate();
    QJsonObject request = m_client->envelope(heartbeatFields());
    request.insert(QStringLiteral("sign"), *api::sign(request, m_client->secret().toLatin1()));
    EXPECT_EQ(m_client->send(QStringLiteral("heartbeat"), request).code(), 0);
    const SandboxReply replay = m_client->send(QStringLiteral("heartbeat"), request);
    EXPECT_EQ(replay.errCode(), QStringLiteral("NONCE_REUSED"));
}

TEST_F(SandboxGatewayTest, NoncesAreRememberedAcrossARestart) {
    activate();
    QJsonObject request = m_client->envelope(heartbeatFields());
    request.insert(QStringLiteral("sign"), *api::sign(request, m_client->secret().toLatin1()));
    EXPECT_EQ(m_client->send(QStringLiteral("heartbeat"), request).code(), 0);
    m_server->stop();
    SandboxOptions options;
    options.dbPath = m_dir.filePath(QStringLiteral("sandbox.db"));
    options.clock = m_clock;
    auto restarted = SandboxServer::start(options);
    ASSERT_TRUE(restarted.ok());
    m_server = std::move(restarted).value();
    test::SandboxTestClient client(m_server->url(), m_clock);
    EXPECT_EQ(client.send(QStringLiteral("heartbeat"), request).errCode(), QStringLiteral("NONCE_REUSED"));
}

TEST_F(SandboxGatewayTest, MalformedJsonIsRefusedAndRecordsNothing) {
    activate();
    const qint64 nonces = count(QStringLiteral("SELECT COUNT(*) FROM nonces"));
    for (const QByteArray& body : {QByteArray("[1,2]"), QByteArray(R"({"a":1,"a":2})"),
                                   QByteArray(R"({"total_fee":1.5})"), QByteArray("{not json")}) {
        const SandboxReply reply = m_client->post(QStringLiteral("/api/v1/heartbeat"), body);
        EXPECT_EQ(reply.httpStatus, 200);
        EXPECT_EQ(reply.errCode(), QStringLiteral("MALFORMED_REQUEST")) << body.toStdString();
        EXPECT_FALSE(reply.body.contains(QStringLiteral("device_id")));
    }
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM nonces")), nonces);
}

TEST_F(SandboxGatewayTest, AMissingEnvelopeFieldIsNamed) {
    activate();
    QJsonObject request = m_client->envelope(heartbeatFields());
    request.remove(QStringLiteral("nonce_str"));
    const SandboxReply reply = m_client->send(QStringLiteral("heartbeat"), request);
    EXPECT_EQ(reply.errCode(), QStringLiteral("MISSING_FIELD"));
    EXPECT_EQ(reply.data().value(QStringLiteral("field")).toString(), QStringLiteral("nonce_str"));
}

TEST_F(SandboxGatewayTest, AMissingCallFieldIsNamedAndChangesNothing) {
    activate();
    QJsonObject fields = heartbeatFields();
    fields.remove(QStringLiteral("uptime_s"));
    fields.insert(QStringLiteral("outbox_pending"), 7);
    const SandboxReply reply = m_client->call(QStringLiteral("heartbeat"), fields);
    EXPECT_EQ(reply.errCode(), QStringLiteral("MISSING_FIELD"));
    EXPECT_EQ(reply.data().value(QStringLiteral("field")).toString(), QStringLiteral("uptime_s"));
    EXPECT_EQ(count(QStringLiteral("SELECT outbox_pending FROM devices")), 0);
}

TEST_F(SandboxGatewayTest, ABodyOverOneMebibyteIsRefused) {
    activate();
    const qint64 nonces = count(QStringLiteral("SELECT COUNT(*) FROM nonces"));
    QByteArray body = QJsonDocument(m_client->envelope(heartbeatFields())).toJson(QJsonDocument::Compact);
    body.insert(1, "\"padding\":\"" + QByteArray(1048576, 'x') + "\",");
    const SandboxReply reply = m_client->post(QStringLiteral("/api/v1/heartbeat"), body);
    EXPECT_EQ(reply.errCode(), QStringLiteral("BODY_TOO_LARGE"));
    EXPECT_EQ(reply.data().value(QStringLiteral("limit")).toInt(), 1048576);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM nonces")), nonces);
}

TEST_F(SandboxGatewayTest, AnUnknownCallIsNamed) {
    const SandboxReply reply = m_client->call(QStringLiteral("teleport"));
    EXPECT_EQ(reply.httpStatus, 200);
    EXPECT_EQ(reply.errCode(), QStringLiteral("UNKNOWN_CALL"));
    EXPECT_EQ(reply.data().value(QStringLiteral("call")).toString(), QStringLiteral("teleport"));
}

TEST_F(SandboxGatewayTest, AnUnactivatedDeviceGetsAnUnsignedRefusal) {
    createMerchant();
    const SandboxReply reply = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    EXPECT_EQ(reply.errCode(), QStringLiteral("DEVICE_NOT_ACTIVATED"));
    EXPECT_FALSE(reply.body.contains(QStringLiteral("sign")));
}

TEST_F(SandboxGatewayTest, AnotherMerchantsAppidIsRefused) {
    activate();
    QJsonObject fields = heartbeatFields();
    fields.insert(QStringLiteral("appid"), QStringLiteral("mch99999999"));
    EXPECT_EQ(m_client->call(QStringLiteral("heartbeat"), fields).errCode(), QStringLiteral("APPID_MISMATCH"));
}

TEST_F(SandboxGatewayTest, TheAdminApiNeedsTheToken) {
    const SandboxReply missing = m_client->admin(QStringLiteral("device_list"), {}, QString());
    EXPECT_EQ(missing.httpStatus, 401);
    EXPECT_EQ(missing.errCode(), QStringLiteral("ADMIN_UNAUTHORIZED"));
    EXPECT_EQ(m_client->admin(QStringLiteral("device_list"), {}, QStringLiteral("wrong")).httpStatus, 401);
    const SandboxReply allowed = m_client->admin(QStringLiteral("device_list"), {}, QString::fromLatin1(kAdminToken));
    EXPECT_EQ(allowed.httpStatus, 200);
    EXPECT_EQ(allowed.code(), 0);
}

TEST_F(SandboxGatewayTest, AnInjected5xxAnswersTheStatusWithoutProcessing) {
    activate();
    admin(QStringLiteral("faults_set"), {{QStringLiteral("http_5xx_percent"), 100}, {QStringLiteral("count"), 1}});
    const SandboxReply faulted = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    EXPECT_EQ(faulted.httpStatus, 503);
    EXPECT_EQ(m_client->call(QStringLiteral("heartbeat"), heartbeatFields()).code(), 0);
    EXPECT_EQ(admin(QStringLiteral("faults_get"))
                  .value(QStringLiteral("data"))
                  .toObject()
                  .value(QStringLiteral("counters"))
                  .toObject()
                  .value(QStringLiteral("http_5xx"))
                  .toInt(),
              1);
}

TEST_F(SandboxGatewayTest, DropBeforeCommitClosesTheConnectionWithoutProcessing) {
    activate();
    const qint64 nonces = count(QStringLiteral("SELECT COUNT(*) FROM nonces"));
    admin(QStringLiteral("faults_set"), {{QStringLiteral("drop_before_commit_percent"), 100},
                                         {QStringLiteral("calls"), QJsonArray{QStringLiteral("heartbeat")}}});
    const SandboxReply dropped = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    ASSERT_TRUE(dropped.transportError.has_value());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM nonces")), nonces);
}

TEST_F(SandboxGatewayTest, DropAfterCommitProcessesThenClosesTheConnection) {
    activate();
    // Every heartbeat is dropped: libcurl re-sends once when a reused connection closes without an answer.
    admin(QStringLiteral("faults_set"), {{QStringLiteral("drop_after_commit_percent"), 100},
                                         {QStringLiteral("calls"), QJsonArray{QStringLiteral("heartbeat")}}});
    QJsonObject fields = heartbeatFields();
    fields.insert(QStringLiteral("outbox_pending"), 5);
    const SandboxReply dropped = m_client->call(QStringLiteral("heartbeat"), fields);
    ASSERT_TRUE(dropped.transportError.has_value());
    EXPECT_EQ(count(QStringLiteral("SELECT outbox_pending FROM devices")), 5);
}

TEST_F(SandboxGatewayTest, FaultsNeverApplyToTheAdminApi) {
    admin(QStringLiteral("faults_set"), {{QStringLiteral("http_5xx_percent"), 100}});
    EXPECT_EQ(m_client->admin(QStringLiteral("faults_get"), {}, QString::fromLatin1(kAdminToken)).httpStatus, 200);
}

TEST_F(SandboxGatewayTest, ClockSetShiftsTheServerTime) {
    activate();
    admin(QStringLiteral("clock_set"), {{QStringLiteral("offset_s"), 3600}});
    const SandboxReply reply = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    EXPECT_EQ(reply.errCode(), QStringLiteral("TIMESTAMP_SKEW"));
    EXPECT_EQ(reply.data().value(QStringLiteral("skew_s")).toInteger(), -3600);
}

TEST_F(SandboxGatewayTest, TlsServesWithAGeneratedCertificateTheClientCanTrust) {
    SandboxOptions options;
    options.dbPath = m_dir.filePath(QStringLiteral("tls.db"));
    options.clock = m_clock;
    options.tls = true;
    auto started = SandboxServer::start(options);
    ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
    EXPECT_EQ((*started)->url().scheme(), QStringLiteral("https"));
    EXPECT_EQ((*started)->certificateFile(), m_dir.filePath(QStringLiteral("tls.db.tls-cert.pem")));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    EXPECT_FALSE(QFile::permissions(m_dir.filePath(QStringLiteral("tls.db.tls-key.pem"))) & others);
    test::SandboxTestClient client((*started)->url(), m_clock, (*started)->certificateFile());
    const SandboxReply reply = client.call(QStringLiteral("heartbeat"), heartbeatFields());
    EXPECT_FALSE(reply.transportError.has_value());
    EXPECT_EQ(reply.errCode(), QStringLiteral("DEVICE_NOT_ACTIVATED"));
}

TEST_F(SandboxGatewayTest, SecretsAreStoredSealedAndHandedOutPlainToTestTooling) {
    activate();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM devices WHERE secret = '%1'").arg(m_client->secret())), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM merchants WHERE k_merchant = '%1'").arg(merchantKey())), 0);
    const QJsonObject answer =
        admin(QStringLiteral("device_secret"), {{QStringLiteral("device_id"), m_client->deviceId()}});
    EXPECT_EQ(answer.value(QStringLiteral("data")).toObject().value(QStringLiteral("device_secret")).toString(),
              m_client->secret());
}

TEST_F(SandboxGatewayTest, TheSandboxDatabaseCommitsWithSynchronousNormal) {
    EXPECT_EQ(count(QStringLiteral("PRAGMA synchronous")), 1);
}

TEST_F(SandboxGatewayTest, ARemoteListenAddressNeedsAllowRemote) {
    SandboxOptions options;
    options.dbPath = m_dir.filePath(QStringLiteral("remote.db"));
    options.listen = QStringLiteral("0.0.0.0:0");
    auto started = SandboxServer::start(options);
    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error().code, QStringLiteral("sandbox.options"));
}

}  // namespace
}  // namespace facepos::sandbox
