// facepos-face-screens OUTPUT_DIR: the face pay pages against a live in-process sandbox, as clerk 1001 李娜 sees them
// with a shift open and the camera a simulated 3D camera playing a real photo (scripts/fetch-test-images), written to
// OUTPUT_DIR (docs/images/):
//   face-pay-button-zh_CN.png   the pay page with face pay offered
//   face-consent-zh_CN.png, face-consent-en.png   what is captured and how it is used, before any capture
//   face-capture-zh_CN.png      the live picture with the face box, the advice and the seconds left
//   face-phone-zh_CN.png        the wallet asks for the last 4 digits of the phone (two typed)
//   face-result-paid-zh_CN.png  paid by face
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <cstdio>

#include "app/checkout/face_checkout.h"
#include "checkout/checkout_driver.h"
#include "drivers/camera/camera_service.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;
using namespace std::chrono_literals;

namespace {

int failWith(const QString& message) {
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Asia/Shanghai");
    QGuiApplication app(argc, argv);
    const std::optional<QDir> dir = test::screenshotOutputDir(argc, argv, "facepos-face-screens");
    if (!dir) return 1;
    const QDir& out = *dir;
    const QString photo = QStringLiteral(FACEPOS_TEST_IMAGES_DIR "/face-1.jpg");
    if (!QFileInfo::exists(photo))
        return failWith(QStringLiteral("no photo at %1: run scripts/fetch-test-images first").arg(photo));

    UiHarness::cameraSettings = {QStringLiteral("devices.camera=simulated"),
                                 QStringLiteral("devices.camera_source=") + photo,
                                 QStringLiteral("camera.depth=simulated"),
                                 // A longer window than the default 0.4 s, so the capture is still on screen.
                                 QStringLiteral("face.capture_window_ms=3000")};
    auto started = CheckoutDriver::start();
    if (!started) return failWith(started.error().message);
    CheckoutDriver& t = **started;
    UiHarness& ui = t.ui();
    checkout::CheckoutController& c = t.checkout();
    checkout::CheckoutController::Options options;
    options.resultReturn = 0ms;
    c.setOptions(options);

    if (!t.signInClerk() || !t.openShift()) return failWith(t.lastError());
    if (!t.admin(QStringLiteral("face_script"),
                 {{QStringLiteral("device_id"), QString::fromLatin1(KioskDriver::kDeviceId)},
                  {QStringLiteral("results"),
                   QJsonArray{QJsonObject{{QStringLiteral("outcome"), QStringLiteral("NEED_PHONE_CONFIRM")},
                                          {QStringLiteral("face_id"), QStringLiteral("F02")}}}}}))
        return failWith(QStringLiteral("face_script: ") + t.lastError());
    if (!t.show(QStringLiteral("HomePage")) || !t.tap(QStringLiteral("tileCheckout")) ||
        !t.waitForPage(QStringLiteral("checkoutAmountPage")) || !t.type(QStringLiteral("18.8")) ||
        !t.press(QStringLiteral("0")) || !t.press(QStringLiteral("confirm")) ||
        !t.waitForPage(QStringLiteral("checkoutPayPage")) ||
        !t.waitFor([&] { return t.isEnabled(QStringLiteral("facePayButton")); }) ||
        !t.grab(out, QStringLiteral("face-pay-button-zh_CN.png")))
        return failWith(QStringLiteral("pay page: ") + c.message() + c.faceNotice());

    if (!t.tap(QStringLiteral("facePayButton")) || !t.waitForPage(QStringLiteral("checkoutFacePage")) ||
        !t.grab(out, QStringLiteral("face-consent-zh_CN.png")))
        return failWith(QStringLiteral("consent: ") + c.message());
    if (!ui.language.setLanguage(QStringLiteral("en")) || !t.grab(out, QStringLiteral("face-consent-en.png")))
        return failWith(QStringLiteral("consent en"));
    ui.language.setLanguage(QStringLiteral("zh_CN"));

    // The picture is taken as soon as a face box is shown, within the (lengthened) capture window.
    checkout::FaceCheckout& face = ui.checkoutCamera->face();
    if (!t.tap(QStringLiteral("consentAgreeButton")) || !t.waitFor([&] { return !face.faceBox().isEmpty(); }) ||
        !t.grab(out, QStringLiteral("face-capture-zh_CN.png")))
        return failWith(QStringLiteral("capture: ") + c.message() + face.failureText());
    // The live picture's frame rate while the face is captured: new preview pictures the camera thread hands the
    // customer display (and the cashier's page) in one second; each one is an update() of the CameraPreview items.
    // (Offscreen nothing is painted unless grabbed, so the paint rate itself is for a real display to show.)
    if (drivers::CameraService* camera = ui.checkoutCamera->camera()) {
        int pictures = 0;
        QObject counter;
        QObject::connect(camera, &drivers::CameraService::previewReady, &counter, [&] { ++pictures; });
        QElapsedTimer second;
        second.start();
        t.waitFor([&] { return second.elapsed() >= 1000; }, 2000);
        std::printf("live preview: %d pictures in %lld ms (%.1f per second)\n", pictures,
                    static_cast<long long>(second.elapsed()), pictures * 1000.0 / double(second.elapsed()));
    }

    if (!t.waitForStage(QStringLiteral("phone")) || !t.waitForPage(QStringLiteral("checkoutFacePage")) ||
        !t.press(QStringLiteral("5")) || !t.press(QStringLiteral("6")) ||
        !t.grab(out, QStringLiteral("face-phone-zh_CN.png")))
        return failWith(QStringLiteral("phone: ") + t.lastError());
    if (!t.type(QStringLiteral("78")) || !t.press(QStringLiteral("confirm")) ||
        !t.waitForPage(QStringLiteral("checkoutResultPage")) ||
        !t.grab(out, QStringLiteral("face-result-paid-zh_CN.png")))
        return failWith(QStringLiteral("result: ") + c.message());
    return 0;
}
