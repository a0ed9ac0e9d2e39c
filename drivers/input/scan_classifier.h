#pragma once

#include <QMetaType>
#include <QRegularExpression>
#include <QString>

#include "platform/result.h"

namespace facepos::drivers {

enum class ScanKind {
    PaymentCode,  // a customer's wallet payment code; `wallet` says which
    MemberCard,   // matched the merchant's member card pattern
    Voucher,      // matched the merchant's voucher pattern
    Unknown,      // well-formed text that no rule recognises
    Rejected,     // garbage, a partial or an over-long scan: `reason` says which; never to be used
};

enum class Wallet { None, WeChat, Alipay, UnionPay };

struct ScanClassification {
    ScanKind kind = ScanKind::Unknown;
    Wallet wallet = Wallet::None;
    QString code;    // the scanned text, trailing terminators removed. Log it only through maskPaymentCode().
    QString reason;  // Rejected: what was wrong and what to do, for the cashier; empty otherwise
};

QString scanKindName(ScanKind kind);  // "payment_code", "member_card", "voucher", "unknown", "rejected"
QString walletName(Wallet wallet);    // "wechat", "alipay", "unionpay", "" for None

// The one place where a scan is given a meaning (DESIGN §4). Every scanner path (evdev, keyboard, serial, camera,
// simulated) hands its text here, so the rules cannot drift apart.
//
// Rules, in order:
//  1. empty, longer than kMaxLength, or holding a character outside printable ASCII → Rejected (garbage/over-long);
//  2. all digits and a wallet's exact form → PaymentCode:
//     WeChat 18 digits, prefix 10–15; Alipay 16–24 digits, prefix 25–30; UnionPay 19 digits, prefix 62;
//  3. the merchant's member card pattern, then the voucher pattern (whole-text match) → MemberCard / Voucher;
//  4. all digits with a wallet's prefix but the wrong length → Rejected (partial when too short, over-long when too
//     long), because a payment code cut short by a scanner must not be mistaken for anything else;
//  5. otherwise Unknown.
//
// Immutable after construction; const methods are safe from any thread.
class ScanClassifier {
public:
    static constexpr int kMaxLength = 128;  // longer than any code the terminal accepts (QR vouchers included)

    // Empty patterns: the merchant uses no member cards / vouchers. Errors: scanner.bad_pattern (message names the
    // setting and the regular expression's own error).
    static Result<ScanClassifier> create(const QString& memberCardPattern, const QString& voucherPattern);

    ScanClassifier() = default;  // wallet rules only

    ScanClassification classify(const QString& text) const;

private:
    QRegularExpression m_memberCard;
    QRegularExpression m_voucher;
};

}  // namespace facepos::drivers

Q_DECLARE_METATYPE(facepos::drivers::ScanClassification)
