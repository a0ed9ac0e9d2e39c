#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

#include "app/face/face_types.h"

namespace facepos {
class Settings;
}
namespace facepos::drivers {
class CameraService;
}

namespace facepos::face {

// The settings of the capture pipeline (face.* keys, docs/configuration.md).
struct FaceCaptureOptions {
    QString yunetModelPath;   // face.detector_model: empty → the Haar cascade from opencv-data
    QString haarCascadePath;  // defaults to /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml
    QString liveness = QStringLiteral("auto");  // face.liveness: auto | depth | infrared | challenge | off
    int captureWindowMs = 400;  // face.capture_window_ms: best frame chosen among the good frames of this window
    int jpegQuality = 90;

    static FaceCaptureOptions fromSettings(const Settings& settings);
};

// Face capture for one face payment: detection, tracking and quality gates, liveness, best-frame selection, crop,
// JPEG in memory and sealing, all on the camera thread (a CameraService consumer); see docs/face-pay.md.
//
// The UI thread calls start() with the backend's face key and token (§12.1) and gets tracked() for the preview,
// guidanceChanged() when the advice changes (voice), then exactly one of captured() or failed() — or nothing after
// stop(). Every buffer holding face pixels is wiped when it is no longer needed; nothing is written to disk or
// logged.
//
// Errors given to failed(code, message): camera.unplugged / camera.not_found / camera.open_failed (the camera),
// face.seal_failed (the face key is not a valid P-256 point), face.image_too_large (the JPEG cannot be made smaller
// than max_image_bytes), face.detector_failed (the detector cannot be loaded).
//
// Thread ownership: lives on the UI thread; signals arrive there.
class FaceCapture : public QObject {
    Q_OBJECT
public:
    FaceCapture(drivers::CameraService& camera, FaceCaptureOptions options, QObject* parent = nullptr);
    ~FaceCapture() override;

    // Starts (or restarts) looking for a face. The image is sealed to `facePublicKey` (65-byte uncompressed P-256)
    // with the info "facepos face image v1:" + faceToken; the JPEG is at most maxImageBytes.
    void start(const QByteArray& facePublicKey, const QString& faceToken, qint64 maxImageBytes);
    void stop();  // stops and wipes everything held; no signal follows
    bool isRunning() const;

    // Which liveness mode applies to the current camera ("depth", "infrared", "challenge", "off").
    QString livenessMode() const;

signals:
    void tracked(const facepos::face::FaceTrack& track);  // at most 30 per second
    void guidanceChanged(facepos::face::Guidance guidance);
    void captured(const facepos::face::SealedFace& face);
    void failed(const QString& code, const QString& message);

private:
    class Private;
    std::unique_ptr<Private> d;
};

}  // namespace facepos::face
