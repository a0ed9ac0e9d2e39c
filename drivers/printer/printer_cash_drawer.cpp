#include "printer_cash_drawer.h"

namespace facepos::drivers {

Result<void> PrinterCashDrawer::open() {
    if (auto kicked = m_printer.kickDrawer(); !kicked) {
        return makeError(kicked.error().code,
                         QStringLiteral("The cash drawer did not open: %1 Open it with its key if needed.")
                             .arg(kicked.error().message));
    }
    return {};
}

}  // namespace facepos::drivers
