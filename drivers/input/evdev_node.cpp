#include "evdev_node.h"

#include <fcntl.h>
#include <libevdev/libevdev.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <cerrno>
#include <cstring>

namespace facepos::drivers {

namespace {

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

// Opens `path` read-only and non-blocking; a FIFO opened this way never waits for its writer.
int openNode(const QString& path) {
    return ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

}  // namespace

Result<QString> EvdevNode::locate(const QString& device, const QString& inputDir, const QString& role) {
    if (device.isEmpty()) {
        return makeError(QStringLiteral("input.not_configured"),
                         QStringLiteral("No %1 device is configured: set %1.device to its /dev/input/by-id name or "
                                        "its USB id as vid:pid (see docs/input-devices.md).")
                             .arg(role));
    }
    if (device.startsWith(u'/')) {
        if (QFileInfo::exists(device)) return device;
        return makeError(QStringLiteral("input.not_found"),
                         QStringLiteral("The %1 %2 is not present: check that it is plugged in.").arg(role, device));
    }
    static const QRegularExpression usbId(QStringLiteral("^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$"));
    if (const QRegularExpressionMatch m = usbId.match(device); m.hasMatch()) {
        const int vendor = m.captured(1).toInt(nullptr, 16);
        const int product = m.captured(2).toInt(nullptr, 16);
        const QDir dir(inputDir);
        for (const QString& entry : dir.entryList({QStringLiteral("event*")}, QDir::System, QDir::Name)) {
            const QString path = dir.filePath(entry);
            const int fd = openNode(path);
            if (fd < 0) continue;
            libevdev* evdev = nullptr;
            bool match = false;
            if (libevdev_new_from_fd(fd, &evdev) == 0) {
                match = libevdev_get_id_vendor(evdev) == vendor && libevdev_get_id_product(evdev) == product &&
                        libevdev_has_event_type(evdev, EV_KEY);
                libevdev_free(evdev);
            }
            ::close(fd);
            if (match) return path;
        }
        return makeError(QStringLiteral("input.not_found"),
                         QStringLiteral("No %1 with USB id %2 is connected (looked in %3): check the cable, or that "
                                        "the terminal may read input devices (udev rule in packaging/).")
                             .arg(role, device, inputDir));
    }
    const QString path = QDir(inputDir).filePath(QStringLiteral("by-id/") + device);
    if (QFileInfo::exists(path)) return path;
    return makeError(QStringLiteral("input.not_found"),
                     QStringLiteral("The %1 '%2' is not connected (no %3): check the cable; `ls %4/by-id` lists the "
                                    "names of connected devices.")
                         .arg(role, device, path, inputDir));
}

Result<std::unique_ptr<EvdevNode>> EvdevNode::open(const QString& path, const QString& role) {
    const int fd = openNode(path);
    if (fd < 0) {
        const int error = errno;
        return makeError(QStringLiteral("input.open_failed"),
                         QStringLiteral("Cannot open the %1 %2: %3. The terminal's user needs read access to input "
                                        "devices (group 'input', udev rule in packaging/).")
                             .arg(role, path, systemError(error)));
    }
    std::unique_ptr<EvdevNode> node(new EvdevNode(fd, path));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || (!S_ISCHR(info.st_mode) && !S_ISFIFO(info.st_mode))) {
        return makeError(
            QStringLiteral("input.not_input_device"),
            QStringLiteral("%1 is not an input device; set %2.device to a /dev/input/by-id name.").arg(path, role));
    }
    if (S_ISFIFO(info.st_mode)) {
        node->m_name = path;
        return node;
    }
    if (const int rc = libevdev_new_from_fd(fd, &node->m_evdev); rc < 0) {
        node->m_evdev = nullptr;
        return makeError(QStringLiteral("input.not_input_device"),
                         QStringLiteral("%1 is not an evdev input device (%2); set %3.device to a /dev/input/by-id "
                                        "name.")
                             .arg(path, systemError(-rc), role));
    }
    if (const int rc = libevdev_grab(node->m_evdev, LIBEVDEV_GRAB); rc < 0) {
        return makeError(QStringLiteral("input.grab_failed"),
                         QStringLiteral("Cannot take the %1 %2 for exclusive use (%3): another program holds it. Stop "
                                        "that program (another FacePOS instance, a desktop session) and restart.")
                             .arg(role, path, systemError(-rc)));
    }
    node->m_name = QString::fromUtf8(libevdev_get_name(node->m_evdev));
    return node;
}

EvdevNode::~EvdevNode() {
    if (m_evdev) {
        libevdev_grab(m_evdev, LIBEVDEV_UNGRAB);
        libevdev_free(m_evdev);
    }
    if (m_fd >= 0) ::close(m_fd);
}

}  // namespace facepos::drivers
