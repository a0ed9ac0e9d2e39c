#include "face_checkout.h"

#include <QLocale>
#include <QLoggingCategory>

#include "app/backend/backend_types.h"
#include "app/checkout/face_auth_cache.h"
#include "app/device_manager.h"
#include "app/face/face_capture.h"
#include "drivers/audio/ivoiceprompter.h"
#include "platform/settings.h"

namespace facepos::checkout {

Q_LOGGING_CATEGORY(lcFacePay, "facepos.facepay")

using namespace std::chrono_literals;

namespace {

// The same advice is said again at most this often; a change of advice is said at once.
constexpr auto kPromptRepeat = 4s;

std::optional<drivers::Prompt> promptFor(face::Guidance guidance) {
    switch (guidance) {
        case face::Guidance::NoFace:
            return drivers::Prompt::LookAtCamera;
        case face::Guidance::OnePersonOnly:
            return drivers::Prompt::OnePersonOnly;
        case face::Guidance::MoveCloser:
            return drivers::Prompt::MoveCloser;
        case face::Guidance::MoveBack:
            return drivers::Prompt::MoveBack;
        case face::Guidance::CenterFace:
        case face::Guidance::FaceCamera:
            return drivers::Prompt::FaceCamera;
        case face::Guidance::TooDark:
        case face::Guidance::TooBright:
            return drivers::Prompt::TooDark;
        case face::Guidance::HoldStill:
            return drivers::Prompt::HoldStill;
        case face::Guidance::Challenge:
            return drivers::Prompt::TurnHead;
        case face::Guidance::None:
        case face::Guidance::NotLive:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

FaceCheckout::Options FaceCheckout::Options::fromSettings(const Settings& settings) {
    Options options;
    options.timeout = std::chrono::duration_cast<std::chrono::seconds>(settings.duration(u"face.timeout_s"));
    options.consentRequired = settings.boolean(u"face.consent_required");
    return options;
}

FaceCheckout::FaceCheckout(FaceAuthCache& tokens, face::FaceCapture* capture, DeviceManager& devices, Options options,
                           QObject* parent)
    : QObject(parent), m_tokens(tokens), m_capture(capture), m_devices(devices), m_options(options) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        qCInfo(lcFacePay) << "no acceptable face within" << m_options.timeout.count() << "s";
        fail(QStringLiteral("face.timeout"),
             tr("No face could be captured in time. Please pay with your payment code instead."));
    });
    m_tick.setInterval(1s);
    connect(&m_tick, &QTimer::timeout, this, &FaceCheckout::tick);
    if (m_capture) {
        connect(m_capture, &face::FaceCapture::tracked, this, &FaceCheckout::onTracked);
        connect(m_capture, &face::FaceCapture::guidanceChanged, this, &FaceCheckout::onGuidance);
        connect(m_capture, &face::FaceCapture::captured, this, &FaceCheckout::onCaptured);
        connect(m_capture, &face::FaceCapture::failed, this, [this](const QString& code, const QString& message) {
            if (m_state != u"capturing") return;
            qCWarning(lcFacePay) << "capture failed:" << code << message;
            fail(code, tr("%1 Please pay with your payment code instead.").arg(problemText(code)));
        });
    }
}

FaceCheckout::~FaceCheckout() {
    if (m_capture) m_capture->stop();
}

bool FaceCheckout::available() const {
    return m_capture != nullptr && m_cameraProblem.isEmpty();
}

QString FaceCheckout::unavailableText() const {
    if (!m_capture) return tr("This terminal has no camera: face pay is not available.");
    if (!m_cameraProblem.isEmpty()) return tr("Face pay is not available: %1").arg(m_cameraProblem);
    return {};
}

QString FaceCheckout::problemText(const QString& code) {
    if (code == u"camera.unplugged") return tr("The camera stopped working (unplugged?).");
    if (code == u"camera.not_found") return tr("No camera was found.");
    if (code == u"camera.open_failed") return tr("The camera cannot be opened.");
    if (code == u"face.seal_failed" || code == u"face.image_too_large")
        return tr("The face picture could not be prepared for sending.");
    if (code == u"face.detector_failed") return tr("Face detection cannot run on this terminal.");
    return tr("Face capture stopped.");
}

QString FaceCheckout::guidance() const {
    return face::guidanceName(m_track.guidance);
}

QString FaceCheckout::guidanceText() const {
    if (m_state == u"preparing") return tr("Getting ready…");
    if (m_state != u"capturing") return {};
    return textFor(m_track.guidance);
}

QString FaceCheckout::textFor(face::Guidance guidance) {
    switch (guidance) {
        case face::Guidance::None:
            return tr("Hold still — capturing");
        case face::Guidance::NoFace:
            return tr("Please look at the camera");
        case face::Guidance::OnePersonOnly:
            return tr("One person at a time, please");
        case face::Guidance::MoveCloser:
            return tr("Please move closer");
        case face::Guidance::MoveBack:
            return tr("Please move back a little");
        case face::Guidance::CenterFace:
            return tr("Please move your face to the middle of the frame");
        case face::Guidance::FaceCamera:
            return tr("Please face the camera straight on");
        case face::Guidance::TooDark:
            return tr("Too dark: please face the light");
        case face::Guidance::TooBright:
            return tr("Too bright: please step out of the glare");
        case face::Guidance::HoldStill:
            return tr("Please hold still");
        case face::Guidance::Challenge:
            return tr("Please turn your head slightly, then look back");
        case face::Guidance::NotLive:
            return tr("A live face is needed: photos and screens are not accepted");
    }
    return {};
}

int FaceCheckout::secondsLeft() const {
    if (m_state != u"capturing" && m_state != u"preparing") return 0;
    const qint64 left = std::chrono::milliseconds(m_options.timeout).count() - m_started.elapsed();
    return static_cast<int>(std::max<qint64>(0, (left + 999) / 1000));
}

QString FaceCheckout::livenessMode() const {
    return m_capture ? m_capture->livenessMode() : QString();
}

void FaceCheckout::begin(const QString& operatorId) {
    end();
    m_failureCode.clear();
    m_failureText.clear();
    if (!available()) {
        fail(m_capture ? QStringLiteral("camera.unplugged") : QStringLiteral("face.no_camera"), unavailableText());
        return;
    }
    const int attempt = ++m_attempt;
    m_started.start();
    m_timeout.start(m_options.timeout);
    m_tick.start();
    setState(QStringLiteral("preparing"));
    m_tokens.setKeepFresh(true);
    m_tokens.acquire(operatorId, [this, attempt](Result<backend::FaceAuthInfo> info) {
        if (attempt != m_attempt || m_state != u"preparing") return;
        if (!info) {
            qCWarning(lcFacePay) << "face token not received:" << info.error().code << info.error().message;
            fail(
                QStringLiteral("face.token_failed"),
                tr("Face pay cannot start (%1). Please pay with your payment code instead.").arg(info.error().message));
            return;
        }
        m_track = {};
        setState(QStringLiteral("capturing"));
        m_capture->start(info->facePublicKey, info->faceToken, info->maxImageBytes);
        m_devices.say(drivers::Prompt::LookAtCamera);
        m_lastPrompt.start();
        m_lastPromptGuidance = face::Guidance::NoFace;
    });
}

void FaceCheckout::end() {
    ++m_attempt;
    m_timeout.stop();
    m_tick.stop();
    m_tokens.setKeepFresh(false);
    if (m_capture) m_capture->stop();
    m_track = {};
    if (m_state != u"idle") setState(QStringLiteral("idle"));
    emit tracked();
}

void FaceCheckout::setCameraProblem(const QString& message) {
    if (m_cameraProblem == message) return;
    m_cameraProblem = message;
    emit changed();
}

void FaceCheckout::setState(const QString& state) {
    m_state = state;
    emit changed();
    emit tracked();
    emit tick();
}

void FaceCheckout::fail(const QString& code, const QString& text) {
    ++m_attempt;
    m_timeout.stop();
    m_tick.stop();
    m_tokens.setKeepFresh(false);
    if (m_capture) m_capture->stop();
    m_track = {};
    m_failureCode = code;
    m_failureText = text;
    qCInfo(lcFacePay) << "face capture failed:" << code;
    setState(QStringLiteral("failed"));
    emit failed(code, text);
}

void FaceCheckout::onTracked(const face::FaceTrack& track) {
    if (m_state != u"capturing") return;
    m_track = track;
    emit tracked();
}

void FaceCheckout::onGuidance(face::Guidance guidance) {
    if (m_state != u"capturing") return;
    const auto prompt = promptFor(guidance);
    if (!prompt) return;
    if (guidance == m_lastPromptGuidance && m_lastPrompt.isValid() &&
        m_lastPrompt.elapsed() < std::chrono::milliseconds(kPromptRepeat).count())
        return;
    m_lastPrompt.start();
    m_lastPromptGuidance = guidance;
    m_devices.say(*prompt);
}

void FaceCheckout::onCaptured(const face::SealedFace& face) {
    if (m_state != u"capturing") return;
    m_timeout.stop();
    m_tick.stop();
    m_tokens.setKeepFresh(false);
    qCInfo(lcFacePay) << "face captured: jpeg" << face.jpegBytes << "bytes, liveness" << face.livenessScore << "after"
                      << m_started.elapsed() << "ms";
    setState(QStringLiteral("captured"));
    emit captured(face);
}

}  // namespace facepos::checkout
