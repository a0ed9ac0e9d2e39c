// The capture session on frame sequences at a simulated 30 fps: a face coming into view is accepted within the
// capture window, sealed to the backend's face key, and the sealed image opens to a JPEG with one face.
#include <gtest/gtest.h>

#include <cstdio>
#include <opencv2/imgcodecs.hpp>

#include "app/backend/backend_client.h"
#include "app/face/face_capture_session.h"
#include "app/face/haar_face_detector.h"
#include "face_test_support.h"
#include "platform/crypto.h"

namespace facepos::face {
namespace {

using namespace facepos::face::testing;

constexpr qint64 kFrameMs = 33;
const QString kToken = QStringLiteral("ft_test_0001");

class CaptureSessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        portrait = loadImage(QStringLiteral("face-1.jpg"));
        ASSERT_FALSE(portrait.empty()) << "no test images in $FACEPOS_TEST_IMAGES";
        auto pair = crypto::EcKeyPair::generate();
        ASSERT_TRUE(pair.ok());
        key = std::make_unique<crypto::EcKeyPair>(std::move(pair.value()));
    }

    std::unique_ptr<FaceCaptureSession> makeSession(LivenessMode mode, qint64 maxBytes = 200000,
                                                    QByteArray publicKey = {}) {
        FaceCaptureOptions options;
        options.captureWindowMs = 400;
        if (publicKey.isEmpty()) publicKey = key->publicKeyRaw();
        auto session = FaceCaptureSession::create(options, mode, {publicKey, kToken, maxBytes});
        EXPECT_TRUE(session.ok());
        return session.ok() ? std::move(session.value()) : nullptr;
    }

    drivers::CameraFrame frameOf(cv::Mat color, cv::Mat depth = {}) {
        drivers::CameraFrame frame;
        frame.color = std::move(color);
        frame.depth = std::move(depth);
        frame.sequence = ++sequence;
        frame.timestampMs = sequence * kFrameMs;
        return frame;
    }

    // Feeds frames until the session is done or the frames run out; returns how many frames it took.
    int feed(FaceCaptureSession& session, const std::vector<drivers::CameraFrame>& frames) {
        int used = 0;
        for (const auto& frame : frames) {
            ++used;
            last = session.process(frame);
            if (session.isDone()) break;
        }
        return used;
    }

    cv::Mat portrait;
    std::unique_ptr<crypto::EcKeyPair> key;
    qint64 sequence = 0;
    FaceTrack last;
};

TEST_F(CaptureSessionTest, FaceEnteringIsCapturedSealedAndOpensToAJpegWithOneFace) {
    auto session = makeSession(LivenessMode::Off);
    std::vector<drivers::CameraFrame> frames;
    for (int i = 0; i < 10; ++i) frames.push_back(frameOf(noisy(emptyFrame(), 4, i)));
    for (int i = 0; i < 60; ++i) frames.push_back(frameOf(noisy(composeFrame(portrait), 4, 100 + i)));
    const int used = feed(*session, frames);
    ASSERT_TRUE(session->isDone());
    ASSERT_TRUE(session->sealed().has_value()) << qPrintable(session->error()->code);
    // 10 empty frames, then the window of 400 ms (13 frames at 30 fps) from the first good frame.
    EXPECT_LE(used, 10 + 14);
    EXPECT_EQ(last.guidance, Guidance::None);
    EXPECT_DOUBLE_EQ(last.progress, 1.0);

    const SealedFace& sealed = *session->sealed();
    EXPECT_EQ(sealed.faceToken, kToken);
    auto opened = key->openSealed(sealed.sealedImage, backend::BackendClient::faceImageInfo(kToken));
    ASSERT_TRUE(opened.ok()) << qPrintable(opened.error().code);
    EXPECT_EQ(opened->size(), sealed.jpegBytes);
    EXPECT_LE(sealed.jpegBytes, 200000);
    const std::vector<uchar> bytes(opened->begin(), opened->end());
    const cv::Mat image = cv::imdecode(bytes, cv::IMREAD_COLOR);
    ASSERT_FALSE(image.empty());
    EXPECT_LE(std::max(image.cols, image.rows), FaceCaptureSession::kMaxImageSide);
    auto detector = HaarFaceDetector::create();
    ASSERT_TRUE(detector.ok());
    EXPECT_EQ(detector.value()->detect(image).size(), 1U);
    std::printf("captured after %d frames: JPEG %d bytes (%dx%d), sealed %lld bytes\n", used, sealed.jpegBytes,
                image.cols, image.rows, static_cast<long long>(sealed.sealedImage.size()));
}

TEST_F(CaptureSessionTest, OpensOnlyWithTheMatchingTokenAndKey) {
    auto session = makeSession(LivenessMode::Off);
    std::vector<drivers::CameraFrame> frames;
    for (int i = 0; i < 30; ++i) frames.push_back(frameOf(composeFrame(portrait)));
    feed(*session, frames);
    ASSERT_TRUE(session->sealed().has_value());
    EXPECT_FALSE(key->openSealed(session->sealed()->sealedImage, backend::BackendClient::faceImageInfo("other")).ok());
    auto other = crypto::EcKeyPair::generate();
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(other->openSealed(session->sealed()->sealedImage, backend::BackendClient::faceImageInfo(kToken)).ok());
}

