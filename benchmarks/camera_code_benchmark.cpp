// bench_camera_code: the camera code reader (issue 8) on 1280×720 frames, one core (cv::setNumThreads(1)). Prints
// the decode time per frame (CameraCodeReader::read, grey conversion and downscale included), p50 / p95 / max,
//   (a) with a code: a QR code (110–360 px) or a Code128 (340–700 px) of a wallet payment code, warped (tilt ≤ 15°),
//       lightly blurred and noisy, on the real photos of scripts/fetch-test-images;
//   (b) without a code: the same photos, shifted, mirrored and re-lit so that no two frames are alike;
// and the share of (a) read on that frame. The targets: (a) p95 ≤ 10 ms, (b) p95 ≤ 5 ms.
//
//   bench_camera_code --images DIR [--frames N] [--formats QRCode,Code128] [--fast-width 640] [--grid 2]
//                     [--overlap 160]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <vector>

#include "bench_stats.h"
#include "code_frames.h"
#include "drivers/camera/camera_code_reader.h"

namespace {

using facepos::bench::percentile;
using namespace facepos::drivers;
using namespace facepos::testing;
using Steady = std::chrono::steady_clock;

struct Figures {
    std::vector<double> ms;     // wall time
    std::vector<double> cpuMs;  // this thread's CPU time: the work itself, without the waits of a shared machine
    int read = 0;
};

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void print(const char* label, Figures figures) {
    std::sort(figures.ms.begin(), figures.ms.end());
    std::sort(figures.cpuMs.begin(), figures.cpuMs.end());
    std::printf(
        "%-20s frames %4zu  wall p50 %5.2f p95 %5.2f max %5.2f ms | cpu p50 %5.2f p95 %5.2f max %5.2f ms | "
        "read on the frame %5.1f %%\n",
        label, figures.ms.size(), percentile(figures.ms, 0.50), percentile(figures.ms, 0.95),
        figures.ms.empty() ? 0.0 : figures.ms.back(), percentile(figures.cpuMs, 0.50), percentile(figures.cpuMs, 0.95),
        figures.cpuMs.empty() ? 0.0 : figures.cpuMs.back(),
        figures.ms.empty() ? 0.0 : 100.0 * figures.read / static_cast<double>(figures.ms.size()));
}

void timeRead(CameraCodeReader& reader, const cv::Mat& frame, Figures& figures, Figures* also = nullptr) {
    const double cpuStart = threadCpuMs();
    const auto start = Steady::now();
    const bool read = reader.read(frame).has_value();
    const double wall = facepos::bench::ms(start, Steady::now());
    const double cpu = threadCpuMs() - cpuStart;
    for (Figures* f : {&figures, also}) {
        if (!f) continue;
        f->ms.push_back(wall);
        f->cpuMs.push_back(cpu);
        f->read += read ? 1 : 0;
    }
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("images"), QStringLiteral("Photos of scripts/fetch-test-images."),
                      QStringLiteral("dir"), qEnvironmentVariable("FACEPOS_TEST_IMAGES")});
    parser.addOption(
        {QStringLiteral("frames"), QStringLiteral("Frames per case."), QStringLiteral("n"), QStringLiteral("400")});
    parser.addOption({QStringLiteral("formats"), QStringLiteral("camera.code_formats."), QStringLiteral("names"),
                      QStringLiteral("QRCode,Code128")});
    parser.addOption({QStringLiteral("fast-width"), QStringLiteral("Fast pass width."), QStringLiteral("px"),
                      QStringLiteral("640")});
    parser.addOption(
        {QStringLiteral("grid"), QStringLiteral("Tiles per side."), QStringLiteral("n"), QStringLiteral("2")});
    parser.addOption(
        {QStringLiteral("overlap"), QStringLiteral("Tile overlap."), QStringLiteral("px"), QStringLiteral("160")});
    parser.process(app);

    qputenv("FACEPOS_TEST_IMAGES", parser.value(QStringLiteral("images")).toUtf8());
    const std::vector<cv::Mat> photos = photoBackgrounds();
    if (photos.empty()) {
        std::fprintf(stderr, "no photos: pass --images DIR (scripts/fetch-test-images DIR)\n");
        return 1;
    }
    CameraCodeReaderOptions options;
    options.fastPassMaxWidth = parser.value(QStringLiteral("fast-width")).toInt();
    options.tileGrid = parser.value(QStringLiteral("grid")).toInt();
    options.tileOverlap = parser.value(QStringLiteral("overlap")).toInt();
    auto created = CameraCodeReader::create(parser.value(QStringLiteral("formats")), options);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return 1;
    }
    CameraCodeReader reader = std::move(created).value();
    const int frames = std::max(10, parser.value(QStringLiteral("frames")).toInt());

    cv::setNumThreads(1);
    std::mt19937 rng(2026);
    auto uniform = [&rng](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };

    // Frames are made first, then timed in one run, so the timing loop does nothing else.
    std::vector<cv::Mat> withCode;
    std::vector<cv::Mat> withoutCode;
    for (int i = 0; i < frames; ++i) {
        const cv::Mat& photo = photos[static_cast<std::size_t>(i) % photos.size()];
        CodePlacement placement;
        placement.kind = i % 2 ? CodeKind::Code128 : CodeKind::QRCode;
        placement.text = i % 4 < 2 ? "134000000000000000" : "284000000000000000";
        placement.widthPx = placement.kind == CodeKind::QRCode ? static_cast<int>(uniform(110, 360))
                                                               : static_cast<int>(uniform(340, 700));
        placement.center = {static_cast<float>(uniform(420, 860)), static_cast<float>(uniform(250, 470))};
        placement.rollDeg = placement.kind == CodeKind::QRCode ? uniform(-180, 180) : uniform(-8, 8);
        placement.tiltXDeg = uniform(-15, 15);
        placement.tiltYDeg = uniform(-15, 15);
        FramePerturbation perturbation;
        perturbation.blurSigma = uniform(0.5, 1.2);
        perturbation.noiseSigma = 4;
        perturbation.contrast = uniform(0.7, 1.2);
        perturbation.brightness = uniform(-30, 30);
        withCode.push_back(composeFrame(photo, placement, perturbation, rng));

        cv::Mat plain;
        const int dx = static_cast<int>(uniform(-200, 200));
        const int dy = static_cast<int>(uniform(-100, 100));
        const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, dx, 0, 1, dy);
        cv::warpAffine(photo, plain, shift, photo.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
        if (i % 2) cv::flip(plain, plain, 1);
        plain.convertTo(plain, CV_8UC3, uniform(0.7, 1.2), uniform(-30, 30));
        withoutCode.push_back(plain);
    }

    std::printf(
        "bench_camera_code: %d frames per case, 1280x720 BGR, formats %s, fast pass <= %d px, %dx%d tiles, "
        "overlap %d px, cv::setNumThreads(1)\n",
        frames, qPrintable(reader.formatNames()), options.fastPassMaxWidth, options.tileGrid, options.tileGrid,
        options.tileOverlap);
    // Warm-up: first-call allocations (conversion buffers, ZXing tables) are not a frame's cost.
    for (int i = 0; i < 8; ++i) (void)reader.read(withoutCode[static_cast<std::size_t>(i) % withoutCode.size()]);

    Figures code;
    Figures plain;
    Figures codeQr;
    Figures code128;
    for (int i = 0; i < frames; ++i) {
        timeRead(reader, withCode[static_cast<std::size_t>(i)], code, i % 2 ? &code128 : &codeQr);
        timeRead(reader, withoutCode[static_cast<std::size_t>(i)], plain);
    }
    print("(a) with a code", code);
    print("    QR code", codeQr);
    print("    Code128", code128);
    print("(b) without a code", plain);
    return 0;
}
