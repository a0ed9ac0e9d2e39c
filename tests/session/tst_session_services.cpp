// Activation, sign-in, lock, clerks and shifts through the real services against the in-process sandbox over
// loopback HTTP (issue 5). The UI tests drive the same services through the pages.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "app/app_schema.h"
#include "app/device_binding_keys.h"
#include "app/session/clerk_manager.h"
#include "app/session/device_binding.h"
#include "app/session/session_manager.h"
#include "app/session/shift_manager.h"
#include "app/store/order_number.h"
#include "app/store/order_store.h"
#include "app/store/outbox.h"
#include "app/store/sync_service.h"
#include "platform/curl_http_client.h"
#include "platform/key_store.h"
#include "sandbox/sandbox_fixture.h"

namespace facepos::session {
namespace {

using namespace std::chrono_literals;

constexpr char kDevice[] = "FP2411A00777";

class SessionServicesTest : public sandbox::SandboxFixture {
protected:
    void SetUp() override {
        SandboxFixture::SetUp();
        createMerchant();
        ASSERT_TRUE(m_terminal.isValid());
        DatabaseOptions options;
        options.migrations = appMigrations();
        auto db = Database::open(m_terminal.filePath(QStringLiteral("facepos.db")), options);
        ASSERT_TRUE(db.ok());
        m_db.emplace(std::move(db).value());
        auto keys = KeyStore::open(m_terminal.filePath(QStringLiteral("keys")), QByteArrayLiteral("test-binding"));
        ASSERT_TRUE(keys.ok());
        m_keys = std::move(keys).value();
        auto http = CurlHttpClient::create();
        ASSERT_TRUE(http.ok());
        m_http = std::move(http).value();
        m_backend = makeClient(m_server->url());
        store::OrderStoreOptions storeOptions;
        storeOptions.deviceTag = store::OrderNumbers::deviceTagFor(QString::fromLatin1(kDevice));
        storeOptions.sequenceFile = m_terminal.filePath(QStringLiteral("order-sequence"));
        auto orders = store::OrderStore::open(*m_db, m_clock, storeOptions);
        ASSERT_TRUE(orders.ok());
        m_orders = std::move(orders).value();
        createServices();
    }

    void TearDown() override {
        m_sync.reset();
        m_shift.reset();
        m_clerks.reset();
        m_session.reset();
        m_binding.reset();
        SandboxFixture::TearDown();
    }

    std::unique_ptr<backend::BackendClient> makeClient(const QUrl& url) {
        backend::BackendConfig config;
        config.baseUrl = url;
        config.deviceId = QString::fromLatin1(kDevice);
        config.timeout = 5s;
        config.retryDelay = 50ms;
        return std::make_unique<backend::BackendClient>(*m_http, m_clock, config);
    }

    void createServices() {
        m_shift.reset();
        m_clerks.reset();
        m_session.reset();
        m_binding.reset();
        DeviceBinding::Options options;
        options.dataDir = m_terminal.path();
        options.deviceModel = QStringLiteral("FP-T2");
        options.appVersion = QStringLiteral("1.0.0");
        options.fastPoll = 60s;  // the tests poll with checkNow()
        m_binding = std::make_unique<DeviceBinding>(*m_db, *m_keys, *m_backend, m_clock, options);
        ASSERT_TRUE(m_binding->load().ok());
        m_session = std::make_unique<SessionManager>(*m_db, *m_backend, *m_orders, m_clock, SessionManager::Options{});
        ASSERT_TRUE(m_session->load().ok());
        m_clerks = std::make_unique<ClerkManager>(*m_db, *m_backend, *m_session, *m_orders, m_clock);
        m_shift = std::make_unique<ShiftManager>(*m_db, *m_orders, *m_session, m_clock,
                                                 store::OrderNumbers::deviceTagFor(QString::fromLatin1(kDevice)));
        ASSERT_TRUE(m_shift->load().ok());
        // As Application wires them: an unbinding signs the person out.
        QObject::connect(m_binding.get(), &DeviceBinding::unbindingStarted, m_session.get(),
                         [this] { m_session->endLocally(QStringLiteral("device unbound")); });
    }

    bool waitIdle(QObject* service, int timeoutMs = 20000) {
        return QTest::qWaitFor([service] { return !service->property("busy").toBool(); }, timeoutMs);
    }

