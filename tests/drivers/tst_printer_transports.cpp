// Transports over real OS paths: the USB printer class path and a serial port through a pseudo-terminal, TCP
// through a QTcpServer on 127.0.0.1. A fake printer on the other end records the bytes and answers DLE EOT.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <QTcpServer>
#include <QTcpSocket>
#include <atomic>
#include <future>
#include <mutex>
#include <thread>

#include "drivers/printer/device_file_transport.h"
#include "drivers/printer/escpos_builder.h"
#include "drivers/printer/escpos_printer.h"
#include "drivers/printer/receipt_layout.h"
#include "drivers/printer/serial_transport.h"
#include "drivers/printer/tcp_transport.h"

using namespace facepos::drivers;
using namespace std::chrono_literals;

namespace {

// What a printer answers to a DLE EOT request, and what it has received.
class FakePrinterState {
public:
    void setStatus(const PrinterStatus& status) {
        std::lock_guard lock(m_mutex);
        m_replies = PrinterStatus::replies(status);
    }
    void setAnswering(bool answering) { m_answering = answering; }
    // Appends received bytes; returns the replies owed for the DLE EOT requests among them.
    QByteArray receive(const QByteArray& bytes) {
        std::lock_guard lock(m_mutex);
        m_received += bytes;
        QByteArray out;
        for (qsizetype i = 0; i + 2 < bytes.size(); ++i) {
            if (bytes[i] == 0x10 && bytes[i + 1] == 0x04 && m_answering) {
                const int n = bytes[i + 2];
                out.append(m_replies[n == 1 ? 0 : n == 2 ? 1 : 2]);
            }
        }
        return out;
    }
    QByteArray received() const {
        std::lock_guard lock(m_mutex);
        return m_received;
    }

private:
    mutable std::mutex m_mutex;
    QByteArray m_received;
    QByteArray m_replies = PrinterStatus::replies(PrinterStatus{});
    std::atomic<bool> m_answering{true};
};

// A pseudo-terminal in raw mode: the transport opens the slave by path, the fake printer serves the master.
class Pty {
public:
    Pty() {
        int slave = -1;
        if (::openpty(&m_master, &slave, nullptr, nullptr, nullptr) != 0) return;
        termios raw{};
        ::tcgetattr(slave, &raw);
        ::cfmakeraw(&raw);
        ::tcsetattr(slave, TCSANOW, &raw);
        m_path = QString::fromLocal8Bit(::ttyname(slave));
        m_slave = slave;  // kept open so the master never sees a hang-up between the transport's opens
        ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    }
    ~Pty() {
        stopServing();
        if (m_master >= 0) ::close(m_master);
        if (m_slave >= 0) ::close(m_slave);
    }
    bool ok() const { return m_master >= 0 && !m_path.isEmpty(); }
    QString path() const { return m_path; }
    int master() const { return m_master; }

    void serve(FakePrinterState& printer) {
        m_thread = std::thread([this, &printer] {
            while (!m_stop) {
                pollfd p{m_master, POLLIN, 0};
                if (::poll(&p, 1, 20) <= 0) continue;
                char buffer[4096];
                const ssize_t n = ::read(m_master, buffer, sizeof buffer);
                if (n <= 0) continue;
                const QByteArray reply = printer.receive(QByteArray(buffer, n));
                if (!reply.isEmpty()) (void)!::write(m_master, reply.constData(), size_t(reply.size()));
            }
        });
    }
    void stopServing() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }

private:
    int m_master = -1;
    int m_slave = -1;
    QString m_path;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
};

