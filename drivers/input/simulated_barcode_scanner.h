#pragma once

#include "ibarcodescanner.h"

namespace facepos::drivers {

// The scriptable twin for the demo and for tests of code that consumes scans: the script decides what is scanned,
// when the scanner fails and when it is unplugged. Scans go through the same ScanClassifier as real ones.
//
// Thread ownership: the creating thread; emits synchronously from the scripting calls.
class SimulatedBarcodeScanner final : public IBarcodeScanner {
    Q_OBJECT
public:
    explicit SimulatedBarcodeScanner(ScanClassifier classifier, QObject* parent = nullptr);

    Result<void> start() override;
    void stop() override;
    DeviceState state() const override { return m_state; }

    // Emits scanned() with the classification of `text`, as if the scanner had read it. Ignored unless connected
    // (a real scanner that is unplugged reads nothing either); returns whether it was delivered.
    bool feedScan(const QString& text);
    // Emits fragmentDiscarded(), as for a scan split by a pause.
    void feedFragment(const QString& reason);
    // The device reports a failure: state Error with `message` until replug().
    void injectError(const QString& message);
    void unplug();
    void replug();

private:
    void setState(DeviceState state);

    ScanClassifier m_classifier;
    DeviceState m_state;
    bool m_started = false;
};

}  // namespace facepos::drivers
