#pragma once

#include "icashdrawer.h"
#include "ireceiptprinter.h"

namespace facepos::drivers {

// devices.drawer = printer: opens the drawer through the printer's drawer kick. Holds a reference: the printer must
// outlive the drawer (PrinterDevices declares them in that order).
class PrinterCashDrawer final : public ICashDrawer {
public:
    explicit PrinterCashDrawer(IReceiptPrinter& printer) : m_printer(printer) {}

    bool present() const override { return true; }
    Result<void> open() override;

private:
    IReceiptPrinter& m_printer;
};

}  // namespace facepos::drivers
