#pragma once

#include <QList>

#include "scan_assembler.h"

namespace facepos::drivers {

class IBarcodeScanner;
class ScanClassifier;

// What every assembling scanner (evdev, serial) does with the assembler's output: classify completed scans and emit
// IBarcodeScanner::scanned(), emit fragmentDiscarded() for fragments, and log both with the code masked.
// Called on the scanner's own thread.
void deliverScans(IBarcodeScanner& scanner, const ScanClassifier& classifier,
                  const QList<ScanAssembler::Output>& outputs);

}  // namespace facepos::drivers
