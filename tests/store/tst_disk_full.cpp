// Issue 4: "Disk full: keep a reserve; when free space falls under it, refuse new sales with a clear message while
// syncing continues. The database is never corrupted by a full disk."
//
// The disk is the quota VFS (tests/support/test_vfs.h): writes that would take the database's files over the quota
// fail with SQLITE_FULL, as on a full file system, and raising the quota frees space again. The sync worker's side
// is an Outbox on a second connection through the same VFS, as SyncService has.
#include <gtest/gtest.h>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <utility>

#include "app/app_schema.h"
#include "app/store/order_store.h"
#include "app/store/outbox.h"
#include "app/store/sales_gate.h"
#include "platform/database.h"
#include "platform/manual_clock.h"
#include "support/test_vfs.h"

QT_BEGIN_NAMESPACE
// Lets GoogleTest print QStrings in failure messages.
inline void PrintTo(const QString& text, std::ostream* os) {
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace facepos::store {
namespace {

using namespace std::chrono_literals;
using test::QuotaVfs;

constexpr char kOperator[] = "M88001234";

// Unwraps a Result a test depends on; a failure surfaces as the test's exception, with the error's message.
template <typename T>
T require(Result<T> result) {
    if (!result.ok()) {
        throw std::runtime_error((result.error().code + QStringLiteral(": ") + result.error().message).toStdString());
    }
    return std::move(result).value();
}

DatabaseOptions terminalDatabase(QByteArray vfs = {}) {
    DatabaseOptions options;
    options.migrations = appMigrations();
    options.vfs = std::move(vfs);
    return options;
}

NewOrder cashOrder(qint64 totalFee) {
    NewOrder order;
    order.channel = QStringLiteral("cash");
    order.totalFee = totalFee;
    order.operatorId = QString::fromLatin1(kOperator);
    order.note = QStringLiteral("table 12, two coffees and a cake");
    return order;
}

qint64 scalar(Database& db, const QString& sql) {
    return require(db.queryInt64(sql)).value_or(-1);
}

QString integrity(Database& db) {
    return require(db.queryText(QStringLiteral("PRAGMA integrity_check"))).value_or(QStringLiteral("(no answer)"));
}

// Free space as the quota VFS sees it: what the sales gate would read from the file system the database is on.
class QuotaDiskSpace final : public IDiskSpace {
public:
    explicit QuotaDiskSpace(QString databasePath) : m_path(std::move(databasePath)) {}
    Result<qint64> availableBytes() const override {
        return std::max<qint64>(QuotaVfs::quotaBytes() - QuotaVfs::usedBytes(m_path), 0);
    }

private:
    QString m_path;
};

class FixedDiskSpace final : public IDiskSpace {
public:
    Result<qint64> availableBytes() const override { return bytes; }
    qint64 bytes = 0;
};

class DiskFullTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        QuotaVfs::install();
        QuotaVfs::setQuotaBytes(-1);
        QuotaVfs::resetRefusals();
        m_path = m_dir.filePath(QStringLiteral("facepos.db"));
        m_db.emplace(require(Database::open(m_path, terminalDatabase(QuotaVfs::name()))));
        m_store = require(OrderStore::open(*m_db, m_clock, storeOptions()));
    }
    void TearDown() override {
        m_store.reset();
        m_db.reset();
        QuotaVfs::setQuotaBytes(-1);
    }

    OrderStoreOptions storeOptions() const {
        OrderStoreOptions options;
        options.deviceTag = QStringLiteral("A00123");
        options.sequenceFile = m_dir.filePath(QStringLiteral("order-sequence"));
        return options;
    }

    Result<OrderRecord> sell(qint64 fee) {
        m_clock->advance(1s);
        return m_store->recordCashSale(cashOrder(fee), CashTender{fee});
    }

    // Sales until the WAL has reached its steady size: SQLite checkpoints it at 1000 pages (about 4 MiB) and then
    // writes it again from the start, so from there on what fills the disk is the growth of the database itself, as
    // on a terminal in service. (On a new file each sale first adds some 40 KiB of WAL frames.)
    QStringList warmUp() {
        QStringList sold;
        for (int i = 0; i < 150; ++i) sold << require(sell(500 + i)).mchOrderNo;
        return sold;
    }

    // Sells until a sale fails; returns the numbers of the sales that succeeded and the failure.
    std::pair<QStringList, Error> sellUntilFull(int limit = 10000) {
        QStringList sold;
        for (int i = 0; i < limit; ++i) {
            auto sale = sell(1000 + i);
            if (!sale) return {sold, sale.error()};
            sold << sale->mchOrderNo;
        }
        ADD_FAILURE() << "the disk never filled";
        return {sold, Error{}};
    }

    void expectOrdersIntact(const QStringList& numbers) {
        EXPECT_EQ(require(m_store->orderCount()), numbers.size());
        for (const QString& no : numbers) {
            const std::optional<OrderRecord> order = require(m_store->order(no));
            ASSERT_TRUE(order.has_value()) << no.toStdString();
            EXPECT_EQ(order->status, OrderStatus::Paid) << no.toStdString();
        }
        // Each with its outbox row, and no row or order left behind by the sale the full disk refused.
        EXPECT_EQ(scalar(*m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'order'")), numbers.size());
        EXPECT_EQ(integrity(*m_db), QStringLiteral("ok"));
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>();
    std::optional<Database> m_db;
    std::unique_ptr<OrderStore> m_store;
};

TEST_F(DiskFullTest, FullDiskRefusesTheSaleAsDbFullAndKeepsEveryEarlierOrderIntact) {
    // GIVEN a terminal in service, then a disk with 64 KiB left
    QStringList sold = warmUp();
    QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(m_path) + 64 * 1024);

    // WHEN sales go on until the disk is full
    auto [more, error] = sellUntilFull();
    sold << more;

    // THEN the failing sale reports the full disk, and everything saved before is there, intact
    EXPECT_EQ(error.code, QStringLiteral("db.full")) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("disk is full"))) << error.message.toStdString();
    EXPECT_GT(QuotaVfs::refusedWrites(), 0);
    expectOrdersIntact(sold);
    std::printf("%lld sales fitted into 64 KiB\n", static_cast<long long>(more.size()));

    // AND a second refused sale changes nothing either
    EXPECT_EQ(sell(777).error().code, QStringLiteral("db.full"));
    expectOrdersIntact(sold);

    // AND the file opens cleanly through the ordinary VFS
    m_store.reset();
    m_db.reset();
    Database reopened = require(Database::open(m_path, terminalDatabase()));
    EXPECT_EQ(integrity(reopened), QStringLiteral("ok"));
    EXPECT_EQ(scalar(reopened, QStringLiteral("SELECT count(*) FROM orders")), sold.size());
}

TEST_F(DiskFullTest, SalesResumeOnTheSameConnectionOnceSpaceIsFreed) {
    QStringList sold = warmUp();
    QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(m_path) + 32 * 1024);
    auto [more, error] = sellUntilFull();
    sold << more;
    ASSERT_EQ(error.code, QStringLiteral("db.full"));

    QuotaVfs::setQuotaBytes(-1);

    auto sale = sell(4200);
    ASSERT_TRUE(sale.ok()) << sale.error().message.toStdString();
    sold << sale->mchOrderNo;
    expectOrdersIntact(sold);
}

