#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace facepos {

// Reports whether the device has a usable network link, from the kernel's view in /sys/class/net: some interface
// other than loopback is up with carrier. It says nothing about whether the backend answers (the backend client
// and heartbeat report that); it lets the UI say "offline" at once when the cable is pulled or Wi-Fi drops.
// Lives on the thread that created it; polls (sysfs has no change notification without netlink).
class NetworkMonitor final : public QObject {
    Q_OBJECT
public:
    explicit NetworkMonitor(QString sysClassNet = QStringLiteral("/sys/class/net"), int intervalMs = 2000,
                            QObject* parent = nullptr);

    bool online() const { return m_online; }

    // Reads the link state now (also done on every timer tick); emits onlineChanged when it differs.
    void refresh();

    static bool linkUp(const QString& sysClassNet);

signals:
    void onlineChanged(bool online);

private:
    QString m_root;
    QTimer m_timer;
    bool m_online = false;
};

}  // namespace facepos
