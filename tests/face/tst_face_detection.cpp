// Face detection on the real photos with generated variations (scale, blur, brightness, rotation, noise), and on
// photos without a face. The floors asserted are the rates measured here (docs/face-pay.md), less a margin.
#include <gtest/gtest.h>

#include <QString>
#include <QStringList>
#include <cstdio>
#include <functional>
#include <string>

#include "app/face/haar_face_detector.h"
#include "app/face/yunet_face_detector.h"
#include "face_test_support.h"

namespace facepos::face {
namespace {

using namespace facepos::face::testing;

const QStringList kFacePhotos = {QStringLiteral("face-1.jpg"), QStringLiteral("face-2.jpg"),
                                 QStringLiteral("face-3.png"), QStringLiteral("face-4.png")};
const QStringList kNonFacePhotos = {QStringLiteral("nonface-fruits.jpg"), QStringLiteral("nonface-home.jpg"),
                                    QStringLiteral("nonface-butterfly.jpg"), QStringLiteral("nonface-coffee.png"),
                                    QStringLiteral("nonface-cat.png")};

struct Variation {
    std::string name;
    std::function<cv::Mat(const cv::Mat& photo)> make;
};

std::vector<Variation> variations() {
    std::vector<Variation> list;
    for (double scale : {0.5, 0.75, 1.0, 1.25, 1.5}) {
        list.push_back({"scale " + std::to_string(scale).substr(0, 4),
                        [scale](const cv::Mat& p) { return composeFrame(p, scale); }});
    }
    for (double sigma : {2.0, 4.0}) {
        list.push_back({"blur sigma " + std::to_string(int(sigma)),
                        [sigma](const cv::Mat& p) { return blurred(composeFrame(p), sigma); }});
    }
    for (double factor : {0.3, 0.6, 1.4, 1.7}) {
        list.push_back({"brightness x" + std::to_string(factor).substr(0, 3),
                        [factor](const cv::Mat& p) { return brightness(composeFrame(p), factor); }});
    }
    for (double degrees : {-15.0, -8.0, 8.0, 15.0}) {
        list.push_back({"rotation " + std::to_string(int(degrees)),
                        [degrees](const cv::Mat& p) { return rotated(composeFrame(p), degrees); }});
    }
    for (double sigma : {10.0, 25.0}) {
        list.push_back({"noise sigma " + std::to_string(int(sigma)),
                        [sigma](const cv::Mat& p) { return noisy(composeFrame(p), sigma, 7); }});
    }
    return list;
}

// Runs every variation of every face photo; prints the table; returns the share of frames with exactly one face
// (`single`) and with at least one (`any`).
void detectionTable(IFaceDetector& detector, double& any, double& single) {
    int frames = 0;
    int found = 0;
    int one = 0;
    std::printf("%-18s", "variation");
    for (const QString& name : kFacePhotos) std::printf(" %-11s", qPrintable(name));
    std::printf("\n");
    for (const Variation& variation : variations()) {
        std::printf("%-18s", variation.name.c_str());
        for (const QString& name : kFacePhotos) {
            const cv::Mat photo = loadImage(name);
            const auto faces = detector.detect(variation.make(photo));
            ++frames;
            if (!faces.empty()) ++found;
            if (faces.size() == 1) ++one;
            std::printf(" %-11zu", faces.size());
        }
        std::printf("\n");
    }
    any = double(found) / frames;
    single = double(one) / frames;
    std::printf("%s: %d frames, at least one face in %.2f, exactly one in %.2f\n", qPrintable(detector.name()), frames,
                any, single);
}

double falsePositives(IFaceDetector& detector) {
    int frames = 0;
    int withFace = 0;
    for (const QString& name : kNonFacePhotos) {
        const cv::Mat photo = loadImage(name);
        for (const cv::Mat& frame : {composeFrame(photo, 1.0), composeFrame(photo, 0.6),
                                     noisy(composeFrame(photo), 10, 3), brightness(composeFrame(photo), 0.6)}) {
            const auto faces = detector.detect(frame);
            ++frames;
            if (!faces.empty()) {
                ++withFace;
                std::printf("false positive on %s: %zu box(es), first %dx%d\n", qPrintable(name), faces.size(),
                            faces[0].box.width, faces[0].box.height);
            }
        }
    }
    std::printf("%s: faces found on %d of %d non-face frames\n", qPrintable(detector.name()), withFace, frames);
    return double(withFace) / frames;
}

class FaceDetectionTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (loadImage(QStringLiteral("face-1.jpg")).empty()) FAIL() << "no test images in $FACEPOS_TEST_IMAGES";
    }
};

