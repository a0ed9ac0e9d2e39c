#include "blocking_io.h"

#include <algorithm>

namespace facepos::drivers {

int waitTimeout(const QDeadlineTimer& deadline) {
    return int(std::max<qint64>(deadline.remainingTime(), 1));
}

bool waitUntilWritten(QIODevice& device, const QDeadlineTimer& deadline) {
    while (device.bytesToWrite() > 0) {
        if (!device.waitForBytesWritten(waitTimeout(deadline))) return false;
    }
    return true;
}

Error writeTimeoutError(const QString& where, qint64 sent, qint64 total, std::chrono::milliseconds timeout) {
    return makeError(QStringLiteral("printer.write_timeout"),
                     QStringLiteral("Receipt printer %1 stopped taking data (%2 of %3 bytes sent in %4 ms): check "
                                    "paper and cover; the receipt is kept and printed again.")
                         .arg(where)
                         .arg(sent)
                         .arg(total)
                         .arg(timeout.count()));
}

}  // namespace facepos::drivers
