#include "escpos_renderer.h"

#include <qrencode.h>

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QStringDecoder>
#include <algorithm>
#include <array>
#include <memory>

namespace facepos::drivers {

namespace {

constexpr int kFontHeight = 24;  // font A: 12×24 ASCII, 24×24 CJK
constexpr int kHalfWidth = 12;
constexpr int kLineSpacing = 30;  // ESC 2 default: 1/6 inch at 180 dpi units, as 203-dpi printers apply it
constexpr int kTopPadding = 12;

// Code128 bar/space widths of symbol values 0–106 (106 = stop, which has a seventh element).
constexpr std::array<const char*, 107> kCode128 = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213", "221312",
    "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132", "221231", "213212",
    "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211", "212123", "212321", "232121",
    "111323", "131123", "131321", "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331",
    "132131", "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131", "311123",
    "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111", "111224", "111422", "121124",
    "121421", "141122", "141221", "112214", "112412", "122114", "122411", "142112", "142211", "241211", "221114",
    "413111", "241112", "134111", "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112",
    "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};

struct Cell {
    char32_t ucs;
    int width;  // dots
    int heightMultiplier;
    int widthMultiplier;
    bool bold;
};

// One printed element of a page, painted once the page height is known.
struct Strip {
    enum Kind { TextLine, Bars, Qr, CutMark } kind = TextLine;
    int height = 0;
    int x = 0;  // left edge after alignment
    QList<Cell> cells;
    QList<int> bars;  // Bars: module widths, bar first; Qr: unused
    int module = 2;
    int barHeight = 80;
    QString hri;
    int hriPosition = 0;
    QImage qr;  // Qr: one pixel per module
};

struct State {
    int align = 0;
    bool bold = false;
    int widthMultiplier = 1;
    int heightMultiplier = 1;
    int hri = 0;
    int barcodeHeight = 162;
    int barcodeModule = 3;
    int qrModule = 3;
    QRecLevel qrLevel = QR_ECLEVEL_L;
    QByteArray qrData;
    int lineSpacing = kLineSpacing;
};

quint8 at(const QByteArray& b, qsizetype i) {
    return i < b.size() ? quint8(b[i]) : 0;
}

QString hex(quint8 v) {
    return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0'));
}

// Code128 symbol values (start .. check .. stop) and HRI text of GS k 73 data ("{B…", "{C…", "{A…").
bool code128Values(const QByteArray& data, QList<int>& values, QString& hri) {
    if (data.size() < 2 || data[0] != '{') return false;
    char set = data[1];
    if (set == 'A') {
        values.append(103);
    } else if (set == 'B') {
        values.append(104);
    } else if (set == 'C') {
        values.append(105);
    } else {
        return false;
    }
    for (qsizetype i = 2; i < data.size(); ++i) {
        const quint8 c = quint8(data[i]);
        if (c == '{' && i + 1 < data.size() && data[i + 1] != '{') {
            const char next = data[++i];
            if (next == 'A' || next == 'B' || next == 'C') {
                values.append(next == 'A' ? 101 : next == 'B' ? 100 : 99);
                set = next;
            } else if (next == '1') {
                values.append(102);
            } else {
                return false;
            }
            continue;
        }
        if (c == '{') ++i;  // "{{" is a literal '{'
        if (set == 'C') {
            if (c > 99) return false;
            values.append(c);
            hri += QStringLiteral("%1").arg(c, 2, 10, QLatin1Char('0'));
        } else if (set == 'B') {
            if (c < 32 || c > 127) return false;
            values.append(c - 32);
            hri += QChar(c);
        } else {
            if (c >= 96) return false;
            values.append(c < 32 ? c + 64 : c - 32);
            if (c >= 32) hri += QChar(c);
        }
    }
    int check = values.first();
    for (qsizetype i = 1; i < values.size(); ++i) check += int(i) * values[i];
    values.append(check % 103);
    values.append(106);
    return true;
}

QImage encodeQr(const QByteArray& data, QRecLevel level) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(data.size()), reinterpret_cast<const unsigned char*>(data.constData()), 0, level),
        &QRcode_free);
    if (!code) return {};
    QImage image(code->width, code->width, QImage::Format_Grayscale8);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            image.setPixel(x, y, (code->data[y * code->width + x] & 1) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
        }
    }
    return image;
}

class Interpreter {
public:
    Interpreter(int paperDots, EscPosRenderer::Output& out) : m_paper(paperDots), m_out(out) {}

