#pragma once

#include <chrono>
#include <functional>

namespace facepos::store {

// Exponential backoff with jitter for the sync worker: after the n-th consecutive failure the wait is
// initial × 2^(n−1), capped at `max`, then scattered by ±25 % (never below `initial` nor above `max`) so that the
// terminals of a store do not all retry in the same second after an outage. reset() after a success.
class Backoff {
public:
    // `random` returns a uniform value in [0, 1); by default a thread-local engine seeded from the system.
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, std::function<double()> random = {});

    // The wait before the next attempt, counting one more failure.
    std::chrono::milliseconds next();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_max;
    std::function<double()> m_random;
    int m_failures = 0;
};

}  // namespace facepos::store