// A network printer on 127.0.0.1, port chosen by the system; runs its own thread with a blocking QTcpServer.
class NetworkPrinter {
public:
    explicit NetworkPrinter(FakePrinterState& printer) {
        std::promise<quint16> port;
        auto portReady = port.get_future();
        m_thread = std::thread([this, &printer, p = std::move(port)]() mutable {
            QTcpServer server;
            if (!server.listen(QHostAddress::LocalHost, 0)) {
                p.set_value(0);
                return;
            }
            p.set_value(server.serverPort());
            while (!m_stop && !server.waitForNewConnection(20)) {
            }
            QTcpSocket* socket = server.nextPendingConnection();
            while (socket && !m_stop) {
                if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(20)) {
                    if (socket->state() != QAbstractSocket::ConnectedState) break;
                    continue;
                }
                const QByteArray reply = printer.receive(socket->readAll());
                if (!reply.isEmpty()) {
                    socket->write(reply);
                    socket->waitForBytesWritten(1000);
                }
            }
            if (socket) {
                // Drain what is still in flight before reporting.
                while (socket->waitForReadyRead(50)) printer.receive(socket->readAll());
                socket->abort();
            }
        });
        m_port = portReady.get();
    }
    ~NetworkPrinter() { stop(); }
    quint16 port() const { return m_port; }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }

private:
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    quint16 m_port = 0;
};

QByteArray readMaster(int master, qsizetype count) {
    QByteArray out;
    for (int spins = 0; out.size() < count && spins < 200; ++spins) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        char buffer[4096];
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n > 0) out.append(buffer, n);
    }
    return out;
}

QByteArray sampleJob() {
    return ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt());
}

}  // namespace

TEST(DeviceFileTransport, WritesTheJobByteForByte) {
    Pty pty;
    ASSERT_TRUE(pty.ok());
    DeviceFileTransport transport(pty.path());
    const QByteArray job = sampleJob();
    ASSERT_TRUE(transport.write(job, 2000ms).ok());
    EXPECT_EQ(readMaster(pty.master(), job.size()), job);
}

TEST(DeviceFileTransport, ReadsTheStatusReply) {
    Pty pty;
    ASSERT_TRUE(pty.ok());
    DeviceFileTransport transport(pty.path());
    ASSERT_TRUE(transport.open().ok());
    ASSERT_EQ(::write(pty.master(), "\x12", 1), 1);
    const auto reply = transport.read(1, 2000ms);
    ASSERT_TRUE(reply.ok()) << reply.error().message.toStdString();
    EXPECT_EQ(reply.value(), QByteArray("\x12"));
}

TEST(DeviceFileTransport, SilentPrinterGivesNoReply) {
    Pty pty;
    ASSERT_TRUE(pty.ok());
    DeviceFileTransport transport(pty.path());
    const auto reply = transport.read(1, 100ms);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, "printer.no_reply");
}

TEST(DeviceFileTransport, PrinterThatStopsTakingDataTimesOutTheWrite) {
    Pty pty;
    ASSERT_TRUE(pty.ok());
    DeviceFileTransport transport(pty.path());
    // Nobody reads the master: the pty buffer fills as a printer's buffer does when its paper is out.
    const auto written = transport.write(QByteArray(4 * 1024 * 1024, 'x'), 200ms);
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, "printer.write_timeout");
    EXPECT_TRUE(written.error().message.contains(pty.path()));
}

TEST(DeviceFileTransport, MissingDeviceFailsToOpenNamingThePath) {
    DeviceFileTransport transport(QStringLiteral("/dev/usb/lp-facepos-missing"));
    const auto opened = transport.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "printer.open_failed");
    EXPECT_TRUE(opened.error().message.contains("/dev/usb/lp-facepos-missing"));
}

TEST(DeviceFileTransport, PrinterOverUsbPathReportsPaperOut) {
    Pty pty;
    ASSERT_TRUE(pty.ok());
    FakePrinterState state;
    PrinterStatus paperOut;
    paperOut.paperOut = true;
    state.setStatus(paperOut);
    pty.serve(state);
    EscPosPrinter printer(std::make_unique<DeviceFileTransport>(pty.path()), PaperWidth::Mm58, 2000ms);
    const auto printed = printer.print(sampleJob());
    ASSERT_FALSE(printed.ok());
    EXPECT_EQ(printed.error().code, "printer.paper_out");
    pty.stopServing();
    EXPECT_EQ(state.received(), QByteArray::fromHex("100401 100402 100404"));  // asked, and sent no job
}

