// The outbox delivered by SyncService to the real sandbox over loopback HTTP (issue 4): batches, acknowledgements,
// backoff on transient faults, dead letters for permanent refusals, offline and "sync now".
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include "app/store/order_store.h"
#include "app/store/outbox.h"
#include "app/store/sync_service.h"
#include "platform/curl_http_client.h"
#include "sandbox/sandbox_fixture.h"
#include "store_fixture.h"

namespace facepos::store {
namespace {

using namespace std::chrono_literals;

class SyncServiceTest : public sandbox::SandboxFixture {
protected:
    void SetUp() override {
        SandboxFixture::SetUp();
        activate();
        ASSERT_TRUE(m_terminalDir.isValid());
        auto db = Database::open(dbPath(), terminalDatabaseOptions());
        ASSERT_TRUE(db.ok());
        m_db.emplace(std::move(db).value());
        OrderStoreOptions storeOptions;
        storeOptions.deviceTag = OrderNumbers::deviceTagFor(m_client->deviceId());
        storeOptions.sequenceFile = m_terminalDir.filePath(QStringLiteral("order-sequence"));
        storeOptions.onEnqueued = [this] {
            if (m_sync) m_sync->wake();
        };
        auto store = OrderStore::open(*m_db, m_clock, storeOptions);
        ASSERT_TRUE(store.ok());
        m_store = std::move(store).value();
        auto http = CurlHttpClient::create();
        ASSERT_TRUE(http.ok());
        m_http = std::move(http).value();
    }

    void TearDown() override {
        m_sync.reset();
        SandboxFixture::TearDown();
    }

    QString dbPath() const { return m_terminalDir.filePath(QStringLiteral("facepos.db")); }

    SyncOptions syncOptions(int batchSize = 50) const {
        SyncOptions o;
        o.databasePath = dbPath();
        o.database = terminalDatabaseOptions();
        o.backend.baseUrl = m_server->url();
        o.backend.deviceId = m_client->deviceId();
        o.backend.merchantNo = QString::fromLatin1(kMerchantNo);
        o.backend.deviceSecret = m_client->secret().toLatin1();
        o.backend.timeout = 5s;
        o.backend.retryDelay = 50ms;
        o.batchSize = batchSize;
        o.backoffInitial = 100ms;
        o.backoffMax = 400ms;
        return o;
    }

    void startSync(SyncOptions options) {
        m_sync = std::make_unique<SyncService>(*m_http, m_clock, std::move(options));
        m_sync->start();
    }

    bool waitUntilDrained(int timeoutMs = 20000) {
        // The database is the truth; the snapshot follows it once the worker has published after its last round.
        return QTest::qWaitFor(
            [this] {
                return terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")) == 0 &&
                       m_sync->snapshot().pending == 0 && !m_sync->snapshot().draining;
            },
            timeoutMs);
    }

    OrderRecord cashSale(qint64 fee = 1300) {
        auto sale = m_store->recordCashSale(cashOrder(fee), CashTender{fee});
        EXPECT_TRUE(sale.ok()) << sale.error().message.toStdString();
        return sale.ok() ? sale.value() : OrderRecord{};
    }

    // Order records the sandbox stored for the device, by mch_order_no (how many records name each).
    QHash<QString, int> sandboxOrders() {
        const QJsonObject reply =
            admin(QStringLiteral("record_list"), {{QStringLiteral("device_id"), m_client->deviceId()},
                                                  {QStringLiteral("kind"), QStringLiteral("order")},
                                                  {QStringLiteral("limit"), 1000}});
        QHash<QString, int> orders;
        for (const QJsonValue& record :
             reply.value(QStringLiteral("data")).toObject().value(QStringLiteral("records")).toArray()) {
            ++orders[record.toObject()
                         .value(QStringLiteral("payload"))
                         .toObject()
                         .value(QStringLiteral("mch_order_no"))
                         .toString()];
        }
        return orders;
    }

    qint64 terminalCount(const QString& sql) {
        auto n = m_db->queryInt64(sql);
        return n.ok() ? n->value_or(0) : -1;
    }

