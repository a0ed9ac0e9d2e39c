#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include "app/store/outbox.h"
#include "app/store/sales_gate.h"
#include "store_fixture.h"

namespace facepos::store {
namespace {

using namespace std::chrono_literals;

class OrderStoreTest : public StoreFixture {
protected:
    QJsonObject outboxPayload(const QString& recordId, int revision) {
        auto text = m_db->queryText(QStringLiteral("SELECT payload FROM outbox WHERE record_id = ? AND revision = ?"),
                                    {recordId, revision});
        EXPECT_TRUE(text.ok());
        return QJsonDocument::fromJson(text.ok() ? text->value_or(QString()).toUtf8() : QByteArray()).object();
    }
};

TEST_F(OrderStoreTest, OrderNumbersFollowTheDocumentedFormatInLocalTime) {
    const OrderRecord sale = cashSale();
    const QString stamp = m_clock->nowUtc().toLocalTime().toString(QStringLiteral("yyMMddHHmmss"));
    EXPECT_EQ(sale.mchOrderNo, QStringLiteral("A00123") + stamp + QStringLiteral("0001"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[0-9A-Za-z_-]{6,32}$")).match(sale.mchOrderNo).hasMatch());
    EXPECT_EQ(cashSale().mchOrderNo.right(4), QStringLiteral("0002"));
}

TEST_F(OrderStoreTest, DeviceTagIsTheSerialsLastSixLettersAndDigits) {
    EXPECT_EQ(OrderNumbers::deviceTagFor(QStringLiteral("FP2411A00123")), QStringLiteral("A00123"));
    EXPECT_EQ(OrderNumbers::deviceTagFor(QStringLiteral("fp-24-11a-00-123")), QStringLiteral("A00123"));
    EXPECT_EQ(OrderNumbers::deviceTagFor(QStringLiteral("X1")), QStringLiteral("0000X1"));
}

TEST_F(OrderStoreTest, SequenceSurvivesARestart) {
    QSet<QString> numbers;
    for (int i = 0; i < 5; ++i) numbers.insert(cashSale().mchOrderNo);
    reopen();
    for (int i = 0; i < 5; ++i) numbers.insert(cashSale().mchOrderNo);
    EXPECT_EQ(numbers.size(), 10);
}

TEST_F(OrderStoreTest, SequenceSurvivesADatabaseRestoredFromAnOlderBackup) {
    cashSale();
    const QString backup = m_dir.filePath(QStringLiteral("backup.db"));
    ASSERT_TRUE(m_db->backupTo(backup).ok());
    QSet<QString> sequences;
    for (int i = 0; i < 3; ++i) sequences.insert(cashSale().mchOrderNo.right(4));
    // The technician restores yesterday's backup: the database forgets the last three numbers, the file does not.
    m_store.reset();
    m_db.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(dbPath() + QLatin1String(suffix));
    ASSERT_TRUE(QFile::copy(backup, dbPath()));
    reopen();
    for (int i = 0; i < 3; ++i) {
        const QString sequence = cashSale().mchOrderNo.right(4);
        EXPECT_FALSE(sequences.contains(sequence)) << sequence.toStdString();
    }
}

TEST_F(OrderStoreTest, ADamagedSequenceFileStopsTheStoreWithAClearMessage) {
    m_store.reset();
    QFile file(sequencePath());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("garbage\n");
    file.close();
    OrderStoreOptions options;
    options.deviceTag = QStringLiteral("A00123");
    options.sequenceFile = sequencePath();
    auto store = OrderStore::open(*m_db, m_clock, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, QStringLiteral("store.sequence"));
    EXPECT_TRUE(store.error().message.contains(QStringLiteral("damaged")));
}

TEST_F(OrderStoreTest, CashSaleIsPaidWithChangeAndItsRecordQueuedInTheSameCommit) {
    NewOrder order = cashOrder(1300);
    auto sale = m_store->recordCashSale(order, CashTender{2000});
    ASSERT_TRUE(sale.ok()) << sale.error().message.toStdString();
    EXPECT_EQ(sale->status, OrderStatus::Paid);
    EXPECT_EQ(sale->changeFee, 700);
    EXPECT_EQ(m_wakes, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = 'order'")), 1);
    const QJsonObject payload = outboxPayload(sale->recordId, 1);
    EXPECT_EQ(payload.value(QStringLiteral("mch_order_no")).toString(), sale->mchOrderNo);
    EXPECT_EQ(payload.value(QStringLiteral("status")).toString(), QStringLiteral("PAID"));
    EXPECT_EQ(payload.value(QStringLiteral("total_fee")).toInteger(), 1300);
    EXPECT_EQ(payload.value(QStringLiteral("cash_received_fee")).toInteger(), 2000);
    EXPECT_EQ(payload.value(QStringLiteral("change_fee")).toInteger(), 700);
    EXPECT_EQ(payload.value(QStringLiteral("operator_id")).toString(), QStringLiteral("C1001"));
    EXPECT_EQ(payload.value(QStringLiteral("shift_no")).toString(), QStringLiteral("A00123-S2603020900"));
    EXPECT_TRUE(payload.value(QStringLiteral("paid_at")).toString().contains(u'T'));
}

TEST_F(OrderStoreTest, BadInputIsRefusedAndChangesNothing) {
    NewOrder zero = cashOrder(0);
    NewOrder huge = cashOrder(100000001);
    NewOrder badChannel = cashOrder();
    badChannel.channel = QStringLiteral("bitcoin");
    NewOrder noOperator = cashOrder();
    noOperator.operatorId.clear();
    NewOrder bigDiscount = cashOrder(1000);
    bigDiscount.discountFee = 1000;
    for (const NewOrder& order : {zero, huge, badChannel, noOperator, bigDiscount}) {
        auto created = m_store->createOrder(order);
        ASSERT_FALSE(created.ok());
        EXPECT_EQ(created.error().code, QStringLiteral("store.invalid"));
    }
    auto shortTender = m_store->recordCashSale(cashOrder(1300), CashTender{1299});
    ASSERT_FALSE(shortTender.ok());
    EXPECT_TRUE(shortTender.error().message.contains(QStringLiteral("does not cover")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    EXPECT_EQ(m_wakes, 0);
}

TEST_F(OrderStoreTest, WalletOrderIsCommittedBeforePaymentAndQueuedOnlyWhenItEnds) {
    NewOrder order = cashOrder(2350);
    order.channel = QStringLiteral("wechat");
    order.discountFee = 150;
    order.memberNo = QStringLiteral("M880012340017");
    auto created = m_store->createOrder(order);
    ASSERT_TRUE(created.ok());
    EXPECT_EQ(created->status, OrderStatus::Created);
    EXPECT_EQ(created->payableFee, 2200);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    ASSERT_TRUE(m_store->markPaying(created->mchOrderNo).ok());

    auto unfinished = m_store->unfinishedOrders();
    ASSERT_TRUE(unfinished.ok());
    ASSERT_EQ(unfinished->size(), 1);
    EXPECT_EQ(unfinished->first().status, OrderStatus::Paying);

    OrderOutcome outcome;
    outcome.status = OrderStatus::Paid;
    outcome.platformOrderNo = QStringLiteral("PF202603020000000001");
    outcome.channelOrderNo = QStringLiteral("4200002345202603020900000001");
    auto paid = m_store->finishOrder(created->mchOrderNo, outcome);
    ASSERT_TRUE(paid.ok());
    EXPECT_TRUE(m_store->unfinishedOrders()->isEmpty());
    const QJsonObject payload = outboxPayload(created->recordId, 1);
    EXPECT_EQ(payload.value(QStringLiteral("total_fee")).toInteger(), 2200);
    EXPECT_EQ(payload.value(QStringLiteral("platform_order_no")).toString(), outcome.platformOrderNo);
    EXPECT_EQ(payload.value(QStringLiteral("detail")).toObject().value(QStringLiteral("original_fee")).toInteger(),
              2350);

    // A final order does not change its end; being told the same end twice (a resumed payment) is harmless.
    EXPECT_TRUE(m_store->finishOrder(created->mchOrderNo, outcome).ok());
    OrderOutcome reversed;
    reversed.status = OrderStatus::Reversed;
    auto changed = m_store->finishOrder(created->mchOrderNo, reversed);
    ASSERT_FALSE(changed.ok());
    EXPECT_EQ(changed.error().code, QStringLiteral("store.state"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 1);
}

TEST_F(OrderStoreTest, JournalRowIsCommittedBeforeTheCallAndQueuedWithItsOutcome) {
    NewOrder order = cashOrder();
    order.channel = QStringLiteral("alipay");
    auto created = m_store->createOrder(order);
    ASSERT_TRUE(created.ok());
    auto journal =
        m_store->beginJournal(created->mchOrderNo, QStringLiteral("charge"), 1, QStringLiteral("2800**********0000"));
    ASSERT_TRUE(journal.ok());
    // Before the answer: the row exists (a crash here resumes from it) and nothing is queued yet.
    auto entries = m_store->journal(created->mchOrderNo);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 1);
    EXPECT_EQ(entries->first().outcome, QStringLiteral("PENDING"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);

    ASSERT_TRUE(m_store->settleJournal(*journal, QStringLiteral("USERPAYING")).ok());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'payment'")), 1);
    EXPECT_FALSE(m_store->settleJournal(*journal, QStringLiteral("SUCCESS")).ok());
    EXPECT_FALSE(m_store->beginJournal(QStringLiteral("NOSUCHORDER0000"), QStringLiteral("query"), 1, {}).ok());
    EXPECT_FALSE(m_store->beginJournal(created->mchOrderNo, QStringLiteral("steal"), 1, {}).ok());
}

TEST_F(OrderStoreTest, RefundRaisesTheOrdersRevisionAndSupersedesTheWaitingOne) {
    const OrderRecord sale = cashSale(5000);
    RefundRecord refund;
    refund.mchRefundNo = QStringLiteral("A00123R26030209000001");
    refund.mchOrderNo = sale.mchOrderNo;
    refund.refundFee = 1200;
    refund.status = QStringLiteral("SUCCESS");
    refund.operatorId = QStringLiteral("C1001");
    refund.authorisedBy = QStringLiteral("M88001234");
    ASSERT_TRUE(m_store->recordRefund(refund).ok());

    auto order = m_store->order(sale.mchOrderNo);
    ASSERT_TRUE(order.ok() && order->has_value());
    EXPECT_EQ((*order)->refundedFee, 1200);
    EXPECT_EQ((*order)->revision, 2);
    // Revision 1 never left: it is superseded, and revision 2 carries the refund.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'order' AND state = 'superseded'")), 1);
    EXPECT_EQ(outboxPayload(sale.recordId, 2).value(QStringLiteral("refunded_fee")).toInteger(), 1200);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'refund' AND state = 'pending'")), 1);

    // Refunds beyond what is left, a reused refund number and an unknown order are refused.
    refund.mchRefundNo = QStringLiteral("A00123R26030209000002");
    refund.refundFee = 3801;
    EXPECT_EQ(m_store->recordRefund(refund).error().code, QStringLiteral("store.invalid"));
    refund.refundFee = 100;
    refund.mchRefundNo = QStringLiteral("A00123R26030209000001");
    EXPECT_EQ(m_store->recordRefund(refund).error().code, QStringLiteral("store.invalid"));
    refund.mchOrderNo = QStringLiteral("A001230000000000009999");
    refund.mchRefundNo = QStringLiteral("A00123R26030209000003");
    EXPECT_EQ(m_store->recordRefund(refund).error().code, QStringLiteral("store.not_found"));

    // Every refund is in the audit log, and the chain holds.
    auto audit = m_store->audit().recent(10);
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->size(), 1);
    EXPECT_EQ(audit->first().action, QStringLiteral("refund"));
    EXPECT_EQ(audit->first().actor, QStringLiteral("C1001"));
    EXPECT_EQ(m_store->audit().verify().value(), 1);
}

TEST_F(OrderStoreTest, AuditLogIsAppendOnlyAndItsChainExposesTampering) {
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(m_store->audit()
                        .append(QStringLiteral("M88001234"), QStringLiteral("clerk_disable"),
                                {{QStringLiteral("employee_no"), QString::number(1000 + i)}})
                        .ok());
    }
    EXPECT_EQ(m_store->audit().verify().value(), 5);
    auto update = m_db->execute(QStringLiteral("UPDATE audit_log SET actor = 'C9999' WHERE id = 3"));
    ASSERT_FALSE(update.ok());
    EXPECT_TRUE(update.error().message.contains(QStringLiteral("append-only")));
    EXPECT_FALSE(m_db->execute(QStringLiteral("DELETE FROM audit_log WHERE id = 5")).ok());

    // Someone who drops the triggers to rewrite a row still cannot hide it.
    ASSERT_TRUE(m_db->execute(QStringLiteral("DROP TRIGGER audit_log_no_update")).ok());
    ASSERT_TRUE(
        m_db->execute(QStringLiteral("UPDATE audit_log SET detail = '{\"employee_no\":\"1\"}' WHERE id = 3")).ok());
    auto verified = m_store->audit().verify();
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code, QStringLiteral("audit.broken"));
    EXPECT_TRUE(verified.error().message.contains(QStringLiteral("row 3")));
}

TEST_F(OrderStoreTest, EventsPointsAndDeviceCallsAreQueued) {
    ASSERT_TRUE(
        m_store->recordEvent(QStringLiteral("drawer_open"), {{QStringLiteral("reason"), QStringLiteral("sale")}}).ok());
    ASSERT_TRUE(m_store
                    ->recordPoints(QStringLiteral("M880012340017"), QStringLiteral("A001232603020900000001"), 23,
                                   QStringLiteral("ACCRUE"))
                    .ok());
    ASSERT_TRUE(m_store
                    ->enqueueCall(QStringLiteral("shift_open"), {{QStringLiteral("shift_no"), QStringLiteral("S1")}},
                                  QStringLiteral("S1"))
                    .ok());
    EXPECT_EQ(m_store->recordEvent(QStringLiteral("Drawer Open!")).error().code, QStringLiteral("store.invalid"));
    EXPECT_EQ(m_store->enqueueCall(QStringLiteral("quick_pay"), {}, {}).error().code, QStringLiteral("store.invalid"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), 3);
    EXPECT_EQ(m_wakes, 3);
}

TEST_F(OrderStoreTest, BatchesAreRunsOfRecordsInOrderAndDeviceCallsGoAlone) {
    for (int i = 0; i < 5; ++i) cashSale();
    ASSERT_TRUE(m_store
                    ->enqueueCall(QStringLiteral("shift_close"), {{QStringLiteral("shift_no"), QStringLiteral("S1")}},
                                  QStringLiteral("S1"))
                    .ok());
    for (int i = 0; i < 2; ++i) cashSale();
    Outbox outbox(*m_db, m_clock);
    auto first = outbox.nextBatch(3);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 3);
    EXPECT_LT(first->at(0).id, first->at(1).id);
    QList<qint64> ids;
    for (const OutboxRow& row : *first) ids << row.id;
    ASSERT_TRUE(outbox.acknowledge(ids).ok());
    auto second = outbox.nextBatch(100);
    ASSERT_EQ(second->size(), 2);  // stops before the shift call
    ASSERT_TRUE(outbox.acknowledge({second->at(0).id, second->at(1).id}).ok());
    auto third = outbox.nextBatch(100);
    ASSERT_EQ(third->size(), 1);
    EXPECT_EQ(third->first().call, QStringLiteral("shift_close"));
    ASSERT_TRUE(outbox.acknowledge({third->first().id}).ok());
    EXPECT_EQ(outbox.nextBatch(100)->size(), 2);
}

TEST_F(OrderStoreTest, DeadLettersKeepTheirReasonAndCanBeSentAgain) {
    cashSale();
    cashSale();
    Outbox outbox(*m_db, m_clock);
    auto batch = outbox.nextBatch(10);
    ASSERT_EQ(batch->size(), 2);
    ASSERT_TRUE(
        outbox
            .markDead(batch->at(0).id, QStringLiteral("RECORD_CONFLICT"), QStringLiteral("stored with another payload"))
            .ok());
    auto snapshot = outbox.snapshot();
    ASSERT_TRUE(snapshot.ok());
    EXPECT_EQ(snapshot->pending, 1);
    EXPECT_EQ(snapshot->dead, 1);
    ASSERT_EQ(snapshot->deadLetters.size(), 1);
    EXPECT_EQ(snapshot->deadLetters.first().errCode, QStringLiteral("RECORD_CONFLICT"));
    EXPECT_EQ(snapshot->deadLetters.first().reference,
              batch->at(0).payload.value(QStringLiteral("mch_order_no")).toString());
    // Never resent automatically: the next batch skips it.
    EXPECT_EQ(outbox.nextBatch(10)->size(), 1);
    ASSERT_TRUE(outbox.requeueDead(snapshot->deadLetters.first().id).ok());
    EXPECT_EQ(outbox.nextBatch(10)->size(), 2);
    EXPECT_EQ(outbox.requeueDead(9999).error().code, QStringLiteral("store.not_found"));
}

TEST_F(OrderStoreTest, SnapshotReportsOldestPendingAndLastSuccess) {
    cashSale();
    const QDateTime first = m_clock->nowUtc();
    m_clock->advance(90s);
    cashSale();
    Outbox outbox(*m_db, m_clock);
    auto snapshot = outbox.snapshot();
    EXPECT_EQ(snapshot->pending, 2);
    EXPECT_EQ(snapshot->oldestPending, first);
    EXPECT_FALSE(snapshot->lastSuccess.isValid());
    ASSERT_TRUE(outbox.acknowledge({outbox.nextBatch(1)->first().id}).ok());
    ASSERT_TRUE(outbox.noteSuccess().ok());
    snapshot = outbox.snapshot();
    EXPECT_EQ(snapshot->pending, 1);
    EXPECT_EQ(snapshot->oldestPending, first.addSecs(90));
    EXPECT_EQ(snapshot->lastSuccess, m_clock->nowUtc());
}

TEST_F(OrderStoreTest, PurgeRemovesOnlyOldRecordsTheBackendAcknowledged) {
    const OrderRecord oldAcked = cashSale();
    const OrderRecord oldPending = cashSale();
    const OrderRecord oldDead = cashSale();
    NewOrder wallet = cashOrder();
    wallet.channel = QStringLiteral("wechat");
    auto oldUnfinished = m_store->createOrder(wallet);
    ASSERT_TRUE(oldUnfinished.ok());
    Outbox outbox(*m_db, m_clock);
    auto rows = outbox.nextBatch(10);
    ASSERT_EQ(rows->size(), 3);
    ASSERT_TRUE(outbox.acknowledge({rows->at(0).id}).ok());
    ASSERT_TRUE(outbox.markDead(rows->at(2).id, QStringLiteral("INVALID_FIELD"), QStringLiteral("bad")).ok());
    m_clock->advance(std::chrono::hours(24 * 100));
    const OrderRecord recentAcked = cashSale();
    ASSERT_TRUE(outbox.acknowledge({outbox.nextBatch(10)->last().id}).ok());

    auto report = m_store->purge(m_clock->nowUtc().addDays(-90));
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->orders, 1);
    EXPECT_EQ(report->outboxRows, 1);
    EXPECT_FALSE(m_store->order(oldAcked.mchOrderNo)->has_value());
    EXPECT_TRUE(m_store->order(oldPending.mchOrderNo)->has_value());
    EXPECT_TRUE(m_store->order(oldDead.mchOrderNo)->has_value());
    EXPECT_TRUE(m_store->order(oldUnfinished->mchOrderNo)->has_value());
    EXPECT_TRUE(m_store->order(recentAcked.mchOrderNo)->has_value());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('pending', 'dead')")), 2);
}

class FakeDisk final : public IDiskSpace {
public:
    qint64 bytes = qint64{1} << 30;
    Result<qint64> availableBytes() const override { return bytes; }
};

TEST_F(OrderStoreTest, SalesGateAppliesTheOfflineRulesAndTheDiskReserve) {
    FakeDisk disk;
    bool online = false;
    SalesLimits limits;
    limits.offlineCashMaxCount = 3;
    limits.offlineCashMaxFee = 10000;
    limits.diskReserveBytes = 64 << 20;
    SalesGate gate(*m_store, disk, limits, [&online] { return online; });

    // Offline: wallets and face pay are refused before the customer scans; cash works.
    EXPECT_EQ(gate.check(QStringLiteral("wechat"), 100).error().code, QStringLiteral("sale.offline"));
    EXPECT_EQ(gate.check(QStringLiteral("face"), 100).error().code, QStringLiteral("sale.offline"));
    EXPECT_TRUE(gate.check(QStringLiteral("cash"), 100).ok());

    // Caps on cash the backend does not have yet: count, then total.
    cashSale(2000);
    cashSale(2000);
    EXPECT_EQ(gate.check(QStringLiteral("cash"), 6001).error().code, QStringLiteral("sale.offline_cash_total"));
    EXPECT_TRUE(gate.check(QStringLiteral("cash"), 6000).ok());
    cashSale(2000);
    EXPECT_EQ(gate.check(QStringLiteral("cash"), 1).error().code, QStringLiteral("sale.offline_cash_count"));
    // Once the backend acknowledged them, they no longer count.
    Outbox outbox(*m_db, m_clock);
    QList<qint64> ids;
    for (const OutboxRow& row : *outbox.nextBatch(10)) ids << row.id;
    ASSERT_TRUE(outbox.acknowledge(ids).ok());
    EXPECT_TRUE(gate.check(QStringLiteral("cash"), 1).ok());

    online = true;
    EXPECT_TRUE(gate.check(QStringLiteral("alipay"), 100).ok());
    // Under the reserve nothing starts, whatever the channel.
    disk.bytes = (64 << 20) - 1;
    auto full = gate.check(QStringLiteral("cash"), 100);
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().code, QStringLiteral("sale.disk_full"));
    EXPECT_TRUE(full.error().message.contains(QStringLiteral("still being synced")));
}

}  // namespace
}  // namespace facepos::store

