#pragma once

#include <QTemporaryDir>
#include <memory>
#include <optional>

#include "app/app_schema.h"
#include "app/backend/backend_client.h"
#include "app/qml_singletons.h"
#include "app/session/device_binding.h"
#include "app/session/session_manager.h"
#include "app/store/order_number.h"
#include "app/store/order_store.h"
#include "platform/curl_http_client.h"
#include "platform/database.h"
#include "platform/key_store.h"
#include "platform/system_clock.h"

// The DeviceBinding and Session singletons for the Qt Quick tests: the real services over a database in a temporary
// directory and a backend on a closed local port (every call fails as not sent, as with the network down), so the
// screens are tested on their own: an unbound device, nobody signed in.
class QmlSessionServices {
public:
    QmlSessionServices() {
        facepos::DatabaseOptions options;
        options.migrations = facepos::appMigrations();
        auto db = facepos::Database::open(m_dir.filePath(QStringLiteral("facepos.db")), options);
        Q_ASSERT(db.ok());
        m_db.emplace(std::move(db).value());
        auto keys = facepos::KeyStore::open(m_dir.filePath(QStringLiteral("keys")), QByteArrayLiteral("qml-tests"));
        Q_ASSERT(keys.ok());
        m_keys = std::move(keys).value();
        auto http = facepos::CurlHttpClient::create();
        Q_ASSERT(http.ok());
        m_http = std::move(http).value();
        facepos::backend::BackendConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        config.deviceId = QStringLiteral("FP2411A00123");
        config.retryDelay = std::chrono::milliseconds(10);
        m_backend = std::make_unique<facepos::backend::BackendClient>(*m_http, m_clock, config);
        facepos::store::OrderStoreOptions storeOptions;
        storeOptions.deviceTag = facepos::store::OrderNumbers::deviceTagFor(config.deviceId);
        storeOptions.sequenceFile = m_dir.filePath(QStringLiteral("order-sequence"));
        auto orders = facepos::store::OrderStore::open(*m_db, m_clock, storeOptions);
        Q_ASSERT(orders.ok());
        m_orders = std::move(orders).value();
        facepos::session::DeviceBinding::Options bindingOptions;
        bindingOptions.dataDir = m_dir.path();
        bindingOptions.deviceModel = QStringLiteral("FP-T2");
        bindingOptions.appVersion = QStringLiteral("1.0.0");
        m_binding =
            std::make_unique<facepos::session::DeviceBinding>(*m_db, *m_keys, *m_backend, m_clock, bindingOptions);
        m_session = std::make_unique<facepos::session::SessionManager>(*m_db, *m_backend, *m_orders, m_clock,
                                                                       facepos::session::SessionManager::Options{});
        facepos::BindingForeign::provide(m_binding.get());
        facepos::SessionForeign::provide(m_session.get());
    }
    ~QmlSessionServices() {
        facepos::SessionForeign::provide(nullptr);
        facepos::BindingForeign::provide(nullptr);
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const facepos::IClock> m_clock = std::make_shared<facepos::SystemClock>();
    std::optional<facepos::Database> m_db;
    std::unique_ptr<facepos::KeyStore> m_keys;
    std::unique_ptr<facepos::IHttpClient> m_http;
    std::unique_ptr<facepos::backend::BackendClient> m_backend;
    std::unique_ptr<facepos::store::OrderStore> m_orders;
    std::unique_ptr<facepos::session::DeviceBinding> m_binding;
    std::unique_ptr<facepos::session::SessionManager> m_session;
};
