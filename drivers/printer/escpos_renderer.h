#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QStringList>

namespace facepos::drivers {

// Interprets an ESC/POS byte stream the way a 203-dpi thermal printer with font A (12×24 dots, CJK 24×24) prints it
// and paints the result: GB18030 text with alignment, emphasis and GS ! sizes, line feeds, Code128 (GS k 73), QR
// codes (GS ( k, encoded with libqrencode from the stored data), and a cut mark at each GS V. Each cut ends a page.
// Commands it does not know are skipped and listed in warnings(), so a test can insist on a clean stream.
//
// Painting text needs the QGuiApplication (fonts); use it on the GUI thread or on a thread that only paints
// QImages (QPainter on a QImage is allowed off the GUI thread).
class EscPosRenderer {
public:
    explicit EscPosRenderer(int paperDots);

    struct Output {
        QList<QImage> pages;     // one per cut, each as wide as the paper plus a grey margin
        qsizetype consumed = 0;  // bytes up to and including the last cut
        int drawerKicks = 0;     // ESC p commands seen in the consumed bytes
        QStringList warnings;    // commands skipped, e.g. "unknown command ESC 0x74 at byte 12"
    };

    // Renders the pages a stream completes with a cut. With `includeUncut`, bytes after the last cut that printed
    // anything become a final page too (consumed then covers the whole stream).
    Output render(const QByteArray& bytes, bool includeUncut = false) const;

    static constexpr int kMargin = 16;  // grey border around the paper in the rendered image

private:
    int m_paperDots;
};

}  // namespace facepos::drivers
