#pragma once

#include <QString>

#include "platform/result.h"

namespace facepos::drivers {

// What the printer reported through DLE EOT 1 (printer), 2 (offline cause) and 4 (roll paper sensor).
struct PrinterStatus {
    bool offline = false;       // DLE EOT 1 bit 3: the printer does not accept print data
    bool coverOpen = false;     // DLE EOT 2 bit 2
    bool paperOut = false;      // DLE EOT 2 bit 5 or DLE EOT 4 bits 5–6: printing stopped at the paper end
    bool paperNearEnd = false;  // DLE EOT 4 bits 2–3: a few metres left; printing still works
    bool error = false;         // DLE EOT 2 bit 6: cutter jam, head overheat or another mechanical error

    // Whether a job may be sent now. A near-end roll still prints.
    bool canPrint() const { return !offline && !coverOpen && !paperOut && !error; }

    // The most urgent condition as a stable code: printer.cover_open, printer.paper_out, printer.error,
    // printer.offline, printer.paper_near_end, or printer.ready.
    QString code() const;
    // The same condition in words a cashier can act on.
    QString message() const;

    // Parses the three one-byte replies. A byte that does not carry the fixed bits of a DLE EOT reply (bits 1 and 4
    // set, bits 0 and 7 clear) is refused with printer.bad_status: the device on the line is not an ESC/POS printer
    // or the reply was garbled.
    static Result<PrinterStatus> fromReplies(quint8 printer, quint8 offlineCause, quint8 paperSensor);

    // The replies a printer in this state sends, in the order fromReplies() takes them: for simulations and tests.
    static QByteArray replies(const PrinterStatus& status);

    friend bool operator==(const PrinterStatus&, const PrinterStatus&) = default;
};

}  // namespace facepos::drivers
