#include "v4l2_camera.h"

#include <sys/stat.h>

#include <QFile>
#include <QFileInfo>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "frame_utils.h"
#include "platform/logging.h"

namespace facepos::drivers {

V4l2Camera::V4l2Camera(V4l2CameraConfig config) : m_config(std::move(config)) {
    m_info.backend = QStringLiteral("v4l2");
    m_info.description = m_config.device;
    m_info.width = m_config.width;
    m_info.height = m_config.height;
    m_info.fps = m_config.fps;
}

V4l2Camera::~V4l2Camera() {
    close();
}

Result<void> V4l2Camera::open() {
    close();
    const QByteArray path = QFile::encodeName(m_config.device);
    struct stat node {};
    if (m_config.device.isEmpty() || ::stat(path.constData(), &node) != 0) {
        return makeError(QStringLiteral("camera.not_found"),
                         QStringLiteral("No camera at %1: plug the camera in, or set devices.camera_source to its "
                                        "video device (ls /dev/video*).")
                             .arg(m_config.device));
    }
    if (!S_ISCHR(node.st_mode)) {
        return makeError(QStringLiteral("camera.open_failed"),
                         QStringLiteral("%1 is not a video device: set devices.camera_source to the camera's "
                                        "/dev/videoN node, or use devices.camera=simulated for a file.")
                             .arg(m_config.device));
    }
    auto capture = std::make_unique<cv::VideoCapture>();
    bool opened = false;
    try {
        opened = capture->open(path.toStdString(), cv::CAP_V4L2) && capture->isOpened();
        if (opened) {
            // Each property is a request; the driver keeps the nearest mode it has.
            if (!capture->set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'))) {
                qCInfo(lcDrivers) << "camera:" << m_config.device << "offers no MJPG; keeping its own format";
            }
            capture->set(cv::CAP_PROP_FRAME_WIDTH, m_config.width);
            capture->set(cv::CAP_PROP_FRAME_HEIGHT, m_config.height);
            capture->set(cv::CAP_PROP_FPS, m_config.fps);
            m_info.width = int(capture->get(cv::CAP_PROP_FRAME_WIDTH));
            m_info.height = int(capture->get(cv::CAP_PROP_FRAME_HEIGHT));
            m_info.fps = capture->get(cv::CAP_PROP_FPS);
        }
    } catch (const cv::Exception& e) {
        qCWarning(lcDrivers) << "camera: opening" << m_config.device << "threw:" << e.what();
        opened = false;
    }
    if (!opened) {
        return makeError(QStringLiteral("camera.open_failed"),
                         QStringLiteral("The camera at %1 cannot be opened: it may be in use by another program, the "
                                        "facepos user may lack the video group, or it offers no usable format.")
                             .arg(m_config.device));
    }
    m_capture = std::move(capture);
    m_sequence = 0;
    qCInfo(lcDrivers) << "camera: opened" << m_config.device << m_info.width << "x" << m_info.height << "@"
                      << m_info.fps;
    return {};
}

Result<CameraFrame> V4l2Camera::read() {
    if (!m_capture) return unplugged();
    if (!QFileInfo::exists(m_config.device)) return unplugged();
    cv::Mat image;
    bool read = false;
    try {
        read = m_capture->read(image) && !image.empty();
        if (read && image.channels() == 1) cv::cvtColor(image, image, cv::COLOR_GRAY2BGR);
        if (read && image.channels() == 4) cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);
    } catch (const cv::Exception& e) {
        qCWarning(lcDrivers) << "camera: reading" << m_config.device << "threw:" << e.what();
        read = false;
    }
    if (!read) {
        wipeMat(image);
        if (m_sequence == 0 && QFileInfo::exists(m_config.device)) {
            return makeError(QStringLiteral("camera.open_failed"),
                             QStringLiteral("The camera at %1 opened but delivers no frames (unsupported format or "
                                            "too little USB bandwidth); try a lower camera.width/height.")
                                 .arg(m_config.device));
        }
        return unplugged();
    }
    CameraFrame frame;
    frame.color = std::move(image);
    frame.sequence = ++m_sequence;
    frame.timestampMs = monotonicMs();
    return frame;
}

void V4l2Camera::close() {
    if (!m_capture) return;
    try {
        m_capture->release();
    } catch (const cv::Exception& e) {
        qCWarning(lcDrivers) << "camera: closing" << m_config.device << "threw:" << e.what();
    }
    m_capture.reset();
}

bool V4l2Camera::isOpen() const {
    return m_capture != nullptr;
}

CameraInfo V4l2Camera::info() const {
    return m_info;
}

Error V4l2Camera::unplugged() const {
    return makeError(QStringLiteral("camera.unplugged"),
                     QStringLiteral("Camera disconnected: %1 stopped delivering frames. Check its USB cable; "
                                    "customers can pay with a payment code meanwhile, and the camera is used again as "
                                    "soon as it is back.")
                         .arg(m_config.device));
}

}  // namespace facepos::drivers
