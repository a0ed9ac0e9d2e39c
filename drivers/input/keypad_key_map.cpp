#include "keypad_key_map.h"

#include <libevdev/libevdev.h>

namespace facepos::drivers {

KeypadKeyMap KeypadKeyMap::defaults() {
    KeypadKeyMap map;
    const int digits[] = {KEY_KP0, KEY_KP1, KEY_KP2, KEY_KP3, KEY_KP4, KEY_KP5, KEY_KP6, KEY_KP7, KEY_KP8, KEY_KP9};
    const int topRow[] = {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9};
    for (int i = 0; i < 10; ++i) {
        map.m_map.insert(digits[i], static_cast<KeypadKey>(static_cast<int>(KeypadKey::Digit0) + i));
        map.m_map.insert(topRow[i], static_cast<KeypadKey>(static_cast<int>(KeypadKey::Digit0) + i));
    }
    map.m_map.insert(KEY_KPDOT, KeypadKey::Dot);
    map.m_map.insert(KEY_DOT, KeypadKey::Dot);
    map.m_map.insert(KEY_KPASTERISK, KeypadKey::DoubleZero);
    map.m_map.insert(KEY_BACKSPACE, KeypadKey::Backspace);
    map.m_map.insert(KEY_KPSLASH, KeypadKey::Clear);
    map.m_map.insert(KEY_DELETE, KeypadKey::Clear);
    map.m_map.insert(KEY_ESC, KeypadKey::Cancel);
    map.m_map.insert(KEY_KPENTER, KeypadKey::Confirm);
    map.m_map.insert(KEY_ENTER, KeypadKey::Confirm);
    map.m_map.insert(KEY_KPPLUS, KeypadKey::FacePay);
    map.m_map.insert(KEY_KPMINUS, KeypadKey::Settings);
    map.m_map.insert(KEY_F1, KeypadKey::F1);
    map.m_map.insert(KEY_F2, KeypadKey::F2);
    map.m_map.insert(KEY_F3, KeypadKey::F3);
    map.m_map.insert(KEY_F4, KeypadKey::F4);
    return map;
}

Result<KeypadKeyMap> KeypadKeyMap::fromSetting(const QString& overrides) {
    KeypadKeyMap map = defaults();
    for (const QString& rawEntry : overrides.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = rawEntry.trimmed();
        const qsizetype eq = entry.indexOf(u'=');
        const QString codeName = entry.left(eq).trimmed().toUpper();
        const QString keyName = eq < 0 ? QString() : entry.mid(eq + 1).trimmed();
        const int code = libevdev_event_code_from_name(EV_KEY, codeName.toLatin1().constData());
        if (eq < 0 || code < 0) {
            return makeError(QStringLiteral("keypad.bad_key_map"),
                             QStringLiteral("keypad.key_map entry '%1': expected KEY_NAME=key with a Linux key name "
                                            "such as KEY_KPPLUS (see `evtest` or linux/input-event-codes.h).")
                                 .arg(entry));
        }
        if (keyName.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
            map.m_map.remove(code);
            continue;
        }
        const std::optional<KeypadKey> key = keypadKeyFromName(keyName);
        if (!key) {
            return makeError(QStringLiteral("keypad.bad_key_map"),
                             QStringLiteral("keypad.key_map entry '%1': '%2' is not a keypad key; expected one of 0-9, "
                                            "dot, 00, backspace, clear, cancel, confirm, face_pay, settings, f1-f4 "
                                            "or none.")
                                 .arg(entry, keyName));
        }
        map.m_map.insert(code, *key);
    }
    return map;
}

std::optional<KeypadKey> KeypadKeyMap::keyFor(int code) const {
    const auto it = m_map.constFind(code);
    if (it == m_map.cend()) return std::nullopt;
    return *it;
}

}  // namespace facepos::drivers
