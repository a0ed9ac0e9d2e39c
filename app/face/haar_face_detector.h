#pragma once

#include <opencv2/objdetect.hpp>
#include <optional>

#include "face_detector.h"

namespace facepos::face {

// The default detector: Viola-Jones cascades from Debian's opencv-data. Faces are searched on a copy downscaled to
// at most 320 px wide (docs/face-pay.md: the detection rates and the time per frame that led to it), eyes with
// haarcascade_eye.xml in the upper half of each face box, scaled so the face is 128 px wide.
class HaarFaceDetector final : public IFaceDetector {
public:
    static constexpr int kDetectWidth = 320;

    // Fails with face.detector_failed when a cascade file is missing or unreadable.
    static Result<std::unique_ptr<HaarFaceDetector>> create(const QString& faceCascadePath = {},
                                                            const QString& eyeCascadePath = {});
    ~HaarFaceDetector() override;

    std::vector<FaceDetection> detect(const cv::Mat& frame) override;
    void findEyes(const cv::Mat& frame, FaceDetection& face) override;
    QString name() const override { return QStringLiteral("haar"); }
    // With tracking on, a frame that follows one with exactly one face is searched only around that face (the box
    // widened by half its size each way, faces of 0.7–1.4 × its size), and the whole frame every kFullScanEvery
    // frames (a second person still gets "one person only" within that many frames) or when the face is lost.
    void setTracking(bool on) override;
    static constexpr int kFullScanEvery = 5;

    static QString defaultFaceCascade();
    static QString defaultEyeCascade();

private:
    HaarFaceDetector() = default;

    cv::CascadeClassifier m_faces;
    cv::CascadeClassifier m_eyes;
    cv::Mat m_small;  // downscaled copy of the frame (face pixels: wiped on destruction)
    cv::Mat m_grey;
    cv::Mat m_eyeRegion;
    bool m_tracking = false;
    int m_sinceFullScan = 0;
    std::optional<cv::Rect> m_last;  // the one face of the previous frame, in detection (downscaled) coordinates
    cv::Size m_lastSize;             // of the downscaled frame it was found in
};

}  // namespace facepos::face
