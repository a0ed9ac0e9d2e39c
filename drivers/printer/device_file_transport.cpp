#include "device_file_transport.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <cerrno>
#include <cstring>

namespace facepos::drivers {

namespace {

// Waits for `events` on fd until the deadline. Returns >0 ready, 0 timed out, <0 error (errno set).
int waitFor(int fd, short events, const QDeadlineTimer& deadline, short* revents) {
    for (;;) {
        pollfd p{fd, events, 0};
        const int ms = int(std::min<qint64>(deadline.remainingTime(), 60000));
        const int rc = ::poll(&p, 1, ms < 0 ? 0 : ms);
        if (rc < 0 && errno == EINTR) continue;
        *revents = p.revents;
        return rc;
    }
}

}  // namespace

DeviceFileTransport::DeviceFileTransport(QString path) : m_path(std::move(path)) {}

DeviceFileTransport::~DeviceFileTransport() {
    close();
}

Error DeviceFileTransport::failure(const QString& code, const QString& what, int errnoValue) {
    close();
    return makeError(code, QStringLiteral("Receipt printer %1: %2 (%3). Check the printer's USB cable and that it "
                                          "is switched on.")
                               .arg(m_path, what, QString::fromLocal8Bit(std::strerror(errnoValue))));
}

Result<void> DeviceFileTransport::open() {
    if (m_fd >= 0) return {};
    const int fd = ::open(m_path.toLocal8Bit().constData(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        QString hint = QStringLiteral("check the printer's USB cable and that it is switched on");
        if (e == EACCES) hint = QStringLiteral("the facepos user may not open it: check the udev rule for printers");
        return makeError(QStringLiteral("printer.open_failed"),
                         QStringLiteral("Cannot open the receipt printer %1 (%2): %3.")
                             .arg(m_path, QString::fromLocal8Bit(std::strerror(e)), hint));
    }
    m_fd = fd;
    return {};
}

void DeviceFileTransport::close() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

Result<void> DeviceFileTransport::write(const QByteArray& bytes, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened.error();
    const QDeadlineTimer deadline(timeout.count());
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            const int e = errno;
            return failure(
                e == ENODEV || e == EIO ? QStringLiteral("printer.disconnected") : QStringLiteral("printer.io_error"),
                QStringLiteral("writing failed"), e);
        }
        short revents = 0;
        const int rc = waitFor(m_fd, POLLOUT, deadline, &revents);
        if (rc < 0) return failure(QStringLiteral("printer.io_error"), QStringLiteral("waiting failed"), errno);
        if (rc == 0) {
            return makeError(QStringLiteral("printer.write_timeout"),
                             QStringLiteral("Receipt printer %1 stopped taking data (%2 of %3 bytes sent in %4 ms): "
                                            "check paper and cover; the receipt is kept and printed again.")
                                 .arg(m_path)
                                 .arg(done)
                                 .arg(bytes.size())
                                 .arg(timeout.count()));
        }
        if (revents & (POLLERR | POLLHUP | POLLNVAL)) {
            return failure(QStringLiteral("printer.disconnected"), QStringLiteral("the device went away"), ENODEV);
        }
    }
    return {};
}

Result<QByteArray> DeviceFileTransport::read(qsizetype count, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened.error();
    const QDeadlineTimer deadline(timeout.count());
    QByteArray out;
    while (out.size() < count) {
        char buffer[64];
        const ssize_t n = ::read(m_fd, buffer, size_t(std::min<qsizetype>(count - out.size(), sizeof buffer)));
        if (n > 0) {
            out.append(buffer, n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            return failure(QStringLiteral("printer.io_error"), QStringLiteral("reading the status failed"), errno);
        }
        short revents = 0;
        const int rc = waitFor(m_fd, POLLIN, deadline, &revents);
        if (rc < 0) return failure(QStringLiteral("printer.io_error"), QStringLiteral("waiting failed"), errno);
        if (rc == 0) {
            return makeError(QStringLiteral("printer.no_reply"),
                             QStringLiteral("Receipt printer %1 did not answer a status request within %2 ms: check "
                                            "that it is switched on and its cable is in.")
                                 .arg(m_path)
                                 .arg(timeout.count()));
        }
        if ((revents & (POLLERR | POLLNVAL)) || ((revents & POLLHUP) && !(revents & POLLIN))) {
            return failure(QStringLiteral("printer.disconnected"), QStringLiteral("the device went away"), ENODEV);
        }
    }
    return out;
}

void DeviceFileTransport::discardInput() {
    if (m_fd < 0) return;
    char buffer[256];
    while (::read(m_fd, buffer, sizeof buffer) > 0) {
    }
}

}  // namespace facepos::drivers
