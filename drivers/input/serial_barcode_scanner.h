#pragma once

#include <QSerialPort>
#include <QTimer>

#include "ibarcodescanner.h"
#include "platform/iclock.h"
#include "scan_assembler.h"
#include "scan_classifier.h"

namespace facepos::drivers {

class HotplugWatcher;

struct SerialScannerConfig {
    QString portName;  // scanner.serial_port: a path (/dev/ttyACM0, /dev/serial/by-id/…) or a Qt port name
    qint32 baudRate = 9600;
    ScanTerminator terminator = ScanTerminator::Enter;
    std::chrono::milliseconds interKeyTimeout{50};
    std::chrono::milliseconds reconnectInterval{2000};
    bool useUdev = true;  // false in tests: their port lives in a temporary folder
};

// A scanner on a serial port (RS-232 or USB CDC-ACM) through Qt SerialPort, 8N1 without flow control. Bytes are
// taken as ASCII, assembled into scans at the terminator (timed by `clock`) and classified.
//
// When the port goes away (USB unplugged: a read or resource error), the state becomes Disconnected ("scanner
// disconnected") and the driver retries on a timer and whenever the port's folder or udev's tty subsystem changes.
//
// Thread ownership: the creating thread; `clock` must outlive the scanner.
class SerialBarcodeScanner final : public IBarcodeScanner {
    Q_OBJECT
public:
    SerialBarcodeScanner(SerialScannerConfig config, ScanClassifier classifier, const IClock& clock,
                         QObject* parent = nullptr);
    ~SerialBarcodeScanner() override;

    Result<void> start() override;
    void stop() override;
    DeviceState state() const override { return m_state; }

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void setState(DeviceState state);

    SerialScannerConfig m_config;
    ScanClassifier m_classifier;
    const IClock& m_clock;
    ScanAssembler m_assembler;
    QSerialPort m_port;
    QTimer m_retry;
    QTimer m_idle;
    HotplugWatcher* m_watcher = nullptr;
    DeviceState m_state;
    bool m_running = false;
};

}  // namespace facepos::drivers
