// Liveness: the mode chosen from the settings and the camera, depth relief (a face vs. a flat or tilted photo),
// infrared (a face in the infrared frame vs. none), and the RGB head-movement challenge (moving vs. still frames).
#include <gtest/gtest.h>

#include <cstdio>
#include <opencv2/imgproc.hpp>

#include "app/face/haar_face_detector.h"
#include "app/face/liveness.h"
#include "face_test_support.h"

namespace facepos::face {
namespace {

using namespace facepos::face::testing;

const cv::Rect kFace(220, 120, 200, 250);  // a face box in a 640×480 frame, where the depth maps put the head

drivers::CameraFrame depthFrame(cv::Mat depth) {
    drivers::CameraFrame frame;
    frame.color = emptyFrame();
    frame.depth = std::move(depth);
    return frame;
}

LivenessVerdict judgeDepth(const cv::Mat& depth, const char* what) {
    LivenessChecker checker(LivenessMode::Depth, nullptr);
    const LivenessVerdict verdict = checker.evaluate(depthFrame(depth), kFace);
    std::printf("%-28s relief %5.1f mm score %3d %s\n", what, verdict.measure, verdict.score,
                verdict.state == LivenessVerdict::State::Live ? "live" : "not live");
    return verdict;
}

TEST(LivenessModeTest, AutoTakesTheStrongestTheCameraHas) {
    drivers::CameraInfo rgb;
    drivers::CameraInfo ir;
    ir.infrared = true;
    drivers::CameraInfo both = ir;
    both.depth = true;
    EXPECT_EQ(chooseLivenessMode(QStringLiteral("auto"), rgb), LivenessMode::Challenge);
    EXPECT_EQ(chooseLivenessMode(QStringLiteral("auto"), ir), LivenessMode::Infrared);
    EXPECT_EQ(chooseLivenessMode(QStringLiteral("auto"), both), LivenessMode::Depth);
    EXPECT_EQ(chooseLivenessMode(QStringLiteral("off"), both), LivenessMode::Off);
    EXPECT_EQ(chooseLivenessMode(QStringLiteral("challenge"), both), LivenessMode::Challenge);
    EXPECT_EQ(chooseLivenessMode(QStringLiteral("depth"), rgb), LivenessMode::Depth);
    EXPECT_EQ(livenessModeName(LivenessMode::Infrared), QStringLiteral("infrared"));
}

TEST(DepthLivenessTest, FaceReliefPasses) {
    for (int relief : {20, 35}) {
        const LivenessVerdict verdict = judgeDepth(reliefDepth(kFrameSize, kFace, 500, relief, 1.5), "relief");
        EXPECT_EQ(verdict.state, LivenessVerdict::State::Live) << relief << " mm";
        EXPECT_GE(verdict.score, 50);
    }
}

TEST(DepthLivenessTest, FlatPhotoIsRejected) {
    const LivenessVerdict verdict = judgeDepth(flatDepth(kFrameSize, 500, 0, 1.5), "flat");
    EXPECT_EQ(verdict.state, LivenessVerdict::State::NotLive);
    EXPECT_LT(verdict.score, 50);
}

TEST(DepthLivenessTest, TiltedFlatPhotoIsRejected) {
    for (double tilt : {20.0, 45.0, -35.0}) {
        const LivenessVerdict verdict = judgeDepth(flatDepth(kFrameSize, 450, tilt, 1.5), "tilted flat");
        EXPECT_EQ(verdict.state, LivenessVerdict::State::NotLive) << tilt << " degrees";
    }
}

TEST(DepthLivenessTest, MissingDepthIsNotLive) {
    cv::Mat holes(kFrameSize, CV_16UC1, cv::Scalar(0));
    EXPECT_EQ(judgeDepth(holes, "no readings").state, LivenessVerdict::State::NotLive);
    LivenessChecker checker(LivenessMode::Depth, nullptr);
    drivers::CameraFrame noDepth;
    noDepth.color = emptyFrame();
    EXPECT_EQ(checker.evaluate(noDepth, kFace).state, LivenessVerdict::State::NotLive);
}

class InfraredLivenessTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto haar = HaarFaceDetector::create();
        ASSERT_TRUE(haar.ok());
        detector = std::move(haar.value());
        portrait = loadImage(QStringLiteral("face-1.jpg"));
        ASSERT_FALSE(portrait.empty()) << "no test images in $FACEPOS_TEST_IMAGES";
    }

    std::unique_ptr<HaarFaceDetector> detector;
    cv::Mat portrait;
};

