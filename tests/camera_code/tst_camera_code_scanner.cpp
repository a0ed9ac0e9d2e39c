// CameraCodeScanner on a real CameraService (its own camera thread) fed by a scripted camera: what the camera sees
// reaches the UI thread as a classified scan, once per code in view, and the scanner's state follows the camera.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <mutex>
#include <random>
#include <thread>

#include "code_frames.h"
#include "drivers/camera/camera_code_scanner.h"
#include "drivers/camera/camera_service.h"
#include "drivers/camera/icamera.h"
#include "platform/manual_clock.h"
#include "platform/settings.h"

using namespace facepos::drivers;
using namespace facepos::testing;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 10000;  // generous: the camera thread shares two cores with the build

// What the scripted camera shows, changed by the test while the camera thread reads it.
struct CameraScript {
    std::mutex mutex;
    cv::Mat frame;
    bool unplugged = false;
};

class ScriptedCamera final : public ICamera {
public:
    explicit ScriptedCamera(std::shared_ptr<CameraScript> script) : m_script(std::move(script)) {}

    facepos::Result<void> open() override {
        std::lock_guard lock(m_script->mutex);
        if (m_script->unplugged) {
            return facepos::makeError(QStringLiteral("camera.not_found"), QStringLiteral("camera disconnected"));
        }
        m_open = true;
        return {};
    }
    facepos::Result<CameraFrame> read() override {
        std::this_thread::sleep_for(10ms);
        std::lock_guard lock(m_script->mutex);
        if (m_script->unplugged) {
            m_open = false;
            return facepos::makeError(QStringLiteral("camera.unplugged"),
                                      QStringLiteral("camera disconnected: plug it back in"));
        }
        CameraFrame frame;
        frame.color = m_script->frame;
        frame.sequence = ++m_sequence;
        return frame;
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    CameraInfo info() const override {
        return {QStringLiteral("simulated"), QStringLiteral("scripted"), 1280, 720, 30};
    }

private:
    std::shared_ptr<CameraScript> m_script;
    qint64 m_sequence = 0;
    bool m_open = false;
};

facepos::Settings settingsWith(const QStringList& overrides) {
    facepos::SettingsSources sources;
    sources.overrides = overrides;
    auto settings = facepos::Settings::load(sources);
    EXPECT_TRUE(settings.ok()) << settings.error().message.toStdString();
    return settings.ok() ? settings.value() : facepos::Settings::defaults();
}

cv::Mat frameWithCode(const std::string& text, int seed) {
    std::mt19937 rng(seed);
    CodePlacement placement;
    placement.text = text;
    placement.widthPx = 240;
    return composeFrame(cv::Mat(720, 1280, CV_8UC3, cv::Scalar(110, 120, 115)), placement, {}, rng);
}

cv::Mat emptyFrame() {
    return cv::Mat(720, 1280, CV_8UC3, cv::Scalar(110, 120, 115));
}

class CameraCodeScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        script->frame = emptyFrame();
        service = std::make_unique<CameraService>(std::make_unique<ScriptedCamera>(script));
        auto created = createCameraCodeScanner(
            *service, settingsWith({QStringLiteral("scanner.member_card_pattern=M\\d{8}")}), clock);
        ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
        scanner = std::move(created).value();
    }
    void TearDown() override {
        scanner.reset();
        service.reset();
    }

    void show(const cv::Mat& frame) {
        std::lock_guard lock(script->mutex);
        script->frame = frame;
    }
    void setUnplugged(bool unplugged) {
        std::lock_guard lock(script->mutex);
        script->unplugged = unplugged;
    }
    // Waits until the camera thread has delivered `count` more frames (each read by the scanner's consumer).
    bool waitFrames(qint64 count) {
        const qint64 target = service->framesDelivered() + count;
        for (int waited = 0; waited < kWaitMs; waited += 10) {
            if (service->framesDelivered() >= target) {
                QCoreApplication::processEvents();  // deliver what the consumer queued to this thread
                return true;
            }
            QTest::qWait(10);
        }
        return false;
    }

    facepos::ManualClock clock;
    std::shared_ptr<CameraScript> script = std::make_shared<CameraScript>();
    std::unique_ptr<CameraService> service;
    std::unique_ptr<CameraCodeScanner> scanner;
};

