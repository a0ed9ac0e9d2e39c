// Binding, activation, sign-in and the lock screen (issue 5), end to end: the real pages offscreen, driven by
// objectName like a finger, in front of the real services and a live sandbox; support's decisions go through the
// sandbox's admin API. The screens are Chinese (the default UI language), so texts are checked in Chinese.
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QQuickItem>
#include <QRegularExpression>
#include <QTest>

#include "app/store/outbox.h"
#include "drivers/input/simulated_keypad.h"
#include "session/signin_driver.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;
using namespace std::chrono_literals;

namespace {

class SignInPagesTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto started = SignInDriver::start();
        ASSERT_TRUE(started.ok()) << qPrintable(started.error().message);
        d = std::move(started).value();
        auto shown = d->showKiosk();
        ASSERT_TRUE(shown.ok()) << qPrintable(shown.error().message);
    }

    // Records waiting in the terminal's outbox.
    qint64 pendingRecords() const {
        auto n = d->ui().database->queryInt64(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
        return n.ok() ? n->value_or(0) : -1;
    }

    std::unique_ptr<SignInDriver> d;
};

// ---- Activation -------------------------------------------------------------------------------------------------

TEST_F(SignInPagesTest, UnboundDeviceShowsItsFactsAndTheActivationForm) {
    ASSERT_TRUE(d->waitForPage(QStringLiteral("activationPage")));
    EXPECT_EQ(d->text(QStringLiteral("activationSerial")), d->ui().appState.deviceSerial());
    EXPECT_EQ(d->text(QStringLiteral("activationModel")), d->ui().appState.deviceModel());
    EXPECT_EQ(d->text(QStringLiteral("activationVersion")), d->ui().appState.softwareVersion());
    EXPECT_EQ(d->text(QStringLiteral("activationBackend")), d->ui().appState.backendUrl());
    EXPECT_EQ(d->text(QStringLiteral("activationNetwork")), QStringLiteral("未连接"));
    d->ui().appState.setNetworkOnline(true);
    EXPECT_EQ(d->text(QStringLiteral("activationNetwork")), QStringLiteral("已连接"));
    EXPECT_EQ(d->item(QStringLiteral("activationPassword"))->property("echoMode").toInt(), 2);  // TextInput.Password
    // Nothing to sell and no one to sign in while unbound.
    EXPECT_FALSE(d->isVisible(QStringLiteral("statusSignOutButton")));
    EXPECT_TRUE(d->isVisible(QStringLiteral("statusSettingsButton")));
}

TEST_F(SignInPagesTest, ActivationApprovedLeadsToSignInWithTheStoreName) {
    // GIVEN the unbound form, WHEN the technician submits the merchant account
    ASSERT_TRUE(d->submitActivation()) << qPrintable(d->lastError());

    // THEN the pending screen shows the serial number and the request ID support sees
    const QString requestId = d->pendingRequestId();
    ASSERT_FALSE(requestId.isEmpty());
    EXPECT_EQ(d->text(QStringLiteral("pendingRequestId")), requestId);
    EXPECT_EQ(d->text(QStringLiteral("pendingSerial")), d->ui().appState.deviceSerial());
    EXPECT_EQ(d->text(QStringLiteral("pendingTitle")), QStringLiteral("审核中"));
    EXPECT_TRUE(d->text(QStringLiteral("pendingStore")).contains(QStringLiteral("S01")));
    EXPECT_TRUE(d->waitFor([&] { return d->text(QStringLiteral("pendingNextCheck")).contains(QLatin1Char(':')); }));

    // WHEN support approves and the technician taps "check now"
    ASSERT_TRUE(d->admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}}));
    ASSERT_TRUE(d->tap(QStringLiteral("pendingCheckNow")));

    // THEN the device is activated, the store name appears and sign-in is next
    ASSERT_TRUE(d->waitForPage(QStringLiteral("signInPage"))) << qPrintable(d->text(QStringLiteral("pendingError")));
    EXPECT_EQ(d->ui().binding->stateName(), QStringLiteral("activated"));
    EXPECT_EQ(d->text(QStringLiteral("statusStore")), d->ui().binding->storeName());
    EXPECT_TRUE(d->text(QStringLiteral("statusStore")).contains(QStringLiteral("人民路店")));
    EXPECT_TRUE(d->text(QStringLiteral("signInStore")).contains(QStringLiteral("人民路店")));
    QJsonObject devices;
    ASSERT_TRUE(d->admin(QStringLiteral("device_list"), {}, &devices));
    bool confirmed = false;
    for (const QJsonValue& device : devices.value(QStringLiteral("devices")).toArray()) {
        if (device.toObject().value(QStringLiteral("device_id")).toString() == QLatin1String(SignInDriver::kDeviceId))
            confirmed = device.toObject().value(QStringLiteral("secret_confirmed")).toBool();
    }
    EXPECT_TRUE(confirmed) << "the device secret was not confirmed with a signed call";
}