    void setFaults(const QJsonObject& faults) {
        ASSERT_EQ(admin(QStringLiteral("faults_set"), faults).value(QStringLiteral("code")).toInt(), 0);
    }

    QTemporaryDir m_terminalDir;
    std::optional<Database> m_db;
    std::unique_ptr<OrderStore> m_store;
    std::unique_ptr<CurlHttpClient> m_http;
    std::unique_ptr<SyncService> m_sync;
};

TEST_F(SyncServiceTest, DrainsEveryRecordInOrderAndTheSandboxStoresEachOnce) {
    QStringList numbers;
    for (int i = 0; i < 130; ++i) numbers << cashSale(100 + i).mchOrderNo;
    ASSERT_TRUE(m_store->recordEvent(QStringLiteral("drawer_open")).ok());
    startSync(syncOptions(50));
    ASSERT_TRUE(waitUntilDrained());

    const auto orders = sandboxOrders();
    EXPECT_EQ(orders.size(), 130);
    for (const QString& number : numbers) EXPECT_EQ(orders.value(number), 1) << number.toStdString();
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'acked'")), 131);
    // Acknowledged in the order they were made: 3 batches of 50, 50 and 31, each after the one before.
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM outbox a JOIN outbox b ON b.id > a.id WHERE "
                                           "b.done_at < a.done_at")),
              0);
    const SyncSnapshot snapshot = m_sync->snapshot();
    EXPECT_TRUE(snapshot.lastSuccess.isValid());
    EXPECT_TRUE(snapshot.lastError.isEmpty());
    EXPECT_EQ(snapshot.dead, 0);
}

TEST_F(SyncServiceTest, NewSalesWakeTheWorkerWithoutWaitingForTheTimer) {
    SyncOptions options = syncOptions();
    options.interval = 10min;
    startSync(options);
    ASSERT_TRUE(waitUntilDrained());
    const OrderRecord sale = cashSale();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sandboxOrders().value(sale.mchOrderNo) == 1; }, 10000));
}

TEST_F(SyncServiceTest, TransientFaultsBackOffAndALostAnswerDoesNotStoreTwice) {
    for (int i = 0; i < 20; ++i) cashSale();
    // Two 503s, then a batch the server commits but whose answer is lost, then normal service.
    setFaults({{QStringLiteral("calls"), QJsonArray{QStringLiteral("sync_upload")}},
               {QStringLiteral("http_5xx_percent"), 100},
               {QStringLiteral("count"), 2}});
    startSync(syncOptions(10));
    ASSERT_TRUE(QTest::qWaitFor([this] { return !m_sync->snapshot().lastError.isEmpty(); }, 10000));
    EXPECT_TRUE(m_sync->snapshot().nextAttempt.isValid() || m_sync->snapshot().pending < 20);
    ASSERT_TRUE(waitUntilDrained());
    setFaults({{QStringLiteral("calls"), QJsonArray{QStringLiteral("sync_upload")}},
               {QStringLiteral("drop_after_commit_percent"), 100},
               {QStringLiteral("count"), 1}});
    for (int i = 0; i < 20; ++i) cashSale();
    ASSERT_TRUE(waitUntilDrained());

    const auto orders = sandboxOrders();
    EXPECT_EQ(orders.size(), 40);
    for (auto it = orders.cbegin(); it != orders.cend(); ++it) EXPECT_EQ(it.value(), 1);
    const QJsonObject faults = admin(QStringLiteral("faults_get")).value(QStringLiteral("data")).toObject();
    // The lost answer really happened: the server committed a batch the terminal never heard about, and sent it again.
    EXPECT_EQ(faults.value(QStringLiteral("counters")).toObject().value(QStringLiteral("dropped_after_commit")).toInt(),
              1)
        << QJsonDocument(faults).toJson().toStdString();
    EXPECT_GE(terminalCount(QStringLiteral("SELECT max(attempts) FROM outbox")), 1);
    EXPECT_TRUE(m_sync->snapshot().lastError.isEmpty());
}

