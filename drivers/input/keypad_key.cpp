#include "keypad_key.h"

#include <array>

namespace facepos::drivers {

namespace {

struct KeyName {
    KeypadKey key;
    const char* name;
};

constexpr std::array kNames = {
    KeyName{KeypadKey::Digit0, "0"},
    KeyName{KeypadKey::Digit1, "1"},
    KeyName{KeypadKey::Digit2, "2"},
    KeyName{KeypadKey::Digit3, "3"},
    KeyName{KeypadKey::Digit4, "4"},
    KeyName{KeypadKey::Digit5, "5"},
    KeyName{KeypadKey::Digit6, "6"},
    KeyName{KeypadKey::Digit7, "7"},
    KeyName{KeypadKey::Digit8, "8"},
    KeyName{KeypadKey::Digit9, "9"},
    KeyName{KeypadKey::Dot, "dot"},
    KeyName{KeypadKey::DoubleZero, "00"},
    KeyName{KeypadKey::Backspace, "backspace"},
    KeyName{KeypadKey::Clear, "clear"},
    KeyName{KeypadKey::Cancel, "cancel"},
    KeyName{KeypadKey::Confirm, "confirm"},
    KeyName{KeypadKey::FacePay, "face_pay"},
    KeyName{KeypadKey::Settings, "settings"},
    KeyName{KeypadKey::F1, "f1"},
    KeyName{KeypadKey::F2, "f2"},
    KeyName{KeypadKey::F3, "f3"},
    KeyName{KeypadKey::F4, "f4"},
};

}  // namespace

QString keypadKeyName(KeypadKey key) {
    for (const KeyName& entry : kNames) {
        if (entry.key == key) return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<KeypadKey> keypadKeyFromName(const QString& name) {
    for (const KeyName& entry : kNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0) return entry.key;
    }
    return std::nullopt;
}

}  // namespace facepos::drivers
