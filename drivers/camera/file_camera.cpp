#include "file_camera.h"

#include <QDir>
#include <QFileInfo>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <thread>

#include "frame_utils.h"
#include "platform/logging.h"

namespace facepos::drivers {

namespace {

const QStringList& imagePatterns() {
    static const QStringList patterns{QStringLiteral("*.jpg"),  QStringLiteral("*.jpeg"), QStringLiteral("*.png"),
                                      QStringLiteral("*.bmp"),  QStringLiteral("*.webp"), QStringLiteral("*.tif"),
                                      QStringLiteral("*.tiff"), QStringLiteral("*.ppm"),  QStringLiteral("*.pgm")};
    return patterns;
}

bool isDepthFile(const QString& name) {
    return name.endsWith(QLatin1String(".depth.png"), Qt::CaseInsensitive);
}

cv::Mat readColor(const QString& path) {
    try {
        cv::Mat image = cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_COLOR);
        return image;
    } catch (const cv::Exception& e) {
        qCWarning(lcDrivers) << "camera: decoding" << QFileInfo(path).fileName() << "threw:" << e.what();
        return {};
    }
}

}  // namespace

FileCamera::FileCamera(FileCameraConfig config) : m_config(std::move(config)) {}

FileCamera::~FileCamera() {
    close();
}

Result<void> FileCamera::open() {
    close();
    const QFileInfo source(m_config.source);
    if (m_config.source.isEmpty() || !source.exists()) {
        return makeError(QStringLiteral("camera.not_found"),
                         QStringLiteral("Camera source %1 does not exist: set devices.camera_source to an image, a "
                                        "folder of images or a video file.")
                             .arg(m_config.source));
    }
    const std::string path = QFile::encodeName(source.absoluteFilePath()).toStdString();
    if (source.isDir()) {
        m_kind = Kind::Folder;
        m_files = listFolder();
        if (m_files.isEmpty()) {
            return makeError(
                QStringLiteral("camera.open_failed"),
                QStringLiteral("Camera source folder %1 holds no images (.jpg, .png …).").arg(m_config.source));
        }
    } else if (cv::haveImageReader(path)) {
        m_kind = Kind::Image;
        const cv::Mat image = readColor(source.absoluteFilePath());
        if (image.empty()) {
            return makeError(
                QStringLiteral("camera.open_failed"),
                QStringLiteral("Camera source %1 is an image that cannot be decoded.").arg(m_config.source));
        }
        try {
            m_image = fitToSize(image, m_config.size, cv::INTER_AREA);
            if (m_config.depthFiles) m_imageDepth = loadDepthBeside(source.absoluteFilePath());
        } catch (const cv::Exception& e) {
            return makeError(QStringLiteral("camera.open_failed"),
                             QStringLiteral("Camera source %1 cannot be scaled: %2").arg(m_config.source, e.what()));
        }
    } else {
        m_kind = Kind::Video;
        m_video = std::make_unique<cv::VideoCapture>();
        bool opened = false;
        try {
            opened = m_video->open(path, cv::CAP_ANY) && m_video->isOpened();
        } catch (const cv::Exception& e) {
            qCWarning(lcDrivers) << "camera: opening video" << m_config.source << "threw:" << e.what();
        }
        if (!opened) {
            m_video.reset();
            return makeError(QStringLiteral("camera.open_failed"),
                             QStringLiteral("Camera source %1 is neither an image nor a video that can be played.")
                                 .arg(m_config.source));
        }
    }
    m_open = true;
    m_next = 0;
    m_passDelivered = false;
    m_sequence = 0;
    m_skipped = 0;
    m_nextFrameAt = std::chrono::steady_clock::now();
    qCInfo(lcDrivers) << "camera: file source opened:" << m_config.source;
    return {};
}

Result<CameraFrame> FileCamera::read() {
    if (!m_open) {
        return makeError(QStringLiteral("camera.unplugged"),
                         QStringLiteral("The camera is not open (file source %1).").arg(m_config.source));
    }
    switch (m_kind) {
        case Kind::Image:
            return readImage();
        case Kind::Folder:
            return readFolder();
        case Kind::Video:
            return readVideo();
    }
    return unplugged(QString());
}

void FileCamera::close() {
    m_open = false;
    wipeMat(m_image);
    wipeMat(m_imageDepth);
    m_files.clear();
    if (m_video) {
        m_video->release();
        m_video.reset();
    }
}

CameraInfo FileCamera::info() const {
    CameraInfo info;
    switch (m_kind) {
        case Kind::Image:
            info.backend = QStringLiteral("file");
            break;
        case Kind::Folder:
            info.backend = QStringLiteral("folder");
            break;
        case Kind::Video:
            info.backend = QStringLiteral("video");
            break;
    }
    info.description = m_config.source;
    info.width = m_config.size.width;
    info.height = m_config.size.height;
    info.fps = m_config.fps;
    info.depth = m_config.depthFiles && m_kind != Kind::Video;
    return info;
}

Result<CameraFrame> FileCamera::readImage() {
    if (!m_config.loop && m_sequence > 0) {
        return makeError(QStringLiteral("camera.end"),
                         QStringLiteral("Camera source %1 was shown once (looping is off).").arg(m_config.source));
    }
    return deliver(m_image.clone(), m_imageDepth.empty() ? cv::Mat() : m_imageDepth.clone());
}

