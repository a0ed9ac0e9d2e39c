#include "checkout_driver.h"

#include "drivers/input/simulated_keypad.h"

namespace facepos::test {

Result<std::unique_ptr<CheckoutDriver>> CheckoutDriver::start() {
    std::unique_ptr<CheckoutDriver> terminal(new CheckoutDriver);
    if (auto started = terminal->startActivated(); !started) return started.error();
    terminal->ui().appState.setNetworkOnline(true);
    checkout::CheckoutController& checkout = terminal->checkout();
    if (!terminal->waitFor([&] { return !checkout.recovering(); }))
        return makeError(QStringLiteral("test.recovery"), QStringLiteral("the start-up recovery does not finish"));
    return terminal;
}

bool CheckoutDriver::openShift() {
    if (!ui().shift->openShift(50000)) return fail(QStringLiteral("shift not opened: ") + ui().shift->errorText());
    return true;
}

bool CheckoutDriver::press(const QString& keyName) {
    auto* keypad = qobject_cast<drivers::SimulatedKeypad*>(&ui().devices->keypad());
    const auto key = drivers::keypadKeyFromName(keyName);
    if (!keypad || !key) return fail(QStringLiteral("no simulated keypad or no key ") + keyName);
    return keypad->press(*key) || fail(QStringLiteral("the keypad did not take ") + keyName);
}

bool CheckoutDriver::type(const QString& amount) {
    for (const QChar c : amount) {
        if (!press(c == QLatin1Char('.') ? QStringLiteral("dot") : QString(c))) return false;
    }
    return true;
}

bool CheckoutDriver::scan(const QString& code) {
    return ui().devices->simulateScan(code) || fail(QStringLiteral("the simulated scanner did not take the scan"));
}

bool CheckoutDriver::waitForStage(const QString& stage, int timeoutMs) {
    if (waitFor([&] { return checkout().stage() == stage; }, timeoutMs)) return true;
    return fail(QStringLiteral("stage %1 instead of %2 (%3)").arg(checkout().stage(), stage, checkout().message()));
}

}  // namespace facepos::test
