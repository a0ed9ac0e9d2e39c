#include <gtest/gtest.h>

#include "platform/manual_clock.h"
#include "platform/system_clock.h"

using namespace facepos;
using namespace std::chrono_literals;

TEST(ManualClock, AdvanceMovesWallAndMonotonicTimeTogether) {
    ManualClock clock;
    const QDateTime wall = clock.nowUtc();
    const auto steady = clock.steadyNow();

    clock.advance(1500ms);

    EXPECT_EQ(clock.nowUtc(), wall.addMSecs(1500));
    EXPECT_EQ(clock.steadyNow() - steady, 1500ms);
}

TEST(ManualClock, SettingWallClockLeavesMonotonicTimeAlone) {
    ManualClock clock;
    const auto steady = clock.steadyNow();

    clock.setNowUtc(QDateTime(QDate(2030, 5, 1), QTime(12, 0), Qt::UTC));

    EXPECT_EQ(clock.nowUtc().date(), QDate(2030, 5, 1));
    EXPECT_EQ(clock.steadyNow(), steady);
}

TEST(SystemClock, ReportsUtcAndMonotonicTime) {
    SystemClock clock;
    const auto a = clock.steadyNow();
    const auto b = clock.steadyNow();
    EXPECT_LE(a, b);
    EXPECT_EQ(clock.nowUtc().timeSpec(), Qt::UTC);
    EXPECT_LE(qAbs(clock.nowUtc().secsTo(QDateTime::currentDateTimeUtc())), 1);
}
