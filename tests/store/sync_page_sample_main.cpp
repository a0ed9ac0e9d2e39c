// facepos-sync-page-sample OUTPUT_DIR: renders the sync page as the cashier would see it in the middle of a drain
// (37 of 50 records left, one record refused by the backend), in Chinese and in English, to sync-page-zh_CN.png and
// sync-page-en.png, and offline in Chinese to sync-page-offline-zh_CN.png (docs/images/). Times are the real time now,
// shown in China Standard Time as on a store's terminal, so the page agrees with the status bar's clock.
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <cstdio>

#include "app/ui_test_support.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;

namespace {

store::SyncSnapshot sampleSnapshot(const QDateTime& now) {
    store::SyncSnapshot snapshot;
    snapshot.pending = 37;
    snapshot.drainTotal = 50;
    snapshot.draining = true;
    snapshot.oldestPending = now.addSecs(-200);
    snapshot.lastSuccess = now.addSecs(-4);
    snapshot.dead = 1;
    store::DeadLetter letter;
    letter.id = 118;
    letter.call = QStringLiteral("sync_upload");
    letter.kind = QStringLiteral("order");
    letter.recordId = QStringLiteral("5d0b3c1e-8f55-4c8a-9d2f-0c7a4e1b2a10");
    // The order number holds the local time it was made (docs/terminal-api.md §3.3).
    letter.reference = QStringLiteral("A00123%1%2")
                           .arg(now.addSecs(-31 * 60).toLocalTime().toString(QStringLiteral("yyMMddHHmmss")))
                           .arg(7, 4, 10, QLatin1Char('0'));
    letter.errCode = QStringLiteral("RECORD_CONFLICT");
    letter.message = QStringLiteral("revision 2 of this record was already stored with a different payload");
    letter.deadAt = now.addSecs(-25 * 60);
    snapshot.deadLetters << letter;
    return snapshot;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Asia/Shanghai");
    QGuiApplication app(argc, argv);
    const std::optional<QDir> dir = test::screenshotOutputDir(argc, argv, "facepos-sync-page-sample");
    if (!dir) return 1;
    const QDir& out = *dir;

    test::UiHarness ui;
    ui.syncClock->setNowUtc(QDateTime::currentDateTimeUtc());

    struct Shot {
        QString language;
        QString file;
        bool online;
    };
    const QList<Shot> shots{{QStringLiteral("zh_CN"), QStringLiteral("sync-page-zh_CN.png"), true},
                            {QStringLiteral("en"), QStringLiteral("sync-page-en.png"), true},
                            {QStringLiteral("zh_CN"), QStringLiteral("sync-page-offline-zh_CN.png"), false}};
    for (const Shot& shot : shots) {
        const bool chinese = shot.language == QStringLiteral("zh_CN");
        ui.appState.setStoreName(chinese ? QStringLiteral("湖畔便利店") : QStringLiteral("Lakeside Mart"));
        ui.appState.setSignedIn(chinese ? QStringLiteral("王芳") : QStringLiteral("Wang Fang"),
                                QStringLiteral("clerk"));
        ui.appState.setNetworkOnline(shot.online);
        store::SyncSnapshot snapshot = sampleSnapshot(ui.syncClock->nowUtc());
        if (!shot.online) {
            // Offline the worker stops trying; what was left of the drain waits for the network.
            snapshot.online = false;
            snapshot.draining = false;
            snapshot.pending = 12;
            snapshot.lastSuccess = ui.syncClock->nowUtc().addSecs(-9 * 60);
            snapshot.oldestPending = ui.syncClock->nowUtc().addSecs(-8 * 60);
            snapshot.lastError = QStringLiteral("could not connect to the backend: network is unreachable");
        }
        ui.syncStatus.setSnapshot(snapshot);
        if (!ui.language.setLanguage(shot.language)) {
            std::fprintf(stderr, "language %s is not available\n", qPrintable(shot.language));
            return 1;
        }
        const QString path = out.filePath(shot.file);
        if (auto written = ui.renderer->renderToFile(QStringLiteral("SyncPage"), path); !written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error().message));
            return 1;
        }
        std::printf("%s\n", qPrintable(path));
    }
    return 0;
}
