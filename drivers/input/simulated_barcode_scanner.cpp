#include "simulated_barcode_scanner.h"

namespace facepos::drivers {

SimulatedBarcodeScanner::SimulatedBarcodeScanner(ScanClassifier classifier, QObject* parent)
    : IBarcodeScanner(parent), m_classifier(std::move(classifier)) {
    m_state = {DeviceState::Status::Disconnected, QStringLiteral("scanner not started")};
}

Result<void> SimulatedBarcodeScanner::start() {
    m_started = true;
    setState({DeviceState::Status::Connected, {}});
    return {};
}

void SimulatedBarcodeScanner::stop() {
    m_started = false;
    setState({DeviceState::Status::Disconnected, QStringLiteral("scanner stopped")});
}

bool SimulatedBarcodeScanner::feedScan(const QString& text) {
    if (m_state.status != DeviceState::Status::Connected) return false;
    emit scanned(m_classifier.classify(text));
    return true;
}

void SimulatedBarcodeScanner::feedFragment(const QString& reason) {
    if (m_state.status == DeviceState::Status::Connected) emit fragmentDiscarded(reason);
}

void SimulatedBarcodeScanner::injectError(const QString& message) {
    setState({DeviceState::Status::Error, message});
}

void SimulatedBarcodeScanner::unplug() {
    setState({DeviceState::Status::Disconnected,
              QStringLiteral("scanner disconnected: plug it back in; it will be used again as soon as it is "
                             "detected.")});
}

void SimulatedBarcodeScanner::replug() {
    if (m_started) setState({DeviceState::Status::Connected, {}});
}

void SimulatedBarcodeScanner::setState(DeviceState state) {
    if (state == m_state) return;
    m_state = std::move(state);
    emit stateChanged(m_state);
}

}  // namespace facepos::drivers
