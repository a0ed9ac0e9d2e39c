#include "language_manager.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

#include "platform/logging.h"

namespace facepos {

namespace {
const QStringList kLanguages{QStringLiteral("zh_CN"), QStringLiteral("en")};
}

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager() {
    if (m_translator) QCoreApplication::removeTranslator(m_translator.get());
}

QStringList LanguageManager::available() const {
    return kLanguages;
}

void LanguageManager::setEngine(QQmlEngine* engine) {
    m_engine = engine;
}

bool LanguageManager::setLanguage(const QString& code) {
    if (!kLanguages.contains(code)) {
        qCWarning(lcUi) << "Unknown UI language" << code << "- keeping" << m_language;
        return false;
    }
    if (code == m_language) return true;

    auto translator = std::make_unique<QTranslator>();
    const QString file = QStringLiteral(":/i18n/facepos_%1.qm").arg(code);
    if (!translator->load(file)) {
        qCWarning(lcUi) << "Translation" << file << "is missing from the build; keeping" << m_language;
        return false;
    }
    if (m_translator) QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(translator);
    QCoreApplication::installTranslator(m_translator.get());
    QLocale::setDefault(QLocale(code));
    m_language = code;
    if (m_engine) m_engine->retranslate();
    emit languageChanged();
    return true;
}

}  // namespace facepos
