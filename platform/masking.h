#pragma once

#include <QString>
#include <QStringView>

namespace facepos {

// Masking for anything that reaches a log, a receipt or a screen and must not carry the full secret.
// Pure functions; safe from any thread.

// Runs of at least this many digits are treated as payment codes by maskDigitRuns(): the shortest wallet code is
// 16 digits, and 13 leaves room for codes cut short by a scanner without catching ordinary numbers (amounts, ids).
inline constexpr int kMaskedDigitRunLength = 13;

// Keeps the first 4 and the last 4 characters and replaces the rest with '*', one for one:
// "134567890123456789" → "1345**********6789". Codes of 8 characters or fewer are masked entirely.
QString maskPaymentCode(QStringView code);

// Replaces every digit but the last 4 with '*', keeping separators: "+86 138 0013 8000" → "+** *** **** 8000".
// Numbers with 4 digits or fewer are masked entirely.
QString maskPhone(QStringView phone);

// Stands in for a password, a secret or a key: its length is not revealed either.
QString redacted();

// Masks, as maskPaymentCode() does, every maximal run of kMaskedDigitRunLength or more ASCII digits in `text`.
// The log sink's backstop: a payment code that slips into a log message is still masked.
QString maskDigitRuns(const QString& text);

}  // namespace facepos
