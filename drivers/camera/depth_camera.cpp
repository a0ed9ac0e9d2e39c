#include "depth_camera.h"

#include <opencv2/core.hpp>

#include "platform/logging.h"

namespace facepos::drivers {

DepthCamera::DepthCamera(std::unique_ptr<ICamera> color, std::unique_ptr<IDepthSource> source)
    : m_color(std::move(color)), m_source(std::move(source)) {}

Result<void> DepthCamera::open() {
    return m_color->open();
}

Result<CameraFrame> DepthCamera::read() {
    Result<CameraFrame> frame = m_color->read();
    if (!frame) return frame;
    try {
        if (!frame->hasDepth()) frame->depth = m_source->depthFor(frame->color);
        if (!frame->hasInfrared()) frame->infrared = m_source->infraredFor(frame->color);
    } catch (const cv::Exception& e) {
        // A plane that cannot be made leaves the frame without it: liveness then falls back, the frame still counts.
        qCWarning(lcDrivers) << "camera: depth/infrared plane not generated:" << e.what();
    }
    return frame;
}

void DepthCamera::close() {
    m_color->close();
}

bool DepthCamera::isOpen() const {
    return m_color->isOpen();
}

CameraInfo DepthCamera::info() const {
    CameraInfo info = m_color->info();
    info.depth = info.depth || m_source->hasDepth();
    info.infrared = info.infrared || m_source->hasInfrared();
    return info;
}

}  // namespace facepos::drivers