namespace facepos::store {
namespace {

TEST_F(OrderStoreTest, PagesFreedByThePurgeCountTowardsTheDiskReserve) {
    for (int i = 0; i < 300; ++i) cashSale();
    Outbox outbox(*m_db, m_clock);
    QList<qint64> ids;
    for (const OutboxRow& row : *outbox.nextBatch(1000)) ids << row.id;
    ASSERT_TRUE(outbox.acknowledge(ids).ok());
    EXPECT_EQ(m_store->reusableBytes().value(), 0);
    m_clock->advance(std::chrono::hours(24 * 100));
    ASSERT_EQ(m_store->purge(m_clock->nowUtc().addDays(-90))->orders, 300);
    const qint64 reusable = m_store->reusableBytes().value();
    EXPECT_GT(reusable, 100 * 1024);

    FakeDisk disk;
    SalesLimits limits;
    limits.diskReserveBytes = 64 << 20;
    disk.bytes = limits.diskReserveBytes - reusable / 2;  // the disk alone is under the reserve
    SalesGate gate(*m_store, disk, limits, [] { return true; });
    EXPECT_TRUE(gate.check(QStringLiteral("cash"), 100).ok());
    disk.bytes = limits.diskReserveBytes - reusable - 1;
    EXPECT_EQ(gate.check(QStringLiteral("cash"), 100).error().code, QStringLiteral("sale.disk_full"));
}

}  // namespace
}  // namespace facepos::store
