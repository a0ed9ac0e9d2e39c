#include "app/checkout/checkout_camera.h"

#include <QLoggingCategory>

#include "app/checkout/camera_preview_item.h"
#include "app/checkout/checkout_controller.h"
#include "app/checkout/face_auth_cache.h"
#include "app/checkout/face_checkout.h"
#include "app/customer_display.h"
#include "app/device_manager.h"
#include "app/face/face_capture.h"
#include "drivers/camera/camera_code_scanner.h"
#include "drivers/camera/camera_service.h"
#include "platform/settings.h"

namespace facepos::checkout {

Q_LOGGING_CATEGORY(lcCheckoutCamera, "facepos.checkout.camera")

Result<std::unique_ptr<CheckoutCamera>> CheckoutCamera::create(
    std::unique_ptr<drivers::ICamera> camera, const Settings& settings, backend::BackendClient& backend,
    PaymentEngine& engine, CheckoutController& checkout, DeviceManager& devices, CustomerDisplay& display,
    std::shared_ptr<const IClock> clock, std::shared_ptr<IScheduler> scheduler) {
    std::unique_ptr<CheckoutCamera> self(new CheckoutCamera);
    self->m_checkout = &checkout;
    self->m_devices = &devices;
    self->m_clock = clock;
    if (camera) {
        self->m_camera = std::make_unique<drivers::CameraService>(std::move(camera));
        self->m_capture =
            std::make_unique<face::FaceCapture>(*self->m_camera, face::FaceCaptureOptions::fromSettings(settings));
        auto codes = drivers::createCameraCodeScanner(*self->m_camera, settings, *self->m_clock);
        if (!codes) return codes.error();
        self->m_codes = std::move(codes).value();
        QObject::connect(self->m_codes.get(), &drivers::IBarcodeScanner::scanned, &checkout,
                         &CheckoutController::handleScan);
    }
    self->m_tokens = std::make_unique<FaceAuthCache>(backend, clock, std::move(scheduler));
    self->m_tokens->watch(engine);
    self->m_face = std::make_unique<FaceCheckout>(*self->m_tokens, self->m_capture.get(), devices,
                                                  FaceCheckout::Options::fromSettings(settings));
    checkout.setFaceCheckout(self->m_face.get());
    CameraPreviewItem::setCamera(self->m_camera.get());
    devices.setCamera(self->m_camera.get());
    CheckoutCamera* raw = self.get();
    // The customer display shows the same box and advice over its own live picture.
    QObject::connect(self->m_face.get(), &FaceCheckout::tracked, &display, [raw, &display] {
        const FaceCheckout& face = *raw->m_face;
        display.setFaceTrack(face.faceBox(), face.guidanceText(), face.guidance() == u"none");
    });
    if (self->m_camera) {
        QObject::connect(
            self->m_camera.get(), &drivers::CameraService::stateChanged, raw, [raw](const drivers::DeviceState& state) {
                // Face pay is offered only with a working camera; the message says what is wrong.
                const bool problem = raw->m_running && state.status != drivers::DeviceState::Status::Connected;
                if (problem) qCWarning(lcCheckoutCamera) << "camera:" << state.message;
                raw->m_face->setCameraProblem(!problem ? QString()
                                              : state.status == drivers::DeviceState::Status::Error
                                                  ? FaceCheckout::problemText(QStringLiteral("camera.open_failed"))
                                                  : FaceCheckout::problemText(QStringLiteral("camera.unplugged")));
            });
    }
    QObject::connect(&checkout, &CheckoutController::changed, raw, &CheckoutCamera::follow);
    return self;
}

CheckoutCamera::~CheckoutCamera() {
    CameraPreviewItem::setCamera(nullptr);
    if (m_devices) m_devices->setCamera(nullptr);
    if (m_checkout) m_checkout->setFaceCheckout(nullptr);
    m_face.reset();
    if (m_codes) m_codes->stop();
    m_codes.reset();
    m_capture.reset();
    if (m_camera) m_camera->stop();
}

void CheckoutCamera::follow() {
    if (!m_camera) return;
    const QString stage = m_checkout->stage();
    const bool wanted = stage == u"pay" || stage == u"consent" || stage == u"face";
    if (wanted == m_running) return;
    m_running = wanted;
    if (wanted) {
        qCInfo(lcCheckoutCamera) << "camera on for the checkout";
        m_camera->start();
        if (auto started = m_codes->start(); !started)
            qCWarning(lcCheckoutCamera) << "camera code reading not started:" << started.error().message;
    } else {
        qCInfo(lcCheckoutCamera) << "camera off";
        m_codes->stop();
        m_camera->stop();
        m_face->setCameraProblem(QString());
    }
}

}  // namespace facepos::checkout
