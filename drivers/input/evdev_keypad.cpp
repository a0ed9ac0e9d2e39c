#include "evdev_keypad.h"

#include "platform/logging.h"

namespace facepos::drivers {

EvdevKeypad::EvdevKeypad(EvdevInputConfig config, KeypadKeyMap keyMap, QObject* parent)
    : IKeypad(parent),
      m_keyMap(std::move(keyMap)),
      m_device(std::move(config), [this](const input_event& event) { onEvent(event); }) {
    connect(&m_device, &EvdevInputDevice::stateChanged, this, &IKeypad::stateChanged);
}

Result<void> EvdevKeypad::start() {
    m_device.start();
    return {};
}

void EvdevKeypad::stop() {
    m_device.stop();
}

void EvdevKeypad::onEvent(const input_event& event) {
    if (event.type != EV_KEY || event.value == 0) return;
    const std::optional<KeypadKey> key = m_keyMap.keyFor(event.code);
    if (!key) {
        if (event.value == 1) {
            ++m_unmapped;
            qCDebug(lcDrivers) << "keypad: unmapped key code" << event.code;
        }
        return;
    }
    // Auto-repeat only where holding a key has a meaning: erasing the amount digit by digit.
    if (event.value == 2 && *key != KeypadKey::Backspace) return;
    emit keyPressed(*key);
}

}  // namespace facepos::drivers
