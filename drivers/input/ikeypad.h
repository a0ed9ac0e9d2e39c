#pragma once

#include <QObject>

#include "device_state.h"
#include "keypad_key.h"
#include "platform/result.h"

namespace facepos::drivers {

// The amount keypad on the counter. Keys are read from the device itself (evdev, grabbed), so they arrive whatever
// has focus in the UI. Implementations: EvdevKeypad, SimulatedKeypad, NullKeypad; createKeypad() picks one.
//
// Thread ownership: lives on the thread that created it (the UI thread) and emits there.
class IKeypad : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~IKeypad() override = default;

    // An absent keypad is Disconnected, not an error; the driver reconnects when it appears.
    virtual Result<void> start() = 0;
    virtual void stop() = 0;
    virtual DeviceState state() const = 0;

signals:
    // Once per press; auto-repeat is delivered for Backspace only (holding it erases the amount).
    void keyPressed(facepos::drivers::KeypadKey key);
    void stateChanged(const facepos::drivers::DeviceState& state);
};

}  // namespace facepos::drivers
