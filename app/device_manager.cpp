#include "device_manager.h"

#include <QDateTime>
#include <QLocale>
#include <optional>

#include "drivers/audio/simulated_voice_prompter.h"
#include "drivers/audio/voice_prompter_factory.h"
#include "drivers/camera/camera_service.h"
#include "drivers/input/barcode_scanner_factory.h"
#include "drivers/input/keypad_factory.h"
#include "drivers/input/null_barcode_scanner.h"
#include "drivers/input/null_keypad.h"
#include "drivers/input/simulated_barcode_scanner.h"
#include "drivers/printer/no_cash_drawer.h"
#include "drivers/printer/null_receipt_printer.h"
#include "drivers/printer/printer_factory.h"
#include "drivers/printer/receipt_layout.h"
#include "drivers/printer/simulated_transport.h"
#include "platform/logging.h"
#include "platform/masking.h"
#include "platform/settings.h"

namespace facepos {

using drivers::DeviceState;

namespace {

const QString kAbsent = QStringLiteral("absent");
const QString kConnected = QStringLiteral("connected");
const QString kDisconnected = QStringLiteral("disconnected");
const QString kError = QStringLiteral("error");

DriverChoice choiceFor(const QList<DriverChoice>& choices, DeviceKind kind) {
    for (const DriverChoice& choice : choices) {
        if (choice.kind == kind) return choice;
    }
    return {kind, DriverFlavor::None, QStringLiteral("none")};
}

// The receipt a technician prints to see that paper, cutter, Chinese text and the QR code all work. Chinese, like
// every receipt the terminal prints.
drivers::Receipt testReceipt(const QString& description) {
    drivers::Receipt r;
    r.storeName = QStringLiteral("打印机自检");
    r.orderNo = QStringLiteral("TEST");
    r.time = QDateTime::currentDateTime();
    r.cashier = QStringLiteral("技术员");
    r.amountLabel = QStringLiteral("测试金额");
    r.totalFen = 1;
    r.payableFen = 1;
    r.paymentMethod = QStringLiteral("测试");
    r.platformOrderNo = QStringLiteral("FACEPOS-SELF-TEST");
    r.code = drivers::ReceiptCode::Qr;
    r.footer = {QStringLiteral("能看清本页与二维码，打印机即工作正常。"), description};
    return r;
}

}  // namespace

// What one printer-thread job found out, carried back to the UI thread by value.
struct DeviceManager::PrinterOutcome {
    QString action;  // "print", "drawer", "" for a status check only
    bool actionOk = false;
    QString actionMessage;
    QString actionFile;
    QString status;
    QString message;
};

namespace {

// Folds a status query into the printer's state words. Disconnected means the printer could not be reached (cable,
// power); error means it answered but cannot print, or answered nonsense.
void describeStatus(const Result<drivers::PrinterStatus>& status, QString& state, QString& message) {
    if (status.ok()) {
        state = status->canPrint() ? kConnected : kError;
        message = status->code() == QLatin1String("printer.ready") ? QString() : status->message();
        return;
    }
    const QString& code = status.error().code;
    if (code == QLatin1String("printer.absent"))
        state = kAbsent;
    else if (code == QLatin1String("printer.disconnected") || code == QLatin1String("printer.open_failed") ||
             code == QLatin1String("printer.no_reply"))
        state = kDisconnected;
    else
        state = kError;
    message = status.error().message;
}

}  // namespace

DeviceManager::PrinterOutcome DeviceManager::printOn(drivers::PrinterDevices& devices, const QString& action,
                                                     const QByteArray& job) {
    PrinterOutcome outcome;
    outcome.action = action;
    drivers::IReceiptPrinter& printer = *devices.printer;
    const qsizetype filesBefore = devices.simulated ? devices.simulated->savedFiles().size() : 0;
    if (auto printed = printer.print(job); printed) {
        outcome.actionOk = true;
        outcome.actionMessage = printer.description();
        if (devices.simulated) {
            const QStringList files = devices.simulated->savedFiles();
            if (files.size() > filesBefore) outcome.actionFile = files.last();
        }
    } else {
        outcome.actionMessage = printed.error().message;
    }
    describeStatus(printer.status(), outcome.status, outcome.message);
    return outcome;
}

DeviceManager::DeviceManager(const Settings& settings, const QList<DriverChoice>& choices, const IClock& clock,
                             QObject* parent)
    : QObject(parent) {
    createInputDevices(settings, choices, clock);
    createPrinterDevices(settings, choices);
    createVoice(settings, choices);
}

DeviceManager::~DeviceManager() {
    // The printer and drawer are destroyed on the thread that used them; jobs posted before run first.
    if (m_printerThread.isRunning()) {
        QMetaObject::invokeMethod(
            m_printerContext, [this] { m_printerDevices.reset(); }, Qt::BlockingQueuedConnection);
        m_printerThread.quit();
        m_printerThread.wait();
    }
    if (m_scannerDriver) m_scannerDriver->stop();
    if (m_keypadDriver) m_keypadDriver->stop();
}

void DeviceManager::createInputDevices(const Settings& settings, const QList<DriverChoice>& choices,
                                       const IClock& clock) {
    const DriverChoice scanner = choiceFor(choices, DeviceKind::Scanner);
    const DriverChoice keypad = choiceFor(choices, DeviceKind::Keypad);
    m_scanner.backend = scanner.backend;
    m_keypad.backend = keypad.backend;
    m_scannerAbsent = scanner.flavor == DriverFlavor::None;
    m_keypadAbsent = keypad.flavor == DriverFlavor::None;

    // A configuration mistake leaves the null driver in place and the factory's message on screen: the technician who
    // has to fix it is the one looking at this page.
    std::optional<Error> scannerError;
    if (auto created = drivers::createBarcodeScanner(scanner.backend, settings, clock)) {
        m_scannerDriver = std::move(created).value();
    } else {
        scannerError = created.error();
        m_scannerDriver = std::make_unique<drivers::NullBarcodeScanner>();
    }
    std::optional<Error> keypadError;
    if (auto created = drivers::createKeypad(keypad.backend, settings)) {
        m_keypadDriver = std::move(created).value();
    } else {
        keypadError = created.error();
        m_keypadDriver = std::make_unique<drivers::NullKeypad>();
    }

    connect(m_scannerDriver.get(), &drivers::IBarcodeScanner::stateChanged, this, [this](const DeviceState& state) {
        setInputState(m_scanner, m_scannerAbsent, state, &DeviceManager::scannerChanged);
    });
    connect(m_scannerDriver.get(), &drivers::IBarcodeScanner::scanned, this, &DeviceManager::onScanned);
    connect(m_keypadDriver.get(), &drivers::IKeypad::stateChanged, this, [this](const DeviceState& state) {
        setInputState(m_keypad, m_keypadAbsent, state, &DeviceManager::keypadChanged);
    });
    connect(m_keypadDriver.get(), &drivers::IKeypad::keyPressed, this, [this](drivers::KeypadKey key) {
        m_lastKey = drivers::keypadKeyName(key);
        emit lastKeyChanged();
    });

    if (!scannerError) {
        if (auto started = m_scannerDriver->start(); !started) scannerError = started.error();
    }
    if (!keypadError) {
        if (auto started = m_keypadDriver->start(); !started) keypadError = started.error();
    }
    if (scannerError) {
        qCWarning(lcApp) << "scanner unusable:" << scannerError->message;
        setInputState(m_scanner, m_scannerAbsent, {DeviceState::Status::Error, scannerError->message},
                      &DeviceManager::scannerChanged);
    } else {
        setInputState(m_scanner, m_scannerAbsent, m_scannerDriver->state(), &DeviceManager::scannerChanged);
    }
    if (keypadError) {
        qCWarning(lcApp) << "keypad unusable:" << keypadError->message;
        setInputState(m_keypad, m_keypadAbsent, {DeviceState::Status::Error, keypadError->message},
                      &DeviceManager::keypadChanged);
    } else {
        setInputState(m_keypad, m_keypadAbsent, m_keypadDriver->state(), &DeviceManager::keypadChanged);
    }
}

void DeviceManager::setInputState(DeviceView& view, bool absent, const DeviceState& state,
                                  void (DeviceManager::*changed)()) {
    // A null driver reports Disconnected; "absent" tells the technician it was configured away rather than unplugged.
    view.status = absent && state.status != DeviceState::Status::Error ? kAbsent : deviceStatusName(state.status);
    view.message = state.message;
    emit(this->*changed)();
}

void DeviceManager::createPrinterDevices(const Settings& settings, const QList<DriverChoice>& choices) {
    const DriverChoice printer = choiceFor(choices, DeviceKind::Printer);
    m_printer = {QStringLiteral("checking"), QString(), printer.backend};
    m_drawer = {QStringLiteral("checking"), QString(), choiceFor(choices, DeviceKind::Drawer).backend};

    m_printerThread.setObjectName(QStringLiteral("printer"));
    m_printerContext = new QObject;
    m_printerContext->moveToThread(&m_printerThread);
    connect(&m_printerThread, &QThread::finished, m_printerContext, &QObject::deleteLater);
    m_printerThread.start();

    // Transports own Qt objects (QTcpSocket, QSerialPort) that must be created on the thread that uses them, so
    // the factory runs there. It opens nothing, so the UI thread waits only for object construction.
    std::optional<Error> factoryError;
    QMetaObject::invokeMethod(
        m_printerContext,
        [&] {
            auto created = drivers::createPrinterDevices(settings, choices);
            if (created) {
                m_printerDevices = std::make_unique<drivers::PrinterDevices>(std::move(created).value());
            } else {
                factoryError = created.error();
                m_printerDevices = std::make_unique<drivers::PrinterDevices>();
                m_printerDevices->printer = std::make_unique<drivers::NullReceiptPrinter>();
                m_printerDevices->drawer = std::make_unique<drivers::NoCashDrawer>();
            }
            m_drawerPresent = m_printerDevices->drawer->present();
            m_paperWidth = m_printerDevices->printer->paperWidth();
        },
        Qt::BlockingQueuedConnection);
    m_virtualPrinter = m_printerDevices->simulated;

    if (factoryError) {
        qCWarning(lcApp) << "printer unusable:" << factoryError->message;
        m_printer.status = kError;
        m_printer.message = factoryError->message;
        m_drawer = {kError, QString(), m_drawer.backend};
        emit printerChanged();
        return;
    }
    checkPrinter();
}

bool DeviceManager::canSimulateScan() const {
    return qobject_cast<drivers::SimulatedBarcodeScanner*>(m_scannerDriver.get()) != nullptr;
}

bool DeviceManager::simulateScan(const QString& text) {
    auto* simulated = qobject_cast<drivers::SimulatedBarcodeScanner*>(m_scannerDriver.get());
    return simulated && simulated->feedScan(text);
}

void DeviceManager::onScanned(const drivers::ScanClassification& scan) {
    const bool payment = scan.kind == drivers::ScanKind::PaymentCode;
    m_lastScan = payment ? maskPaymentCode(scan.code) : maskDigitRuns(scan.code);
    m_lastScanKind = drivers::scanKindName(scan.kind);
    m_lastScanWallet = drivers::walletName(scan.wallet);
    m_lastScanReason = scan.reason;
    emit lastScanChanged();
}

void DeviceManager::printTestPage() {
    runOnPrinterThread([](drivers::PrinterDevices& devices) {
        drivers::IReceiptPrinter& printer = *devices.printer;
        return printOn(devices, QStringLiteral("print"),
                       drivers::ReceiptLayout(printer.paperWidth()).render(testReceipt(printer.description())));
    });
}

void DeviceManager::printJob(QByteArray job, QString what) {
    runOnPrinterThread([job = std::move(job), what = std::move(what)](drivers::PrinterDevices& devices) {
        return printOn(devices, what, job);
    });
}

void DeviceManager::kickDrawer() {
    runOnPrinterThread([](drivers::PrinterDevices& devices) {
        PrinterOutcome outcome;
        outcome.action = QStringLiteral("drawer");
        if (auto opened = devices.drawer->open(); opened)
            outcome.actionOk = true;
        else
            outcome.actionMessage = opened.error().message;
        describeStatus(devices.printer->status(), outcome.status, outcome.message);
        return outcome;
    });
}

void DeviceManager::createVoice(const Settings& settings, const QList<DriverChoice>& choices) {
    for (const DriverChoice& choice : choices)
        if (choice.kind == DeviceKind::Audio) m_voiceBackend = choice.backend;
    auto created = drivers::createVoicePrompter(settings, choices);
    if (!created) {
        m_voiceError = created.error().message;
        return;
    }
    m_voice = std::move(created->prompter);
    m_simulatedVoice = created->simulated;
}

void DeviceManager::testVoice() {
    m_lastAction = QStringLiteral("voice");
    m_lastActionFile.clear();
    m_lastActionMessage.clear();
    if (!m_voice) {
        m_lastActionOk = false;
        m_lastActionMessage = m_voiceError;
    } else {
        auto said = speak(drivers::Prompt::PaymentSucceeded, 1250);
        m_lastActionOk = said.ok();
        if (!said) m_lastActionMessage = said.error().message;
    }
    if (!m_lastActionOk) qCWarning(lcApp) << "device self-test voice failed:" << m_lastActionMessage;
    emit actionFinished();
}

Result<void> DeviceManager::speak(drivers::Prompt prompt, qint64 amountFen) {
    // The prompt follows the language the UI is in now (LanguageManager sets the default locale).
    const bool chinese = QLocale().language() == QLocale::Chinese;
    m_voice->setLanguage(chinese ? drivers::VoiceLanguage::ZhCN : drivers::VoiceLanguage::En);
    return m_voice->say(prompt, amountFen);
}

bool DeviceManager::say(drivers::Prompt prompt, qint64 amountFen) {
    if (!m_voice) return false;
    auto said = speak(prompt, amountFen);
    if (!said) qCWarning(lcApp) << "voice prompt failed:" << said.error().message;
    return said.ok();
}

void DeviceManager::checkPrinter() {
    runOnPrinterThread([](drivers::PrinterDevices& devices) {
        PrinterOutcome outcome;
        describeStatus(devices.printer->status(), outcome.status, outcome.message);
        return outcome;
    });
}

void DeviceManager::runOnPrinterThread(std::function<PrinterOutcome(drivers::PrinterDevices&)> job) {
    ++m_printerJobs;
    emit printerChanged();
    // m_printerDevices is only dereferenced on the printer thread; the destructor resets it there after every
    // posted job has run, and the queued reply to `this` is dropped if the object is gone by then.
    QMetaObject::invokeMethod(m_printerContext, [this, job = std::move(job)] {
        PrinterOutcome outcome = job(*m_printerDevices);
        QMetaObject::invokeMethod(
            this, [this, outcome] { applyPrinterOutcome(outcome); }, Qt::QueuedConnection);
    });
}

void DeviceManager::applyPrinterOutcome(const PrinterOutcome& outcome) {
    --m_printerJobs;
    m_printer.status = outcome.status;
    m_printer.message = outcome.message;
    // The drawer has no line of its own: it works exactly when the printer it hangs on can be reached.
    const bool drawerPresent = m_drawerPresent && m_printer.status != kAbsent;
    m_drawer.status = drawerPresent ? (outcome.status == kError ? kConnected : outcome.status) : kAbsent;
    // Why the printer cannot be reached is on the printer's card, and a failed kick's message is the action's.
    m_drawer.message.clear();
    if (!outcome.action.isEmpty()) {
        m_lastAction = outcome.action;
        m_lastActionOk = outcome.actionOk;
        m_lastActionMessage = outcome.actionMessage;
        m_lastActionFile = outcome.actionFile;
        if (!outcome.actionOk)
            qCWarning(lcApp) << "device self-test" << outcome.action << "failed:" << outcome.actionMessage;
        if (outcome.action == QLatin1String("drawer") && !outcome.actionOk) {
            m_drawer.status = kError;
        }
    }
    emit printerChanged();
    if (!outcome.action.isEmpty()) emit actionFinished();
}

// ---- camera ------------------------------------------------------------------------------------------------------

void DeviceManager::setCamera(drivers::CameraService* camera) {
    if (m_camera) disconnect(m_camera, nullptr, this, nullptr);
    m_camera = camera;
    m_cameraTesting = false;
    if (m_camera) connect(m_camera, &drivers::CameraService::stateChanged, this, &DeviceManager::cameraChanged);
    emit cameraChanged();
}

QString DeviceManager::cameraStatus() const {
    if (!m_camera) return QStringLiteral("none");
    if (!m_camera->isRunning()) return QStringLiteral("stopped");
    return drivers::deviceStatusName(m_camera->state().status);
}

QString DeviceManager::cameraMessage() const {
    return m_camera && m_camera->isRunning() ? m_camera->state().message : QString();
}

QString DeviceManager::cameraDescription() const {
    if (!m_camera) return {};
    const drivers::CameraInfo info = m_camera->info();
    QString text = info.backend;
    if (!info.description.isEmpty()) text += QStringLiteral(" · ") + info.description;
    if (info.width > 0) text += QStringLiteral(" · %1×%2").arg(info.width).arg(info.height);
    if (info.depth) text += QStringLiteral(" · depth");
    if (info.infrared) text += QStringLiteral(" · infrared");
    return text;
}

void DeviceManager::setCameraTesting(bool on) {
    if (!m_camera || on == m_cameraTesting) return;
    m_cameraTesting = on;
    if (on)
        m_camera->start();
    else
        m_camera->stop();
    emit cameraChanged();
}

}  // namespace facepos
