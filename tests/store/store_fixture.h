#pragma once

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <memory>
#include <optional>

#include "app/app_schema.h"
#include "app/store/order_store.h"
#include "platform/database.h"
#include "platform/manual_clock.h"

namespace facepos::store {

// The terminal database's options, as the application opens it.
inline DatabaseOptions terminalDatabaseOptions() {
    DatabaseOptions o;
    o.migrations = appMigrations();
    return o;
}

// A cash sale by clerk C1001 in an open shift.
inline NewOrder cashOrder(qint64 fee = 1300) {
    NewOrder o;
    o.channel = QStringLiteral("cash");
    o.totalFee = fee;
    o.operatorId = QStringLiteral("C1001");
    o.shiftNo = QStringLiteral("A00123-S2603020900");
    return o;
}

// A terminal database on disk in a temporary directory, migrated, with an OrderStore for the device tag A00123 and a
// ManualClock (2026-03-02 09:00 UTC).
class StoreFixture : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_clock = std::make_shared<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        reopen();
    }

    QString dbPath() const { return m_dir.filePath(QStringLiteral("facepos.db")); }
    QString sequencePath() const { return m_dir.filePath(QStringLiteral("order-sequence")); }

    // Closes and opens the database and the store again, as a restart does.
    void reopen() {
        m_store.reset();
        m_db.reset();
        auto db = Database::open(dbPath(), terminalDatabaseOptions());
        ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
        m_db.emplace(std::move(db).value());
        OrderStoreOptions storeOptions;
        storeOptions.deviceTag = QStringLiteral("A00123");
        storeOptions.sequenceFile = sequencePath();
        storeOptions.onEnqueued = [this] { ++m_wakes; };
        auto store = OrderStore::open(*m_db, m_clock, storeOptions);
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        m_store = std::move(store).value();
    }

    OrderRecord cashSale(qint64 fee = 1300) {
        auto sale = m_store->recordCashSale(cashOrder(fee), CashTender{fee});
        EXPECT_TRUE(sale.ok()) << sale.error().message.toStdString();
        return sale.ok() ? sale.value() : OrderRecord{};
    }

    qint64 count(const QString& sql) {
        auto n = m_db->queryInt64(sql);
        EXPECT_TRUE(n.ok()) << n.error().message.toStdString();
        return n.ok() ? n->value_or(0) : -1;
    }

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::optional<Database> m_db;
    std::unique_ptr<OrderStore> m_store;
    int m_wakes = 0;
};

}  // namespace facepos::store