// What the sync worker does on a completely full disk (not one byte left), reported as it is. Acknowledging is an
// UPDATE, which in WAL mode writes the changed pages to the WAL. The first batches may still go through: they reuse
// WAL space already allocated (the frames of the sale the full disk refused, or a WAL that SQLite writes again from
// its start). Once that is used up, a batch fails as "db.full" and changes nothing. With a little room, what the
// reserve keeps back, the rest goes through on the same connection.
TEST_F(DiskFullTest, AcknowledgingOnACompletelyFullDiskFailsCleanlyAndGoesOnWithALittleRoom) {
    QStringList sold = warmUp();
    QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(m_path) + 64 * 1024);
    auto [more, error] = sellUntilFull();
    sold << more;
    ASSERT_EQ(error.code, QStringLiteral("db.full"));
    QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(m_path));  // not one byte left

    Database syncDb = require(Database::open(m_path, terminalDatabase(QuotaVfs::name())));
    Outbox outbox(syncDb, m_clock);
    auto drain = [&outbox](int& acknowledged) -> Result<void> {
        while (true) {
            const QList<OutboxRow> batch = require(outbox.nextBatch(50));
            if (batch.isEmpty()) return {};
            QList<qint64> ids;
            for (const OutboxRow& row : batch) ids << row.id;
            if (auto acked = outbox.acknowledge(ids); !acked) return acked;
            acknowledged += static_cast<int>(ids.size());
        }
    };

    int acknowledged = 0;
    const Result<void> onFullDisk = drain(acknowledged);
    std::printf("with no byte free, %d of %lld rows were acknowledged, then: %s\n", acknowledged,
                static_cast<long long>(sold.size()), onFullDisk.ok() ? "done" : qPrintable(onFullDisk.error().code));
    ASSERT_FALSE(onFullDisk.ok()) << "the whole outbox fitted into reused space; the test proves nothing";
    EXPECT_EQ(onFullDisk.error().code, QStringLiteral("db.full"));
    EXPECT_EQ(require(outbox.snapshot()).pending, sold.size() - acknowledged) << "the failed batch changed rows";
    EXPECT_EQ(integrity(syncDb), QStringLiteral("ok"));
    expectOrdersIntact(sold);

    // WHEN a little room is left
    QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(m_path) + 64 * 1024);

    // THEN the rest is acknowledged
    const Result<void> withRoom = drain(acknowledged);
    ASSERT_TRUE(withRoom.ok()) << withRoom.error().message.toStdString();
    EXPECT_EQ(acknowledged, sold.size());
    EXPECT_EQ(require(outbox.snapshot()).pending, 0);
    EXPECT_EQ(integrity(syncDb), QStringLiteral("ok"));
}