TEST(SerialTransport, PrinterOnASerialPortPrintsTheJob) {
    Pty pty;
    ASSERT_TRUE(pty.ok());
    FakePrinterState state;
    pty.serve(state);
    EscPosPrinter printer(std::make_unique<SerialTransport>(pty.path(), 115200), PaperWidth::Mm58, 2000ms);
    const QByteArray job = sampleJob();
    const auto printed = printer.print(job);
    ASSERT_TRUE(printed.ok()) << printed.error().message.toStdString();
    pty.stopServing();
    const QByteArray status = QByteArray::fromHex("100401 100402 100404");
    EXPECT_EQ(state.received(), status + job + status);
}

TEST(SerialTransport, SilentPrinterGivesNoReply) {
    Pty pty;
    ASSERT_TRUE(pty.ok());
    SerialTransport transport(pty.path(), 9600);
    const auto reply = transport.read(1, 100ms);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, "printer.no_reply");
    EXPECT_TRUE(reply.error().message.contains("9600 baud"));
}

TEST(SerialTransport, MissingPortFailsToOpen) {
    SerialTransport transport(QStringLiteral("/dev/ttyFACEPOS-missing"), 9600);
    const auto opened = transport.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "printer.open_failed");
}

TEST(TcpTransport, NetworkPrinterPrintsTheJob) {
    FakePrinterState state;
    NetworkPrinter server(state);
    ASSERT_NE(server.port(), 0);
    EscPosPrinter printer(std::make_unique<TcpTransport>(QStringLiteral("127.0.0.1"), server.port(), 2000ms),
                          PaperWidth::Mm80, 2000ms);
    const QByteArray job = ReceiptLayout(PaperWidth::Mm80).render(sampleReceipt());
    const auto printed = printer.print(job);
    ASSERT_TRUE(printed.ok()) << printed.error().message.toStdString();
    server.stop();
    const QByteArray status = QByteArray::fromHex("100401 100402 100404");
    EXPECT_EQ(state.received(), status + job + status);
}

TEST(TcpTransport, NetworkPrinterReportsCoverOpen) {
    FakePrinterState state;
    PrinterStatus coverOpen;
    coverOpen.coverOpen = true;
    state.setStatus(coverOpen);
    NetworkPrinter server(state);
    EscPosPrinter printer(std::make_unique<TcpTransport>(QStringLiteral("127.0.0.1"), server.port(), 2000ms),
                          PaperWidth::Mm80, 2000ms);
    const auto status = printer.status();
    ASSERT_TRUE(status.ok()) << status.error().message.toStdString();
    EXPECT_EQ(status->code(), "printer.cover_open");
}

TEST(TcpTransport, PrinterThatDoesNotAnswerGivesNoReply) {
    FakePrinterState state;
    state.setAnswering(false);
    NetworkPrinter server(state);
    TcpTransport transport(QStringLiteral("127.0.0.1"), server.port(), 2000ms);
    ASSERT_TRUE(transport.write(EscPosBuilder::statusRequest(1), 1000ms).ok());
    const auto reply = transport.read(1, 100ms);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, "printer.no_reply");
}

TEST(TcpTransport, ClosedPortFailsToOpen) {
    quint16 port = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    TcpTransport transport(QStringLiteral("127.0.0.1"), port, 2000ms);
    const auto opened = transport.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "printer.open_failed");
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
}

TEST(TcpTransport, AddressDefaultsToPort9100) {
    const auto address = TcpTransport::parseAddress(QStringLiteral("192.168.1.50"));
    ASSERT_TRUE(address.ok());
    EXPECT_EQ(address->first, "192.168.1.50");
    EXPECT_EQ(address->second, 9100);
    const auto withPort = TcpTransport::parseAddress(QStringLiteral("printer.local:9101"));
    ASSERT_TRUE(withPort.ok());
    EXPECT_EQ(withPort->second, 9101);
}

TEST(TcpTransport, EmptyAddressIsRefused) {
    const auto address = TcpTransport::parseAddress(QString());
    ASSERT_FALSE(address.ok());
    EXPECT_EQ(address.error().code, "printer.bad_address");
}
