#include "network_monitor.h"

#include <QDir>
#include <QFile>

namespace facepos {

namespace {

QByteArray readTrimmed(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll().trimmed();
}

}  // namespace

NetworkMonitor::NetworkMonitor(QString sysClassNet, int intervalMs, QObject* parent)
    : QObject(parent), m_root(std::move(sysClassNet)) {
    m_online = linkUp(m_root);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &NetworkMonitor::refresh);
    m_timer.start();
}

void NetworkMonitor::refresh() {
    const bool now = linkUp(m_root);
    if (now == m_online) return;
    m_online = now;
    emit onlineChanged(now);
}

bool NetworkMonitor::linkUp(const QString& sysClassNet) {
    const QDir dir(sysClassNet);
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System)) {
        if (name == QLatin1String("lo")) continue;
        const QString base = dir.filePath(name);
        const QByteArray state = readTrimmed(base + QStringLiteral("/operstate"));
        // "unknown" is what many virtual and some USB NICs report while working; carrier decides for them.
        if (state != "up" && state != "unknown") continue;
        if (readTrimmed(base + QStringLiteral("/carrier")) == "1") return true;
    }
    return false;
}

}  // namespace facepos