TEST_F(SignInPagesTest, ActivationRejectedShowsTheReasonAndLetsTheTechnicianSubmitAgain) {
    ASSERT_TRUE(d->submitActivation()) << qPrintable(d->lastError());
    const QString firstRequest = d->pendingRequestId();
    const QString reason = QStringLiteral("设备序列号与申请商户不符 / serial number not registered to this merchant");
    ASSERT_TRUE(d->admin(QStringLiteral("activation_reject"),
                         {{QStringLiteral("request_id"), firstRequest}, {QStringLiteral("reason"), reason}}));
    ASSERT_TRUE(d->waitFor([&] { return d->isEnabled(QStringLiteral("pendingCheckNow")); }));
    ASSERT_TRUE(d->tap(QStringLiteral("pendingCheckNow")));

    ASSERT_TRUE(d->waitFor([&] { return d->ui().binding->stateName() == QStringLiteral("rejected"); }));
    ASSERT_TRUE(d->waitForPage(QStringLiteral("activationPage")));
    EXPECT_EQ(d->text(QStringLiteral("activationRejectReason")), reason);
    EXPECT_EQ(d->text(QStringLiteral("activationRejectedRequestId")), firstRequest);
    EXPECT_FALSE(d->isVisible(QStringLiteral("activationSubmit")));

    ASSERT_TRUE(d->tap(QStringLiteral("activationStartOver")));
    EXPECT_TRUE(d->waitFor([&] { return d->isVisible(QStringLiteral("activationSubmit")); }));
    ASSERT_TRUE(d->submitActivation()) << qPrintable(d->lastError());
    EXPECT_FALSE(d->pendingRequestId().isEmpty());
    EXPECT_EQ(d->text(QStringLiteral("pendingRequestId")), d->pendingRequestId());
}

