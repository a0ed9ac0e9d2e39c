// FaceAuthCache (docs/terminal-api.md §12.1) against the real in-process sandbox: a token is reused while it has more
// than the safety margin left, replaced before it expires while the face screen is open, timed on the monotonic clock
// so a device wall clock set a day wrong changes nothing, and never handed out twice once taken.
#include "checkout/tst_face_pay_support.h"

namespace facepos::checkout {
namespace {

using namespace std::chrono_literals;

using test::FacePayFixture;

class FaceAuthCacheTest : public FacePayFixture {
protected:
    qsizetype authinfoCalls() const { return sent(QStringLiteral("face_authinfo")).size(); }

    // Fires the scheduler's timers until a new token has arrived (keep-fresh), without firing past it.
    bool fireUntilTokenChanged(FaceAuthCache& cache) {
        int changes = 0;
        QObject guard;  // ends the connection with this call
        QObject::connect(&cache, &FaceAuthCache::tokenChanged, &guard, [&changes] { ++changes; });
        for (int i = 0; i < 10 && changes == 0; ++i) {
            if (!m_scheduler->fireNext()) return false;
            (void)QTest::qWaitFor([&] { return changes > 0; }, 2000);
        }
        return changes > 0;
    }
};

TEST_F(FaceAuthCacheTest, ReusesTheTokenWhileItHasMoreThanTheSafetyMarginLeft) {
    const auto first = acquireToken(*m_cache);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->faceToken.size(), 32);
    EXPECT_EQ(first->facePublicKey.size(), 65);
    m_clock->advance(90s);  // 30 s left: more than the 20 s margin
    const auto again = acquireToken(*m_cache);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->faceToken, first->faceToken);
    EXPECT_EQ(authinfoCalls(), 1);
}

TEST_F(FaceAuthCacheTest, FetchesANewTokenWhenTheOldOneIsWithinTheSafetyMargin) {
    const auto first = acquireToken(*m_cache);
    ASSERT_TRUE(first);
    m_clock->advance(101s);  // 19 s left
    EXPECT_FALSE(m_cache->hasUsableToken());
    const auto second = acquireToken(*m_cache);
    ASSERT_TRUE(second);
    EXPECT_NE(second->faceToken, first->faceToken);
    EXPECT_EQ(authinfoCalls(), 2);
}

TEST_F(FaceAuthCacheTest, AcquiresDuringAFetchShareIt) {
    int answered = 0;
    QStringList tokens;
    for (int i = 0; i < 3; ++i) {
        m_cache->acquire(m_operatorId, [&](Result<backend::FaceAuthInfo> r) {
            ++answered;
            if (r.ok()) tokens.append(r->faceToken);
        });
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return answered == 3; }, 15000));
    EXPECT_EQ(authinfoCalls(), 1);
    EXPECT_EQ(tokens.size(), 3);
    EXPECT_EQ(tokens.count(tokens.value(0)), 3);
}

TEST_F(FaceAuthCacheTest, KeepFreshReplacesTheTokenBeforeItExpires) {
    const auto first = acquireToken(*m_cache);
    ASSERT_TRUE(first);
    m_cache->setKeepFresh(true);  // the face screen opens
    ASSERT_TRUE(fireUntilTokenChanged(*m_cache));
    // The refresh came 30 s before the first token's expiry, so acquire() never waits while the screen is open.
    const auto refreshed = acquireToken(*m_cache);
    ASSERT_TRUE(refreshed);
    EXPECT_NE(refreshed->faceToken, first->faceToken);
    EXPECT_EQ(authinfoCalls(), 2);
    EXPECT_GE(m_cache->timeLeft(), 119s);
    // And again for the next one.
    ASSERT_TRUE(fireUntilTokenChanged(*m_cache));
    EXPECT_EQ(authinfoCalls(), 3);

    // The screen closes: nothing more is fetched, whatever timers were planned.
    m_cache->setKeepFresh(false);
    while (m_scheduler->fireNext()) {
    }
    QTest::qWait(50);
    EXPECT_EQ(authinfoCalls(), 3);
}

TEST_F(FaceAuthCacheTest, KeepFreshFetchesAtOnceWithoutAToken) {
    const auto first = acquireToken(*m_cache);
    ASSERT_TRUE(first);
    m_cache->invalidate();
    m_cache->setKeepFresh(true);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_cache->hasUsableToken(); }, 15000));
    EXPECT_EQ(authinfoCalls(), 2);
}

