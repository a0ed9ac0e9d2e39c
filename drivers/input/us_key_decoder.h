#pragma once

#include <QChar>

namespace facepos::drivers {

// Turns Linux key events (EV_KEY codes from <linux/input-event-codes.h>) into the characters a HID scanner in
// US keyboard layout meant: digits, letters, common punctuation, with Shift. Enter / keypad Enter become '\n' and
// Tab '\t', so the scan assembler sees terminators as characters.
//
// Stateful (Shift held or not); one decoder per device. Not thread-safe: owned by the device's thread.
class UsKeyDecoder {
public:
    enum class Kind {
        Character,  // `character` is valid (press or auto-repeat of a printable key, '\n', '\t')
        Modifier,   // Shift/Ctrl/Alt/CapsLock/NumLock: state only, nothing to deliver
        Release,    // a key went up: nothing to deliver
        Unknown,    // a key press with no meaning in a scan: ignored and counted
    };
    struct Decoded {
        Kind kind = Kind::Release;
        QChar character;
    };

    // `value`: 0 release, 1 press, 2 auto-repeat (as in struct input_event).
    Decoded feedKey(int code, int value);

    // Key presses that had no meaning (e.g. F-keys, media keys), since construction or reset().
    int unknownKeyCount() const { return m_unknown; }

    // Forgets the Shift state (after dropped events or a reconnect, when the releases may have been lost).
    void reset();

private:
    bool m_leftShift = false;
    bool m_rightShift = false;
    int m_unknown = 0;
};

}  // namespace facepos::drivers
