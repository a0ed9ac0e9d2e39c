#pragma once

#include <QList>
#include <QString>
#include <chrono>

namespace facepos::drivers {

// How a scanner marks the end of a scan (scanner.terminator).
enum class ScanTerminator {
    Enter,  // CR, LF or CRLF (evdev: Enter or keypad Enter)
    Tab,    // TAB; CR and LF are then ignored
    None,   // no terminator: a pause longer than the inter-key timeout ends the scan
};

// Builds scans from characters stamped with the time they were typed. A scanner types a whole code within a few
// milliseconds; a pause longer than the inter-key timeout therefore means the text so far is a fragment (the
// scanner was moved away, a USB hiccup): it is discarded, never glued to what follows.
//
// Pure logic, no timers: the driver calls idle() from its own timer when no character came for the timeout.
// Not thread-safe: owned by the driver's thread.
class ScanAssembler {
public:
    struct Output {
        enum class Kind { Completed, Discarded };
        Kind kind = Kind::Completed;
        QString text;    // Completed: the scan without its terminator; Discarded: the fragment (log it masked)
        QString reason;  // Discarded: why
    };

    // Longest text kept; beyond it characters are dropped and the scan is left over-long for the classifier.
    static constexpr int kMaxBuffered = 512;

    ScanAssembler(ScanTerminator terminator, std::chrono::microseconds interKeyTimeout);

    // One character ('\r', '\n', '\t' included) typed at time `at` (any monotonic origin, the same for all calls).
    QList<Output> feed(QChar character, std::chrono::microseconds at);

    // No character arrived for at least the timeout: ends the pending text (Completed with ScanTerminator::None,
    // otherwise Discarded as a partial).
    QList<Output> idle();

    // Throws away the pending text with `reason` (events dropped, device gone). Empty list when nothing was pending.
    QList<Output> abandon(const QString& reason);

    bool hasPending() const { return !m_buffer.isEmpty(); }
    std::chrono::microseconds interKeyTimeout() const { return m_timeout; }

private:
    Output finishPending();

    ScanTerminator m_terminator;
    std::chrono::microseconds m_timeout;
    QString m_buffer;
    std::chrono::microseconds m_last{0};
};

}  // namespace facepos::drivers
