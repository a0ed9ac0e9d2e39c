#pragma once

// Helpers of the camera driver tests: the real photos ($FACEPOS_TEST_IMAGES), settings from --set style overrides,
// and an event-loop wait.
#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <functional>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "platform/settings.h"

namespace facepos::camera_test {

// $FACEPOS_TEST_IMAGES, else the build tree's fixture folder compiled in (CMake 3.25's gtest_discover_tests in
// PRE_TEST mode passes only the first ENVIRONMENT entry of facepos_add_test, see tests/camera/CMakeLists.txt).
inline QString imagesDir() {
    const QString fromEnv = qEnvironmentVariable("FACEPOS_TEST_IMAGES");
#ifdef FACEPOS_CAMERA_TEST_IMAGES
    if (fromEnv.isEmpty()) return QStringLiteral(FACEPOS_CAMERA_TEST_IMAGES);
#endif
    return fromEnv;
}

// The photos of $FACEPOS_TEST_IMAGES, sorted by name as FileCamera plays them.
inline QStringList photoNames() {
    return QDir(imagesDir()).entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name);
}

// Copies the named photos into `folder` (created if needed); false when one is missing.
inline bool copyPhotos(const QString& folder, const QStringList& names) {
    QDir().mkpath(folder);
    for (const QString& name : names) {
        if (!QFile::copy(QDir(imagesDir()).filePath(name), QDir(folder).filePath(name))) return false;
    }
    return true;
}

inline cv::Mat readPhoto(const QString& path) {
    return cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_COLOR);
}

inline bool sameImage(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

inline facepos::Settings settingsWith(const QStringList& overrides) {
    facepos::SettingsSources sources;
    sources.overrides = overrides;
    auto settings = facepos::Settings::load(sources);
    EXPECT_TRUE(settings.ok()) << settings.error().message.toStdString();
    return settings.ok() ? settings.value() : facepos::Settings::defaults();
}

// Runs the calling thread's event loop until `done` holds or `timeout` passes; returns `done()`.
inline bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    const QDeadlineTimer deadline(timeout);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired()) loop.quit();
    });
    poll.start();
    if (!done()) loop.exec();
    return done();
}

}  // namespace facepos::camera_test

// Opens an ICamera or fails the test with the camera's message.
#define ASSERT_OPENS(camera)                                                    \
    do {                                                                        \
        const auto opened_ = (camera).open();                                   \
        ASSERT_TRUE(opened_.ok()) << opened_.error().code.toStdString() << ": " \
                                  << opened_.error().message.toStdString();     \
    } while (false)
