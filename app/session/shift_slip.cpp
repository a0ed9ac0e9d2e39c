#include "app/session/shift_slip.h"

namespace facepos::session {

drivers::ShiftSlip shiftSlipFor(const ShiftReport& report, const QString& storeName, const QString& deviceId) {
    drivers::ShiftSlip slip;
    slip.storeName = storeName;
    slip.deviceId = deviceId;
    slip.shiftNo = report.shiftNo;
    slip.cashier = report.operatorName.isEmpty()
                       ? report.operatorId
                       : QStringLiteral("%1 (%2)").arg(report.operatorName, report.operatorId);
    slip.openedAt = report.openedAt.toLocalTime();
    slip.closedAt = report.closedAt.toLocalTime();
    slip.orderCount = report.orderCount;
    for (const ShiftReport::ChannelTotal& total : report.totals)
        slip.totals.append({total.channel, total.count, total.totalFee});
    slip.refundCount = report.refundCount;
    slip.refundFen = report.refundFee;
    slip.voucherCount = report.voucherCount;
    slip.voucherDeductFen = report.voucherDeductFee;
    slip.openingCashFen = report.openingCashFee;
    slip.expectedCashFen = report.expectedCashFee;
    slip.countedCashFen = report.countedCashFee;
    slip.cashDiffFen = report.cashDiffFee;
    // ShiftManager sets `printed` after the first print: a report printed before is a reprint.
    slip.reprint = report.printed;
    return slip;
}

}  // namespace facepos::session
