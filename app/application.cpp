#include "application.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <functional>

#include "app/app_schema.h"
#include "app/app_state.h"
#include "app/checkout/checkout_camera.h"
#include "app/checkout/checkout_controller.h"
#include "app/checkout/payment_engine.h"
#include "app/customer_display.h"
#include "app/device_manager.h"
#include "app/language_manager.h"
#include "app/page_renderer.h"
#include "app/qml_singletons.h"
#include "app/session/shift_slip.h"
#include "app/store/order_number.h"
#include "app/store/order_store.h"
#include "app/store/outbox.h"
#include "app/store/sales_gate.h"
#include "app/store/sync_service.h"
#include "app/sync_status.h"
#include "drivers/camera/camera_factory.h"
#include "drivers/camera/icamera.h"
#include "drivers/driver_selection.h"
#include "drivers/printer/shift_report_layout.h"
#include "platform/curl_http_client.h"
#include "platform/database.h"
#include "platform/key_store.h"
#include "platform/logging.h"
#include "platform/network_monitor.h"
#include "platform/settings.h"
#include "platform/system_clock.h"
#include "platform/system_info.h"
#include "sandbox/sandbox_server.h"

namespace facepos {

namespace {

void printLine(FILE* stream, const QString& text) {
    const QByteArray bytes = text.toLocal8Bit();
    std::fprintf(stream, "%s\n", bytes.constData());
    std::fflush(stream);
}

// The families, in order of preference, that render simplified Chinese well on the device.
const QStringList kCjkFamilies{QStringLiteral("Noto Sans CJK SC"), QStringLiteral("WenQuanYi Micro Hei"),
                               QStringLiteral("WenQuanYi Zen Hei"), QStringLiteral("Source Han Sans SC"),
                               QStringLiteral("AR PL UMing CN")};

bool needsOffscreen(const CommandLine& cl) {
    using Mode = CommandLine::Mode;
    switch (cl.mode) {
        case Mode::SelfTest:
        case Mode::RenderPage:
        case Mode::BenchStartup:
            return true;
        case Mode::Demo:
            return !hasDisplay();
        default:
            return false;
    }
}

bool needsGui(const CommandLine& cl) {
    using Mode = CommandLine::Mode;
    return cl.mode != Mode::Help && cl.mode != Mode::Version && cl.mode != Mode::RecoverDatabase;
}

}  // namespace

struct Application::Services {
    Settings settings = Settings::defaults();
    QString dataDir;
    std::unique_ptr<LogSink> logSink;
    std::unique_ptr<SystemInfo> systemInfo;
    std::unique_ptr<KeyStore> keyStore;
    std::optional<Database> database;
    std::unique_ptr<NetworkMonitor> network;
    std::unique_ptr<AppState> appState;
    std::unique_ptr<CustomerDisplay> customerDisplay;
    std::unique_ptr<LanguageManager> language;
    SystemClock clock;
    std::shared_ptr<const IClock> sharedClock = std::make_shared<SystemClock>();
    std::unique_ptr<DeviceManager> devices;
    std::unique_ptr<store::OrderStore> orders;
    std::unique_ptr<IHttpClient> http;
    std::unique_ptr<backend::BackendClient> backend;
    std::unique_ptr<session::DeviceBinding> binding;
    std::unique_ptr<session::SessionManager> session;
    std::unique_ptr<session::ClerkManager> clerks;
    std::unique_ptr<session::ShiftManager> shift;
    std::unique_ptr<store::DiskSpace> disk;
    std::unique_ptr<store::SalesGate> salesGate;
    std::unique_ptr<checkout::PaymentEngine> payments;
    std::unique_ptr<checkout::CheckoutController> checkout;
    // Face pay and camera scanning (issue 8); destroyed before the checkout it is wired to.
    std::unique_ptr<checkout::CheckoutCamera> checkoutCamera;
    std::unique_ptr<store::SyncService> sync;
    std::unique_ptr<SyncStatus> syncStatus;
    // --demo: the sandbox backend in this process, with the demo store.
    std::unique_ptr<sandbox::SandboxServer> demoBackend;
    QTimer purgeTimer;
    std::unique_ptr<QQmlEngine> engine;
    std::unique_ptr<PageRenderer> renderer;
};

int runApplication(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
    auto commandLine = parseCommandLine(arguments);
    if (!commandLine) {
        printLine(stderr, QStringLiteral("facepos: ") + commandLine.error().message);
        return 2;
    }
    switch (commandLine->mode) {
        case CommandLine::Mode::Help:
            printLine(stdout, commandLine->helpText);
            return 0;
        case CommandLine::Mode::Version:
            printLine(stdout, QStringLiteral("facepos " FACEPOS_VERSION));
            return 0;
        default:
            break;
    }

    commandLine->offscreen = needsOffscreen(*commandLine);
    if (commandLine->offscreen) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    } else if (needsGui(*commandLine) && !hasDisplay()) {
        printLine(stderr, QStringLiteral("facepos: no display found (DISPLAY and WAYLAND_DISPLAY are unset and "
                                         "QT_QPA_PLATFORM is not set). On the device start it with "
                                         "QT_QPA_PLATFORM=eglfs; on a desktop run it inside a graphical session, "
                                         "or use --demo to render the screens to PNG files."));
        return 1;
    }