    void run(const QByteArray& b, bool includeUncut) {
        qsizetype i = 0;
        while (i < b.size()) {
            const quint8 c = quint8(b[i]);
            if (c >= 0x20 && c != 0x7F) {
                qsizetype end = i;
                while (end < b.size() && quint8(b[end]) >= 0x20 && quint8(b[end]) != 0x7F) ++end;
                addText(b.mid(i, end - i));
                i = end;
                continue;
            }
            i = command(b, i);
        }
        if (includeUncut) {
            flushLine(false);
            if (!m_strips.isEmpty()) finishPage();
            m_out.consumed = b.size();
            m_out.drawerKicks += m_kicks;
            m_kicks = 0;
        }
    }

private:
    qsizetype command(const QByteArray& b, qsizetype i) {
        const quint8 c = quint8(b[i]);
        const quint8 n1 = at(b, i + 1);
        const quint8 n2 = at(b, i + 2);
        switch (c) {
            case 0x0A:
                flushLine(true);
                return i + 1;
            case 0x0D:
            case 0x00:
                return i + 1;
            case 0x09:
                addText(" ");
                return i + 1;
            case 0x10:  // DLE EOT n / DLE ENQ n: real-time requests, nothing printed
                return i + 3;
            case 0x1B:
                return escape(b, i, n1, n2);
            case 0x1C:
                if (n1 == '&' || n1 == '.') return i + 2;
                warn(QStringLiteral("FS %1").arg(hex(n1)), i);
                return i + 2;
            case 0x1D:
                return group(b, i, n1, n2);
            default:
                warn(QStringLiteral("control byte %1").arg(hex(c)), i);
                return i + 1;
        }
    }

    qsizetype escape(const QByteArray& b, qsizetype i, quint8 n1, quint8 n2) {
        switch (n1) {
            case '@':
                flushLine(false);
                m_state = State{};
                return i + 2;
            case 'a':
                m_state.align = (n2 >= '0' ? n2 - '0' : n2) % 3;
                return i + 3;
            case 'E':
                m_state.bold = n2 & 1;
                return i + 3;
            case '!':
                m_state.bold = n2 & 0x08;
                m_state.heightMultiplier = (n2 & 0x10) ? 2 : 1;
                m_state.widthMultiplier = (n2 & 0x20) ? 2 : 1;
                return i + 3;
            case 'd':
                flushLine(true);
                for (int k = 1; k < n2; ++k) flushLine(true);
                return i + 3;
            case 'J':
                flushLine(false);
                addSpace(n2);
                return i + 3;
            case '2':
                m_state.lineSpacing = kLineSpacing;
                return i + 2;
            case '3':
                m_state.lineSpacing = n2;
                return i + 3;
            case 'p':
                if (i + 4 < b.size()) ++m_kicks;
                return i + 5;
            default:
                warn(QStringLiteral("ESC %1").arg(hex(n1)), i);
                return i + 2;
        }
    }

    qsizetype group(const QByteArray& b, qsizetype i, quint8 n1, quint8 n2) {
        switch (n1) {
            case '!':
                m_state.widthMultiplier = (n2 >> 4) + 1;
                m_state.heightMultiplier = (n2 & 0x0F) + 1;
                return i + 3;
            case 'H':
                m_state.hri = (n2 >= '0' ? n2 - '0' : n2) & 3;
                return i + 3;
            case 'h':
                m_state.barcodeHeight = std::max<int>(1, n2);
                return i + 3;
            case 'w':
                m_state.barcodeModule = std::clamp<int>(n2, 1, 6);
                return i + 3;
            case 'k':
                return barcode(b, i, n2);
            case '(':
                return function(b, i);
            case 'V': {
                const bool withFeed = n2 == 65 || n2 == 66;
                cut(i + (withFeed ? 4 : 3));
                return i + (withFeed ? 4 : 3);
            }
            default:
                warn(QStringLiteral("GS %1").arg(hex(n1)), i);
                return i + 2;
        }
    }

    qsizetype barcode(const QByteArray& b, qsizetype i, quint8 m) {
        if (m <= 6) {  // NUL-terminated forms (UPC, EAN, CODE39, …): skipped
            qsizetype end = b.indexOf('\0', i + 3);
            warn(QStringLiteral("barcode type %1").arg(m), i);
            return end < 0 ? b.size() : end + 1;
        }
        const int n = at(b, i + 3);
        const QByteArray data = b.mid(i + 4, n);
        if (m != 73) {
            warn(QStringLiteral("barcode type %1").arg(m), i);
            return i + 4 + n;
        }
        QList<int> values;
        QString hri;
        if (!code128Values(data, values, hri)) {
            warn(QStringLiteral("malformed Code128 data"), i);
            return i + 4 + n;
        }
        flushLine(false);
        Strip s;
        s.kind = Strip::Bars;
        for (int v : values) {
            for (const char* p = kCode128[v]; *p; ++p) s.bars.append(*p - '0');
        }
        s.module = m_state.barcodeModule;
        s.barHeight = m_state.barcodeHeight;
        s.hri = hri;
        s.hriPosition = m_state.hri;
        int modules = 0;
        for (int w : s.bars) modules += w;
        s.x = aligned(modules * s.module);
        s.height = s.barHeight + ((s.hriPosition & 1) ? kLineSpacing : 0) + ((s.hriPosition & 2) ? kLineSpacing : 0);
        m_strips.append(s);
        return i + 4 + n;
    }

