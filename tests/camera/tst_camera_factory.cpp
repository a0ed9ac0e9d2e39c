// createCamera() for each devices.camera value and the depth / infrared settings.
#include "camera_test_support.h"
#include "drivers/camera/camera_factory.h"
#include "drivers/camera/depth_camera.h"
#include "drivers/camera/file_camera.h"
#include "drivers/camera/simulated_depth_source.h"
#include "drivers/camera/v4l2_camera.h"

using namespace facepos::drivers;
using namespace facepos::camera_test;

namespace {

TEST(CameraFactory, V4l2DefaultsToVideo0AndTakesTheConfiguredMode) {
    auto camera = createCamera(settingsWith({QStringLiteral("devices.camera=v4l2"), QStringLiteral("camera.width=1280"),
                                             QStringLiteral("camera.height=720"), QStringLiteral("camera.fps=25")}));
    ASSERT_TRUE(camera.ok()) << camera.error().message.toStdString();
    ASSERT_NE(dynamic_cast<V4l2Camera*>(camera.value().get()), nullptr);
    const CameraInfo info = camera.value()->info();
    EXPECT_EQ(info.description, QStringLiteral("/dev/video0"));
    EXPECT_EQ(info.width, 1280);
    EXPECT_EQ(info.height, 720);
    EXPECT_EQ(info.fps, 25);
    EXPECT_FALSE(camera.value()->isOpen());  // nothing is opened by the factory
}

TEST(CameraFactory, V4l2UsesTheConfiguredDevice) {
    auto camera = createCamera(
        settingsWith({QStringLiteral("devices.camera=v4l2"), QStringLiteral("devices.camera_source=/dev/video2")}));
    ASSERT_TRUE(camera.ok());
    EXPECT_EQ(camera.value()->info().description, QStringLiteral("/dev/video2"));
}

TEST(CameraFactory, SimulatedPlaysTheConfiguredSource) {
    auto camera = createCamera(settingsWith(
        {QStringLiteral("devices.camera=simulated"), QStringLiteral("devices.camera_source=/srv/frames")}));
    ASSERT_TRUE(camera.ok());
    auto* file = dynamic_cast<FileCamera*>(camera.value().get());
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(file->info().description, QStringLiteral("/srv/frames"));
    EXPECT_FALSE(file->info().depth);
}

TEST(CameraFactory, SimulatedWithoutSourceIsNotConfigured) {
    auto camera = createCamera(facepos::Settings::defaults());  // devices.camera=simulated, no source
    ASSERT_FALSE(camera.ok());
    EXPECT_EQ(camera.error().code, QStringLiteral("camera.not_configured"));
    EXPECT_TRUE(camera.error().message.contains(QStringLiteral("devices.camera_source")));
}

TEST(CameraFactory, NoneGivesNoCamera) {
    auto camera = createCamera(settingsWith({QStringLiteral("devices.camera=none")}));
    ASSERT_TRUE(camera.ok());
    EXPECT_EQ(camera.value(), nullptr);
}

TEST(CameraFactory, DriverArgumentOverridesTheSetting) {
    auto camera = createCamera(
        QStringLiteral("simulated"),
        settingsWith({QStringLiteral("devices.camera=none"), QStringLiteral("devices.camera_source=/srv/frames")}));
    ASSERT_TRUE(camera.ok());
    EXPECT_NE(dynamic_cast<FileCamera*>(camera.value().get()), nullptr);
}

TEST(CameraFactory, SimulatedDepthAndInfraredWrapTheCamera) {
    auto camera = createCamera(
        settingsWith({QStringLiteral("devices.camera=simulated"), QStringLiteral("devices.camera_source=/srv/frames"),
                      QStringLiteral("camera.depth=simulated"), QStringLiteral("camera.infrared=simulated"),
                      QStringLiteral("camera.simulated_scene=screen")}));
    ASSERT_TRUE(camera.ok());
    auto* depth = dynamic_cast<DepthCamera*>(camera.value().get());
    ASSERT_NE(depth, nullptr);
    EXPECT_NE(dynamic_cast<FileCamera*>(&depth->colorCamera()), nullptr);
    auto* source = dynamic_cast<SimulatedDepthSource*>(&depth->depthSource());
    ASSERT_NE(source, nullptr);
    EXPECT_EQ(source->scene(), SimulatedDepthSource::Scene::Screen);
    EXPECT_TRUE(depth->info().depth);
    EXPECT_TRUE(depth->info().infrared);
}

TEST(CameraFactory, InfraredOnlyOnV4l2) {
    auto camera = createCamera(
        settingsWith({QStringLiteral("devices.camera=v4l2"), QStringLiteral("camera.infrared=simulated")}));
    ASSERT_TRUE(camera.ok());
    auto* depth = dynamic_cast<DepthCamera*>(camera.value().get());
    ASSERT_NE(depth, nullptr);
    EXPECT_NE(dynamic_cast<V4l2Camera*>(&depth->colorCamera()), nullptr);
    EXPECT_FALSE(depth->info().depth);
    EXPECT_TRUE(depth->info().infrared);
}

TEST(CameraFactory, DepthFilesMakeTheFileCameraLoadThem) {
    auto camera = createCamera(
        settingsWith({QStringLiteral("devices.camera=simulated"), QStringLiteral("devices.camera_source=/srv/frames"),
                      QStringLiteral("camera.depth=files")}));
    ASSERT_TRUE(camera.ok());
    ASSERT_NE(dynamic_cast<FileCamera*>(camera.value().get()), nullptr);
    EXPECT_TRUE(camera.value()->info().depth);
}

TEST(CameraFactory, DepthFilesWithV4l2IsAConfigurationError) {
    auto camera =
        createCamera(settingsWith({QStringLiteral("devices.camera=v4l2"), QStringLiteral("camera.depth=files")}));
    ASSERT_FALSE(camera.ok());
    EXPECT_EQ(camera.error().code, QStringLiteral("camera.bad_config"));
}

}  // namespace
