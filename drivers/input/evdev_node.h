#pragma once

#include <QString>
#include <memory>

#include "platform/result.h"

struct libevdev;

namespace facepos::drivers {

// One opened input source for the evdev drivers.
//
// A character device (a real /dev/input/eventN) is opened through libevdev and grabbed with EVIOCGRAB
// (libevdev_grab), so its key events reach this process only: a scan can never leak into a focused text field or
// the console. A FIFO is accepted as a replay source: it carries recorded `struct input_event` records (what the
// kernel would have written), which is how the tests and a technician replaying a capture drive the same parser;
// there is nothing to grab on a FIFO. Anything else is refused.
//
// Owns the file descriptor (closing releases the grab). Not thread-safe: owned by the driver's thread.
class EvdevNode {
public:
    // Resolves scanner.device / keypad.device to a path:
    //   "/abs/path"        → used as is;
    //   "vvvv:pppp" (hex)  → the eventN node in `inputDir` whose USB vendor:product id matches (libevdev);
    //   anything else      → `inputDir`/by-id/<name> (the stable udev name, e.g. usb-Honeywell_…-event-kbd).
    // Errors: input.not_configured (empty), input.not_found (nothing matches: the device is unplugged or the name
    // is wrong; the message lists what to check).
    static Result<QString> locate(const QString& device, const QString& inputDir, const QString& role);

    // Errors: input.open_failed (permissions: the message names the udev rule), input.not_input_device,
    // input.grab_failed (another program holds the device).
    static Result<std::unique_ptr<EvdevNode>> open(const QString& path, const QString& role);

    ~EvdevNode();
    EvdevNode(const EvdevNode&) = delete;
    EvdevNode& operator=(const EvdevNode&) = delete;

    int fd() const { return m_fd; }
    QString path() const { return m_path; }
    bool grabbed() const { return m_evdev != nullptr; }
    QString name() const { return m_name; }  // the device's name, or the path for a replay FIFO

private:
    EvdevNode(int fd, QString path) : m_fd(fd), m_path(std::move(path)) {}

    int m_fd = -1;
    QString m_path;
    QString m_name;
    libevdev* m_evdev = nullptr;
};

}  // namespace facepos::drivers
