#include "barcode_scanner_factory.h"

#include "evdev_barcode_scanner.h"
#include "keyboard_wedge_scanner.h"
#include "null_barcode_scanner.h"
#include "platform/settings.h"
#include "serial_barcode_scanner.h"
#include "simulated_barcode_scanner.h"

namespace facepos::drivers {

namespace {

ScanTerminator terminatorFrom(const QString& value) {
    if (value == QLatin1String("tab")) return ScanTerminator::Tab;
    if (value == QLatin1String("none")) return ScanTerminator::None;
    return ScanTerminator::Enter;
}

}  // namespace

Result<std::unique_ptr<IBarcodeScanner>> createBarcodeScanner(const Settings& settings, const IClock& clock) {
    return createBarcodeScanner(settings.string(u"devices.scanner"), settings, clock);
}

Result<std::unique_ptr<IBarcodeScanner>> createBarcodeScanner(const QString& backend, const Settings& settings,
                                                              const IClock& clock) {
    Result<ScanClassifier> classifier = ScanClassifier::create(settings.string(u"scanner.member_card_pattern"),
                                                               settings.string(u"scanner.voucher_pattern"));
    if (!classifier) return classifier.error();
    const ScanTerminator terminator = terminatorFrom(settings.string(u"scanner.terminator"));
    const auto interKey = settings.duration(u"scanner.inter_key_timeout_ms");
    const auto reconnect = settings.duration(u"scanner.reconnect_interval_ms");

    if (backend == QLatin1String("evdev")) {
        const QString device = settings.string(u"scanner.device");
        if (device.isEmpty()) {
            return makeError(QStringLiteral("input.not_configured"),
                             QStringLiteral("devices.scanner is evdev but scanner.device is empty: set it to the "
                                            "scanner's /dev/input/by-id name or its USB id as vid:pid."));
        }
        EvdevScannerConfig config;
        config.input.device = device;
        config.input.role = QStringLiteral("scanner");
        config.input.reconnectInterval = reconnect;
        config.terminator = terminator;
        config.interKeyTimeout = interKey;
        return std::unique_ptr<IBarcodeScanner>(
            std::make_unique<EvdevBarcodeScanner>(config, std::move(classifier).value()));
    }
    if (backend == QLatin1String("keyboard")) {
        KeyboardWedgeConfig config;
        config.interKeyTimeout = interKey;
        config.terminator = terminator;
        return std::unique_ptr<IBarcodeScanner>(
            std::make_unique<KeyboardWedgeScanner>(config, std::move(classifier).value(), clock));
    }
    if (backend == QLatin1String("serial")) {
        SerialScannerConfig config;
        config.portName = settings.string(u"scanner.serial_port");
        if (config.portName.isEmpty()) {
            return makeError(QStringLiteral("input.not_configured"),
                             QStringLiteral("devices.scanner is serial but scanner.serial_port is empty: set it to "
                                            "the scanner's port, e.g. /dev/ttyACM0."));
        }
        config.baudRate = settings.integer(u"scanner.serial_baud");
        config.terminator = terminator;
        config.interKeyTimeout = interKey;
        config.reconnectInterval = reconnect;
        return std::unique_ptr<IBarcodeScanner>(
            std::make_unique<SerialBarcodeScanner>(config, std::move(classifier).value(), clock));
    }
    if (backend == QLatin1String("simulated")) {
        return std::unique_ptr<IBarcodeScanner>(
            std::make_unique<SimulatedBarcodeScanner>(std::move(classifier).value()));
    }
    return std::unique_ptr<IBarcodeScanner>(std::make_unique<NullBarcodeScanner>());
}

}  // namespace facepos::drivers
