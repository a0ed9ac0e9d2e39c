#pragma once

#include <QString>
#include <QStringList>

namespace facepos::drivers {

// Column arithmetic for receipt text as a printer in Chinese mode prints it with font A: a character that GB18030
// encodes in one byte (ASCII) takes one 12-dot column; any other character (two or four bytes: Chinese, full-width
// punctuation, but also '·' or '€') is printed as a 24-dot double-width glyph and takes two columns. Counting by
// Unicode East-Asian width instead would misalign every line that holds such a character.
//
// Pure functions: safe on any thread.
namespace receipt_text {

int columns(QStringView text);  // columns the text takes

// Splits text into lines of at most `width` columns. A line breaks at the last space when one falls in its second
// half, else between two characters; a character (a surrogate pair included) is never split, so no GB18030
// sequence is split either. Embedded line breaks start a new line. Returns at least one line.
QStringList wrap(QStringView text, int width);

// `left` and `right` on one line of `width` columns, `right` flush right. When both do not fit, `left` is wrapped
// and `right` goes on its last line if it fits there, else on a line of its own.
QStringList leftRight(QStringView left, QStringView right, int width);

// Pads (or wraps to its first line) text to exactly `width` columns; right-aligned when `alignRight`.
QString fit(QStringView text, int width, bool alignRight = false);

// "12.34" from 1234 fen; "-5.00" from -500.
QString money(qint64 fen);

}  // namespace receipt_text

}  // namespace facepos::drivers
