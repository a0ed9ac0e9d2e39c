#include "store_terminal.h"

#include "app/session/shift_slip.h"
#include "drivers/printer/shift_report_layout.h"

namespace facepos::test {

Result<std::unique_ptr<StoreTerminal>> StoreTerminal::start() {
    std::unique_ptr<StoreTerminal> terminal(new StoreTerminal);
    if (auto started = terminal->startActivated(); !started) return started.error();
    return terminal;
}

Result<void> StoreTerminal::startActivated() {
    if (auto started = startTerminal(); !started) return started;
    UiHarness& terminalUi = ui();
    // As Application wires it: the report is laid out for the configured paper and queued on the printer thread.
    terminalUi.shift->setPrinter([&terminalUi](const session::ShiftReport& report) {
        terminalUi.devices->printJob(
            drivers::ShiftReportLayout(terminalUi.devices->paperWidth())
                .render(session::shiftSlipFor(report, terminalUi.binding->storeName(), QString::fromLatin1(kDeviceId))),
            QStringLiteral("shift_report"));
        return true;
    });
    return activate();
}

Result<void> StoreTerminal::activate() {
    session::DeviceBinding& binding = *ui().binding;
    binding.submit(QString::fromLatin1(kMerchantNo), QString::fromLatin1(kMerchantPassword), QStringLiteral("S01"));
    if (!waitFor([&] { return binding.stateName() == QLatin1String("pending"); }))
        return makeError(QStringLiteral("test.activation"), QStringLiteral("not pending: ") + binding.errorText());
    const QString requestId = pendingRequestId();
    if (requestId.isEmpty())
        return makeError(QStringLiteral("test.activation"), QStringLiteral("support sees no pending request"));
    if (!admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}}))
        return makeError(QStringLiteral("test.activation"), QStringLiteral("support could not approve the request"));
    if (!waitFor([&] { return !binding.busy(); }))
        return makeError(QStringLiteral("test.activation"), QStringLiteral("the binding stays busy"));
    binding.checkNow();
    if (!waitFor([&] { return binding.stateName() == QLatin1String("activated"); }))
        return makeError(QStringLiteral("test.activation"), QStringLiteral("not activated: ") + binding.errorText());
    return {};
}

bool StoreTerminal::signInMerchant() {
    session::SessionManager& session = *ui().session;
    session.signInMerchant(QString::fromLatin1(kMerchantPassword));
    if (!waitFor([&] { return !session.busy(); }, 30000)) return fail(QStringLiteral("merchant sign-in hangs"));
    if (!session.isMerchant()) return fail(QStringLiteral("merchant sign-in refused: ") + session.errorText());
    return true;
}

bool StoreTerminal::signInClerk(const QString& employeeNo, const QString& password) {
    session::SessionManager& session = *ui().session;
    session.signInClerk(employeeNo, password);
    if (!waitFor([&] { return !session.busy(); }, 30000)) return fail(QStringLiteral("clerk sign-in hangs"));
    if (session.role() != QLatin1String("clerk") || session.employeeNo() != employeeNo)
        return fail(QStringLiteral("clerk sign-in refused: ") + session.errorText());
    return true;
}

void StoreTerminal::signOut() {
    session::SessionManager& session = *ui().session;
    if (!session.signedIn()) return;
    session.signOut();
    waitFor([&] { return !session.signedIn() && !session.busy(); });
}

}  // namespace facepos::test