    std::unique_ptr<QCoreApplication> qtApp;
    if (needsGui(*commandLine))
        qtApp = std::make_unique<QGuiApplication>(argc, argv);
    else
        qtApp = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FacePOS"));
    QCoreApplication::setApplicationName(QStringLiteral("facepos"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FACEPOS_VERSION));

    Application application(std::move(commandLine).value());
    if (auto started = application.start(); !started) {
        printLine(stderr, QStringLiteral("facepos: ") + started.error().message);
        return 1;
    }
    return application.exec();
}

Result<void> useChineseUiFont() {
    for (const QString& family : kCjkFamilies) {
        if (QFontDatabase::hasFamily(family)) {
            QFont font(family);
            QGuiApplication::setFont(font);
            return {};
        }
    }
    if (!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty()) return {};
    return makeError(QStringLiteral("app.no_cjk_font"),
                     QStringLiteral("No Chinese font is installed, so Chinese text would show as empty boxes. "
                                    "Install one (sudo apt-get install fonts-noto-cjk or fonts-wqy-microhei) and "
                                    "start again."));
}

Application::Application(CommandLine commandLine)
    : m_commandLine(std::move(commandLine)), m_services(std::make_unique<Services>()) {}

Application::~Application() {
    // The UI goes first: QML bindings may still read the services below while windows are torn down.
    m_services->renderer.reset();
    m_services->engine.reset();
    // The sync worker's thread stops before the HTTP client it uses; the services go before the client they call.
    m_services->sync.reset();
    m_services->checkout.reset();
    m_services->payments.reset();
    m_services->shift.reset();
    m_services->clerks.reset();
    m_services->session.reset();
    m_services->binding.reset();
    m_services->backend.reset();
    if (m_services->demoBackend) m_services->demoBackend->stop();
}

Result<void> Application::start() {
    if (auto r = loadSettings(); !r) return r;
    if (auto r = prepareDataDirectory(); !r) return r;
    if (m_commandLine.mode == CommandLine::Mode::RecoverDatabase) return {};
    if (auto r = openDeviceIdentity(); !r) return r;
    if (auto r = openDatabase(); !r) return r;
    if (auto r = openStore(); !r) return r;
    if (auto r = useChineseUiFont(); !r) return r;
    return createUi();
}

Result<void> Application::loadSettings() {
    auto settings = Settings::load(SettingsSources::forApplication(m_commandLine.configFile, m_commandLine.overrides,
                                                                   QProcessEnvironment::systemEnvironment()));
    if (!settings) return settings.error();
    m_services->settings = std::move(settings).value();
    return {};
}

Result<void> Application::prepareDataDirectory() {
    Services& s = *m_services;
    s.dataDir = s.settings.string(u"data.dir");
    // The demo must run for any user on a fresh machine, so it keeps its data in the user's own folder unless a
    // data directory was configured on purpose.
    if (m_commandLine.mode == CommandLine::Mode::Demo && s.settings.origin(u"data.dir") == QLatin1String("default"))
        s.dataDir =
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/facepos-demo");

    if (!QDir().mkpath(s.dataDir) || !QFileInfo(s.dataDir).isWritable()) {
        return makeError(QStringLiteral("app.data_dir"),
                         QStringLiteral("The data directory %1 cannot be created or written. Create it and give the "
                                        "facepos user write access, or choose another one with data.dir in %2 "
                                        "(or --set data.dir=PATH).")
                             .arg(s.dataDir, SettingsSources::defaultFilePath()));
    }

    LogOptions logOptions = LogOptions::fromSettings(s.settings);
    logOptions.directory = s.dataDir + QStringLiteral("/logs");
    auto sink = LogSink::install(logOptions);
    if (!sink) return sink.error();
    s.logSink = std::move(sink).value();
    qCInfo(lcApp) << "FacePOS" << FACEPOS_VERSION << "starting; data in" << s.dataDir;
    return {};
}

Result<void> Application::openDeviceIdentity() {
    Services& s = *m_services;
    s.systemInfo = std::make_unique<SystemInfo>();
    auto binding = s.systemInfo->deviceBinding();
    if (!binding) return binding.error();
    auto keyStore = KeyStore::open(s.dataDir + QStringLiteral("/keys"), *binding);
    if (!keyStore) return keyStore.error();
    s.keyStore = std::move(keyStore).value();
    return {};
}

