// The sync page and the status bar's sync indicator with the real QML, fed snapshots as the outbox worker sends
// them, and driven by objectName like a finger would.
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <QQuickItem>
#include <QSignalSpy>
#include <QTest>

#include "app/ui_test_support.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;
using namespace std::chrono_literals;

namespace {

class SyncPageTest : public ::testing::Test {
protected:
    QQuickWindow* show(const QString& page = QStringLiteral("SyncPage")) {
        auto created = ui.renderer->createWindow(page);
        EXPECT_TRUE(created.ok()) << (created.ok() ? "" : qPrintable(created.error().message));
        if (!created) return nullptr;
        auto frame = ui.renderer->waitForFrame(*created);
        EXPECT_TRUE(frame.ok()) << (frame.ok() ? "" : qPrintable(frame.error().message));
        window = *created;
        return window;
    }

    QObject* item(const QString& name) const { return window ? findByName(window, name) : nullptr; }

    QString textOf(const QString& name) const {
        QObject* object = item(name);
        return object ? object->property("text").toString() : QStringLiteral("<no item %1>").arg(name);
    }

    bool isVisible(const QString& name) const {
        auto* quickItem = qobject_cast<QQuickItem*>(item(name));
        return quickItem && quickItem->isVisible();
    }

    bool isEnabled(const QString& name) const {
        auto* quickItem = qobject_cast<QQuickItem*>(item(name));
        return quickItem && quickItem->isEnabled();
    }

    // Twelve records left of sixteen, the oldest made three minutes ago, the last batch accepted a minute ago.
    store::SyncSnapshot draining() const {
        store::SyncSnapshot snapshot;
        snapshot.pending = 12;
        snapshot.drainTotal = 16;
        snapshot.draining = true;
        snapshot.oldestPending = ui.syncClock->nowUtc().addSecs(-180);
        snapshot.lastSuccess = ui.syncClock->nowUtc().addSecs(-60);
        return snapshot;
    }

    static store::DeadLetter deadLetter(qint64 id, const QString& reference, const QString& code) {
        store::DeadLetter letter;
        letter.id = id;
        letter.call = QStringLiteral("sync_upload");
        letter.kind = QStringLiteral("order");
        letter.recordId = QStringLiteral("5d0b3c1e-8f55-4c8a-9d2f-0c7a4e1b2a%1").arg(id, 2, 10, QLatin1Char('0'));
        letter.reference = reference;
        letter.errCode = code;
        letter.message = QStringLiteral("revision 1 of this record differs from the one stored");
        letter.deadAt = QDateTime(QDate(2026, 11, 23), QTime(10, 15), Qt::UTC);
        return letter;
    }

    UiHarness ui;
    QQuickWindow* window = nullptr;
};

}  // namespace

TEST_F(SyncPageTest, EmptyOutboxRendersWithoutAWorker) {
    ASSERT_TRUE(show());

    EXPECT_EQ(textOf(QStringLiteral("syncPendingCount")), QStringLiteral("0 条记录"));
    EXPECT_EQ(textOf(QStringLiteral("syncOldestAge")), QStringLiteral("—"));
    EXPECT_EQ(textOf(QStringLiteral("syncLastSuccess")), QStringLiteral("尚未同步"));
    EXPECT_FALSE(isVisible(QStringLiteral("syncProgress")));
    EXPECT_FALSE(isVisible(QStringLiteral("syncOfflineNotice")));
    EXPECT_FALSE(isVisible(QStringLiteral("syncLastError")));
    EXPECT_TRUE(isVisible(QStringLiteral("deadLetterEmpty")));
    EXPECT_TRUE(isEnabled(QStringLiteral("syncNowButton")));
}

