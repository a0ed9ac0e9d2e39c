#pragma once

#include <QString>
#include <memory>

#include "ikeypad.h"
#include "platform/result.h"

namespace facepos {
class Settings;
}

namespace facepos::drivers {

// The one place that turns configuration into a keypad. Reads devices.keypad and the keypad.* keys:
//   evdev → EvdevKeypad on keypad.device with keypad.key_map;  simulated → SimulatedKeypad;  none → NullKeypad.
// Errors: keypad.bad_key_map, input.not_configured (evdev without keypad.device). The keypad is not started.
Result<std::unique_ptr<IKeypad>> createKeypad(const Settings& settings);

// The same with the backend given instead of devices.keypad (the demo forces "simulated").
Result<std::unique_ptr<IKeypad>> createKeypad(const QString& backend, const Settings& settings);

}  // namespace facepos::drivers
