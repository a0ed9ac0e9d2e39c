#pragma once

#include <QByteArray>
#include <QStringList>
#include <QStringView>
#include <initializer_list>

namespace facepos::drivers {

// ESC/POS command bytes as Epson defines them (TM-T20/TM-T88 programming guide) and as the common Chinese thermal
// printers (Xprinter, GPrinter, Sunmi, Hprt) accept them.
namespace escpos {
inline constexpr char kEsc = 0x1B;
inline constexpr char kGs = 0x1D;
inline constexpr char kFs = 0x1C;
inline constexpr char kDle = 0x10;
inline constexpr char kEot = 0x04;
inline constexpr char kLf = 0x0A;
}  // namespace escpos

enum class Align : quint8 { Left = 0, Center = 1, Right = 2 };

// Where the human-readable digits of a barcode go (GS H n).
enum class HriPosition : quint8 { None = 0, Above = 1, Below = 2, Both = 3 };

// QR error-correction level (GS ( k fn 69): L 7 %, M 15 %, Q 25 %, H 30 % of the symbol may be damaged.
enum class QrErrorLevel : quint8 { L = 48, M = 49, Q = 50, H = 51 };

enum class CutMode : quint8 { Full = 65, Partial = 66 };  // GS V function B: feed to the cutter, then cut

// Drawer connector pin (ESC p m): most drawers hang on pin 2; a second drawer, if any, on pin 5.
enum class DrawerPin : quint8 { Pin2 = 0, Pin5 = 1 };

// Builds one ESC/POS byte stream. Text is encoded in GB18030, which every Chinese-market printer reads in Chinese
// mode (FS &) and which, unlike GB2312/GBK, encodes every Unicode character, so no text is ever lost to '?'.
// Control characters inside text are replaced by spaces: a store name or an item name from the backend must never
// be able to inject a printer command (a cut, a drawer kick).
//
// A value type with no shared state: any thread may use its own builder.
class EscPosBuilder {
public:
    EscPosBuilder& initialize();            // ESC @: clears modes left by a previous job
    EscPosBuilder& chineseMode(bool on);    // FS & (on) / FS . (off): multi-byte characters as 24×24 glyphs
    EscPosBuilder& align(Align alignment);  // ESC a n: takes effect at the start of a line
    EscPosBuilder& bold(bool on);           // ESC E n
    // GS ! n: character width and height multipliers, each 1–8 (clamped).
    EscPosBuilder& size(int widthMultiplier, int heightMultiplier);
    EscPosBuilder& text(QStringView text);          // GB18030, control characters replaced by spaces
    EscPosBuilder& line(QStringView text);          // text, then LF
    EscPosBuilder& lines(const QStringList& text);  // each, then LF
    EscPosBuilder& feed(int lines = 1);             // LF, or ESC d n for more than one line (n clamped to 255)
    // GS ( k: model 2, module size 1–16 dots, error level, store the data (at most 7089 bytes), print.
    EscPosBuilder& qrCode(const QByteArray& data, int moduleSize = 6, QrErrorLevel level = QrErrorLevel::M);
    // GS H (HRI), GS h (height 1–255 dots), GS w (module 2–6 dots), then GS k 73 n with an explicit code set:
    // code set C ({C, two digits a byte) for an even count of at least four digits, else code set B ({B, ASCII
    // 32–126; other bytes become '?'). The data is cut to what fits the one-byte length n.
    EscPosBuilder& code128(const QByteArray& data, int heightDots = 80, int moduleWidth = 2,
                           HriPosition hri = HriPosition::Below);
    EscPosBuilder& cut(CutMode mode = CutMode::Partial, int feedDots = 0);  // GS V m n
    // ESC p m t1 t2: pulse the drawer solenoid for onMs, then rest offMs (2 ms units, each clamped to 2–510 ms).
    EscPosBuilder& drawerKick(DrawerPin pin = DrawerPin::Pin2, int onMs = 100, int offMs = 500);
    EscPosBuilder& raw(const QByteArray& bytes);

    const QByteArray& bytes() const { return m_bytes; }

    // GB18030 bytes of `text` with control characters replaced by spaces: what text() appends.
    static QByteArray encodeText(QStringView text);
    // DLE EOT n, the real-time status request (n = 1 printer, 2 offline cause, 4 roll paper sensor).
    static QByteArray statusRequest(int n);

private:
    void put(std::initializer_list<int> values);  // each value is one byte

    QByteArray m_bytes;
};

}  // namespace facepos::drivers
