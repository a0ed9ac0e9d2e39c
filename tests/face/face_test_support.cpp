#include "face_test_support.h"

#include <QFileInfo>
#include <cmath>
#include <numbers>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace facepos::face::testing {

QString imagesDir() {
    return qEnvironmentVariable("FACEPOS_TEST_IMAGES");
}

cv::Mat loadImage(const QString& name) {
    const QString path = imagesDir() + QLatin1Char('/') + name;
    if (!QFileInfo::exists(path)) return {};
    return cv::imread(path.toStdString(), cv::IMREAD_COLOR);
}

QString yunetModelPath() {
    const QString fromEnv = qEnvironmentVariable("FACEPOS_YUNET_MODEL");
    return fromEnv.isEmpty() ? QStringLiteral("/work/shared/models/face_detection_yunet_2022mar.onnx") : fromEnv;
}

bool haveYunetModel() {
    return QFileInfo::exists(yunetModelPath());
}

cv::Mat emptyFrame(cv::Size size) {
    return cv::Mat(size, CV_8UC3, cv::Scalar(128, 128, 128));
}

cv::Mat composeFrame(const cv::Mat& photo, double scale, cv::Point offset, cv::Size size) {
    cv::Mat frame = emptyFrame(size);
    const double factor = scale * size.height / photo.rows;
    cv::Mat scaled;
    cv::resize(photo, scaled, cv::Size(), factor, factor, factor < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    const cv::Point topLeft(size.width / 2 + offset.x - scaled.cols / 2, size.height / 2 + offset.y - scaled.rows / 2);
    const cv::Rect target = cv::Rect(topLeft, scaled.size()) & cv::Rect(cv::Point(), size);
    if (!target.empty()) scaled(target - topLeft).copyTo(frame(target));
    return frame;
}

cv::Mat blurred(const cv::Mat& frame, double sigma) {
    cv::Mat out;
    cv::GaussianBlur(frame, out, cv::Size(), sigma);
    return out;
}

cv::Mat brightness(const cv::Mat& frame, double factor) {
    cv::Mat out;
    frame.convertTo(out, -1, factor, 0);
    return out;
}

cv::Mat rotated(const cv::Mat& frame, double degrees, cv::Point2f centre) {
    if (centre.x < 0) centre = cv::Point2f(frame.cols / 2.0F, frame.rows / 2.0F);
    const cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
    cv::Mat out;
    cv::warpAffine(frame, out, m, frame.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(128, 128, 128));
    return out;
}

cv::Mat noisy(const cv::Mat& frame, double sigma, int seed) {
    cv::RNG rng{static_cast<uint64>(seed)};
    cv::Mat noise(frame.size(), CV_16SC3);
    rng.fill(noise, cv::RNG::NORMAL, 0, sigma);
    cv::Mat wide;
    frame.convertTo(wide, CV_16SC3);
    wide += noise;
    cv::Mat out;
    wide.convertTo(out, CV_8UC3);
    return out;
}

namespace {

void addNoise(cv::Mat& depth, double noiseMm, int seed) {
    if (noiseMm <= 0) return;
    cv::RNG rng{static_cast<uint64>(seed)};
    cv::Mat noise(depth.size(), CV_32F);
    rng.fill(noise, cv::RNG::NORMAL, 0, noiseMm);
    cv::Mat wide;
    depth.convertTo(wide, CV_32F);
    wide += noise;
    wide.convertTo(depth, CV_16U);
}

}  // namespace

cv::Mat reliefDepth(cv::Size size, cv::Rect face, int backgroundMm, int reliefMm, double noiseMm, int seed) {
    cv::Mat depth(size, CV_16UC1, cv::Scalar(backgroundMm + 300));  // the wall behind the customer
    const double cx = face.x + face.width / 2.0;
    const double cy = face.y + face.height / 2.0;
    const double ax = face.width / 2.0;
    const double ay = face.height / 2.0;
    for (int y = std::max(0, face.y); y < std::min(size.height, face.y + face.height); ++y) {
        auto* row = depth.ptr<quint16>(y);
        for (int x = std::max(0, face.x); x < std::min(size.width, face.x + face.width); ++x) {
            const double u = (x - cx) / ax;
            const double v = (y - cy) / ay;
            const double r2 = u * u + v * v;
            // The head: a surface at backgroundMm with an ellipsoid bump (nose at the apex), the box corners too.
            const double bump = r2 < 1 ? reliefMm * std::sqrt(1 - r2) : 0;
            row[x] = quint16(std::lround(backgroundMm - bump));
        }
    }
    addNoise(depth, noiseMm, seed);
    return depth;
}

cv::Mat flatDepth(cv::Size size, int distanceMm, double tiltDegrees, double noiseMm, int seed) {
    cv::Mat depth(size, CV_16UC1);
    // A plane through (centre, distanceMm), turned around the vertical axis: at 500 mm a 640-px-wide view spans
    // about 450 mm, so one pixel is ~0.7 mm sideways and depth changes by tan(tilt) × that per pixel.
    const double mmPerPixel = 0.7 * distanceMm / 500.0;
    const double slope = std::tan(tiltDegrees * std::numbers::pi / 180.0) * mmPerPixel;
    for (int y = 0; y < size.height; ++y) {
        auto* row = depth.ptr<quint16>(y);
        for (int x = 0; x < size.width; ++x) row[x] = quint16(std::lround(distanceMm + slope * (x - size.width / 2)));
    }
    addNoise(depth, noiseMm, seed);
    return depth;
}

}  // namespace facepos::face::testing
