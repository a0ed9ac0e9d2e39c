#pragma once

#include <opencv2/objdetect.hpp>

#include "face_detector.h"

namespace facepos::face {

// cv::FaceDetectorYN with the YuNet 2022mar model (the one OpenCV 4.6 loads). It finds more faces than the cascade
// and gives five landmarks, the eyes among them. Frames are downscaled to at most 320 px wide; inputs under 64 px
// (where OpenCV 4.6 throws) give no faces.
class YunetFaceDetector final : public IFaceDetector {
public:
    static constexpr int kDetectWidth = 320;
    static constexpr int kMinInput = 64;

    // Fails with face.detector_failed when the model cannot be loaded.
    static Result<std::unique_ptr<YunetFaceDetector>> create(const QString& modelPath, float scoreThreshold = 0.8F);
    ~YunetFaceDetector() override;

    std::vector<FaceDetection> detect(const cv::Mat& frame) override;
    void findEyes(const cv::Mat&, FaceDetection&) override {}  // detect() sets the eyes from the landmarks
    QString name() const override { return QStringLiteral("yunet"); }

private:
    explicit YunetFaceDetector(cv::Ptr<cv::FaceDetectorYN> net) : m_net(std::move(net)) {}

    cv::Ptr<cv::FaceDetectorYN> m_net;
    cv::Mat m_small;  // wiped on destruction
    cv::Mat m_bgr;
    cv::Size m_inputSize;
};

}  // namespace facepos::face
