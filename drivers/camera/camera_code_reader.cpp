#include "camera_code_reader.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/ReadBarcode.h>

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <string>

namespace facepos::drivers {

namespace {

constexpr int kFormatBits = 32;

ZXing::BarcodeFormats formatsFromBits(std::uint32_t bits) {
    ZXing::BarcodeFormats formats;
    for (int bit = 0; bit < kFormatBits; ++bit) {
        if (bits & (1U << bit)) formats |= static_cast<ZXing::BarcodeFormat>(1U << bit);
    }
    return formats;
}

std::uint32_t bitsFromFormats(ZXing::BarcodeFormats formats) {
    std::uint32_t bits = 0;
    for (ZXing::BarcodeFormat format : formats) bits |= static_cast<std::uint32_t>(format);
    return bits;
}

Error badFormats(const QString& detail) {
    return makeError(QStringLiteral("scanner.bad_formats"),
                     QStringLiteral("camera.code_formats: %1 Use ZXing format names separated by commas, e.g. "
                                    "\"QRCode,Code128\" (also EAN-13, EAN-8, UPC-A, DataMatrix, PDF417, Aztec, ITF, "
                                    "Code39, Code93, Codabar).")
                         .arg(detail));
}

// The grey plane of `image` in `grey` (a view when it is already grey, no copy). False when the image is not 8-bit
// grey, BGR or BGRA, or too small to hold a code.
bool toGrey(const cv::Mat& image, cv::Mat& buffer, cv::Mat& grey) {
    if (image.empty() || image.dims != 2 || image.depth() != CV_8U) return false;
    if (image.cols < 2 || image.rows < 2) return false;
    switch (image.channels()) {
        case 1:
            grey = image;
            return true;
        case 3:
            cv::cvtColor(image, buffer, cv::COLOR_BGR2GRAY);
            grey = buffer;
            return true;
        case 4:
            cv::cvtColor(image, buffer, cv::COLOR_BGRA2GRAY);
            grey = buffer;
            return true;
        default:
            return false;
    }
}

}  // namespace

Result<CameraCodeReader> CameraCodeReader::create(const QString& formats, CameraCodeReaderOptions options) {
    const QStringList names = formats.split(QRegularExpression(QStringLiteral("[,|\\s]+")), Qt::SkipEmptyParts);
    if (names.isEmpty()) return badFormats(QStringLiteral("no format is named."));
    // BarcodeFormatsFromString throws on the first unknown name without saying which; checking each name first
    // gives the technician the name to fix.
    for (const QString& name : names) {
        if (ZXing::BarcodeFormatFromString(name.toStdString()) == ZXing::BarcodeFormat::None) {
            return badFormats(QStringLiteral("\"%1\" is not a barcode format ZXing knows.").arg(name));
        }
    }
    std::uint32_t bits = 0;
    try {
        bits = bitsFromFormats(ZXing::BarcodeFormatsFromString(formats.toStdString()));
    } catch (const std::exception& e) {
        return badFormats(QStringLiteral("\"%1\" cannot be read (%2).").arg(formats, QString::fromUtf8(e.what())));
    }
    if (bits == 0) return badFormats(QStringLiteral("no format is named."));
    options.fastPassMaxWidth = std::max(options.fastPassMaxWidth, 64);
    options.tileGrid = std::clamp(options.tileGrid, 1, 8);
    options.tileOverlap = std::max(options.tileOverlap, 0);
    options.linearSqueeze = std::clamp(options.linearSqueeze, 0, 16);
    return CameraCodeReader(bits, options);
}

CameraCodeReader::CameraCodeReader(std::uint32_t formats, CameraCodeReaderOptions options)
    : m_formats(formats),
      m_options(options),
      m_linearFormats(formats & bitsFromFormats(ZXing::BarcodeFormat::LinearCodes)) {}

QString CameraCodeReader::formatNames() const {
    return QString::fromStdString(ZXing::ToString(formatsFromBits(m_formats)));
}

std::optional<CameraCodeReader::Decoded> CameraCodeReader::read(const cv::Mat& bgrOrGrey) {
    std::optional<Decoded> decoded;
    // Neither OpenCV (cv::Exception, std::bad_alloc) nor ZXing may take the process down for one frame.
    try {
        cv::Mat grey;
        if (toGrey(bgrOrGrey, m_grey, grey)) decoded = readGrey(grey);
    } catch (...) {
        decoded.reset();
    }
    wipeBuffers();
    return decoded;
}

void CameraCodeReader::wipeBuffers() {
    // The frame may show a face: its grey copies are zeroed as soon as they are read (≈ 0.02 ms), not kept until
    // the next frame overwrites them (docs/camera.md, face pixels).
    for (cv::Mat* buffer : {&m_grey, &m_small}) {
        if (!buffer->empty()) buffer->setTo(cv::Scalar::all(0));
    }
}

std::optional<CameraCodeReader::Decoded> CameraCodeReader::readGrey(const cv::Mat& grey) {
    // Fast pass: the whole frame, scaled down, no tryHarder.
    const bool downscale = grey.cols > m_options.fastPassMaxWidth;
    if (downscale) {
        const double scale = static_cast<double>(m_options.fastPassMaxWidth) / grey.cols;
        const int height = std::max(2, static_cast<int>(grey.rows * scale));
        cv::resize(grey, m_small, cv::Size(m_options.fastPassMaxWidth, height), 0, 0, cv::INTER_AREA);
    }
    if (auto decoded = decode(downscale ? m_small : grey, m_formats, false)) return decoded;

    // Slow pass (see CameraCodeReaderOptions::tileGrid): the squeezed view for linear codes, then one tile.
    const bool squeezedView =
        m_linearFormats != 0 && m_options.linearSqueeze > 1 && grey.rows >= 2 * m_options.linearSqueeze;
    if (squeezedView) {
        // Every linearSqueeze-th row, as a view with a longer row stride: bars are vertical, so skipping rows loses
        // none of them, and nothing is copied (a resize with INTER_AREA here costs more than the read itself).
        if (auto decoded = decode(grey, m_linearFormats, true, m_options.linearSqueeze)) return decoded;
    }
    // With the squeezed view reading linear codes at full horizontal resolution, the tiles look for matrix codes
    // only: that halves a tile's cost.
    const std::uint32_t tileFormats = squeezedView ? m_formats & ~m_linearFormats : m_formats;
    if (tileFormats == 0) return std::nullopt;
    const int grid = m_options.tileGrid;
    if (grid == 1) return decode(grey, tileFormats, true);
    const int tile = m_nextTile;
    m_nextTile = (tile + 1) % (grid * grid);
    const int overlap = m_options.tileOverlap;
    const int tileWidth = std::min(grey.cols, (grey.cols + (grid - 1) * overlap + grid - 1) / grid);
    const int tileHeight = std::min(grey.rows, (grey.rows + (grid - 1) * overlap + grid - 1) / grid);
    const int left = (grey.cols - tileWidth) * (tile % grid) / (grid - 1);
    const int top = (grey.rows - tileHeight) * (tile / grid) / (grid - 1);
    return decode(grey(cv::Rect(left, top, tileWidth, tileHeight)), tileFormats, true);
}

std::optional<CameraCodeReader::Decoded> CameraCodeReader::decode(const cv::Mat& grey, std::uint32_t formats,
                                                                  bool tryHarder, int rowStep) const {
    const int rows = grey.rows / std::max(rowStep, 1);
    if (grey.cols < 2 || rows < 2) return std::nullopt;
    // A view of the grey pixels with their row stride (ROIs and padded rows included): ZXing copies nothing either.
    const ZXing::ImageView view(grey.ptr<std::uint8_t>(0), grey.cols, rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(grey.step[0]) * std::max(rowStep, 1));
    ZXing::DecodeHints hints;
    hints.setFormats(formatsFromBits(formats))
        .setTryHarder(tryHarder)
        .setTryRotate(false)
        .setTryDownscale(false)
        .setReturnErrors(false);
    // Single-result ReadBarcode only (see the class comment).
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid()) return std::nullopt;
    if ((static_cast<std::uint32_t>(result.format()) & formats) == 0) return std::nullopt;
    const std::string text = result.text();
    if (text.empty()) return std::nullopt;
    return Decoded{QString::fromStdString(text), QString::fromLatin1(ZXing::ToString(result.format()))};
}

CodeRepeatFilter::CodeRepeatFilter(const IClock& clock, std::chrono::milliseconds window)
    : m_clock(&clock), m_window(window) {}

bool CodeRepeatFilter::accept(const QString& text) {
    const auto now = m_clock->steadyNow();
    // Forget sightings older than the window, so the table holds only codes seen in the last `window`.
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();) {
        it = now - it.value() >= m_window ? m_lastSeen.erase(it) : std::next(it);
    }
    const bool fresh = !m_lastSeen.contains(text);
    m_lastSeen.insert(text, now);
    return fresh;
}

void CodeRepeatFilter::reset() {
    m_lastSeen.clear();
}

}  // namespace facepos::drivers
