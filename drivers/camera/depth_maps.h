#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace facepos::drivers {

// Generated depth maps (CV_16UC1, millimetres from the camera, as CameraFrame::depth), for SimulatedDepthSource and
// for the liveness tests of the face pipeline, which need a real face's relief and a photo's flat plane.

// A face-like relief: a background plane `backgroundMm` away with an ellipsoid bump inscribed in `face` whose apex
// (the nose) is `reliefMm` nearer the camera than the plane: an ellipsoid cap, deepest at the centre of `face` and
// meeting the plane at the ellipse's edge. `face` is clipped to the image; an empty `face` gives the flat plane.
cv::Mat makeReliefDepth(cv::Size size, cv::Rect face, int backgroundMm = 500, int reliefMm = 35);

// A flat plane `distanceMm` away at the centre, turned by `tiltDegrees` around the vertical axis (a photo held
// slightly turned): the depth changes linearly from left to right as a camera with a 60° horizontal field of view
// would see it (at 500 mm and 10°, about ±51 mm at the edges). Values are clamped to 1 … 65535 mm.
cv::Mat makeFlatDepth(cv::Size size, int distanceMm = 500, double tiltDegrees = 0.0);

// The central ellipse of a frame where SimulatedDepthSource puts the customer's face: its bounding rectangle, 40 %
// of the width and 60 % of the height, centred.
cv::Rect centralFaceRect(cv::Size size);

}  // namespace facepos::drivers
