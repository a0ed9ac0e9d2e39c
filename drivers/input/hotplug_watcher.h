#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QStringList>

struct udev;
struct udev_monitor;
class QSocketNotifier;

namespace facepos::drivers {

// Tells a disconnected driver that it is worth trying to open its device again.
//
// Two sources, either of which is enough:
//  - a libudev monitor on the device's subsystem ("input", "tty"): the event the system itself sends when a USB
//    device comes or goes. It needs the udev daemon's netlink socket, which a container or a minimal system lacks;
//    there it is simply not started (logged at debug level).
//  - an inotify watch (QFileSystemWatcher) on the folders holding the device node and its by-id link: devtmpfs and
//    udev create and remove the nodes there, so it fires on real systems too; and it is the path the tests drive
//    by removing and re-creating a node in a temporary folder, which no udev monitor can be made to do without root.
// The drivers also retry on a timer, so a missed notification only delays reconnection.
//
// Thread ownership: lives and emits on the thread that created it.
class HotplugWatcher : public QObject {
    Q_OBJECT
public:
    // `directories` that do not exist yet are watched once their parent reports a change (by-id appears with the
    // first device). `udevSubsystem` empty: no udev monitor.
    HotplugWatcher(QStringList directories, const QByteArray& udevSubsystem, QObject* parent = nullptr);
    ~HotplugWatcher() override;

    bool udevMonitorActive() const { return m_monitor != nullptr; }

signals:
    void changed();

private:
    void watchExistingDirectories();
    void startUdevMonitor(const QByteArray& subsystem);
    void onUdevReadable();

    QStringList m_directories;
    QFileSystemWatcher m_watcher;
    udev* m_udev = nullptr;
    udev_monitor* m_monitor = nullptr;
    QSocketNotifier* m_notifier = nullptr;
};

}  // namespace facepos::drivers
