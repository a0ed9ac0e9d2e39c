// Issue 8 end to end: face pay through the real checkout pages offscreen, driven by objectName, against the
// in-process sandbox, with the camera a simulated 3D camera playing a real photo (scripts/fetch-test-images):
// consent → capture (detection, quality, depth liveness, sealing on the camera thread) → face_pay → the result;
// phone confirmation on the keypad; the sandbox identifying an enrolled photo; a printed photo refused by liveness
// and the timeout offering the payment code; the camera unplugged mid-capture; the payer walking away.
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QPointer>
#include <QTemporaryDir>

#include "app/checkout/checkout_controller.h"
#include "app/checkout/face_checkout.h"
#include "app/store/order_store.h"
#include "checkout/checkout_driver.h"
#include "ui_test_support.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;
using namespace std::chrono_literals;

namespace {

const char kWeChatSuccessCode[] = "134000000000000000";

QString testImage(const QString& name) {
    return QDir(qEnvironmentVariable("FACEPOS_TEST_IMAGES")).filePath(name);
}

class FacePayUiTest : public ::testing::Test {
protected:
    // A terminal whose camera plays `source` through a simulated depth camera showing `scene`.
    void start(const QString& source, const QString& scene = QStringLiteral("live"), int timeoutS = 15) {
        ASSERT_TRUE(QFileInfo::exists(source))
            << "no test photo at " << qPrintable(source) << " (scripts/fetch-test-images)";
        UiHarness::cameraSettings = {
            QStringLiteral("devices.camera=simulated"), QStringLiteral("devices.camera_source=") + source,
            QStringLiteral("camera.depth=simulated"), QStringLiteral("camera.simulated_scene=") + scene,
            QStringLiteral("face.timeout_s=%1").arg(timeoutS)};
        auto started = CheckoutDriver::start();
        UiHarness::cameraSettings.clear();
        ASSERT_TRUE(started.ok()) << qPrintable(started.error().message);
        t = std::move(started).value();
        checkout::CheckoutController::Options options;
        options.resultReturn = 0ms;
        t->checkout().setOptions(options);
        t->ui().language.setLanguage(QStringLiteral("en"));
        ASSERT_TRUE(t->signInClerk()) << qPrintable(t->lastError());
        ASSERT_TRUE(t->openShift()) << qPrintable(t->lastError());
        ASSERT_TRUE(t->show(QStringLiteral("HomePage"))) << qPrintable(t->lastError());
        ASSERT_TRUE(t->tap(QStringLiteral("tileCheckout")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutAmountPage")));
    }

    void TearDown() override { t.reset(); }

    checkout::CheckoutController& c() { return t->checkout(); }
    checkout::FaceCheckout& face() { return t->ui().checkoutCamera->face(); }

    // The amount typed on the counter keypad and confirmed: the pay page, with face pay offered.
    void amount(const QString& yuan) {
        ASSERT_TRUE(t->type(yuan));
        ASSERT_TRUE(t->press(QStringLiteral("confirm")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutPayPage"))) << qPrintable(c().message());
        ASSERT_TRUE(t->waitFor([&] { return t->isEnabled(QStringLiteral("facePayButton")); }, 10000))
            << qPrintable(c().faceNotice());
    }

    // Face pay tapped and consent given: the capture runs.
    void startFacePay() {
        ASSERT_TRUE(t->tap(QStringLiteral("facePayButton")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutFacePage")));
        ASSERT_TRUE(t->isVisible(QStringLiteral("faceConsentPanel")));
        ASSERT_TRUE(t->tap(QStringLiteral("consentAgreeButton")));
        ASSERT_TRUE(t->waitForStage(QStringLiteral("face"), 5000)) << qPrintable(t->lastError());
    }

    bool script(const QString& outcome, const QString& faceId = QString()) {
        QJsonObject result{{QStringLiteral("outcome"), outcome}};
        if (!faceId.isEmpty()) result.insert(QStringLiteral("face_id"), faceId);
        return t->admin(QStringLiteral("face_script"),
                        {{QStringLiteral("device_id"), QString::fromLatin1(KioskDriver::kDeviceId)},
                         {QStringLiteral("results"), QJsonArray{result}}});
    }

    std::optional<store::OrderRecord> order(const QString& mchOrderNo) {
        auto stored = t->ui().orders->order(mchOrderNo);
        if (!stored || !stored->has_value()) return std::nullopt;
        return **stored;
    }

    std::unique_ptr<CheckoutDriver> t;
};

// GIVEN the sandbox's next face match needs phone confirmation (F02, phone ending 5678)
// WHEN the customer agrees, looks at the camera, and types a wrong number and then the right one on the keypad
// THEN the page asks again with one attempt fewer, and the sale ends PAID by face
TEST_F(FacePayUiTest, AFacePaymentConfirmedWithThePhoneDigitsIsPaid) {
    start(testImage(QStringLiteral("face-1.jpg")));
    ASSERT_TRUE(script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02")));
    amount(QStringLiteral("18.80"));
    startFacePay();
    // The face page stays up while the face payment is sent and until the phone step: not popped to the pay page
    // and pushed again (the same page object all the way).
    const QPointer<QObject> facePage = t->item(QStringLiteral("checkoutFacePage"));
    ASSERT_TRUE(facePage);
    bool payPageShown = false;
    const QMetaObject::Connection watch = QObject::connect(&c(), &checkout::CheckoutController::changed, [&] {
        if (t->isVisible(QStringLiteral("checkoutPayPage"))) payPageShown = true;
    });
    ASSERT_TRUE(t->waitForStage(QStringLiteral("phone"), 30000)) << qPrintable(t->lastError());
    QObject::disconnect(watch);
    EXPECT_FALSE(payPageShown) << "the pay page came up between the capture and the phone step";
    EXPECT_EQ(t->item(QStringLiteral("checkoutFacePage")), facePage.data());
    EXPECT_EQ(c().channel(), QStringLiteral("face"));
    EXPECT_FALSE(c().phoneWrong());
    EXPECT_EQ(t->ui().customerDisplay.phase(), CustomerDisplay::Phase::PhoneDigits)
        << "the customer display asks for the digits, not for a payment code";
    ASSERT_TRUE(t->type(QStringLiteral("1111")));
    ASSERT_TRUE(t->tap(QStringLiteral("phoneConfirmButton")));
    ASSERT_TRUE(t->waitFor([&] { return c().stage() == QStringLiteral("phone") && c().phoneWrong(); }, 30000));
    EXPECT_EQ(c().phoneAttemptsLeft(), 2);
    EXPECT_TRUE(t->isVisible(QStringLiteral("phoneWrongNotice")));
    ASSERT_TRUE(t->type(QStringLiteral("5678")));
    ASSERT_TRUE(t->press(QStringLiteral("confirm")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage"), 30000)) << qPrintable(c().message());
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));
    const auto paid = order(c().orderNo());
    ASSERT_TRUE(paid);
    EXPECT_EQ(paid->channel, QStringLiteral("face"));
    EXPECT_EQ(paid->status, store::OrderStatus::Paid);
    EXPECT_EQ(paid->payableFee, 1880);
}

// GIVEN the photo the camera plays is enrolled in the sandbox as a payer whose face pay succeeds, and nothing is
// scripted WHEN the customer pays by face THEN the sandbox identifies the sealed image and the sale is PAID
TEST_F(FacePayUiTest, TheSandboxIdentifiesTheEnrolledFaceTheCameraSees) {
    start(testImage(QStringLiteral("face-1.jpg")));
    QFile photo(testImage(QStringLiteral("face-1.jpg")));
    ASSERT_TRUE(photo.open(QIODevice::ReadOnly));
    ASSERT_TRUE(t->admin(QStringLiteral("face_enroll"),
                         {{QStringLiteral("face_id"), QStringLiteral("FT1")},
                          {QStringLiteral("payer_name"), QStringLiteral("测试顾客")},
                          {QStringLiteral("phone"), QStringLiteral("13800004321")},
                          {QStringLiteral("behaviour"), QStringLiteral("SUCCESS")},
                          {QStringLiteral("images"), QJsonArray{QString::fromLatin1(photo.readAll().toBase64())}}}))
        << qPrintable(t->lastError());
    amount(QStringLiteral("9.90"));
    startFacePay();
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage"), 30000)) << qPrintable(c().message());
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid")) << qPrintable(c().resultDetail());
}

// GIVEN the camera sees a printed photo (flat in depth)
// WHEN face pay is chosen THEN liveness never accepts it, the timeout returns to the pay page with the words to pay by
// code, nothing was charged, and the payment code then pays
TEST_F(FacePayUiTest, APrintedPhotoIsRefusedAndThePaymentCodeIsOffered) {
    start(testImage(QStringLiteral("face-1.jpg")), QStringLiteral("photo"), 5);
    ASSERT_TRUE(script(QStringLiteral("SUCCESS")));
    amount(QStringLiteral("5.00"));
    startFacePay();
    ASSERT_TRUE(t->waitFor([&] { return face().guidance() == QStringLiteral("not_live"); }, 10000))
        << qPrintable(face().guidance());
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutPayPage"), 20000));
    EXPECT_EQ(c().messageCode(), QStringLiteral("face.timeout"));
    EXPECT_TRUE(c().orderNo().isEmpty()) << "no order may exist for a face that was never captured";
    ASSERT_TRUE(t->scan(QString::fromLatin1(kWeChatSuccessCode)));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage"), 30000));
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));
    EXPECT_EQ(c().channel(), QStringLiteral("wechat"));
}

// GIVEN a capture running on a camera that is a folder of frames
// WHEN the camera is unplugged (the folder disappears) THEN the page goes back to the payment code with the camera's
// message, face pay is offered no more, and a scanned code pays; with the camera back, face pay is offered again
TEST_F(FacePayUiTest, ACameraUnpluggedMidCaptureFallsBackToThePaymentCode) {
    QTemporaryDir dir;
    const QString frames = dir.filePath(QStringLiteral("camera"));
    ASSERT_TRUE(QDir().mkpath(frames));
    ASSERT_TRUE(QFile::copy(testImage(QStringLiteral("face-1.jpg")), frames + QStringLiteral("/0001.jpg")));
    // A photo scene: liveness keeps the capture running until the unplug.
    start(frames, QStringLiteral("photo"));
    amount(QStringLiteral("3.00"));
    startFacePay();
    ASSERT_TRUE(t->waitFor([&] { return !face().faceBox().isEmpty(); }, 10000));
    ASSERT_TRUE(QDir(frames).removeRecursively());
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutPayPage"), 15000)) << qPrintable(c().stage());
    EXPECT_EQ(c().messageCode(), QStringLiteral("camera.unplugged"));
    EXPECT_FALSE(c().faceAvailable());
    EXPECT_FALSE(t->isEnabled(QStringLiteral("facePayButton")));
    ASSERT_TRUE(t->scan(QString::fromLatin1(kWeChatSuccessCode)));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage"), 30000));
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));

    ASSERT_TRUE(QDir().mkpath(frames));
    ASSERT_TRUE(QFile::copy(testImage(QStringLiteral("face-1.jpg")), frames + QStringLiteral("/0001.jpg")));
    ASSERT_TRUE(t->tap(QStringLiteral("newSaleButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutAmountPage")));
    amount(QStringLiteral("4.00"));
}

// GIVEN the wallet asks for the phone digits WHEN the payer walks away and the cashier cancels
// THEN the order is closed (order_close), nothing is charged
TEST_F(FacePayUiTest, ThePayerWalksAwayAtThePhoneStepAndTheOrderIsClosed) {
    start(testImage(QStringLiteral("face-1.jpg")));
    ASSERT_TRUE(script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02")));
    amount(QStringLiteral("7.00"));
    startFacePay();
    ASSERT_TRUE(t->waitForStage(QStringLiteral("phone"), 30000)) << qPrintable(t->lastError());
    ASSERT_TRUE(t->tap(QStringLiteral("phoneCancelButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage"), 60000)) << qPrintable(c().message());
    EXPECT_EQ(c().resultStatus(), QStringLiteral("closed"));
    const auto closed = order(c().orderNo());
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->status, store::OrderStatus::Closed);
}

// GIVEN face pay chosen WHEN the customer prefers the payment code (on the consent step and during the capture)
// THEN the pay page is back each time and the code pays
TEST_F(FacePayUiTest, ThePaymentCodeIsOfferedAtEveryStep) {
    start(testImage(QStringLiteral("face-1.jpg")), QStringLiteral("photo"));
    amount(QStringLiteral("2.00"));
    ASSERT_TRUE(t->tap(QStringLiteral("facePayButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutFacePage")));
    ASSERT_TRUE(t->tap(QStringLiteral("consentDeclineButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutPayPage")));
    startFacePay();
    ASSERT_TRUE(t->tap(QStringLiteral("usePaymentCodeButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutPayPage")));
    EXPECT_EQ(face().state(), QStringLiteral("idle"));
    startFacePay();
    // A code shown to the scanner during the capture is taken at once.
    ASSERT_TRUE(t->scan(QString::fromLatin1(kWeChatSuccessCode)));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("checkoutResultPage"), 30000));
    EXPECT_EQ(c().resultStatus(), QStringLiteral("paid"));
    EXPECT_EQ(face().state(), QStringLiteral("idle"));
}

}  // namespace
