#include "quality_gates.h"

#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

#include "face_buffer.h"

namespace facepos::face {

int largestFace(const std::vector<FaceDetection>& faces) {
    int best = -1;
    for (int i = 0; i < int(faces.size()); ++i) {
        if (best < 0 || faces[i].box.area() > faces[best].box.area()) best = i;
    }
    return best;
}

void measureExposureAndSharpness(const cv::Mat& frame, const cv::Rect& region, double& luminance, double& sharpness) {
    luminance = 0;
    sharpness = 0;
    const cv::Rect clipped = region & cv::Rect(0, 0, frame.cols, frame.rows);
    if (clipped.width < 8 || clipped.height < 8) return;
    FaceBuffer<cv::Mat> grey;
    FaceBuffer<cv::Mat> normalised;
    FaceBuffer<cv::Mat> laplacian;
    try {
        if (frame.channels() == 3) {
            cv::cvtColor(frame(clipped), grey.get(), cv::COLOR_BGR2GRAY);
        } else {
            grey.get() = frame(clipped).clone();
        }
        luminance = cv::mean(grey.get())[0];
        const int interpolation = clipped.width > kSharpnessSide ? cv::INTER_AREA : cv::INTER_LINEAR;
        cv::resize(grey.get(), normalised.get(), cv::Size(kSharpnessSide, kSharpnessSide), 0, 0, interpolation);
        cv::Laplacian(normalised.get(), laplacian.get(), CV_16S, 3);
        cv::Scalar mean;
        cv::Scalar stddev;
        cv::meanStdDev(laplacian.get(), mean, stddev);
        sharpness = stddev[0] * stddev[0];
    } catch (const cv::Exception&) {
        luminance = 0;
        sharpness = 0;
    }
}

QualityReport evaluateQuality(const cv::Mat& frame, const std::vector<FaceDetection>& faces,
                              const QualityThresholds& thresholds) {
    QualityReport report;
    report.primary = largestFace(faces);
    if (report.primary < 0 || frame.empty()) {
        report.guidance = Guidance::NoFace;
        return report;
    }
    const FaceDetection& face = faces[report.primary];
    for (const FaceDetection& other : faces) {
        if (other.box.width >= thresholds.secondFaceFraction * face.box.width) ++report.faces;
    }

    const double frameW = frame.cols;
    const double frameH = frame.rows;
    report.faceWidth = face.box.width / frameW;
    report.faceHeight = face.box.height / frameH;
    report.centreOffsetX = (face.box.x + face.box.width / 2.0) / frameW - 0.5;
    report.centreOffsetY = (face.box.y + face.box.height / 2.0) / frameH - 0.5;
    report.eyesFound = face.eyesFound;
    if (face.eyesFound) {
        const cv::Point2f d = face.rightEye - face.leftEye;
        report.rollDegrees = std::atan2(d.y, d.x) * 180.0 / std::numbers::pi;
    }
    measureExposureAndSharpness(frame, face.box, report.luminance, report.sharpness);

    if (report.faces > 1) {
        report.guidance = Guidance::OnePersonOnly;
    } else if (report.faceWidth < thresholds.minFaceWidth) {
        report.guidance = Guidance::MoveCloser;
    } else if (report.faceWidth > thresholds.maxFaceWidth || report.faceHeight > thresholds.maxFaceHeight) {
        report.guidance = Guidance::MoveBack;
    } else if (std::abs(report.centreOffsetX) > thresholds.maxCentreOffsetX ||
               std::abs(report.centreOffsetY) > thresholds.maxCentreOffsetY) {
        report.guidance = Guidance::CenterFace;
    } else if (report.eyesFound && std::abs(report.rollDegrees) > thresholds.maxRollDegrees) {
        report.guidance = Guidance::FaceCamera;
    } else if (report.luminance < thresholds.minLuminance) {
        report.guidance = Guidance::TooDark;
    } else if (report.luminance > thresholds.maxLuminance) {
        report.guidance = Guidance::TooBright;
    } else if (report.sharpness < thresholds.minSharpness) {
        report.guidance = Guidance::HoldStill;
    } else {
        report.guidance = Guidance::None;
    }
    return report;
}

}  // namespace facepos::face
