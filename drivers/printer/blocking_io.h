#pragma once

#include <QDeadlineTimer>
#include <QIODevice>
#include <chrono>

#include "platform/result.h"

namespace facepos::drivers {

// Helpers for the transports that drive a QIODevice in Qt's blocking mode (SerialTransport, TcpTransport). They
// call the device's waitFor* functions, so they run on the thread that owns the device.

// What is left of `deadline` as a waitFor* timeout: at least 1 ms, because 0 would not wait and -1 would wait for
// ever.
int waitTimeout(const QDeadlineTimer& deadline);

// Waits until `device` has handed every queued byte on. False when a wait fails, by timeout or by a device error:
// only the caller's device type tells which, so the caller decides what the failure means.
bool waitUntilWritten(QIODevice& device, const QDeadlineTimer& deadline);

// printer.write_timeout: the printer stopped taking data part-way through a job. `where` places the printer in the
// message, e.g. "on /dev/ttyUSB0 at 19200 baud" or "at 192.168.1.50:9100".
Error writeTimeoutError(const QString& where, qint64 sent, qint64 total, std::chrono::milliseconds timeout);

}  // namespace facepos::drivers
