#include "frame_utils.h"

#include <chrono>
#include <opencv2/imgproc.hpp>

namespace facepos::drivers {

qint64 monotonicMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

cv::Mat fitToSize(const cv::Mat& source, cv::Size size, int interpolation) {
    if (source.empty() || size.empty()) return {};
    if (source.size() == size) return source.clone();
    const double scale =
        std::max(double(size.width) / source.cols, double(size.height) / source.rows);  // fill: crop the rest
    const int cropWidth = std::min(source.cols, int(std::lround(size.width / scale)));
    const int cropHeight = std::min(source.rows, int(std::lround(size.height / scale)));
    const cv::Rect crop((source.cols - cropWidth) / 2, (source.rows - cropHeight) / 2, cropWidth, cropHeight);
    cv::Mat scaled;
    cv::resize(source(crop), scaled, size, 0, 0, interpolation);
    return scaled;
}

void wipeMat(cv::Mat& mat) {
    if (mat.empty()) return;
    if (mat.u && mat.u->refcount == 1) mat.setTo(cv::Scalar::all(0));
    mat.release();
}

}  // namespace facepos::drivers
