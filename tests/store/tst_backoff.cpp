#include <gtest/gtest.h>

#include <set>

#include "app/store/backoff.h"

using namespace std::chrono_literals;
using facepos::store::Backoff;

TEST(Backoff, DoublesFromOneSecondUpToFiveMinutesWithoutJitter) {
    Backoff backoff(1s, 5min, [] { return 0.5; });  // 0.5: the middle of the ±25 % band, no scatter
    const std::chrono::milliseconds expected[] = {1s, 2s, 4s, 8s, 16s, 32s, 64s, 128s, 256s, 300s, 300s};
    for (const auto& wait : expected) EXPECT_EQ(backoff.next(), wait);
    EXPECT_EQ(backoff.failures(), 11);
}

TEST(Backoff, JitterScattersByAQuarterButStaysWithinTheBounds) {
    double r = 0.0;
    Backoff backoff(1s, 5min, [&r] { return r; });
    r = 0.0;
    EXPECT_EQ(backoff.next(), 1s);  // 0.75 s would be below the floor of 1 s
    r = 0.999;
    EXPECT_EQ(backoff.next(), 2499ms);  // 2 s × 1.2495
    r = 0.0;
    EXPECT_EQ(backoff.next(), 3s);  // 4 s × 0.75
    for (int i = 0; i < 20; ++i) backoff.next();
    r = 0.999;
    EXPECT_EQ(backoff.next(), 5min);  // 300 s × 1.25 capped
    r = 0.0;
    EXPECT_EQ(backoff.next(), 225s);  // 300 s × 0.75
}

TEST(Backoff, ResetStartsAgainFromTheInitialWait) {
    Backoff backoff(1s, 5min, [] { return 0.5; });
    backoff.next();
    backoff.next();
    backoff.next();
    backoff.reset();
    EXPECT_EQ(backoff.failures(), 0);
    EXPECT_EQ(backoff.next(), 1s);
}

TEST(Backoff, SystemRandomStaysInTheBandAndVaries) {
    Backoff backoff(1000ms, 5min);
    std::set<long long> seen;
    for (int i = 0; i < 50; ++i) {
        backoff.reset();
        for (int n = 0; n < 4; ++n) backoff.next();
        const auto wait = backoff.next();  // 16 s ± 25 %
        EXPECT_GE(wait, 12s);
        EXPECT_LE(wait, 20s);
        seen.insert(wait.count());
    }
    EXPECT_GT(seen.size(), 10u);
}

TEST(Backoff, ALongOutageDoesNotOverflow) {
    Backoff backoff(1s, 5min, [] { return 0.5; });
    for (int i = 0; i < 2000; ++i) EXPECT_LE(backoff.next(), 5min);
    EXPECT_EQ(backoff.next(), 5min);
}