    QString pendingRequestId() {
        const QJsonArray requests =
            admin(QStringLiteral("activation_list"), {{QStringLiteral("state"), QStringLiteral("pending")}})
                .value(QStringLiteral("data"))
                .toObject()
                .value(QStringLiteral("requests"))
                .toArray();
        for (const QJsonValue& r : requests) {
            if (r.toObject().value(QStringLiteral("device_id")).toString() == QLatin1String(kDevice))
                return r.toObject().value(QStringLiteral("request_id")).toString();
        }
        return {};
    }

    void activateTerminal() {
        m_binding->submit(QString::fromLatin1(kMerchantNo), QString::fromLatin1(kPassword), QStringLiteral("S01"));
        ASSERT_TRUE(waitIdle(m_binding.get()));
        ASSERT_EQ(m_binding->stateName(), QStringLiteral("pending")) << m_binding->errorText().toStdString();
        ASSERT_EQ(admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), m_binding->requestId()}})
                      .value(QStringLiteral("code"))
                      .toInt(),
                  0);
        m_binding->checkNow();
        ASSERT_TRUE(QTest::qWaitFor([this] { return m_binding->stateName() == QLatin1String("activated"); }, 20000))
            << m_binding->errorText().toStdString();
    }

    void signInMerchant() {
        m_session->signInMerchant(QString::fromLatin1(kPassword));
        ASSERT_TRUE(waitIdle(m_session.get()));
        ASSERT_TRUE(m_session->signedIn()) << m_session->errorText().toStdString();
    }

    void createClerk(const QString& number, const QString& name, const QString& password) {
        m_clerks->create(number, name, password);
        ASSERT_TRUE(waitIdle(m_clerks.get()));
        ASSERT_TRUE(m_clerks->errorCode().isEmpty()) << m_clerks->errorText().toStdString();
    }

    void signInClerk(const QString& number, const QString& password) {
        m_session->signInClerk(number, password);
        ASSERT_TRUE(waitIdle(m_session.get()));
    }

    qint64 terminalCount(const QString& sql) {
        auto n = m_db->queryInt64(sql);
        return n.ok() ? n->value_or(0) : -1;
    }

    void startSync() {
        store::SyncOptions options;
        options.databasePath = m_terminal.filePath(QStringLiteral("facepos.db"));
        options.database.migrations = appMigrations();
        options.backend = m_backend->config();
        options.backend.merchantNo = m_binding->merchantNo();
        options.backend.deviceSecret = m_binding->deviceSecret();
        options.backoffInitial = 100ms;
        options.backoffMax = 400ms;
        m_sync = std::make_unique<store::SyncService>(*m_http, m_clock, options);
        QObject::connect(m_sync.get(), &store::SyncService::snapshotChanged, m_binding.get(),
                         &DeviceBinding::setOutbox);
        m_sync->start();
    }

    bool waitDrained(int timeoutMs = 20000) {
        return QTest::qWaitFor(
            [this] {
                return terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")) == 0 &&
                       m_sync->snapshot().pending == 0 && !m_sync->snapshot().draining;
            },
            timeoutMs);
    }

    QTemporaryDir m_terminal;
    std::optional<Database> m_db;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<CurlHttpClient> m_http;
    std::unique_ptr<backend::BackendClient> m_backend;
    std::unique_ptr<store::OrderStore> m_orders;
    std::unique_ptr<DeviceBinding> m_binding;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<ClerkManager> m_clerks;
    std::unique_ptr<ShiftManager> m_shift;
    std::unique_ptr<store::SyncService> m_sync;
};

