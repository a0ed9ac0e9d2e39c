#include "face_capture.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <atomic>

#include "drivers/camera/camera_service.h"
#include "face_capture_session.h"
#include "liveness.h"
#include "platform/settings.h"

namespace facepos::face {

Q_LOGGING_CATEGORY(lcFace, "facepos.face")

namespace {

constexpr qint64 kTrackedIntervalMs = 33;  // tracked() at most 30 times a second
constexpr int kGuidanceDebounceMs = 300;   // a piece of advice must hold this long before it is spoken

}  // namespace

FaceCaptureOptions FaceCaptureOptions::fromSettings(const Settings& settings) {
    FaceCaptureOptions options;
    options.yunetModelPath = settings.string(u"face.detector_model");
    options.liveness = settings.string(u"face.liveness");
    options.captureWindowMs = int(settings.duration(u"face.capture_window_ms").count());
    return options;
}

class FaceCapture::Private {
public:
    Private(FaceCapture* owner, drivers::CameraService& cameraService, FaceCaptureOptions captureOptions)
        : q(owner), camera(cameraService), options(std::move(captureOptions)) {}

    void onFrame(const drivers::CameraFrame& frame, int generation);
    void finishOnUiThread(int generation);
    void fail(const QString& code, const QString& message);
    void showGuidance(Guidance guidance);
    void halt();

    FaceCapture* q;
    drivers::CameraService& camera;
    FaceCaptureOptions options;

    // Owned by the UI thread; the camera thread uses `session` only between addConsumer and removeConsumer.
    std::unique_ptr<FaceCaptureSession> session;
    int consumerId = -1;
    bool running = false;
    std::atomic<int> generation{0};  // bumped by stop(): queued calls of an earlier run are dropped

    // Camera thread only.
    qint64 lastTrackedMs = -1;
    bool outcomeQueued = false;

    // UI thread only: guidance debounce.
    QTimer guidanceTimer;
    Guidance pendingGuidance = Guidance::NoFace;
    std::optional<Guidance> shownGuidance;
};

void FaceCapture::Private::onFrame(const drivers::CameraFrame& frame, int runGeneration) {
    if (!session || outcomeQueued) return;
    const FaceTrack track = session->process(frame);
    QPointer<FaceCapture> target(q);
    if (session->isDone()) {
        outcomeQueued = true;
        QMetaObject::invokeMethod(
            q,
            [target, runGeneration] {
                if (target) target->d->finishOnUiThread(runGeneration);
            },
            Qt::QueuedConnection);
        return;
    }
    if (lastTrackedMs >= 0 && frame.timestampMs - lastTrackedMs < kTrackedIntervalMs) return;
    lastTrackedMs = frame.timestampMs;
    QMetaObject::invokeMethod(
        q,
        [target, runGeneration, track] {
            if (!target || !target->d->running || target->d->generation != runGeneration) return;
            emit target->tracked(track);
            target->d->showGuidance(track.guidance);
        },
        Qt::QueuedConnection);
}

void FaceCapture::Private::showGuidance(Guidance guidance) {
    if (guidance == pendingGuidance && guidanceTimer.isActive()) return;
    if (guidance == pendingGuidance && shownGuidance == guidance) return;
    pendingGuidance = guidance;
    guidanceTimer.start(kGuidanceDebounceMs);
}

void FaceCapture::Private::finishOnUiThread(int runGeneration) {
    if (!running || generation != runGeneration || !session) return;
    // The consumer has seen the outcome and does nothing more; remove it before reading the session.
    camera.removeConsumer(consumerId);
    consumerId = -1;
    std::optional<SealedFace> sealed = session->sealed();
    std::optional<Error> error = session->error();
    halt();
    if (sealed) {
        qCInfo(lcFace) << "face captured:" << sealed->jpegBytes << "bytes of JPEG, liveness score"
                       << sealed->livenessScore;
        emit q->captured(*sealed);
    } else if (error) {
        qCWarning(lcFace) << "face capture failed:" << error->code;
        emit q->failed(error->code, error->message);
    }
}

void FaceCapture::Private::fail(const QString& code, const QString& message) {
    qCWarning(lcFace) << "face capture failed:" << code;
    halt();
    emit q->failed(code, message);
}

void FaceCapture::Private::halt() {
    ++generation;
    running = false;
    guidanceTimer.stop();
    if (consumerId >= 0) {
        camera.removeConsumer(consumerId);
        consumerId = -1;
    }
    session.reset();  // wipes the kept crop
}

FaceCapture::FaceCapture(drivers::CameraService& camera, FaceCaptureOptions options, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>(this, camera, std::move(options))) {
    qRegisterMetaType<FaceTrack>();
    qRegisterMetaType<SealedFace>();
    d->guidanceTimer.setSingleShot(true);
    connect(&d->guidanceTimer, &QTimer::timeout, this, [this] {
        if (!d->running || d->shownGuidance == d->pendingGuidance) return;
        d->shownGuidance = d->pendingGuidance;
        emit guidanceChanged(d->pendingGuidance);
    });
    connect(&camera, &drivers::CameraService::stateChanged, this, [this](const drivers::DeviceState& state) {
        if (!d->running) return;
        if (state.status == drivers::DeviceState::Status::Disconnected) {
            d->fail(QStringLiteral("camera.unplugged"), state.message);
        } else if (state.status == drivers::DeviceState::Status::Error) {
            d->fail(QStringLiteral("camera.open_failed"), state.message);
        }
    });
}

FaceCapture::~FaceCapture() {
    d->halt();
}

void FaceCapture::start(const QByteArray& facePublicKey, const QString& faceToken, qint64 maxImageBytes) {
    d->halt();
    const LivenessMode mode = chooseLivenessMode(d->options.liveness, d->camera.info());
    auto session = FaceCaptureSession::create(d->options, mode, {facePublicKey, faceToken, maxImageBytes});
    d->running = true;
    const int runGeneration = d->generation;
    if (!session) {
        const Error error = session.error();
        QPointer<FaceCapture> target(this);
        QMetaObject::invokeMethod(
            this,
            [target, runGeneration, error] {
                if (target && target->d->running && target->d->generation == runGeneration) {
                    target->d->fail(error.code, error.message);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    d->session = std::move(session.value());
    d->lastTrackedMs = -1;
    d->outcomeQueued = false;
    d->shownGuidance.reset();
    d->pendingGuidance = Guidance::NoFace;
    qCInfo(lcFace) << "face capture started, liveness" << livenessModeName(mode) << ", detector"
                   << (d->options.yunetModelPath.isEmpty() ? "haar" : "yunet");
    Private* p = d.get();
    d->consumerId = d->camera.addConsumer(
        [p, runGeneration](const drivers::CameraFrame& frame) { p->onFrame(frame, runGeneration); });
    d->camera.start();
}

void FaceCapture::stop() {
    d->halt();
}

bool FaceCapture::isRunning() const {
    return d->running;
}

QString FaceCapture::livenessMode() const {
    return livenessModeName(chooseLivenessMode(d->options.liveness, d->camera.info()));
}

}  // namespace facepos::face
