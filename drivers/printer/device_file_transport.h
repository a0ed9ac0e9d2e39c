#pragma once

#include "iprintertransport.h"

namespace facepos::drivers {

// A USB printer class device (/dev/usb/lp0, the kernel's usblp driver) or any character device that takes the
// ESC/POS stream through a plain file descriptor. usblp is bidirectional, so DLE EOT status replies are read back
// through the same descriptor. The descriptor is non-blocking and every wait goes through poll() with the caller's
// timeout: a printer that stops taking data cannot hang the printer thread.
//
// Owned by one thread (see IPrinterTransport).
class DeviceFileTransport final : public IPrinterTransport {
public:
    explicit DeviceFileTransport(QString path);
    ~DeviceFileTransport() override;
    DeviceFileTransport(const DeviceFileTransport&) = delete;
    DeviceFileTransport& operator=(const DeviceFileTransport&) = delete;

    QString description() const override { return m_path; }
    Result<void> open() override;
    void close() override;
    bool isOpen() const override { return m_fd >= 0; }
    Result<void> write(const QByteArray& bytes, std::chrono::milliseconds timeout) override;
    Result<QByteArray> read(qsizetype count, std::chrono::milliseconds timeout) override;
    void discardInput() override;

private:
    Error failure(const QString& code, const QString& what, int errnoValue);

    QString m_path;
    int m_fd = -1;
};

}  // namespace facepos::drivers
