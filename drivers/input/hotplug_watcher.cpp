#include "hotplug_watcher.h"

#include <libudev.h>

#include <QFileInfo>
#include <QSocketNotifier>

#include "platform/logging.h"

namespace facepos::drivers {

HotplugWatcher::HotplugWatcher(QStringList directories, const QByteArray& udevSubsystem, QObject* parent)
    : QObject(parent), m_directories(std::move(directories)) {
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watchExistingDirectories();
        emit changed();
    });
    watchExistingDirectories();
    if (!udevSubsystem.isEmpty()) startUdevMonitor(udevSubsystem);
}

HotplugWatcher::~HotplugWatcher() {
    delete m_notifier;
    if (m_monitor) udev_monitor_unref(m_monitor);
    if (m_udev) udev_unref(m_udev);
}

void HotplugWatcher::watchExistingDirectories() {
    const QStringList watched = m_watcher.directories();
    for (const QString& dir : m_directories) {
        if (!watched.contains(dir) && QFileInfo(dir).isDir()) m_watcher.addPath(dir);
    }
}

void HotplugWatcher::startUdevMonitor(const QByteArray& subsystem) {
    m_udev = udev_new();
    if (m_udev) m_monitor = udev_monitor_new_from_netlink(m_udev, "udev");
    if (m_monitor && (udev_monitor_filter_add_match_subsystem_devtype(m_monitor, subsystem.constData(), nullptr) < 0 ||
                      udev_monitor_enable_receiving(m_monitor) < 0)) {
        udev_monitor_unref(m_monitor);
        m_monitor = nullptr;
    }
    if (!m_monitor) {
        qCDebug(lcDrivers) << "udev monitor for" << subsystem << "unavailable; relying on the folder watch and retries";
        return;
    }
    m_notifier = new QSocketNotifier(udev_monitor_get_fd(m_monitor), QSocketNotifier::Read);
    connect(m_notifier, &QSocketNotifier::activated, this, &HotplugWatcher::onUdevReadable);
}

void HotplugWatcher::onUdevReadable() {
    // Drain every queued device event; what changed does not matter, only that the driver should look again.
    bool any = false;
    while (udev_device* device = udev_monitor_receive_device(m_monitor)) {
        udev_device_unref(device);
        any = true;
    }
    if (any) emit changed();
}

}  // namespace facepos::drivers