TEST_F(SessionServicesTest, ActivationApprovedStoresTheSecretEncryptedAndConfirmsIt) {
    EXPECT_EQ(m_binding->stateName(), QStringLiteral("unbound"));
    activateTerminal();
    EXPECT_EQ(m_binding->merchantNo(), QString::fromLatin1(kMerchantNo));
    EXPECT_EQ(m_binding->storeName(), QStringLiteral("人民路店"));
    EXPECT_EQ(m_binding->deviceSecret().size(), 64);
    // Encrypted at rest: the key store has it, and its file does not contain it in clear.
    auto stored = m_keys->loadSecret(QString::fromLatin1(binding::kDeviceSecret));
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(*stored, m_binding->deviceSecret());
    QDir secrets(m_terminal.filePath(QStringLiteral("keys/secrets")));
    for (const QString& file : secrets.entryList(QDir::Files)) {
        QFile f(secrets.filePath(file));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_FALSE(f.readAll().contains(m_binding->deviceSecret()));
    }
    const QJsonArray devices = admin(QStringLiteral("device_list"))
                                   .value(QStringLiteral("data"))
                                   .toObject()
                                   .value(QStringLiteral("devices"))
                                   .toArray();
    bool confirmed = false;
    for (const QJsonValue& d : devices) {
        if (d.toObject().value(QStringLiteral("device_id")).toString() == QLatin1String(kDevice))
            confirmed = d.toObject().value(QStringLiteral("secret_confirmed")).toBool();
    }
    EXPECT_TRUE(confirmed);
    // A restart comes back activated with the same secret.
    createServices();
    EXPECT_EQ(m_binding->stateName(), QStringLiteral("activated"));
    EXPECT_EQ(m_binding->deviceSecret(), *stored);
}

TEST_F(SessionServicesTest, RejectionShowsTheReasonAndTheTechnicianCanTryAgain) {
    m_binding->submit(QString::fromLatin1(kMerchantNo), QString::fromLatin1(kPassword));
    ASSERT_TRUE(waitIdle(m_binding.get()));
    ASSERT_EQ(m_binding->stateName(), QStringLiteral("pending"));
    EXPECT_TRUE(m_binding->nextCheck().isValid());
    ASSERT_EQ(admin(QStringLiteral("activation_reject"), {{QStringLiteral("request_id"), m_binding->requestId()},
                                                          {QStringLiteral("reason"), QStringLiteral("序列号不符")}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    m_binding->checkNow();
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_binding->stateName() == QLatin1String("rejected"); }, 10000));
    EXPECT_EQ(m_binding->rejectReason(), QStringLiteral("序列号不符"));
    createServices();  // survives a restart
    EXPECT_EQ(m_binding->stateName(), QStringLiteral("rejected"));
    m_binding->startOver();
    EXPECT_EQ(m_binding->stateName(), QStringLiteral("unbound"));
    m_binding->submit(QString::fromLatin1(kMerchantNo), QString::fromLatin1(kPassword));
    ASSERT_TRUE(waitIdle(m_binding.get()));
    EXPECT_EQ(m_binding->stateName(), QStringLiteral("pending"));
    EXPECT_FALSE(pendingRequestId().isEmpty());
}

