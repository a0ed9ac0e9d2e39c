#pragma once

#include <QHash>
#include <QString>
#include <chrono>
#include <cstdint>
#include <opencv2/core/mat.hpp>
#include <optional>

#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::drivers {

// How hard the reader looks, per frame. The defaults keep a 1280×720 frame within ~5 ms on one core of the terminal
// (docs/camera.md "Camera code reading", docs/benchmarks.md).
struct CameraCodeReaderOptions {
    // The fast pass reads a grey copy scaled down to at most this width (a phone's code held at the counter is large
    // in the frame and reads there in about 1 ms).
    int fastPassMaxWidth = 640;
    // When the fast pass finds nothing, the slow pass reads the squeezed view (below; linear formats only) and ONE
    // full-resolution tile of a tileGrid × tileGrid grid (tryHarder; matrix formats only when the squeezed view is
    // there), a different tile each frame, so that no frame pays for a whole full-resolution search. A small matrix
    // code is found within tileGrid² frames (4 frames, ~130 ms at 30 fps), a linear code on the first frame.
    int tileGrid = 2;
    // Neighbouring tiles overlap by this many full-resolution pixels, so any code up to this size lies wholly inside
    // one tile; larger matrix codes are the fast pass's.
    int tileOverlap = 160;
    // The squeezed view, for linear codes only: full width, every linearSqueeze-th row (0 = no squeezed view). A bar
    // code needs its horizontal resolution (a 154-module Code128 of 400 px has 1.3 px bars in the fast pass) but not
    // its height; skipping rows keeps every bar while the reader scans every row of a short image.
    // No pass tries rotations: a linear code held upright (bars horizontal) is not read — turn the phone.
    int linearSqueeze = 4;
};

// Reads one payment code, member card or voucher from a camera frame with ZXing-cpp.
//
// Only the single-result ZXing::ReadBarcode is used: ReadBarcodes (plural) aborts the process on some real photos
// in Debian's ZXing 1.4 (DESIGN "Known hazards"). Every call is wrapped so that no frame, however odd (empty, 1×1,
// 16 bit, float, a ROI with its parent's row stride), can throw out or crash; frames that are not 8-bit grey, BGR or
// BGRA, or smaller than 2×2, read nothing.
//
// Thread ownership: no Qt objects; one thread at a time (the camera thread). read() keeps which tile is next.
class CameraCodeReader {
public:
    struct Decoded {
        QString text;    // the code's text (UTF-8 decoded)
        QString format;  // ZXing's name of the symbology, e.g. "QRCode", "Code128"
    };

    // `formats`: ZXing format names separated by commas or spaces (camera.code_formats), e.g. "QRCode,Code128".
    // Errors: scanner.bad_formats (empty, or a name ZXing does not know; the message names it).
    static Result<CameraCodeReader> create(const QString& formats, CameraCodeReaderOptions options = {});

    // A BGR (CV_8UC3), BGRA (CV_8UC4) or grey (CV_8UC1) image of any size and row stride. Returns the first valid
    // code of a configured format, or nothing. Never throws.
    std::optional<Decoded> read(const cv::Mat& bgrOrGrey);

    // The formats read, as ZXing names them ("QRCode|Code128").
    QString formatNames() const;

private:
    CameraCodeReader(std::uint32_t formats, CameraCodeReaderOptions options);

    std::optional<Decoded> readGrey(const cv::Mat& grey);
    void wipeBuffers();
    // Reads every rowStep-th row of `grey` (1 = all).
    std::optional<Decoded> decode(const cv::Mat& grey, std::uint32_t formats, bool tryHarder, int rowStep = 1) const;

    std::uint32_t m_formats = 0;  // ZXing::BarcodeFormats as bits, so this header needs no ZXing include
    CameraCodeReaderOptions m_options;
    std::uint32_t m_linearFormats = 0;  // the configured formats that are linear (1-D)
    int m_nextTile = 0;
    // Reused conversion buffers (no allocation per frame), zeroed after every read: they are copies of the frame.
    cv::Mat m_grey;
    cv::Mat m_small;
};

// Ignores the same text read again within `window` of the last time it was seen (camera.code_repeat_ms): a code held
// in front of the camera is one scan, not thirty a second. The window slides: a code that stays in view stays
// suppressed, and reads again once it has been out of view for `window`. A different text is accepted at once.
//
// Thread ownership: one thread at a time; `clock` must outlive it (IClock is safe from any thread).
class CodeRepeatFilter {
public:
    CodeRepeatFilter(const IClock& clock, std::chrono::milliseconds window);

    // True when `text` is a new scan; records the sighting either way.
    bool accept(const QString& text);
    void reset();

private:
    const IClock* m_clock;
    std::chrono::milliseconds m_window;
    QHash<QString, std::chrono::steady_clock::time_point> m_lastSeen;
};

}  // namespace facepos::drivers
