// Prompt + amount + language → clip names; the Chinese reading of amounts (docs/voice.md).
#include <gtest/gtest.h>

#include <QHash>

#include "drivers/audio/prompt_composer.h"

using namespace facepos::drivers;

namespace {

// The clips as the characters they say, so an expectation reads like the spoken Chinese.
QString zh(qint64 fen) {
    static const QHash<QString, QString> spoken = {
        {"zh/d0", "零"},   {"zh/d1", "一"},  {"zh/d2", "二"},   {"zh/d3", "三"},  {"zh/d4", "四"},  {"zh/d5", "五"},
        {"zh/d6", "六"},   {"zh/d7", "七"},  {"zh/d8", "八"},   {"zh/d9", "九"},  {"zh/shi", "十"}, {"zh/bai", "百"},
        {"zh/qian", "千"}, {"zh/wan", "万"}, {"zh/dian", "点"}, {"zh/yuan", "元"}};
    QString text;
    for (const QString& clip : PromptComposer::amount(fen, VoiceLanguage::ZhCN)) text += spoken.value(clip, "?");
    return text;
}

}  // namespace

TEST(VoiceComposer, ChineseZero) {
    EXPECT_EQ(zh(0), "零元");
}
TEST(VoiceComposer, ChineseFenOnly) {
    EXPECT_EQ(zh(5), "零点零五元");
}
TEST(VoiceComposer, ChineseTrailingZeroOfFenIsNotSaid) {
    EXPECT_EQ(zh(1250), "十二点五元");
}
TEST(VoiceComposer, ChineseWholeYuanHasNoPoint) {
    EXPECT_EQ(zh(100), "一元");
}
TEST(VoiceComposer, ChineseOneMillionYuan) {
    EXPECT_EQ(zh(100000000), "一百万元");
}
TEST(VoiceComposer, ChineseTenIsShi) {
    EXPECT_EQ(zh(1000), "十元");
}
TEST(VoiceComposer, ChineseInnerZerosAreOneLing) {
    EXPECT_EQ(zh(100500), "一千零五元");
}
TEST(VoiceComposer, ChineseTenInsideANumberKeepsYi) {
    EXPECT_EQ(zh(11000), "一百一十元");
}
TEST(VoiceComposer, ChineseWanWithSmallRest) {
    EXPECT_EQ(zh(1000500), "一万零五元");
}
TEST(VoiceComposer, ChineseMixed) {
    EXPECT_EQ(zh(1234567), "一万二千三百四十五点六七元");
}

TEST(VoiceComposer, EnglishReadsDigitByDigit) {
    EXPECT_EQ(PromptComposer::amount(1250, VoiceLanguage::En),
              (QStringList{"en/d1", "en/d2", "en/dian", "en/d5", "en/yuan"}));
}

TEST(VoiceComposer, SuccessSaysTheAmountAfterThePhrase) {
    EXPECT_EQ(PromptComposer::compose(Prompt::PaymentSucceeded, 1000, VoiceLanguage::ZhCN),
              (QStringList{"zh/success", "zh/shi", "zh/yuan"}));
}

TEST(VoiceComposer, OtherPromptsAreOneClipInTheLanguage) {
    EXPECT_EQ(PromptComposer::compose(Prompt::ShowPaymentCode, 0, VoiceLanguage::En), QStringList{"en/show_code"});
    EXPECT_EQ(PromptComposer::compose(Prompt::LookAtCamera, 0, VoiceLanguage::ZhCN), QStringList{"zh/look_camera"});
    EXPECT_EQ(PromptComposer::compose(Prompt::PaymentFailed, 0, VoiceLanguage::ZhCN), QStringList{"zh/failed"});
}

TEST(VoiceComposer, EveryComposedClipIsAKnownClip) {
    const QStringList all = PromptComposer::allClips();
    for (const VoiceLanguage language : {VoiceLanguage::ZhCN, VoiceLanguage::En}) {
        for (const qint64 fen : {0LL, 5LL, 1250LL, 100000000LL, 1234567LL, 98765432LL}) {
            for (const QString& clip : PromptComposer::compose(Prompt::PaymentSucceeded, fen, language)) {
                EXPECT_TRUE(all.contains(clip)) << clip.toStdString();
            }
        }
    }
}
