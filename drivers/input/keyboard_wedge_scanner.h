#pragma once

#include <QKeyEvent>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <memory>
#include <vector>

#include "ibarcodescanner.h"
#include "platform/iclock.h"
#include "scan_assembler.h"
#include "scan_classifier.h"

namespace facepos::drivers {

struct KeyboardWedgeConfig {
    // Longest pause between two keys of a scan (scanner.inter_key_timeout_ms). Scanners type a character every few
    // milliseconds; people need 50 ms or more between keys, so a value between the two separates them.
    std::chrono::milliseconds interKeyTimeout{40};
    int minimumScanLength = 6;  // a shorter fast burst ending in Enter is treated as typing (e.g. "ok" + Enter)
    ScanTerminator terminator = ScanTerminator::Enter;
};

// The keyboard-wedge scanner when the device cannot be grabbed (devices.scanner = keyboard): the scanner's keys
// arrive as ordinary Qt key events, and this application-wide event filter tells a scan from a person typing by the
// time between keys.
//
// How: every printable key press (and its release) addressed to a window is held back and remembered with the time
// it came (from `clock`). If the next key follows within the inter-key timeout, the burst goes on; when the
// terminator ends a burst of at least minimumScanLength characters, the burst is a scan: it is classified and
// emitted, and none of its key events is ever delivered, so a focused TextField stays untouched. When a pause longer
// than the timeout follows (the next key comes late, or the timer sees the clock move past the timeout), the held
// events were typing: they are re-sent to their windows, in order, and reach the focused field as if never held.
// Keys with Ctrl/Alt/Meta and non-printable keys are never held.
//
// Thread ownership: the GUI thread (where Qt delivers key events); `clock` must outlive the filter.
class KeyboardWedgeScanner final : public IBarcodeScanner {
    Q_OBJECT
public:
    KeyboardWedgeScanner(KeyboardWedgeConfig config, ScanClassifier classifier, const IClock& clock,
                         QObject* parent = nullptr);
    ~KeyboardWedgeScanner() override;

    // Installs the filter on the application object (QCoreApplication must exist).
    Result<void> start() override;
    void stop() override;
    DeviceState state() const override { return m_state; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct HeldEvent {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };

    bool isTerminator(const QKeyEvent& event) const;
    void hold(QObject* receiver, const QKeyEvent& event);
    void releaseAsTyping();
    void onIdleCheck();
    void setState(DeviceState state);

    KeyboardWedgeConfig m_config;
    ScanClassifier m_classifier;
    const IClock& m_clock;
    std::vector<HeldEvent> m_held;
    QString m_text;  // the characters of the held presses
    std::chrono::steady_clock::time_point m_lastPress{};
    QSet<int> m_swallowReleases;  // keys of a recognised scan whose releases are still to come
    QTimer m_idle;
    bool m_replaying = false;
    bool m_installed = false;
    DeviceState m_state;
};

}  // namespace facepos::drivers