TEST_F(FaceAuthCacheTest, TakeHandsTheTokenOutOnceAndTheNextAcquireFetchesANewOne) {
    const auto first = acquireToken(*m_cache);
    ASSERT_TRUE(first);
    const auto taken = m_cache->take();
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->faceToken, first->faceToken);
    EXPECT_FALSE(m_cache->take());
    const auto next = acquireToken(*m_cache);
    ASSERT_TRUE(next);
    EXPECT_NE(next->faceToken, first->faceToken);
}

TEST_F(FaceAuthCacheTest, ATokenTooCloseToExpiryIsNotTaken) {
    ASSERT_TRUE(acquireToken(*m_cache));
    m_clock->advance(105s);
    EXPECT_FALSE(m_cache->take());
}

// The device's RTC is a day behind, then a day ahead: the backend client corrects its time stamps (§5), and the
// cache, which times tokens on the monotonic clock only, treats a fresh token as valid and an old one as expired.
class FaceAuthCacheSkewTest : public FaceAuthCacheTest, public ::testing::WithParamInterface<int> {};

TEST_P(FaceAuthCacheSkewTest, ADeviceClockADayWrongDoesNotChangeValidity) {
    const std::chrono::seconds skew{GetParam()};
    auto deviceClock = std::make_shared<test::SkewedClock>(m_clock, skew);
    auto backend = makeBackend(deviceClock);
    FaceAuthCache cache(*backend, deviceClock, m_scheduler);

    const auto fresh = acquireToken(cache);
    ASSERT_TRUE(fresh) << "the client adopts the server's time after TIMESTAMP_SKEW";
    EXPECT_TRUE(cache.hasUsableToken());
    EXPECT_GE(cache.timeLeft(), 110s);
    EXPECT_NEAR(static_cast<double>(cache.clockSkewSeconds()), static_cast<double>(skew.count()), 5.0);
    const bool warned = std::any_of(test::g_faceLog.cbegin(), test::g_faceLog.cend(), [](const QString& line) {
        return line.contains(QStringLiteral("device clock differs"));
    });
    EXPECT_TRUE(warned);

    // Reused while valid …
    m_clock->advance(60s);
    const auto reused = acquireToken(cache);
    ASSERT_TRUE(reused);
    EXPECT_EQ(reused->faceToken, fresh->faceToken);
    // … and replaced once old, whatever the device's wall clock says.
    m_clock->advance(45s);
    EXPECT_FALSE(cache.hasUsableToken());
    const auto replaced = acquireToken(cache);
    ASSERT_TRUE(replaced);
    EXPECT_NE(replaced->faceToken, fresh->faceToken);
}

INSTANTIATE_TEST_SUITE_P(DayBehindAndAhead, FaceAuthCacheSkewTest, ::testing::Values(-86400, 86400));

TEST_F(FaceAuthCacheTest, ACorrectDeviceClockLogsNoWarning) {
    ASSERT_TRUE(acquireToken(*m_cache));
    EXPECT_LE(std::llabs(m_cache->clockSkewSeconds()), 2);
    for (const QString& line : std::as_const(test::g_faceLog))
        EXPECT_FALSE(line.contains(QStringLiteral("device clock differs")));
}

TEST_F(FaceAuthCacheTest, AFailedFetchReportsTheBackendsError) {
    m_backend->setSessionToken(QStringLiteral("NOTASESSIONTOKEN0000000000000000"));
    std::optional<Result<backend::FaceAuthInfo>> got;
    QString failedCode;
    QObject::connect(m_cache.get(), &FaceAuthCache::fetchFailed, m_cache.get(),
                     [&failedCode](const QString& code, const QString&) { failedCode = code; });
    m_cache->acquire(m_operatorId, [&got](Result<backend::FaceAuthInfo> r) { got.emplace(std::move(r)); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.has_value(); }, 15000));
    ASSERT_FALSE(got->ok());
    EXPECT_EQ(got->error().code, QStringLiteral("api.SESSION_EXPIRED"));
    EXPECT_EQ(failedCode, got->error().code);
    EXPECT_FALSE(m_cache->hasUsableToken());
}

}  // namespace
}  // namespace facepos::checkout
