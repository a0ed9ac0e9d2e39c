// FileCamera on real files: a folder of the photos of scripts/fetch-test-images, a single photo, an MJPG video written
// here with cv::VideoWriter, undecodable files, depth files, and the folder removed or emptied while reading.
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "camera_test_support.h"
#include "drivers/camera/depth_maps.h"
#include "drivers/camera/file_camera.h"
#include "drivers/camera/frame_utils.h"

using namespace facepos::drivers;
using namespace facepos::camera_test;
using facepos::makeError;
using facepos::Result;

namespace {

FileCameraConfig configFor(const QString& source, double fps = 120) {
    FileCameraConfig config;
    config.source = source;
    config.fps = fps;
    return config;
}

// The frame FileCamera must deliver for `path`: the photo cropped to fill 640×480.
cv::Mat expectedFrame(const QString& path) {
    return fitToSize(readPhoto(path), cv::Size(640, 480), cv::INTER_AREA);
}

TEST(FileCamera, FolderPlaysEveryPhotoInNameOrderThenLoops) {
    const QStringList names = photoNames();
    ASSERT_GE(names.size(), 10) << "no test images in $FACEPOS_TEST_IMAGES";
    FileCamera camera(configFor(imagesDir()));
    ASSERT_OPENS(camera);
    EXPECT_EQ(camera.kind(), FileCamera::Kind::Folder);
    EXPECT_EQ(camera.info().backend, QStringLiteral("folder"));

    for (qsizetype i = 0; i < names.size() + 2; ++i) {
        auto frame = camera.read();
        ASSERT_TRUE(frame.ok()) << frame.error().message.toStdString();
        EXPECT_EQ(frame->sequence, i + 1);
        EXPECT_EQ(frame->color.type(), CV_8UC3);
        EXPECT_EQ(frame->color.size(), cv::Size(640, 480));
        EXPECT_FALSE(frame->hasDepth());
        const QString expected = QDir(imagesDir()).filePath(names.at(i % names.size()));
        EXPECT_TRUE(sameImage(frame->color, expectedFrame(expected)))
            << "frame " << i + 1 << " is not " << expected.toStdString();
    }
    EXPECT_EQ(camera.skippedImages(), 0);
}

TEST(FileCamera, FramesAreScaledToTheConfiguredSizeByCroppingTheCentre) {
    FileCameraConfig config = configFor(QDir(imagesDir()).filePath(QStringLiteral("face-1.jpg")));
    config.size = cv::Size(320, 320);
    FileCamera camera(config);
    ASSERT_OPENS(camera);
    auto frame = camera.read();
    ASSERT_TRUE(frame.ok());
    EXPECT_EQ(frame->color.size(), cv::Size(320, 320));
    // A square crop of the centre: scaling it back up matches the photo's centre, not a letterboxed image with bars.
    const cv::Mat photo = readPhoto(config.source);
    const int side = std::min(photo.cols, photo.rows);
    cv::Mat centre;
    cv::resize(photo(cv::Rect((photo.cols - side) / 2, (photo.rows - side) / 2, side, side)), centre,
               cv::Size(320, 320), 0, 0, cv::INTER_AREA);
    EXPECT_TRUE(sameImage(frame->color, centre));
}

TEST(FileCamera, ReadIsPacedAtTheConfiguredFrameRate) {
    FileCamera camera(configFor(imagesDir(), 50));  // 20 ms apart
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    ASSERT_OPENS(camera);
    auto first = camera.read();
    ASSERT_TRUE(first.ok());
    qint64 last = first->timestampMs;
    for (int i = 0; i < 10; ++i) {
        auto frame = camera.read();
        ASSERT_TRUE(frame.ok());
        EXPECT_GE(frame->timestampMs, last);
        last = frame->timestampMs;
    }
    // Frame k is due k intervals after open() and sleep_until never wakes early: eleven frames take ten intervals
    // of 20 ms at least. (Between two frames it may be less: a late frame is followed by one on schedule.)
    EXPECT_GE(sinceOpen.elapsed(), 10 * 20);
}

TEST(FileCamera, SingleImageRepeatsAsFreshBuffers) {
    const QString path = QDir(imagesDir()).filePath(QStringLiteral("face-2.jpg"));
    FileCamera camera(configFor(path));
    ASSERT_OPENS(camera);
    EXPECT_EQ(camera.kind(), FileCamera::Kind::Image);
    EXPECT_EQ(camera.info().backend, QStringLiteral("file"));
    auto first = camera.read();
    auto second = camera.read();
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(second->sequence, 2);
    EXPECT_TRUE(sameImage(first->color, expectedFrame(path)));
    EXPECT_TRUE(sameImage(second->color, first->color));
    // Each frame owns its pixels: wiping one (as CameraService does) leaves the next intact.
    EXPECT_NE(first->color.data, second->color.data);
    first->color.setTo(cv::Scalar::all(0));
    auto third = camera.read();
    ASSERT_TRUE(third.ok());
    EXPECT_TRUE(sameImage(third->color, second->color));
}

TEST(FileCamera, SingleImageWithoutLoopingEndsAfterOneFrame) {
    FileCameraConfig config = configFor(QDir(imagesDir()).filePath(QStringLiteral("face-2.jpg")));
    config.loop = false;
    FileCamera camera(config);
    ASSERT_OPENS(camera);
    ASSERT_TRUE(camera.read().ok());
    auto end = camera.read();
    ASSERT_FALSE(end.ok());
    EXPECT_EQ(end.error().code, QStringLiteral("camera.end"));
}

TEST(FileCamera, MjpgVideoWrittenByVideoWriterPlaysAndLoops) {
    // GIVEN an MJPG .avi of 12 frames, frame i a uniform grey of 20 * i (Debian's OpenCV writes it with its own
    // AVI muxer, no FFmpeg needed)
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("clip.avi"));
    {
        cv::VideoWriter writer(QFile::encodeName(path).toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 15,
                               cv::Size(320, 240));
        ASSERT_TRUE(writer.isOpened()) << "this OpenCV cannot write MJPG AVI";
        for (int i = 1; i <= 12; ++i) writer.write(cv::Mat(240, 320, CV_8UC3, cv::Scalar::all(20 * i)));
    }
    // WHEN it is played as the camera
    FileCamera camera(configFor(path));
    ASSERT_OPENS(camera);
    EXPECT_EQ(camera.kind(), FileCamera::Kind::Video);
    EXPECT_EQ(camera.info().backend, QStringLiteral("video"));
    // THEN the 12 frames come in order at the configured size, then the first again
    for (int i = 1; i <= 14; ++i) {
        auto frame = camera.read();
        ASSERT_TRUE(frame.ok()) << frame.error().message.toStdString();
        EXPECT_EQ(frame->color.size(), cv::Size(640, 480));
        const int expected = 20 * ((i - 1) % 12 + 1);
        EXPECT_NEAR(cv::mean(frame->color)[0], expected, 4.0) << "frame " << i;
    }
}

