// Cold start and idle memory of the real facepos binary, offscreen.
//
// For each run: start `facepos --bench-startup` (which creates the kiosk window on the home page and prints
// FIRST_FRAME once the first frame has been rendered), time process start -> that line, let it idle, then read
// its resident memory (VmRSS) and peak (VmHWM) from /proc/<pid>/status from outside and stop it.
//
//   bench_startup [--runs N] [--idle-seconds S] [--binary PATH]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

qint64 statusKb(qint64 pid, const char* field) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field)) return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

template <typename T>
T median(std::vector<T> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("Number of runs."), QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("idle-seconds"), QStringLiteral("Idle time before memory is read."),
                      QStringLiteral("S"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("binary"), QStringLiteral("facepos binary."), QStringLiteral("PATH"),
                      QStringLiteral(FACEPOS_BINARY)});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const int idleSeconds = std::max(0, parser.value(QStringLiteral("idle-seconds")).toInt());

    QTemporaryDir dataDir;
    std::vector<double> startMs;
    std::vector<qint64> rssKb, hwmKb;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        process.start(
            parser.value(QStringLiteral("binary")),
            {QStringLiteral("--bench-startup"), QStringLiteral("--set"), QStringLiteral("data.dir=") + dataDir.path(),
             QStringLiteral("--set"), QStringLiteral("log.stderr=false")});
        QByteArray out;
        while (!out.contains("FIRST_FRAME")) {
            if (!process.waitForReadyRead(30000)) {
                std::fprintf(stderr, "facepos did not render a first frame (exit %d)\n", process.exitCode());
                return 1;
            }
            out += process.readAllStandardOutput();
        }
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        QThread::sleep(idleSeconds);
        const qint64 rss = statusKb(process.processId(), "VmRSS:");
        const qint64 hwm = statusKb(process.processId(), "VmHWM:");
        process.terminate();
        if (!process.waitForFinished(5000)) process.kill();
        process.waitForFinished();
        // The first run fills the page cache and creates the data directory; it is reported but not counted.
        std::printf("run %2d: first frame %7.1f ms, idle RSS %6.1f MB, peak RSS %6.1f MB%s\n", i + 1, elapsed,
                    double(rss) / 1024, double(hwm) / 1024, i == 0 && runs > 1 ? "  (warm-up)" : "");
        if (i == 0 && runs > 1) continue;
        startMs.push_back(elapsed);
        rssKb.push_back(rss);
        hwmKb.push_back(hwm);
    }
    std::printf("\nstart to first frame: median %.1f ms, min %.1f ms, max %.1f ms (%zu runs)\n", median(startMs),
                *std::min_element(startMs.begin(), startMs.end()), *std::max_element(startMs.begin(), startMs.end()),
                startMs.size());
    std::printf("idle resident memory: median %.1f MB (peak during start %.1f MB)\n", double(median(rssKb)) / 1024,
                double(median(hwmKb)) / 1024);
    return 0;
}
