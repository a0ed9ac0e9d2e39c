#include "simulated_keypad.h"

namespace facepos::drivers {

SimulatedKeypad::SimulatedKeypad(QObject* parent) : IKeypad(parent) {
    m_state = {DeviceState::Status::Disconnected, QStringLiteral("keypad not started")};
}

Result<void> SimulatedKeypad::start() {
    m_started = true;
    setState({DeviceState::Status::Connected, {}});
    return {};
}

void SimulatedKeypad::stop() {
    m_started = false;
    setState({DeviceState::Status::Disconnected, QStringLiteral("keypad stopped")});
}

bool SimulatedKeypad::press(KeypadKey key) {
    if (m_state.status != DeviceState::Status::Connected) return false;
    emit keyPressed(key);
    return true;
}

void SimulatedKeypad::injectError(const QString& message) {
    setState({DeviceState::Status::Error, message});
}

void SimulatedKeypad::unplug() {
    setState({DeviceState::Status::Disconnected,
              QStringLiteral("keypad disconnected: plug it back in; it will be used again as soon as it is "
                             "detected.")});
}

void SimulatedKeypad::replug() {
    if (m_started) setState({DeviceState::Status::Connected, {}});
}

void SimulatedKeypad::setState(DeviceState state) {
    if (state == m_state) return;
    m_state = std::move(state);
    emit stateChanged(m_state);
}

}  // namespace facepos::drivers
