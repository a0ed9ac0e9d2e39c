// EscPosPrinter over the scriptable virtual printer, the cash drawer, and the factory that picks them.
#include <gtest/gtest.h>

#include <QImage>
#include <QTemporaryDir>

#include "drivers/printer/escpos_builder.h"
#include "drivers/printer/escpos_printer.h"
#include "drivers/printer/no_cash_drawer.h"
#include "drivers/printer/printer_cash_drawer.h"
#include "drivers/printer/printer_factory.h"
#include "drivers/printer/receipt_layout.h"
#include "drivers/printer/simulated_transport.h"
#include "platform/settings.h"

using namespace facepos;
using namespace facepos::drivers;
using namespace std::chrono_literals;

namespace {

struct VirtualPrinter {
    explicit VirtualPrinter(QString folder = {}) {
        auto owned = std::make_unique<SimulatedTransport>(std::move(folder), 384);
        transport = owned.get();
        printer = std::make_unique<EscPosPrinter>(std::move(owned), PaperWidth::Mm58, 1000ms);
    }
    SimulatedTransport* transport = nullptr;
    std::unique_ptr<EscPosPrinter> printer;
};

QByteArray job() {
    return ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt());
}

PrinterStatus paperOut() {
    PrinterStatus s;
    s.paperOut = true;
    return s;
}

Settings settingsWith(const QStringList& overrides) {
    SettingsSources sources;
    sources.overrides = overrides;
    auto loaded = Settings::load(sources);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message.toStdString());
    return loaded.value();
}

}  // namespace

TEST(EscPosPrinter, ReadyPrinterGetsTheWholeJob) {
    VirtualPrinter v;
    ASSERT_TRUE(v.printer->print(job()).ok());
    EXPECT_EQ(v.transport->printData(), job());
    EXPECT_EQ(v.transport->statusRequests(), 6);  // three before, three after
}

TEST(EscPosPrinter, PaperOutRefusesTheJobWithTheCashierMessage) {
    VirtualPrinter v;
    v.transport->setStatus(paperOut());
    const auto printed = v.printer->print(job());
    ASSERT_FALSE(printed.ok());
    EXPECT_EQ(printed.error().code, "printer.paper_out");
    EXPECT_EQ(printed.error().message, "Printer out of paper: load a new roll, the receipt will print automatically.");
    EXPECT_TRUE(v.transport->printData().isEmpty());
}

TEST(EscPosPrinter, PaperRunningOutMidJobFailsTheJob) {
    VirtualPrinter v;
    v.transport->runOutOfPaperAfter(100);
    const auto printed = v.printer->print(job());
    ASSERT_FALSE(printed.ok());
    EXPECT_EQ(printed.error().code, "printer.paper_out");
    EXPECT_EQ(v.transport->printData().size(), 100);
}

TEST(EscPosPrinter, StalledWritesFailWithWriteTimeout) {
    VirtualPrinter v;
    v.transport->setWriteStalled(true);
    const auto printed = v.printer->print(QByteArray("x"));
    ASSERT_FALSE(printed.ok());
    EXPECT_EQ(printed.error().code, "printer.write_timeout");
}

TEST(EscPosPrinter, PrinterThatStopsAnsweringGivesNoReply) {
    VirtualPrinter v;
    v.transport->setAnswering(false);
    const auto status = v.printer->status();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, "printer.no_reply");
}

TEST(EscPosPrinter, PulledCableFailsAndPrintsAgainOnceReconnected) {
    VirtualPrinter v;
    v.transport->setConnected(false);
    EXPECT_FALSE(v.printer->print(job()).ok());
    v.transport->setConnected(true);
    EXPECT_TRUE(v.printer->print(job()).ok());
}

TEST(EscPosPrinter, InjectedErrorIsReturnedOnce) {
    VirtualPrinter v;
    v.transport->injectWriteError(makeError("printer.io_error", "simulated"));
    EXPECT_EQ(v.printer->status().error().code, "printer.io_error");
    EXPECT_TRUE(v.printer->status().ok());
}

