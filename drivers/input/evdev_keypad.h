#pragma once

#include "evdev_input_device.h"
#include "ikeypad.h"
#include "keypad_key_map.h"

namespace facepos::drivers {

// The counter keypad read from its evdev node and grabbed (the same path as the HID scanner): key presses become
// KeypadKey values through the key map, whatever has focus in the UI. Unmapped codes are ignored and counted.
//
// Thread ownership: the creating thread (see EvdevInputDevice).
class EvdevKeypad final : public IKeypad {
    Q_OBJECT
public:
    EvdevKeypad(EvdevInputConfig config, KeypadKeyMap keyMap, QObject* parent = nullptr);

    Result<void> start() override;
    void stop() override;
    DeviceState state() const override { return m_device.state(); }

    int unmappedKeyCount() const { return m_unmapped; }
    bool grabbed() const { return m_device.grabbed(); }

private:
    void onEvent(const input_event& event);

    KeypadKeyMap m_keyMap;
    int m_unmapped = 0;
    EvdevInputDevice m_device;
};

}  // namespace facepos::drivers