TEST_F(SyncServiceTest, PermanentRefusalsBecomeDeadLettersWithTheirReasonAndTheRestIsDelivered) {
    const OrderRecord first = cashSale();
    startSync(syncOptions());
    ASSERT_TRUE(waitUntilDrained());
    m_sync->stop();
    // A record of a kind this backend does not know, and a changed copy of an acknowledged revision.
    ASSERT_TRUE(
        m_db->execute(QStringLiteral("INSERT INTO outbox(call, record_id, kind, revision, created_at, payload, "
                                     "enqueued_at) VALUES('sync_upload', '6f2c2a7e-3b1d-4c8e-9a62-1d7e4b9f0a31', "
                                     "'telemetry', 1, '2026-03-02T17:00:00+08:00', '{\"cpu_temp_c\":61}', 0)"))
            .ok());
    ASSERT_TRUE(
        m_db->execute(QStringLiteral("INSERT INTO outbox(call, record_id, kind, revision, reference, created_at, "
                                     "payload, enqueued_at) SELECT call, record_id, kind, revision, reference, "
                                     "created_at, replace(payload, '\"PAID\"', '\"CLOSED\"'), 0 FROM outbox "
                                     "WHERE kind = 'order' AND revision = 1 AND state = 'acked' ON CONFLICT DO "
                                     "NOTHING"))
            .ok());
    EXPECT_EQ(m_db->changes(), 0);  // (record_id, revision) is unique on the device: force it as a restore might
    ASSERT_TRUE(m_db->execute(QStringLiteral("UPDATE outbox SET state = 'pending', payload = replace(payload, "
                                             "'\"PAID\"', '\"CLOSED\"') WHERE kind = 'order'"))
                    .ok());
    const OrderRecord second = cashSale();
    startSync(syncOptions());
    ASSERT_TRUE(waitUntilDrained());

    const SyncSnapshot snapshot = m_sync->snapshot();
    EXPECT_EQ(snapshot.dead, 2);
    ASSERT_EQ(snapshot.deadLetters.size(), 2);
    QStringList codes;
    for (const DeadLetter& letter : snapshot.deadLetters) codes << letter.errCode;
    codes.sort();
    EXPECT_EQ(codes, (QStringList{QStringLiteral("RECORD_CONFLICT"), QStringLiteral("UNKNOWN_RECORD_KIND")}));
    for (const DeadLetter& letter : snapshot.deadLetters) EXPECT_FALSE(letter.message.isEmpty());
    EXPECT_EQ(sandboxOrders().value(second.mchOrderNo), 1);
    // The sandbox kept the first version; dead letters stay on the device and are counted, never deleted.
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'dead'")), 2);
    EXPECT_EQ(sandboxOrders().value(first.mchOrderNo), 1);
}

TEST_F(SyncServiceTest, ARecordTooLargeForTheBackendIsADeadLetterAndLargeBatchesAreSplit) {
    // Three events of 400 KiB: together over the 1 MiB limit, each one fine on its own.
    const QString chunk(400 * 1024, u'x');
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(m_store->recordEvent(QStringLiteral("self_test"), {{QStringLiteral("log"), chunk}}).ok());
    ASSERT_TRUE(
        m_store->recordEvent(QStringLiteral("self_test"), {{QStringLiteral("log"), QString(1100 * 1024, u'y')}}).ok());
    const OrderRecord sale = cashSale();
    startSync(syncOptions());
    ASSERT_TRUE(waitUntilDrained(30000));
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'acked'")), 4);
    ASSERT_EQ(m_sync->snapshot().deadLetters.size(), 1);
    EXPECT_EQ(m_sync->snapshot().deadLetters.first().errCode, QStringLiteral("RECORD_TOO_LARGE"));
    EXPECT_EQ(sandboxOrders().value(sale.mchOrderNo), 1);
}