TEST_F(FaceDetectionTest, HaarFindsTheFacesOfTheVariedPhotos) {
    auto detector = HaarFaceDetector::create();
    ASSERT_TRUE(detector.ok()) << qPrintable(detector.error().message);
    double any = 0;
    double single = 0;
    detectionTable(*detector.value(), any, single);
    // Measured: 0.90 and 0.90 (misses: face-3 at scales 0.5, 0.75, 1.5 and -8 degrees, face-4 at 0.5, both at -15
    // degrees).
    EXPECT_GE(any, 0.82);
    EXPECT_GE(single, 0.82);
}

TEST_F(FaceDetectionTest, HaarFindsNoFaceOnPhotosWithoutFaces) {
    auto detector = HaarFaceDetector::create();
    ASSERT_TRUE(detector.ok());
    EXPECT_LE(falsePositives(*detector.value()), 0.05);  // measured: 0 of 20
}

TEST_F(FaceDetectionTest, YunetFindsTheFacesOfTheVariedPhotos) {
    if (!haveYunetModel()) GTEST_SKIP() << "YuNet model absent: " << qPrintable(yunetModelPath());
    auto detector = YunetFaceDetector::create(yunetModelPath());
    ASSERT_TRUE(detector.ok()) << qPrintable(detector.error().message);
    double any = 0;
    double single = 0;
    detectionTable(*detector.value(), any, single);
    EXPECT_GE(any, 0.95);  // measured: 1.00 and 1.00
    EXPECT_GE(single, 0.95);
}

TEST_F(FaceDetectionTest, YunetFindsNoFaceOnPhotosWithoutFaces) {
    if (!haveYunetModel()) GTEST_SKIP() << "YuNet model absent: " << qPrintable(yunetModelPath());
    auto detector = YunetFaceDetector::create(yunetModelPath());
    ASSERT_TRUE(detector.ok());
    // Measured: 2 of 20, both on the cat's face (a face, if not a person's: the pipeline's gates and liveness follow).
    EXPECT_LE(falsePositives(*detector.value()), 0.15);
}

TEST(FaceDetectorTest, YunetIgnoresInputsTooSmallForIt) {
    if (!haveYunetModel()) GTEST_SKIP() << "YuNet model absent: " << qPrintable(yunetModelPath());
    auto detector = YunetFaceDetector::create(yunetModelPath());
    ASSERT_TRUE(detector.ok());
    for (const cv::Size size : {cv::Size(10, 10), cv::Size(63, 200), cv::Size(640, 20), cv::Size(64, 64)}) {
        EXPECT_NO_THROW(detector.value()->detect(cv::Mat(size, CV_8UC3, cv::Scalar(90, 90, 90))));
    }
}

TEST(FaceDetectorTest, OddFramesGiveNoFaceInsteadOfThrowing) {
    auto detector = HaarFaceDetector::create();
    ASSERT_TRUE(detector.ok());
    EXPECT_TRUE(detector.value()->detect(cv::Mat()).empty());
    EXPECT_TRUE(detector.value()->detect(cv::Mat(480, 640, CV_32FC1, cv::Scalar(0))).empty());
    EXPECT_TRUE(detector.value()->detect(cv::Mat(3, 3, CV_8UC3, cv::Scalar(0))).empty());
    FaceDetection outside;
    outside.box = cv::Rect(600, 400, 200, 200);
    EXPECT_NO_THROW(detector.value()->findEyes(cv::Mat(480, 640, CV_8UC3, cv::Scalar(0)), outside));
}

TEST(FaceDetectorTest, MissingModelOrCascadeIsDetectorFailed) {
    auto haar = HaarFaceDetector::create(QStringLiteral("/nonexistent/cascade.xml"));
    ASSERT_FALSE(haar.ok());
    EXPECT_EQ(haar.error().code, QStringLiteral("face.detector_failed"));
    auto yunet = createFaceDetector(QStringLiteral("/nonexistent/yunet.onnx"), {});
    ASSERT_FALSE(yunet.ok());
    EXPECT_EQ(yunet.error().code, QStringLiteral("face.detector_failed"));
}

}  // namespace
}  // namespace facepos::face
