#pragma once

#include <QString>
#include <memory>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

#include "platform/result.h"

namespace facepos::face {

// One face found in a frame, in the pixel coordinates of the frame given to the detector.
struct FaceDetection {
    cv::Rect box;
    float score = 1;         // detector confidence (Haar: 1)
    bool eyesFound = false;  // both eyes located: leftEye / rightEye are valid (used for roll and blinks)
    cv::Point2f leftEye;     // the eye on the left of the image
    cv::Point2f rightEye;
};

// A face detector. Implementations: HaarFaceDetector (opencv-data cascades, the default) and YunetFaceDetector
// (cv::FaceDetectorYN with the 2022mar model, when face.detector_model is set).
//
// detect() never throws: an OpenCV error on an odd frame gives no faces. It takes a BGR (CV_8UC3) or grey (CV_8UC1)
// frame and works on a downscaled copy it owns and wipes.
//
// Thread ownership: one thread at a time (the camera thread).
class IFaceDetector {
public:
    virtual ~IFaceDetector() = default;
    virtual std::vector<FaceDetection> detect(const cv::Mat& frame) = 0;
    // Looks for the eyes of one face (rightEye/leftEye/eyesFound of `face`); a no-op where detect() already did it.
    virtual void findEyes(const cv::Mat& frame, FaceDetection& face) = 0;
    virtual QString name() const = 0;
    // Frames that follow each other (a capture session): a detector may then look for the face it found last near
    // where it was, scanning the whole frame only every few frames. Off by default (unrelated images).
    virtual void setTracking(bool on) { Q_UNUSED(on); }
};

// The detector the options ask for: YuNet when `yunetModelPath` is set, else the Haar cascade at `haarCascadePath`
// (empty: the opencv-data default). Fails with face.detector_failed when the file cannot be loaded.
Result<std::unique_ptr<IFaceDetector>> createFaceDetector(const QString& yunetModelPath,
                                                          const QString& haarCascadePath);

}  // namespace facepos::face
