#include "serial_barcode_scanner.h"

#include <QFileInfo>

#include "hotplug_watcher.h"
#include "platform/logging.h"
#include "scan_delivery.h"

namespace facepos::drivers {

SerialBarcodeScanner::SerialBarcodeScanner(SerialScannerConfig config, ScanClassifier classifier, const IClock& clock,
                                           QObject* parent)
    : IBarcodeScanner(parent),
      m_config(std::move(config)),
      m_classifier(std::move(classifier)),
      m_clock(clock),
      m_assembler(m_config.terminator, m_config.interKeyTimeout) {
    m_state = {DeviceState::Status::Disconnected, QStringLiteral("scanner not started")};
    m_retry.setInterval(m_config.reconnectInterval);
    connect(&m_retry, &QTimer::timeout, this, &SerialBarcodeScanner::tryOpen);
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_config.interKeyTimeout);
    connect(&m_idle, &QTimer::timeout, this, [this] { deliverScans(*this, m_classifier, m_assembler.idle()); });
    connect(&m_port, &QSerialPort::readyRead, this, &SerialBarcodeScanner::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialBarcodeScanner::onError);
}

SerialBarcodeScanner::~SerialBarcodeScanner() = default;

Result<void> SerialBarcodeScanner::start() {
    if (m_config.portName.isEmpty()) {
        return makeError(QStringLiteral("input.not_configured"),
                         QStringLiteral("devices.scanner is serial but scanner.serial_port is empty: set it to the "
                                        "scanner's port, e.g. /dev/ttyACM0 or a /dev/serial/by-id name."));
    }
    m_running = true;
    if (!m_watcher && m_config.portName.startsWith(u'/')) {
        m_watcher = new HotplugWatcher({QFileInfo(m_config.portName).absolutePath()},
                                       m_config.useUdev ? QByteArrayLiteral("tty") : QByteArray(), this);
        connect(m_watcher, &HotplugWatcher::changed, this, [this] {
            if (m_running && !m_port.isOpen()) tryOpen();
        });
    }
    tryOpen();
    return {};
}

void SerialBarcodeScanner::stop() {
    m_running = false;
    m_retry.stop();
    m_idle.stop();
    if (m_port.isOpen()) m_port.close();
    setState({DeviceState::Status::Disconnected, QStringLiteral("scanner stopped")});
}

void SerialBarcodeScanner::tryOpen() {
    if (!m_running || m_port.isOpen()) return;
    m_port.setPortName(m_config.portName);
    m_port.setBaudRate(m_config.baudRate);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadOnly)) {
        const bool absent = m_port.error() == QSerialPort::DeviceNotFoundError;
        setState({absent ? DeviceState::Status::Disconnected : DeviceState::Status::Error,
                  absent ? QStringLiteral("scanner disconnected: %1 is not present; plug the scanner in.")
                               .arg(m_config.portName)
                         : QStringLiteral("Cannot open the scanner port %1: %2. Check that no other program uses it "
                                          "and that the terminal's user is in the 'dialout' group.")
                               .arg(m_config.portName, m_port.errorString())});
        m_port.clearError();
        m_retry.start();
        return;
    }
    m_retry.stop();
    qCInfo(lcDrivers) << "scanner connected on" << m_config.portName << "at" << m_config.baudRate << "baud";
    setState({DeviceState::Status::Connected, {}});
}

void SerialBarcodeScanner::onReadyRead() {
    const QByteArray bytes = m_port.readAll();
    const auto now = std::chrono::duration_cast<std::chrono::microseconds>(m_clock.steadyNow().time_since_epoch());
    for (const char byte : bytes) deliverScans(*this, m_classifier, m_assembler.feed(QChar::fromLatin1(byte), now));
    if (m_assembler.hasPending()) {
        m_idle.start();
    } else {
        m_idle.stop();
    }
}

void SerialBarcodeScanner::onError(QSerialPort::SerialPortError error) {
    // Open errors are handled in tryOpen(); here only the loss of an open port matters (USB unplugged: the read
    // fails with EIO or the port reports a resource error).
    if (error == QSerialPort::NoError || !m_port.isOpen()) return;
    if (error != QSerialPort::ResourceError && error != QSerialPort::ReadError) return;
    qCWarning(lcDrivers) << "scanner port lost:" << m_config.portName << m_port.errorString();
    m_port.close();
    m_port.clearError();
    m_idle.stop();
    deliverScans(*this, m_classifier,
                 m_assembler.abandon(QStringLiteral("scanner unplugged in the middle of a scan; discarded")));
    setState({DeviceState::Status::Disconnected,
              QStringLiteral("scanner disconnected (%1): plug it back in; it will be used again as soon as it is "
                             "detected.")
                  .arg(m_config.portName)});
    if (m_running) m_retry.start();
}

void SerialBarcodeScanner::setState(DeviceState state) {
    if (state == m_state) return;
    m_state = std::move(state);
    emit stateChanged(m_state);
}

}  // namespace facepos::drivers
