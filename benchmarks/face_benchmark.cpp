// bench_face: the face capture pipeline (issue 8) on one core. Prints
//   (a) per 640×480 frame, FaceCaptureSession::process (detect on the downscaled grey frame, eyes, quality gates,
//       tracking, liveness, keeping the sharpest crop) p50 / p95 / max, with a face in view and without, for the Haar
//       cascade and (when the model is there) YuNet;
//   (b) on a generated clip at a simulated 30 fps — frames without a face, then the face sliding in from the left
//       edge to the centre — the clip time from the first frame showing the face to the accepted (sealed) capture,
//       with liveness off and with depth liveness, and the processing time that took;
//   (c) resident memory (VmRSS, VmHWM from /proc/self/status) while capturing.
// cv::setNumThreads(1): the figures are for one core, as the camera thread has. Target: (a) ≤ 15 ms p95 with Haar.
//
//   bench_face [--frames N] [--images DIR]   (DIR: the photos of scripts/fetch-test-images; default
//                                             $FACEPOS_TEST_IMAGES, else the build tree's test-images)
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <opencv2/core.hpp>

#include "app/face/face_capture_session.h"
#include "app/face/haar_face_detector.h"
#include "app/face/yunet_face_detector.h"
#include "bench_stats.h"
#include "face_test_support.h"
#include "platform/crypto.h"

using namespace facepos;
using namespace facepos::face;
using Clock = std::chrono::steady_clock;

namespace {

QString memoryLine() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return QStringLiteral("?");
    QString rss;
    QString hwm;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) rss = QString::fromLatin1(line.mid(6).trimmed());
        if (line.startsWith("VmHWM:")) hwm = QString::fromLatin1(line.mid(6).trimmed());
    }
    return QStringLiteral("VmRSS %1, VmHWM %2").arg(rss, hwm);
}

void printStats(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    std::printf("  %-34s n=%zu  p50 %.2f ms  p95 %.2f ms  max %.2f ms\n", what, ms.size(), bench::percentile(ms, 0.5),
                bench::percentile(ms, 0.95), ms.empty() ? 0.0 : ms.back());
}

// Frames are made one at a time (generation is not timed), so the memory figures are the pipeline's, not a clip's.
drivers::CameraFrame faceFrame(const std::vector<cv::Mat>& photos, int i) {
    drivers::CameraFrame frame;
    const int dx = (i % 9 - 4) * 4;  // a little movement, as a customer makes
    // One customer at a time, as at a counter: each photo stands in front of the camera for 75 frames (2.5 s).
    const std::size_t person = std::size_t(i / 75) % photos.size();
    frame.color = testing::noisy(testing::composeFrame(photos[person], 0.9, {dx, 0}), 4, i);
    frame.sequence = i + 1;
    frame.timestampMs = (i + 1) * 33;
    return frame;
}

drivers::CameraFrame emptyFrame(int i) {
    drivers::CameraFrame frame;
    frame.color = testing::noisy(testing::emptyFrame(), 4, 1000 + i);
    frame.sequence = i + 1;
    frame.timestampMs = (i + 1) * 33;
    return frame;
}

std::unique_ptr<FaceCaptureSession> makeSession(std::unique_ptr<IFaceDetector> detector, LivenessMode mode,
                                                int windowMs, const QByteArray& key) {
    FaceCaptureOptions options;
    options.captureWindowMs = windowMs;
    return std::make_unique<FaceCaptureSession>(std::move(detector), nullptr, mode, options,
                                                FaceCaptureRequest{key, QStringLiteral("ft_bench"), 200000});
}

void pipelineTimes(const char* name, const std::function<std::unique_ptr<IFaceDetector>()>& detector, int count,
                   const QByteArray& key) {
    std::printf("(a) per-frame pipeline, %s:\n", name);
    std::vector<cv::Mat> photos;
    for (const char* file : {"face-1.jpg", "face-2.jpg", "face-3.png", "face-4.png"}) {
        photos.push_back(testing::loadImage(QString::fromLatin1(file)));
    }
    // A window longer than the run: every frame goes through the whole pipeline, none ends the session.
    auto session = makeSession(detector(), LivenessMode::Off, 1 << 30, key);
    for (int i = 0; i < 10; ++i) session->process(faceFrame(photos, i));  // warm-up
    std::vector<double> faceMs;
    int good = 0;
    for (int i = 0; i < count; ++i) {
        const auto frame = faceFrame(photos, i);
        const auto start = Clock::now();
        const FaceTrack track = session->process(frame);
        faceMs.push_back(bench::ms(start, Clock::now()));
        if (track.guidance == Guidance::None) ++good;
    }
    std::vector<double> emptyMs;
    for (int i = 0; i < count / 2; ++i) {
        const auto frame = emptyFrame(i);
        const auto start = Clock::now();
        session->process(frame);
        emptyMs.push_back(bench::ms(start, Clock::now()));
    }
    printStats("frame with a face", faceMs);
    printStats("frame without a face", emptyMs);
    std::printf("  good frames: %d of %d; %s\n", good, count, qPrintable(memoryLine()));
}

