#include "receipt_text.h"

namespace facepos::drivers::receipt_text {

namespace {

int columnsOf(char32_t ucs) {
    return ucs < 0x80 ? 1 : 2;
}

}  // namespace

int columns(QStringView text) {
    int total = 0;
    for (const char32_t ucs : text.toUcs4()) total += columnsOf(ucs);
    return total;
}

QStringList wrap(QStringView text, int width) {
    QStringList lines;
    if (width < 2) width = 2;  // a double-width character must fit on a line
    const auto paragraphs = text.split(u'\n');
    for (QStringView paragraph : paragraphs) {
        QString current;
        int used = 0;
        int lastSpace = -1;  // index in `current` after which a break may go
        for (const char32_t ucs : paragraph.toUcs4()) {
            const int w = columnsOf(ucs);
            if (used + w > width) {
                QString carry;
                if (lastSpace > 0 && columns(QStringView(current).left(lastSpace)) * 2 >= width) {
                    carry = current.mid(lastSpace + 1);
                    current.truncate(lastSpace);
                }
                lines.append(current);
                current = carry;
                used = columns(current);
                lastSpace = -1;
                if (ucs == U' ' && current.isEmpty()) continue;  // no leading space on a continuation line
            }
            if (ucs == U' ') lastSpace = int(current.size());
            current.append(QString::fromUcs4(&ucs, 1));
            used += w;
        }
        lines.append(current);
    }
    return lines;
}

QStringList leftRight(QStringView left, QStringView right, int width) {
    const int rightColumns = columns(right);
    if (columns(left) + 1 + rightColumns <= width) {
        const int gap = width - columns(left) - rightColumns;
        return {left.toString() + QString(gap, u' ') + right.toString()};
    }
    QStringList lines = wrap(left, width);
    const int lastColumns = columns(lines.last());
    if (lastColumns + 1 + rightColumns <= width) {
        lines.last() += QString(width - lastColumns - rightColumns, u' ') + right.toString();
    } else {
        for (const QString& part : wrap(right, width)) lines.append(fit(part, width, true));
    }
    return lines;
}

QString fit(QStringView text, int width, bool alignRight) {
    QString first = wrap(text, std::max(width, 2)).first();
    const int pad = width - columns(first);
    if (pad <= 0) return first;
    return alignRight ? QString(pad, u' ') + first : first + QString(pad, u' ');
}

QString money(qint64 fen) {
    const bool negative = fen < 0;
    const qint64 magnitude = negative ? -fen : fen;
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

}  // namespace facepos::drivers::receipt_text
