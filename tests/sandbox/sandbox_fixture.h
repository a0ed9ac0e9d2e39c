#pragma once

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <memory>

#include "platform/crypto.h"
#include "platform/manual_clock.h"
#include "sandbox/sandbox_server.h"
#include "support/sandbox_test_client.h"

namespace facepos::sandbox {

// A sandbox on 127.0.0.1 with its database in a temporary directory, a ManualClock shared by server and client, and
// helpers for the usual set-up: the merchant 88001234 (password Demo#8800) with store S01, and an activated device.
class SandboxFixture : public ::testing::Test {
protected:
    static constexpr char kMerchantNo[] = "88001234";
    static constexpr char kPassword[] = "Demo#8800";
    static constexpr char kAdminToken[] = "test-admin-token";

    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_clock = std::make_shared<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        SandboxOptions options;
        options.dbPath = m_dir.filePath(QStringLiteral("sandbox.db"));
        options.clock = m_clock;
        options.adminToken = QString::fromLatin1(kAdminToken);
        auto started = SandboxServer::start(options);
        ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
        m_server = std::move(started).value();
        m_client = std::make_unique<test::SandboxTestClient>(m_server->url(), m_clock);
        auto key = crypto::EcKeyPair::generate();
        ASSERT_TRUE(key.ok());
        m_deviceKey = std::make_unique<crypto::EcKeyPair>(std::move(key).value());
    }

    void TearDown() override {
        if (m_server) m_server->stop();
    }

    // K_merchant of the test merchant, computed once for the whole test program (600 000 PBKDF2 iterations).
    static const QString& merchantKey() {
        static const QString key =
            test::SandboxTestClient::merchantKey(QString::fromLatin1(kPassword), QString::fromLatin1(kMerchantNo));
        return key;
    }

    QJsonObject admin(const QString& action, const QJsonObject& body = {}) { return m_server->admin(action, body); }

    void createMerchant() {
        ASSERT_EQ(
            admin(QStringLiteral("merchant_create"), {{QStringLiteral("merchant_no"), QString::fromLatin1(kMerchantNo)},
                                                      {QStringLiteral("name"), QStringLiteral("示例便利店")},
                                                      {QStringLiteral("password"), QString::fromLatin1(kPassword)}})
                .value(QStringLiteral("code"))
                .toInt(),
            0);
        ASSERT_EQ(
            admin(QStringLiteral("store_create"), {{QStringLiteral("merchant_no"), QString::fromLatin1(kMerchantNo)},
                                                   {QStringLiteral("store_no"), QStringLiteral("S01")},
                                                   {QStringLiteral("name"), QStringLiteral("人民路店")}})
                .value(QStringLiteral("code"))
                .toInt(),
            0);
    }

    // A merchant with its store and the client's device activated (the client then holds the secret).
    void activate() {
        createMerchant();
        auto activated = test::activateDevice(*m_server, *m_client, *m_deviceKey, merchantKey());
        ASSERT_TRUE(activated.ok()) << activated.error().message.toStdString();
    }

    // A second client for another device of the same merchant, activated.
    std::unique_ptr<test::SandboxTestClient> activateSecondDevice(const QString& deviceId) {
        auto client = std::make_unique<test::SandboxTestClient>(m_server->url(), m_clock);
        client->setDevice(deviceId, QString::fromLatin1(kMerchantNo));
        auto key = crypto::EcKeyPair::generate();
        EXPECT_TRUE(key.ok());
        auto activated = test::activateDevice(*m_server, *client, *key, merchantKey());
        EXPECT_TRUE(activated.ok()) << activated.error().message.toStdString();
        return client;
    }

    test::SandboxReply merchantLogin(test::SandboxTestClient& client, const QString& keyHex) {
        QJsonObject request = client.envelope();
        request.insert(QStringLiteral("password_proof"), test::SandboxTestClient::proof(request, keyHex));
        return signAndSend(client, QStringLiteral("merchant_login"), request);
    }

    test::SandboxReply clerkLogin(test::SandboxTestClient& client, const QString& employeeNo, const QString& keyHex) {
        QJsonObject request = client.envelope({{QStringLiteral("employee_no"), employeeNo}});
        request.insert(QStringLiteral("password_proof"), test::SandboxTestClient::proof(request, keyHex));
        return signAndSend(client, QStringLiteral("clerk_login"), request);
    }

    static test::SandboxReply signAndSend(test::SandboxTestClient& client, const QString& call, QJsonObject request);

    qint64 count(const QString& sql) {
        auto value = m_server->queryInt64(sql);
        EXPECT_TRUE(value.ok());
        return value.ok() ? value->value_or(0) : -1;
    }

    QJsonObject heartbeatFields() const {
        return {{QStringLiteral("app_version"), QStringLiteral("1.0.0")},
                {QStringLiteral("uptime_s"), 60},
                {QStringLiteral("outbox_pending"), 0},
                {QStringLiteral("outbox_dead"), 0}};
    }

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<test::SandboxTestClient> m_client;
    std::unique_ptr<crypto::EcKeyPair> m_deviceKey;
};

}  // namespace facepos::sandbox