TEST(EscPosPrinter, VirtualPrinterWritesOnePngPerReceipt) {
    QTemporaryDir dir;
    VirtualPrinter v(dir.path());
    ASSERT_TRUE(v.printer->print(job()).ok());
    ASSERT_TRUE(v.printer->print(job()).ok());
    ASSERT_EQ(v.transport->savedFiles().size(), 2);
    EXPECT_TRUE(QImage(v.transport->savedFiles().first()).width() == 384 + 2 * 16);
    EXPECT_TRUE(v.transport->renderWarnings().isEmpty());
}

TEST(PrinterCashDrawer, OpensWithTheDrawerKickEvenWhenThePaperIsOut) {
    VirtualPrinter v;
    v.transport->setStatus(paperOut());
    PrinterCashDrawer drawer(*v.printer);
    ASSERT_TRUE(drawer.open().ok());
    EXPECT_EQ(v.transport->printData(), EscPosBuilder().drawerKick().bytes());
    EXPECT_EQ(v.transport->drawerKicks(), 1);
}

TEST(PrinterCashDrawer, DisconnectedPrinterSaysTheDrawerDidNotOpen) {
    VirtualPrinter v;
    v.transport->setConnected(false);
    PrinterCashDrawer drawer(*v.printer);
    const auto opened = drawer.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.startsWith("The cash drawer did not open"));
}

TEST(NoCashDrawer, IsAbsentAndSaysToUseTheKey) {
    NoCashDrawer drawer;
    EXPECT_FALSE(drawer.present());
    EXPECT_EQ(drawer.open().error().code, "drawer.absent");
}

TEST(PrinterFactory, VirtualPrinterWritesToTheConfiguredFolderAtThePaperWidth) {
    QTemporaryDir dir;
    const Settings settings =
        settingsWith({"devices.printer=virtual", "devices.printer_path=" + dir.path(), "printer.paper_width_mm=80"});
    auto devices = createPrinterDevices(settings, driverChoices(settings));
    ASSERT_TRUE(devices.ok());
    ASSERT_NE(devices->simulated, nullptr);
    EXPECT_EQ(devices->printer->paperWidth(), PaperWidth::Mm80);
    EXPECT_TRUE(devices->drawer->present());
    ASSERT_TRUE(devices->printer->print(ReceiptLayout(PaperWidth::Mm80).render(sampleReceipt())).ok());
    ASSERT_EQ(devices->simulated->savedFiles().size(), 1);
    EXPECT_TRUE(devices->simulated->savedFiles().first().startsWith(dir.path()));
}

TEST(PrinterFactory, NoneGivesAnAbsentPrinterAndDrawerNoneGivesNoDrawer) {
    const Settings settings = settingsWith({"devices.printer=none", "devices.drawer=none"});
    auto devices = createPrinterDevices(settings, driverChoices(settings));
    ASSERT_TRUE(devices.ok());
    EXPECT_EQ(devices->printer->print(QByteArray("x")).error().code, "printer.absent");
    EXPECT_FALSE(devices->drawer->present());
}

TEST(PrinterFactory, UsbPrinterDefaultsToLp0) {
    const Settings settings = settingsWith({"devices.printer=usb"});
    auto devices = createPrinterDevices(settings, driverChoices(settings));
    ASSERT_TRUE(devices.ok());
    EXPECT_EQ(devices->printer->description(), "/dev/usb/lp0");
}

TEST(PrinterFactory, TcpPrinterNeedsAnAddress) {
    const Settings settings = settingsWith({"devices.printer=tcp"});
    auto devices = createPrinterDevices(settings, driverChoices(settings));
    ASSERT_FALSE(devices.ok());
    EXPECT_EQ(devices.error().code, "printer.bad_address");
}

TEST(PrinterFactory, DemoUsesTheVirtualPrinterWhateverTheConfiguration) {
    QTemporaryDir dir;
    const Settings settings = settingsWith({"devices.printer=usb", "data.dir=" + dir.path()});
    auto devices = createPrinterDevices(settings, demoDriverChoices());
    ASSERT_TRUE(devices.ok());
    ASSERT_NE(devices->simulated, nullptr);
    EXPECT_EQ(devices->printer->description(), "virtual printer writing to " + dir.path() + "/receipts");
}
