#pragma once

#include <QDateTime>
#include <chrono>

namespace facepos {

// Time as the application sees it. Services take an IClock in their constructor so tests can control time
// (see ManualClock). Implementations must be safe to call from any thread.
class IClock {
public:
    virtual ~IClock() = default;

    // Wall-clock time in UTC: for records, receipts and signed time stamps.
    virtual QDateTime nowUtc() const = 0;

    // Monotonic time: for timeouts, backoff and elapsed-time measurement. Never jumps when the wall clock is set.
    virtual std::chrono::steady_clock::time_point steadyNow() const = 0;
};

}  // namespace facepos
