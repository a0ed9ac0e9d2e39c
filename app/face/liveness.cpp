#include "liveness.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <vector>

#include "face_tracker.h"

namespace facepos::face {

namespace {

constexpr int kDepthStep = 2;  // every other pixel: plenty of samples, a quarter of the work

int clampScore(double value) {
    return int(std::lround(std::clamp(value, 0.0, 100.0)));
}

double percentileOf(std::vector<double>& values, double p) {
    if (values.empty()) return 0;
    const auto index = std::size_t(std::lround(p * double(values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(index), values.end());
    return values[index];
}

}  // namespace

QString livenessModeName(LivenessMode mode) {
    switch (mode) {
        case LivenessMode::Off:
            return QStringLiteral("off");
        case LivenessMode::Challenge:
            return QStringLiteral("challenge");
        case LivenessMode::Infrared:
            return QStringLiteral("infrared");
        case LivenessMode::Depth:
            return QStringLiteral("depth");
    }
    return QStringLiteral("off");
}

LivenessMode chooseLivenessMode(const QString& setting, const drivers::CameraInfo& camera) {
    if (setting == QLatin1String("off")) return LivenessMode::Off;
    if (setting == QLatin1String("challenge")) return LivenessMode::Challenge;
    if (setting == QLatin1String("infrared")) return LivenessMode::Infrared;
    if (setting == QLatin1String("depth")) return LivenessMode::Depth;
    if (camera.depth) return LivenessMode::Depth;
    if (camera.infrared) return LivenessMode::Infrared;
    return LivenessMode::Challenge;
}

DepthRelief measureDepthRelief(const cv::Mat& depth, const cv::Rect& face) {
    DepthRelief relief;
    if (depth.empty() || depth.type() != CV_16UC1) return relief;
    // The central 70 %: a detector's box reaches past the cheeks and over the hair, where the background shows.
    const cv::Rect inner = cv::Rect(face.x + face.width * 15 / 100, face.y + face.height * 15 / 100,
                                    face.width * 70 / 100, face.height * 70 / 100) &
                           cv::Rect(0, 0, depth.cols, depth.rows);
    if (inner.width < 4 || inner.height < 4) return relief;

    // Least-squares plane z = a·x + b·y + c over the valid readings (normal equations, coordinates centred on the
    // region so the 3×3 system is well conditioned).
    const double cx = inner.x + inner.width / 2.0;
    const double cy = inner.y + inner.height / 2.0;
    std::vector<cv::Point3d> points;
    points.reserve(std::size_t(inner.area() / (kDepthStep * kDepthStep) + 1));
    int looked = 0;
    for (int y = inner.y; y < inner.y + inner.height; y += kDepthStep) {
        const auto* row = depth.ptr<quint16>(y);
        for (int x = inner.x; x < inner.x + inner.width; x += kDepthStep) {
            ++looked;
            if (row[x] != 0) points.emplace_back(x - cx, y - cy, double(row[x]));
        }
    }
    relief.samples = int(points.size());
    relief.coverage = looked > 0 ? double(points.size()) / looked : 0;
    if (points.size() < 16) return relief;

    cv::Matx33d a = cv::Matx33d::zeros();
    cv::Vec3d b(0, 0, 0);
    for (const cv::Point3d& p : points) {
        const cv::Vec3d v(p.x, p.y, 1);
        a += v * v.t();
        b += v * p.z;
    }
    cv::Vec3d plane;
    if (!cv::solve(a, b, plane, cv::DECOMP_CHOLESKY)) return relief;
    std::vector<double> residuals;
    std::vector<double> distances;
    residuals.reserve(points.size());
    distances.reserve(points.size());
    for (const cv::Point3d& p : points) {
        residuals.push_back(p.z - (plane[0] * p.x + plane[1] * p.y + plane[2]));
        distances.push_back(p.z);
    }
    const double low = percentileOf(residuals, 0.05);
    const double high = percentileOf(residuals, 0.95);
    relief.reliefMm = high - low;
    relief.distanceMm = percentileOf(distances, 0.5);
    return relief;
}

LivenessChecker::LivenessChecker(LivenessMode mode, IFaceDetector* infraredDetector, LivenessThresholds thresholds)
    : m_mode(mode), m_infrared(infraredDetector), m_thresholds(thresholds) {}

void LivenessChecker::reset() {
    m_haveStart = false;
    m_moved = false;
    m_done = false;
    m_maxMove = 0;
}

LivenessVerdict LivenessChecker::evaluate(const drivers::CameraFrame& frame, const cv::Rect& face) {
    switch (m_mode) {
        case LivenessMode::Off:
            return LivenessVerdict{LivenessVerdict::State::Live, 0, 1, 0};
        case LivenessMode::Depth:
            return evaluateDepth(frame, face);
        case LivenessMode::Infrared:
            return evaluateInfrared(frame, face);
        case LivenessMode::Challenge:
            return evaluateChallenge(face);
    }
    return {};
}

LivenessVerdict LivenessChecker::evaluateDepth(const drivers::CameraFrame& frame, const cv::Rect& face) const {
    LivenessVerdict verdict;
    verdict.state = LivenessVerdict::State::NotLive;
    verdict.progress = 1;
    if (!frame.hasDepth()) return verdict;
    const DepthRelief relief = measureDepthRelief(frame.depth, face);
    verdict.measure = relief.reliefMm;
    if (relief.coverage < m_thresholds.minDepthCoverage) return verdict;
    if (relief.reliefMm > m_thresholds.maxReliefMm) return verdict;
    // Score: 50 at the threshold, 100 at twice the threshold (a typical face), proportionally below.
    verdict.score = clampScore(50.0 * relief.reliefMm / m_thresholds.minReliefMm);
    if (relief.reliefMm >= m_thresholds.minReliefMm) {
        verdict.state = LivenessVerdict::State::Live;
    } else {
        verdict.score = std::min(verdict.score, 49);
    }
    return verdict;
}

LivenessVerdict LivenessChecker::evaluateInfrared(const drivers::CameraFrame& frame, const cv::Rect& face) const {
    LivenessVerdict verdict;
    verdict.state = LivenessVerdict::State::NotLive;
    verdict.progress = 1;
    if (!frame.hasInfrared() || m_infrared == nullptr) return verdict;
    double best = 0;
    for (const FaceDetection& seen : m_infrared->detect(frame.infrared)) {
        best = std::max(best, FaceTracker::iou(cv::Rect2d(seen.box), cv::Rect2d(face)));
    }
    verdict.measure = best;
    // Score: 50 at the threshold, 100 at an IoU of 0.7 (the same face seen by both sensors).
    const double span = std::max(0.01, 0.7 - m_thresholds.minInfraredIoU);
    if (best >= m_thresholds.minInfraredIoU) {
        verdict.state = LivenessVerdict::State::Live;
        verdict.score = clampScore(50 + 50 * (best - m_thresholds.minInfraredIoU) / span);
    } else {
        verdict.score = clampScore(49 * best / m_thresholds.minInfraredIoU);
    }
    return verdict;
}

LivenessVerdict LivenessChecker::evaluateChallenge(const cv::Rect& face) {
    LivenessVerdict verdict;
    const cv::Point2d centre(face.x + face.width / 2.0, face.y + face.height / 2.0);
    if (!m_haveStart) {
        m_start = centre;
        m_haveStart = true;
    }
    const double width = std::max(1, face.width);
    const double move = cv::norm(centre - m_start) / width;
    if (!m_done) {
        m_maxMove = std::max(m_maxMove, move);
        if (move >= m_thresholds.challengeMove) m_moved = true;
        if (m_moved && move <= m_thresholds.challengeReturn) m_done = true;
    }
    verdict.measure = m_maxMove;
    if (m_done) {
        verdict.state = LivenessVerdict::State::Live;
        verdict.progress = 1;
        // Score: 60 for the smallest accepted movement, up to 90 for twice that. A challenge is weaker evidence than
        // depth or infrared (a video replay passes it), so it never reaches 100.
        verdict.score = clampScore(60 + 30 * std::min(1.0, m_maxMove / m_thresholds.challengeMove - 1));
    } else {
        verdict.state = LivenessVerdict::State::Pending;
        verdict.progress = m_moved ? 0.5 : 0.5 * std::min(1.0, m_maxMove / m_thresholds.challengeMove);
        verdict.score = clampScore(50 * verdict.progress);
    }
    return verdict;
}

}  // namespace facepos::face
