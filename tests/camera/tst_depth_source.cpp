// Generated depth maps (relief vs flat), SimulatedDepthSource's scenes, and DepthCamera adding the planes to the
// frames of a real FileCamera.
#include <QTemporaryDir>
#include <cstdint>
#include <opencv2/imgproc.hpp>

#include "camera_test_support.h"
#include "drivers/camera/depth_camera.h"
#include "drivers/camera/depth_maps.h"
#include "drivers/camera/file_camera.h"
#include "drivers/camera/simulated_depth_source.h"

using namespace facepos::drivers;
using namespace facepos::camera_test;

namespace {

using Scene = SimulatedDepthSource::Scene;

int at(const cv::Mat& depth, cv::Point p) {
    return depth.at<std::uint16_t>(p);
}

// Largest deviation of `depth` inside `rect` from the plane through its rows (depth linear in x): 0 for a flat,
// turned photo; the relief depth for a face.
double planeResidual(const cv::Mat& depth, cv::Rect rect) {
    double worst = 0;
    for (int y = rect.y; y < rect.y + rect.height; ++y) {
        const double left = at(depth, {rect.x, y});
        const double right = at(depth, {rect.x + rect.width - 1, y});
        for (int x = rect.x; x < rect.x + rect.width; ++x) {
            const double plane = left + (right - left) * (x - rect.x) / (rect.width - 1);
            worst = std::max(worst, std::abs(at(depth, {x, y}) - plane));
        }
    }
    return worst;
}

cv::Mat colourFrame() {
    cv::Mat photo = readPhoto(QDir(imagesDir()).filePath(QStringLiteral("face-1.jpg")));
    if (photo.empty()) return {};
    cv::Mat frame;
    cv::resize(photo, frame, cv::Size(640, 480));
    return frame;
}

TEST(DepthMaps, ReliefBulgesTowardsTheCameraInsideTheFaceOnly) {
    const cv::Rect face(200, 100, 200, 260);
    const cv::Mat depth = makeReliefDepth(cv::Size(640, 480), face, 500, 35);
    ASSERT_EQ(depth.type(), CV_16UC1);
    EXPECT_EQ(at(depth, {300, 230}), 465);                    // apex, the centre of the face
    EXPECT_EQ(at(depth, {10, 10}), 500);                      // background
    EXPECT_EQ(at(depth, {face.x + 1, face.y + 1}), 500);      // the rectangle's corner is outside the ellipse
    EXPECT_LT(at(depth, {300, 230}), at(depth, {250, 230}));  // nearer at the nose than towards the cheek
    EXPECT_LT(at(depth, {250, 230}), 500);
    EXPECT_GE(planeResidual(depth, face), 30);
}

TEST(DepthMaps, FlatPlaneIsLinearAndTiltTurnsIt) {
    const cv::Mat straight = makeFlatDepth(cv::Size(640, 480), 500, 0);
    double minValue = 0, maxValue = 0;
    cv::minMaxLoc(straight, &minValue, &maxValue);
    EXPECT_EQ(minValue, 500);
    EXPECT_EQ(maxValue, 500);

    const cv::Mat turned = makeFlatDepth(cv::Size(640, 480), 500, 10);
    EXPECT_LT(at(turned, {0, 240}), 500);
    EXPECT_GT(at(turned, {639, 240}), 500);
    EXPECT_NEAR(at(turned, {320, 240}), 500, 1);
    EXPECT_NEAR(at(turned, {639, 240}) - 500, 51, 2);  // 60° field of view, 10° turn
    EXPECT_LE(planeResidual(turned, cv::Rect(0, 0, 640, 480)), 1.0);
}

TEST(DepthMaps, EmptyFaceGivesTheFlatBackground) {
    const cv::Mat depth = makeReliefDepth(cv::Size(64, 48), cv::Rect(), 700, 35);
    double minValue = 0, maxValue = 0;
    cv::minMaxLoc(depth, &minValue, &maxValue);
    EXPECT_EQ(minValue, 700);
    EXPECT_EQ(maxValue, 700);
}

TEST(SimulatedDepthSource, LiveSceneHasAFaceReliefInTheCentralEllipse) {
    const cv::Mat color = colourFrame();
    ASSERT_FALSE(color.empty()) << "no test images in $FACEPOS_TEST_IMAGES";
    SimulatedDepthSource source(Scene::Live, true, true);
    const cv::Mat depth = source.depthFor(color);
    ASSERT_EQ(depth.size(), color.size());
    const cv::Rect face = centralFaceRect(color.size());
    EXPECT_GE(planeResidual(depth, face), 30);
    EXPECT_LE(planeResidual(depth, face), 40);
    EXPECT_EQ(at(depth, {5, 5}), SimulatedDepthSource::kBackgroundMm);
}

TEST(SimulatedDepthSource, PhotoAndScreenScenesAreFlat) {
    const cv::Mat color = colourFrame();
    ASSERT_FALSE(color.empty());
    const cv::Rect face = centralFaceRect(color.size());
    for (Scene scene : {Scene::Photo, Scene::Screen}) {
        SimulatedDepthSource source(scene, true, false);
        const cv::Mat depth = source.depthFor(color);
        ASSERT_EQ(depth.size(), color.size());
        EXPECT_LE(planeResidual(depth, face), 1.0);
        EXPECT_TRUE(source.infraredFor(color).empty());  // infrared not asked for
    }
}

TEST(SimulatedDepthSource, InfraredShowsFacesAndPaperButNotScreens) {
    const cv::Mat color = colourFrame();
    ASSERT_FALSE(color.empty());
    cv::Mat grey;
    cv::cvtColor(color, grey, cv::COLOR_BGR2GRAY);
    for (Scene scene : {Scene::Live, Scene::Photo}) {
        SimulatedDepthSource source(scene, false, true);
        const cv::Mat infrared = source.infraredFor(color);
        ASSERT_EQ(infrared.type(), CV_8UC1);
        EXPECT_TRUE(sameImage(infrared, grey));
        EXPECT_TRUE(source.depthFor(color).empty());
    }
    SimulatedDepthSource screen(Scene::Screen, false, true);
    const cv::Mat dark = screen.infraredFor(color);
    double maxValue = 0;
    cv::minMaxLoc(dark, nullptr, &maxValue);
    EXPECT_LE(maxValue, 8);
}

TEST(SimulatedDepthSource, SceneNames) {
    EXPECT_EQ(SimulatedDepthSource::sceneFromName(QStringLiteral("live")), Scene::Live);
    EXPECT_EQ(SimulatedDepthSource::sceneFromName(QStringLiteral("photo")), Scene::Photo);
    EXPECT_EQ(SimulatedDepthSource::sceneFromName(QStringLiteral("screen")), Scene::Screen);
    EXPECT_FALSE(SimulatedDepthSource::sceneFromName(QStringLiteral("mask")).has_value());
}

TEST(DepthCamera, AddsDepthAndInfraredToEachColourFrame) {
    FileCameraConfig config;
    config.source = imagesDir();
    config.fps = 120;
    DepthCamera camera(std::make_unique<FileCamera>(config),
                       std::make_unique<SimulatedDepthSource>(Scene::Live, true, true));
    EXPECT_TRUE(camera.info().depth);
    EXPECT_TRUE(camera.info().infrared);
    ASSERT_OPENS(camera);
    EXPECT_TRUE(camera.isOpen());
    for (int i = 1; i <= 3; ++i) {
        auto frame = camera.read();
        ASSERT_TRUE(frame.ok()) << frame.error().message.toStdString();
        EXPECT_EQ(frame->sequence, i);
        ASSERT_TRUE(frame->hasDepth() && frame->hasInfrared());
        EXPECT_EQ(frame->depth.size(), frame->color.size());
        EXPECT_EQ(frame->infrared.size(), frame->color.size());
    }
    camera.close();
    EXPECT_FALSE(camera.isOpen());
}

TEST(DepthCamera, KeepsTheDepthFilesAndAddsOnlyInfrared) {
    QTemporaryDir dir;
    ASSERT_TRUE(copyPhotos(dir.path(), {QStringLiteral("face-1.jpg")}));
    const cv::Mat flat = makeFlatDepth(cv::Size(640, 480), 612, 0);
    ASSERT_TRUE(cv::imwrite(QFile::encodeName(dir.filePath(QStringLiteral("face-1.depth.png"))).toStdString(), flat));
    FileCameraConfig config;
    config.source = dir.path();
    config.fps = 120;
    config.depthFiles = true;
    DepthCamera camera(std::make_unique<FileCamera>(config),
                       std::make_unique<SimulatedDepthSource>(Scene::Live, false, true));
    ASSERT_OPENS(camera);
    auto frame = camera.read();
    ASSERT_TRUE(frame.ok());
    ASSERT_TRUE(frame->hasDepth() && frame->hasInfrared());
    EXPECT_EQ(at(frame->depth, {320, 240}), 612);  // from the file, not the simulated relief
    EXPECT_TRUE(camera.info().depth && camera.info().infrared);
}

}  // namespace
