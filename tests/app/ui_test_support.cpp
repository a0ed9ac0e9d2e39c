#include "ui_test_support.h"

#include <QTest>

#include "app/qml_singletons.h"
#include "drivers/driver_selection.h"
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

UiHarness::UiHarness() : appState(testFacts()) {
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
    engine = std::make_unique<QQmlEngine>();
    engine->addImportPath(QStringLiteral("qrc:/"));
    language.setEngine(engine.get());
    language.setLanguage(QStringLiteral("zh_CN"));
    renderer = std::make_unique<PageRenderer>(*engine);
}

UiHarness::~UiHarness() {
    renderer.reset();
    engine.reset();
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

}  // namespace facepos::test
