#pragma once

#include <QMutex>
#include <QMutexLocker>

#include "iclock.h"

namespace facepos {

// A clock that moves only when told to: tests and simulations drive time with advance() / setNowUtc().
// Thread-safe, so a service running on a worker thread may read it while the test advances it.
class ManualClock final : public IClock {
public:
    explicit ManualClock(QDateTime startUtc = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC))
        : m_wall(std::move(startUtc)) {}

    QDateTime nowUtc() const override {
        QMutexLocker lock(&m_mutex);
        return m_wall;
    }
    std::chrono::steady_clock::time_point steadyNow() const override {
        QMutexLocker lock(&m_mutex);
        return m_steady;
    }

    // Moves both clocks forward together, as real time does.
    void advance(std::chrono::milliseconds by) {
        QMutexLocker lock(&m_mutex);
        m_wall = m_wall.addMSecs(by.count());
        m_steady += by;
    }

    // Sets the wall clock only (as an NTP correction or a technician would); monotonic time is unaffected.
    void setNowUtc(QDateTime wall) {
        QMutexLocker lock(&m_mutex);
        m_wall = std::move(wall);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_wall;
    std::chrono::steady_clock::time_point m_steady{};
};

}  // namespace facepos
