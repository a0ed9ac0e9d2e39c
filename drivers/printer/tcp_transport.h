#pragma once

#include <QTcpSocket>

#include "iprintertransport.h"

namespace facepos::drivers {

// A network receipt printer on its raw port (9100, "JetDirect"), through QTcpSocket in Qt's blocking mode
// (waitForConnected / waitForBytesWritten / waitForReadyRead), so it needs no event loop on its thread. A dropped
// connection is reported as printer.disconnected and reopened by the next open().
//
// Owned by one thread (see IPrinterTransport); the socket is created on and lives in that thread.
class TcpTransport final : public IPrinterTransport {
public:
    static constexpr quint16 kDefaultPort = 9100;

    TcpTransport(QString host, quint16 port, std::chrono::milliseconds connectTimeout);

    // "host", "host:port" or "[v6]:port"; the port defaults to 9100. Errors: printer.bad_address.
    static Result<std::pair<QString, quint16>> parseAddress(const QString& text);

    QString description() const override;
    Result<void> open() override;
    void close() override;
    bool isOpen() const override { return m_socket.state() == QAbstractSocket::ConnectedState; }
    Result<void> write(const QByteArray& bytes, std::chrono::milliseconds timeout) override;
    Result<QByteArray> read(qsizetype count, std::chrono::milliseconds timeout) override;
    void discardInput() override;

private:
    Error socketError(const QString& code, const QString& what);

    QString m_host;
    quint16 m_port;
    std::chrono::milliseconds m_connectTimeout;
    QTcpSocket m_socket;
};

}  // namespace facepos::drivers
