#pragma once

#include <QDir>
#include <QJsonObject>
#include <QQuickWindow>
#include <QString>
#include <QTemporaryDir>
#include <functional>
#include <memory>

#include "app/store/sync_service.h"
#include "app/ui_test_support.h"
#include "platform/result.h"
#include "sandbox/sandbox_server.h"

namespace facepos::test {

// A terminal in front of a live sandbox, driven through its real pages like a finger: the sandbox (on the system
// clock, seeded with the demo merchant 88001234 / Demo#8800, store S01 and the clerks 1001 李娜 / 135790 and 1003 赵强
// / 112233) and the app's services over a fresh terminal database (UiHarness), wired as Application wires them (an
// unbinding ends the session). The base of SignInDriver (activation and sign-in through the pages) and StoreTerminal
// (the store and shift pages on an activated terminal).
//
// Thread ownership: the test thread, which runs the event loops.
class KioskDriver {
public:
    static constexpr char kMerchantNo[] = "88001234";
    static constexpr char kMerchantPassword[] = "Demo#8800";
    static constexpr char kDeviceId[] = "FP2411A00123";
    static constexpr char kClerkNo[] = "1001";  // 李娜, seeded with the demo store
    static constexpr char kClerkPassword[] = "135790";

    virtual ~KioskDriver();
    KioskDriver(const KioskDriver&) = delete;
    KioskDriver& operator=(const KioskDriver&) = delete;

    UiHarness& ui() { return *m_ui; }
    sandbox::SandboxServer& server() { return *m_server; }
    QQuickWindow* window() const { return m_window; }

    // Shows the kiosk window with `page` at the bottom of the stack and waits for its first frame; with followState
    // the window follows the device and the person as the application's does (Main.qml). False with lastError().
    bool show(const QString& page, QSize size = QSize(1280, 800), bool followState = false);
    // The objectName of pageStack's current item.
    QString currentPage() const;
    // Waits until `objectName` is the current page and its transition has ended.
    bool waitForPage(const QString& objectName, int timeoutMs = 30000) const;

    // An item by objectName; the page on top wins (a "backButton" exists on every page of the stack).
    QObject* item(const QString& name) const;
    QString text(const QString& name) const;
    bool isVisible(const QString& name) const;
    bool isEnabled(const QString& name) const;
    // Sets a field's text as an on-screen keyboard would commit it.
    bool setText(const QString& name, const QString& text) const;
    // Taps the centre of a visible item once the page transition and the layout have settled.
    bool tap(const QString& name) const;
    bool waitFor(const std::function<bool()>& condition, int timeoutMs = 30000) const;
    // Saves the window as `out`/`file` once the last change (a key, a page pushed) is painted, and prints the path:
    // the screenshot tools' step.
    bool grab(const QDir& out, const QString& file) const;

    // The admin API; true when it answered code 0.
    bool admin(const QString& action, const QJsonObject& body, QJsonObject* data = nullptr) const;
    // The request ID of this device's pending activation request, as support's list shows it.
    QString pendingRequestId() const;
    // Support's view: a number from the sandbox's database (-1 when the query fails).
    qint64 sandboxCount(const QString& sql) const;

    // The outbox worker the application runs once the device is activated, delivering to the sandbox; its
    // snapshots reach the Sync singleton and the binding (which finishes an unbinding on an empty outbox).
    bool startSync();
    store::SyncService* sync() const { return m_sync.get(); }

    QString lastError() const { return m_lastError; }

protected:
    KioskDriver() = default;
    // Starts the sandbox and the terminal's services (nothing shown yet). Errors: the sandbox's or a service's load.
    Result<void> startTerminal();
    bool fail(const QString& message);

private:
    QTemporaryDir m_sandboxDir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    std::unique_ptr<IHttpClient> m_syncHttp;
    std::unique_ptr<store::SyncService> m_sync;
    QQuickWindow* m_window = nullptr;
    QString m_lastError;
};

}  // namespace facepos::test