DatabaseOptions Application::databaseOptions() const {
    DatabaseOptions options;
    options.busyTimeout = m_services->settings.duration(u"database.busy_timeout_ms");
    options.migrations = appMigrations();
    return options;
}

QString Application::databasePath() const {
    return m_services->dataDir + QStringLiteral("/facepos.db");
}

Result<void> Application::openDatabase() {
    Services& s = *m_services;
    auto db = Database::open(databasePath(), databaseOptions());
    if (!db) {
        if (db.error().code == QLatin1String("db.corrupt") || db.error().code == QLatin1String("db.not_a_database")) {
            return makeError(
                db.error().code,
                db.error().message + QStringLiteral("\nRun 'facepos --recover-database' to keep the damaged file as a "
                                                    "backup and copy every readable record into a new database."));
        }
        return db.error();
    }
    s.database.emplace(std::move(db).value());
    return {};
}

Result<void> Application::openStore() {
    Services& s = *m_services;
    auto serial = s.systemInfo->serialNumber();
    store::OrderStoreOptions options;
    options.deviceTag = store::OrderNumbers::deviceTagFor(serial ? *serial : QString());
    options.sequenceFile = s.dataDir + QStringLiteral("/order-sequence");
    options.onEnqueued = [&s] {
        if (s.sync) s.sync->wake();
    };
    auto orders = store::OrderStore::open(*s.database, s.sharedClock, options);
    if (!orders) return orders.error();
    s.orders = std::move(orders).value();
    purgeOldRecords();
    // Once a day, records older than storage.retention_days that the backend has acknowledged are deleted.
    s.purgeTimer.setInterval(std::chrono::hours(24));
    QObject::connect(&s.purgeTimer, &QTimer::timeout, [this] { purgeOldRecords(); });
    s.purgeTimer.start();
    return {};
}

void Application::purgeOldRecords() {
    Services& s = *m_services;
    const auto retention =
        std::chrono::duration_cast<std::chrono::seconds>(s.settings.duration(u"storage.retention_days"));
    if (auto r = s.orders->purge(s.sharedClock->nowUtc().addSecs(-retention.count())); !r)
        qCWarning(lcApp) << "Purging old records failed:" << r.error().message;
}

Result<void> Application::startDemoBackend() {
    Services& s = *m_services;
    sandbox::SandboxOptions options;
    options.dbPath = s.dataDir + QStringLiteral("/sandbox/sandbox.db");
    options.seed = QStringLiteral("demo");
    options.threads = 2;
    auto server = sandbox::SandboxServer::start(options);
    if (!server) {
        return makeError(server.error().code,
                         QStringLiteral("The demo backend could not start: ") + server.error().message);
    }
    s.demoBackend = std::move(server).value();
    printLine(stdout,
              QStringLiteral("Demo backend (facepos-sandbox, demo store) on %1").arg(s.demoBackend->url().toString()));
    // The demo's test payers are the photos the demo camera plays: F01 pays, F02 confirms with the phone (…5678),
    // F03 has too little money (docs/terminal-api.md §17.5).
    if (auto faces = s.demoBackend->enrollDemoFaces(demoFacesDir()); !faces)
        printLine(stderr, QStringLiteral("Demo face pay will not recognise anyone: ") + faces.error().message);
    return {};
}

void Application::activateForDemo() {
    Services& s = *m_services;
    using State = session::DeviceBinding::State;
    // As a technician would: the demo merchant's bind request (docs/terminal-api.md §17.2), approved by "support" as
    // soon as it is pending.
    auto approved = std::make_shared<bool>(false);
    auto approve = [&s, approved] {
        if (*approved || s.binding->state() != State::Pending || s.binding->busy()) return;
        *approved = true;
        s.demoBackend->admin(QStringLiteral("activation_approve"),
                             {{QStringLiteral("request_id"), s.binding->requestId()}});
        s.binding->checkNow();
    };
    QObject::connect(s.binding.get(), &session::DeviceBinding::changed, s.binding.get(), approve);
    if (s.binding->state() == State::Pending) {
        approve();
    } else if (s.binding->state() == State::Unbound || s.binding->state() == State::Rejected) {
        s.binding->startOver();
        s.binding->submit(QStringLiteral("88001234"), QStringLiteral("Demo#8800"), QStringLiteral("S01"));
    }
}

