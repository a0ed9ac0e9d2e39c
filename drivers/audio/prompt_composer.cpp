#include "prompt_composer.h"

#include <array>

namespace facepos::drivers {

namespace {

QString prefix(VoiceLanguage language) {
    return language == VoiceLanguage::ZhCN ? QStringLiteral("zh/") : QStringLiteral("en/");
}

QString digit(VoiceLanguage language, qint64 d) {
    return prefix(language) + QStringLiteral("d%1").arg(d);
}

// 1 … 9999 in Chinese. `leading`: this section starts the number, so 1x is 十x rather than 一十x.
void chineseSection(qint64 n, bool leading, QStringList& out) {
    static const std::array<const char*, 4> units = {"zh/qian", "zh/bai", "zh/shi", nullptr};
    const std::array<qint64, 4> digits = {n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10};
    bool started = false;
    bool pendingZero = false;
    for (size_t i = 0; i < digits.size(); ++i) {
        const qint64 d = digits[i];
        if (d == 0) {
            pendingZero = started;
            continue;
        }
        if (pendingZero) out << QStringLiteral("zh/d0");
        pendingZero = false;
        const bool tenShortcut = i == 2 && d == 1 && !started && leading;
        if (!tenShortcut) out << digit(VoiceLanguage::ZhCN, d);
        if (units[i]) out << QString::fromLatin1(units[i]);
        started = true;
    }
}

void chineseInteger(qint64 n, QStringList& out) {
    if (n == 0) {
        out << QStringLiteral("zh/d0");
        return;
    }
    // Groups of four digits: 亿 is never needed (checkout.max_amount_fen is at most 100000000, one million yuan),
    // so larger values are read with 万万 rather than refused.
    const qint64 high = n / 10000;
    const qint64 low = n % 10000;
    if (high > 0) {
        chineseInteger(high, out);
        out << QStringLiteral("zh/wan");
        if (low > 0 && low < 1000) out << QStringLiteral("zh/d0");
        if (low > 0) chineseSection(low, false, out);
    } else {
        chineseSection(low, true, out);
    }
}

}  // namespace

QStringList PromptComposer::amount(qint64 amountFen, VoiceLanguage language) {
    const qint64 fen = amountFen < 0 ? -amountFen : amountFen;
    const qint64 yuan = fen / 100;
    const qint64 jiao = fen / 10 % 10;
    const qint64 cents = fen % 10;
    QStringList out;
    if (language == VoiceLanguage::ZhCN) {
        chineseInteger(yuan, out);
    } else {
        for (const QChar c : QString::number(yuan)) out << digit(language, c.digitValue());
    }
    if (jiao != 0 || cents != 0) {
        out << prefix(language) + QStringLiteral("dian");
        out << digit(language, jiao);
        if (cents != 0) out << digit(language, cents);
    }
    out << prefix(language) + QStringLiteral("yuan");
    return out;
}

QStringList PromptComposer::compose(Prompt prompt, qint64 amountFen, VoiceLanguage language) {
    const QString p = prefix(language);
    switch (prompt) {
        case Prompt::ShowPaymentCode:
            return {p + QStringLiteral("show_code")};
        case Prompt::LookAtCamera:
            return {p + QStringLiteral("look_camera")};
        case Prompt::PaymentSucceeded:
            return QStringList{p + QStringLiteral("success")} + amount(amountFen, language);
        case Prompt::PaymentFailed:
            return {p + QStringLiteral("failed")};
        case Prompt::MoveCloser:
            return {p + QStringLiteral("move_closer")};
        case Prompt::MoveBack:
            return {p + QStringLiteral("move_back")};
        case Prompt::FaceCamera:
            return {p + QStringLiteral("face_camera")};
        case Prompt::TooDark:
            return {p + QStringLiteral("too_dark")};
        case Prompt::HoldStill:
            return {p + QStringLiteral("hold_still")};
        case Prompt::OnePersonOnly:
            return {p + QStringLiteral("one_person")};
        case Prompt::TurnHead:
            return {p + QStringLiteral("turn_head")};
        case Prompt::EnterPhoneDigits:
            return {p + QStringLiteral("phone_digits")};
    }
    return {};
}

QStringList PromptComposer::allClips() {
    QStringList clips;
    for (const QString& p : {QStringLiteral("zh/"), QStringLiteral("en/")}) {
        for (const char* name :
             {"show_code", "look_camera", "success", "failed", "dian", "yuan", "move_closer", "move_back",
              "face_camera", "too_dark", "hold_still", "one_person", "turn_head", "phone_digits"}) {
            clips << p + QString::fromLatin1(name);
        }
        for (int d = 0; d <= 9; ++d) clips << p + QStringLiteral("d%1").arg(d);
    }
    for (const char* name : {"zh/shi", "zh/bai", "zh/qian", "zh/wan"}) clips << QString::fromLatin1(name);
    return clips;
}

}  // namespace facepos::drivers