    // GS ( k pL pH cn fn …: only the QR functions (cn 49) are interpreted.
    qsizetype function(const QByteArray& b, qsizetype i) {
        if (at(b, i + 2) != 'k') {
            warn(QStringLiteral("GS ( %1").arg(hex(at(b, i + 2))), i);
            return i + 5 + at(b, i + 3) + 256 * at(b, i + 4);
        }
        const int length = at(b, i + 3) + 256 * at(b, i + 4);
        const qsizetype params = i + 5;
        const quint8 cn = at(b, params);
        const quint8 fn = at(b, params + 1);
        const qsizetype next = params + length;
        if (cn != 49) {
            warn(QStringLiteral("GS ( k cn %1").arg(cn), i);
            return next;
        }
        switch (fn) {
            case 65:  // model: only model 2 is drawn
                break;
            case 67:
                m_state.qrModule = std::clamp<int>(at(b, params + 2), 1, 16);
                break;
            case 69: {
                const int level = at(b, params + 2) - 48;
                m_state.qrLevel = level == 3   ? QR_ECLEVEL_H
                                  : level == 2 ? QR_ECLEVEL_Q
                                  : level == 1 ? QR_ECLEVEL_M
                                               : QR_ECLEVEL_L;
                break;
            }
            case 80:
                m_state.qrData = b.mid(params + 3, length - 3);
                break;
            case 81: {
                flushLine(false);
                Strip s;
                s.kind = Strip::Qr;
                s.qr = encodeQr(m_state.qrData, m_state.qrLevel);
                if (s.qr.isNull()) {
                    warn(QStringLiteral("QR data does not fit a QR code"), i);
                    break;
                }
                s.module = m_state.qrModule;
                // The printer adds a 4-module quiet zone only on the paper's own margins; the renderer adds
                // 2 modules above and below so the code stands free of the text.
                const int side = s.qr.width() * s.module;
                s.x = aligned(side);
                s.height = side + 4 * s.module;
                m_strips.append(s);
                break;
            }
            default:
                warn(QStringLiteral("GS ( k fn %1").arg(fn), i);
        }
        return next;
    }

    void addText(const QByteArray& bytes) {
        // Printable bytes never contain a control byte, and GB18030 trail bytes are all >= 0x30, so a run of
        // printable bytes holds whole characters (a stream cut mid-character shows U+FFFD, as a printer shows junk).
        QStringDecoder decoder("GB18030");
        const QString text = decoder.decode(bytes);
        for (const char32_t ucs : text.toUcs4()) {
            const int w = (ucs < 0x80 ? kHalfWidth : 2 * kHalfWidth) * m_state.widthMultiplier;
            if (m_used + w > m_paper) flushLine(true);  // the printer wraps at the paper edge
            m_line.append(Cell{ucs, w, m_state.heightMultiplier, m_state.widthMultiplier, m_state.bold});
            m_used += w;
        }
    }

    // Prints the line buffer. `feed`: an LF, which feeds a line even when the buffer is empty.
    void flushLine(bool feed) {
        if (m_line.isEmpty() && !feed) return;
        Strip s;
        s.kind = Strip::TextLine;
        int tallest = 1;
        for (const Cell& cell : m_line) tallest = std::max(tallest, cell.heightMultiplier);
        s.height = std::max(m_state.lineSpacing, kFontHeight * tallest + (m_state.lineSpacing - kFontHeight));
        s.cells = m_line;
        s.x = aligned(m_used);
        m_strips.append(s);
        m_line.clear();
        m_used = 0;
    }

    void addSpace(int dots) {
        Strip s;
        s.height = dots;
        m_strips.append(s);
    }

    void cut(qsizetype consumedUpTo) {
        flushLine(false);
        Strip s;
        s.kind = Strip::CutMark;
        s.height = 24;
        m_strips.append(s);
        finishPage();
        m_out.consumed = consumedUpTo;
        m_out.drawerKicks += m_kicks;
        m_kicks = 0;
    }

    int aligned(int width) const {
        if (m_state.align == 1) return std::max(0, (m_paper - width) / 2);
        if (m_state.align == 2) return std::max(0, m_paper - width);
        return 0;
    }

