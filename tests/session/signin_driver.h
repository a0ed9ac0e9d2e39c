#pragma once

#include <QString>
#include <memory>

#include "kiosk_driver.h"
#include "platform/result.h"

namespace facepos::test {

// The terminal of KioskDriver with the kiosk window following the device's state (Main.qml's followState), driven
// through the activation and sign-in pages like a technician's or cashier's finger. Used by tst_signin_pages and by
// the screenshot tool.
//
// Thread ownership: the test thread, which runs the event loops.
class SignInDriver : public KioskDriver {
public:
    // Starts the sandbox and the terminal (nothing shown yet). Errors: the sandbox's.
    static Result<std::unique_ptr<SignInDriver>> start();

    // Opens the kiosk window as the application does, following the state, and waits for its first frame.
    Result<void> showKiosk(QSize size = QSize(1280, 800));

    // ---- Whole steps through the pages (each returns false, with a message in lastError(), when a step fails).
    // Unbound form → merchant account and password → pending screen.
    bool submitActivation(const QString& password = QString::fromLatin1(kMerchantPassword));
    // Submit, approve through the admin API, "check now" → sign-in screen.
    bool activate();
    bool signInClerk(const QString& employeeNo, const QString& password, bool expectHome = true);
    bool signInMerchant(const QString& password = QString::fromLatin1(kMerchantPassword), bool expectHome = true);
    // Another terminal of the same merchant (activated, its own key) signs the merchant in there.
    bool signInMerchantElsewhere(const QString& deviceId = QStringLiteral("FP2411A00456"));

private:
    SignInDriver() = default;
};

}  // namespace facepos::test