TEST_F(SessionServicesTest, BadActivationInputIsRefusedWithAClearMessageAndNothingChanges) {
    m_binding->submit({}, {});
    EXPECT_EQ(m_binding->errorCode(), QStringLiteral("binding.invalid"));
    m_binding->submit(QStringLiteral("88-001234"), QString::fromLatin1(kPassword));
    EXPECT_EQ(m_binding->errorCode(), QStringLiteral("binding.invalid"));
    m_binding->submit(QString::fromLatin1(kMerchantNo), QStringLiteral("short"));
    EXPECT_EQ(m_binding->errorCode(), QStringLiteral("binding.invalid"));
    EXPECT_FALSE(m_binding->busy());
    m_binding->submit(QString::fromLatin1(kMerchantNo), QStringLiteral("Wrong#Password"));
    ASSERT_TRUE(waitIdle(m_binding.get()));
    EXPECT_EQ(m_binding->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    EXPECT_FALSE(m_binding->errorText().isEmpty());
    EXPECT_EQ(m_binding->stateName(), QStringLiteral("unbound"));
    EXPECT_TRUE(pendingRequestId().isEmpty());

    // The network down: the request certainly never left, and the form stays as it was.
    m_backend = makeClient(QUrl(QStringLiteral("http://127.0.0.1:9")));
    createServices();
    m_binding->submit(QString::fromLatin1(kMerchantNo), QString::fromLatin1(kPassword));
    ASSERT_TRUE(waitIdle(m_binding.get()));
    EXPECT_EQ(m_binding->errorCode(), QStringLiteral("transport.not_sent"));
    EXPECT_EQ(m_binding->stateName(), QStringLiteral("unbound"));
}

TEST_F(SessionServicesTest, UnbindingDeliversRecordsFirstAndExportsWhatTheBackendRefuses) {
    activateTerminal();
    signInMerchant();
    for (int i = 0; i < 3; ++i) {
        store::NewOrder order;
        order.channel = QStringLiteral("cash");
        order.totalFee = 1000 + i;
        order.operatorId = m_session->operatorId();
        ASSERT_TRUE(m_orders->recordCashSale(order, store::CashTender{2000}).ok());
    }
    m_clock->advance(2s);  // records carry whole seconds: the unbinding comes strictly after the sales
    ASSERT_EQ(admin(QStringLiteral("device_unbind"), {{QStringLiteral("device_id"), QString::fromLatin1(kDevice)},
                                                      {QStringLiteral("reason"), QStringLiteral("wrong merchant")}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    m_clock->advance(2s);
    // A record made after the unbinding, which the backend will refuse.
    ASSERT_TRUE(m_orders->recordEvent(QStringLiteral("drawer_open")).ok());
    // The next call learns it (here a sign-in attempt answered DEVICE_UNBOUND): selling stops, sign-out.
    m_session->signInMerchant(QString::fromLatin1(kPassword));
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_binding->stateName() == QLatin1String("unbinding"); }, 10000));
    EXPECT_EQ(m_binding->unboundReason(), QStringLiteral("wrong merchant"));
    EXPECT_FALSE(m_session->signedIn());
    startSync();
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_binding->stateName() == QLatin1String("unbound"); }, 20000));
    // The three sales reached the backend; the refused event was exported, not lost.
    const QJsonArray records =
        admin(QStringLiteral("record_list"), {{QStringLiteral("device_id"), QString::fromLatin1(kDevice)},
                                              {QStringLiteral("kind"), QStringLiteral("order")}})
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("records"))
            .toArray();
    EXPECT_EQ(records.size(), 3);
    ASSERT_FALSE(m_binding->exportPath().isEmpty());
    QFile exported(m_binding->exportPath());
    ASSERT_TRUE(exported.open(QIODevice::ReadOnly));
    const QJsonArray rows =
        QJsonDocument::fromJson(exported.readAll()).object().value(QStringLiteral("records")).toArray();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().toObject().value(QStringLiteral("error")).toString(),
              QStringLiteral("RECORD_OUT_OF_BINDING"));
    EXPECT_FALSE(m_keys->loadSecret(QString::fromLatin1(binding::kDeviceSecret)).ok());
    EXPECT_TRUE(m_binding->merchantNo().isEmpty());
    // Orders stay on the device.
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM orders")), 3);
}

TEST_F(SessionServicesTest, AMerchantSignedInElsewhereIsToldToUseAClerkAccount) {
    activateTerminal();
    auto other = activateSecondDevice(QStringLiteral("FP2411A00999"));
    ASSERT_EQ(merchantLogin(*other, merchantKey()).code(), 0);
    m_session->signInMerchant(QString::fromLatin1(kPassword));
    ASSERT_TRUE(waitIdle(m_session.get()));
    EXPECT_FALSE(m_session->signedIn());
    EXPECT_EQ(m_session->errorCode(), QStringLiteral("api.MERCHANT_SESSION_ACTIVE"));
    EXPECT_TRUE(m_session->errorText().contains(QStringLiteral("clerk")));
    EXPECT_EQ(m_session->failedAttempts(), 0);  // not a wrong password
}