TEST_F(SignInPagesTest, ActivationWithAWrongPasswordShowsWhyAndStaysOnTheForm) {
    ASSERT_TRUE(d->waitForPage(QStringLiteral("activationPage")));
    ASSERT_TRUE(d->setText(QStringLiteral("activationMerchantNo"), QString::fromLatin1(SignInDriver::kMerchantNo)));
    ASSERT_TRUE(d->setText(QStringLiteral("activationPassword"), QStringLiteral("Wrong#8800")));
    ASSERT_TRUE(d->tap(QStringLiteral("activationSubmit")));
    ASSERT_TRUE(d->waitFor([&] { return !d->text(QStringLiteral("activationError")).isEmpty(); }));
    EXPECT_EQ(d->ui().binding->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    EXPECT_EQ(d->text(QStringLiteral("activationError")), d->ui().binding->errorText());
    EXPECT_EQ(d->currentPage(), QStringLiteral("activationPage"));
    EXPECT_EQ(d->text(QStringLiteral("activationPassword")), QString()) << "the password stays on the screen";
    EXPECT_TRUE(d->pendingRequestId().isEmpty());
}

TEST_F(SignInPagesTest, ActivationAndSignInWorkWhenTheTerminalClockIsAnHourOff) {
    // The sandbox's clock runs an hour ahead of the terminal's: every time stamp is outside the ±300 s window.
    ASSERT_TRUE(d->admin(QStringLiteral("clock_set"), {{QStringLiteral("offset_s"), 3600}}));
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(d->lastError());
    EXPECT_EQ(d->text(QStringLiteral("statusPerson")), QStringLiteral("李娜"));
}

// ---- Unbinding --------------------------------------------------------------------------------------------------

TEST_F(SignInPagesTest, UnboundBySupportDeliversEveryRecordBeforeReturningToTheActivationForm) {
    // GIVEN an activated terminal with a clerk signed in and sales not yet delivered
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(d->lastError());
    QStringList orderNumbers;
    for (qint64 fee : {1300, 2550, 880}) {
        store::NewOrder order;
        order.channel = QStringLiteral("cash");
        order.totalFee = fee;
        order.operatorId = QStringLiteral("C1001");
        auto sale = d->ui().orders->recordCashSale(order, store::CashTender{fee});
        ASSERT_TRUE(sale.ok()) << qPrintable(sale.error().message);
        orderNumbers << sale->mchOrderNo;
    }
    const qint64 waiting = pendingRecords();
    ASSERT_GE(waiting, 3);
    // The sandbox compares record times with the unbinding in whole seconds: the sales are from an earlier second.
    QTest::qWait(1100);

    // WHEN support unbinds the device and the terminal hears of it (its next signed call)
    ASSERT_TRUE(d->admin(QStringLiteral("device_unbind"),
                         {{QStringLiteral("device_id"), QString::fromLatin1(SignInDriver::kDeviceId)},
                          {QStringLiteral("reason"), QStringLiteral("绑定了错误的商户 (工单 4471)")}}));
    backend::HeartbeatRequest beat;
    beat.appVersion = QStringLiteral("1.0.0");
    d->ui().backend->heartbeat(beat, [](backend::BackendResult<backend::HeartbeatReply>) {});

    // THEN selling stops at once: the session ends and the unbinding screen counts what is still to deliver
    ASSERT_TRUE(d->waitForPage(QStringLiteral("unbindingPage")));
    EXPECT_FALSE(d->ui().session->signedIn());
    EXPECT_TRUE(d->text(QStringLiteral("unbindingReason")).contains(QStringLiteral("4471")));
    store::Outbox outbox(*d->ui().database, d->ui().wallClock);
    auto snapshot = outbox.snapshot();
    ASSERT_TRUE(snapshot.ok());
    d->ui().binding->setOutbox(*snapshot);
    EXPECT_EQ(d->ui().binding->unsyncedRecords(), waiting);
    EXPECT_TRUE(d->text(QStringLiteral("unbindingRecords")).contains(QString::number(waiting)))
        << qPrintable(d->text(QStringLiteral("unbindingRecords")));
    EXPECT_EQ(d->ui().binding->stateName(), QStringLiteral("unbinding"));

    // WHEN the outbox worker delivers them
    ASSERT_TRUE(d->startSync()) << qPrintable(d->lastError());

    // THEN only once nothing is left does the terminal return to the activation form, every sale at the backend
    ASSERT_TRUE(d->waitForPage(QStringLiteral("activationPage")));
    EXPECT_EQ(pendingRecords(), 0);
    EXPECT_EQ(d->ui().binding->stateName(), QStringLiteral("unbound"));
    QJsonObject records;
    ASSERT_TRUE(d->admin(QStringLiteral("record_list"),
                         {{QStringLiteral("device_id"), QString::fromLatin1(SignInDriver::kDeviceId)},
                          {QStringLiteral("kind"), QStringLiteral("order")},
                          {QStringLiteral("limit"), 100}},
                         &records));
    QStringList delivered;
    for (const QJsonValue& record : records.value(QStringLiteral("records")).toArray())
        delivered << record.toObject()
                         .value(QStringLiteral("payload"))
                         .toObject()
                         .value(QStringLiteral("mch_order_no"))
                         .toString();
    for (const QString& number : orderNumbers) EXPECT_TRUE(delivered.contains(number)) << qPrintable(number);
    EXPECT_TRUE(d->isVisible(QStringLiteral("activationSubmit")));
    // Nothing was refused, so there is nothing to export.
    EXPECT_EQ(d->ui().binding->exportPath(), QString());
    EXPECT_FALSE(d->isVisible(QStringLiteral("activationExportNotice")));
}

// ---- Sign-in ----------------------------------------------------------------------------------------------------

TEST_F(SignInPagesTest, ClerkSignsInWithEmployeeNumberAndSignsOut) {
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    ASSERT_TRUE(d->tap(QStringLiteral("signInClerkTab")));
    EXPECT_EQ(d->item(QStringLiteral("clerkPassword"))->property("echoMode").toInt(), 2);
    // The employee number takes digits only.
    ASSERT_TRUE(d->tap(QStringLiteral("clerkEmployeeNo")));
    for (char key : {'1', '0', 'a', '0', 'b', '1'}) QTest::keyClick(d->window(), key);
    EXPECT_EQ(d->text(QStringLiteral("clerkEmployeeNo")), QStringLiteral("1001"));

    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(d->lastError());
    EXPECT_EQ(d->text(QStringLiteral("statusPerson")), QStringLiteral("李娜"));
    EXPECT_EQ(d->text(QStringLiteral("statusRole")), QStringLiteral("店员"));
    EXPECT_TRUE(d->item(QStringLiteral("tileCheckout"))->property("enabled").toBool());
    EXPECT_TRUE(d->item(QStringLiteral("tileShift"))->property("enabled").toBool());
    EXPECT_EQ(d->ui().session->operatorId(), QStringLiteral("C1001"));

    ASSERT_TRUE(d->tap(QStringLiteral("statusSignOutButton")));
    ASSERT_TRUE(d->waitForPage(QStringLiteral("signInPage")));
    EXPECT_FALSE(d->ui().session->signedIn());
    EXPECT_EQ(d->text(QStringLiteral("statusPerson")), QStringLiteral("未登录"));
}

TEST_F(SignInPagesTest, BadClerkInputShowsAClearMessageAndSignsNoOneIn) {
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    ASSERT_TRUE(d->tap(QStringLiteral("signInClerkTab")));

    // Empty fields: nothing is sent.
    ASSERT_TRUE(d->tap(QStringLiteral("signInButton")));
    EXPECT_EQ(d->ui().session->errorCode(), QStringLiteral("session.invalid"));
    EXPECT_FALSE(d->text(QStringLiteral("signInError")).isEmpty());

    // An unknown employee number and a wrong password read the same (no hint which numbers exist).
    ASSERT_TRUE(d->signInClerk(QStringLiteral("4242"), QStringLiteral("135790"), false));
    EXPECT_EQ(d->ui().session->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    EXPECT_EQ(d->text(QStringLiteral("signInError")), d->ui().session->errorText());
    EXPECT_FALSE(d->text(QStringLiteral("signInError")).isEmpty());
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("000000"), false));
    EXPECT_EQ(d->ui().session->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    EXPECT_EQ(d->text(QStringLiteral("signInError")), d->ui().session->errorText());
    EXPECT_EQ(d->text(QStringLiteral("clerkPassword")), QString());
    EXPECT_EQ(d->currentPage(), QStringLiteral("signInPage"));
    EXPECT_FALSE(d->ui().session->signedIn());

    // A disabled clerk, with the right password.
    ASSERT_TRUE(d->signInMerchant()) << qPrintable(d->lastError());
    bool done = false;
    QObject::connect(d->ui().clerks.get(), &session::ClerkManager::finished, d->ui().clerks.get(),
                     [&](const QString&, bool ok) { done = ok; });
    d->ui().clerks->setDisabled(QStringLiteral("1003"), true);
    ASSERT_TRUE(d->waitFor([&] { return done; })) << qPrintable(d->ui().clerks->errorText());
    ASSERT_TRUE(d->tap(QStringLiteral("statusSignOutButton")));
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1003"), QStringLiteral("112233"), false));
    EXPECT_EQ(d->ui().session->errorCode(), QStringLiteral("api.CLERK_DISABLED"));
    EXPECT_EQ(d->text(QStringLiteral("signInError")), d->ui().session->errorText());
    EXPECT_FALSE(d->ui().session->signedIn());
}

TEST_F(SignInPagesTest, MerchantSignedInElsewhereIsToldToUseAClerkAccount) {
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    ASSERT_TRUE(d->signInMerchantElsewhere()) << qPrintable(d->lastError());

    ASSERT_TRUE(d->signInMerchant(QString::fromLatin1(SignInDriver::kMerchantPassword), false));
    EXPECT_EQ(d->ui().session->errorCode(), QStringLiteral("api.MERCHANT_SESSION_ACTIVE"));
    EXPECT_EQ(d->text(QStringLiteral("signInError")), d->ui().session->errorText());
    EXPECT_FALSE(d->text(QStringLiteral("signInError")).isEmpty());
    EXPECT_FALSE(d->ui().session->signedIn());
    ASSERT_TRUE(d->isVisible(QStringLiteral("signInUseClerk")));

    ASSERT_TRUE(d->tap(QStringLiteral("signInUseClerk")));
    EXPECT_TRUE(d->isVisible(QStringLiteral("clerkEmployeeNo")));
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(d->lastError());
}

TEST_F(SignInPagesTest, FiveWrongPasswordsLockSignInWithAVisibleCountdown) {
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    for (int attempt = 1; attempt <= 5; ++attempt) {
        ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("99999%1").arg(attempt), false));
        EXPECT_FALSE(d->ui().session->signedIn());
    }

    ASSERT_TRUE(d->waitFor([&] { return d->isVisible(QStringLiteral("signInLockout")); }));
    const QRegularExpression countdown(QStringLiteral("(\\d+):(\\d\\d)"));
    auto secondsShown = [&] {
        const auto match = countdown.match(d->text(QStringLiteral("signInLockout")));
        return match.hasMatch() ? match.captured(1).toInt() * 60 + match.captured(2).toInt() : -1;
    };
    const int first = secondsShown();
    // Five minutes on the terminal; the backend's own lock of the account (15 minutes) may show instead.
    EXPECT_GT(first, 4 * 60) << qPrintable(d->text(QStringLiteral("signInLockout")));
    EXPECT_LE(first, 15 * 60);
    EXPECT_FALSE(d->isEnabled(QStringLiteral("signInButton")));
    EXPECT_FALSE(d->isEnabled(QStringLiteral("clerkPassword")));
    // Even the right password does nothing now.
    d->ui().session->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"));
    EXPECT_FALSE(d->ui().session->busy());
    EXPECT_FALSE(d->ui().session->signedIn());

    // The countdown runs.
    EXPECT_TRUE(d->waitFor([&] { return secondsShown() < first; }, 5000));
}

