#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <opencv2/core/mat.hpp>
#include <optional>

#include "app/face/face_capture.h"
#include "app/face/face_types.h"
#include "drivers/camera/camera_frame.h"
#include "face_buffer.h"
#include "face_detector.h"
#include "face_tracker.h"
#include "liveness.h"
#include "platform/result.h"
#include "quality_gates.h"

namespace facepos::face {

// What one capture is for: the key and token of §12.1 and the limits.
struct FaceCaptureRequest {
    QByteArray facePublicKey;  // 65-byte uncompressed P-256 point (or SPKI DER)
    QString faceToken;
    qint64 maxImageBytes = 0;  // 0: no limit
};

// The synchronous core of FaceCapture: one frame in, the track out, until a sealed face (or an error) comes out.
// Tests and benchmarks drive it with frames directly; FaceCapture runs it on the camera thread.
//
// Per frame: detect (downscaled grey), quality gates, tracking (a new track restarts everything), liveness, then the
// capture window: it opens at the first good, live frame and lasts captureWindowMs of frame time; the sharpest good,
// live frame in it is kept (a crop with a 40 % margin, long side ≤ 480 px). When the window closes the crop is
// encoded as JPEG in memory (quality lowered until it fits maxImageBytes), sealed, and every copy of face pixels is
// wiped. Errors: face.seal_failed (checked on the first frame, before the customer is asked to pose),
// face.image_too_large.
//
// Thread ownership: one thread at a time.
class FaceCaptureSession {
public:
    static constexpr double kCropMargin = 0.4;  // of the face box, on each side
    static constexpr int kMaxImageSide = 480;
    static constexpr int kMinJpegQuality = 20;

    FaceCaptureSession(std::unique_ptr<IFaceDetector> detector, std::unique_ptr<IFaceDetector> infraredDetector,
                       LivenessMode liveness, FaceCaptureOptions options, FaceCaptureRequest request,
                       QualityThresholds quality = {}, LivenessThresholds livenessThresholds = {});
    // Builds the detectors the options ask for (the infrared one only in Infrared mode): face.detector_failed.
    static Result<std::unique_ptr<FaceCaptureSession>> create(const FaceCaptureOptions& options, LivenessMode liveness,
                                                              FaceCaptureRequest request);
    ~FaceCaptureSession();  // wipes every face buffer

    FaceCaptureSession(const FaceCaptureSession&) = delete;
    FaceCaptureSession& operator=(const FaceCaptureSession&) = delete;

    FaceTrack process(const drivers::CameraFrame& frame);

    bool isDone() const { return m_sealed.has_value() || m_error.has_value(); }
    const std::optional<SealedFace>& sealed() const { return m_sealed; }
    const std::optional<Error>& error() const { return m_error; }

    // The measures of the last frame, for tests, benchmarks and the log.
    const QualityReport& lastReport() const { return m_report; }
    const LivenessVerdict& lastLiveness() const { return m_liveness; }
    int goodFrames() const { return m_goodFrames; }
    LivenessMode livenessMode() const { return m_livenessChecker.mode(); }

    // Drops the window and wipes the kept crop (a new track, stop()).
    void resetWindow();

private:
    void keep(const cv::Mat& color, const cv::Rect& face);
    void finish();

    std::unique_ptr<IFaceDetector> m_detector;
    std::unique_ptr<IFaceDetector> m_infraredDetector;
    FaceCaptureOptions m_options;
    FaceCaptureRequest m_request;
    QualityThresholds m_quality;
    FaceTracker m_tracker;
    LivenessChecker m_livenessChecker;

    bool m_keyChecked = false;
    std::optional<qint64> m_windowStartMs;
    int m_goodFrames = 0;
    double m_bestSharpness = -1;
    int m_bestLiveness = 0;
    FaceBuffer<cv::Mat> m_best;  // the kept crop
    QualityReport m_report;
    LivenessVerdict m_liveness;
    FaceTrack m_lastTrack;

    std::optional<SealedFace> m_sealed;
    std::optional<Error> m_error;
};

}  // namespace facepos::face