TEST_F(SessionServicesTest, ClerksAreManagedByTheMerchantAndSignInWithTheirEmployeeNumber) {
    activateTerminal();
    signInMerchant();
    EXPECT_EQ(m_session->role(), QStringLiteral("merchant"));
    EXPECT_EQ(m_session->operatorId(), QStringLiteral("M88001234"));
    createClerk(QStringLiteral("1001"), QStringLiteral("李娜"), QStringLiteral("pass1001"));
    m_clerks->refresh();
    ASSERT_TRUE(waitIdle(m_clerks.get()));
    ASSERT_EQ(m_clerks->clerks().size(), 1);
    EXPECT_FALSE(m_clerks->fromCache());
    // Bad input is refused before anything is sent.
    for (const auto& [number, name, password] :
         {std::tuple{"", "王芳", "pass1002"}, std::tuple{"10a2", "王芳", "pass1002"},
          std::tuple{"1002", "", "pass1002"}, std::tuple{"1002", "王芳", "12345"}}) {
        m_clerks->create(QString::fromUtf8(number), QString::fromUtf8(name), QString::fromUtf8(password));
        EXPECT_EQ(m_clerks->errorCode(), QStringLiteral("clerks.invalid")) << number;
        EXPECT_FALSE(m_clerks->busy());
    }
    m_clerks->create(QStringLiteral("1001"), QStringLiteral("别人"), QStringLiteral("other1001"));
    ASSERT_TRUE(waitIdle(m_clerks.get()));
    EXPECT_EQ(m_clerks->errorCode(), QStringLiteral("api.CLERK_EXISTS"));
    EXPECT_EQ(m_orders->audit().verify().value(), 1);  // clerk_create

    m_session->signOut();
    signInClerk(QStringLiteral("1001"), QStringLiteral("pass1001"));
    ASSERT_TRUE(m_session->signedIn()) << m_session->errorText().toStdString();
    EXPECT_EQ(m_session->operatorId(), QStringLiteral("C1001"));
    EXPECT_EQ(m_session->displayName(), QStringLiteral("李娜"));
    // A clerk cannot manage clerks.
    m_clerks->create(QStringLiteral("1003"), QStringLiteral("赵六"), QStringLiteral("pass1003"));
    EXPECT_EQ(m_clerks->errorCode(), QStringLiteral("clerks.not_merchant"));
    m_session->signOut();

    // Disabled: a clear message; enabled again: signs in; a reset password replaces the old one.
    signInMerchant();
    m_clerks->setDisabled(QStringLiteral("1001"), true);
    ASSERT_TRUE(waitIdle(m_clerks.get()));
    EXPECT_EQ(m_clerks->clerks().first().toMap().value(QStringLiteral("status")).toString(),
              QStringLiteral("disabled"));
    m_session->signOut();
    signInClerk(QStringLiteral("1001"), QStringLiteral("pass1001"));
    EXPECT_EQ(m_session->errorCode(), QStringLiteral("api.CLERK_DISABLED"));
    signInMerchant();
    m_clerks->setDisabled(QStringLiteral("1001"), false);
    ASSERT_TRUE(waitIdle(m_clerks.get()));
    m_clerks->resetPassword(QStringLiteral("1001"), QStringLiteral("newpass1"));
    ASSERT_TRUE(waitIdle(m_clerks.get()));
    EXPECT_TRUE(m_clerks->errorCode().isEmpty()) << m_clerks->errorText().toStdString();
    m_session->signOut();
    signInClerk(QStringLiteral("1001"), QStringLiteral("pass1001"));
    EXPECT_EQ(m_session->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    signInClerk(QStringLiteral("1001"), QStringLiteral("newpass1"));
    EXPECT_TRUE(m_session->signedIn());
    // Unknown employee numbers answer exactly like wrong passwords.
    m_session->signOut();
    signInClerk(QStringLiteral("4242"), QStringLiteral("whatever1"));
    EXPECT_EQ(m_session->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    // The cached list is shown when the backend cannot be reached.
    signInMerchant();
    auto offline = makeClient(QUrl(QStringLiteral("http://127.0.0.1:9")));
    offline->setMerchantNo(m_binding->merchantNo());
    offline->setDeviceSecret(m_binding->deviceSecret());
    offline->setSessionToken(m_backend->sessionToken());
    ClerkManager cached(*m_db, *offline, *m_session, *m_orders, m_clock);
    cached.refresh();
    ASSERT_TRUE(waitIdle(&cached));
    EXPECT_TRUE(cached.fromCache());
    ASSERT_EQ(cached.clerks().size(), 1);
    EXPECT_EQ(cached.errorCode(), QStringLiteral("transport.not_sent"));
}

TEST_F(SessionServicesTest, FiveWrongPasswordsLockSignInForFiveMinutesAcrossARestart) {
    activateTerminal();
    for (int i = 0; i < 5; ++i) {
        signInClerk(QStringLiteral("1001"), QStringLiteral("wrong%1").arg(i));
        EXPECT_EQ(m_session->errorCode(),
                  i < 4 ? QStringLiteral("api.BAD_CREDENTIALS") : QStringLiteral("session.locked_out"))
            << i;
    }
    EXPECT_GT(m_session->lockoutSecondsLeft(), 290);
    EXPECT_LE(m_session->lockoutSecondsLeft(), 300);
    // Refused on the device, nothing sent.
    m_session->signInMerchant(QString::fromLatin1(kPassword));
    EXPECT_FALSE(m_session->busy());
    EXPECT_EQ(m_session->errorCode(), QStringLiteral("session.locked_out"));
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'login_failed'")), 5);
    EXPECT_TRUE(m_orders->audit().verify().ok());
    createServices();
    EXPECT_GT(m_session->lockoutSecondsLeft(), 290);
    m_clock->advance(301s);
    EXPECT_EQ(m_session->lockoutSecondsLeft(), 0);
    signInMerchant();
}

TEST_F(SessionServicesTest, IdleTerminalLocksAndOnlyTheSamePersonUnlocksIt) {
    activateTerminal();
    signInMerchant();
    createClerk(QStringLiteral("1001"), QStringLiteral("李娜"), QStringLiteral("pass1001"));
    m_session->signOut();
    signInClerk(QStringLiteral("1001"), QStringLiteral("pass1001"));
    m_session->setIdleLock(300ms);
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_session->locked(); }, 5000));
    EXPECT_TRUE(m_session->signedIn());
    m_session->unlock(QStringLiteral("wrongpass"));
    ASSERT_TRUE(waitIdle(m_session.get()));
    EXPECT_TRUE(m_session->locked());
    EXPECT_EQ(m_session->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    m_session->unlock(QStringLiteral("pass1001"));
    ASSERT_TRUE(waitIdle(m_session.get()));
    EXPECT_FALSE(m_session->locked()) << m_session->errorText().toStdString();
    EXPECT_EQ(m_session->operatorId(), QStringLiteral("C1001"));
    // Activity keeps it unlocked.
    for (int i = 0; i < 6; ++i) {
        QTest::qWait(100);
        m_session->noteActivity();
    }
    EXPECT_FALSE(m_session->locked());
    EXPECT_EQ(
        terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'event' AND payload LIKE '%\"lock\"%'")),
        1);
}

