// Golden tests of the classification rules (DESIGN §4): each wallet's prefix and length boundaries, the merchant's
// patterns, and the rejections (garbage, partial, over-long).
#include <gtest/gtest.h>

#include "drivers/input/scan_classifier.h"

using namespace facepos::drivers;

namespace {

struct Golden {
    const char* name;
    const char* code;
    ScanKind kind;
    Wallet wallet;
};

void PrintTo(const Golden& golden, std::ostream* os) {
    *os << golden.name;
}

class ScanClassifierGolden : public ::testing::TestWithParam<Golden> {};

TEST_P(ScanClassifierGolden, ClassifiesAsExpected) {
    const Golden& golden = GetParam();
    const ScanClassification result = ScanClassifier().classify(QString::fromLatin1(golden.code));
    EXPECT_EQ(scanKindName(result.kind).toStdString(), scanKindName(golden.kind).toStdString())
        << result.reason.toStdString();
    EXPECT_EQ(walletName(result.wallet).toStdString(), walletName(golden.wallet).toStdString());
    if (golden.kind == ScanKind::Rejected) {
        EXPECT_FALSE(result.reason.isEmpty());
    } else {
        EXPECT_TRUE(result.reason.isEmpty());
    }
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Rules, ScanClassifierGolden, ::testing::Values(
    // WeChat: 18 digits, prefix 10–15.
    Golden{"WeChatPrefix10", "101234567890123456", ScanKind::PaymentCode, Wallet::WeChat},
    Golden{"WeChatPrefix15", "151234567890123456", ScanKind::PaymentCode, Wallet::WeChat},
    Golden{"Prefix09With18DigitsIsUnknown", "091234567890123456", ScanKind::Unknown, Wallet::None},
    Golden{"Prefix16With18DigitsIsUnknown", "161234567890123456", ScanKind::Unknown, Wallet::None},
    Golden{"WeChatWith17DigitsIsPartial", "13123456789012345", ScanKind::Rejected, Wallet::None},
    Golden{"WeChatWith19DigitsIsOverLong", "1312345678901234567", ScanKind::Rejected, Wallet::None},
    // Alipay: 16–24 digits, prefix 25–30.
    Golden{"AlipayPrefix28With18", "281234567890123456", ScanKind::PaymentCode, Wallet::Alipay},
    Golden{"AlipayPrefix25With18", "251234567890123456", ScanKind::PaymentCode, Wallet::Alipay},
    Golden{"AlipayPrefix30With18", "301234567890123456", ScanKind::PaymentCode, Wallet::Alipay},
    Golden{"Prefix24IsUnknown", "241234567890123456", ScanKind::Unknown, Wallet::None},
    Golden{"Prefix31IsUnknown", "311234567890123456", ScanKind::Unknown, Wallet::None},
    Golden{"AlipayWith15DigitsIsPartial", "281234567890123", ScanKind::Rejected, Wallet::None},
    Golden{"AlipayWith16Digits", "2812345678901234", ScanKind::PaymentCode, Wallet::Alipay},
    Golden{"AlipayWith24Digits", "281234567890123456789012", ScanKind::PaymentCode, Wallet::Alipay},
    Golden{"AlipayWith25DigitsIsOverLong", "2812345678901234567890123", ScanKind::Rejected, Wallet::None},
    // UnionPay: 19 digits, prefix 62.
    Golden{"UnionPay19Digits", "6212345678901234567", ScanKind::PaymentCode, Wallet::UnionPay},
    Golden{"UnionPay18DigitsIsPartial", "621234567890123456", ScanKind::Rejected, Wallet::None},
    Golden{"UnionPay20DigitsIsOverLong", "62123456789012345678", ScanKind::Rejected, Wallet::None},
    Golden{"Prefix61With19IsUnknown", "6112345678901234567", ScanKind::Unknown, Wallet::None},
    // Not payment codes at all.
    Golden{"LettersAreUnknown", "ABC-123", ScanKind::Unknown, Wallet::None},
    Golden{"ShortNumberWithoutWalletPrefixIsUnknown", "0912", ScanKind::Unknown, Wallet::None},
    Golden{"ShortNumberWithWalletPrefixIsPartial", "1234", ScanKind::Rejected, Wallet::None},
    Golden{"EmptyIsRejected", "", ScanKind::Rejected, Wallet::None},
    Golden{"ControlCharacterIsGarbage", "13\x01" "4567890123456789", ScanKind::Rejected, Wallet::None},
    Golden{"NonAsciiIsGarbage", "13\xe9" "4567890123456789", ScanKind::Rejected, Wallet::None}
), [](const ::testing::TestParamInfo<Golden>& param) { return std::string(param.param.name); });
// clang-format on

TEST(ScanClassifier, StripsTrailingTerminators) {
    const ScanClassification result = ScanClassifier().classify(QStringLiteral("134567890123456789\r\n"));
    EXPECT_EQ(result.wallet, Wallet::WeChat);
    EXPECT_EQ(result.code, QStringLiteral("134567890123456789"));
}

TEST(ScanClassifier, RejectsTextLongerThanTheMaximumAsOverLong) {
    const ScanClassification result = ScanClassifier().classify(QString(ScanClassifier::kMaxLength + 1, u'A'));
    EXPECT_EQ(result.kind, ScanKind::Rejected);
    EXPECT_TRUE(result.reason.contains(QStringLiteral("over-long"))) << result.reason.toStdString();
}

TEST(ScanClassifier, PartialReasonNamesTheWalletAndExpectedLength) {
    const ScanClassification result = ScanClassifier().classify(QStringLiteral("621234567890123456"));
    EXPECT_TRUE(result.reason.contains(QStringLiteral("Partial"))) << result.reason.toStdString();
    EXPECT_TRUE(result.reason.contains(QStringLiteral("UnionPay")));
    EXPECT_TRUE(result.reason.contains(QStringLiteral("19")));
}

TEST(ScanClassifier, MemberCardPatternMatchesWholeText) {
    const auto classifier = ScanClassifier::create(QStringLiteral("M\\d{8}"), {});
    ASSERT_TRUE(classifier.ok());
    EXPECT_EQ(classifier->classify(QStringLiteral("M12345678")).kind, ScanKind::MemberCard);
    EXPECT_EQ(classifier->classify(QStringLiteral("M123456789")).kind, ScanKind::Unknown);
    EXPECT_EQ(classifier->classify(QStringLiteral("xM12345678")).kind, ScanKind::Unknown);
}

TEST(ScanClassifier, VoucherPatternMatches) {
    const auto classifier = ScanClassifier::create({}, QStringLiteral("VC-[A-Z0-9]{10}"));
    ASSERT_TRUE(classifier.ok());
    EXPECT_EQ(classifier->classify(QStringLiteral("VC-AB12CD34EF")).kind, ScanKind::Voucher);
}

TEST(ScanClassifier, WalletCodeWinsOverAPatternThatAlsoMatchesIt) {
    const auto classifier = ScanClassifier::create(QStringLiteral("\\d{18}"), {});
    ASSERT_TRUE(classifier.ok());
    EXPECT_EQ(classifier->classify(QStringLiteral("134567890123456789")).kind, ScanKind::PaymentCode);
    EXPECT_EQ(classifier->classify(QStringLiteral("994567890123456789")).kind, ScanKind::MemberCard);
}

TEST(ScanClassifier, MemberCardPatternOnWalletPrefixWithOtherLengthIsAMemberCard) {
    // A merchant's 12-digit cards starting with 62 are not partial UnionPay codes once the pattern says so.
    const auto classifier = ScanClassifier::create(QStringLiteral("62\\d{10}"), {});
    ASSERT_TRUE(classifier.ok());
    EXPECT_EQ(classifier->classify(QStringLiteral("621234567890")).kind, ScanKind::MemberCard);
}

TEST(ScanClassifier, InvalidPatternIsAnErrorNamingTheSetting) {
    const auto classifier = ScanClassifier::create(QStringLiteral("M(\\d"), {});
    ASSERT_FALSE(classifier.ok());
    EXPECT_EQ(classifier.error().code, QStringLiteral("scanner.bad_pattern"));
    EXPECT_TRUE(classifier.error().message.contains(QStringLiteral("scanner.member_card_pattern")));
}

}  // namespace
