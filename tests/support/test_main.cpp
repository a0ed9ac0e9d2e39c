// GoogleTest main that creates the Qt application object before any test runs (as MuseScore's gmain.cpp does),
// so tests may use event loops, timers, QSignalSpy and, for GUI tests, the offscreen platform.
#include <gtest/gtest.h>

#include <QCoreApplication>
#ifdef FACEPOS_TEST_GUI
#include <QGuiApplication>
#endif

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // The real photos of the face and camera tests (scripts/fetch-test-images, CTest fixture fetch_test_images).
    if (qEnvironmentVariableIsEmpty("FACEPOS_TEST_IMAGES")) qputenv("FACEPOS_TEST_IMAGES", FACEPOS_TEST_IMAGES_DIR);
    FACEPOS_TEST_APP app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
