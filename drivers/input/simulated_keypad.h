#pragma once

#include "ikeypad.h"

namespace facepos::drivers {

// The scriptable keypad twin for the demo and tests: press() delivers a key as the real keypad would.
// Thread ownership: the creating thread; emits synchronously from the scripting calls.
class SimulatedKeypad final : public IKeypad {
    Q_OBJECT
public:
    explicit SimulatedKeypad(QObject* parent = nullptr);

    Result<void> start() override;
    void stop() override;
    DeviceState state() const override { return m_state; }

    // Delivers `key` unless the keypad is not connected; returns whether it was delivered.
    bool press(KeypadKey key);
    void injectError(const QString& message);
    void unplug();
    void replug();

private:
    void setState(DeviceState state);

    DeviceState m_state;
    bool m_started = false;
};

}  // namespace facepos::drivers