TEST_F(SignInPagesTest, SignInWithTheBackendUnreachableSaysSoAndSignsNoOneIn) {
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    d->server().stop();
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"), false));
    EXPECT_TRUE(d->ui().session->errorCode().startsWith(QStringLiteral("transport.")))
        << qPrintable(d->ui().session->errorCode());
    EXPECT_EQ(d->text(QStringLiteral("signInError")), d->ui().session->errorText());
    EXPECT_FALSE(d->text(QStringLiteral("signInError")).isEmpty());
    EXPECT_FALSE(d->ui().session->signedIn());
    EXPECT_EQ(d->currentPage(), QStringLiteral("signInPage"));
    // A network failure is not a wrong password.
    EXPECT_EQ(d->ui().session->failedAttempts(), 0);
}

// ---- Idle lock --------------------------------------------------------------------------------------------------

TEST_F(SignInPagesTest, IdleTerminalLocksAndOnlyTheSamePersonsPasswordUnlocksIt) {
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(d->lastError());
    ASSERT_FALSE(d->isVisible(QStringLiteral("lockOverlay")));

    // WHEN nobody touches the terminal for the idle time
    d->ui().session->setIdleLock(300ms);

    // THEN the lock screen covers everything, status bar included, and names the person
    ASSERT_TRUE(d->waitFor([&] { return d->isVisible(QStringLiteral("lockOverlay")); }, 5000));
    EXPECT_TRUE(d->ui().session->locked());
    EXPECT_TRUE(d->ui().session->signedIn());
    EXPECT_TRUE(d->text(QStringLiteral("lockPerson")).contains(QStringLiteral("李娜")));
    auto* overlay = qobject_cast<QQuickItem*>(d->item(QStringLiteral("lockOverlay")));
    ASSERT_TRUE(overlay);
    const QRectF covered = overlay->mapRectToScene(QRectF(0, 0, overlay->width(), overlay->height()));
    EXPECT_EQ(covered.toRect(), QRect(QPoint(0, 0), d->window()->size()));
    EXPECT_EQ(d->item(QStringLiteral("lockPassword"))->property("echoMode").toInt(), 2);
    d->ui().session->setIdleLock(std::chrono::minutes(5));

    // A wrong password: a message, still locked.
    ASSERT_TRUE(d->setText(QStringLiteral("lockPassword"), QStringLiteral("000000")));
    ASSERT_TRUE(d->tap(QStringLiteral("lockUnlockButton")));
    ASSERT_TRUE(
        d->waitFor([&] { return !d->ui().session->busy() && !d->text(QStringLiteral("lockError")).isEmpty(); }));
    EXPECT_TRUE(d->ui().session->locked());
    EXPECT_TRUE(d->isVisible(QStringLiteral("lockOverlay")));

    // The same person's password: back where they were.
    ASSERT_TRUE(d->setText(QStringLiteral("lockPassword"), QStringLiteral("135790")));
    ASSERT_TRUE(d->tap(QStringLiteral("lockUnlockButton")));
    ASSERT_TRUE(d->waitFor([&] { return !d->ui().session->locked(); }));
    EXPECT_FALSE(d->isVisible(QStringLiteral("lockOverlay")));
    EXPECT_EQ(d->currentPage(), QStringLiteral("homePage"));
    EXPECT_EQ(d->ui().session->operatorId(), QStringLiteral("C1001"));
}