TEST_F(SyncPageTest, DrainingShowsTheProgressBarWithTheShareDelivered) {
    ASSERT_TRUE(show());

    ui.syncStatus.setSnapshot(draining());

    EXPECT_TRUE(isVisible(QStringLiteral("syncProgress")));
    EXPECT_DOUBLE_EQ(item(QStringLiteral("syncProgress"))->property("value").toDouble(), 0.25);
    EXPECT_EQ(textOf(QStringLiteral("syncProgressText")), QStringLiteral("已完成 25%"));
    EXPECT_EQ(textOf(QStringLiteral("syncPendingCount")), QStringLiteral("12 条记录"));
    EXPECT_EQ(textOf(QStringLiteral("syncOldestAge")), QStringLiteral("3 分钟"));
    EXPECT_EQ(textOf(QStringLiteral("syncState")), QStringLiteral("正在上传…"));
    // A round is already running.
    EXPECT_FALSE(isEnabled(QStringLiteral("syncNowButton")));

    store::SyncSnapshot done;
    done.lastSuccess = ui.syncClock->nowUtc();
    ui.syncStatus.setSnapshot(done);

    EXPECT_FALSE(isVisible(QStringLiteral("syncProgress")));
    EXPECT_EQ(textOf(QStringLiteral("syncState")), QStringLiteral("全部记录已上传。"));
}

TEST_F(SyncPageTest, AgeOfTheOldestRecordMovesOnWithTheClock) {
    ASSERT_TRUE(show());
    store::SyncSnapshot snapshot = draining();
    snapshot.oldestPending = ui.syncClock->nowUtc().addSecs(-50);
    ui.syncStatus.setSnapshot(snapshot);
    EXPECT_EQ(textOf(QStringLiteral("syncOldestAge")), QStringLiteral("50 秒"));

    // No new snapshot: the page's once-a-second tick alone brings the new age.
    ui.syncClock->advance(2h);

    EXPECT_TRUE(
        QTest::qWaitFor([this] { return textOf(QStringLiteral("syncOldestAge")) == QStringLiteral("2 小时"); }, 3000))
        << qPrintable(textOf(QStringLiteral("syncOldestAge")));
}

TEST_F(SyncPageTest, SyncNowButtonAsksTheWorkerForARound) {
    ASSERT_TRUE(show());
    QSignalSpy requested(&ui.syncStatus, &SyncStatus::syncNowRequested);

    ASSERT_TRUE(tap(window, QStringLiteral("syncNowButton")));

    EXPECT_EQ(requested.count(), 1);
}

