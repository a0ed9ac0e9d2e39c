// The quality gates, each on a frame made to fail it from a real photo that passes them all, and the tracker.
#include <gtest/gtest.h>

#include <cstdio>

#include "app/face/face_tracker.h"
#include "app/face/haar_face_detector.h"
#include "app/face/quality_gates.h"
#include "app/face/yunet_face_detector.h"
#include "face_test_support.h"

namespace facepos::face {
namespace {

using namespace facepos::face::testing;

// A frontal portrait that passes every gate when composed at scale 1.0 (measured: see GoodPortraitPassesEveryGate).
const QString kPortrait = QStringLiteral("face-1.jpg");

QualityReport judge(IFaceDetector& detector, const cv::Mat& frame, const char* what) {
    std::vector<FaceDetection> faces = detector.detect(frame);
    const int primary = largestFace(faces);
    if (primary >= 0) detector.findEyes(frame, faces[std::size_t(primary)]);
    const QualityReport r = evaluateQuality(frame, faces);
    std::printf("%-22s %-16s faces %d width %.2f centre %+.2f/%+.2f eyes %d roll %+.1f lum %.0f sharp %.0f\n", what,
                qPrintable(guidanceName(r.guidance)), r.faces, r.faceWidth, r.centreOffsetX, r.centreOffsetY,
                int(r.eyesFound), r.rollDegrees, r.luminance, r.sharpness);
    return r;
}

class QualityGatesTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto haar = HaarFaceDetector::create();
        ASSERT_TRUE(haar.ok());
        detector = std::move(haar.value());
        portrait = loadImage(kPortrait);
        ASSERT_FALSE(portrait.empty()) << "no test images in $FACEPOS_TEST_IMAGES";
    }

    std::unique_ptr<HaarFaceDetector> detector;
    cv::Mat portrait;
};

TEST_F(QualityGatesTest, GoodPortraitPassesEveryGate) {
    for (const QString& name : {QStringLiteral("face-1.jpg"), QStringLiteral("face-2.jpg"),
                                QStringLiteral("face-3.png"), QStringLiteral("face-4.png")}) {
        judge(*detector, composeFrame(loadImage(name)), qPrintable(name));
    }
    const QualityReport report = judge(*detector, composeFrame(portrait), "portrait");
    EXPECT_EQ(report.guidance, Guidance::None);
    EXPECT_EQ(report.faces, 1);
}

TEST_F(QualityGatesTest, NoFaceAsksToLookAtTheCamera) {
    EXPECT_EQ(judge(*detector, emptyFrame(), "empty").guidance, Guidance::NoFace);
}

TEST_F(QualityGatesTest, TinyFaceAsksToMoveCloser) {
    EXPECT_EQ(judge(*detector, composeFrame(portrait, 0.45), "tiny").guidance, Guidance::MoveCloser);
}

TEST_F(QualityGatesTest, HugeFaceAsksToMoveBack) {
    EXPECT_EQ(judge(*detector, composeFrame(portrait, 2.0), "huge").guidance, Guidance::MoveBack);
}

TEST_F(QualityGatesTest, OffCentreFaceAsksToCentre) {
    EXPECT_EQ(judge(*detector, composeFrame(portrait, 0.8, {200, 0}), "off-centre").guidance, Guidance::CenterFace);
}

TEST_F(QualityGatesTest, DarkFaceIsTooDark) {
    EXPECT_EQ(judge(*detector, brightness(composeFrame(portrait), 0.3), "dark").guidance, Guidance::TooDark);
}

TEST_F(QualityGatesTest, OverexposedFaceIsTooBright) {
    // Over-exposure lifts the whole face towards white (an offset, not only a gain that keeps dark pixels dark).
    cv::Mat bright;
    composeFrame(portrait).convertTo(bright, -1, 1.0, 85);
    EXPECT_EQ(judge(*detector, bright, "bright").guidance, Guidance::TooBright);
}

TEST_F(QualityGatesTest, HeavyBlurAsksToHoldStill) {
    judge(*detector, blurred(composeFrame(portrait), 3), "blur sigma 3");
    judge(*detector, blurred(composeFrame(portrait), 5), "blur sigma 5");
    EXPECT_EQ(judge(*detector, blurred(composeFrame(portrait), 8), "blur sigma 8").guidance, Guidance::HoldStill);
}