TEST_F(SignInPagesTest, LockButtonLocksAtOnce) {
    ASSERT_TRUE(d->activate()) << qPrintable(d->lastError());
    ASSERT_TRUE(d->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(d->lastError());
    ASSERT_TRUE(d->tap(QStringLiteral("statusLockButton")));
    EXPECT_TRUE(d->ui().session->locked());
    EXPECT_TRUE(d->waitFor([&] { return d->isVisible(QStringLiteral("lockOverlay")); }, 2000));
    // Neither a tap on a tile under the lock screen nor the keypad's Settings key gets past it.
    ASSERT_TRUE(d->tap(QStringLiteral("tileSettings")));
    auto* keypad = qobject_cast<drivers::SimulatedKeypad*>(&d->ui().devices->keypad());
    ASSERT_TRUE(keypad);
    ASSERT_TRUE(keypad->press(drivers::KeypadKey::Settings));
    QTest::qWait(200);
    EXPECT_EQ(d->currentPage(), QStringLiteral("homePage"));

    // Someone else signs the locked person out and gets the sign-in screen.
    ASSERT_TRUE(d->tap(QStringLiteral("lockSignOutButton")));
    ASSERT_TRUE(d->waitForPage(QStringLiteral("signInPage")));
    EXPECT_FALSE(d->isVisible(QStringLiteral("lockOverlay")));
}

// ---- Screens without a backend (network down) and the renderer ---------------------------------------------------

class OfflinePagesTest : public ::testing::Test {
protected:
    QQuickWindow* show(const QString& page, bool followState) {
        auto created = ui.renderer->createWindow(page);
        EXPECT_TRUE(created.ok()) << (created.ok() ? "" : qPrintable(created.error().message));
        if (!created) return nullptr;
        window = *created;
        window->setProperty("followState", followState);
        auto frame = ui.renderer->waitForFrame(window);
        EXPECT_TRUE(frame.ok()) << (frame.ok() ? "" : qPrintable(frame.error().message));
        return window;
    }
    QString textOf(const QString& name) const {
        QObject* object = findByName(window, name);
        return object ? object->property("text").toString() : QStringLiteral("<no item %1>").arg(name);
    }
    QString currentPage() const {
        auto* page = findByName(window, QStringLiteral("pageStack"))->property("currentItem").value<QQuickItem*>();
        return page ? page->objectName() : QString();
    }

    UiHarness ui;  // its backend is a closed local port: the network is down
    QQuickWindow* window = nullptr;
};

TEST_F(OfflinePagesTest, ActivationWithTheNetworkDownSaysSoAndStaysUnbound) {
    ASSERT_TRUE(show(QStringLiteral("HomePage"), true));
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentPage() == QStringLiteral("activationPage"); }, 5000));

    // Empty fields first: a message, nothing sent.
    ASSERT_TRUE(tap(window, QStringLiteral("activationSubmit")));
    EXPECT_EQ(ui.binding->errorCode(), QStringLiteral("binding.invalid"));
    EXPECT_FALSE(textOf(QStringLiteral("activationError")).isEmpty());

    findByName(window, QStringLiteral("activationMerchantNo"))->setProperty("text", QStringLiteral("88001234"));
    findByName(window, QStringLiteral("activationPassword"))->setProperty("text", QStringLiteral("Demo#8800"));
    ASSERT_TRUE(tap(window, QStringLiteral("activationSubmit")));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !ui.binding->busy() && ui.binding->errorCode().startsWith("transport"); }, 30000))
        << qPrintable(ui.binding->errorCode());
    EXPECT_EQ(ui.binding->errorCode(), QStringLiteral("transport.not_sent"));
    EXPECT_EQ(textOf(QStringLiteral("activationError")), ui.binding->errorText());
    EXPECT_EQ(ui.binding->stateName(), QStringLiteral("unbound"));
    EXPECT_EQ(currentPage(), QStringLiteral("activationPage"));
}

