#pragma once

#include <atomic>
#include <memory>

#include "platform/iclock.h"

namespace facepos::sandbox {

// The sandbox's wall clock: a base clock shifted by the admin `clock_set` offset (§17.4), so every check, timer and
// time stamp — the core's and PaymentService's — moves together. Monotonic time is the base clock's, unshifted.
// Thread-safe: the offset is atomic; the base clock is thread-safe by the IClock contract.
class SandboxClock final : public IClock {
public:
    explicit SandboxClock(std::shared_ptr<const IClock> base) : m_base(std::move(base)) {}

    QDateTime nowUtc() const override { return m_base->nowUtc().addSecs(m_offsetSeconds.load()); }
    std::chrono::steady_clock::time_point steadyNow() const override { return m_base->steadyNow(); }

    qint64 offsetSeconds() const { return m_offsetSeconds.load(); }
    void setOffsetSeconds(qint64 offset) { m_offsetSeconds.store(offset); }

private:
    std::shared_ptr<const IClock> m_base;
    std::atomic<qint64> m_offsetSeconds{0};
};

}  // namespace facepos::sandbox
