#include "printer_factory.h"

#include <QDir>

#include "device_file_transport.h"
#include "escpos_printer.h"
#include "no_cash_drawer.h"
#include "null_receipt_printer.h"
#include "platform/settings.h"
#include "printer_cash_drawer.h"
#include "serial_transport.h"
#include "simulated_transport.h"
#include "tcp_transport.h"

namespace facepos::drivers {

namespace {

DriverChoice choiceFor(const QList<DriverChoice>& choices, DeviceKind kind, const QString& fallback) {
    for (const DriverChoice& choice : choices) {
        if (choice.kind == kind) return choice;
    }
    return {kind, DriverFlavor::None, fallback};
}

}  // namespace

Result<PrinterDevices> createPrinterDevices(const Settings& settings, const QList<DriverChoice>& choices) {
    const DriverChoice printer = choiceFor(choices, DeviceKind::Printer, QStringLiteral("none"));
    const DriverChoice drawer = choiceFor(choices, DeviceKind::Drawer, QStringLiteral("none"));
    const PaperWidth width =
        settings.string(u"printer.paper_width_mm") == QLatin1String("80") ? PaperWidth::Mm80 : PaperWidth::Mm58;
    const std::chrono::milliseconds timeout = settings.duration(u"printer.timeout_ms");
    const QString path = settings.string(u"devices.printer_path");

    PrinterDevices devices;
    std::unique_ptr<IPrinterTransport> transport;
    if (printer.backend == QLatin1String("usb")) {
        transport = std::make_unique<DeviceFileTransport>(path.isEmpty() ? QStringLiteral("/dev/usb/lp0") : path);
    } else if (printer.backend == QLatin1String("serial")) {
        transport = std::make_unique<SerialTransport>(path.isEmpty() ? QStringLiteral("/dev/ttyUSB0") : path,
                                                      settings.integer(u"printer.serial_baud"));
    } else if (printer.backend == QLatin1String("tcp")) {
        Result<std::pair<QString, quint16>> address = TcpTransport::parseAddress(path);
        if (!address) return address.error();
        transport = std::make_unique<TcpTransport>(address->first, address->second, timeout);
    } else if (printer.backend == QLatin1String("virtual")) {
        const QString folder =
            path.isEmpty() ? QDir(settings.string(u"data.dir")).filePath(QStringLiteral("receipts")) : path;
        auto simulated = std::make_unique<SimulatedTransport>(folder, ReceiptLayout::dotsFor(width));
        devices.simulated = simulated.get();
        transport = std::move(simulated);
    }

    if (transport) {
        devices.printer = std::make_unique<EscPosPrinter>(std::move(transport), width, timeout);
    } else {
        devices.printer = std::make_unique<NullReceiptPrinter>(width);
    }
    // "simulated" is what demoDriverChoices() gives every device but the printer: the drawer then hangs on the
    // virtual printer.
    if (drawer.backend == QLatin1String("printer") || drawer.flavor == DriverFlavor::Simulated) {
        devices.drawer = std::make_unique<PrinterCashDrawer>(*devices.printer);
    } else {
        devices.drawer = std::make_unique<NoCashDrawer>();
    }
    return devices;
}

}  // namespace facepos::drivers
