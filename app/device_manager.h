#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>

#include "drivers/audio/ivoiceprompter.h"
#include "drivers/driver_selection.h"
#include "drivers/input/ibarcodescanner.h"
#include "drivers/input/ikeypad.h"
#include "drivers/printer/receipt_layout.h"
#include "platform/result.h"

namespace facepos {

class IClock;
class Settings;

namespace drivers {
class CameraService;
struct PrinterDevices;
class SimulatedTransport;
class SimulatedVoicePrompter;
class IVoicePrompter;
}  // namespace drivers

// The terminal's peripherals as the technician self-test page (QML singleton `Devices`) sees them: the scanner,
// the keypad, the receipt printer and the cash drawer, built by the driver factories from the settings (or the demo
// choices), with each one's state, the last scan and key, and a test print and a drawer kick.
//
// States are stable words QML translates: "connected", "disconnected", "error", "absent" (configured as none) and,
// for the printer before its first answer, "checking". Messages are the drivers' own, written for a technician.
// A configuration mistake (a bad scanner pattern, a TCP printer without an address) does not stop the terminal:
// that device shows "error" with the factory's message, so the technician sees it here.
//
// Thread ownership: the object, the scanner and the keypad live on the UI thread (the input drivers never block).
// The printer and the drawer block for up to printer.timeout_ms per call, so they are created, used and destroyed
// on a private printer thread; the UI thread only posts jobs there and receives the outcomes as queued calls. The
// virtual printer's SimulatedTransport is the one exception tests may touch from any thread (it has its own mutex).
class DeviceManager final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString scannerStatus READ scannerStatus NOTIFY scannerChanged)
    Q_PROPERTY(QString scannerMessage READ scannerMessage NOTIFY scannerChanged)
    Q_PROPERTY(QString scannerBackend READ scannerBackend CONSTANT)
    Q_PROPERTY(QString keypadStatus READ keypadStatus NOTIFY keypadChanged)
    Q_PROPERTY(QString keypadMessage READ keypadMessage NOTIFY keypadChanged)
    Q_PROPERTY(QString keypadBackend READ keypadBackend CONSTANT)
    Q_PROPERTY(QString printerStatus READ printerStatus NOTIFY printerChanged)
    Q_PROPERTY(QString printerMessage READ printerMessage NOTIFY printerChanged)
    Q_PROPERTY(QString printerBackend READ printerBackend CONSTANT)
    Q_PROPERTY(bool printerBusy READ printerBusy NOTIFY printerChanged)
    Q_PROPERTY(QString drawerStatus READ drawerStatus NOTIFY printerChanged)
    Q_PROPERTY(QString drawerMessage READ drawerMessage NOTIFY printerChanged)
    Q_PROPERTY(QString lastScan READ lastScan NOTIFY lastScanChanged)
    Q_PROPERTY(QString lastScanKind READ lastScanKind NOTIFY lastScanChanged)
    Q_PROPERTY(QString lastScanWallet READ lastScanWallet NOTIFY lastScanChanged)
    Q_PROPERTY(QString lastScanReason READ lastScanReason NOTIFY lastScanChanged)
    Q_PROPERTY(QString lastKey READ lastKey NOTIFY lastKeyChanged)
    Q_PROPERTY(QString voiceBackend READ voiceBackend CONSTANT)
    Q_PROPERTY(bool canSimulateScan READ canSimulateScan CONSTANT)
    Q_PROPERTY(QString lastAction READ lastAction NOTIFY actionFinished)
    Q_PROPERTY(bool lastActionOk READ lastActionOk NOTIFY actionFinished)
    Q_PROPERTY(QString lastActionMessage READ lastActionMessage NOTIFY actionFinished)
    Q_PROPERTY(QString lastActionFile READ lastActionFile NOTIFY actionFinished)
    Q_PROPERTY(QString cameraStatus READ cameraStatus NOTIFY cameraChanged)
    Q_PROPERTY(QString cameraMessage READ cameraMessage NOTIFY cameraChanged)
    Q_PROPERTY(QString cameraDescription READ cameraDescription NOTIFY cameraChanged)
    Q_PROPERTY(bool cameraTesting READ cameraTesting NOTIFY cameraChanged)

