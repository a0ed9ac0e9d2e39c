#pragma once

#include <QString>

#include "platform/result.h"

namespace facepos::drivers {

// The cash drawer. Counter drawers have no data line of their own: they hang on the receipt printer's drawer port
// and open when the printer pulses it (ESC p).
//
// Calls go to the printer, so they belong to the printer thread, like IReceiptPrinter's.
class ICashDrawer {
public:
    virtual ~ICashDrawer() = default;

    virtual bool present() const = 0;  // false: devices.drawer = none; the UI then offers no "open drawer"
    // Errors: drawer.absent, or the printer's error with a message that says the drawer did not open.
    virtual Result<void> open() = 0;
};

}  // namespace facepos::drivers