    void warn(const QString& what, qsizetype offset) {
        m_out.warnings.append(QStringLiteral("unknown or unsupported %1 at byte %2").arg(what).arg(offset));
    }

    void finishPage();

    int m_paper;
    EscPosRenderer::Output& m_out;
    State m_state;
    QList<Cell> m_line;
    int m_used = 0;
    int m_kicks = 0;
    QList<Strip> m_strips;
};

void paintText(QPainter& painter, const Strip& s, int top) {
    int x = s.x;
    for (const Cell& cell : s.cells) {
        // The mono face gives ASCII exactly half the advance of a CJK glyph, as font A does.
        QFont font(QStringLiteral("WenQuanYi Micro Hei Mono"));
        font.setPixelSize(kFontHeight - 2);
        font.setBold(cell.bold);
        font.setStyleStrategy(QFont::PreferAntialias);
        painter.setFont(font);
        const int cellHeight = kFontHeight * cell.heightMultiplier;
        const int baseline = top + (s.height - (kLineSpacing - kFontHeight)) - cellHeight;
        const QString glyph = QString::fromUcs4(&cell.ucs, 1);
        painter.save();
        painter.translate(x, baseline);
        painter.scale(cell.widthMultiplier, cell.heightMultiplier);
        const int unscaledWidth = cell.width / cell.widthMultiplier;
        painter.drawText(QRectF(0, 0, unscaledWidth, kFontHeight), Qt::AlignCenter, glyph);
        if (cell.bold) painter.drawText(QRectF(0.6, 0, unscaledWidth, kFontHeight), Qt::AlignCenter, glyph);
        painter.restore();
        x += cell.width;
    }
}

void paintBars(QPainter& painter, const Strip& s, int top, int paper) {
    int y = top;
    QFont font(QStringLiteral("WenQuanYi Micro Hei Mono"));
    font.setPixelSize(kFontHeight - 4);
    painter.setFont(font);
    auto hri = [&](int at) { painter.drawText(QRect(0, at, paper, kLineSpacing), Qt::AlignCenter, s.hri); };
    if (s.hriPosition & 1) {
        hri(y);
        y += kLineSpacing;
    }
    int x = s.x;
    bool bar = true;
    for (int w : s.bars) {
        if (bar) painter.fillRect(QRect(x, y, w * s.module, s.barHeight), Qt::black);
        x += w * s.module;
        bar = !bar;
    }
    y += s.barHeight;
    if (s.hriPosition & 2) hri(y);
}

void paintCut(QPainter& painter, const Strip& s, int top, int paper) {
    const int y = top + s.height / 2;
    painter.setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    painter.drawLine(0, y, paper, y);
    // Notches at both edges, as a partial cut leaves them.
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(120, 120, 120));
    painter.drawPolygon(QPolygon({QPoint(0, y - 6), QPoint(10, y), QPoint(0, y + 6)}));
    painter.drawPolygon(QPolygon({QPoint(paper, y - 6), QPoint(paper - 10, y), QPoint(paper, y + 6)}));
}

void Interpreter::finishPage() {
    int height = kTopPadding;
    for (const Strip& s : m_strips) height += s.height;
    // A stream of nothing but feeds (ESC d 255, …) must not ask for an image the size of a roll.
    constexpr int kMaxPageHeight = 20000;
    height = std::min(height, kMaxPageHeight);
    const int m = EscPosRenderer::kMargin;
    QImage page(m_paper + 2 * m, height + 2 * m, QImage::Format_RGB32);
    page.fill(QColor(224, 224, 224));
    QPainter painter(&page);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRect(m, m, m_paper, height), Qt::white);
    painter.translate(m, m);
    painter.setPen(Qt::black);
    int y = kTopPadding;
    for (const Strip& s : m_strips) {
        painter.save();
        switch (s.kind) {
            case Strip::TextLine:
                paintText(painter, s, y);
                break;
            case Strip::Bars:
                paintBars(painter, s, y, m_paper);
                break;
            case Strip::Qr:
                painter.drawImage(QRect(s.x, y + 2 * s.module, s.qr.width() * s.module, s.qr.height() * s.module),
                                  s.qr);
                break;
            case Strip::CutMark:
                paintCut(painter, s, y, m_paper);
                break;
        }
        painter.restore();
        y += s.height;
    }
    painter.end();
    m_out.pages.append(page);
    m_strips.clear();
}

}  // namespace

EscPosRenderer::EscPosRenderer(int paperDots) : m_paperDots(paperDots) {}

EscPosRenderer::Output EscPosRenderer::render(const QByteArray& bytes, bool includeUncut) const {
    Output out;
    Interpreter interpreter(m_paperDots, out);
    interpreter.run(bytes, includeUncut);
    return out;
}

}  // namespace facepos::drivers
