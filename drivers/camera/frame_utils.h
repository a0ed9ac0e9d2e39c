#pragma once

#include <QtGlobal>
#include <opencv2/core/mat.hpp>

namespace facepos::drivers {

// Small helpers shared by the cameras and CameraService.

// Monotonic milliseconds (steady clock), as CameraFrame::timestampMs.
qint64 monotonicMs();

// `source` scaled to exactly `size`, keeping its aspect ratio by cropping the centre (fill, no black bars: bars would
// darken the frame for the face quality gates and shrink the face). `interpolation`: cv::INTER_AREA for colour,
// cv::INTER_NEAREST for depth (never blend distances of two surfaces). Returns a new buffer, never a view of `source`.
cv::Mat fitToSize(const cv::Mat& source, cv::Size size, int interpolation);

// Zeroes the pixels of `mat` (face pixels must not linger in freed memory) and releases it. A view shared with
// someone else (reference count above one) is only released: its other owner wipes it.
void wipeMat(cv::Mat& mat);

}  // namespace facepos::drivers