TEST_F(SyncPageTest, DeadLettersAreListedAndEachCanBeSentAgain) {
    ASSERT_TRUE(show());
    store::SyncSnapshot snapshot;
    snapshot.dead = 2;
    snapshot.deadLetters << deadLetter(42, QStringLiteral("A00123261123153012000"), QStringLiteral("RECORD_CONFLICT"))
                         << deadLetter(43, QStringLiteral("A00123261123153512000"), QStringLiteral("MISSING_FIELD"));
    QSignalSpy sendAgain(&ui.syncStatus, &SyncStatus::sendAgainRequested);

    ui.syncStatus.setSnapshot(snapshot);

    ASSERT_TRUE(QTest::qWaitFor([this] { return item(QStringLiteral("deadLetter_43")) != nullptr; }, 3000));
    EXPECT_EQ(item(QStringLiteral("deadLetterList"))->property("count").toInt(), 2);
    EXPECT_FALSE(isVisible(QStringLiteral("deadLetterEmpty")));
    EXPECT_EQ(textOf(QStringLiteral("deadLetterTitle")), QStringLiteral("后台拒收的记录（2）"));
    EXPECT_EQ(textOf(QStringLiteral("deadLetterReference_42")), QStringLiteral("订单 · A00123261123153012000"));
    EXPECT_EQ(textOf(QStringLiteral("deadLetterCode_42")), QStringLiteral("RECORD_CONFLICT"));
    EXPECT_EQ(textOf(QStringLiteral("deadLetterReason_42")),
              QStringLiteral("revision 1 of this record differs from the one stored"));
    EXPECT_EQ(textOf(QStringLiteral("deadLetterTime_42")),
              snapshot.deadLetters.first().deadAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    EXPECT_EQ(textOf(QStringLiteral("deadLetterCode_43")), QStringLiteral("MISSING_FIELD"));

    ASSERT_TRUE(tap(window, QStringLiteral("sendAgain_43")));

    ASSERT_EQ(sendAgain.count(), 1);
    EXPECT_EQ(sendAgain.first().first().toLongLong(), 43);
}

TEST_F(SyncPageTest, OfflineSaysCashStillWorksAndWalletAndFacePayNeedTheNetwork) {
    ASSERT_TRUE(show());
    store::SyncSnapshot snapshot = draining();
    snapshot.draining = false;
    snapshot.online = false;

    ui.syncStatus.setSnapshot(snapshot);

    EXPECT_TRUE(isVisible(QStringLiteral("syncOfflineNotice")));
    const QString notice = textOf(QStringLiteral("syncOfflineText"));
    EXPECT_TRUE(notice.contains(QStringLiteral("现金收款照常可用"))) << qPrintable(notice);
    EXPECT_TRUE(notice.contains(QStringLiteral("刷脸支付需要网络"))) << qPrintable(notice);
    EXPECT_FALSE(isEnabled(QStringLiteral("syncNowButton")));
    EXPECT_EQ(textOf(QStringLiteral("statusSync")), QStringLiteral("离线：12 条记录待同步"));

    ASSERT_TRUE(ui.language.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    EXPECT_TRUE(
        textOf(QStringLiteral("syncOfflineText")).startsWith(QStringLiteral("No network. Cash sales still work")));
}

TEST_F(SyncPageTest, FailedAttemptShowsTheReasonAndWhenItIsTriedAgain) {
    ASSERT_TRUE(show());
    store::SyncSnapshot snapshot = draining();
    snapshot.draining = false;
    snapshot.lastError = QStringLiteral("HTTP 503 from the backend");
    snapshot.nextAttempt = QDateTime(QDate(2026, 11, 23), QTime(10, 20, 30), Qt::UTC);

    ui.syncStatus.setSnapshot(snapshot);

    EXPECT_EQ(textOf(QStringLiteral("syncState")), QStringLiteral("上次上传失败，终端会自动重试。"));
    EXPECT_EQ(textOf(QStringLiteral("syncLastError")), QStringLiteral("原因：HTTP 503 from the backend"));
    EXPECT_EQ(textOf(QStringLiteral("syncNextAttempt")),
              QStringLiteral("下次尝试：") + snapshot.nextAttempt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    EXPECT_TRUE(isEnabled(QStringLiteral("syncNowButton")));
}

TEST_F(SyncPageTest, StatusBarFollowsTheOutbox) {
    ASSERT_TRUE(show(QStringLiteral("HomePage")));
    EXPECT_EQ(textOf(QStringLiteral("statusSync")), QStringLiteral("已全部同步"));
    EXPECT_FALSE(isVisible(QStringLiteral("statusSyncDead")));

    store::SyncSnapshot snapshot = draining();
    ui.syncStatus.setSnapshot(snapshot);
    EXPECT_EQ(textOf(QStringLiteral("statusSync")), QStringLiteral("正在同步 12 条记录…"));

    snapshot.draining = false;
    snapshot.dead = 1;
    snapshot.deadLetters << deadLetter(7, QStringLiteral("A00123261123153012000"), QStringLiteral("RECORD_CONFLICT"));
    ui.syncStatus.setSnapshot(snapshot);
    EXPECT_EQ(textOf(QStringLiteral("statusSync")), QStringLiteral("12 条记录待同步"));
    EXPECT_TRUE(isVisible(QStringLiteral("statusSyncDead")));
    EXPECT_EQ(textOf(QStringLiteral("statusSyncDead")), QStringLiteral("1 条被拒收"));
}

TEST_F(SyncPageTest, TappingTheSyncIndicatorOpensTheSyncPageOnce) {
    ASSERT_TRUE(show(QStringLiteral("HomePage")));
    QObject* stack = item(QStringLiteral("pageStack"));
    ASSERT_TRUE(stack);

    ASSERT_TRUE(tap(window, QStringLiteral("statusSyncArea")));
    ASSERT_TRUE(QTest::qWaitFor([this] { return item(QStringLiteral("syncPage")) != nullptr; }, 3000));
    ASSERT_TRUE(tap(window, QStringLiteral("statusSyncArea")));

    EXPECT_EQ(stack->property("depth").toInt(), 2);
    ASSERT_TRUE(tap(window, QStringLiteral("backButton")));
    EXPECT_TRUE(QTest::qWaitFor([stack] { return stack->property("depth").toInt() == 1; }, 3000));
}

TEST_F(SyncPageTest, SettingsLeadToTheSyncPage) {
    ASSERT_TRUE(show(QStringLiteral("SettingsPage")));

    ASSERT_TRUE(tap(window, QStringLiteral("openSync")));

    EXPECT_TRUE(QTest::qWaitFor([this] { return item(QStringLiteral("syncPage")) != nullptr; }, 3000));
}
