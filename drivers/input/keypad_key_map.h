#pragma once

#include <QHash>
#include <QString>
#include <optional>

#include "keypad_key.h"
#include "platform/result.h"

namespace facepos::drivers {

// Which Linux key code (KEY_* in <linux/input-event-codes.h>) means which keypad key. The default map fits the
// common USB numeric keypads sold for POS counters (documented in docs/input-devices.md); keypad.key_map changes
// or adds entries on top of it. Immutable value; any thread.
class KeypadKeyMap {
public:
    static KeypadKeyMap defaults();

    // `overrides`: "KEY_NAME=key,KEY_NAME=key" with key names as keypadKeyName() spells them, or "none" to unmap a
    // code; empty: the defaults. Errors: keypad.bad_key_map, naming the entry and what is accepted.
    static Result<KeypadKeyMap> fromSetting(const QString& overrides);

    std::optional<KeypadKey> keyFor(int code) const;
    const QHash<int, KeypadKey>& entries() const { return m_map; }

private:
    QHash<int, KeypadKey> m_map;
};

}  // namespace facepos::drivers