TEST_F(SessionServicesTest, ShiftReportAddsUpTheShiftAndIsStoredPrintedAndSynced) {
    activateTerminal();
    signInMerchant();
    createClerk(QStringLiteral("1001"), QStringLiteral("李娜"), QStringLiteral("pass1001"));
    createClerk(QStringLiteral("1002"), QStringLiteral("王芳"), QStringLiteral("pass1002"));
    m_session->signOut();
    signInClerk(QStringLiteral("1001"), QStringLiteral("pass1001"));
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_FALSE(m_shift->openShift(-1));
    EXPECT_EQ(m_shift->errorCode(), QStringLiteral("shift.invalid"));
    ASSERT_TRUE(m_shift->openShift(50000)) << m_shift->errorText().toStdString();
    EXPECT_FALSE(m_shift->openShift(100));
    EXPECT_EQ(m_shift->errorCode(), QStringLiteral("shift.already_open"));
    const QString shiftNo = m_shift->shiftNo();
    EXPECT_TRUE(shiftNo.startsWith(QStringLiteral("A00777-S")));

    auto sale = [&](const QString& channel, qint64 total, qint64 discount, qint64 voucher) {
        store::NewOrder order;
        order.channel = channel;
        order.totalFee = total;
        order.discountFee = discount;
        order.voucherDeductFee = voucher;
        order.operatorId = m_session->operatorId();
        order.shiftNo = m_shift->shiftNo();
        if (channel == QLatin1String("cash")) return m_orders->recordCashSale(order, store::CashTender{total}).value();
        auto created = m_orders->createOrder(order).value();
        store::OrderOutcome paid;
        return m_orders->finishOrder(created.mchOrderNo, paid).value();
    };
    const store::OrderRecord cash = sale(QStringLiteral("cash"), 1300, 0, 0);
    sale(QStringLiteral("cash"), 700, 0, 0);
    sale(QStringLiteral("wechat"), 2850, 500, 500);
    sale(QStringLiteral("alipay"), 1000, 100, 0);
    store::NewOrder unpaid;
    unpaid.channel = QStringLiteral("wechat");
    unpaid.totalFee = 9999;
    unpaid.operatorId = m_session->operatorId();
    unpaid.shiftNo = shiftNo;
    auto failed = m_orders->createOrder(unpaid).value();
    store::OrderOutcome closed;
    closed.status = store::OrderStatus::Closed;
    ASSERT_TRUE(m_orders->finishOrder(failed.mchOrderNo, closed).ok());
    store::RefundRecord refund;
    refund.mchRefundNo = QStringLiteral("A00777R26030209000101");
    refund.mchOrderNo = cash.mchOrderNo;
    refund.refundFee = 300;
    refund.status = QStringLiteral("SUCCESS");
    refund.operatorId = m_session->operatorId();
    refund.authorisedBy = QStringLiteral("M88001234");
    ASSERT_TRUE(m_orders->recordRefund(refund).ok());
    m_clock->advance(1h);

    // Another clerk may not close this shift.
    m_session->signOut();
    signInClerk(QStringLiteral("1002"), QStringLiteral("pass1002"));
    EXPECT_FALSE(m_shift->closeShift(52000));
    EXPECT_EQ(m_shift->errorCode(), QStringLiteral("shift.not_yours"));
    m_session->signOut();
    signInClerk(QStringLiteral("1001"), QStringLiteral("pass1001"));

    int printed = 0;
    ShiftReport printedReport;
    m_shift->setPrinter([&](const ShiftReport& r) {
        ++printed;
        printedReport = r;
        return true;
    });
    const QVariantMap preview = m_shift->preview(51600);
    EXPECT_EQ(preview.value(QStringLiteral("expectedCashFee")).toLongLong(), 51700);
    ASSERT_TRUE(m_shift->closeShift(51600)) << m_shift->errorText().toStdString();
    const ShiftReport& r = m_shift->lastShiftReport();
    EXPECT_EQ(r.orderCount, 4);
    ASSERT_EQ(r.totals.size(), 3);
    EXPECT_EQ(r.totals[0].channel, QStringLiteral("wechat"));
    EXPECT_EQ(r.totals[0].totalFee, 2350);
    EXPECT_EQ(r.totals[1].channel, QStringLiteral("alipay"));
    EXPECT_EQ(r.totals[1].totalFee, 900);
    EXPECT_EQ(r.totals[2].channel, QStringLiteral("cash"));
    EXPECT_EQ(r.totals[2].count, 2);
    EXPECT_EQ(r.totals[2].totalFee, 2000);
    EXPECT_EQ(r.refundCount, 1);
    EXPECT_EQ(r.refundFee, 300);
    EXPECT_EQ(r.voucherCount, 1);
    EXPECT_EQ(r.voucherDeductFee, 500);
    EXPECT_EQ(r.openingCashFee, 50000);
    EXPECT_EQ(r.expectedCashFee, 51700);  // 500.00 + 20.00 cash sales − 3.00 cash refund
    EXPECT_EQ(r.countedCashFee, 51600);
    EXPECT_EQ(r.cashDiffFee, -100);
    EXPECT_TRUE(r.printed);
    EXPECT_EQ(printed, 1);
    EXPECT_EQ(printedReport.shiftNo, shiftNo);
    EXPECT_FALSE(m_shift->isOpen());
    EXPECT_EQ(
        terminalCount(QStringLiteral("SELECT count(*) FROM shifts WHERE closed_at IS NOT NULL AND report IS NOT NULL")),
        1);
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE call IN ('shift_open', 'shift_close')")),
              2);

    // Synced: the sandbox has the shift closed and its own wallet totals agree.
    startSync();
    ASSERT_TRUE(waitDrained());
    EXPECT_EQ(m_sync->snapshot().dead, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM shifts WHERE shift_no = '%1'").arg(shiftNo)), 1);

    // The report survives a restart, and the next clerk opens a new shift.
    createServices();
    EXPECT_EQ(m_shift->lastShiftReport().cashDiffFee, -100);
    EXPECT_FALSE(m_shift->isOpen());
    signInClerk(QStringLiteral("1002"), QStringLiteral("pass1002"));
    m_clock->advance(5s);
    ASSERT_TRUE(m_shift->openShift(30000));
    EXPECT_NE(m_shift->shiftNo(), shiftNo);
}

}  // namespace
}  // namespace facepos::session
