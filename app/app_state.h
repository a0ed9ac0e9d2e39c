#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

namespace facepos {

// What the shell shows on every screen: the status bar's network and signed-in person (sync: SyncStatus), the device
// facts on the settings page, and how the customer display is presented. Owned by Application, lives on the UI thread
// and is only written there; later services (auth, sync) update it through its setters.
class AppState final : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool networkOnline READ networkOnline NOTIFY networkOnlineChanged)
    Q_PROPERTY(QString signedInName READ signedInName NOTIFY signedInChanged)
    Q_PROPERTY(QString signedInRole READ signedInRole NOTIFY signedInChanged)
    Q_PROPERTY(QString storeName READ storeName NOTIFY storeNameChanged)
    Q_PROPERTY(QString deviceSerial READ deviceSerial CONSTANT)
    Q_PROPERTY(QString deviceModel READ deviceModel CONSTANT)
    Q_PROPERTY(QString softwareVersion READ softwareVersion CONSTANT)
    Q_PROPERTY(QString backendUrl READ backendUrl CONSTANT)
    Q_PROPERTY(QStringList devices READ devices CONSTANT)
    Q_PROPERTY(QString customerDisplayMode READ customerDisplayMode CONSTANT)
    Q_PROPERTY(bool demo READ demo CONSTANT)

public:
    struct DeviceFacts {
        QString serial;
        QString model;
        QString softwareVersion;
        QString backendUrl;
        QStringList devices;  // "camera: simulated", one entry per device kind
        QString customerDisplayMode = QStringLiteral("auto");
        bool demo = false;
    };

    explicit AppState(DeviceFacts facts, QObject* parent = nullptr);

    bool networkOnline() const { return m_networkOnline; }
    QString signedInName() const { return m_signedInName; }
    QString signedInRole() const { return m_signedInRole; }
    QString storeName() const { return m_storeName; }
    QString deviceSerial() const { return m_facts.serial; }
    QString deviceModel() const { return m_facts.model; }
    QString softwareVersion() const { return m_facts.softwareVersion; }
    QString backendUrl() const { return m_facts.backendUrl; }
    QStringList devices() const { return m_facts.devices; }
    QString customerDisplayMode() const { return m_facts.customerDisplayMode; }
    bool demo() const { return m_facts.demo; }

    void setNetworkOnline(bool online);
    void setSignedIn(const QString& name, const QString& role);
    void setStoreName(const QString& name);

signals:
    void networkOnlineChanged();
    void signedInChanged();
    void storeNameChanged();

private:
    DeviceFacts m_facts;
    bool m_networkOnline = false;
    QString m_signedInName;
    QString m_signedInRole;
    QString m_storeName;
};

}  // namespace facepos
