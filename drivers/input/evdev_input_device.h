#pragma once

#include <linux/input.h>

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>

#include "device_state.h"
#include "evdev_node.h"
#include "input_event_parser.h"

class QSocketNotifier;

namespace facepos::drivers {

class HotplugWatcher;

struct EvdevInputConfig {
    QString device;                                   // scanner.device / keypad.device (see EvdevNode::locate)
    QString inputDir = QStringLiteral("/dev/input");  // tests: a temporary folder holding FIFOs
    QString role;                                     // "scanner" or "keypad", for messages
    std::chrono::milliseconds reconnectInterval{2000};
    bool useUdev = true;  // false in tests: their folder is not /dev
};

// The evdev path shared by the HID scanner and the keypad: finds the device, opens and grabs it (EvdevNode), reads
// `struct input_event` records (InputEventParser) and hands each to the owner; survives unplug and replug.
//
// States: Connected while the node is open; Disconnected when it is absent or was unplugged (read() gave ENODEV or
// end of file), with retries on a timer and on every HotplugWatcher notification; Error when it is present but
// cannot be used (permissions, grabbed by another program), retried the same way since both can be fixed outside.
//
// Thread ownership: everything happens on the thread that created it, driven by its event loop (QSocketNotifier,
// QTimer); the event handler is called there too.
class EvdevInputDevice : public QObject {
    Q_OBJECT
public:
    using EventHandler = std::function<void(const input_event&)>;

    EvdevInputDevice(EvdevInputConfig config, EventHandler onEvent, QObject* parent = nullptr);
    ~EvdevInputDevice() override;

    void start();
    void stop();

    DeviceState state() const { return m_state; }
    bool grabbed() const { return m_node && m_node->grabbed(); }

signals:
    // Emitted when an open device is lost, before stateChanged(), so the owner drops half-read input.
    void lost();
    void stateChanged(const facepos::drivers::DeviceState& state);

private:
    void tryOpen();
    void onReadable();
    void closeNode(DeviceState next);
    void setState(DeviceState state);

    EvdevInputConfig m_config;
    EventHandler m_onEvent;
    std::unique_ptr<EvdevNode> m_node;
    std::unique_ptr<QSocketNotifier> m_notifier;
    InputEventParser m_parser;
    HotplugWatcher* m_watcher = nullptr;
    QTimer m_retry;
    DeviceState m_state;
    bool m_running = false;
};

}  // namespace facepos::drivers
