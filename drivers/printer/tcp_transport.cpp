#include "tcp_transport.h"

#include <QUrl>

#include "blocking_io.h"

namespace facepos::drivers {

TcpTransport::TcpTransport(QString host, quint16 port, std::chrono::milliseconds connectTimeout)
    : m_host(std::move(host)), m_port(port), m_connectTimeout(connectTimeout) {}

Result<std::pair<QString, quint16>> TcpTransport::parseAddress(const QString& text) {
    const QUrl url(QStringLiteral("tcp://") + text.trimmed());
    if (text.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty() || !url.path().isEmpty()) {
        return makeError(QStringLiteral("printer.bad_address"),
                         QStringLiteral("'%1' is not a printer address: write host:port, e.g. 192.168.1.50:9100, "
                                        "in devices.printer_path.")
                             .arg(text));
    }
    return std::pair<QString, quint16>{url.host(), quint16(url.port(kDefaultPort))};
}

QString TcpTransport::description() const {
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

Error TcpTransport::socketError(const QString& code, const QString& what) {
    const QString detail = m_socket.errorString();
    m_socket.abort();
    return makeError(code, QStringLiteral("Receipt printer at %1: %2 (%3). Check that the printer is switched on and "
                                          "on the network, and its address in devices.printer_path.")
                               .arg(description(), what, detail));
}

Result<void> TcpTransport::open() {
    if (m_socket.state() == QAbstractSocket::ConnectedState) return {};
    m_socket.abort();
    m_socket.connectToHost(m_host, m_port);
    if (!m_socket.waitForConnected(int(m_connectTimeout.count()))) {
        return socketError(QStringLiteral("printer.open_failed"), QStringLiteral("cannot connect"));
    }
    return {};
}

void TcpTransport::close() {
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState) m_socket.waitForDisconnected(1000);
    }
    m_socket.abort();
}

Result<void> TcpTransport::write(const QByteArray& bytes, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened.error();
    const QDeadlineTimer deadline(timeout.count());
    if (m_socket.write(bytes) != bytes.size()) {
        return socketError(QStringLiteral("printer.disconnected"), QStringLiteral("writing failed"));
    }
    if (waitUntilWritten(m_socket, deadline)) return {};
    if (m_socket.error() == QAbstractSocket::SocketTimeoutError || deadline.hasExpired()) {
        const qint64 pending = m_socket.bytesToWrite();
        // A half-sent job cannot be taken back from a stream: drop the connection so the printer discards it, and
        // resend the whole job on a fresh connection.
        m_socket.abort();
        return writeTimeoutError(QStringLiteral("at ") + description(), bytes.size() - pending, bytes.size(), timeout);
    }
    return socketError(QStringLiteral("printer.disconnected"), QStringLiteral("the connection broke"));
}

Result<QByteArray> TcpTransport::read(qsizetype count, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened.error();
    const QDeadlineTimer deadline(timeout.count());
    QByteArray out;
    while (out.size() < count) {
        if (m_socket.bytesAvailable() > 0) {
            out.append(m_socket.read(count - out.size()));
            continue;
        }
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            return socketError(QStringLiteral("printer.disconnected"), QStringLiteral("the printer closed the "
                                                                                      "connection"));
        }
        if (deadline.hasExpired() || !m_socket.waitForReadyRead(waitTimeout(deadline))) {
            if (m_socket.bytesAvailable() > 0) continue;
            if (m_socket.error() == QAbstractSocket::RemoteHostClosedError ||
                m_socket.state() != QAbstractSocket::ConnectedState) {
                return socketError(QStringLiteral("printer.disconnected"),
                                   QStringLiteral("the printer closed the connection"));
            }
            return makeError(QStringLiteral("printer.no_reply"),
                             QStringLiteral("Receipt printer at %1 did not answer a status request within %2 ms: "
                                            "check that it is switched on and on the network.")
                                 .arg(description())
                                 .arg(timeout.count()));
        }
    }
    return out;
}

void TcpTransport::discardInput() {
    if (m_socket.state() == QAbstractSocket::ConnectedState) m_socket.readAll();
}

}  // namespace facepos::drivers
