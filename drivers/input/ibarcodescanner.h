#pragma once

#include <QObject>

#include "device_state.h"
#include "platform/result.h"
#include "scan_classifier.h"

namespace facepos::drivers {

// A payment-code / member-card / voucher scanner. Implementations: EvdevBarcodeScanner (USB HID read from
// /dev/input with an exclusive grab), KeyboardWedgeScanner (HID keyboard wedge through Qt's key events),
// SerialBarcodeScanner, SimulatedBarcodeScanner, NullBarcodeScanner; createBarcodeScanner() picks one.
//
// Thread ownership: a scanner lives on the thread that created it (the UI thread) and emits there; it never blocks.
class IBarcodeScanner : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~IBarcodeScanner() override = default;

    // Opens the device. A device that is absent is not an error: the state is Disconnected and the driver keeps
    // trying (hotplug). Errors are configuration mistakes the driver cannot recover from by waiting.
    virtual Result<void> start() = 0;
    virtual void stop() = 0;

    virtual DeviceState state() const = 0;

signals:
    // One complete scan, already classified (Rejected scans included, so the UI can tell the cashier to rescan).
    void scanned(const facepos::drivers::ScanClassification& scan);
    // A fragment that was not a complete scan (split by a pause, interrupted by dropped events or an unplug).
    // It is discarded, never merged with the next fragment; `reason` is for the log and the technician screen.
    void fragmentDiscarded(const QString& reason);
    void stateChanged(const facepos::drivers::DeviceState& state);
};

}  // namespace facepos::drivers
