#include "signin_driver.h"

#include <QJsonObject>

#include "platform/api_signature.h"
#include "platform/crypto.h"
#include "support/sandbox_test_client.h"

namespace facepos::test {

Result<std::unique_ptr<SignInDriver>> SignInDriver::start() {
    std::unique_ptr<SignInDriver> driver(new SignInDriver);
    if (auto started = driver->startTerminal(); !started) return started.error();
    return driver;
}

Result<void> SignInDriver::showKiosk(QSize size) {
    if (!show(QStringLiteral("HomePage"), size, true)) return makeError(QStringLiteral("test.window"), lastError());
    return {};
}

bool SignInDriver::submitActivation(const QString& password) {
    if (!waitForPage(QStringLiteral("activationPage")))
        return fail(QStringLiteral("not on the activation page but on ") + currentPage());
    if (!setText(QStringLiteral("activationMerchantNo"), QString::fromLatin1(kMerchantNo)) ||
        !setText(QStringLiteral("activationPassword"), password) || !tap(QStringLiteral("activationSubmit")))
        return fail(QStringLiteral("the activation form cannot be filled in"));
    if (!waitForPage(QStringLiteral("activationPendingPage")))
        return fail(QStringLiteral("no pending screen after submitting; error shown: ") +
                    text(QStringLiteral("activationError")));
    return true;
}

bool SignInDriver::activate() {
    if (!submitActivation()) return false;
    const QString requestId = pendingRequestId();
    if (requestId.isEmpty()) return fail(QStringLiteral("support sees no pending request"));
    if (!admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}}))
        return fail(QStringLiteral("activation_approve failed"));
    // The button is disabled while a poll is on its way.
    if (!waitFor([this] { return isEnabled(QStringLiteral("pendingCheckNow")); }) ||
        !tap(QStringLiteral("pendingCheckNow")))
        return fail(QStringLiteral("no 'check now' button"));
    if (!waitForPage(QStringLiteral("signInPage")))
        return fail(QStringLiteral("no sign-in screen after approval; error shown: ") +
                    text(QStringLiteral("pendingError")));
    return true;
}

bool SignInDriver::signInClerk(const QString& employeeNo, const QString& password, bool expectHome) {
    if (!waitForPage(QStringLiteral("signInPage")))
        return fail(QStringLiteral("not on the sign-in page but on ") + currentPage());
    if (!tap(QStringLiteral("signInClerkTab")) || !setText(QStringLiteral("clerkEmployeeNo"), employeeNo) ||
        !setText(QStringLiteral("clerkPassword"), password) || !tap(QStringLiteral("signInButton")))
        return fail(QStringLiteral("the clerk sign-in form cannot be filled in"));
    if (!expectHome) return waitFor([this] { return !ui().session->busy(); });
    if (!waitForPage(QStringLiteral("homePage")))
        return fail(QStringLiteral("no home page after the clerk signed in; error shown: ") +
                    text(QStringLiteral("signInError")));
    return true;
}

bool SignInDriver::signInMerchant(const QString& password, bool expectHome) {
    if (!waitForPage(QStringLiteral("signInPage")))
        return fail(QStringLiteral("not on the sign-in page but on ") + currentPage());
    if (!tap(QStringLiteral("signInMerchantTab")) || !setText(QStringLiteral("merchantPassword"), password) ||
        !tap(QStringLiteral("signInButton")))
        return fail(QStringLiteral("the merchant sign-in form cannot be filled in"));
    if (!expectHome) return waitFor([this] { return !ui().session->busy(); });
    if (!waitForPage(QStringLiteral("homePage")))
        return fail(QStringLiteral("no home page after the merchant signed in; error shown: ") +
                    text(QStringLiteral("signInError")));
    return true;
}

bool SignInDriver::signInMerchantElsewhere(const QString& deviceId) {
    SandboxTestClient other(server().url());
    other.setDevice(deviceId, QString::fromLatin1(kMerchantNo));
    auto key = crypto::EcKeyPair::generate();
    if (!key) return fail(key.error().message);
    const QString merchantKey =
        SandboxTestClient::merchantKey(QString::fromLatin1(kMerchantPassword), QString::fromLatin1(kMerchantNo));
    if (auto activated = activateDevice(server(), other, *key, merchantKey); !activated)
        return fail(QStringLiteral("the other terminal was not activated: ") + activated.error().message);
    QJsonObject request = other.envelope();
    request.insert(QStringLiteral("password_proof"), SandboxTestClient::proof(request, merchantKey));
    auto signature = api::sign(request, other.secret().toLatin1());
    if (!signature) return fail(signature.error().message);
    request.insert(QStringLiteral("sign"), *signature);
    const SandboxReply reply = other.send(QStringLiteral("merchant_login"), request);
    if (reply.code() != 0) return fail(QStringLiteral("merchant_login on the other terminal: ") + reply.errCode());
    return true;
}

}  // namespace facepos::test
