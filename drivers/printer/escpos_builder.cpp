#include "escpos_builder.h"

#include <QStringEncoder>
#include <algorithm>

namespace facepos::drivers {

using namespace escpos;

namespace {

char byte(int value) {
    return static_cast<char>(static_cast<quint8>(value));
}

bool allDigits(const QByteArray& data) {
    return std::all_of(data.begin(), data.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

QByteArray EscPosBuilder::encodeText(QStringView text) {
    QString clean = text.toString();
    for (QChar& c : clean) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || (c.unicode() >= 0x80 && c.unicode() < 0xA0)) c = u' ';
    }
    // A fresh encoder per call: QStringEncoder keeps state and is not safe to share between threads.
    QStringEncoder encoder("GB18030");
    return encoder.encode(clean);
}

QByteArray EscPosBuilder::statusRequest(int n) {
    QByteArray request;
    request.append(kDle).append(kEot).append(byte(n));
    return request;
}

void EscPosBuilder::put(std::initializer_list<int> values) {
    for (int v : values) m_bytes.append(byte(v));
}

EscPosBuilder& EscPosBuilder::initialize() {
    put({kEsc, '@'});
    return *this;
}

EscPosBuilder& EscPosBuilder::chineseMode(bool on) {
    put({kFs, on ? '&' : '.'});
    return *this;
}

EscPosBuilder& EscPosBuilder::align(Align alignment) {
    put({kEsc, 'a', byte(static_cast<int>(alignment))});
    return *this;
}

EscPosBuilder& EscPosBuilder::bold(bool on) {
    put({kEsc, 'E', byte(on ? 1 : 0)});
    return *this;
}

EscPosBuilder& EscPosBuilder::size(int widthMultiplier, int heightMultiplier) {
    const int w = std::clamp(widthMultiplier, 1, 8) - 1;
    const int h = std::clamp(heightMultiplier, 1, 8) - 1;
    put({kGs, '!', byte((w << 4) | h)});
    return *this;
}

EscPosBuilder& EscPosBuilder::text(QStringView text) {
    m_bytes.append(encodeText(text));
    return *this;
}

EscPosBuilder& EscPosBuilder::line(QStringView text) {
    this->text(text);
    m_bytes.append(kLf);
    return *this;
}

EscPosBuilder& EscPosBuilder::lines(const QStringList& text) {
    for (const QString& l : text) line(l);
    return *this;
}

EscPosBuilder& EscPosBuilder::feed(int lines) {
    if (lines <= 0) return *this;
    if (lines == 1) {
        m_bytes.append(kLf);
    } else {
        put({kEsc, 'd', byte(std::min(lines, 255))});
    }
    return *this;
}

EscPosBuilder& EscPosBuilder::qrCode(const QByteArray& data, int moduleSize, QrErrorLevel level) {
    const QByteArray stored = data.left(7089);
    const int storeLength = int(stored.size()) + 3;                                      // cn fn m + data
    put({kGs, '(', 'k', 4, 0, 49, 65, 50, 0});                                           // fn 65: model 2
    put({kGs, '(', 'k', 3, 0, 49, 67, byte(std::clamp(moduleSize, 1, 16))});             // fn 67: module size
    put({kGs, '(', 'k', 3, 0, 49, 69, byte(static_cast<int>(level))});                   // fn 69: error level
    put({kGs, '(', 'k', byte(storeLength & 0xFF), byte(storeLength >> 8), 49, 80, 48});  // fn 80: store
    m_bytes.append(stored);
    put({kGs, '(', 'k', 3, 0, 49, 81, 48});  // fn 81: print the stored symbol
    return *this;
}

EscPosBuilder& EscPosBuilder::code128(const QByteArray& data, int heightDots, int moduleWidth, HriPosition hri) {
    QByteArray payload;
    if (data.size() >= 4 && data.size() % 2 == 0 && allDigits(data)) {
        payload = "{C";
        for (qsizetype i = 0; i + 1 < data.size() && payload.size() < 255; i += 2) {
            payload.append(byte((data[i] - '0') * 10 + (data[i + 1] - '0')));
        }
    } else {
        payload = "{B";
        for (char c : data) {
            if (payload.size() >= 255) break;
            // '{' starts a code-set switch in GS k 73 data, so it is written as the escape "{{".
            if (c == '{') {
                if (payload.size() + 2 > 255) break;
                payload.append("{{");
                continue;
            }
            payload.append((c >= 32 && c <= 126) ? c : '?');
        }
    }
    put({kGs, 'H', byte(static_cast<int>(hri))});
    put({kGs, 'h', byte(std::clamp(heightDots, 1, 255))});
    put({kGs, 'w', byte(std::clamp(moduleWidth, 2, 6))});
    put({kGs, 'k', 73, byte(int(payload.size()))});
    m_bytes.append(payload);
    return *this;
}

EscPosBuilder& EscPosBuilder::cut(CutMode mode, int feedDots) {
    put({kGs, 'V', byte(static_cast<int>(mode)), byte(std::clamp(feedDots, 0, 255))});
    return *this;
}

EscPosBuilder& EscPosBuilder::drawerKick(DrawerPin pin, int onMs, int offMs) {
    const int t1 = std::clamp(onMs / 2, 1, 255);
    const int t2 = std::clamp(offMs / 2, 1, 255);
    put({kEsc, 'p', byte(static_cast<int>(pin)), byte(t1), byte(t2)});
    return *this;
}

EscPosBuilder& EscPosBuilder::raw(const QByteArray& bytes) {
    m_bytes.append(bytes);
    return *this;
}

}  // namespace facepos::drivers