public:
    // Builds every device and starts the scanner and keypad; the printer's first status check is queued on the
    // printer thread. `clock` must outlive the object (the scanner times keystrokes with it).
    DeviceManager(const Settings& settings, const QList<DriverChoice>& choices, const IClock& clock,
                  QObject* parent = nullptr);
    ~DeviceManager() override;

    QString scannerStatus() const { return m_scanner.status; }
    QString scannerMessage() const { return m_scanner.message; }
    QString scannerBackend() const { return m_scanner.backend; }
    QString keypadStatus() const { return m_keypad.status; }
    QString keypadMessage() const { return m_keypad.message; }
    QString keypadBackend() const { return m_keypad.backend; }
    QString printerStatus() const { return m_printer.status; }
    QString printerMessage() const { return m_printer.message; }
    QString printerBackend() const { return m_printer.backend; }
    bool printerBusy() const { return m_printerJobs > 0; }
    QString drawerStatus() const { return m_drawer.status; }
    QString drawerMessage() const { return m_drawer.message; }
    // Masked: payment codes through maskPaymentCode(), anything else through maskDigitRuns().
    QString lastScan() const { return m_lastScan; }
    QString lastScanKind() const { return m_lastScanKind; }      // scanKindName(), "" before the first scan
    QString lastScanWallet() const { return m_lastScanWallet; }  // walletName()
    QString lastScanReason() const { return m_lastScanReason; }  // why a scan was rejected, for the technician
    QString lastKey() const { return m_lastKey; }                // keypadKeyName()
    bool canSimulateScan() const;
    QString lastAction() const { return m_lastAction; }  // "print", "drawer"; "" before the first
    bool lastActionOk() const { return m_lastActionOk; }
    QString lastActionMessage() const { return m_lastActionMessage; }
    QString lastActionFile() const { return m_lastActionFile; }  // the virtual printer's PNG of the test page

    // Prints a short test receipt through the real path (ReceiptLayout → IReceiptPrinter::print) on the printer
    // thread; actionFinished() reports the outcome.
    Q_INVOKABLE void printTestPage();
    // Prints a job laid out elsewhere (a shift report: ShiftReportLayout for paperWidth()) through the same printer
    // thread and queue as the test page; actionFinished() reports the outcome as the action `what` (e.g.
    // "shift_report"), with lastActionFile the virtual printer's PNG. Returns at once: the job is only queued.
    void printJob(QByteArray job, QString what);
    // The configured printer's paper, read once when the printer was made (58 mm when there is none).
    drivers::PaperWidth paperWidth() const { return m_paperWidth; }
    // Pulses the drawer through ICashDrawer::open() on the printer thread; actionFinished() reports the outcome.
    Q_INVOKABLE void kickDrawer();
    // Says "payment successful, 12.50 yuan" in the UI's language; the outcome is reported as the action "voice".
    Q_INVOKABLE void testVoice();
    // Speaks a prompt to the customer in the language the UI is in now; a prompt that cannot be spoken is logged
    // (the screen shows the same words). False when it was not spoken.
    bool say(drivers::Prompt prompt, qint64 amountFen = 0);
    QString voiceBackend() const { return m_voiceBackend; }
    drivers::SimulatedVoicePrompter* simulatedVoice() const { return m_simulatedVoice; }
    // The voice prompter the checkout speaks through; nullptr when audio is misconfigured (see testVoice()).
    drivers::IVoicePrompter* voice() const { return m_voice.get(); }
    // Asks the printer for its status again (a technician who just loaded paper or plugged the cable in).
    Q_INVOKABLE void checkPrinter();
    // With the simulated scanner (demo, tests): scans `text` as if it had been read. False when there is no
    // simulated scanner or it is not connected.
    Q_INVOKABLE bool simulateScan(const QString& text);

    // The camera (face pay, camera scanning), owned by the checkout's CheckoutCamera; null without one. Its state is
    // shown on the technician screen, where setCameraTesting() runs it with a live preview.
    void setCamera(drivers::CameraService* camera);
    QString cameraStatus() const;  // "connected", "disconnected", "error", "stopped", "none"
    QString cameraMessage() const;
    QString cameraDescription() const;
    bool cameraTesting() const { return m_cameraTesting; }
    Q_INVOKABLE void setCameraTesting(bool on);

    drivers::IBarcodeScanner& scanner() { return *m_scannerDriver; }
    drivers::IKeypad& keypad() { return *m_keypadDriver; }
    // The virtual printer's transport, nullptr for any other printer. Safe from any thread (see the class comment).
    drivers::SimulatedTransport* virtualPrinter() const { return m_virtualPrinter; }