TEST_F(CameraCodeScannerTest, CodeInViewIsEmittedClassifiedOnTheUiThread) {
    QThread* emittedOn = nullptr;
    QObject::connect(scanner.get(), &IBarcodeScanner::scanned, scanner.get(),
                     [&emittedOn] { emittedOn = QThread::currentThread(); });
    QSignalSpy scans(scanner.get(), &IBarcodeScanner::scanned);
    ASSERT_TRUE(scanner->start().ok());
    show(frameWithCode("134000000000000000", 1));

    ASSERT_TRUE(scans.wait(kWaitMs));
    const auto scan = scans.at(0).at(0).value<ScanClassification>();
    EXPECT_EQ(scan.kind, ScanKind::PaymentCode);
    EXPECT_EQ(scan.wallet, Wallet::WeChat);
    EXPECT_EQ(scan.code, QStringLiteral("134000000000000000"));
    EXPECT_EQ(emittedOn, QCoreApplication::instance()->thread());
}

TEST_F(CameraCodeScannerTest, CodeHeldInViewIsOneScanUntilTheRepeatWindowHasPassed) {
    QSignalSpy scans(scanner.get(), &IBarcodeScanner::scanned);
    ASSERT_TRUE(scanner->start().ok());
    show(frameWithCode("284000000000000000", 2));
    ASSERT_TRUE(scans.wait(kWaitMs));

    // GIVEN the same code in 20 more frames, all within camera.code_repeat_ms (the manual clock stands still)
    ASSERT_TRUE(waitFrames(20));
    EXPECT_EQ(scans.count(), 1);

    // WHEN the repeat window has passed since the code was last seen THEN it is a scan again
    clock.advance(2100ms);
    ASSERT_TRUE(scans.wait(kWaitMs));
    EXPECT_EQ(scans.count(), 2);
    EXPECT_EQ(scans.at(1).at(0).value<ScanClassification>().wallet, Wallet::Alipay);

    // AND a different code is a scan at once
    show(frameWithCode("M20260042", 3));
    ASSERT_TRUE(scans.wait(kWaitMs));
    EXPECT_EQ(scans.last().at(0).value<ScanClassification>().kind, ScanKind::MemberCard);
}

TEST_F(CameraCodeScannerTest, StateFollowsTheCamera) {
    EXPECT_EQ(scanner->state().status, DeviceState::Status::Disconnected);
    QSignalSpy states(scanner.get(), &IBarcodeScanner::stateChanged);
    ASSERT_TRUE(scanner->start().ok());
    if (scanner->state().status != DeviceState::Status::Connected) {
        ASSERT_TRUE(states.wait(kWaitMs));
    }
    EXPECT_EQ(scanner->state().status, DeviceState::Status::Connected);

    setUnplugged(true);
    ASSERT_TRUE(states.wait(kWaitMs));
    EXPECT_EQ(scanner->state().status, DeviceState::Status::Disconnected);
    EXPECT_FALSE(scanner->state().message.isEmpty());

    setUnplugged(false);  // CameraService retries every 2 s
    ASSERT_TRUE(states.wait(kWaitMs));
    EXPECT_EQ(scanner->state().status, DeviceState::Status::Connected);
}

TEST_F(CameraCodeScannerTest, StoppedScannerEmitsNothingAndLeavesTheCameraRunning) {
    QSignalSpy scans(scanner.get(), &IBarcodeScanner::scanned);
    ASSERT_TRUE(scanner->start().ok());
    scanner->stop();
    EXPECT_EQ(scanner->state().status, DeviceState::Status::Disconnected);
    show(frameWithCode("134000000000000000", 4));
    ASSERT_TRUE(waitFrames(10));
    EXPECT_EQ(scans.count(), 0);
    EXPECT_TRUE(service->isRunning());

    ASSERT_TRUE(scanner->start().ok());
    ASSERT_TRUE(scans.wait(kWaitMs));
}

TEST(CameraCodeScannerFactory, ConfigurationErrorsAreReported) {
    facepos::ManualClock clock;
    CameraService service(std::make_unique<ScriptedCamera>(std::make_shared<CameraScript>()));
    auto badFormats =
        createCameraCodeScanner(service, settingsWith({QStringLiteral("camera.code_formats=QR,Code128")}), clock);
    ASSERT_FALSE(badFormats.ok());
    EXPECT_EQ(badFormats.error().code, QStringLiteral("scanner.bad_formats"));
    auto badPattern =
        createCameraCodeScanner(service, settingsWith({QStringLiteral("scanner.voucher_pattern=VC-[")}), clock);
    ASSERT_FALSE(badPattern.ok());
    EXPECT_EQ(badPattern.error().code, QStringLiteral("scanner.bad_pattern"));
}

}  // namespace
