#pragma once

#include <QString>
#include <memory>

#include "ibarcodescanner.h"
#include "platform/result.h"

namespace facepos {
class IClock;
class Settings;
}  // namespace facepos

namespace facepos::drivers {

// The one place that turns configuration into a scanner. Reads devices.scanner and the scanner.* keys:
//   evdev     → EvdevBarcodeScanner on scanner.device (grabbed);
//   keyboard  → KeyboardWedgeScanner (application event filter);
//   serial    → SerialBarcodeScanner on scanner.serial_port at scanner.serial_baud;
//   simulated → SimulatedBarcodeScanner;  none → NullBarcodeScanner.
// Errors are configuration mistakes: scanner.bad_pattern (member card / voucher regular expression),
// input.not_configured (evdev without scanner.device, serial without scanner.serial_port).
// The scanner is not started; `clock` must outlive it.
Result<std::unique_ptr<IBarcodeScanner>> createBarcodeScanner(const Settings& settings, const IClock& clock);

// The same with the backend given instead of devices.scanner (the demo forces "simulated").
Result<std::unique_ptr<IBarcodeScanner>> createBarcodeScanner(const QString& backend, const Settings& settings,
                                                              const IClock& clock);

}  // namespace facepos::drivers
