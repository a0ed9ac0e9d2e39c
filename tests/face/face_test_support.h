#pragma once

// Frames for the face pipeline's tests and benchmark, generated from the real photos of scripts/fetch-test-images
// ($FACEPOS_TEST_IMAGES) in memory: nothing is written to disk.
#include <QString>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace facepos::face::testing {

inline const cv::Size kFrameSize(640, 480);

QString imagesDir();                     // $FACEPOS_TEST_IMAGES
cv::Mat loadImage(const QString& name);  // BGR; empty when missing
QString yunetModelPath();  // $FACEPOS_YUNET_MODEL or /work/shared/models/face_detection_yunet_2022mar.onnx
bool haveYunetModel();

// A 640×480 frame with `photo` scaled to `scale` × the frame height and its centre at the frame centre + `offset`
// (pixels), on a plain grey background.
cv::Mat composeFrame(const cv::Mat& photo, double scale = 1.0, cv::Point offset = {}, cv::Size size = kFrameSize);
cv::Mat emptyFrame(cv::Size size = kFrameSize);  // the background alone

cv::Mat blurred(const cv::Mat& frame, double sigma);
cv::Mat brightness(const cv::Mat& frame, double factor);
cv::Mat rotated(const cv::Mat& frame, double degrees, cv::Point2f centre = {-1, -1});
cv::Mat noisy(const cv::Mat& frame, double sigma, int seed);

// Depth maps (CV_16UC1, mm): a background plane with an ellipsoid bump of `reliefMm` inscribed in `face`, and a
// flat plane tilted around the vertical axis. Optional Gaussian noise (mm) as a real sensor has.
cv::Mat reliefDepth(cv::Size size, cv::Rect face, int backgroundMm, int reliefMm, double noiseMm = 0, int seed = 1);
cv::Mat flatDepth(cv::Size size, int distanceMm, double tiltDegrees, double noiseMm = 0, int seed = 1);

}  // namespace facepos::face::testing
