#include "backoff.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace facepos::store {

namespace {

double systemRandom() {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, std::function<double()> random)
    : m_initial(std::max(initial, std::chrono::milliseconds(1))),
      m_max(std::max(max, m_initial)),
      m_random(random ? std::move(random) : std::function<double()>(systemRandom)) {}

std::chrono::milliseconds Backoff::next() {
    ++m_failures;
    // initial × 2^(failures − 1), computed in floating point so a long outage cannot overflow.
    const double base = std::min(static_cast<double>(m_initial.count()) * std::pow(2.0, m_failures - 1),
                                 static_cast<double>(m_max.count()));
    const double jittered = base * (0.75 + 0.5 * m_random());
    const auto wait = static_cast<std::chrono::milliseconds::rep>(std::llround(jittered));
    return std::clamp(std::chrono::milliseconds(wait), m_initial, m_max);
}

}  // namespace facepos::store
