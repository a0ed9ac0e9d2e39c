// FaceCapture over the real CameraService with a scripted camera (frames composed from a real photo): captured once
// with an image that opens with the matching key, failed on a bad key and on the camera being unplugged, nothing
// after stop().
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <atomic>

#include "app/backend/backend_client.h"
#include "app/face/face_capture.h"
#include "drivers/camera/camera_service.h"
#include "face_test_support.h"
#include "platform/crypto.h"

namespace facepos::face {
namespace {

using namespace facepos::face::testing;

// Delivers the portrait at ~30 fps until `unplug` is set, then fails as an unplugged camera does.
class ScriptedCamera final : public drivers::ICamera {
public:
    ScriptedCamera(cv::Mat frame, std::shared_ptr<std::atomic<bool>> unplug)
        : m_frame(std::move(frame)), m_unplug(std::move(unplug)) {}
    Result<void> open() override {
        if (*m_unplug) return makeError(QStringLiteral("camera.not_found"), QStringLiteral("Test camera is gone."));
        m_open = true;
        return {};
    }
    Result<drivers::CameraFrame> read() override {
        QThread::msleep(33);
        if (*m_unplug) {
            m_open = false;
            return makeError(QStringLiteral("camera.unplugged"), QStringLiteral("Test camera was unplugged."));
        }
        drivers::CameraFrame frame;
        frame.color = noisy(m_frame, 3, int(++m_sequence));
        frame.sequence = m_sequence;
        frame.timestampMs = m_sequence * 33;
        return frame;
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    drivers::CameraInfo info() const override {
        drivers::CameraInfo info;
        info.backend = QStringLiteral("simulated");
        info.width = m_frame.cols;
        info.height = m_frame.rows;
        info.fps = 30;
        return info;
    }

private:
    cv::Mat m_frame;
    std::shared_ptr<std::atomic<bool>> m_unplug;
    qint64 m_sequence = 0;
    bool m_open = false;
};

class FaceCaptureTest : public ::testing::Test {
protected:
    void SetUp() override {
        const cv::Mat portrait = loadImage(QStringLiteral("face-1.jpg"));
        ASSERT_FALSE(portrait.empty()) << "no test images in $FACEPOS_TEST_IMAGES";
        camera =
            std::make_unique<drivers::CameraService>(std::make_unique<ScriptedCamera>(composeFrame(portrait), unplug));
        auto pair = crypto::EcKeyPair::generate();
        ASSERT_TRUE(pair.ok());
        key = std::make_unique<crypto::EcKeyPair>(std::move(pair.value()));
        options.liveness = QStringLiteral("off");
        options.captureWindowMs = 300;
    }
    void TearDown() override { camera.reset(); }

    std::shared_ptr<std::atomic<bool>> unplug = std::make_shared<std::atomic<bool>>(false);
    std::unique_ptr<drivers::CameraService> camera;
    std::unique_ptr<crypto::EcKeyPair> key;
    FaceCaptureOptions options;
};

TEST_F(FaceCaptureTest, CapturesOnceAndTheImageOpensWithTheKey) {
    FaceCapture capture(*camera, options);
    QSignalSpy captured(&capture, &FaceCapture::captured);
    QSignalSpy failed(&capture, &FaceCapture::failed);
    QSignalSpy tracked(&capture, &FaceCapture::tracked);
    QSignalSpy guidance(&capture, &FaceCapture::guidanceChanged);
    EXPECT_EQ(capture.livenessMode(), QStringLiteral("off"));
    capture.start(key->publicKeyRaw(), QStringLiteral("ft_1"), 200000);
    EXPECT_TRUE(capture.isRunning());
    ASSERT_TRUE(captured.wait(20000));
    EXPECT_EQ(failed.count(), 0);
    EXPECT_FALSE(capture.isRunning());
    const auto face = captured.at(0).at(0).value<SealedFace>();
    auto opened = key->openSealed(face.sealedImage, backend::BackendClient::faceImageInfo(QStringLiteral("ft_1")));
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->size(), face.jpegBytes);
    EXPECT_GE(tracked.count(), 1);
    EXPECT_TRUE(guidance.isEmpty() || guidance.last().at(0).value<Guidance>() == Guidance::None);
    QTest::qWait(200);
    EXPECT_EQ(captured.count(), 1);
}

TEST_F(FaceCaptureTest, AKeyThatIsNotAPointFails) {
    FaceCapture capture(*camera, options);
    QSignalSpy failed(&capture, &FaceCapture::failed);
    capture.start(QByteArray(65, '\x04'), QStringLiteral("ft_2"), 200000);
    ASSERT_TRUE(failed.wait(20000));
    EXPECT_EQ(failed.at(0).at(0).toString(), QStringLiteral("face.seal_failed"));
}

TEST_F(FaceCaptureTest, UnpluggedCameraFailsWithItsMessage) {
    options.captureWindowMs = 5000;  // the capture cannot finish before the camera goes
    FaceCapture capture(*camera, options);
    QSignalSpy failed(&capture, &FaceCapture::failed);
    QSignalSpy tracked(&capture, &FaceCapture::tracked);
    capture.start(key->publicKeyRaw(), QStringLiteral("ft_3"), 200000);
    ASSERT_TRUE(tracked.wait(20000));
    *unplug = true;
    ASSERT_TRUE(failed.wait(20000));
    EXPECT_EQ(failed.at(0).at(0).toString(), QStringLiteral("camera.unplugged"));
    EXPECT_FALSE(failed.at(0).at(1).toString().isEmpty());
}

TEST_F(FaceCaptureTest, NothingFollowsStop) {
    FaceCapture capture(*camera, options);
    QSignalSpy captured(&capture, &FaceCapture::captured);
    QSignalSpy failed(&capture, &FaceCapture::failed);
    QSignalSpy tracked(&capture, &FaceCapture::tracked);
    capture.start(key->publicKeyRaw(), QStringLiteral("ft_4"), 200000);
    ASSERT_TRUE(tracked.wait(20000));
    capture.stop();
    const int seen = int(tracked.count());
    QTest::qWait(1000);
    EXPECT_EQ(tracked.count(), seen);
    EXPECT_EQ(captured.count(), 0);
    EXPECT_EQ(failed.count(), 0);
    EXPECT_FALSE(capture.isRunning());
}

}  // namespace
}  // namespace facepos::face
