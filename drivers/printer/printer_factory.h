#pragma once

#include <QList>
#include <memory>

#include "drivers/driver_selection.h"
#include "icashdrawer.h"
#include "ireceiptprinter.h"

namespace facepos {
class Settings;
}

namespace facepos::drivers {

class SimulatedTransport;

// The receipt printer and the cash drawer the configuration asks for. The drawer refers to the printer, so it is
// declared after it (destroyed first); move the struct as a whole.
struct PrinterDevices {
    std::unique_ptr<IReceiptPrinter> printer;
    std::unique_ptr<ICashDrawer> drawer;
    SimulatedTransport* simulated = nullptr;  // the virtual printer's transport, for scripting; owned by `printer`
};

// The one factory of printers and drawers. Reads devices.printer / devices.drawer through `choices` (pass
// driverChoices(settings), or demoDriverChoices() for --demo) and devices.printer_path, printer.paper_width_mm,
// printer.serial_baud and printer.timeout_ms from `settings`:
//   usb    → DeviceFileTransport on devices.printer_path (default /dev/usb/lp0)
//   serial → SerialTransport on devices.printer_path (default /dev/ttyUSB0) at printer.serial_baud
//   tcp    → TcpTransport to devices.printer_path, "host[:port]" (port 9100 by default); required
//   virtual→ SimulatedTransport writing PNGs to devices.printer_path (default <data.dir>/receipts)
//   none   → NullReceiptPrinter
// Nothing is opened here: a printer that is off at start-up is not an error, the queue retries it.
// Errors: printer.bad_address (tcp without a usable address).
Result<PrinterDevices> createPrinterDevices(const Settings& settings, const QList<DriverChoice>& choices);

}  // namespace facepos::drivers
