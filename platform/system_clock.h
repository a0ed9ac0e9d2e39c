#pragma once

#include "iclock.h"

namespace facepos {

// The real clock. Stateless; one instance may be shared by every service and thread.
class SystemClock final : public IClock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    std::chrono::steady_clock::time_point steadyNow() const override { return std::chrono::steady_clock::now(); }
};

}  // namespace facepos
