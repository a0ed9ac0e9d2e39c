#pragma once

#include <QObject>
#include <memory>

#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos {
class CustomerDisplay;
class DeviceManager;
class Settings;
}  // namespace facepos
namespace facepos::backend {
class BackendClient;
}
namespace facepos::drivers {
class CameraCodeScanner;
class CameraService;
class ICamera;
}  // namespace facepos::drivers
namespace facepos::face {
class FaceCapture;
}

namespace facepos::checkout {

class CheckoutController;
class FaceAuthCache;
class FaceCheckout;
class IScheduler;
class PaymentEngine;

// What the camera adds to the checkout (issue 8), built from the settings and wired to the controller in one place
// for Application and the tests: the CameraService running the camera on its thread, the face capture pipeline, the
// camera as one more payment-code scanner, the face token cache and the face step (FaceCheckout, QML `FacePay`).
//
// The camera runs only while the checkout needs it — the pay, consent and face stages — and is closed otherwise, so
// the terminal captures nothing while no payment is being taken.
//
// Thread ownership: the UI thread.
class CheckoutCamera final : public QObject {
    Q_OBJECT
public:
    // `camera` is null on a terminal without one (devices.camera = none): face pay is then unavailable and says so.
    // Errors: the camera code reader's configuration (scanner.bad_formats, scanner.bad_pattern).
    static Result<std::unique_ptr<CheckoutCamera>> create(std::unique_ptr<drivers::ICamera> camera,
                                                          const Settings& settings, backend::BackendClient& backend,
                                                          PaymentEngine& engine, CheckoutController& checkout,
                                                          DeviceManager& devices, CustomerDisplay& display,
                                                          std::shared_ptr<const IClock> clock,
                                                          std::shared_ptr<IScheduler> scheduler);
    ~CheckoutCamera() override;

    FaceCheckout& face() { return *m_face; }
    FaceAuthCache& tokens() { return *m_tokens; }
    drivers::CameraService* camera() { return m_camera.get(); }

private:
    CheckoutCamera() = default;
    void follow();

    CheckoutController* m_checkout = nullptr;
    DeviceManager* m_devices = nullptr;
    std::shared_ptr<const IClock> m_clock;
    std::unique_ptr<drivers::CameraService> m_camera;
    std::unique_ptr<face::FaceCapture> m_capture;
    std::unique_ptr<drivers::CameraCodeScanner> m_codes;
    std::unique_ptr<FaceAuthCache> m_tokens;
    std::unique_ptr<FaceCheckout> m_face;
    bool m_running = false;
};

}  // namespace facepos::checkout
