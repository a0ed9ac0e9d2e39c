#include "kiosk_driver.h"

#include <QJsonArray>
#include <QQuickItem>
#include <QTest>
#include <cstdio>

#include "app/app_schema.h"
#include "platform/curl_http_client.h"

namespace facepos::test {

using namespace std::chrono_literals;

KioskDriver::~KioskDriver() {
    m_sync.reset();
    m_ui.reset();
    if (m_server) m_server->stop();
}

Result<void> KioskDriver::startTerminal() {
    if (!m_sandboxDir.isValid())
        return makeError(QStringLiteral("test.tmp"), QStringLiteral("no temporary directory for the sandbox"));
    sandbox::SandboxOptions options;
    options.dbPath = m_sandboxDir.filePath(QStringLiteral("sandbox.db"));
    options.adminToken = QStringLiteral("kiosk-test-admin-token");
    options.seed = QStringLiteral("demo");
    // The terminal stamps its requests with the system clock, so the sandbox runs on it too.
    auto server = sandbox::SandboxServer::start(options);
    if (!server) return server.error();
    m_server = std::move(server).value();
    m_ui = std::make_unique<UiHarness>(m_server->url(), QString::fromLatin1(kDeviceId));
    UiHarness& ui = *m_ui;
    if (auto loaded = ui.binding->load(); !loaded) return loaded.error();
    if (auto loaded = ui.session->load(); !loaded) return loaded.error();
    if (auto loaded = ui.shift->load(); !loaded) return loaded.error();
    // As Application wires them: an unbinding ends the session at once (selling stops).
    QObject::connect(ui.binding.get(), &session::DeviceBinding::unbindingStarted, ui.session.get(),
                     [&ui] { ui.session->endLocally(QStringLiteral("device unbound")); });
    return {};
}

bool KioskDriver::fail(const QString& message) {
    m_lastError = message;
    return false;
}

bool KioskDriver::show(const QString& page, QSize size, bool followState) {
    auto window = m_ui->renderer->createWindow(page, size);
    if (!window) return fail(window.error().message);
    m_window = *window;
    m_window->setProperty("followState", followState);
    if (auto frame = m_ui->renderer->waitForFrame(m_window); !frame) return fail(frame.error().message);
    // Keys go to the active window's focused field, as on the kiosk.
    m_window->requestActivate();
    if (!QTest::qWaitForWindowActive(m_window)) return fail(QStringLiteral("the window did not become active"));
    return true;
}

QString KioskDriver::currentPage() const {
    QObject* stack = m_window ? findByName(m_window, QStringLiteral("pageStack")) : nullptr;
    if (!stack) return {};
    auto* page = stack->property("currentItem").value<QQuickItem*>();
    return page ? page->objectName() : QString();
}

bool KioskDriver::waitForPage(const QString& objectName, int timeoutMs) const {
    QObject* stack = m_window ? findByName(m_window, QStringLiteral("pageStack")) : nullptr;
    return waitFor([&] { return currentPage() == objectName && stack && !stack->property("busy").toBool(); },
                   timeoutMs);
}

QObject* KioskDriver::item(const QString& name) const {
    QObject* stack = m_window ? findByName(m_window, QStringLiteral("pageStack")) : nullptr;
    if (stack) {
        if (auto* page = stack->property("currentItem").value<QQuickItem*>()) {
            if (page->objectName() == name) return page;
            for (QObject* found : page->findChildren<QObject*>(name)) return found;
            std::function<QQuickItem*(QQuickItem*)> visual = [&](QQuickItem* node) -> QQuickItem* {
                for (QQuickItem* child : node->childItems()) {
                    if (child->objectName() == name) return child;
                    if (QQuickItem* deeper = visual(child)) return deeper;
                }
                return nullptr;
            };
            if (QQuickItem* found = visual(page)) return found;
        }
    }
    return m_window ? findByName(m_window, name) : nullptr;
}

QString KioskDriver::text(const QString& name) const {
    QObject* object = item(name);
    return object ? object->property("text").toString() : QStringLiteral("<no item %1>").arg(name);
}

bool KioskDriver::isVisible(const QString& name) const {
    auto* quickItem = qobject_cast<QQuickItem*>(item(name));
    return quickItem && quickItem->isVisible();
}

bool KioskDriver::isEnabled(const QString& name) const {
    auto* quickItem = qobject_cast<QQuickItem*>(item(name));
    return quickItem && quickItem->isEnabled();
}

bool KioskDriver::setText(const QString& name, const QString& text) const {
    QObject* object = item(name);
    return object && object->setProperty("text", text);
}

bool KioskDriver::tap(const QString& name) const {
    if (!m_window) return false;
    // A finger waits for the page transition to end (Animators move items only visually until they finish) and
    // aims at what is drawn: let the layout settle (a tab switch shows other fields) before aiming.
    QObject* stack = findByName(m_window, QStringLiteral("pageStack"));
    if (stack && !waitFor([stack] { return !stack->property("busy").toBool(); }, 5000)) return false;
    (void)m_ui->renderer->waitForFrame(m_window, 1000);
    auto* target = qobject_cast<QQuickItem*>(item(name));
    if (!target || !target->isVisible()) return false;
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

bool KioskDriver::waitFor(const std::function<bool()>& condition, int timeoutMs) const {
    return QTest::qWaitFor(condition, timeoutMs);
}

bool KioskDriver::grab(const QDir& out, const QString& file) const {
    QTest::qWait(300);
    const QImage image = m_window ? m_window->grabWindow() : QImage();
    const QString path = out.filePath(file);
    if (image.isNull() || !image.save(path)) return false;
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool KioskDriver::admin(const QString& action, const QJsonObject& body, QJsonObject* data) const {
    const QJsonObject reply = m_server->admin(action, body);
    if (data) *data = reply.value(QStringLiteral("data")).toObject();
    return reply.value(QStringLiteral("code")).toInt(-1) == 0;
}

QString KioskDriver::pendingRequestId() const {
    QJsonObject data;
    if (!admin(QStringLiteral("activation_list"), {{QStringLiteral("state"), QStringLiteral("pending")}}, &data))
        return {};
    for (const QJsonValue& request : data.value(QStringLiteral("requests")).toArray()) {
        const QJsonObject object = request.toObject();
        if (object.value(QStringLiteral("device_id")).toString() == QLatin1String(kDeviceId))
            return object.value(QStringLiteral("request_id")).toString();
    }
    return {};
}

qint64 KioskDriver::sandboxCount(const QString& sql) const {
    auto value = m_server->queryInt64(sql);
    return value.ok() ? value->value_or(0) : -1;
}

bool KioskDriver::startSync() {
    auto http = CurlHttpClient::create();
    if (!http) return fail(http.error().message);
    m_syncHttp = std::move(http).value();
    store::SyncOptions options;
    options.databasePath = m_ui->dataDir.filePath(QStringLiteral("facepos.db"));
    options.database.migrations = appMigrations();
    options.backend.baseUrl = m_server->url();
    options.backend.deviceId = QString::fromLatin1(kDeviceId);
    options.backend.merchantNo = m_ui->binding->merchantNo();
    options.backend.deviceSecret = m_ui->binding->deviceSecret();
    options.backend.timeout = 5s;
    options.backend.retryDelay = 50ms;
    options.backoffInitial = 100ms;
    options.backoffMax = 400ms;
    m_sync = std::make_unique<store::SyncService>(*m_syncHttp, m_ui->wallClock, std::move(options));
    QObject::connect(m_sync.get(), &store::SyncService::snapshotChanged, &m_ui->syncStatus, &SyncStatus::setSnapshot);
    QObject::connect(m_sync.get(), &store::SyncService::snapshotChanged, m_ui->binding.get(),
                     &session::DeviceBinding::setOutbox);
    QObject::connect(m_sync.get(), &store::SyncService::deviceUnbound, m_ui->binding.get(),
                     &session::DeviceBinding::handleUnbound);
    m_sync->setNetworkOnline(true);
    m_sync->start();
    return true;
}

}  // namespace facepos::test