Result<void> Application::createSessionServices() {
    Services& s = *m_services;
    if (m_commandLine.mode == CommandLine::Mode::Demo) {
        if (auto r = startDemoBackend(); !r) return r;
    }
    CurlHttpClientOptions httpOptions;
    httpOptions.caFile = s.settings.string(u"backend.ca_file");
    const QString pin = s.settings.string(u"backend.pin_sha256");
    if (!pin.isEmpty()) httpOptions.pinnedPublicKey = "sha256//" + pin.toLatin1();
    auto http = CurlHttpClient::create(httpOptions);
    if (!http) return http.error();
    s.http = std::move(http).value();
    s.backend = std::make_unique<backend::BackendClient>(*s.http, s.sharedClock, backendConfig());

    session::DeviceBinding::Options bindingOptions;
    bindingOptions.dataDir = s.dataDir;
    bindingOptions.deviceModel = s.systemInfo->model();
    bindingOptions.appVersion = QStringLiteral(FACEPOS_VERSION);
    s.binding =
        std::make_unique<session::DeviceBinding>(*s.database, *s.keyStore, *s.backend, s.sharedClock, bindingOptions);
    session::SessionManager::Options sessionOptions;
    sessionOptions.idleLock = s.settings.duration(u"ui.idle_lock_minutes");
    s.session =
        std::make_unique<session::SessionManager>(*s.database, *s.backend, *s.orders, s.sharedClock, sessionOptions);
    s.clerks = std::make_unique<session::ClerkManager>(*s.database, *s.backend, *s.session, *s.orders, s.sharedClock);
    auto serial = s.systemInfo->serialNumber();
    s.shift = std::make_unique<session::ShiftManager>(*s.database, *s.orders, *s.session, s.sharedClock,
                                                      store::OrderNumbers::deviceTagFor(serial ? *serial : QString()));
    // The handover report is laid out for the configured paper and queued on the printer thread; the print queue keeps
    // it until the printer takes it, so "printed" means queued.
    s.shift->setPrinter([&s, deviceId = serial ? *serial : QString()](const session::ShiftReport& report) {
        const drivers::ShiftReportLayout layout(s.devices->paperWidth());
        s.devices->printJob(layout.render(session::shiftSlipFor(report, s.binding->storeName(), deviceId)),
                            QStringLiteral("shift_report"));
        return true;
    });
    if (auto r = s.binding->load(); !r) return r;
    if (auto r = s.session->load(); !r) return r;
    if (auto r = s.shift->load(); !r) return r;
    s.session->watchActivity(QCoreApplication::instance());
    // The keypad and the scanners do not go through Qt's input events: they count as activity too.
    QObject::connect(s.devices.get(), &DeviceManager::lastKeyChanged, s.session.get(),
                     &session::SessionManager::noteActivity);
    QObject::connect(s.devices.get(), &DeviceManager::lastScanChanged, s.session.get(),
                     &session::SessionManager::noteActivity);

    QObject::connect(s.binding.get(), &session::DeviceBinding::activated, [this] { startSync(); });
    QObject::connect(s.binding.get(), &session::DeviceBinding::unbindingStarted,
                     [&s] { s.session->endLocally(QStringLiteral("device unbound")); });
    QObject::connect(s.binding.get(), &session::DeviceBinding::unbound, [&s] { s.sync.reset(); });
    auto showStore = [&s] { s.appState->setStoreName(s.binding->storeName()); };
    QObject::connect(s.binding.get(), &session::DeviceBinding::changed, s.appState.get(), showStore);
    showStore();
    QObject::connect(s.session.get(), &session::SessionManager::changed, s.appState.get(),
                     [&s] { s.appState->setSignedIn(s.session->displayName(), s.session->role()); });

    createCheckout();
    if (s.demoBackend) activateForDemo();

    BindingForeign::provide(s.binding.get());
    SessionForeign::provide(s.session.get());
    ClerksForeign::provide(s.clerks.get());
    ShiftForeign::provide(s.shift.get());
    CheckoutForeign::provide(s.checkout.get());
    return {};
}

void Application::createCheckout() {
    Services& s = *m_services;
    s.disk = std::make_unique<store::DiskSpace>(s.dataDir);
    store::SalesLimits limits;
    limits.offlineCashMaxCount = static_cast<int>(s.settings.integer(u"sync.offline_cash_max_count"));
    limits.offlineCashMaxFee = s.settings.integer(u"sync.offline_cash_max_fen");
    limits.diskReserveBytes = s.settings.integer(u"storage.reserve_mb") << 20;
    s.salesGate = std::make_unique<store::SalesGate>(*s.orders, *s.disk, limits, [&s] { return s.network->online(); });
    s.payments = std::make_unique<checkout::PaymentEngine>(*s.orders, *s.backend, s.sharedClock,
                                                           checkout::PaymentEngine::timerScheduler(),
                                                           checkout::PaymentLimits::fromSettings(s.settings));
    s.checkout = std::make_unique<checkout::CheckoutController>(
        *s.orders, *s.salesGate, *s.binding, *s.session, *s.shift, *s.payments, *s.devices, *s.customerDisplay,
        s.sharedClock, checkout::CheckoutController::Options::fromSettings(s.settings));
    QObject::connect(s.network.get(), &NetworkMonitor::onlineChanged, s.checkout.get(),
                     &checkout::CheckoutController::refreshGate);
    createCheckoutCamera();
    // Payments a crash or power cut left unfinished are resolved before the first new sale (the controller refuses
    // sales until the engine reports recoveryFinished); they need the device secret, so they wait for activation.
    if (s.binding->state() == session::DeviceBinding::State::Activated) {
        s.checkout->resumeUnfinished();
    } else {
        QObject::connect(
            s.binding.get(), &session::DeviceBinding::activated, s.checkout.get(),
            [&s] { s.checkout->resumeUnfinished(); }, Qt::SingleShotConnection);
    }
}