TEST_F(InfraredLivenessTest, FaceInTheInfraredFramePasses) {
    drivers::CameraFrame frame;
    frame.color = composeFrame(portrait);
    const auto faces = detector->detect(frame.color);
    ASSERT_EQ(faces.size(), 1U);
    // A near-infrared camera sees the face as a grey, lower-contrast image.
    cv::Mat grey;
    cv::cvtColor(frame.color, grey, cv::COLOR_BGR2GRAY);
    grey.convertTo(frame.infrared, CV_8UC1, 0.6, 20);
    LivenessChecker checker(LivenessMode::Infrared, detector.get());
    const LivenessVerdict verdict = checker.evaluate(frame, faces[0].box);
    std::printf("infrared face: IoU %.2f score %d\n", verdict.measure, verdict.score);
    EXPECT_EQ(verdict.state, LivenessVerdict::State::Live);
    EXPECT_GE(verdict.score, 50);
}

TEST_F(InfraredLivenessTest, BlackInfraredFrameIsRejected) {
    drivers::CameraFrame frame;
    frame.color = composeFrame(portrait);
    frame.infrared = cv::Mat(frame.color.size(), CV_8UC1, cv::Scalar(0));  // a screen: nothing in near infrared
    const auto faces = detector->detect(frame.color);
    ASSERT_EQ(faces.size(), 1U);
    LivenessChecker checker(LivenessMode::Infrared, detector.get());
    const LivenessVerdict verdict = checker.evaluate(frame, faces[0].box);
    EXPECT_EQ(verdict.state, LivenessVerdict::State::NotLive);
    EXPECT_LT(verdict.score, 50);
}

TEST_F(InfraredLivenessTest, InfraredFaceElsewhereIsRejected) {
    drivers::CameraFrame frame;
    frame.color = composeFrame(portrait, 0.6, {-150, 0});
    cv::Mat grey;
    cv::cvtColor(composeFrame(portrait, 0.6, {150, 0}), grey, cv::COLOR_BGR2GRAY);
    frame.infrared = grey;
    const auto faces = detector->detect(frame.color);
    ASSERT_EQ(faces.size(), 1U);
    LivenessChecker checker(LivenessMode::Infrared, detector.get());
    EXPECT_EQ(checker.evaluate(frame, faces[0].box).state, LivenessVerdict::State::NotLive);
}

class ChallengeLivenessTest : public InfraredLivenessTest {
protected:
    // Runs the challenge over frames of the portrait at the given horizontal offsets (pixels), each with fresh
    // sensor noise, as the session does: the detector's box of each frame.
    LivenessVerdict run(const std::vector<int>& offsets) {
        LivenessChecker checker(LivenessMode::Challenge, nullptr);
        LivenessVerdict verdict;
        int seed = 1;
        for (int dx : offsets) {
            drivers::CameraFrame frame;
            frame.color = noisy(composeFrame(portrait, 0.9, {dx, 0}), 6, seed++);
            const auto faces = detector->detect(frame.color);
            if (faces.empty()) continue;
            verdict = checker.evaluate(frame, faces[std::size_t(largestFace(faces))].box);
        }
        std::printf("challenge over %zu frames: max move %.3f of the face width, score %d, %s\n", offsets.size(),
                    verdict.measure, verdict.score, verdict.state == LivenessVerdict::State::Live ? "live" : "pending");
        return verdict;
    }

    static int largestFace(const std::vector<FaceDetection>& faces) {
        int best = 0;
        for (int i = 1; i < int(faces.size()); ++i) {
            if (faces[i].box.area() > faces[best].box.area()) best = i;
        }
        return best;
    }
};

TEST_F(ChallengeLivenessTest, HeadMovingAndComingBackPasses) {
    // A turn of the head: the face slides about 20 % of its width to one side and back, over about a second.
    std::vector<int> offsets;
    for (int i = 0; i <= 8; ++i) offsets.push_back(i * 6);
    for (int i = 8; i >= 0; --i) offsets.push_back(i * 6);
    for (int i = 0; i < 5; ++i) offsets.push_back(0);
    const LivenessVerdict verdict = run(offsets);
    EXPECT_EQ(verdict.state, LivenessVerdict::State::Live);
    EXPECT_GE(verdict.score, 60);
}

TEST_F(ChallengeLivenessTest, StillPhotoDoesNotPass) {
    const LivenessVerdict verdict = run(std::vector<int>(45, 0));
    EXPECT_EQ(verdict.state, LivenessVerdict::State::Pending);
    EXPECT_LT(verdict.score, 50);
}

TEST_F(ChallengeLivenessTest, MovingAwayWithoutComingBackDoesNotPass) {
    std::vector<int> offsets;
    for (int i = 0; i <= 8; ++i) offsets.push_back(i * 6);
    for (int i = 0; i < 10; ++i) offsets.push_back(48);
    EXPECT_EQ(run(offsets).state, LivenessVerdict::State::Pending);
}

}  // namespace
}  // namespace facepos::face
