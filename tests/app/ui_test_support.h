#pragma once

#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <memory>

#include "app/app_state.h"
#include "app/customer_display.h"
#include "app/device_manager.h"
#include "app/language_manager.h"
#include "app/page_renderer.h"
#include "app/sync_status.h"
#include "platform/manual_clock.h"
#include "platform/system_clock.h"

namespace facepos::test {

// The app's QML module with real singletons and an engine, as Application builds them, for UI tests. The devices
// are the demo's (all simulated, the virtual printer writing into `dataDir`). Sync shows an empty outbox until a
// test feeds it a snapshot; its clock (the age of pending records) moves only when the test advances `syncClock`.
struct UiHarness {
    UiHarness();
    ~UiHarness();

    AppState appState;
    CustomerDisplay customerDisplay;
    LanguageManager language;
    QTemporaryDir dataDir;
    SystemClock clock;
    std::unique_ptr<DeviceManager> devices;
    std::shared_ptr<ManualClock> syncClock = std::make_shared<ManualClock>();
    SyncStatus syncStatus{syncClock};
    std::unique_ptr<QQmlEngine> engine;
    std::unique_ptr<PageRenderer> renderer;
};

// Finds an item or object by objectName anywhere under the window (QObject children and the visual item tree).
QObject* findByName(QQuickWindow* window, const QString& objectName);

// Clicks the centre of the named item, as a finger on the touch screen would, once page transitions have ended.
// False when the item does not exist or is not visible.
bool tap(QQuickWindow* window, const QString& objectName);

}  // namespace facepos::test