void Application::createCheckoutCamera() {
    Services& s = *m_services;
    const bool demo = m_commandLine.mode == CommandLine::Mode::Demo;
    const Settings settings = cameraSettings();
    std::unique_ptr<drivers::ICamera> camera;
    auto made = demo ? drivers::createCamera(QStringLiteral("simulated"), settings) : drivers::createCamera(settings);
    if (made)
        camera = std::move(made).value();
    else
        qCWarning(lcApp) << "face pay and camera scanning are off:" << made.error().message;
    auto parts =
        checkout::CheckoutCamera::create(std::move(camera), settings, *s.backend, *s.payments, *s.checkout, *s.devices,
                                         *s.customerDisplay, s.sharedClock, checkout::PaymentEngine::timerScheduler());
    if (!parts) {
        // The camera code reader's configuration is wrong: face pay still works without it being read by the camera.
        qCWarning(lcApp) << "camera disabled:" << parts.error().message;
        parts = checkout::CheckoutCamera::create(nullptr, settings, *s.backend, *s.payments, *s.checkout, *s.devices,
                                                 *s.customerDisplay, s.sharedClock,
                                                 checkout::PaymentEngine::timerScheduler());
    }
    s.checkoutCamera = std::move(parts).value();
    FacePayForeign::provide(&s.checkoutCamera->face());
}

Settings Application::cameraSettings() const {
    const Services& s = *m_services;
    const bool demo = m_commandLine.mode == CommandLine::Mode::Demo;
    if (!demo || s.settings.origin(u"devices.camera_source") != QLatin1String("default")) return s.settings;
    // The demo's camera plays a real photo fetched from Debian's packages by scripts/fetch-test-images (the sandbox
    // enrols the same photos as its test payers) through a simulated 3D camera showing a live face.
    QStringList overrides = m_commandLine.overrides;
    overrides << QStringLiteral("devices.camera_source=") + demoFacesDir() + QStringLiteral("/face-1.jpg");
    if (s.settings.origin(u"camera.depth") == QLatin1String("default"))
        overrides << QStringLiteral("camera.depth=simulated");
    if (s.settings.origin(u"data.dir") == QLatin1String("default"))
        overrides << QStringLiteral("data.dir=") + s.dataDir;
    auto settings = Settings::load(
        SettingsSources::forApplication(m_commandLine.configFile, overrides, QProcessEnvironment::systemEnvironment()));
    return settings ? std::move(settings).value() : s.settings;
}

QString Application::demoFacesDir() {
    const QByteArray configured = qgetenv("FACEPOS_DEMO_FACES");
    return configured.isEmpty() ? QStringLiteral(FACEPOS_DEMO_FACES_DIR) : QString::fromLocal8Bit(configured);
}

backend::BackendConfig Application::backendConfig() const {
    const Services& s = *m_services;
    backend::BackendConfig config;
    config.baseUrl = s.demoBackend ? s.demoBackend->url() : QUrl(s.settings.string(u"backend.url"));
    auto serial = s.systemInfo->serialNumber();
    config.deviceId = serial ? *serial : QString();
    config.timeout = s.settings.duration(u"backend.timeout_ms");
    return config;
}

