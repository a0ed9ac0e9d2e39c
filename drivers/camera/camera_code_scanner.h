#pragma once

#include <QMetaObject>
#include <chrono>
#include <memory>

#include "camera_code_reader.h"
#include "drivers/input/ibarcodescanner.h"
#include "platform/iclock.h"

namespace facepos {
class Settings;
}  // namespace facepos

namespace facepos::drivers {

class CameraService;

// Payment codes, member cards and vouchers read by the camera (DESIGN §4): one more IBarcodeScanner, next to the
// USB and serial scanners, so the checkout treats a camera scan like any other.
//
// How: start() registers a consumer with the shared CameraService (and starts it, idempotent). Each frame runs the
// CameraCodeReader on the camera thread; a code not suppressed by the CodeRepeatFilter (camera.code_repeat_ms) is
// classified by the same ScanClassifier as every other scanner and emitted as scanned() on this object's thread.
// stop() removes the consumer but leaves the camera running: face capture may be using it; the camera belongs to
// whoever created the CameraService.
//
// State: Disconnected ("not started") until start(); then the camera's own state and message.
//
// Thread ownership: lives on the thread that created it (the UI thread) and emits there. The reader and the repeat
// filter are used only on the camera thread, by one consumer call at a time. `camera` and `clock` must outlive it.
class CameraCodeScanner final : public IBarcodeScanner {
    Q_OBJECT
public:
    CameraCodeScanner(CameraService& camera, CameraCodeReader reader, ScanClassifier classifier, const IClock& clock,
                      std::chrono::milliseconds repeatWindow, QObject* parent = nullptr);
    ~CameraCodeScanner() override;  // removes the consumer: no frame is read after it returns

    Result<void> start() override;
    void stop() override;
    DeviceState state() const override { return m_state; }

private:
    struct FrameReader;

    void followCamera(const DeviceState& cameraState);
    void setState(DeviceState state);

    CameraService& m_camera;
    std::shared_ptr<FrameReader> m_frameReader;  // shared with the consumer running on the camera thread
    int m_consumerId = -1;
    QMetaObject::Connection m_stateConnection;
    DeviceState m_state;
};

// A CameraCodeScanner on `camera` configured from the settings: camera.code_formats, camera.code_repeat_ms, and
// scanner.member_card_pattern / scanner.voucher_pattern (as createBarcodeScanner reads them). Not started.
// Errors: scanner.bad_formats, scanner.bad_pattern. `camera`, `clock` must outlive the scanner.
Result<std::unique_ptr<CameraCodeScanner>> createCameraCodeScanner(CameraService& camera, const Settings& settings,
                                                                   const IClock& clock);

}  // namespace facepos::drivers