void timeToCapture(const char* name, const std::function<std::unique_ptr<IFaceDetector>()>& detector, LivenessMode mode,
                   const QByteArray& key) {
    const cv::Mat photo = testing::loadImage(QStringLiteral("face-1.jpg"));
    const cv::Mat centred = testing::composeFrame(photo, 0.9);
    auto probe = detector();
    const auto faces = probe->detect(centred);
    const cv::Rect face = faces.empty() ? cv::Rect(220, 120, 200, 250) : faces[0].box;

    // 30 frames (1 s) of the empty counter, then the face slides in from beyond the left edge to the centre over
    // 20 frames, then stays (with sensor noise).
    qint64 entered = -1;
    const int startDx = -(320 + face.width);  // the photo's face entirely left of the frame
    auto session = makeSession(detector(), mode, 400, key);
    double processing = 0;
    qint64 capturedAt = -1;
    for (int i = 0; i < 120 && capturedAt < 0; ++i) {
        drivers::CameraFrame frame;
        frame.sequence = i + 1;
        frame.timestampMs = (i + 1) * 33;
        int dx = 0;
        if (i < 30) {
            frame.color = testing::noisy(testing::emptyFrame(), 4, i);
        } else {
            dx = i < 50 ? startDx + (-startDx) * (i - 30) / 20 : 0;
            frame.color = testing::noisy(testing::composeFrame(photo, 0.9, {dx, 0}), 4, i);
            if (entered < 0 && face.x + face.width + dx > 0) entered = frame.timestampMs;
        }
        if (mode == LivenessMode::Depth) {
            frame.depth = testing::reliefDepth(frame.color.size(), face + cv::Point(dx, 0), 500, 30, 1.5, i);
        }
        const auto start = Clock::now();
        session->process(frame);
        processing += bench::ms(start, Clock::now());
        if (session->isDone()) capturedAt = frame.timestampMs;
    }
    if (capturedAt < 0 || !session->sealed()) {
        std::printf("(b) %s, liveness %s: no capture in the clip\n", name, qPrintable(livenessModeName(mode)));
        return;
    }
    std::printf(
        "(b) %s, liveness %s: face enters at %lld ms, captured at %lld ms of clip time: %lld ms "
        "(window 400 ms); processing %.1f ms; JPEG %d bytes, liveness score %d; %s\n",
        name, qPrintable(livenessModeName(mode)), static_cast<long long>(entered), static_cast<long long>(capturedAt),
        static_cast<long long>(capturedAt - entered), processing, session->sealed()->jpegBytes,
        session->sealed()->livenessScore, qPrintable(memoryLine()));
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("frames"), QStringLiteral("Frames per measure."), QStringLiteral("N"), QStringLiteral("300")});
    parser.addOption(
        {QStringLiteral("images"), QStringLiteral("Photos of scripts/fetch-test-images."), QStringLiteral("DIR")});
    parser.process(app);
    QString images = parser.value(QStringLiteral("images"));
    if (images.isEmpty()) images = qEnvironmentVariable("FACEPOS_TEST_IMAGES");
    if (images.isEmpty()) images = QStringLiteral(FACEPOS_BENCH_IMAGES);
    qputenv("FACEPOS_TEST_IMAGES", images.toUtf8());
    if (testing::loadImage(QStringLiteral("face-1.jpg")).empty()) {
        std::fprintf(stderr, "no photos in %s: run scripts/fetch-test-images %s\n", qPrintable(images),
                     qPrintable(images));
        return 1;
    }
    cv::setNumThreads(1);
    const int count = parser.value(QStringLiteral("frames")).toInt();
    auto key = crypto::EcKeyPair::generate();
    if (!key) return 1;
    const QByteArray publicKey = key->publicKeyRaw();
    std::printf("bench_face: %d frames of 640x480, cv::setNumThreads(1); %s at start\n", count,
                qPrintable(memoryLine()));

    const auto haar = []() -> std::unique_ptr<IFaceDetector> { return std::move(HaarFaceDetector::create().value()); };
    pipelineTimes("Haar", haar, count, publicKey);
    timeToCapture("Haar", haar, LivenessMode::Off, publicKey);
    timeToCapture("Haar", haar, LivenessMode::Depth, publicKey);

    const QString model = testing::yunetModelPath();
    if (testing::haveYunetModel()) {
        const auto yunet = [model]() -> std::unique_ptr<IFaceDetector> {
            return std::move(YunetFaceDetector::create(model).value());
        };
        pipelineTimes("YuNet", yunet, count, publicKey);
        timeToCapture("YuNet", yunet, LivenessMode::Off, publicKey);
        timeToCapture("YuNet", yunet, LivenessMode::Depth, publicKey);
    } else {
        std::printf("YuNet: skipped, model absent (%s)\n", qPrintable(model));
    }
    return 0;
}
