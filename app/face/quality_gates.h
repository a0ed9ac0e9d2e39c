#pragma once

#include <opencv2/core/mat.hpp>
#include <vector>

#include "face_detector.h"
#include "face_types.h"

namespace facepos::face {

// The thresholds of the quality gates; docs/face-pay.md "Quality gates" says where each number comes from.
struct QualityThresholds {
    double minFaceWidth = 0.18;      // face box width / frame width: under it → MoveCloser
    double maxFaceWidth = 0.50;      // over it → MoveBack
    double maxFaceHeight = 0.90;     // face box height / frame height: over it → MoveBack
    double maxCentreOffsetX = 0.20;  // |face centre − frame centre| / frame width: over it → CenterFace
    double maxCentreOffsetY = 0.25;  // … / frame height
    double maxRollDegrees = 15;      // eye line angle: over it → FaceCamera (only when both eyes were found)
    double minLuminance = 60;        // mean grey level (0–255) of the face region: under it → TooDark
    double maxLuminance = 200;       // over it → TooBright
    double minSharpness = 100;  // variance of the Laplacian of the face normalised to 128×128: under → HoldStill
    double secondFaceFraction = 0.5;  // another face counts as a person when at least this wide relative to the
                                      // largest one (smaller hits are people far behind, or detector noise)
};

// Every measure of one frame, for tests, benchmarks and the log (numbers only, never pixels).
struct QualityReport {
    Guidance guidance = Guidance::NoFace;  // the first gate that failed, None when all passed
    int faces = 0;                         // faces counted as people
    int primary = -1;                      // index into the detections of the face the gates looked at
    double faceWidth = 0;                  // relative to the frame width
    double faceHeight = 0;
    double centreOffsetX = 0;  // signed, relative to the frame width
    double centreOffsetY = 0;
    bool eyesFound = false;
    double rollDegrees = 0;  // 0 when the eyes were not found
    double luminance = 0;
    double sharpness = 0;
};

// The size the face region is resized to before the Laplacian: sharpness must not depend on how near the face is.
inline constexpr int kSharpnessSide = 128;

// The gates, in the order of Guidance: one face, size, centring, roll, exposure, sharpness. A pure function of the
// frame (BGR or grey), its detections (eyes already looked for on the primary face) and the thresholds.
QualityReport evaluateQuality(const cv::Mat& frame, const std::vector<FaceDetection>& faces,
                              const QualityThresholds& thresholds = {});

// Mean luminance and normalised Laplacian variance of `region` of `frame`; the scratch copy is wiped.
void measureExposureAndSharpness(const cv::Mat& frame, const cv::Rect& region, double& luminance, double& sharpness);

// Index of the largest face, -1 when none.
int largestFace(const std::vector<FaceDetection>& faces);

}  // namespace facepos::face