Result<CameraFrame> FileCamera::readFolder() {
    // Bounded: one pass over the current listing, one re-listing, one pass over the new listing.
    qsizetype attempts = 2 * (m_files.size() + 1);
    while (attempts-- > 0) {
        if (!QFileInfo(m_config.source).isDir()) return unplugged(QStringLiteral("the folder was removed"));
        if (m_next >= m_files.size()) {
            if (!m_config.loop && m_passDelivered) {
                return makeError(
                    QStringLiteral("camera.end"),
                    QStringLiteral("Camera source %1: every image was shown (looping is off).").arg(m_config.source));
            }
            m_files = listFolder();
            m_next = 0;
            if (m_files.isEmpty()) return unplugged(QStringLiteral("the folder holds no images any more"));
            attempts = std::min(attempts, m_files.size());
        }
        const QString path = m_files.at(m_next++);
        cv::Mat image = readColor(path);
        if (image.empty()) {
            ++m_skipped;
            qCWarning(lcDrivers) << "camera: skipped an image that does not decode:" << QFileInfo(path).fileName();
            continue;
        }
        m_passDelivered = true;
        try {
            cv::Mat color = fitToSize(image, m_config.size, cv::INTER_AREA);
            wipeMat(image);
            cv::Mat depth = m_config.depthFiles ? loadDepthBeside(path) : cv::Mat();
            return deliver(std::move(color), std::move(depth));
        } catch (const cv::Exception& e) {
            wipeMat(image);
            ++m_skipped;
            qCWarning(lcDrivers) << "camera: skipped" << QFileInfo(path).fileName() << "-" << e.what();
        }
    }
    if (!QFileInfo(m_config.source).isDir()) return unplugged(QStringLiteral("the folder was removed"));
    return unplugged(QStringLiteral("none of its images decodes"));
}

Result<CameraFrame> FileCamera::readVideo() {
    cv::Mat frame;
    bool read = false;
    try {
        read = m_video->read(frame) && !frame.empty();
        if (!read && QFileInfo::exists(m_config.source)) {
            if (!m_config.loop) {
                return makeError(
                    QStringLiteral("camera.end"),
                    QStringLiteral("Camera source %1 played to its end (looping is off).").arg(m_config.source));
            }
            // Seeking back is unreliable across containers and backends; reopening always starts at frame 0.
            m_video->release();
            read = m_video->open(QFile::encodeName(m_config.source).toStdString(), cv::CAP_ANY) &&
                   m_video->read(frame) && !frame.empty();
        }
    } catch (const cv::Exception& e) {
        qCWarning(lcDrivers) << "camera: reading video" << m_config.source << "threw:" << e.what();
        read = false;
    }
    if (!read) {
        return unplugged(QFileInfo::exists(m_config.source) ? QStringLiteral("the video cannot be read any more")
                                                            : QStringLiteral("the video file was removed"));
    }
    try {
        if (frame.channels() == 1) cv::cvtColor(frame, frame, cv::COLOR_GRAY2BGR);
        if (frame.channels() == 4) cv::cvtColor(frame, frame, cv::COLOR_BGRA2BGR);
        cv::Mat color = fitToSize(frame, m_config.size, cv::INTER_AREA);
        wipeMat(frame);
        return deliver(std::move(color), {});
    } catch (const cv::Exception& e) {
        wipeMat(frame);
        return unplugged(QStringLiteral("a frame cannot be converted (%1)").arg(e.what()));
    }
}

Result<CameraFrame> FileCamera::deliver(cv::Mat color, cv::Mat depth) {
    using namespace std::chrono;
    const auto interval = duration_cast<steady_clock::duration>(duration<double>(1.0 / std::max(0.1, m_config.fps)));
    std::this_thread::sleep_until(m_nextFrameAt);
    const auto now = steady_clock::now();
    m_nextFrameAt += interval;
    if (m_nextFrameAt < now) m_nextFrameAt = now;  // fell behind (slow consumer): no burst to catch up

    CameraFrame frame;
    frame.color = std::move(color);
    frame.depth = std::move(depth);
    frame.sequence = ++m_sequence;
    frame.timestampMs = monotonicMs();
    return frame;
}

cv::Mat FileCamera::loadDepthBeside(const QString& imagePath) const {
    const QFileInfo image(imagePath);
    const QString depthPath = image.dir().filePath(image.completeBaseName() + QStringLiteral(".depth.png"));
    if (!QFileInfo::exists(depthPath)) return {};
    cv::Mat depth;
    try {
        depth = cv::imread(QFile::encodeName(depthPath).toStdString(), cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception& e) {
        qCWarning(lcDrivers) << "camera: depth file" << QFileInfo(depthPath).fileName() << "threw:" << e.what();
        return {};
    }
    if (depth.empty() || depth.type() != CV_16UC1) {
        qCWarning(lcDrivers) << "camera: depth file is not a 16-bit grey PNG; ignored:"
                             << QFileInfo(depthPath).fileName();
        return {};
    }
    return fitToSize(depth, m_config.size, cv::INTER_NEAREST);
}

QStringList FileCamera::listFolder() const {
    QStringList files;
    const QDir dir(m_config.source);
    for (const QFileInfo& entry : dir.entryInfoList(imagePatterns(), QDir::Files | QDir::Readable, QDir::Name)) {
        if (!isDepthFile(entry.fileName())) files.append(entry.absoluteFilePath());
    }
    return files;
}

Error FileCamera::unplugged(const QString& why) const {
    return makeError(QStringLiteral("camera.unplugged"),
                     QStringLiteral("Camera disconnected: %1 stopped delivering frames (%2). Customers can pay with "
                                    "a payment code meanwhile; the camera is used again as soon as frames are back.")
                         .arg(m_config.source, why));
}

}  // namespace facepos::drivers
