#pragma once

#include <memory>

#include "iprintertransport.h"
#include "ireceiptprinter.h"

namespace facepos::drivers {

// The ESC/POS printer behind any transport: USB, serial, TCP or the virtual printer.
//
// Owned by the printer thread, like its transport.
class EscPosPrinter final : public IReceiptPrinter {
public:
    EscPosPrinter(std::unique_ptr<IPrinterTransport> transport, PaperWidth width, std::chrono::milliseconds timeout);

    QString description() const override;
    PaperWidth paperWidth() const override { return m_width; }
    Result<PrinterStatus> status() override;
    Result<void> print(const QByteArray& job) override;
    Result<void> kickDrawer() override;

    IPrinterTransport& transport() { return *m_transport; }

private:
    std::unique_ptr<IPrinterTransport> m_transport;
    PaperWidth m_width;
    std::chrono::milliseconds m_timeout;
};

}  // namespace facepos::drivers
