#include "evdev_input_device.h"

#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <cerrno>
#include <cstring>

#include "hotplug_watcher.h"
#include "platform/logging.h"

namespace facepos::drivers {

EvdevInputDevice::EvdevInputDevice(EvdevInputConfig config, EventHandler onEvent, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_onEvent(std::move(onEvent)) {
    m_retry.setInterval(m_config.reconnectInterval);
    connect(&m_retry, &QTimer::timeout, this, &EvdevInputDevice::tryOpen);
    m_state = {DeviceState::Status::Disconnected, QStringLiteral("%1 not started").arg(m_config.role)};
}

EvdevInputDevice::~EvdevInputDevice() = default;

void EvdevInputDevice::start() {
    if (m_running) return;
    m_running = true;
    if (!m_watcher) {
        QStringList dirs{m_config.inputDir, QDir(m_config.inputDir).filePath(QStringLiteral("by-id"))};
        if (m_config.device.startsWith(u'/')) dirs.append(QFileInfo(m_config.device).absolutePath());
        m_watcher = new HotplugWatcher(dirs, m_config.useUdev ? QByteArrayLiteral("input") : QByteArray(), this);
        connect(m_watcher, &HotplugWatcher::changed, this, [this] {
            if (m_running && !m_node) tryOpen();
        });
    }
    tryOpen();
}

void EvdevInputDevice::stop() {
    m_running = false;
    m_retry.stop();
    closeNode({DeviceState::Status::Disconnected, QStringLiteral("%1 stopped").arg(m_config.role)});
}

void EvdevInputDevice::tryOpen() {
    if (!m_running || m_node) return;
    const Result<QString> path = EvdevNode::locate(m_config.device, m_config.inputDir, m_config.role);
    if (!path) {
        const bool configuration = path.error().code == QLatin1String("input.not_configured");
        setState({configuration ? DeviceState::Status::Error : DeviceState::Status::Disconnected,
                  configuration ? path.error().message
                                : QStringLiteral("%1 disconnected: %2").arg(m_config.role, path.error().message)});
        if (!configuration) m_retry.start();
        return;
    }
    Result<std::unique_ptr<EvdevNode>> node = EvdevNode::open(path.value(), m_config.role);
    if (!node) {
        setState({DeviceState::Status::Error, node.error().message});
        m_retry.start();
        return;
    }
    m_retry.stop();
    m_node = std::move(node).value();
    m_parser.reset();
    m_notifier = std::make_unique<QSocketNotifier>(m_node->fd(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &EvdevInputDevice::onReadable);
    qCInfo(lcDrivers) << m_config.role << "connected:" << m_node->name() << m_node->path()
                      << (m_node->grabbed() ? "(grabbed)" : "(replay source)");
    setState({DeviceState::Status::Connected, {}});
}

void EvdevInputDevice::onReadable() {
    char buffer[64 * sizeof(input_event)];
    for (;;) {
        if (!m_node) return;
        const ssize_t n = ::read(m_node->fd(), buffer, sizeof buffer);
        if (n > 0) {
            for (const input_event& event : m_parser.feed(buffer, n)) {
                m_onEvent(event);
                if (!m_node) return;  // the handler stopped us
            }
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        const int error = n < 0 ? errno : 0;
        if (n == 0 || error == ENODEV) {
            qCWarning(lcDrivers) << m_config.role << "unplugged:" << m_node->path();
            closeNode({DeviceState::Status::Disconnected,
                       QStringLiteral("%1 disconnected: plug it back in; it will be used again as soon as it is "
                                      "detected.")
                           .arg(m_config.role)});
        } else {
            closeNode(
                {DeviceState::Status::Error, QStringLiteral("Reading the %1 failed (%2); reconnecting.")
                                                 .arg(m_config.role, QString::fromLocal8Bit(std::strerror(error)))});
        }
        m_retry.start();
        return;
    }
}

void EvdevInputDevice::closeNode(DeviceState next) {
    const bool wasOpen = m_node != nullptr;
    m_notifier.reset();
    m_node.reset();
    m_parser.reset();
    if (wasOpen) emit lost();
    setState(std::move(next));
}

void EvdevInputDevice::setState(DeviceState state) {
    if (state == m_state) return;
    m_state = std::move(state);
    emit stateChanged(m_state);
}

}  // namespace facepos::drivers
