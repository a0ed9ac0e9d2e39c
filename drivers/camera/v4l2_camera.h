#pragma once

#include <QString>
#include <memory>

#include "icamera.h"

namespace cv {
class VideoCapture;
}

namespace facepos::drivers {

struct V4l2CameraConfig {
    QString device = QStringLiteral("/dev/video0");  // devices.camera_source
    int width = 640;                                 // camera.width, camera.height, camera.fps: asked, the camera
    int height = 480;                                // may give the nearest mode it has (info() tells)
    double fps = 30;
};

// A USB (UVC) camera through OpenCV's VideoCapture with the V4L2 backend (cv::CAP_V4L2), see docs/camera.md for why
// VideoCapture rather than Qt Multimedia. Asks for MJPG (what UVC cameras deliver at 640×480@30 and above over
// USB 2) and the configured size and rate; keeps what the driver grants.
//
// Errors: camera.not_found (no such node), camera.open_failed (present but not a video device, busy, no permission,
// no frame at all after opening), camera.unplugged (it delivered frames and a read failed, or the node is gone).
//
// Thread ownership: one thread at a time (ICamera). read() blocks until the driver has a frame.
class V4l2Camera final : public ICamera {
public:
    explicit V4l2Camera(V4l2CameraConfig config);
    ~V4l2Camera() override;

    Result<void> open() override;
    Result<CameraFrame> read() override;
    void close() override;
    bool isOpen() const override;
    CameraInfo info() const override;

private:
    Error unplugged() const;

    V4l2CameraConfig m_config;
    std::unique_ptr<cv::VideoCapture> m_capture;
    CameraInfo m_info;
    qint64 m_sequence = 0;
};

}  // namespace facepos::drivers
