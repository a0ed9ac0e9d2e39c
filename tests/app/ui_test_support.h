#pragma once

#include <QDir>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <functional>
#include <memory>
#include <optional>

#include "app/app_state.h"
#include "app/backend/backend_client.h"
#include "app/checkout/checkout_camera.h"
#include "app/checkout/checkout_controller.h"
#include "app/checkout/payment_engine.h"
#include "app/customer_display.h"
#include "app/device_manager.h"
#include "app/language_manager.h"
#include "app/page_renderer.h"
#include "app/session/clerk_manager.h"
#include "app/session/device_binding.h"
#include "app/session/session_manager.h"
#include "app/session/shift_manager.h"
#include "app/store/order_store.h"
#include "app/store/sales_gate.h"
#include "app/sync_status.h"
#include "platform/database.h"
#include "platform/key_store.h"
#include "platform/manual_clock.h"
#include "platform/system_clock.h"

namespace facepos::test {

// The app's QML module with real singletons and an engine, as Application builds them, for UI tests. The devices
// are the demo's (all simulated, the virtual printer writing into `dataDir`). Sync shows an empty outbox until a
// test feeds it a snapshot; its clock (the age of pending records) moves only when the test advances `syncClock`.
//
// The session services (DeviceBinding, Session, Clerks, Shift) are the real ones over a terminal database and key store
// in `dataDir` and a BackendClient for `backendUrl` (by default a closed local port: every call fails as not sent;
// end-to-end tests pass a running sandbox's URL and `deviceId`). They use the system clock.
//
// The checkout (PaymentEngine on QTimer scheduling with the default limits, CheckoutController with `checkoutOptions`,
// the sales gate reading the network from appState.networkOnline and the free space of `dataDir`) is wired as
// Application wires it: recovery runs when the binding reports activation.
struct UiHarness {
    explicit UiHarness(QUrl backendUrl = QUrl(QStringLiteral("http://127.0.0.1:9")),
                       QString deviceId = QStringLiteral("FP2411A00123"),
                       checkout::CheckoutController::Options checkoutOptions = {});
    ~UiHarness();

    // Applied, when set, to the HTTP client a harness creates before the BackendClient takes it: a benchmark's
    // decorator around the CurlHttpClient (bench_checkout_ui times the answers with it). Unset: the client as is.
    static inline std::function<std::unique_ptr<IHttpClient>(std::unique_ptr<IHttpClient>)> wrapHttp;
    // Settings (key=value) of the checkout's camera and face pay (devices.camera*, camera.*, face.*), read as
    // Application reads them (drivers::createCamera); empty: no camera, face pay unavailable. The face pay tests
    // give a simulated camera on a photo or a folder of frames.
    static inline QStringList cameraSettings;

    AppState appState;
    CustomerDisplay customerDisplay;
    LanguageManager language;
    QTemporaryDir dataDir;
    SystemClock clock;
    std::unique_ptr<DeviceManager> devices;
    std::shared_ptr<ManualClock> syncClock = std::make_shared<ManualClock>();
    SyncStatus syncStatus{syncClock};
    std::shared_ptr<const IClock> wallClock = std::make_shared<SystemClock>();
    std::optional<Database> database;
    std::unique_ptr<KeyStore> keyStore;
    std::unique_ptr<IHttpClient> http;
    std::unique_ptr<backend::BackendClient> backend;
    std::unique_ptr<store::OrderStore> orders;
    std::unique_ptr<session::DeviceBinding> binding;
    std::unique_ptr<session::SessionManager> session;
    std::unique_ptr<session::ClerkManager> clerks;
    std::unique_ptr<session::ShiftManager> shift;
    std::unique_ptr<store::DiskSpace> disk;
    std::unique_ptr<store::SalesGate> salesGate;
    std::unique_ptr<checkout::PaymentEngine> payments;
    std::unique_ptr<checkout::CheckoutController> checkout;
    std::unique_ptr<checkout::CheckoutCamera> checkoutCamera;
    std::unique_ptr<QQmlEngine> engine;
    std::unique_ptr<PageRenderer> renderer;
};

// Finds an item or object by objectName anywhere under the window (QObject children and the visual item tree).
QObject* findByName(QQuickWindow* window, const QString& objectName);

// Clicks the centre of the named item, as a finger on the touch screen would, once page transitions have ended.
// False when the item does not exist or is not visible.
bool tap(QQuickWindow* window, const QString& objectName);

// The start of a screenshot tool (`TOOL OUTPUT_DIR`, after the QGuiApplication exists): the UI font Application
// picks and the output directory, created. Prints the usage or the problem and returns nothing when it cannot go on.
std::optional<QDir> screenshotOutputDir(int argc, char** argv, const char* tool);

}  // namespace facepos::test
