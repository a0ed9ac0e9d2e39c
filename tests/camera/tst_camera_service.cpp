// CameraService with a real FileCamera: consumers on the camera thread, the removeConsumer barrier, the preview, and
// hotplug for real — the folder source is removed mid-capture and recreated, with no restart of the service.
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "camera_test_support.h"
#include "drivers/camera/camera_service.h"
#include "drivers/camera/file_camera.h"

using namespace facepos::drivers;
using namespace facepos::camera_test;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<ICamera> folderCamera(const QString& folder, cv::Size size = {640, 480}, double fps = 60) {
    FileCameraConfig config;
    config.source = folder;
    config.size = size;
    config.fps = fps;
    return std::make_unique<FileCamera>(config);
}

class CameraServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_folder = m_dir.filePath(QStringLiteral("frames"));
        ASSERT_TRUE(copyPhotos(m_folder, m_photos)) << "no test images in $FACEPOS_TEST_IMAGES";
    }

    QTemporaryDir m_dir;
    QString m_folder;
    const QStringList m_photos{QStringLiteral("face-1.jpg"), QStringLiteral("face-2.jpg")};
};

TEST_F(CameraServiceTest, ConsumersRunOnTheCameraThreadNotTheUiThread) {
    CameraService service(folderCamera(m_folder));
    std::mutex mutex;
    std::set<QThread*> threads;
    std::atomic<int> frames{0};
    std::atomic<qint64> lastSequence{0};
    std::atomic<bool> inOrder{true};
    service.addConsumer([&](const CameraFrame& frame) {
        {
            std::lock_guard lock(mutex);
            threads.insert(QThread::currentThread());
        }
        if (frame.sequence <= lastSequence.exchange(frame.sequence)) inOrder = false;
        ++frames;
    });
    QSignalSpy states(&service, &CameraService::stateChanged);
    service.start();
    service.start();  // idempotent
    ASSERT_TRUE(waitUntil([&] { return frames >= 5; }));
    EXPECT_TRUE(service.isRunning());
    EXPECT_EQ(service.state().status, DeviceState::Status::Connected);
    EXPECT_EQ(service.info().backend, QStringLiteral("folder"));
    EXPECT_GE(service.framesDelivered(), 5);
    service.stop();
    EXPECT_FALSE(service.isRunning());

    std::lock_guard lock(mutex);
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_NE(*threads.begin(), QCoreApplication::instance()->thread());
    EXPECT_TRUE(inOrder);
    ASSERT_GE(states.count(), 1);
    EXPECT_EQ(states.first().first().value<DeviceState>().status, DeviceState::Status::Connected);
}

TEST_F(CameraServiceTest, RemoveConsumerReturnsOnlyWhenTheConsumerIsNotRunning) {
    CameraService service(folderCamera(m_folder));
    std::atomic<bool> running{false};
    std::atomic<int> calls{0};
    const int slow = service.addConsumer([&](const CameraFrame&) {
        running = true;
        ++calls;
        std::this_thread::sleep_for(30ms);  // a slow consumer: removeConsumer is likely to land while it runs
        running = false;
    });
    std::atomic<int> other{0};
    service.addConsumer([&](const CameraFrame&) { ++other; });
    service.start();
    ASSERT_TRUE(waitUntil([&] { return running.load(); }));

    service.removeConsumer(slow);
    EXPECT_FALSE(running);
    const int callsAtRemoval = calls;
    const int otherAtRemoval = other;
    ASSERT_TRUE(waitUntil([&] { return other >= otherAtRemoval + 3; }));
    EXPECT_EQ(calls, callsAtRemoval);  // never called again; the other consumer still is
    service.stop();
}

TEST_F(CameraServiceTest, ConsumerMayRemoveItselfOnTheCameraThread) {
    CameraService service(folderCamera(m_folder));
    std::atomic<int> id{0};
    std::atomic<int> calls{0};
    std::atomic<int> other{0};
    id = service.addConsumer([&](const CameraFrame&) {
        ++calls;
        service.removeConsumer(id);
    });
    service.addConsumer([&](const CameraFrame&) { ++other; });
    service.start();
    ASSERT_TRUE(waitUntil([&] { return other >= 3; }));
    EXPECT_EQ(calls, 1);
    service.stop();
}

