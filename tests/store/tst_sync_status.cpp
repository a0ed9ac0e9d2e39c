// SyncStatus, the outbox as QML sees it: progress while draining, the age of the oldest pending record ticking on
// the clock it was given, and dead letters as plain maps.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTimer>

#include "app/sync_status.h"
#include "platform/manual_clock.h"

using namespace facepos;
using namespace std::chrono_literals;

namespace {

class SyncStatusTest : public ::testing::Test {
protected:
    store::SyncSnapshot pendingSince(int pending, std::chrono::seconds ago) const {
        store::SyncSnapshot snapshot;
        snapshot.pending = pending;
        snapshot.oldestPending = clock->nowUtc().addSecs(-ago.count());
        return snapshot;
    }

    QTimer* ageTimer() const { return status.findChild<QTimer*>(); }

    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    SyncStatus status{clock};
};

}  // namespace

TEST_F(SyncStatusTest, EmptyOutboxShowsNothingPendingAndNoProgress) {
    EXPECT_EQ(status.pending(), 0);
    EXPECT_EQ(status.dead(), 0);
    EXPECT_EQ(status.oldestPendingAgeSeconds(), 0);
    EXPECT_FALSE(status.lastSuccess().isValid());
    EXPECT_FALSE(status.draining());
    EXPECT_DOUBLE_EQ(status.progress(), 0.0);
    EXPECT_TRUE(status.online());
    EXPECT_TRUE(status.deadLetters().isEmpty());
    ASSERT_TRUE(ageTimer());
    EXPECT_FALSE(ageTimer()->isActive());
}

TEST_F(SyncStatusTest, ProgressIsTheShareOfTheDrainAlreadyDelivered) {
    store::SyncSnapshot snapshot = pendingSince(12, 60s);
    snapshot.draining = true;
    snapshot.drainTotal = 16;
    status.setSnapshot(snapshot);
    EXPECT_DOUBLE_EQ(status.progress(), 0.25);

    snapshot.pending = 0;
    status.setSnapshot(snapshot);
    EXPECT_DOUBLE_EQ(status.progress(), 1.0);
}

TEST_F(SyncStatusTest, ProgressStaysWithinZeroAndOne) {
    // Rows added during the drain: more pending than when it started.
    store::SyncSnapshot snapshot = pendingSince(20, 60s);
    snapshot.draining = true;
    snapshot.drainTotal = 16;
    status.setSnapshot(snapshot);
    EXPECT_DOUBLE_EQ(status.progress(), 0.0);

    snapshot.drainTotal = 0;
    status.setSnapshot(snapshot);
    EXPECT_DOUBLE_EQ(status.progress(), 0.0);
}

TEST_F(SyncStatusTest, NoProgressWhenNotDraining) {
    store::SyncSnapshot snapshot = pendingSince(4, 60s);
    snapshot.drainTotal = 16;
    status.setSnapshot(snapshot);
    EXPECT_DOUBLE_EQ(status.progress(), 0.0);
}

TEST_F(SyncStatusTest, EverySnapshotAnnouncesItself) {
    QSignalSpy changed(&status, &SyncStatus::changed);
    QSignalSpy age(&status, &SyncStatus::ageChanged);

    status.setSnapshot(pendingSince(3, 10s));

    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(age.count(), 1);
    EXPECT_EQ(status.pending(), 3);
}

TEST_F(SyncStatusTest, AgeFollowsTheClockAndTicksEverySecondWhilePending) {
    status.setSnapshot(pendingSince(2, 180s));
    EXPECT_EQ(status.oldestPendingAgeSeconds(), 180);
    ASSERT_TRUE(ageTimer());
    EXPECT_TRUE(ageTimer()->isActive());
    EXPECT_EQ(ageTimer()->interval(), 1000);

    QSignalSpy age(&status, &SyncStatus::ageChanged);
    clock->advance(5s);
    // The QML binding reads the age again when the timer says so.
    ASSERT_TRUE(age.wait(3000));
    EXPECT_EQ(status.oldestPendingAgeSeconds(), 185);
}

TEST_F(SyncStatusTest, AgeTimerStopsWhenNothingIsPending) {
    status.setSnapshot(pendingSince(2, 30s));
    ASSERT_TRUE(ageTimer()->isActive());

    status.setSnapshot(store::SyncSnapshot{});

    EXPECT_FALSE(ageTimer()->isActive());
    EXPECT_EQ(status.oldestPendingAgeSeconds(), 0);
}

TEST_F(SyncStatusTest, WallClockSetBackNeverShowsANegativeAge) {
    status.setSnapshot(pendingSince(1, 10s));
    clock->setNowUtc(clock->nowUtc().addSecs(-3600));
    EXPECT_EQ(status.oldestPendingAgeSeconds(), 0);
}

TEST_F(SyncStatusTest, DeadLettersBecomeMapsQmlCanRead) {
    store::SyncSnapshot snapshot;
    snapshot.dead = 1;
    store::DeadLetter letter;
    letter.id = 42;
    letter.call = QStringLiteral("sync_upload");
    letter.kind = QStringLiteral("order");
    letter.recordId = QStringLiteral("5d0b3c1e-8f55-4c8a-9d2f-0c7a4e1b2a10");
    letter.reference = QStringLiteral("202611230001");
    letter.errCode = QStringLiteral("RECORD_CONFLICT");
    letter.message = QStringLiteral("revision 1 differs from the stored one");
    letter.deadAt = clock->nowUtc();
    snapshot.deadLetters << letter;

    status.setSnapshot(snapshot);

    ASSERT_EQ(status.deadLetters().size(), 1);
    const QVariantMap map = status.deadLetters().first().toMap();
    EXPECT_EQ(map.value(QStringLiteral("id")).toLongLong(), 42);
    EXPECT_EQ(map.value(QStringLiteral("call")).toString(), letter.call);
    EXPECT_EQ(map.value(QStringLiteral("kind")).toString(), letter.kind);
    EXPECT_EQ(map.value(QStringLiteral("recordId")).toString(), letter.recordId);
    EXPECT_EQ(map.value(QStringLiteral("reference")).toString(), letter.reference);
    EXPECT_EQ(map.value(QStringLiteral("errCode")).toString(), letter.errCode);
    EXPECT_EQ(map.value(QStringLiteral("message")).toString(), letter.message);
    EXPECT_EQ(map.value(QStringLiteral("deadAt")).toDateTime(), letter.deadAt);
}

TEST_F(SyncStatusTest, SyncNowAndSendAgainAreForwardedAsRequests) {
    QSignalSpy syncNow(&status, &SyncStatus::syncNowRequested);
    QSignalSpy sendAgain(&status, &SyncStatus::sendAgainRequested);

    status.syncNow();
    status.sendAgain(42);

    EXPECT_EQ(syncNow.count(), 1);
    ASSERT_EQ(sendAgain.count(), 1);
    EXPECT_EQ(sendAgain.first().first().toLongLong(), 42);
}
