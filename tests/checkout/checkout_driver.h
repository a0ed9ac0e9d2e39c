#pragma once

#include <QString>
#include <memory>

#include "platform/result.h"
#include "session/store_terminal.h"

namespace facepos::test {

// The activated StoreTerminal for the checkout (issue 7): the sandbox's demo store, the checkout controller of
// UiHarness on the demo's simulated keypad, scanner, virtual printer and voice. Used by tst_checkout_controller,
// tst_checkout_pages and the screenshot tool.
//
// Thread ownership: the test thread, which runs the event loops.
class CheckoutDriver : public StoreTerminal {
public:
    // Starts the sandbox and the terminal, activates it and waits for the start-up recovery. The network counts as
    // online (AppState). Errors: the sandbox's, or the step that failed.
    static Result<std::unique_ptr<CheckoutDriver>> start();

    checkout::CheckoutController& checkout() { return *ui().checkout; }

    // Opens a shift for the signed-in person with a ¥500.00 float.
    bool openShift();

    // A key on the counter keypad (the simulated one), by keypadKeyName(); "12.50" presses 1, 2, dot, 5, 0.
    bool press(const QString& keyName);
    bool type(const QString& amount);
    // A scan on the simulated scanner.
    bool scan(const QString& code);
    // Waits for the checkout to reach `stage` (Checkout.stage).
    bool waitForStage(const QString& stage, int timeoutMs = 30000);

private:
    CheckoutDriver() = default;
};

}  // namespace facepos::test
