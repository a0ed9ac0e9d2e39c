#include "scan_delivery.h"

#include "ibarcodescanner.h"
#include "platform/logging.h"
#include "platform/masking.h"

namespace facepos::drivers {

void deliverScans(IBarcodeScanner& scanner, const ScanClassifier& classifier,
                  const QList<ScanAssembler::Output>& outputs) {
    for (const ScanAssembler::Output& out : outputs) {
        if (out.kind == ScanAssembler::Output::Kind::Discarded) {
            qCInfo(lcDrivers) << "scanner:" << out.reason << maskPaymentCode(out.text);
            emit scanner.fragmentDiscarded(out.reason);
            continue;
        }
        const ScanClassification scan = classifier.classify(out.text);
        qCInfo(lcDrivers) << "scanner: scan" << scanKindName(scan.kind) << walletName(scan.wallet)
                          << maskPaymentCode(scan.code);
        emit scanner.scanned(scan);
    }
}

}  // namespace facepos::drivers
