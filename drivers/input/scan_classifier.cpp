#include "scan_classifier.h"

#include <algorithm>
#include <optional>

namespace facepos::drivers {

namespace {

struct WalletRule {
    Wallet wallet;
    int prefixLow;  // the first two digits, inclusive range
    int prefixHigh;
    int minLength;
    int maxLength;
    const char* label;
};

constexpr WalletRule kWalletRules[] = {
    {Wallet::WeChat, 10, 15, 18, 18, "WeChat Pay"},
    {Wallet::Alipay, 25, 30, 16, 24, "Alipay"},
    {Wallet::UnionPay, 62, 62, 19, 19, "UnionPay"},
};

bool allDigits(const QString& text) {
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool printableAscii(const QString& text) {
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
}

std::optional<WalletRule> ruleForPrefix(const QString& digits) {
    if (digits.size() < 2) return std::nullopt;
    const int prefix = digits.left(2).toInt();
    for (const WalletRule& rule : kWalletRules) {
        if (prefix >= rule.prefixLow && prefix <= rule.prefixHigh) return rule;
    }
    return std::nullopt;
}

QString lengthText(const WalletRule& rule) {
    return rule.minLength == rule.maxLength ? QString::number(rule.minLength)
                                            : QStringLiteral("%1 to %2").arg(rule.minLength).arg(rule.maxLength);
}

ScanClassification rejected(const QString& code, QString reason) {
    return ScanClassification{ScanKind::Rejected, Wallet::None, code, std::move(reason)};
}

Result<QRegularExpression> compile(const QString& pattern, const char* setting) {
    QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    if (!pattern.isEmpty() && !re.isValid()) {
        return makeError(QStringLiteral("scanner.bad_pattern"),
                         QStringLiteral("%1 '%2' is not a valid regular expression (%3 at offset %4); correct it in "
                                        "the configuration.")
                             .arg(QLatin1String(setting), pattern, re.errorString())
                             .arg(re.patternErrorOffset()));
    }
    return pattern.isEmpty() ? QRegularExpression() : re;
}

}  // namespace

QString scanKindName(ScanKind kind) {
    switch (kind) {
        case ScanKind::PaymentCode:
            return QStringLiteral("payment_code");
        case ScanKind::MemberCard:
            return QStringLiteral("member_card");
        case ScanKind::Voucher:
            return QStringLiteral("voucher");
        case ScanKind::Unknown:
            return QStringLiteral("unknown");
        case ScanKind::Rejected:
            return QStringLiteral("rejected");
    }
    return {};
}

QString walletName(Wallet wallet) {
    switch (wallet) {
        case Wallet::None:
            return {};
        case Wallet::WeChat:
            return QStringLiteral("wechat");
        case Wallet::Alipay:
            return QStringLiteral("alipay");
        case Wallet::UnionPay:
            return QStringLiteral("unionpay");
    }
    return {};
}

Result<ScanClassifier> ScanClassifier::create(const QString& memberCardPattern, const QString& voucherPattern) {
    auto member = compile(memberCardPattern, "scanner.member_card_pattern");
    if (!member) return member.error();
    auto voucher = compile(voucherPattern, "scanner.voucher_pattern");
    if (!voucher) return voucher.error();
    ScanClassifier classifier;
    classifier.m_memberCard = std::move(member).value();
    classifier.m_voucher = std::move(voucher).value();
    return classifier;
}

ScanClassification ScanClassifier::classify(const QString& raw) const {
    QString text = raw;
    while (!text.isEmpty() && (text.back() == u'\r' || text.back() == u'\n' || text.back() == u'\t')) text.chop(1);

    if (text.isEmpty()) return rejected(text, QStringLiteral("The scan was empty; scan the code again."));
    if (text.size() > kMaxLength) {
        return rejected(text, QStringLiteral("The scan is over-long (%1 characters, at most %2); two codes may have "
                                             "run together. Scan one code at a time.")
                                  .arg(text.size())
                                  .arg(kMaxLength));
    }
    if (!printableAscii(text)) {
        return rejected(text, QStringLiteral("The scan holds unreadable characters (garbage); check the scanner's "
                                             "keyboard layout setting and scan again."));
    }

    const bool digits = allDigits(text);
    const std::optional<WalletRule> rule = digits ? ruleForPrefix(text) : std::nullopt;
    if (rule && text.size() >= rule->minLength && text.size() <= rule->maxLength) {
        return ScanClassification{ScanKind::PaymentCode, rule->wallet, text, {}};
    }
    if (m_memberCard.isValid() && !m_memberCard.pattern().isEmpty() && m_memberCard.match(text).hasMatch()) {
        return ScanClassification{ScanKind::MemberCard, Wallet::None, text, {}};
    }
    if (m_voucher.isValid() && !m_voucher.pattern().isEmpty() && m_voucher.match(text).hasMatch()) {
        return ScanClassification{ScanKind::Voucher, Wallet::None, text, {}};
    }
    if (rule) {
        const bool tooShort = text.size() < rule->minLength;
        return rejected(text, QStringLiteral("%1 looks like a %2 payment code but has %3 digits (%2 codes have %4); "
                                             "ask the customer to show the code again and rescan.")
                                  .arg(tooShort ? QStringLiteral("Partial scan:") : QStringLiteral("Over-long scan:"),
                                       QLatin1String(rule->label))
                                  .arg(text.size())
                                  .arg(lengthText(*rule)));
    }
    return ScanClassification{ScanKind::Unknown, Wallet::None, text, {}};
}

}  // namespace facepos::drivers
