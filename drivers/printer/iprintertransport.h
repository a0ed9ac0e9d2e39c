#pragma once

#include <QByteArray>
#include <QString>
#include <chrono>

#include "platform/result.h"

namespace facepos::drivers {

// The byte pipe to a receipt printer: USB printer class device, serial port, TCP (port 9100) or a simulation.
//
// Calls block for at most the timeout they are given, so a printer that stops answering never hangs the caller
// for longer. A transport belongs to one thread — the printer thread that runs the PrintQueue — and is not
// thread-safe. Errors (codes): printer.open_failed, printer.disconnected, printer.write_timeout (the printer stopped
// taking data: paper out with a full buffer, a stalled cable), printer.no_reply (no status reply in time),
// printer.io_error. Each message names the device.
class IPrinterTransport {
public:
    virtual ~IPrinterTransport() = default;

    // "/dev/usb/lp0", "/dev/ttyUSB0 at 9600 baud", "192.168.1.50:9100": for messages and the technician screen.
    virtual QString description() const = 0;

    // Opens the connection; does nothing when it is already open. After a failure, open() tries again.
    virtual Result<void> open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    // Writes every byte or fails: a partial write is an error (the caller then resends the whole job).
    virtual Result<void> write(const QByteArray& bytes, std::chrono::milliseconds timeout) = 0;

    // Reads exactly `count` bytes (status replies are one byte each).
    virtual Result<QByteArray> read(qsizetype count, std::chrono::milliseconds timeout) = 0;

    // Drops bytes received but not read, e.g. a late reply to a status request that had timed out.
    virtual void discardInput() = 0;
};

}  // namespace facepos::drivers
