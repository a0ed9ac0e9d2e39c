#pragma once

#include <QString>

#include "camera_frame.h"
#include "platform/result.h"

namespace facepos::drivers {

// What a camera offers, for the technician screen and the liveness mode (app/face/liveness.h).
struct CameraInfo {
    QString backend;      // "v4l2", "file", "folder", "video", "simulated"
    QString description;  // device node or path, for the technician; never holds face data
    int width = 0;
    int height = 0;
    double fps = 0;
    bool depth = false;     // frames carry CameraFrame::depth
    bool infrared = false;  // frames carry CameraFrame::infrared
};

// A camera, read by pulling frames. Implementations: V4l2Camera (OpenCV VideoCapture on /dev/videoN),
// FileCamera (an image, a folder of images or a video file, paced at the configured frame rate, for the demo and
// tests), DepthCamera (a colour camera plus an IDepthSource, e.g. SimulatedDepthSource), createCamera() picks one.
//
// Thread ownership: used by one thread at a time — the camera thread of CameraService; read() blocks until the next
// frame (at most about one frame interval, or a read timeout).
//
// Errors (Result codes), each with a message a cashier or technician can act on:
//   camera.not_found   the device or path does not exist
//   camera.open_failed present but cannot be opened (busy, permissions, unsupported format)
//   camera.unplugged   it was delivering frames and stopped (device removed, read failing)
//   camera.end         a file source without looping reached its end
class ICamera {
public:
    virtual ~ICamera() = default;

    virtual Result<void> open() = 0;
    virtual Result<CameraFrame> read() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual CameraInfo info() const = 0;
};

}  // namespace facepos::drivers