TEST(FileCamera, VideoRemovedWhilePlayingIsUnplugged) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clip.avi"));
    {
        cv::VideoWriter writer(QFile::encodeName(path).toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 15,
                               cv::Size(160, 120));
        ASSERT_TRUE(writer.isOpened());
        for (int i = 0; i < 3; ++i) writer.write(cv::Mat(120, 160, CV_8UC3, cv::Scalar::all(100)));
    }
    FileCamera camera(configFor(path));
    ASSERT_OPENS(camera);
    ASSERT_TRUE(QFile::remove(path));
    Result<CameraFrame> frame = makeError(QString(), QString());
    for (int i = 0; i < 5 && (frame = camera.read()).ok(); ++i) {
    }
    ASSERT_FALSE(frame.ok());
    EXPECT_EQ(frame.error().code, QStringLiteral("camera.unplugged"));
}

TEST(FileCamera, UndecodableImageIsSkipped) {
    QTemporaryDir dir;
    ASSERT_TRUE(copyPhotos(dir.path(), {QStringLiteral("face-1.jpg"), QStringLiteral("face-3.png")}));
    QFile broken(dir.filePath(QStringLiteral("face-2.jpg")));  // sorts between the two
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("\xff\xd8\xff\xe0 not really a JPEG");
    broken.close();

    FileCamera camera(configFor(dir.path()));
    ASSERT_OPENS(camera);
    const QStringList expected{QStringLiteral("face-1.jpg"), QStringLiteral("face-3.png"),
                               QStringLiteral("face-1.jpg")};
    for (const QString& name : expected) {
        auto frame = camera.read();
        ASSERT_TRUE(frame.ok()) << frame.error().message.toStdString();
        EXPECT_TRUE(sameImage(frame->color, expectedFrame(dir.filePath(name)))) << name.toStdString();
    }
    EXPECT_EQ(camera.skippedImages(), 1);
}

TEST(FileCamera, FolderWhereNothingDecodesIsUnplugged) {
    QTemporaryDir dir;
    for (const char* name : {"a.jpg", "b.png"}) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("garbage");
    }
    FileCamera camera(configFor(dir.path()));
    ASSERT_OPENS(camera);
    auto frame = camera.read();
    ASSERT_FALSE(frame.ok());
    EXPECT_EQ(frame.error().code, QStringLiteral("camera.unplugged"));
}

