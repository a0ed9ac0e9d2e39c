#pragma once

#include "ireceiptprinter.h"

namespace facepos::drivers {

// devices.printer = none: the terminal has no receipt printer. Every call fails with printer.absent, so the
// checkout can say "no receipt" instead of waiting for one; the PrintQueue keeps the jobs for a later reprint.
class NullReceiptPrinter final : public IReceiptPrinter {
public:
    explicit NullReceiptPrinter(PaperWidth width = PaperWidth::Mm58) : m_width(width) {}

    QString description() const override { return QStringLiteral("no printer"); }
    PaperWidth paperWidth() const override { return m_width; }
    Result<PrinterStatus> status() override { return absent(); }
    Result<void> print(const QByteArray&) override { return absent(); }
    Result<void> kickDrawer() override { return absent(); }

private:
    static Error absent() {
        return makeError(QStringLiteral("printer.absent"),
                         QStringLiteral("No receipt printer is configured (devices.printer = none): ask the "
                                        "technician to set devices.printer, or give the customer no paper receipt."));
    }

    PaperWidth m_width;
};

}  // namespace facepos::drivers
