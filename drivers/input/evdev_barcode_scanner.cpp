#include "evdev_barcode_scanner.h"

#include "platform/logging.h"
#include "scan_delivery.h"

namespace facepos::drivers {

namespace {

std::chrono::microseconds timestampOf(const input_event& event) {
    return std::chrono::seconds(event.input_event_sec) + std::chrono::microseconds(event.input_event_usec);
}

}  // namespace

EvdevBarcodeScanner::EvdevBarcodeScanner(const EvdevScannerConfig& config, ScanClassifier classifier, QObject* parent)
    : IBarcodeScanner(parent),
      m_classifier(std::move(classifier)),
      m_assembler(config.terminator, config.interKeyTimeout),
      m_device(config.input, [this](const input_event& event) { onEvent(event); }) {
    m_idle.setSingleShot(true);
    m_idle.setInterval(config.interKeyTimeout);
    connect(&m_idle, &QTimer::timeout, this, [this] { deliverScans(*this, m_classifier, m_assembler.idle()); });
    connect(&m_device, &EvdevInputDevice::lost, this, [this] {
        m_idle.stop();
        m_decoder.reset();
        deliverScans(*this, m_classifier,
                     m_assembler.abandon(QStringLiteral("scanner unplugged in the middle of a scan; discarded")));
    });
    connect(&m_device, &EvdevInputDevice::stateChanged, this, &IBarcodeScanner::stateChanged);
}

Result<void> EvdevBarcodeScanner::start() {
    m_device.start();
    return {};
}

void EvdevBarcodeScanner::stop() {
    m_device.stop();
}

void EvdevBarcodeScanner::onEvent(const input_event& event) {
    if (event.type == EV_SYN && event.code == SYN_DROPPED) {
        m_decoder.reset();
        deliverScans(*this, m_classifier,
                     m_assembler.abandon(QStringLiteral("the kernel dropped key events during a scan; discarded")));
        return;
    }
    if (event.type != EV_KEY) return;  // EV_MSC scan codes and EV_SYN reports carry nothing a scan needs
    const UsKeyDecoder::Decoded decoded = m_decoder.feedKey(event.code, event.value);
    if (decoded.kind == UsKeyDecoder::Kind::Unknown) {
        qCDebug(lcDrivers) << "scanner: ignored key code" << event.code;
        return;
    }
    if (decoded.kind != UsKeyDecoder::Kind::Character) return;
    deliverScans(*this, m_classifier, m_assembler.feed(decoded.character, timestampOf(event)));
    if (m_assembler.hasPending()) {
        m_idle.start();
    } else {
        m_idle.stop();
    }
}

}  // namespace facepos::drivers
