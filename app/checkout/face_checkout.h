#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QRectF>
#include <QString>
#include <QTimer>
#include <chrono>

#include "app/face/face_types.h"

namespace facepos {
class DeviceManager;
class Settings;
}  // namespace facepos
namespace facepos::face {
class FaceCapture;
}
namespace facepos::checkout {

class FaceAuthCache;

// The face capture step of a face payment (QML singleton `FacePay`), between the cashier choosing face pay and the
// sealed image going to the payment engine: the consent notice, the face token (FaceAuthCache), the capture
// (face::FaceCapture on the camera thread), guidance on screen and by voice, and the timeout that falls back to the
// payment code. CheckoutController decides the stages; this object runs the capture and reports.
//
// state: "idle" → "preparing" (fetching the face token) → "capturing" → "captured" | "failed".
// A failure is a value: failureCode ("face.timeout", "face.no_camera", "camera.unplugged", "face.token_failed" …) and
// failureText, the cashier's and customer's words, always ending with the way to pay without the face.
//
// Thread ownership: the UI thread.
class FaceCheckout final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(QString unavailableText READ unavailableText NOTIFY changed)
    Q_PROPERTY(bool consentRequired READ consentRequired CONSTANT)
    Q_PROPERTY(QString guidance READ guidance NOTIFY tracked)
    Q_PROPERTY(QString guidanceText READ guidanceText NOTIFY tracked)
    Q_PROPERTY(QRectF faceBox READ faceBox NOTIFY tracked)
    Q_PROPERTY(double progress READ progress NOTIFY tracked)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY tick)
    Q_PROPERTY(QString livenessMode READ livenessMode NOTIFY changed)
    Q_PROPERTY(QString failureCode READ failureCode NOTIFY changed)
    Q_PROPERTY(QString failureText READ failureText NOTIFY changed)

public:
    struct Options {
        std::chrono::seconds timeout{15};  // face.timeout_s
        bool consentRequired = true;       // face.consent_required

        static Options fromSettings(const Settings& settings);
    };

    // `capture` is null when the terminal has no camera (devices.camera = none): face pay is then unavailable.
    FaceCheckout(FaceAuthCache& tokens, face::FaceCapture* capture, DeviceManager& devices, Options options,
                 QObject* parent = nullptr);
    ~FaceCheckout() override;

    QString state() const { return m_state; }
    bool available() const;
    QString unavailableText() const;
    bool consentRequired() const { return m_options.consentRequired; }
    QString guidance() const;
    QString guidanceText() const;
    QRectF faceBox() const { return m_track.box; }
    double progress() const { return m_track.progress; }
    int secondsLeft() const;
    QString livenessMode() const;
    QString failureCode() const { return m_failureCode; }
    QString failureText() const { return m_failureText; }

    // Starts a capture for the clerk `operatorId`: fetches (or reuses) the face token, then looks for a face.
    // Ends in captured() or failed(); end() stops it silently.
    void begin(const QString& operatorId);
    void end();
    // The camera cannot be used (CameraService's state, in the cashier's words), or empty when it works again:
    // face pay is not offered meanwhile.
    void setCameraProblem(const QString& text);

    // The words for a guidance, in the UI language.
    static QString textFor(face::Guidance guidance);
    // The words for a camera or capture error code (drivers' messages are English, for the log and the technician).
    static QString problemText(const QString& code);

signals:
    void changed();
    void tracked();
    void tick();
    void captured(const facepos::face::SealedFace& face);
    void failed(const QString& code, const QString& text);

private:
    void setState(const QString& state);
    void fail(const QString& code, const QString& text);
    void onTracked(const face::FaceTrack& track);
    void onGuidance(face::Guidance guidance);
    void onCaptured(const face::SealedFace& face);

    FaceAuthCache& m_tokens;
    face::FaceCapture* m_capture;
    DeviceManager& m_devices;
    Options m_options;
    QString m_state = QStringLiteral("idle");
    face::FaceTrack m_track;
    QString m_failureCode;
    QString m_failureText;
    QString m_cameraProblem;
    QTimer m_timeout;
    QTimer m_tick;
    QElapsedTimer m_started;
    QElapsedTimer m_lastPrompt;
    face::Guidance m_lastPromptGuidance = face::Guidance::None;
    int m_attempt = 0;  // a new begin() makes older token answers stale
};

}  // namespace facepos::checkout
