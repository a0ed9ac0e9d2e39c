#include "camera_code_scanner.h"

#include "camera_service.h"
#include "platform/logging.h"
#include "platform/masking.h"
#include "platform/settings.h"

namespace facepos::drivers {

// What the consumer needs on the camera thread. Owned jointly by the scanner and the consumer closure, so neither
// outlives it; used by one consumer call at a time (CameraService runs consumers one frame at a time).
struct CameraCodeScanner::FrameReader {
    FrameReader(CameraCodeReader r, ScanClassifier c, const IClock& clock, std::chrono::milliseconds window)
        : reader(std::move(r)), classifier(std::move(c)), repeats(clock, window) {}

    CameraCodeReader reader;
    ScanClassifier classifier;
    CodeRepeatFilter repeats;
};

CameraCodeScanner::CameraCodeScanner(CameraService& camera, CameraCodeReader reader, ScanClassifier classifier,
                                     const IClock& clock, std::chrono::milliseconds repeatWindow, QObject* parent)
    : IBarcodeScanner(parent),
      m_camera(camera),
      m_frameReader(std::make_shared<FrameReader>(std::move(reader), std::move(classifier), clock, repeatWindow)) {
    m_state = {DeviceState::Status::Disconnected, QStringLiteral("camera scanner not started")};
}

CameraCodeScanner::~CameraCodeScanner() {
    if (m_consumerId >= 0) m_camera.removeConsumer(m_consumerId);
}

Result<void> CameraCodeScanner::start() {
    if (m_consumerId >= 0) return {};
    m_frameReader->repeats.reset();
    std::shared_ptr<FrameReader> frameReader = m_frameReader;
    m_consumerId = m_camera.addConsumer([this, frameReader](const CameraFrame& frame) {
        std::optional<CameraCodeReader::Decoded> decoded = frameReader->reader.read(frame.color);
        if (!decoded || !frameReader->repeats.accept(decoded->text)) return;
        const ScanClassification scan = frameReader->classifier.classify(decoded->text);
        // Queued to this object's thread; a call still queued when the scanner is destroyed is dropped with it
        // (the destructor removes the consumer first, so none is posted after that).
        QMetaObject::invokeMethod(
            this,
            [this, scan, format = decoded->format] {
                if (m_consumerId < 0) return;  // stopped while the scan was on its way
                qCInfo(lcDrivers) << "camera scanner: scan" << format << scanKindName(scan.kind)
                                  << walletName(scan.wallet) << maskPaymentCode(scan.code);
                emit scanned(scan);
            },
            Qt::QueuedConnection);
    });
    m_stateConnection = connect(&m_camera, &CameraService::stateChanged, this, &CameraCodeScanner::followCamera);
    m_camera.start();
    followCamera(m_camera.state());
    return {};
}

void CameraCodeScanner::stop() {
    if (m_consumerId < 0) return;
    m_camera.removeConsumer(m_consumerId);
    m_consumerId = -1;
    disconnect(m_stateConnection);
    setState({DeviceState::Status::Disconnected, QStringLiteral("camera scanner stopped")});
}

void CameraCodeScanner::followCamera(const DeviceState& cameraState) {
    if (m_consumerId >= 0) setState(cameraState);
}

void CameraCodeScanner::setState(DeviceState state) {
    if (state == m_state) return;
    m_state = std::move(state);
    emit stateChanged(m_state);
}

Result<std::unique_ptr<CameraCodeScanner>> createCameraCodeScanner(CameraService& camera, const Settings& settings,
                                                                   const IClock& clock) {
    Result<CameraCodeReader> reader = CameraCodeReader::create(settings.string(u"camera.code_formats"));
    if (!reader) return reader.error();
    Result<ScanClassifier> classifier = ScanClassifier::create(settings.string(u"scanner.member_card_pattern"),
                                                               settings.string(u"scanner.voucher_pattern"));
    if (!classifier) return classifier.error();
    return std::make_unique<CameraCodeScanner>(camera, std::move(reader).value(), std::move(classifier).value(), clock,
                                               settings.duration(u"camera.code_repeat_ms"));
}

}  // namespace facepos::drivers