// The reserve at work: the gate refuses sales while some space is left, the sales that passed it all fit, and the
// sync worker's acknowledgements use the space kept back.
TEST_F(DiskFullTest, ReserveStopsSalesBeforeTheDiskIsFullAndLeavesRoomToSync) {
    // GIVEN a terminal in service on a disk with 512 KiB left, 256 KiB of it kept in reserve
    constexpr qint64 kReserve = 256 * 1024;
    QStringList sold = warmUp();
    QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(m_path) + 512 * 1024);
    QuotaDiskSpace disk(m_path);
    SalesLimits limits;
    limits.diskReserveBytes = kReserve;
    limits.offlineCashMaxCount = 100000;
    limits.offlineCashMaxFee = 1000000000;
    SalesGate gate(*m_store, disk, limits, [] { return true; });

    // WHEN the till sells while the gate lets it
    const qsizetype before = sold.size();
    Result<void> allowed;
    for (int i = 0; i < 10000; ++i) {
        allowed = gate.check(QStringLiteral("cash"), 1000);
        if (!allowed) break;
        auto sale = sell(1000 + i);
        ASSERT_TRUE(sale.ok()) << "a sale the gate allowed failed: " << sale.error().code.toStdString();
        sold << sale->mchOrderNo;
    }

    // THEN the gate stops them, with the code the UI words the cashier's message from, before the disk is full
    ASSERT_FALSE(allowed.ok());
    EXPECT_EQ(allowed.error().code, QStringLiteral("sale.disk_full"));
    EXPECT_EQ(QuotaVfs::refusedWrites(), 0);
    EXPECT_EQ(gate.check(QStringLiteral("wechat"), 1000).error().code, QStringLiteral("sale.disk_full"));

    // AND the sync worker, on its own connection, acknowledges every pending row within the reserve
    Database syncDb = require(Database::open(m_path, terminalDatabase(QuotaVfs::name())));
    Outbox outbox(syncDb, m_clock);
    int acknowledged = 0;
    while (true) {
        const QList<OutboxRow> batch = require(outbox.nextBatch(50));
        if (batch.isEmpty()) break;
        QList<qint64> ids;
        for (const OutboxRow& row : batch) ids << row.id;
        auto acked = outbox.acknowledge(ids);
        ASSERT_TRUE(acked.ok()) << "after " << acknowledged << " of " << sold.size()
                                << " rows: " << acked.error().code.toStdString() << ": "
                                << acked.error().message.toStdString();
        acknowledged += static_cast<int>(ids.size());
    }
    EXPECT_EQ(acknowledged, sold.size());
    EXPECT_EQ(require(outbox.snapshot()).pending, 0);
    EXPECT_EQ(QuotaVfs::refusedWrites(), 0);
    EXPECT_EQ(integrity(syncDb), QStringLiteral("ok"));
    std::printf("%lld sales passed the gate; %d rows acknowledged; %lld bytes free at the end\n",
                static_cast<long long>(sold.size() - before), acknowledged,
                static_cast<long long>(*disk.availableBytes()));
}

class SalesGateDiskTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_db.emplace(require(Database::open(m_dir.filePath(QStringLiteral("facepos.db")), terminalDatabase())));
        OrderStoreOptions options;
        options.deviceTag = QStringLiteral("A00123");
        options.sequenceFile = m_dir.filePath(QStringLiteral("order-sequence"));
        m_store = require(OrderStore::open(*m_db, std::make_shared<ManualClock>(), options));
        m_limits.diskReserveBytes = 64LL << 20;
    }

    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    std::unique_ptr<OrderStore> m_store;
    FixedDiskSpace m_disk;
    SalesLimits m_limits;
};

TEST_F(SalesGateDiskTest, BelowTheReserveEverySaleIsRefusedAsDiskFull) {
    m_disk.bytes = (64LL << 20) - 1;
    SalesGate gate(*m_store, m_disk, m_limits, [] { return true; });

    for (const QString& channel : {QStringLiteral("cash"), QStringLiteral("wechat"), QStringLiteral("face")}) {
        auto checked = gate.check(channel, 1000);
        ASSERT_FALSE(checked.ok()) << channel.toStdString();
        EXPECT_EQ(checked.error().code, QStringLiteral("sale.disk_full")) << channel.toStdString();
        EXPECT_FALSE(checked.error().message.isEmpty());
    }
}

TEST_F(SalesGateDiskTest, AtOrAboveTheReserveSalesAreAllowed) {
    SalesGate gate(*m_store, m_disk, m_limits, [] { return true; });

    m_disk.bytes = 64LL << 20;
    EXPECT_TRUE(gate.check(QStringLiteral("cash"), 1000).ok());
    m_disk.bytes = 10LL << 30;
    EXPECT_TRUE(gate.check(QStringLiteral("wechat"), 1000).ok());
}

TEST_F(SalesGateDiskTest, DiskFullWinsOverOfflineSoTheCashierIsToldTheRealReason) {
    m_disk.bytes = 1024;
    SalesGate gate(*m_store, m_disk, m_limits, [] { return false; });

    EXPECT_EQ(gate.check(QStringLiteral("wechat"), 1000).error().code, QStringLiteral("sale.disk_full"));
    EXPECT_EQ(gate.check(QStringLiteral("cash"), 1000).error().code, QStringLiteral("sale.disk_full"));
}

}  // namespace
}  // namespace facepos::store
