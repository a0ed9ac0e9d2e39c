#include "face_capture_session.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "app/backend/backend_client.h"
#include "haar_face_detector.h"
#include "platform/crypto.h"

namespace facepos::face {

FaceCaptureSession::FaceCaptureSession(std::unique_ptr<IFaceDetector> detector,
                                       std::unique_ptr<IFaceDetector> infraredDetector, LivenessMode liveness,
                                       FaceCaptureOptions options, FaceCaptureRequest request,
                                       QualityThresholds quality, LivenessThresholds livenessThresholds)
    : m_detector(std::move(detector)),
      m_infraredDetector(std::move(infraredDetector)),
      m_options(std::move(options)),
      m_request(std::move(request)),
      m_quality(quality),
      m_livenessChecker(liveness, m_infraredDetector.get(), livenessThresholds) {
    // A session sees one camera's frames in order: the detector may follow the face instead of rescanning.
    if (m_detector) m_detector->setTracking(true);
}

Result<std::unique_ptr<FaceCaptureSession>> FaceCaptureSession::create(const FaceCaptureOptions& options,
                                                                       LivenessMode liveness,
                                                                       FaceCaptureRequest request) {
    auto detector = createFaceDetector(options.yunetModelPath, options.haarCascadePath);
    if (!detector) return detector.error();
    std::unique_ptr<IFaceDetector> infrared;
    if (liveness == LivenessMode::Infrared) {
        // Infrared frames are grey and low in contrast: the cascade (which equalises the histogram) is used for
        // them whatever the colour detector is.
        auto haar = HaarFaceDetector::create(options.haarCascadePath);
        if (!haar) return haar.error();
        infrared = std::move(haar.value());
    }
    return std::make_unique<FaceCaptureSession>(std::move(detector.value()), std::move(infrared), liveness, options,
                                                std::move(request));
}

FaceCaptureSession::~FaceCaptureSession() {
    resetWindow();
}

void FaceCaptureSession::resetWindow() {
    m_windowStartMs.reset();
    m_goodFrames = 0;
    m_bestSharpness = -1;
    m_bestLiveness = 0;
    m_best.wipe();
}

FaceTrack FaceCaptureSession::process(const drivers::CameraFrame& frame) {
    if (isDone()) return m_lastTrack;
    if (!m_keyChecked) {
        m_keyChecked = true;
        // Seal nothing once: a key that is not a P-256 point fails here, before the customer is asked to pose.
        auto probe = crypto::sealToPublicKey(m_request.facePublicKey, {},
                                             backend::BackendClient::faceImageInfo(m_request.faceToken));
        if (!probe) {
            m_error = makeError(QStringLiteral("face.seal_failed"),
                                QStringLiteral("The face image cannot be sealed: the backend's face key is not a valid "
                                               "P-256 key (%1). Choose another way to pay.")
                                    .arg(probe.error().code));
            m_lastTrack = FaceTrack{};
            return m_lastTrack;
        }
    }

    FaceTrack track;
    if (frame.color.empty() || frame.color.type() != CV_8UC3) {
        m_lastTrack = track;
        return track;
    }
    std::vector<FaceDetection> faces = m_detector->detect(frame.color);
    const int primary = largestFace(faces);
    m_report = evaluateQuality(frame.color, faces, m_quality);
    // The eyes only matter once the gates before the roll gate pass: look for them then, and judge again.
    const bool rollMatters = m_report.guidance == Guidance::None || m_report.guidance > Guidance::FaceCamera;
    if (primary >= 0 && rollMatters && !faces[std::size_t(primary)].eyesFound) {
        m_detector->findEyes(frame.color, faces[std::size_t(primary)]);
        if (faces[std::size_t(primary)].eyesFound) m_report = evaluateQuality(frame.color, faces, m_quality);
    }

    const auto update =
        m_tracker.update(primary >= 0 ? std::optional<cv::Rect>(faces[std::size_t(primary)].box) : std::nullopt);
    if (update.reset) {
        resetWindow();
        m_livenessChecker.reset();
    }

    Guidance guidance = m_report.guidance;
    m_liveness = LivenessVerdict{};
    // The challenge watches every frame of the one face (the movement may briefly fail a gate such as centring);
    // depth and infrared are looked at on good frames only.
    const bool challenge = m_livenessChecker.mode() == LivenessMode::Challenge;
    if (primary >= 0 && (guidance == Guidance::None || (challenge && m_report.faces == 1))) {
        m_liveness = m_livenessChecker.evaluate(frame, faces[std::size_t(primary)].box);
        if (guidance == Guidance::None) {
            if (m_liveness.state == LivenessVerdict::State::NotLive) guidance = Guidance::NotLive;
            if (m_liveness.state == LivenessVerdict::State::Pending) guidance = Guidance::Challenge;
        }
    }

    if (guidance == Guidance::None) {
        if (!m_windowStartMs) m_windowStartMs = frame.timestampMs;
        ++m_goodFrames;
        if (m_report.sharpness > m_bestSharpness) {
            m_bestSharpness = m_report.sharpness;
            m_bestLiveness = m_liveness.score;
            keep(frame.color, faces[std::size_t(primary)].box);
        }
    }

    if (update.tracking) {
        const cv::Rect2d& b = update.box;
        track.box = QRectF(b.x / frame.color.cols, b.y / frame.color.rows, b.width / frame.color.cols,
                           b.height / frame.color.rows);
    }
    track.guidance = guidance;
    if (m_windowStartMs) {
        const double window = std::max(1, m_options.captureWindowMs);
        track.progress = std::clamp(double(frame.timestampMs - *m_windowStartMs) / window, 0.0, 1.0);
        if (frame.timestampMs - *m_windowStartMs >= m_options.captureWindowMs && !m_best.get().empty()) {
            finish();
            track.progress = 1;
            if (m_sealed) track.guidance = Guidance::None;
        }
    } else if (challenge) {
        track.progress = 0.5 * m_liveness.progress;
    }
    m_lastTrack = track;
    return track;
}

void FaceCaptureSession::keep(const cv::Mat& color, const cv::Rect& face) {
    const int mx = int(std::lround(face.width * kCropMargin));
    const int my = int(std::lround(face.height * kCropMargin));
    const cv::Rect crop = cv::Rect(face.x - mx, face.y - my, face.width + 2 * mx, face.height + 2 * my) &
                          cv::Rect(0, 0, color.cols, color.rows);
    m_best.wipe();
    try {
        const int longSide = std::max(crop.width, crop.height);
        if (longSide > kMaxImageSide) {
            const double scale = double(kMaxImageSide) / longSide;
            cv::resize(color(crop), m_best.get(), cv::Size(), scale, scale, cv::INTER_AREA);
        } else {
            color(crop).copyTo(m_best.get());
        }
    } catch (const cv::Exception&) {
        m_best.wipe();
        m_bestSharpness = -1;
    }
}

void FaceCaptureSession::finish() {
    FaceBuffer<std::vector<uchar>> jpeg;
    bool fits = false;
    int quality = std::clamp(m_options.jpegQuality, kMinJpegQuality, 100);
    for (;; quality -= 10) {
        quality = std::max(quality, kMinJpegQuality);
        jpeg.wipe();
        bool encoded = false;
        try {
            encoded = cv::imencode(".jpg", m_best.get(), jpeg.get(), {cv::IMWRITE_JPEG_QUALITY, quality});
        } catch (const cv::Exception&) {
            encoded = false;
        }
        if (encoded && (m_request.maxImageBytes <= 0 || qint64(jpeg.get().size()) <= m_request.maxImageBytes)) {
            fits = encoded;
            break;
        }
        if (!encoded || quality == kMinJpegQuality) break;
    }
    m_best.wipe();
    if (!fits) {
        m_error = makeError(QStringLiteral("face.image_too_large"),
                            QStringLiteral("The face image does not fit in %1 bytes even at the lowest quality.")
                                .arg(m_request.maxImageBytes));
        return;
    }
    const QByteArrayView plain(reinterpret_cast<const char*>(jpeg.get().data()), qsizetype(jpeg.get().size()));
    auto sealed = crypto::sealToPublicKey(m_request.facePublicKey, plain,
                                          backend::BackendClient::faceImageInfo(m_request.faceToken));
    if (!sealed) {
        m_error =
            makeError(QStringLiteral("face.seal_failed"), QStringLiteral("The face image cannot be sealed (%1): %2")
                                                              .arg(sealed.error().code, sealed.error().message));
        return;
    }
    SealedFace face;
    face.sealedImage = std::move(sealed.value());
    face.faceToken = m_request.faceToken;
    face.livenessScore = m_bestLiveness;
    face.jpegBytes = int(jpeg.get().size());
    m_sealed = std::move(face);
}

}  // namespace facepos::face