TEST_F(SyncServiceTest, OfflineMakesNoAttemptsAndTheNetworkReturningDrainsAtOnce) {
    m_sync = std::make_unique<SyncService>(*m_http, m_clock, syncOptions());
    m_sync->setNetworkOnline(false);  // before start: queued to the worker, which has not run a round yet
    m_sync->start();
    m_sync->setNetworkOnline(false);
    for (int i = 0; i < 5; ++i) cashSale();
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_sync->snapshot().pending == 5; }, 5000));
    QTest::qWait(300);
    EXPECT_FALSE(m_sync->snapshot().online);
    EXPECT_TRUE(sandboxOrders().isEmpty());
    EXPECT_EQ(m_sync->snapshot().pending, 5);
    m_sync->setNetworkOnline(true);
    ASSERT_TRUE(waitUntilDrained());
    EXPECT_EQ(sandboxOrders().size(), 5);
}

TEST_F(SyncServiceTest, SyncNowDoesNotWaitOutTheBackoff) {
    cashSale();
    setFaults({{QStringLiteral("calls"), QJsonArray{QStringLiteral("sync_upload")}},
               {QStringLiteral("http_5xx_percent"), 100},
               {QStringLiteral("count"), 1}});
    SyncOptions options = syncOptions();
    options.backoffInitial = 10min;
    options.backoffMax = 10min;
    startSync(options);
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_sync->snapshot().nextAttempt.isValid(); }, 10000));
    EXPECT_GT(m_clock->nowUtc().secsTo(m_sync->snapshot().nextAttempt), 400);
    EXPECT_EQ(m_sync->snapshot().pending, 1);
    m_sync->syncNow();
    ASSERT_TRUE(waitUntilDrained(5000));
    EXPECT_EQ(sandboxOrders().size(), 1);
}

TEST_F(SyncServiceTest, DeviceCallsAreDeliveredOnTheirOwnAndARefusedOneIsADeadLetter) {
    const QJsonObject shift{{QStringLiteral("shift_no"), QStringLiteral("A00123-S2603020900")},
                            {QStringLiteral("operator_id"), QStringLiteral("M88001234")},
                            {QStringLiteral("opened_at"), QStringLiteral("2026-03-02T17:00:00+08:00")},
                            {QStringLiteral("opening_cash_fee"), 50000}};
    ASSERT_TRUE(
        m_store->enqueueCall(QStringLiteral("shift_open"), shift, shift.value(QStringLiteral("shift_no")).toString())
            .ok());
    cashSale();
    QJsonObject clash = shift;
    clash.insert(QStringLiteral("opening_cash_fee"), 1);  // the same shift number with another float
    ASSERT_TRUE(
        m_store->enqueueCall(QStringLiteral("shift_open"), clash, clash.value(QStringLiteral("shift_no")).toString())
            .ok());
    startSync(syncOptions());
    ASSERT_TRUE(waitUntilDrained());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM shifts WHERE shift_no = 'A00123-S2603020900'")), 1);
    ASSERT_EQ(m_sync->snapshot().deadLetters.size(), 1);
    EXPECT_EQ(m_sync->snapshot().deadLetters.first().errCode, QStringLiteral("SHIFT_CONFLICT"));
    EXPECT_EQ(m_sync->snapshot().deadLetters.first().reference, QStringLiteral("A00123-S2603020900"));
    EXPECT_EQ(sandboxOrders().size(), 1);
}

TEST_F(SyncServiceTest, AWrongDeviceSecretKeepsEverythingPendingInsteadOfDeadLettering) {
    for (int i = 0; i < 3; ++i) cashSale();
    SyncOptions options = syncOptions();
    options.backend.deviceSecret = QByteArray(64, 'a');
    startSync(options);
    ASSERT_TRUE(QTest::qWaitFor([this] { return !m_sync->snapshot().lastError.isEmpty(); }, 10000));
    QTest::qWait(500);
    EXPECT_EQ(m_sync->snapshot().pending, 3);
    EXPECT_EQ(m_sync->snapshot().dead, 0);
    EXPECT_TRUE(sandboxOrders().isEmpty());
}

}  // namespace
}  // namespace facepos::store
