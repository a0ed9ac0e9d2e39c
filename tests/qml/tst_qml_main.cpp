// Qt Quick Test runner for tests/qml/tst_*.qml, with the FacePOS module and its singletons available.
#include <QtQml/qqmlextensionplugin.h>

#include <QQmlEngine>
#include <QtQuickTest>

#include "app/app_state.h"
#include "app/customer_display.h"
#include "app/language_manager.h"
#include "app/qml_singletons.h"
#include "app/sync_status.h"
#include "platform/system_clock.h"
#include "qml_session_services.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        facepos::AppState::DeviceFacts facts;
        facts.serial = QStringLiteral("FP-QML-TEST");
        m_state = std::make_unique<facepos::AppState>(facts);
        m_customerDisplay = std::make_unique<facepos::CustomerDisplay>();
        m_language = std::make_unique<facepos::LanguageManager>();
        m_language->setEngine(engine);
        m_sync = std::make_unique<facepos::SyncStatus>(std::make_shared<facepos::SystemClock>());
        facepos::AppStateForeign::provide(m_state.get());
        facepos::LanguageForeign::provide(m_language.get());
        facepos::CustomerDisplayForeign::provide(m_customerDisplay.get());
        facepos::SyncForeign::provide(m_sync.get());
        // One set for the whole run: each test file gets a new engine, the services stay.
        if (!m_session) m_session = std::make_unique<QmlSessionServices>();
        engine->addImportPath(QStringLiteral("qrc:/"));
    }

private:
    std::unique_ptr<facepos::AppState> m_state;
    std::unique_ptr<facepos::CustomerDisplay> m_customerDisplay;
    std::unique_ptr<facepos::LanguageManager> m_language;
    std::unique_ptr<facepos::SyncStatus> m_sync;
    std::unique_ptr<QmlSessionServices> m_session;
};

QUICK_TEST_MAIN_WITH_SETUP(facepos_qml, Setup)

#include "tst_qml_main.moc"