signals:
    void scannerChanged();
    void keypadChanged();
    void printerChanged();
    void lastScanChanged();
    void lastKeyChanged();
    void actionFinished();
    void cameraChanged();

private:
    Result<void> speak(drivers::Prompt prompt, qint64 amountFen);  // m_voice must be set
    QPointer<drivers::CameraService> m_camera;
    bool m_cameraTesting = false;
    struct DeviceView {
        QString status;
        QString message;
        QString backend;
    };
    struct PrinterOutcome;

    void createInputDevices(const Settings& settings, const QList<DriverChoice>& choices, const IClock& clock);
    void createPrinterDevices(const Settings& settings, const QList<DriverChoice>& choices);
    void createVoice(const Settings& settings, const QList<DriverChoice>& choices);
    void onScanned(const drivers::ScanClassification& scan);
    void setInputState(DeviceView& view, bool absent, const drivers::DeviceState& state,
                       void (DeviceManager::*changed)());
    // Runs `job` on the printer thread and applies its outcome on the UI thread.
    void runOnPrinterThread(std::function<PrinterOutcome(drivers::PrinterDevices&)> job);
    void applyPrinterOutcome(const PrinterOutcome& outcome);
    // Printer thread: prints one job; the outcome names `action` and the virtual printer's page, if any.
    static PrinterOutcome printOn(drivers::PrinterDevices& devices, const QString& action, const QByteArray& job);

    std::unique_ptr<drivers::IBarcodeScanner> m_scannerDriver;
    std::unique_ptr<drivers::IKeypad> m_keypadDriver;
    DeviceView m_scanner;
    DeviceView m_keypad;
    DeviceView m_printer;
    DeviceView m_drawer;
    bool m_scannerAbsent = false;
    bool m_keypadAbsent = false;

    // Created, used and destroyed on m_printerThread only; see the class comment.
    std::unique_ptr<drivers::PrinterDevices> m_printerDevices;
    drivers::SimulatedTransport* m_virtualPrinter = nullptr;  // owned by m_printerDevices
    std::unique_ptr<drivers::IVoicePrompter> m_voice;
    drivers::SimulatedVoicePrompter* m_simulatedVoice = nullptr;  // owned by m_voice
    QString m_voiceBackend;
    QString m_voiceError;  // why there is no prompter (a configuration mistake), shown when it is tested
    QThread m_printerThread;
    QObject* m_printerContext = nullptr;  // lives on m_printerThread; the target of posted jobs
    int m_printerJobs = 0;                // posted and not yet applied; UI thread only
    bool m_drawerPresent = false;         // ICashDrawer::present(), read once when the drawer is made
    drivers::PaperWidth m_paperWidth = drivers::PaperWidth::Mm58;  // IReceiptPrinter::paperWidth(), read with it

    QString m_lastScan;
    QString m_lastScanKind;
    QString m_lastScanWallet;
    QString m_lastScanReason;
    QString m_lastKey;
    QString m_lastAction;
    bool m_lastActionOk = false;
    QString m_lastActionMessage;
    QString m_lastActionFile;
};

}  // namespace facepos
