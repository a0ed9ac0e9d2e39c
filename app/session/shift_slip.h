#pragma once

#include <QString>

#include "app/session/shift_manager.h"
#include "drivers/printer/shift_report_layout.h"

namespace facepos::session {

// The handover report as the printer gets it: ShiftManager's report with the store and the terminal it was closed on,
// in local time. A report printed before is a reprint. What Application's ShiftManager printer lays out with
// ShiftReportLayout.
drivers::ShiftSlip shiftSlipFor(const ShiftReport& report, const QString& storeName, const QString& deviceId);

}  // namespace facepos::session
