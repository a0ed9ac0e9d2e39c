#include "printer_status.h"

#include <QByteArray>

namespace facepos::drivers {

namespace {

// Every DLE EOT reply has bit 1 and bit 4 set and bits 0 and 7 clear.
constexpr quint8 kFixedMask = 0x93;
constexpr quint8 kFixedBits = 0x12;

bool wellFormed(quint8 reply) {
    return (reply & kFixedMask) == kFixedBits;
}

}  // namespace

QString PrinterStatus::code() const {
    if (coverOpen) return QStringLiteral("printer.cover_open");
    if (paperOut) return QStringLiteral("printer.paper_out");
    if (error) return QStringLiteral("printer.error");
    if (offline) return QStringLiteral("printer.offline");
    if (paperNearEnd) return QStringLiteral("printer.paper_near_end");
    return QStringLiteral("printer.ready");
}

QString PrinterStatus::message() const {
    if (coverOpen) {
        return QStringLiteral("Printer cover is open: close it firmly, the receipt will print automatically.");
    }
    if (paperOut) {
        return QStringLiteral("Printer out of paper: load a new roll, the receipt will print automatically.");
    }
    if (error) {
        return QStringLiteral(
            "Printer error (cutter jam or overheating): open the cover, clear any paper stuck at the cutter, close "
            "it; if the error stays, switch the printer off and on.");
    }
    if (offline) {
        return QStringLiteral(
            "Printer is offline: check that it is switched on and its light is steady; the receipt will print when "
            "it is back.");
    }
    if (paperNearEnd) return QStringLiteral("Printer paper is nearly used up: have a new roll ready.");
    return QStringLiteral("Printer ready.");
}

Result<PrinterStatus> PrinterStatus::fromReplies(quint8 printer, quint8 offlineCause, quint8 paperSensor) {
    for (quint8 reply : {printer, offlineCause, paperSensor}) {
        if (!wellFormed(reply)) {
            return makeError(QStringLiteral("printer.bad_status"),
                             QStringLiteral("The printer answered a status request with 0x%1, which is not an ESC/POS "
                                            "status byte: check that the configured device is the receipt printer "
                                            "and, for a serial printer, that printer.serial_baud matches it.")
                                 .arg(reply, 2, 16, QLatin1Char('0')));
        }
    }
    PrinterStatus status;
    status.offline = printer & 0x08;
    status.coverOpen = offlineCause & 0x04;
    status.paperOut = (offlineCause & 0x20) || (paperSensor & 0x60);
    status.error = offlineCause & 0x40;
    status.paperNearEnd = paperSensor & 0x0C;
    return status;
}

QByteArray PrinterStatus::replies(const PrinterStatus& status) {
    const bool stopped = !status.canPrint();
    quint8 printer = kFixedBits | (stopped || status.offline ? 0x08 : 0);
    quint8 offline =
        kFixedBits | (status.coverOpen ? 0x04 : 0) | (status.paperOut ? 0x20 : 0) | (status.error ? 0x40 : 0);
    quint8 paper = kFixedBits | (status.paperNearEnd || status.paperOut ? 0x0C : 0) | (status.paperOut ? 0x60 : 0);
    QByteArray bytes;
    bytes.append(char(printer)).append(char(offline)).append(char(paper));
    return bytes;
}

}  // namespace facepos::drivers
