// Sessions and clerks (docs/terminal-api.md §9): one merchant session at a time, the lockout, clerk management.
#include "sandbox_fixture.h"

namespace facepos::sandbox {
namespace {

using test::SandboxReply;
using test::SandboxTestClient;

class SandboxAccountsTest : public SandboxFixture {
protected:
    // The clerk 1001 with password 135790, created through clerk_create in a merchant session.
    static const QString& clerkKey() {
        static const QString key = SandboxTestClient::clerkKey(
            QStringLiteral("135790"), QString::fromLatin1(kMerchantNo), QStringLiteral("1001"));
        return key;
    }

    QString loginMerchant() {
        const SandboxReply login = merchantLogin(*m_client, merchantKey());
        EXPECT_EQ(login.code(), 0) << login.raw.toStdString();
        return login.data().value(QStringLiteral("session_token")).toString();
    }

    SandboxReply createClerk(const QString& token, const QString& name = QStringLiteral("李娜")) {
        return m_client->call(QStringLiteral("clerk_create"), {{QStringLiteral("session_token"), token},
                                                               {QStringLiteral("employee_no"), QStringLiteral("1001")},
                                                               {QStringLiteral("name"), name},
                                                               {QStringLiteral("password_verifier"), clerkKey()}});
    }
};

TEST_F(SandboxAccountsTest, MerchantLoginOpensASession) {
    activate();
    const SandboxReply login = merchantLogin(*m_client, merchantKey());
    ASSERT_EQ(login.code(), 0) << login.raw.toStdString();
    EXPECT_TRUE(m_client->verifies(login));
    EXPECT_EQ(login.data().value(QStringLiteral("role")).toString(), QStringLiteral("merchant"));
    EXPECT_EQ(login.data().value(QStringLiteral("operator_id")).toString(), QStringLiteral("M88001234"));
    EXPECT_EQ(login.data().value(QStringLiteral("session_token")).toString().size(), 32);
    EXPECT_EQ(login.data().value(QStringLiteral("idle_timeout_s")).toInt(), 600);
}

TEST_F(SandboxAccountsTest, TheMerchantIsSignedInOnOneDeviceAtATime) {
    activate();
    loginMerchant();
    auto other = activateSecondDevice(QStringLiteral("FP2411A00456"));
    const SandboxReply second = merchantLogin(*other, merchantKey());
    EXPECT_EQ(second.errCode(), QStringLiteral("MERCHANT_SESSION_ACTIVE"));
    EXPECT_EQ(second.data().value(QStringLiteral("device_id")).toString(), QStringLiteral("FP24****0123"));
    EXPECT_TRUE(other->verifies(second));
}

TEST_F(SandboxAccountsTest, AnIdleMerchantSessionFreesTheAccountAfterTenMinutes) {
    activate();
    loginMerchant();
    auto other = activateSecondDevice(QStringLiteral("FP2411A00456"));
    m_clock->advance(std::chrono::minutes(11));
    EXPECT_EQ(merchantLogin(*other, merchantKey()).code(), 0);
}

TEST_F(SandboxAccountsTest, LogoutEndsTheSessionAndIsSafeToRepeat) {
    activate();
    const QString token = loginMerchant();
    const QJsonObject fields{{QStringLiteral("session_token"), token}};
    EXPECT_EQ(m_client->call(QStringLiteral("logout"), fields).data().value(QStringLiteral("ended")).toBool(), true);
    EXPECT_EQ(m_client->call(QStringLiteral("logout"), fields).code(), 0);
    EXPECT_EQ(m_client->call(QStringLiteral("clerk_list"), fields).errCode(), QStringLiteral("SESSION_EXPIRED"));
}

TEST_F(SandboxAccountsTest, FiveWrongPasswordsLockTheAccountForFifteenMinutes) {
    activate();
    const QString wrongKey = QString(64, QLatin1Char('1'));
    for (int attempt = 1; attempt <= 4; ++attempt) {
        const SandboxReply reply = merchantLogin(*m_client, wrongKey);
        EXPECT_EQ(reply.errCode(), QStringLiteral("BAD_CREDENTIALS"));
        EXPECT_EQ(reply.data().value(QStringLiteral("attempts_left")).toInt(), 5 - attempt);
    }
    EXPECT_EQ(merchantLogin(*m_client, wrongKey).errCode(), QStringLiteral("ACCOUNT_LOCKED"));
    // Even the right password is refused during the lock …
    EXPECT_EQ(merchantLogin(*m_client, merchantKey()).errCode(), QStringLiteral("ACCOUNT_LOCKED"));
    // … and accepted after it.
    m_clock->advance(std::chrono::minutes(15) + std::chrono::seconds(1));
    EXPECT_EQ(merchantLogin(*m_client, merchantKey()).code(), 0);
}

TEST_F(SandboxAccountsTest, ACorrectPasswordResetsTheFailureCount) {
    activate();
    const QString wrongKey = QString(64, QLatin1Char('1'));
    for (int attempt = 0; attempt < 4; ++attempt) merchantLogin(*m_client, wrongKey);
    EXPECT_EQ(merchantLogin(*m_client, merchantKey()).code(), 0);
    EXPECT_EQ(merchantLogin(*m_client, wrongKey).data().value(QStringLiteral("attempts_left")).toInt(), 4);
}

TEST_F(SandboxAccountsTest, ClerkCreateIsIdempotentAndRefusesOtherData) {
    activate();
    const QString token = loginMerchant();
    const SandboxReply created = createClerk(token);
    ASSERT_EQ(created.code(), 0) << created.raw.toStdString();
    const QJsonObject clerk = created.data().value(QStringLiteral("clerk")).toObject();
    EXPECT_EQ(clerk.value(QStringLiteral("operator_id")).toString(), QStringLiteral("C1001"));
    EXPECT_EQ(clerk.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    EXPECT_EQ(createClerk(token).code(), 0);
    const SandboxReply clash = createClerk(token, QStringLiteral("王芳"));
    EXPECT_EQ(clash.errCode(), QStringLiteral("CLERK_EXISTS"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM clerks")), 1);
}

TEST_F(SandboxAccountsTest, ACreatedClerkCanSignInAndIsListed) {
    activate();
    const QString token = loginMerchant();
    ASSERT_EQ(createClerk(token).code(), 0);
    const SandboxReply login = clerkLogin(*m_client, QStringLiteral("1001"), clerkKey());
    ASSERT_EQ(login.code(), 0) << login.raw.toStdString();
    EXPECT_EQ(login.data().value(QStringLiteral("operator_id")).toString(), QStringLiteral("C1001"));
    // The clerk's login replaced the merchant's session on this device.
    EXPECT_EQ(m_client->call(QStringLiteral("clerk_list"), {{QStringLiteral("session_token"), token}}).errCode(),
              QStringLiteral("SESSION_EXPIRED"));
    const QString merchantToken = loginMerchant();
    const SandboxReply list =
        m_client->call(QStringLiteral("clerk_list"), {{QStringLiteral("session_token"), merchantToken}});
    const QJsonArray clerks = list.data().value(QStringLiteral("clerks")).toArray();
    ASSERT_EQ(clerks.size(), 1);
    EXPECT_TRUE(clerks.first().toObject().contains(QStringLiteral("last_login_at")));
}

TEST_F(SandboxAccountsTest, AClerkMayNotManageClerks) {
    activate();
    ASSERT_EQ(createClerk(loginMerchant()).code(), 0);
    const QString clerkToken = clerkLogin(*m_client, QStringLiteral("1001"), clerkKey())
                                   .data()
                                   .value(QStringLiteral("session_token"))
                                   .toString();
    EXPECT_EQ(m_client->call(QStringLiteral("clerk_list"), {{QStringLiteral("session_token"), clerkToken}}).errCode(),
              QStringLiteral("PERMISSION_DENIED"));
}

TEST_F(SandboxAccountsTest, DisablingAClerkEndsTheirSessionsAndRefusesTheirLogin) {
    activate();
    ASSERT_EQ(createClerk(loginMerchant()).code(), 0);
    auto clerkDevice = activateSecondDevice(QStringLiteral("FP2411A00456"));
    const QString clerkToken = clerkLogin(*clerkDevice, QStringLiteral("1001"), clerkKey())
                                   .data()
                                   .value(QStringLiteral("session_token"))
                                   .toString();
    const QString merchantToken = loginMerchant();
    const SandboxReply disabled = m_client->call(
        QStringLiteral("clerk_disable"),
        {{QStringLiteral("session_token"), merchantToken}, {QStringLiteral("employee_no"), QStringLiteral("1001")}});
    EXPECT_EQ(disabled.data().value(QStringLiteral("clerk")).toObject().value(QStringLiteral("status")).toString(),
              QStringLiteral("disabled"));
    const SandboxReply heartbeat = clerkDevice->call(QStringLiteral("heartbeat"), [&] {
        QJsonObject fields = heartbeatFields();
        fields.insert(QStringLiteral("session_token"), clerkToken);
        return fields;
    }());
    EXPECT_EQ(heartbeat.data().value(QStringLiteral("session_state")).toString(), QStringLiteral("ENDED"));
    EXPECT_EQ(clerkLogin(*clerkDevice, QStringLiteral("1001"), clerkKey()).errCode(), QStringLiteral("CLERK_DISABLED"));
}

TEST_F(SandboxAccountsTest, ResettingAClerkPasswordReplacesTheKey) {
    activate();
    const QString token = loginMerchant();
    ASSERT_EQ(createClerk(token).code(), 0);
    const QString newKey = QString(64, QLatin1Char('b'));
    const SandboxReply reset =
        m_client->call(QStringLiteral("clerk_reset_password"), {{QStringLiteral("session_token"), token},
                                                                {QStringLiteral("employee_no"), QStringLiteral("1001")},
                                                                {QStringLiteral("password_verifier"), newKey}});
    ASSERT_EQ(reset.code(), 0) << reset.raw.toStdString();
    EXPECT_EQ(clerkLogin(*m_client, QStringLiteral("1001"), clerkKey()).errCode(), QStringLiteral("BAD_CREDENTIALS"));
    EXPECT_EQ(clerkLogin(*m_client, QStringLiteral("1001"), newKey).code(), 0);
}

TEST_F(SandboxAccountsTest, FieldsAreCheckedBeforeTheSession) {
    activate();
    const QJsonObject noName{{QStringLiteral("session_token"), QString(32, QLatin1Char('x'))},
                             {QStringLiteral("employee_no"), QStringLiteral("1002")},
                             {QStringLiteral("password_verifier"), clerkKey()}};
    EXPECT_EQ(m_client->call(QStringLiteral("clerk_create"), noName).errCode(), QStringLiteral("MISSING_FIELD"));
    QJsonObject complete = noName;
    complete.insert(QStringLiteral("name"), QStringLiteral("王芳"));
    EXPECT_EQ(m_client->call(QStringLiteral("clerk_create"), complete).errCode(), QStringLiteral("SESSION_EXPIRED"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM clerks")), 0);
}

TEST_F(SandboxAccountsTest, AnUnknownEmployeeNumberIsBadCredentials) {
    activate();
    EXPECT_EQ(clerkLogin(*m_client, QStringLiteral("9999"), clerkKey()).errCode(), QStringLiteral("BAD_CREDENTIALS"));
}

}  // namespace
}  // namespace facepos::sandbox
