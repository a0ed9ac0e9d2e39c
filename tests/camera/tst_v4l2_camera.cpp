// V4l2Camera on the paths this machine has: a /dev/video node that does not exist, a regular file, and a character
// device that is no video device. A real camera is verified only on hardware (docs/camera.md).
#include <gtest/gtest.h>

#include <QTemporaryFile>

#include "drivers/camera/v4l2_camera.h"

using namespace facepos::drivers;

namespace {

V4l2CameraConfig configFor(const QString& device) {
    V4l2CameraConfig config;
    config.device = device;
    return config;
}

TEST(V4l2Camera, MissingNodeIsNotFound) {
    V4l2Camera camera(configFor(QStringLiteral("/dev/video87")));
    auto opened = camera.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("camera.not_found"));
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("/dev/video87")));
    EXPECT_FALSE(camera.isOpen());
}

TEST(V4l2Camera, RegularFileIsNotAVideoDevice) {
    QTemporaryFile file;
    ASSERT_TRUE(file.open());
    file.write("not a camera");
    file.flush();
    V4l2Camera camera(configFor(file.fileName()));
    auto opened = camera.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("camera.open_failed"));
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("not a video device")));
}

TEST(V4l2Camera, CharacterDeviceThatIsNoCameraFailsToOpen) {
    // /dev/null passes the character-device check; OpenCV's V4L2 backend then finds no video capability.
    V4l2Camera camera(configFor(QStringLiteral("/dev/null")));
    auto opened = camera.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("camera.open_failed"));
    EXPECT_FALSE(camera.isOpen());
}

TEST(V4l2Camera, ReadWithoutOpenIsUnplugged) {
    V4l2Camera camera(configFor(QStringLiteral("/dev/video87")));
    auto frame = camera.read();
    ASSERT_FALSE(frame.ok());
    EXPECT_EQ(frame.error().code, QStringLiteral("camera.unplugged"));
}

TEST(V4l2Camera, InfoDescribesTheRequestedMode) {
    V4l2CameraConfig config = configFor(QStringLiteral("/dev/video87"));
    config.width = 1280;
    config.height = 720;
    config.fps = 25;
    const CameraInfo info = V4l2Camera(config).info();
    EXPECT_EQ(info.backend, QStringLiteral("v4l2"));
    EXPECT_EQ(info.description, QStringLiteral("/dev/video87"));
    EXPECT_EQ(info.width, 1280);
    EXPECT_EQ(info.height, 720);
    EXPECT_EQ(info.fps, 25);
    EXPECT_FALSE(info.depth || info.infrared);
}

}  // namespace