TEST_F(OfflinePagesTest, RenderedPagesStayPutWhateverTheState) {
    // The renderer (--render-page, --self-test) shows the page it was asked for, though the device is unbound.
    for (const QString& page : {QStringLiteral("HomePage"), QStringLiteral("SignInPage"), QStringLiteral("LockPage"),
                                QStringLiteral("ActivationPendingPage"), QStringLiteral("UnbindingPage")}) {
        ASSERT_TRUE(show(page, false)) << qPrintable(page);
        QCoreApplication::processEvents();
        const QString expected = page.left(1).toLower() + page.mid(1);
        EXPECT_EQ(currentPage(), expected);
    }
}

TEST_F(OfflinePagesTest, KeypadSettingsKeyOpensSettingsFromTheActivationScreen) {
    ASSERT_TRUE(show(QStringLiteral("HomePage"), true));
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentPage() == QStringLiteral("activationPage"); }, 5000));
    auto* keypad = qobject_cast<drivers::SimulatedKeypad*>(&ui.devices->keypad());
    ASSERT_TRUE(keypad);
    ASSERT_TRUE(keypad->press(drivers::KeypadKey::Settings));
    EXPECT_TRUE(QTest::qWaitFor([&] { return currentPage() == QStringLiteral("settingsPage"); }, 5000));
    // Pressed again, it stays on the one settings page.
    ASSERT_TRUE(keypad->press(drivers::KeypadKey::Settings));
    QTest::qWait(100);
    EXPECT_EQ(findByName(window, QStringLiteral("pageStack"))->property("depth").toInt(), 2);

    // Back, then the on-screen settings button does the same.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return findByName(window, QStringLiteral("backButton")) &&
                   findByName(window, QStringLiteral("backButton"))->property("enabled").toBool();
        },
        5000));
    ASSERT_TRUE(tap(window, QStringLiteral("backButton")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentPage() == QStringLiteral("activationPage"); }, 5000));
    ASSERT_TRUE(tap(window, QStringLiteral("statusSettingsButton")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return currentPage() == QStringLiteral("settingsPage"); }, 5000));
}

}  // namespace
