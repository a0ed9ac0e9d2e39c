#pragma once

#include "ibarcodescanner.h"

namespace facepos::drivers {

// devices.scanner = none: there is no scanner; it never scans and says so to the technician screen.
class NullBarcodeScanner final : public IBarcodeScanner {
    Q_OBJECT
public:
    using IBarcodeScanner::IBarcodeScanner;

    Result<void> start() override { return {}; }
    void stop() override {}
    DeviceState state() const override {
        return {DeviceState::Status::Disconnected,
                QStringLiteral("No scanner is configured (devices.scanner = none); payment codes can be scanned with "
                               "the camera.")};
    }
};

}  // namespace facepos::drivers
