#pragma once

#include <QtGlobal>
#include <opencv2/core/mat.hpp>

namespace facepos::drivers {

// One frame from a camera, as the capture pipeline and the camera code reader see it. `color` is always there; the
// other planes only on a camera that has them (3D face-pay cameras), aligned pixel for pixel with `color`.
//
// Face pixels: a frame is held only while it is processed on the camera thread and for the preview; whoever copies
// face pixels out of it wipes the copy when done (app/face/face_buffer.h). Frames are never written to disk.
struct CameraFrame {
    cv::Mat color;        // CV_8UC3, BGR
    cv::Mat depth;        // CV_16UC1, millimetres from the camera, 0 = no reading; empty when the camera has no depth
    cv::Mat infrared;     // CV_8UC1; empty when the camera has no infrared stream
    qint64 sequence = 0;  // 1, 2, 3 … per open(); a gap means frames were dropped
    qint64 timestampMs = 0;  // monotonic milliseconds (QElapsedTimer / steady clock) when the frame was taken

    bool hasDepth() const { return !depth.empty(); }
    bool hasInfrared() const { return !infrared.empty(); }
};

}  // namespace facepos::drivers