void Application::startSync() {
    Services& s = *m_services;
    // What the outbox holds now, so the status bar is right before (or without) the worker.
    store::Outbox outbox(*s.database, s.sharedClock);
    auto snapshot = outbox.snapshot();
    if (snapshot) {
        snapshot->online = s.network->online();
        s.syncStatus->setSnapshot(*snapshot);
    }
    const bool ui = m_commandLine.mode == CommandLine::Mode::Run || m_commandLine.mode == CommandLine::Mode::Demo;
    const bool bound = s.binding->state() == session::DeviceBinding::State::Activated ||
                       s.binding->state() == session::DeviceBinding::State::Unbinding;
    if (!ui || !bound || s.sync) {
        if (ui && !bound && snapshot && snapshot->pending > 0)
            qCInfo(lcSync) << snapshot->pending << "record(s) wait for the terminal to be activated before syncing";
        return;
    }
    store::SyncOptions options;
    options.databasePath = databasePath();
    options.database = databaseOptions();
    options.backend = backendConfig();
    options.backend.merchantNo = s.binding->merchantNo();
    options.backend.deviceSecret = s.binding->deviceSecret();
    options.batchSize = s.settings.integer(u"sync.batch_size");
    options.interval = s.settings.duration(u"sync.interval_s");
    options.backoffInitial = s.settings.duration(u"sync.backoff_initial_ms");
    options.backoffMax = s.settings.duration(u"sync.backoff_max_ms");
    s.sync = std::make_unique<store::SyncService>(*s.http, s.sharedClock, std::move(options));
    QObject::connect(s.sync.get(), &store::SyncService::snapshotChanged, s.syncStatus.get(), &SyncStatus::setSnapshot);
    QObject::connect(s.sync.get(), &store::SyncService::snapshotChanged, s.binding.get(),
                     &session::DeviceBinding::setOutbox);
    QObject::connect(s.sync.get(), &store::SyncService::deviceUnbound, s.binding.get(),
                     &session::DeviceBinding::handleUnbound);
    QObject::connect(s.syncStatus.get(), &SyncStatus::syncNowRequested, s.sync.get(), &store::SyncService::syncNow);
    QObject::connect(s.syncStatus.get(), &SyncStatus::sendAgainRequested, s.sync.get(),
                     &store::SyncService::requeueDead);
    QObject::connect(s.network.get(), &NetworkMonitor::onlineChanged, s.sync.get(),
                     &store::SyncService::setNetworkOnline);
    s.sync->setNetworkOnline(s.network->online());
    s.sync->start();
}

Settings Application::deviceSettings() const {
    const Services& s = *m_services;
    if (s.settings.string(u"data.dir") == s.dataDir) return s.settings;
    // The demo keeps its data in the user's folder (prepareDataDirectory), and the virtual printer's default output
    // folder follows data.dir, so the drivers are given the directory actually in use.
    QStringList overrides = m_commandLine.overrides;
    overrides << QStringLiteral("data.dir=") + s.dataDir;
    auto settings = Settings::load(
        SettingsSources::forApplication(m_commandLine.configFile, overrides, QProcessEnvironment::systemEnvironment()));
    return settings ? std::move(settings).value() : s.settings;
}

Result<void> Application::createUi() {
    Services& s = *m_services;
    const bool demo = m_commandLine.mode == CommandLine::Mode::Demo;

    AppState::DeviceFacts facts;
    auto serial = s.systemInfo->serialNumber();
    facts.serial = serial ? *serial : QString();
    facts.model = s.systemInfo->model();
    facts.softwareVersion = QStringLiteral(FACEPOS_VERSION);
    facts.backendUrl = s.settings.string(u"backend.url");
    facts.customerDisplayMode = s.settings.string(u"display.customer");
    facts.demo = demo;
    const QList<DriverChoice> drivers = demo ? demoDriverChoices() : driverChoices(s.settings);
    for (const DriverChoice& choice : drivers)
        facts.devices << deviceKindName(choice.kind) + QStringLiteral(": ") + choice.backend;

    s.appState = std::make_unique<AppState>(std::move(facts));
    s.network = std::make_unique<NetworkMonitor>();
    s.appState->setNetworkOnline(s.network->online());
    QObject::connect(s.network.get(), &NetworkMonitor::onlineChanged, s.appState.get(), &AppState::setNetworkOnline);

    s.devices = std::make_unique<DeviceManager>(deviceSettings(), drivers, s.clock);

    s.customerDisplay = std::make_unique<CustomerDisplay>();
    s.language = std::make_unique<LanguageManager>();
    AppStateForeign::provide(s.appState.get());
    CustomerDisplayForeign::provide(s.customerDisplay.get());
    LanguageForeign::provide(s.language.get());
    DevicesForeign::provide(s.devices.get());
    s.syncStatus = std::make_unique<SyncStatus>(s.sharedClock);
    SyncForeign::provide(s.syncStatus.get());
    if (auto r = createSessionServices(); !r) return r;
    startSync();

    // One explicit style, so the kiosk looks the same on every platform plugin (eglfs, xcb, offscreen).
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    s.engine = std::make_unique<QQmlEngine>();
    s.engine->addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(s.engine.get(), &QQmlEngine::quit, QCoreApplication::instance(), &QCoreApplication::quit);
    s.language->setEngine(s.engine.get());
    const QString language =
        m_commandLine.language.isEmpty() ? s.settings.string(u"ui.language") : m_commandLine.language;
    if (!s.language->setLanguage(language)) {
        return makeError(QStringLiteral("app.language"),
                         QStringLiteral("The language '%1' is not available; use one of: %2.")
                             .arg(language, s.language->available().join(QStringLiteral(", "))));
    }
    s.renderer = std::make_unique<PageRenderer>(*s.engine);
    return {};
}

