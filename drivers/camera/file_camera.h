#pragma once

#include <QString>
#include <QStringList>
#include <chrono>
#include <memory>
#include <opencv2/core/mat.hpp>

#include "icamera.h"

namespace cv {
class VideoCapture;
}

namespace facepos::drivers {

struct FileCameraConfig {
    QString source;           // an image file, a folder of images or a video file (devices.camera_source)
    cv::Size size{640, 480};  // every frame is scaled to this (camera.width × camera.height), see fitToSize()
    double fps = 30;          // read() delivers at most this many frames a second (camera.fps)
    bool loop = true;         // start again at the end; false: camera.end after the last frame
    bool depthFiles = false;  // camera.depth=files: load <name>.depth.png (16-bit mm) beside each image
};

// A camera made of files, for the demo and the tests (see docs/camera.md). What `source` is decides the kind, at
// open():
//   a folder → its images (.jpg .jpeg .png .bmp .webp .tif .tiff .ppm .pgm, not *.depth.png) sorted by name, looping;
//              the folder is listed again at each loop, so frames added or removed are picked up;
//   an image → that image, again and again;
//   anything else OpenCV's VideoCapture can play (e.g. an MJPG .avi) → its frames, looping.
// read() sleeps until the next frame time (steady clock, 1/fps apart) so a consumer sees a camera's pace.
//
// Errors: camera.not_found (source absent), camera.open_failed (not an image or video OpenCV reads, a folder
// without images), camera.unplugged (the folder was removed or emptied, or holds no image that decodes any more;
// the video file was removed or cannot be read again), camera.end (loop off, last frame delivered).
// An image in a folder that does not decode is skipped with a log line (file name only, never pixels).
//
// Thread ownership: one thread at a time (ICamera).
class FileCamera final : public ICamera {
public:
    enum class Kind { Image, Folder, Video };

    explicit FileCamera(FileCameraConfig config);
    ~FileCamera() override;

    Result<void> open() override;
    Result<CameraFrame> read() override;
    void close() override;
    bool isOpen() const override { return m_open; }
    CameraInfo info() const override;

    Kind kind() const { return m_kind; }             // valid after a successful open()
    int skippedImages() const { return m_skipped; }  // undecodable images skipped since open()

private:
    Result<CameraFrame> readImage();
    Result<CameraFrame> readFolder();
    Result<CameraFrame> readVideo();
    Result<CameraFrame> deliver(cv::Mat color, cv::Mat depth);
    cv::Mat loadDepthBeside(const QString& imagePath) const;
    QStringList listFolder() const;
    Error unplugged(const QString& why) const;

    FileCameraConfig m_config;
    bool m_open = false;
    Kind m_kind = Kind::Image;
    cv::Mat m_image;       // Image: the scaled image, cloned into each frame
    cv::Mat m_imageDepth;  // Image: its depth plane, when there is one
    QStringList m_files;   // Folder: this pass's listing
    qsizetype m_next = 0;  // Folder: index of the next file in m_files
    bool m_passDelivered = false;
    std::unique_ptr<cv::VideoCapture> m_video;
    qint64 m_sequence = 0;
    int m_skipped = 0;
    std::chrono::steady_clock::time_point m_nextFrameAt;
};

}  // namespace facepos::drivers
