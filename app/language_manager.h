#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTranslator>
#include <memory>

class QQmlEngine;

namespace facepos {

// Switches the UI language at run time: installs the compiled translation from the resources
// (":/i18n/facepos_<code>.qm") and asks the QML engine to re-evaluate every qsTr() binding.
// Chinese (zh_CN) is the product's first language; English is the second. UI thread only.
class LanguageManager final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QStringList available READ available CONSTANT)

public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    QString language() const { return m_language; }
    QStringList available() const;

    // The engine whose bindings are re-translated on a switch. May be set after construction and changed.
    void setEngine(QQmlEngine* engine);

    // Returns false (and keeps the current language) when `code` is not one of available().
    Q_INVOKABLE bool setLanguage(const QString& code);

signals:
    void languageChanged();

private:
    QPointer<QQmlEngine> m_engine;
    std::unique_ptr<QTranslator> m_translator;
    QString m_language;
};

}  // namespace facepos
