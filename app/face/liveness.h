#pragma once

#include <QString>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "drivers/camera/camera_frame.h"
#include "drivers/camera/icamera.h"
#include "face_detector.h"

namespace facepos::face {

// Liveness: is the face in front of the camera a person's, not a photo or a screen? See docs/face-pay.md "Liveness"
// for what each mode stops and what it does not.
//
//   depth      the face region's depth must have a face's relief: after fitting a plane to it (least squares, so a
//              tilted photo fits too), the residuals spread over ≥ minReliefMm (nose ~20–40 mm above the cheeks);
//   infrared   a face must be found in the infrared frame where the colour frame has it (a screen shows nothing in
//              near infrared, a paper photo a flat, usually face-less image);
//   challenge  RGB only: a small head movement — the face centre moves by ≥ challengeMove of the face width, then comes
//              back within challengeReturn of where it started; a still printed photo does not do that;
//   off        nothing is checked (score 0).
enum class LivenessMode { Off, Challenge, Infrared, Depth };

QString livenessModeName(LivenessMode mode);  // "off", "challenge", "infrared", "depth"

// face.liveness → mode. "auto" takes the strongest the camera has: depth > infrared > challenge. An explicit mode is
// taken as asked even when the camera lacks the plane it needs: every face is then NotLive, so a misconfiguration is
// seen at once instead of silently weakening the check. Unknown text is treated as "auto".
LivenessMode chooseLivenessMode(const QString& setting, const drivers::CameraInfo& camera);

struct LivenessThresholds {
    double minReliefMm = 8;         // relief (p95 − p5 of the plane-fit residuals) a face must have
    double maxReliefMm = 120;       // more is not one surface (background inside the box): not live
    double minDepthCoverage = 0.3;  // share of the face region with a depth reading
    double minInfraredIoU = 0.3;    // overlap of the infrared face with the colour face
    double challengeMove = 0.10;    // head movement, as a share of the face width
    double challengeReturn = 0.04;  // back within this of the start
};

// The depth measures of one face region (the face box's central 70 %, where a face box holds only the face).
struct DepthRelief {
    int samples = 0;        // valid depth readings used
    double coverage = 0;    // samples / pixels looked at
    double reliefMm = 0;    // p95 − p5 of the residuals after the plane fit
    double distanceMm = 0;  // median depth
};
DepthRelief measureDepthRelief(const cv::Mat& depth, const cv::Rect& face);

struct LivenessVerdict {
    enum class State { Live, NotLive, Pending };  // Pending: the challenge is not done yet
    State state = State::Pending;
    int score = 0;        // 0–100
    double progress = 0;  // 0–1, of the challenge
    double measure = 0;   // relief in mm, infrared IoU, or head movement (share of the face width), for the log
};

// One face's liveness across the frames of a track. reset() when the track restarts.
//
// Thread ownership: one thread at a time (the camera thread).
class LivenessChecker {
public:
    // `infraredDetector` is used in Infrared mode only and must outlive the checker (it may be null otherwise).
    LivenessChecker(LivenessMode mode, IFaceDetector* infraredDetector, LivenessThresholds thresholds = {});

    LivenessMode mode() const { return m_mode; }
    void reset();

    // `face` is the face in the colour frame (frame pixels).
    LivenessVerdict evaluate(const drivers::CameraFrame& frame, const cv::Rect& face);

private:
    LivenessVerdict evaluateDepth(const drivers::CameraFrame& frame, const cv::Rect& face) const;
    LivenessVerdict evaluateInfrared(const drivers::CameraFrame& frame, const cv::Rect& face) const;
    LivenessVerdict evaluateChallenge(const cv::Rect& face);

    LivenessMode m_mode;
    IFaceDetector* m_infrared;
    LivenessThresholds m_thresholds;

    // Challenge state.
    bool m_haveStart = false;
    cv::Point2d m_start;
    bool m_moved = false;
    bool m_done = false;
    double m_maxMove = 0;
};

}  // namespace facepos::face
