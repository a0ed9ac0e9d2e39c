#include "masking.h"

namespace facepos {

namespace {

constexpr qsizetype kKeptAtEachEnd = 4;

bool isAsciiDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

}  // namespace

QString maskPaymentCode(QStringView code) {
    if (code.size() <= 2 * kKeptAtEachEnd) return QString(code.size(), u'*');
    return code.first(kKeptAtEachEnd).toString() + QString(code.size() - 2 * kKeptAtEachEnd, u'*') +
           code.last(kKeptAtEachEnd).toString();
}

QString maskPhone(QStringView phone) {
    qsizetype digits = 0;
    for (QChar c : phone) digits += isAsciiDigit(c) ? 1 : 0;
    qsizetype toMask = digits <= kKeptAtEachEnd ? digits : digits - kKeptAtEachEnd;

    QString masked = phone.toString();
    for (qsizetype i = 0; i < masked.size() && toMask > 0; ++i) {
        if (!isAsciiDigit(masked[i])) continue;
        masked[i] = u'*';
        --toMask;
    }
    return masked;
}

QString redacted() {
    return QStringLiteral("***");
}

QString maskDigitRuns(const QString& text) {
    QString result;
    qsizetype copiedUpTo = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isAsciiDigit(text[i])) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && isAsciiDigit(text[end])) ++end;
        if (end - i >= kMaskedDigitRunLength) {
            if (result.isEmpty()) result.reserve(text.size());
            result += QStringView(text).sliced(copiedUpTo, i - copiedUpTo);
            result += maskPaymentCode(QStringView(text).sliced(i, end - i));
            copiedUpTo = end;
        }
        i = end;
    }
    if (copiedUpTo == 0) return text;  // the common case: nothing to mask, no copy
    result += QStringView(text).sliced(copiedUpTo);
    return result;
}

}  // namespace facepos