TEST_F(CameraServiceTest, PreviewIsDownscaledRgbAndWipedOnStop) {
    CameraService service(folderCamera(m_folder, cv::Size(1280, 720)));
    EXPECT_TRUE(service.latestPreview().isNull());
    QSignalSpy previews(&service, &CameraService::previewReady);
    service.start();
    ASSERT_TRUE(previews.wait(10000));
    const QImage preview = service.latestPreview();
    ASSERT_FALSE(preview.isNull());
    EXPECT_EQ(preview.width(), 640);
    EXPECT_EQ(preview.height(), 360);
    EXPECT_EQ(preview.format(), QImage::Format_RGB888);

    service.stop();
    EXPECT_TRUE(service.latestPreview().isNull());
    EXPECT_EQ(service.state().status, DeviceState::Status::Disconnected);
    EXPECT_EQ(service.state().message, QStringLiteral("Camera stopped."));
    EXPECT_FALSE(preview.isNull());  // the UI's own copy stays valid until it drops it
}

TEST_F(CameraServiceTest, SourceRemovedMidCaptureDisconnectsThenResumesWhenBack) {
    // GIVEN a running service delivering frames from a folder
    CameraService service(folderCamera(m_folder));
    std::atomic<int> frames{0};
    service.addConsumer([&](const CameraFrame&) { ++frames; });
    QList<DeviceState> states;
    QList<QThread*> signalThreads;
    QObject::connect(&service, &CameraService::stateChanged, [&](const DeviceState& state) {
        states.append(state);
        signalThreads.append(QThread::currentThread());
    });
    service.start();
    ASSERT_TRUE(waitUntil([&] { return frames >= 3; }));

    // WHEN the folder is removed ("unplugged mid-capture")
    ASSERT_TRUE(QDir(m_folder).removeRecursively());

    // THEN the state goes to Disconnected with a message for the cashier
    ASSERT_TRUE(waitUntil([&] { return service.state().status == DeviceState::Status::Disconnected; }));
    EXPECT_TRUE(service.state().message.contains(QStringLiteral("Camera disconnected")));
    EXPECT_TRUE(service.state().message.contains(QStringLiteral("payment code")));
    EXPECT_TRUE(service.isRunning());

    // WHEN it comes back, THEN the same consumers get frames again without restarting the service
    const int before = frames;
    ASSERT_TRUE(copyPhotos(m_folder, m_photos));
    ASSERT_TRUE(waitUntil([&] { return frames >= before + 3; }));
    EXPECT_EQ(service.state().status, DeviceState::Status::Connected);

    ASSERT_TRUE(waitUntil([&] { return states.size() >= 3; }));
    EXPECT_EQ(states.at(0).status, DeviceState::Status::Connected);
    EXPECT_EQ(states.at(1).status, DeviceState::Status::Disconnected);
    EXPECT_FALSE(states.at(1).message.isEmpty());
    EXPECT_EQ(states.last().status, DeviceState::Status::Connected);
    for (QThread* thread : signalThreads) EXPECT_EQ(thread, QCoreApplication::instance()->thread());
    service.stop();
}

TEST_F(CameraServiceTest, MissingSourceAtStartRetriesUntilItAppears) {
    const QString later = m_dir.filePath(QStringLiteral("later"));
    CameraService service(folderCamera(later));
    std::atomic<int> frames{0};
    service.addConsumer([&](const CameraFrame&) { ++frames; });
    service.start();
    ASSERT_TRUE(waitUntil([&] { return service.state().message.contains(later); }));
    EXPECT_EQ(service.state().status, DeviceState::Status::Disconnected);
    EXPECT_EQ(frames, 0);

    ASSERT_TRUE(copyPhotos(later, m_photos));
    ASSERT_TRUE(waitUntil([&] { return frames >= 2; }));
    EXPECT_EQ(service.state().status, DeviceState::Status::Connected);
}

TEST_F(CameraServiceTest, StopThenStartDeliversAgainToTheSameConsumers) {
    CameraService service(folderCamera(m_folder));
    std::atomic<int> frames{0};
    service.addConsumer([&](const CameraFrame&) { ++frames; });
    service.start();
    ASSERT_TRUE(waitUntil([&] { return frames >= 2; }));
    service.stop();
    const int stopped = frames;
    EXPECT_EQ(frames, stopped);
    service.start();
    ASSERT_TRUE(waitUntil([&] { return frames >= stopped + 2; }));
    EXPECT_EQ(service.state().status, DeviceState::Status::Connected);
}

}  // namespace