TEST_F(QualityGatesTest, GroupPhotoAsksForOnePersonOnly) {
    const cv::Mat group = loadImage(QStringLiteral("faces-group.jpg"));
    ASSERT_FALSE(group.empty());
    // The group photo is 2:1: scaled to the frame's width, its three faces are side by side, as at a counter.
    EXPECT_EQ(judge(*detector, composeFrame(group, 0.66), "group").guidance, Guidance::OnePersonOnly);
}

TEST_F(QualityGatesTest, RolledHeadAsksToFaceTheCameraWhenEyesAreFound) {
    const cv::Mat frame = rotated(composeFrame(portrait), 25);
    std::vector<FaceDetection> faces = detector->detect(frame);
    const QualityReport report = judge(*detector, frame, "rolled 25");
    if (faces.empty()) GTEST_SKIP() << "the cascade finds no face rolled by 25 degrees";
    if (report.eyesFound) {
        EXPECT_EQ(report.guidance, Guidance::FaceCamera);
    } else {
        EXPECT_NE(report.guidance, Guidance::FaceCamera);
    }
}

TEST_F(QualityGatesTest, RollGateUsesTheEyesTheDetectorGives) {
    // The gate itself, with the eyes given: level eyes pass, a 25° eye line fails, missing eyes never fail on roll.
    const cv::Mat frame = composeFrame(portrait);
    std::vector<FaceDetection> faces = detector->detect(frame);
    ASSERT_EQ(faces.size(), 1U);
    FaceDetection& face = faces[0];
    const cv::Point2f centre(face.box.x + face.box.width / 2.0F, face.box.y + face.box.height * 0.4F);
    face.eyesFound = true;
    face.leftEye = centre + cv::Point2f(-30, 0);
    face.rightEye = centre + cv::Point2f(30, 0);
    EXPECT_EQ(evaluateQuality(frame, faces).guidance, Guidance::None);
    face.leftEye = centre + cv::Point2f(-27, -12.6F);  // atan(25.2 / 54) ≈ 25°
    face.rightEye = centre + cv::Point2f(27, 12.6F);
    const QualityReport rolled = evaluateQuality(frame, faces);
    EXPECT_EQ(rolled.guidance, Guidance::FaceCamera);
    EXPECT_NEAR(rolled.rollDegrees, 25, 1);
    face.eyesFound = false;
    EXPECT_EQ(evaluateQuality(frame, faces).guidance, Guidance::None);
}

TEST_F(QualityGatesTest, YunetLandmarksCatchARolledHead) {
    if (!haveYunetModel()) GTEST_SKIP() << "YuNet model absent: " << qPrintable(yunetModelPath());
    auto yunet = YunetFaceDetector::create(yunetModelPath());
    ASSERT_TRUE(yunet.ok());
    EXPECT_EQ(judge(*yunet.value(), composeFrame(portrait), "yunet level").guidance, Guidance::None);
    const QualityReport rolled = judge(*yunet.value(), rotated(composeFrame(portrait), 25), "yunet rolled 25");
    ASSERT_TRUE(rolled.eyesFound);
    EXPECT_EQ(rolled.guidance, Guidance::FaceCamera);
}

TEST(FaceTrackerTest, FollowsAFaceAndSmoothsItsBox) {
    FaceTracker tracker;
    auto first = tracker.update(cv::Rect(100, 100, 200, 200));
    EXPECT_TRUE(first.reset);
    auto next = tracker.update(cv::Rect(110, 100, 200, 200));
    EXPECT_FALSE(next.reset);
    EXPECT_EQ(next.trackId, first.trackId);
    EXPECT_NEAR(next.box.x, 105, 0.01);  // halfway: the box does not jitter with the detector
}

TEST(FaceTrackerTest, AJumpStartsANewTrack) {
    FaceTracker tracker;
    const int id = tracker.update(cv::Rect(50, 100, 150, 150)).trackId;
    auto jumped = tracker.update(cv::Rect(400, 100, 150, 150));
    EXPECT_TRUE(jumped.reset);
    EXPECT_NE(jumped.trackId, id);
}

TEST(FaceTrackerTest, SurvivesAFewMissedFramesThenLosesTheFace) {
    FaceTracker tracker(0.3, 0.5, 2);
    tracker.update(cv::Rect(100, 100, 200, 200));
    EXPECT_TRUE(tracker.update(std::nullopt).tracking);
    EXPECT_TRUE(tracker.update(std::nullopt).tracking);
    auto lost = tracker.update(std::nullopt);
    EXPECT_FALSE(lost.tracking);
    EXPECT_TRUE(lost.reset);
}

}  // namespace
}  // namespace facepos::face
