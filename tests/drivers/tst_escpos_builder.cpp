// Golden byte streams of each ESC/POS command EscPosBuilder writes.
#include <gtest/gtest.h>

#include <QString>

#include "drivers/printer/escpos_builder.h"

using namespace facepos::drivers;

namespace {

QByteArray hex(const char* text) {
    return QByteArray::fromHex(text);
}

}  // namespace

TEST(EscPosBuilder, InitializeIsEscAt) {
    EXPECT_EQ(EscPosBuilder().initialize().bytes(), hex("1b40"));
}

TEST(EscPosBuilder, ChineseModeOnIsFsAmpersandAndOffIsFsDot) {
    EXPECT_EQ(EscPosBuilder().chineseMode(true).bytes(), hex("1c26"));
    EXPECT_EQ(EscPosBuilder().chineseMode(false).bytes(), hex("1c2e"));
}

TEST(EscPosBuilder, AlignmentIsEscA) {
    EXPECT_EQ(EscPosBuilder().align(Align::Left).align(Align::Center).align(Align::Right).bytes(),
              hex("1b6100 1b6101 1b6102"));
}

TEST(EscPosBuilder, EmphasisIsEscE) {
    EXPECT_EQ(EscPosBuilder().bold(true).bold(false).bytes(), hex("1b4501 1b4500"));
}

TEST(EscPosBuilder, SizePacksWidthInHighNibbleAndHeightInLowNibble) {
    EXPECT_EQ(EscPosBuilder().size(1, 1).size(2, 2).size(1, 2).size(8, 8).bytes(), hex("1d2100 1d2111 1d2101 1d2177"));
}

TEST(EscPosBuilder, SizeClampsMultipliersToOneToEight) {
    EXPECT_EQ(EscPosBuilder().size(0, 9).bytes(), hex("1d2107"));
}

TEST(EscPosBuilder, ChineseTextIsEncodedInGb18030) {
    // 中文 in GB2312/GBK/GB18030: D6D0 CEC4.
    EXPECT_EQ(EscPosBuilder().text(u"中文A").bytes(), hex("d6d0cec441"));
}

TEST(EscPosBuilder, CharactersOutsideGbkUseFourByteGb18030Sequences) {
    // U+20AC € is A2E3 in GB18030-2005; U+1F600 😀 is the four-byte sequence 9439FC36.
    EXPECT_EQ(EscPosBuilder::encodeText(u"😀"), hex("9439fc36"));
}

TEST(EscPosBuilder, ControlCharactersInTextBecomeSpacesSoTextCannotInjectCommands) {
    // A name holding ESC p (drawer kick) or GS V (cut) must print as text, not act.
    EXPECT_EQ(EscPosBuilder().text(QString::fromLatin1("a\x1bp\x1dV\nb")).bytes(), hex("2070205620 62").prepend('a'));
}

TEST(EscPosBuilder, LineAppendsLineFeed) {
    EXPECT_EQ(EscPosBuilder().line(u"ok").bytes(), hex("6f6b0a"));
}

TEST(EscPosBuilder, FeedOfOneLineIsLfAndOfSeveralIsEscD) {
    EXPECT_EQ(EscPosBuilder().feed(1).bytes(), hex("0a"));
    EXPECT_EQ(EscPosBuilder().feed(3).bytes(), hex("1b6403"));
    EXPECT_EQ(EscPosBuilder().feed(0).bytes(), QByteArray());
}

TEST(EscPosBuilder, QrCodeSelectsModelSizeLevelThenStoresAndPrints) {
    EXPECT_EQ(EscPosBuilder().qrCode("AB", 6, QrErrorLevel::M).bytes(),
              hex("1d286b0400314132 00"    // fn 65: model 2
                  "1d286b0300314306"       // fn 67: module 6 dots
                  "1d286b0300314531"       // fn 69: level M
                  "1d286b0500315030 4142"  // fn 80: store "AB" (pL = 2 + 3)
                  "1d286b0300315130"));    // fn 81: print
}

TEST(EscPosBuilder, QrCodeStoreLengthUsesBothLengthBytes) {
    const QByteArray data(300, 'x');
    const QByteArray bytes = EscPosBuilder().qrCode(data).bytes();
    // 300 + 3 = 303 = 0x012F → pL 0x2F, pH 0x01.
    EXPECT_EQ(bytes.mid(25, 8), hex("1d286b2f01315030"));
}

TEST(EscPosBuilder, Code128OfAnEvenDigitStringUsesCodeSetC) {
    EXPECT_EQ(EscPosBuilder().code128("123456", 80, 2, HriPosition::Below).bytes(),
              hex("1d4802 1d6850 1d7702 1d6b4905 7b43 0c2238"));
}

TEST(EscPosBuilder, Code128OfTextUsesCodeSetBAndEscapesBrace) {
    EXPECT_EQ(EscPosBuilder().code128("A{1", 60, 3, HriPosition::None).bytes(),
              hex("1d4800 1d683c 1d7703 1d6b4906 7b42 41 7b7b 31"));
}

TEST(EscPosBuilder, Code128OfAnOddDigitStringUsesCodeSetB) {
    EXPECT_EQ(EscPosBuilder().code128("12345").bytes().mid(9), hex("1d6b4907 7b42 3132333435"));
}

TEST(EscPosBuilder, CutIsGsVFunctionBWithFeed) {
    EXPECT_EQ(EscPosBuilder().cut(CutMode::Partial).bytes(), hex("1d564200"));
    EXPECT_EQ(EscPosBuilder().cut(CutMode::Full, 16).bytes(), hex("1d564110"));
}

TEST(EscPosBuilder, DrawerKickIsEscPWithPulseTimesInTwoMillisecondUnits) {
    EXPECT_EQ(EscPosBuilder().drawerKick().bytes(), hex("1b7000 32fa"));
    EXPECT_EQ(EscPosBuilder().drawerKick(DrawerPin::Pin5, 50, 100).bytes(), hex("1b7001 1932"));
}

TEST(EscPosBuilder, StatusRequestIsDleEot) {
    EXPECT_EQ(EscPosBuilder::statusRequest(1), hex("100401"));
    EXPECT_EQ(EscPosBuilder::statusRequest(4), hex("100404"));
}
