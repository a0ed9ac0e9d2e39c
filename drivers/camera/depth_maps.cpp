#include "depth_maps.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace facepos::drivers {

namespace {

std::uint16_t clampMm(double mm) {
    return static_cast<std::uint16_t>(std::clamp(std::lround(mm), 1L, 65535L));
}

}  // namespace

cv::Mat makeReliefDepth(cv::Size size, cv::Rect face, int backgroundMm, int reliefMm) {
    cv::Mat depth(size, CV_16UC1, cv::Scalar(clampMm(backgroundMm)));
    face &= cv::Rect(0, 0, size.width, size.height);
    if (face.empty()) return depth;
    const double cx = face.x + face.width / 2.0;
    const double cy = face.y + face.height / 2.0;
    const double a = face.width / 2.0;
    const double b = face.height / 2.0;
    for (int y = face.y; y < face.y + face.height; ++y) {
        auto* row = depth.ptr<std::uint16_t>(y);
        const double ny = (y + 0.5 - cy) / b;
        for (int x = face.x; x < face.x + face.width; ++x) {
            const double nx = (x + 0.5 - cx) / a;
            const double r2 = nx * nx + ny * ny;
            if (r2 >= 1.0) continue;
            row[x] = clampMm(backgroundMm - reliefMm * std::sqrt(1.0 - r2));
        }
    }
    return depth;
}

cv::Mat makeFlatDepth(cv::Size size, int distanceMm, double tiltDegrees) {
    cv::Mat depth(size, CV_16UC1);
    if (size.empty()) return depth;
    // Width of one pixel on the plane, for a 60° horizontal field of view.
    const double pixelMm = 2.0 * distanceMm * std::tan(std::numbers::pi / 6.0) / size.width;
    const double slope = pixelMm * std::tan(tiltDegrees * std::numbers::pi / 180.0);
    const double cx = size.width / 2.0;
    auto* first = depth.ptr<std::uint16_t>(0);
    for (int x = 0; x < size.width; ++x) first[x] = clampMm(distanceMm + (x + 0.5 - cx) * slope);
    for (int y = 1; y < size.height; ++y) depth.row(0).copyTo(depth.row(y));
    return depth;
}

cv::Rect centralFaceRect(cv::Size size) {
    const int width = size.width * 2 / 5;
    const int height = size.height * 3 / 5;
    return {(size.width - width) / 2, (size.height - height) / 2, width, height};
}

}  // namespace facepos::drivers
