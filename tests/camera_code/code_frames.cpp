#include "code_frames.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QDir>
#include <QtGlobal>
#include <cmath>
#include <numbers>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace facepos::testing {

namespace {

ZXing::BarcodeFormat zxingFormat(CodeKind kind) {
    switch (kind) {
        case CodeKind::QRCode:
            return ZXing::BarcodeFormat::QRCode;
        case CodeKind::Code128:
            return ZXing::BarcodeFormat::Code128;
        case CodeKind::DataMatrix:
            return ZXing::BarcodeFormat::DataMatrix;
    }
    return ZXing::BarcodeFormat::QRCode;
}

double radians(double degrees) {
    return degrees * std::numbers::pi / 180.0;
}

}  // namespace

cv::Mat renderCode(CodeKind kind, const std::string& text, int modulePx) {
    const ZXing::BitMatrix bits = ZXing::MultiFormatWriter(zxingFormat(kind)).setMargin(0).encode(text, 0, 0);
    const bool linear = kind == CodeKind::Code128;
    const int quiet = linear ? 10 : 4;  // modules of white around the code, as the standards ask
    const int width = bits.width();
    const int height = linear ? std::max(12, width / 4) : bits.height();
    cv::Mat modules(height + 2 * quiet, width + 2 * quiet, CV_8UC1, cv::Scalar(255));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            if (bits.get(x, linear ? 0 : y)) modules.at<uchar>(y + quiet, x + quiet) = 0;
        }
    }
    cv::Mat code;
    cv::resize(modules, code, cv::Size(), modulePx, modulePx, cv::INTER_NEAREST);
    return code;
}

std::vector<cv::Mat> photoBackgrounds() {
    std::vector<cv::Mat> photos;
    const QDir dir(qEnvironmentVariable("FACEPOS_TEST_IMAGES"));
    for (const char* name :
         {"nonface-home.jpg", "nonface-fruits.jpg", "nonface-butterfly.jpg", "nonface-coffee.png", "nonface-cat.png"}) {
        const cv::Mat photo = cv::imread(dir.filePath(QString::fromLatin1(name)).toStdString(), cv::IMREAD_COLOR);
        if (photo.empty()) continue;
        cv::Mat frame;
        cv::resize(photo, frame, cv::Size(1280, 720), 0, 0, cv::INTER_AREA);
        photos.push_back(frame);
    }
    return photos;
}

cv::Mat composeFrame(const cv::Mat& background, const CodePlacement& placement, const FramePerturbation& perturbation,
                     std::mt19937& rng) {
    cv::Mat frame = background.clone();

    // The code rendered sharp at about twice its size in the frame, then projected: the card's corners are rotated
    // in 3D (tilt), seen through a pinhole camera, rolled and moved to the centre.
    const cv::Mat grey = renderCode(placement.kind, placement.text, 1);
    const int modulePx = std::max(1, static_cast<int>(std::lround(2.0 * placement.widthPx / grey.cols)));
    cv::Mat card;
    cv::cvtColor(renderCode(placement.kind, placement.text, modulePx), card, cv::COLOR_GRAY2BGR);
    const double scale = static_cast<double>(placement.widthPx) / card.cols;
    const double halfW = card.cols * scale / 2;
    const double halfH = card.rows * scale / 2;
    const double focal = 1000;
    const double tx = radians(placement.tiltXDeg);
    const double ty = radians(placement.tiltYDeg);
    const double roll = radians(placement.rollDeg);
    std::vector<cv::Point2f> from = {{0, 0},
                                     {static_cast<float>(card.cols), 0},
                                     {static_cast<float>(card.cols), static_cast<float>(card.rows)},
                                     {0, static_cast<float>(card.rows)}};
    std::vector<cv::Point2f> to;
    for (const auto& [sx, sy] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {1.0, 1.0}, {-1.0, 1.0}}) {
        const double x0 = sx * halfW;
        const double y0 = sy * halfH;
        // Rotate about the x axis, then the y axis.
        const double y1 = y0 * std::cos(tx);
        const double z1 = y0 * std::sin(tx);
        const double x2 = x0 * std::cos(ty) + z1 * std::sin(ty);
        const double z2 = -x0 * std::sin(ty) + z1 * std::cos(ty);
        const double px = focal * x2 / (focal + z2);
        const double py = focal * y1 / (focal + z2);
        const double rx = px * std::cos(roll) - py * std::sin(roll);
        const double ry = px * std::sin(roll) + py * std::cos(roll);
        to.emplace_back(static_cast<float>(placement.center.x + rx), static_cast<float>(placement.center.y + ry));
    }
    const cv::Mat homography = cv::getPerspectiveTransform(from, to);
    cv::warpPerspective(card, frame, homography, frame.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);

    if (perturbation.blurSigma > 0) cv::GaussianBlur(frame, frame, cv::Size(), perturbation.blurSigma);
    if (perturbation.contrast != 1 || perturbation.brightness != 0) {
        frame.convertTo(frame, CV_8UC3, perturbation.contrast, perturbation.brightness);
    }
    if (perturbation.noiseSigma > 0) {
        cv::Mat noise(frame.size(), CV_16SC3);
        cv::RNG cvRng(rng());
        cvRng.fill(noise, cv::RNG::NORMAL, 0, perturbation.noiseSigma);
        cv::Mat noisy;
        frame.convertTo(noisy, CV_16SC3);
        noisy += noise;
        noisy.convertTo(frame, CV_8UC3);
    }
    return frame;
}

}  // namespace facepos::testing
