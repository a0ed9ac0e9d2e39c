#include "ui_test_support.h"

#include <QTest>
#include <cstdio>

#include "app/app_schema.h"
#include "app/application.h"
#include "app/qml_singletons.h"
#include "app/store/order_number.h"
#include "drivers/camera/camera_factory.h"
#include "drivers/camera/icamera.h"
#include "drivers/driver_selection.h"
#include "platform/curl_http_client.h"
#include "platform/settings.h"

namespace facepos::test {

namespace {

AppState::DeviceFacts testFacts() {
    AppState::DeviceFacts facts;
    facts.serial = QStringLiteral("FP-TEST-0001");
    facts.model = QStringLiteral("FacePOS test rig");
    facts.softwareVersion = QStringLiteral("0.0.test");
    facts.backendUrl = QStringLiteral("http://127.0.0.1:8480");
    facts.devices = {QStringLiteral("camera: simulated")};
    facts.customerDisplayMode = QStringLiteral("auto");
    return facts;
}

QObject* search(QObject* node, const QString& name) {
    if (node->objectName() == name) return node;
    for (QObject* child : node->children())
        if (QObject* found = search(child, name)) return found;
    if (auto* item = qobject_cast<QQuickItem*>(node)) {
        for (QQuickItem* child : item->childItems())
            if (QObject* found = search(child, name)) return found;
    }
    return nullptr;
}

}  // namespace

UiHarness::UiHarness(QUrl backendUrl, QString deviceId, checkout::CheckoutController::Options checkoutOptions)
    : appState(testFacts()) {
    AppStateForeign::provide(&appState);
    CustomerDisplayForeign::provide(&customerDisplay);
    LanguageForeign::provide(&language);
    SettingsSources sources;
    sources.overrides << QStringLiteral("data.dir=") + dataDir.path();
    auto settings = Settings::load(sources);
    Q_ASSERT(settings.ok());
    devices = std::make_unique<DeviceManager>(*settings, demoDriverChoices(), clock);
    DevicesForeign::provide(devices.get());
    SyncForeign::provide(&syncStatus);

    DatabaseOptions dbOptions;
    dbOptions.migrations = appMigrations();
    auto db = Database::open(dataDir.filePath(QStringLiteral("facepos.db")), dbOptions);
    Q_ASSERT(db.ok());
    database.emplace(std::move(db).value());
    auto keys = KeyStore::open(dataDir.filePath(QStringLiteral("keys")), QByteArrayLiteral("ui-test-device-binding"));
    Q_ASSERT(keys.ok());
    keyStore = std::move(keys).value();
    auto client = CurlHttpClient::create();
    Q_ASSERT(client.ok());
    http = std::move(client).value();
    if (wrapHttp) http = wrapHttp(std::move(http));
    backend::BackendConfig config;
    config.baseUrl = std::move(backendUrl);
    config.deviceId = deviceId;
    config.timeout = std::chrono::seconds(5);
    config.retryDelay = std::chrono::milliseconds(50);
    backend = std::make_unique<backend::BackendClient>(*http, wallClock, config);
    store::OrderStoreOptions storeOptions;
    storeOptions.deviceTag = store::OrderNumbers::deviceTagFor(deviceId);
    storeOptions.sequenceFile = dataDir.filePath(QStringLiteral("order-sequence"));
    auto store = store::OrderStore::open(*database, wallClock, storeOptions);
    Q_ASSERT(store.ok());
    orders = std::move(store).value();
    session::DeviceBinding::Options bindingOptions;
    bindingOptions.dataDir = dataDir.path();
    bindingOptions.deviceModel = QStringLiteral("FP-T2");
    bindingOptions.appVersion = QStringLiteral("1.0.0");
    binding = std::make_unique<session::DeviceBinding>(*database, *keyStore, *backend, wallClock, bindingOptions);
    session = std::make_unique<session::SessionManager>(*database, *backend, *orders, wallClock,
                                                        session::SessionManager::Options{});
    clerks = std::make_unique<session::ClerkManager>(*database, *backend, *session, *orders, wallClock);
    shift = std::make_unique<session::ShiftManager>(*database, *orders, *session, wallClock, storeOptions.deviceTag);
    BindingForeign::provide(binding.get());
    SessionForeign::provide(session.get());
    ClerksForeign::provide(clerks.get());
    ShiftForeign::provide(shift.get());

    disk = std::make_unique<store::DiskSpace>(dataDir.path());
    salesGate = std::make_unique<store::SalesGate>(*orders, *disk, store::SalesLimits{},
                                                   [this] { return appState.networkOnline(); });
    payments = std::make_unique<checkout::PaymentEngine>(
        *orders, *backend, wallClock, checkout::PaymentEngine::timerScheduler(), checkout::PaymentLimits{});
    checkout =
        std::make_unique<checkout::CheckoutController>(*orders, *salesGate, *binding, *session, *shift, *payments,
                                                       *devices, customerDisplay, wallClock, checkoutOptions);
    QObject::connect(&appState, &AppState::networkOnlineChanged, checkout.get(),
                     &checkout::CheckoutController::refreshGate);
    QObject::connect(
        binding.get(), &session::DeviceBinding::activated, checkout.get(), [this] { checkout->resumeUnfinished(); },
        Qt::SingleShotConnection);
    CheckoutForeign::provide(checkout.get());
    SettingsSources faceSources;
    faceSources.overrides = cameraSettings;
    faceSources.overrides << QStringLiteral("data.dir=") + dataDir.path();
    auto faceSettings = Settings::load(faceSources);
    Q_ASSERT(faceSettings.ok());
    std::unique_ptr<drivers::ICamera> device;
    if (!cameraSettings.isEmpty()) {
        auto made = drivers::createCamera(*faceSettings);
        Q_ASSERT(made.ok());
        device = std::move(made).value();
    }
    auto camera =
        checkout::CheckoutCamera::create(std::move(device), *faceSettings, *backend, *payments, *checkout, *devices,
                                         customerDisplay, wallClock, checkout::PaymentEngine::timerScheduler());
    Q_ASSERT(camera.ok());
    checkoutCamera = std::move(camera).value();
    FacePayForeign::provide(&checkoutCamera->face());

    engine = std::make_unique<QQmlEngine>();
    engine->addImportPath(QStringLiteral("qrc:/"));
    language.setEngine(engine.get());
    language.setLanguage(QStringLiteral("zh_CN"));
    renderer = std::make_unique<PageRenderer>(*engine);
}

UiHarness::~UiHarness() {
    renderer.reset();
    engine.reset();
    FacePayForeign::provide(nullptr);
    checkoutCamera.reset();
    CheckoutForeign::provide(nullptr);
    checkout.reset();
    payments.reset();
    ShiftForeign::provide(nullptr);
    ClerksForeign::provide(nullptr);
    SessionForeign::provide(nullptr);
    BindingForeign::provide(nullptr);
    shift.reset();
    clerks.reset();
    session.reset();
    binding.reset();
    orders.reset();
    backend.reset();
    SyncForeign::provide(nullptr);
    DevicesForeign::provide(nullptr);
    CustomerDisplayForeign::provide(nullptr);
}

QObject* findByName(QQuickWindow* window, const QString& objectName) {
    if (QObject* found = search(window, objectName)) return found;
    return search(window->contentItem(), objectName);
}

bool tap(QQuickWindow* window, const QString& objectName) {
    // A finger waits for the page transition to end; Animators move items only visually until they finish, so a
    // position read mid-transition would be wrong.
    if (QObject* stack = findByName(window, QStringLiteral("pageStack"))) {
        if (!QTest::qWaitFor([stack] { return !stack->property("busy").toBool(); }, 5000)) return false;
    }
    auto* item = qobject_cast<QQuickItem*>(findByName(window, objectName));
    if (!item || !item->isVisible()) return false;
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

std::optional<QDir> screenshotOutputDir(int argc, char** argv, const char* tool) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", tool);
        return std::nullopt;
    }
    if (auto font = useChineseUiFont(); !font) {
        std::fprintf(stderr, "%s\n", qPrintable(font.error().message));
        return std::nullopt;
    }
    QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "cannot create %s\n", argv[1]);
        return std::nullopt;
    }
    return out;
}

}  // namespace facepos::test
