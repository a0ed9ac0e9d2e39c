#pragma once

// Generates the byte stream a USB HID keyboard (a keyboard-wedge scanner or a numeric keypad) makes the kernel
// write to /dev/input/eventN: for every key an EV_MSC/MSC_SCAN record with the HID usage, the EV_KEY record and an
// EV_SYN/SYN_REPORT, all stamped with the time; Shift pressed around shifted characters, as scanners do.
// The tables are written independently of the driver's decoder, so a mistake there shows up as a failing test.
#include <linux/input.h>

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>
#include <QTest>
#include <chrono>
#include <optional>

namespace facepos::testing {

// Runs the event loop until `condition` holds or `timeoutMs` passes; returns whether it holds. A bound on waiting
// for an event, not a speed assertion.
template <typename Condition>
bool waitUntil(Condition condition, int timeoutMs = 5000) {
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired()) return false;
        QTest::qWait(5);
    }
    return true;
}

class EvdevRecording {
public:
    using us = std::chrono::microseconds;

    // One record at time `at`.
    EvdevRecording& event(us at, quint16 type, quint16 code, qint32 value) {
        input_event ev{};
        ev.input_event_sec = static_cast<decltype(ev.input_event_sec)>(at.count() / 1000000);
        ev.input_event_usec = static_cast<decltype(ev.input_event_usec)>(at.count() % 1000000);
        ev.type = type;
        ev.code = code;
        ev.value = value;
        m_bytes.append(reinterpret_cast<const char*>(&ev), sizeof ev);
        return *this;
    }

    // A key going down (1), up (0) or auto-repeating (2), as one HID report.
    EvdevRecording& key(us at, int code, int value, int hidUsage = 0) {
        if (value != 2) event(at, EV_MSC, MSC_SCAN, 0x70000 + hidUsage);
        event(at, EV_KEY, static_cast<quint16>(code), value);
        return event(at, EV_SYN, SYN_REPORT, 0);
    }

    // Press and release `code` (release 1 ms later).
    EvdevRecording& tap(us at, int code, int hidUsage = 0) {
        key(at, code, 1, hidUsage);
        return key(at + us(1000), code, 0, hidUsage);
    }

    // Types `text` (US layout; '\n' is Enter, '\t' Tab) starting at `start`, one character every `interval`.
    // Returns the time after the last character.
    us type(const QString& text, us start, us interval = us(4000)) {
        us at = start;
        for (const QChar c : text) {
            const std::optional<Key> k = keyFor(c.toLatin1());
            if (!k) continue;
            if (k->shift) key(at, KEY_LEFTSHIFT, 1, 0xE1);
            tap(at, k->code, k->usage);
            if (k->shift) key(at + us(1500), KEY_LEFTSHIFT, 0, 0xE1);
            at += interval;
        }
        return at;
    }

    const QByteArray& bytes() const { return m_bytes; }

private:
    struct Key {
        int code;
        bool shift;
        int usage;
    };

    static std::optional<Key> keyFor(char c) {
        static const int kLetterCodes[] = {KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I,
                                           KEY_J, KEY_K, KEY_L, KEY_M, KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R,
                                           KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z};
        static const int kDigitCodes[] = {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9};
        if (c >= 'a' && c <= 'z') return Key{kLetterCodes[c - 'a'], false, 0x04 + (c - 'a')};
        if (c >= 'A' && c <= 'Z') return Key{kLetterCodes[c - 'A'], true, 0x04 + (c - 'A')};
        if (c >= '1' && c <= '9') return Key{kDigitCodes[c - '0'], false, 0x1E + (c - '1')};
        if (c == '0') return Key{KEY_0, false, 0x27};
        switch (c) {
            case '\n':
                return Key{KEY_ENTER, false, 0x28};
            case '\t':
                return Key{KEY_TAB, false, 0x2B};
            case ' ':
                return Key{KEY_SPACE, false, 0x2C};
            case '-':
                return Key{KEY_MINUS, false, 0x2D};
            case '_':
                return Key{KEY_MINUS, true, 0x2D};
            case '=':
                return Key{KEY_EQUAL, false, 0x2E};
            case '+':
                return Key{KEY_EQUAL, true, 0x2E};
            case '/':
                return Key{KEY_SLASH, false, 0x38};
            case '?':
                return Key{KEY_SLASH, true, 0x38};
            case '.':
                return Key{KEY_DOT, false, 0x37};
            case ':':
                return Key{KEY_SEMICOLON, true, 0x33};
            case '!':
                return Key{KEY_1, true, 0x1E};
            case '@':
                return Key{KEY_2, true, 0x1F};
            case '#':
                return Key{KEY_3, true, 0x20};
            case '&':
                return Key{KEY_7, true, 0x24};
            case '%':
                return Key{KEY_5, true, 0x22};
            default:
                return std::nullopt;
        }
    }

    QByteArray m_bytes;
};

}  // namespace facepos::testing
