#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "receipt_layout.h"

namespace facepos::drivers {

// One payment channel's line of the handover report: paid orders only.
struct ShiftSlipTotal {
    QString channel;  // wechat, alipay, unionpay, face, cash (printed by shiftChannelName)
    int count = 0;
    qint64 totalFen = 0;
};

// What the handover report (交接班报告) shows, already computed by the shift (the app fills it from its ShiftReport,
// docs/terminal-api.md §10.2). Amounts are integer fen; the printer lays them out and never computes money.
struct ShiftSlip {
    QString storeName;
    QString deviceId;
    QString shiftNo;
    QString cashier;     // "王芳 (C1002)"
    QDateTime openedAt;  // printed as given (the app passes local time)
    QDateTime closedAt;
    int orderCount = 0;
    QList<ShiftSlipTotal> totals;
    int refundCount = 0;
    qint64 refundFen = 0;
    int voucherCount = 0;
    qint64 voucherDeductFen = 0;
    qint64 openingCashFen = 0;
    qint64 expectedCashFen = 0;  // opening float + cash sales − cash refunds
    qint64 countedCashFen = 0;
    qint64 cashDiffFen = 0;  // counted − expected
    bool reprint = false;    // prints a "重打" banner
};

// The Chinese name a channel is printed with ("微信支付"); an unknown channel is printed as it is.
QString shiftChannelName(const QString& channel);

// Lays a ShiftSlip out as one ESC/POS job for 58 mm (32 columns) or 80 mm paper (48 columns), in Chinese like every
// slip the terminal prints: header, the shift, totals per channel, refunds and voucher deductions, the cash count
// with the difference in bold when it is not zero, and lines for both clerks' signatures. Starts with ESC @ and
// Chinese mode, ends with a partial cut.
//
// Stateless apart from the paper width: any thread.
class ShiftReportLayout {
public:
    explicit ShiftReportLayout(PaperWidth width) : m_width(width) {}

    QByteArray render(const ShiftSlip& slip) const;

    int columns() const { return ReceiptLayout::columnsFor(m_width); }

private:
    PaperWidth m_width;
};

// A Chinese sample report for the documentation and tests.
ShiftSlip sampleShiftSlip();

}  // namespace facepos::drivers
