#pragma once

// The terminal side shared by the payment engine's tests (tst_payment_engine, the face pay tests): the real
// in-process sandbox reset to its demo seed, this device activated and the merchant signed in, the terminal's own
// SQLite file with the app's migrations and its OrderStore, and a CurlHttpClient for the BackendClient each fixture
// builds over it (with its own recording decorator).

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <memory>
#include <optional>

#include "app/app_schema.h"
#include "app/store/order_number.h"
#include "app/store/order_store.h"
#include "platform/curl_http_client.h"
#include "platform/database.h"
#include "sandbox/sandbox_fixture.h"

namespace facepos::checkout::test {

class EngineTerminalFixture : public sandbox::SandboxFixture {
protected:
    void SetUp() override {
        SandboxFixture::SetUp();
        ASSERT_EQ(admin(QStringLiteral("reset"), {{QStringLiteral("seed"), QStringLiteral("demo")}})
                      .value(QStringLiteral("code"))
                      .toInt(),
                  0);
        auto activated = facepos::test::activateDevice(*m_server, *m_client, *m_deviceKey, merchantKey());
        ASSERT_TRUE(activated.ok()) << activated.error().message.toStdString();
        const facepos::test::SandboxReply login = merchantLogin(*m_client, merchantKey());
        ASSERT_EQ(login.code(), 0) << login.raw.toStdString();
        m_sessionToken = login.data().value(QStringLiteral("session_token")).toString();
        m_operatorId = login.data().value(QStringLiteral("operator_id")).toString();

        ASSERT_TRUE(m_terminal.isValid());
        DatabaseOptions options;
        options.migrations = appMigrations();
        auto db = Database::open(m_terminal.filePath(QStringLiteral("facepos.db")), options);
        ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
        m_db.emplace(std::move(db).value());
        store::OrderStoreOptions storeOptions;
        storeOptions.deviceTag = store::OrderNumbers::deviceTagFor(m_client->deviceId());
        storeOptions.sequenceFile = m_terminal.filePath(QStringLiteral("order-sequence"));
        auto orders = store::OrderStore::open(*m_db, m_clock, storeOptions);
        ASSERT_TRUE(orders.ok()) << orders.error().message.toStdString();
        m_orders = std::move(orders).value();

        auto http = CurlHttpClient::create();
        ASSERT_TRUE(http.ok());
        m_http = std::move(http).value();
    }

    QTemporaryDir m_terminal;
    std::optional<Database> m_db;
    std::unique_ptr<store::OrderStore> m_orders;
    std::unique_ptr<CurlHttpClient> m_http;
    QString m_sessionToken;
    QString m_operatorId;
};

}  // namespace facepos::checkout::test