int Application::exec() {
    using Mode = CommandLine::Mode;
    switch (m_commandLine.mode) {
        case Mode::SelfTest:
            return runSelfTest();
        case Mode::RenderPage:
            return runRenderPage();
        case Mode::RecoverDatabase:
            return runRecoverDatabase();
        case Mode::BenchStartup:
            return runBenchStartup();
        case Mode::Demo:
            return m_commandLine.offscreen ? runOffscreenDemo() : runWindow();
        default:
            return runWindow();
    }
}

int Application::runWindow() {
    Services& s = *m_services;
    auto window = s.renderer->createWindow(QStringLiteral("HomePage"));
    if (!window) {
        printLine(stderr, QStringLiteral("facepos: ") + window.error().message);
        return 1;
    }
    // The kiosk follows the device and the person: activation, sign-in, the lock screen (Main.qml).
    (*window)->setProperty("followState", true);
    if (s.settings.boolean(u"ui.fullscreen"))
        (*window)->showFullScreen();
    else
        (*window)->show();
    qCInfo(lcApp) << "Main window shown";
    return QCoreApplication::exec();
}

int Application::runOffscreenDemo() {
    Services& s = *m_services;
    const QString dir = m_commandLine.output.isEmpty() ? s.dataDir + QStringLiteral("/screens") : m_commandLine.output;
    printLine(stdout,
              QStringLiteral("No display found: rendering the demo screens offscreen (all devices simulated)."));
    if (s.binding->state() != session::DeviceBinding::State::Activated) {
        // The demo terminal binds itself to the demo store first (a second or two), as on a first start.
        QEventLoop loop;
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        QObject::connect(s.binding.get(), &session::DeviceBinding::activated, &loop, &QEventLoop::quit);
        loop.exec();
        printLine(stdout, s.binding->state() == session::DeviceBinding::State::Activated
                              ? QStringLiteral("Activated for the demo store %1.").arg(s.binding->storeName())
                              : QStringLiteral("Activation did not finish: %1").arg(s.binding->errorText()));
    }
    // A scripted checkout first, so the pages show a signed-in clerk, an open shift and a sale's result.
    if (s.binding->state() == session::DeviceBinding::State::Activated) {
        for (const QString& line : runDemoCheckout(dir)) printLine(stdout, line);
    }
    QStringList written;
    for (const QString& language : s.language->available()) {
        s.language->setLanguage(language);
        for (const QString& page : PageRenderer::pages()) {
            const QString path = QStringLiteral("%1/%2-%3.png").arg(dir, page, language);
            if (auto r = s.renderer->renderToFile(page, path); !r) {
                printLine(stderr, QStringLiteral("facepos: ") + r.error().message);
                return 1;
            }
            written << path;
        }
    }
    printLine(stdout, QStringLiteral("Screens written to %1:").arg(QDir(dir).absolutePath()));
    for (const QString& path : written) printLine(stdout, QStringLiteral("  ") + QDir(path).absolutePath());
    return 0;
}

