#pragma once

#include <QTimer>

#include "evdev_input_device.h"
#include "ibarcodescanner.h"
#include "scan_assembler.h"
#include "scan_classifier.h"
#include "us_key_decoder.h"

namespace facepos::drivers {

struct EvdevScannerConfig {
    EvdevInputConfig input;  // role "scanner"
    ScanTerminator terminator = ScanTerminator::Enter;
    std::chrono::milliseconds interKeyTimeout{50};
};

// A USB HID (keyboard-wedge) scanner read directly from its evdev node and grabbed, so its keystrokes never reach
// the UI. Key events are decoded in US layout (UsKeyDecoder), assembled into scans by their kernel time stamps
// (ScanAssembler: a pause longer than the inter-key timeout discards the fragment) and classified.
// A SYN_DROPPED (the kernel's buffer overflowed) or an unplug discards the scan in progress.
//
// Thread ownership: the creating thread (see EvdevInputDevice).
class EvdevBarcodeScanner final : public IBarcodeScanner {
    Q_OBJECT
public:
    EvdevBarcodeScanner(const EvdevScannerConfig& config, ScanClassifier classifier, QObject* parent = nullptr);

    Result<void> start() override;
    void stop() override;
    DeviceState state() const override { return m_device.state(); }

    // Key presses with no meaning in a scan, ignored since start (for the technician's self-test screen).
    int unknownKeyCount() const { return m_decoder.unknownKeyCount(); }
    bool grabbed() const { return m_device.grabbed(); }

private:
    void onEvent(const input_event& event);

    ScanClassifier m_classifier;
    UsKeyDecoder m_decoder;
    ScanAssembler m_assembler;
    EvdevInputDevice m_device;
    QTimer m_idle;  // fires when no key came for the inter-key timeout
};

}  // namespace facepos::drivers