TEST(FileCamera, FolderRemovedMidCaptureIsUnplugged) {
    QTemporaryDir parent;
    const QString folder = parent.filePath(QStringLiteral("frames"));
    ASSERT_TRUE(copyPhotos(folder, {QStringLiteral("face-1.jpg"), QStringLiteral("face-2.jpg")}));
    FileCamera camera(configFor(folder));
    ASSERT_OPENS(camera);
    ASSERT_TRUE(camera.read().ok());

    ASSERT_TRUE(QDir(folder).removeRecursively());
    auto frame = camera.read();
    ASSERT_FALSE(frame.ok());
    EXPECT_EQ(frame.error().code, QStringLiteral("camera.unplugged"));
    EXPECT_TRUE(frame.error().message.contains(QStringLiteral("Camera disconnected")));
    EXPECT_TRUE(frame.error().message.contains(QStringLiteral("payment code")));
}

TEST(FileCamera, FolderEmptiedMidCaptureIsUnplugged) {
    QTemporaryDir dir;
    ASSERT_TRUE(copyPhotos(dir.path(), {QStringLiteral("face-1.jpg"), QStringLiteral("face-2.jpg")}));
    FileCamera camera(configFor(dir.path()));
    ASSERT_OPENS(camera);
    ASSERT_TRUE(camera.read().ok());
    ASSERT_TRUE(QFile::remove(dir.filePath(QStringLiteral("face-1.jpg"))));
    ASSERT_TRUE(QFile::remove(dir.filePath(QStringLiteral("face-2.jpg"))));
    Result<CameraFrame> frame = makeError(QString(), QString());
    for (int i = 0; i < 3 && (frame = camera.read()).ok(); ++i) {
    }
    ASSERT_FALSE(frame.ok());
    EXPECT_EQ(frame.error().code, QStringLiteral("camera.unplugged"));
}

TEST(FileCamera, DepthFilesBesideImagesFillTheDepthPlane) {
    QTemporaryDir dir;
    ASSERT_TRUE(copyPhotos(dir.path(), {QStringLiteral("face-1.jpg"), QStringLiteral("face-2.jpg")}));
    const cv::Mat photo = readPhoto(dir.filePath(QStringLiteral("face-1.jpg")));
    const cv::Mat relief = makeReliefDepth(photo.size(), centralFaceRect(photo.size()), 500, 35);
    ASSERT_TRUE(cv::imwrite(QFile::encodeName(dir.filePath(QStringLiteral("face-1.depth.png"))).toStdString(), relief));

    FileCameraConfig config = configFor(dir.path());
    config.depthFiles = true;
    FileCamera camera(config);
    ASSERT_OPENS(camera);
    EXPECT_TRUE(camera.info().depth);
    auto withDepth = camera.read();
    auto withoutDepth = camera.read();  // face-2.jpg has no depth file; the .depth.png is no frame of its own
    auto again = camera.read();
    ASSERT_TRUE(withDepth.ok() && withoutDepth.ok() && again.ok());
    ASSERT_TRUE(withDepth->hasDepth());
    EXPECT_EQ(withDepth->depth.type(), CV_16UC1);
    EXPECT_EQ(withDepth->depth.size(), withDepth->color.size());
    EXPECT_EQ(withDepth->depth.at<std::uint16_t>(240, 320), 465);  // the apex of the relief, at the centre
    EXPECT_EQ(withDepth->depth.at<std::uint16_t>(5, 5), 500);
    EXPECT_FALSE(withoutDepth->hasDepth());
    EXPECT_TRUE(again->hasDepth());
}

TEST(FileCamera, MissingSourceIsNotFound) {
    FileCamera camera(configFor(QStringLiteral("/nonexistent/facepos/frames")));
    auto opened = camera.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("camera.not_found"));
    EXPECT_FALSE(camera.isOpen());
}

TEST(FileCamera, FolderWithoutImagesOrUnreadableFileFailsToOpen) {
    QTemporaryDir dir;
    FileCamera empty(configFor(dir.path()));
    auto emptyOpened = empty.open();
    ASSERT_FALSE(emptyOpened.ok());
    EXPECT_EQ(emptyOpened.error().code, QStringLiteral("camera.open_failed"));

    QFile text(dir.filePath(QStringLiteral("notes.txt")));
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write("not a picture");
    text.close();
    FileCamera notMedia(configFor(text.fileName()));
    auto opened = notMedia.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("camera.open_failed"));
}

}  // namespace
