#pragma once

#include "ikeypad.h"

namespace facepos::drivers {

// devices.keypad = none: amounts are entered on the touch screen only.
class NullKeypad final : public IKeypad {
    Q_OBJECT
public:
    using IKeypad::IKeypad;

    Result<void> start() override { return {}; }
    void stop() override {}
    DeviceState state() const override {
        return {DeviceState::Status::Disconnected,
                QStringLiteral("No keypad is configured (devices.keypad = none); use the touch screen.")};
    }
};

}  // namespace facepos::drivers
