#pragma once

#include <QByteArray>

#include "receipt.h"

namespace facepos::drivers {

enum class PaperWidth { Mm58, Mm80 };

// Lays a Receipt out as one ESC/POS job for 58 mm (384 dots, 32 columns of 12-dot font A) or 80 mm paper
// (576 dots, 48 columns). Columns are counted as the printer prints them (receipt_text.h), so item tables stay
// aligned with Chinese names. The job starts with ESC @ and Chinese mode and ends with a partial cut.
//
// Stateless apart from the paper width: any thread.
class ReceiptLayout {
public:
    explicit ReceiptLayout(PaperWidth width) : m_width(width) {}

    QByteArray render(const Receipt& receipt) const;

    // `copies` jobs of one sale (checkout.receipt_copies): with two or more, the first is labelled "顾客联" (customer
    // copy) and the others "商户联" (merchant copy), overriding the receipt's own copyLabel.
    QList<QByteArray> renderCopies(const Receipt& receipt, int copies) const;

    int columns() const { return columnsFor(m_width); }
    static int columnsFor(PaperWidth width) { return width == PaperWidth::Mm58 ? 32 : 48; }
    static int dotsFor(PaperWidth width) { return width == PaperWidth::Mm58 ? 384 : 576; }

private:
    PaperWidth m_width;
};

}  // namespace facepos::drivers
