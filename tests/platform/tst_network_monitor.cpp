#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "platform/network_monitor.h"

using namespace facepos;

namespace {

void writeInterface(const QTemporaryDir& root, const QString& name, const QByteArray& operstate,
                    const QByteArray& carrier) {
    QDir(root.path()).mkpath(name);
    QFile state(root.filePath(name + QStringLiteral("/operstate")));
    ASSERT_TRUE(state.open(QIODevice::WriteOnly | QIODevice::Truncate));
    state.write(operstate + '\n');
    QFile link(root.filePath(name + QStringLiteral("/carrier")));
    ASSERT_TRUE(link.open(QIODevice::WriteOnly | QIODevice::Truncate));
    link.write(carrier + '\n');
}

}  // namespace

TEST(NetworkMonitor, LoopbackAloneIsOffline) {
    QTemporaryDir root;
    writeInterface(root, QStringLiteral("lo"), "unknown", "1");
    EXPECT_FALSE(NetworkMonitor::linkUp(root.path()));
}

TEST(NetworkMonitor, InterfaceUpWithCarrierIsOnline) {
    QTemporaryDir root;
    writeInterface(root, QStringLiteral("eth0"), "up", "1");
    EXPECT_TRUE(NetworkMonitor::linkUp(root.path()));
}

TEST(NetworkMonitor, CablePulledIsOffline) {
    QTemporaryDir root;
    writeInterface(root, QStringLiteral("eth0"), "down", "0");
    writeInterface(root, QStringLiteral("wlan0"), "dormant", "1");
    EXPECT_FALSE(NetworkMonitor::linkUp(root.path()));
}

TEST(NetworkMonitor, EmitsWhenTheLinkChanges) {
    QTemporaryDir root;
    writeInterface(root, QStringLiteral("eth0"), "up", "1");
    NetworkMonitor monitor(root.path(), 60000);
    ASSERT_TRUE(monitor.online());
    QSignalSpy spy(&monitor, &NetworkMonitor::onlineChanged);

    writeInterface(root, QStringLiteral("eth0"), "down", "0");
    monitor.refresh();
    monitor.refresh();

    ASSERT_EQ(spy.count(), 1);
    EXPECT_FALSE(spy.at(0).at(0).toBool());
    EXPECT_FALSE(monitor.online());
}
