#include "serial_transport.h"

#include "blocking_io.h"

namespace facepos::drivers {

SerialTransport::SerialTransport(QString portName, qint32 baudRate)
    : m_portName(std::move(portName)), m_baudRate(baudRate) {
    m_port.setPortName(m_portName);
}

QString SerialTransport::description() const {
    return QStringLiteral("%1 at %2 baud").arg(m_portName).arg(m_baudRate);
}

Error SerialTransport::portError(const QString& code, const QString& what) {
    const QString detail = m_port.errorString();
    m_port.close();
    return makeError(code, QStringLiteral("Receipt printer on %1: %2 (%3). Check the cable and that the printer is "
                                          "switched on.")
                               .arg(description(), what, detail));
}

Result<void> SerialTransport::open() {
    if (m_port.isOpen()) return {};
    m_port.setBaudRate(m_baudRate);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadWrite)) {
        return portError(QStringLiteral("printer.open_failed"), QStringLiteral("the port cannot be opened"));
    }
    return {};
}

void SerialTransport::close() {
    m_port.close();
}

Result<void> SerialTransport::write(const QByteArray& bytes, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened.error();
    const QDeadlineTimer deadline(timeout.count());
    if (m_port.write(bytes) != bytes.size()) {
        return portError(QStringLiteral("printer.io_error"), QStringLiteral("writing failed"));
    }
    if (waitUntilWritten(m_port, deadline)) return {};
    if (m_port.error() == QSerialPort::TimeoutError || deadline.hasExpired()) {
        const qint64 pending = m_port.bytesToWrite();
        m_port.clear(QSerialPort::Output);  // the job is resent whole; never leave half of it queued
        m_port.clearError();
        return writeTimeoutError(QStringLiteral("on ") + description(), bytes.size() - pending, bytes.size(), timeout);
    }
    return portError(QStringLiteral("printer.disconnected"), QStringLiteral("the port failed"));
}

Result<QByteArray> SerialTransport::read(qsizetype count, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened.error();
    const QDeadlineTimer deadline(timeout.count());
    QByteArray out;
    while (out.size() < count) {
        if (m_port.bytesAvailable() > 0) {
            out.append(m_port.read(count - out.size()));
            continue;
        }
        if (deadline.hasExpired() || !m_port.waitForReadyRead(waitTimeout(deadline))) {
            if (m_port.error() != QSerialPort::NoError && m_port.error() != QSerialPort::TimeoutError) {
                return portError(QStringLiteral("printer.disconnected"), QStringLiteral("the port failed"));
            }
            m_port.clearError();
            if (m_port.bytesAvailable() > 0) continue;
            return makeError(QStringLiteral("printer.no_reply"),
                             QStringLiteral("Receipt printer on %1 did not answer a status request within %2 ms: "
                                            "check that it is switched on, its cable, and that printer.serial_baud "
                                            "matches the printer.")
                                 .arg(description())
                                 .arg(timeout.count()));
        }
    }
    return out;
}

void SerialTransport::discardInput() {
    if (!m_port.isOpen()) return;
    m_port.clear(QSerialPort::Input);
    m_port.readAll();
}

}  // namespace facepos::drivers
