#pragma once

#include <QMetaType>
#include <QString>
#include <optional>

namespace facepos::drivers {

// The keys of the counter keypad, by meaning. What physical key produces each is the key map (KeypadKeyMap).
enum class KeypadKey {
    Digit0,
    Digit1,
    Digit2,
    Digit3,
    Digit4,
    Digit5,
    Digit6,
    Digit7,
    Digit8,
    Digit9,
    Dot,
    DoubleZero,
    Backspace,
    Clear,
    Cancel,
    Confirm,
    FacePay,
    Settings,
    F1,
    F2,
    F3,
    F4,
};

// The name used in keypad.key_map and in logs: "0".."9", "dot", "00", "backspace", "clear", "cancel", "confirm",
// "face_pay", "settings", "f1".."f4".
QString keypadKeyName(KeypadKey key);
std::optional<KeypadKey> keypadKeyFromName(const QString& name);

}  // namespace facepos::drivers

Q_DECLARE_METATYPE(facepos::drivers::KeypadKey)
