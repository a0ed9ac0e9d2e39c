#pragma once

#include <QByteArray>
#include <QString>

#include "platform/result.h"
#include "printer_status.h"
#include "receipt_layout.h"

namespace facepos::drivers {

// A receipt printer as the rest of the terminal sees it: it takes whole ESC/POS jobs (ReceiptLayout output),
// reports its state, and pulses the cash drawer connected to it.
//
// Calls block for at most a few times printer.timeout_ms. An implementation belongs to one thread, the printer
// thread that runs the PrintQueue; the UI never calls it directly.
class IReceiptPrinter {
public:
    virtual ~IReceiptPrinter() = default;

    virtual QString description() const = 0;
    virtual PaperWidth paperWidth() const = 0;

    // Asks the printer (DLE EOT 1, 2, 4). Errors: the transport's (printer.no_reply, printer.disconnected, …) and
    // printer.bad_status.
    virtual Result<PrinterStatus> status() = 0;

    // Sends one job after checking that the printer can print, and checks again afterwards. Errors: the status
    // code and message when it cannot print (printer.paper_out, printer.cover_open, printer.offline, printer.error),
    // including when the paper ran out during the job (the job then counts as not printed), and the transport's.
    virtual Result<void> print(const QByteArray& job) = 0;

    // ESC p: pulses the drawer solenoid. Sent without the paper check: the drawer opens even when the paper is out.
    virtual Result<void> kickDrawer() = 0;
};

}  // namespace facepos::drivers
