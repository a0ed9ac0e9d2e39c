#pragma once

#include <QString>
#include <memory>

#include "kiosk_driver.h"
#include "platform/result.h"

namespace facepos::test {

// An activated terminal of KioskDriver for the store pages (My store, store details, clerks) and the shift pages,
// activated through the DeviceBinding service and support's approval; ShiftManager printing through DeviceManager's
// printer thread onto the virtual printer, as Application wires it. Pages are shown one at a time, as asked
// (followState off). Used by tst_store_pages and the screenshot tool.
//
// Thread ownership: the test thread, which runs the event loops.
class StoreTerminal : public KioskDriver {
public:
    // Starts the sandbox and the terminal and activates it. Errors: the sandbox's, or the step that failed.
    static Result<std::unique_ptr<StoreTerminal>> start();

    // Signs in through the Session service and waits for the answer; false with lastError() when refused.
    bool signInMerchant();
    bool signInClerk(const QString& employeeNo = QString::fromLatin1(kClerkNo),
                     const QString& password = QString::fromLatin1(kClerkPassword));
    void signOut();

protected:
    StoreTerminal() = default;
    // What start() does, for a driver built on this one.
    Result<void> startActivated();

private:
    Result<void> activate();
};

}  // namespace facepos::test