QStringList Application::runDemoCheckout(const QString& screensDir) {
    Services& s = *m_services;
    const auto waitUntil = [](const std::function<bool()>& done, int timeoutMs) {
        QElapsedTimer elapsed;
        elapsed.start();
        while (!done() && elapsed.elapsed() < timeoutMs) {
            QEventLoop loop;
            QTimer::singleShot(20, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return done();
    };
    QStringList lines;
    QStringList receipts;
    QObject context;
    QObject::connect(s.devices.get(), &DeviceManager::actionFinished, &context, [&] {
        if (!s.devices->lastActionFile().isEmpty()) receipts << s.devices->lastActionFile();
    });
    // The demo store's clerk 1001 (李娜), as seeded in the sandbox (docs/terminal-api.md §17.2).
    s.session->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"));
    if (!waitUntil([&] { return !s.session->busy(); }, 20000) || !s.session->signedIn())
        return {QStringLiteral("Scripted checkout skipped: the demo clerk could not sign in: ") +
                s.session->errorText()};
    if (!s.shift->isOpen() && !s.shift->openShift(50000))
        return {QStringLiteral("Scripted checkout skipped: no shift: ") + s.shift->errorText()};
    if (!waitUntil([&] { return !s.checkout->recovering(); }, 20000))
        return {QStringLiteral("Scripted checkout skipped: payment recovery did not finish")};
    checkout::CheckoutController& checkout = *s.checkout;
    // The result stays on screen for the screenshots that follow.
    checkout::CheckoutController::Options options = checkout.options();
    options.resultReturn = std::chrono::milliseconds(0);
    checkout.setOptions(options);
    int sales = 0;
    // The result as it was shown: the kiosk window's own pages may move the checkout on right after it.
    QString shownResult;
    QObject::connect(&checkout, &checkout::CheckoutController::changed, &context, [&] {
        if (checkout.stage() == QLatin1String("result") && shownResult.isEmpty())
            shownResult =
                QStringLiteral("%1: %2 (%3)").arg(checkout.channelText(), checkout.resultTitle(), checkout.orderNo());
    });
    const auto sale = [&](const QString& amount, const std::function<bool()>& pay) {
        checkout.newSale();
        shownResult.clear();
        if (!checkout.begin() || !checkout.setAmountText(amount) || !checkout.confirmAmount() || !pay() ||
            !waitUntil([&] { return !shownResult.isEmpty(); }, 30000)) {
            lines << QStringLiteral("Sale of ¥%1 did not finish: %2").arg(amount, checkout.message());
            return;
        }
        lines << QStringLiteral("Sale of ¥%1 by %2").arg(amount, shownResult);
        // The result as the cashier saw it (the checkout pages rendered later start a new sale).
        const QString shot =
            QStringLiteral("%1/demo-sale-%2-result-%3.png").arg(screensDir).arg(++sales).arg(s.language->language());
        if (auto r = s.renderer->renderToFile(QStringLiteral("CheckoutResultPage"), shot); r)
            lines << QStringLiteral("Result screen: ") + QDir(shot).absolutePath();
    };
    sale(QStringLiteral("12.50"), [&] {
        return checkout.chooseCash() && checkout.setTenderedText(QStringLiteral("20.00")) && checkout.confirmCash();
    });
    // The sandbox's WeChat test code that succeeds at once.
    sale(QStringLiteral("36.80"), [&] { return s.devices->simulateScan(QStringLiteral("134000000000000000")); });
    // Face pay: the demo camera plays face-1.jpg, which the demo sandbox enrolled as test payer F01 (pays at once).
    sale(QStringLiteral("18.80"), [&] {
        if (!checkout.chooseFace()) return false;
        return checkout.stage() != QLatin1String("consent") || checkout.acceptConsent();
    });
    waitUntil([&] { return !s.devices->printerBusy(); }, 10000);
    for (const QString& receipt : std::as_const(receipts)) lines << QStringLiteral("Printed: ") + receipt;
    return lines;
}

int Application::runSelfTest() {
    for (const QString& page : PageRenderer::pages()) {
        auto image = m_services->renderer->render(page);
        if (!image) {
            printLine(stderr, QStringLiteral("facepos: self-test failed: ") + image.error().message);
            return 1;
        }
    }
    printLine(stdout,
              QStringLiteral("self-test passed: %1 page(s) loaded and rendered").arg(PageRenderer::pages().size()));
    return 0;
}

int Application::runRenderPage() {
    if (auto r = m_services->renderer->renderToFile(m_commandLine.page, m_commandLine.output); !r) {
        printLine(stderr, QStringLiteral("facepos: ") + r.error().message);
        return 1;
    }
    printLine(stdout, QDir(m_commandLine.output).absolutePath());
    return 0;
}

int Application::runRecoverDatabase() {
    const QString path = databasePath();
    auto report = Database::recover(path, databaseOptions());
    if (!report) {
        printLine(stderr, QStringLiteral("facepos: ") + report.error().message);
        return 1;
    }
    printLine(stdout, QStringLiteral("The damaged database was moved to %1 and kept.").arg(report->damagedCopyPath));
    for (const TableRecovery& table : report->tables) {
        printLine(stdout, QStringLiteral("  %1: %2 row(s) salvaged, %3%4 lost")
                              .arg(table.table)
                              .arg(table.rowsSalvaged)
                              .arg(table.lossCountKnown ? QString() : QStringLiteral("at least "))
                              .arg(table.rowsLost));
    }
    printLine(stdout,
              QStringLiteral("A new database %1 holds %2 salvaged row(s).").arg(path).arg(report->rowsSalvaged()));
    return 0;
}

int Application::runBenchStartup() {
    Services& s = *m_services;
    auto window = s.renderer->createWindow(QStringLiteral("HomePage"));
    if (!window) {
        printLine(stderr, QStringLiteral("facepos: ") + window.error().message);
        return 1;
    }
    if (auto r = s.renderer->waitForFrame(*window); !r) {
        printLine(stderr, QStringLiteral("facepos: ") + r.error().message);
        return 1;
    }
    printLine(stdout, QStringLiteral("FIRST_FRAME"));
    // The harness measures resident memory from outside while the application idles, then stops it.
    QTimer::singleShot(30000, QCoreApplication::instance(), &QCoreApplication::quit);
    return QCoreApplication::exec();
}

}  // namespace facepos