TEST_F(CaptureSessionTest, DepthRelievedFaceIsCapturedWithItsScore) {
    auto session = makeSession(LivenessMode::Depth);
    const cv::Mat color = composeFrame(portrait);
    auto detector = HaarFaceDetector::create();
    ASSERT_TRUE(detector.ok());
    const auto faces = detector.value()->detect(color);
    ASSERT_EQ(faces.size(), 1U);
    std::vector<drivers::CameraFrame> frames;
    for (int i = 0; i < 30; ++i)
        frames.push_back(frameOf(color, reliefDepth(color.size(), faces[0].box, 500, 30, 1.5, i)));
    feed(*session, frames);
    ASSERT_TRUE(session->sealed().has_value());
    EXPECT_GE(session->sealed()->livenessScore, 50);
}

TEST_F(CaptureSessionTest, FlatDepthIsNeverCaptured) {
    auto session = makeSession(LivenessMode::Depth);
    std::vector<drivers::CameraFrame> frames;
    for (int i = 0; i < 40; ++i)
        frames.push_back(frameOf(composeFrame(portrait), flatDepth(cv::Size(640, 480), 450, 20, 1.5, i)));
    feed(*session, frames);
    EXPECT_FALSE(session->isDone());
    EXPECT_EQ(last.guidance, Guidance::NotLive);
    EXPECT_EQ(session->goodFrames(), 0);
}

TEST_F(CaptureSessionTest, ChallengeAsksThenCapturesAfterTheHeadMoved) {
    auto session = makeSession(LivenessMode::Challenge);
    std::vector<drivers::CameraFrame> still;
    for (int i = 0; i < 20; ++i) still.push_back(frameOf(noisy(composeFrame(portrait, 0.9), 4, i)));
    feed(*session, still);
    EXPECT_FALSE(session->isDone());
    EXPECT_EQ(last.guidance, Guidance::Challenge);

    std::vector<drivers::CameraFrame> moving;
    for (int i = 0; i <= 8; ++i) moving.push_back(frameOf(composeFrame(portrait, 0.9, {i * 6, 0})));
    for (int i = 8; i >= 0; --i) moving.push_back(frameOf(composeFrame(portrait, 0.9, {i * 6, 0})));
    for (int i = 0; i < 30; ++i) moving.push_back(frameOf(noisy(composeFrame(portrait, 0.9), 4, 50 + i)));
    feed(*session, moving);
    ASSERT_TRUE(session->sealed().has_value());
    EXPECT_GE(session->sealed()->livenessScore, 60);
}

TEST_F(CaptureSessionTest, KeyThatIsNotAP256PointIsSealFailed) {
    QByteArray bogus(65, '\x07');
    bogus[0] = '\x04';
    auto session = makeSession(LivenessMode::Off, 200000, bogus);
    const auto track = session->process(frameOf(composeFrame(portrait)));
    ASSERT_TRUE(session->isDone());
    ASSERT_TRUE(session->error().has_value());
    EXPECT_EQ(session->error()->code, QStringLiteral("face.seal_failed"));
    EXPECT_FALSE(session->sealed().has_value());
    EXPECT_TRUE(track.box.isEmpty());
}

TEST_F(CaptureSessionTest, ImageThatCannotFitIsTooLarge) {
    auto session = makeSession(LivenessMode::Off, 500);
    std::vector<drivers::CameraFrame> frames;
    for (int i = 0; i < 30; ++i) frames.push_back(frameOf(composeFrame(portrait)));
    feed(*session, frames);
    ASSERT_TRUE(session->error().has_value());
    EXPECT_EQ(session->error()->code, QStringLiteral("face.image_too_large"));
}

TEST_F(CaptureSessionTest, QualityIsLoweredToFitTheLimit) {
    // Measure the JPEG at the default quality, then ask for less than that: it still fits, at a lower quality.
    auto first = makeSession(LivenessMode::Off);
    std::vector<drivers::CameraFrame> frames;
    for (int i = 0; i < 30; ++i) frames.push_back(frameOf(noisy(composeFrame(portrait), 4, i)));
    feed(*first, frames);
    ASSERT_TRUE(first->sealed().has_value());
    const int full = first->sealed()->jpegBytes;
    auto second = makeSession(LivenessMode::Off, full * 2 / 3);
    sequence = 0;
    feed(*second, frames);
    ASSERT_TRUE(second->sealed().has_value()) << qPrintable(second->error()->code);
    EXPECT_LE(second->sealed()->jpegBytes, full * 2 / 3);
}

TEST_F(CaptureSessionTest, AFaceThatJumpsRestartsTheWindow) {
    auto session = makeSession(LivenessMode::Off);
    std::vector<drivers::CameraFrame> left;
    for (int i = 0; i < 6; ++i) left.push_back(frameOf(composeFrame(portrait, 0.8, {-60, 0})));
    feed(*session, left);
    EXPECT_EQ(session->goodFrames(), 6);
    session->process(frameOf(composeFrame(portrait, 0.8, {90, 0})));
    EXPECT_EQ(session->goodFrames(), 1);  // a new track: the window restarted at this frame
    EXPECT_FALSE(session->isDone());
}

TEST_F(CaptureSessionTest, GuidanceFollowsTheFrames) {
    auto session = makeSession(LivenessMode::Off);
    EXPECT_EQ(session->process(frameOf(emptyFrame())).guidance, Guidance::NoFace);
    EXPECT_EQ(session->process(frameOf(composeFrame(portrait, 0.45))).guidance, Guidance::MoveCloser);
    EXPECT_EQ(session->process(frameOf(brightness(composeFrame(portrait), 0.3))).guidance, Guidance::TooDark);
    const FaceTrack good = session->process(frameOf(composeFrame(portrait)));
    EXPECT_EQ(good.guidance, Guidance::None);
    EXPECT_GT(good.box.width(), 0.1);
    EXPECT_LT(good.box.right(), 1.0);
}

}  // namespace
}  // namespace facepos::face
