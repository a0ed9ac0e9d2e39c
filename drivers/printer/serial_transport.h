#pragma once

#include <QSerialPort>

#include "iprintertransport.h"

namespace facepos::drivers {

// A serial (RS-232 or USB-serial) receipt printer through Qt SerialPort: 8N1, the configured baud rate, no flow
// control (most counter printers ship with it off; a printer with RTS/CTS enabled simply takes data more slowly).
// Used in Qt's blocking mode (waitForBytesWritten / waitForReadyRead), so it needs no event loop on its thread.
//
// Owned by one thread (see IPrinterTransport); the QSerialPort is created on and lives in that thread.
class SerialTransport final : public IPrinterTransport {
public:
    SerialTransport(QString portName, qint32 baudRate);

    QString description() const override;
    Result<void> open() override;
    void close() override;
    bool isOpen() const override { return m_port.isOpen(); }
    Result<void> write(const QByteArray& bytes, std::chrono::milliseconds timeout) override;
    Result<QByteArray> read(qsizetype count, std::chrono::milliseconds timeout) override;
    void discardInput() override;

private:
    Error portError(const QString& code, const QString& what);

    QString m_portName;
    qint32 m_baudRate;
    QSerialPort m_port;
};

}  // namespace facepos::drivers
