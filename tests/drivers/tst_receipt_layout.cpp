// Receipt layouts: column counting as the printer prints (one-byte GB18030 = 1 column, else 2), wrapping that never
// splits a character, and the 58 mm / 80 mm receipts built from a Receipt.
#include <gtest/gtest.h>

#include <QStringDecoder>

#include "drivers/printer/escpos_builder.h"
#include "drivers/printer/receipt_layout.h"
#include "drivers/printer/receipt_text.h"

using namespace facepos::drivers;
namespace rt = facepos::drivers::receipt_text;

namespace {

struct PrintedLine {
    QString text;
    int widthMultiplier = 1;
};

// The text lines of a ReceiptLayout job, with the GS ! width in force: skips the commands ReceiptLayout writes.
QList<PrintedLine> textLines(const QByteArray& b) {
    QList<PrintedLine> lines;
    QByteArray current;
    int width = 1;
    auto flush = [&] {
        lines.append({QStringDecoder("GB18030").decode(current), width});
        current.clear();
    };
    for (qsizetype i = 0; i < b.size();) {
        const quint8 c = quint8(b[i]);
        if (c == 0x0A) {
            flush();
            ++i;
        } else if (c == 0x1B) {
            const char op = b[i + 1];
            i += (op == '@') ? 2 : 3;
        } else if (c == 0x1C) {
            i += 2;
        } else if (c == 0x1D) {
            const char op = b[i + 1];
            if (op == '!') width = (quint8(b[i + 2]) >> 4) + 1;
            if (op == 'k') {
                i += 4 + quint8(b[i + 3]);
            } else if (op == '(') {
                i += 5 + quint8(b[i + 3]) + 256 * quint8(b[i + 4]);
            } else if (op == 'V') {
                i += 4;
            } else {
                i += 3;
            }
        } else {
            current.append(char(c));
            ++i;
        }
    }
    return lines;
}

Receipt withoutItems() {
    Receipt r = sampleReceipt();
    r.items.clear();
    r.totalFen = 12345;
    return r;
}

}  // namespace

TEST(ReceiptText, OneByteCharactersTakeOneColumnOthersTwo) {
    EXPECT_EQ(rt::columns(u"ab12"), 4);
    EXPECT_EQ(rt::columns(u"中文ab"), 6);
    EXPECT_EQ(rt::columns(u"￥"), 2);
    // '·' is narrow in Unicode but a two-byte GB18030 character, which the printer prints double width.
    EXPECT_EQ(rt::columns(u"·"), 2);
    EXPECT_EQ(rt::columns(u"😀"), 2);
}

TEST(ReceiptText, WrapKeepsEveryLineWithinTheWidth) {
    const QString name = QStringLiteral("农夫山泉饮用天然水").repeated(5);
    const QStringList lines = rt::wrap(name, 31);
    ASSERT_GT(lines.size(), 1);
    for (const QString& line : lines) EXPECT_LE(rt::columns(line), 31) << line.toStdString();
    EXPECT_EQ(lines.join(QString()), name);
}

TEST(ReceiptText, WrapNeverSplitsASurrogatePair) {
    const QString text = QStringLiteral("a") + QStringLiteral("😀").repeated(4);  // 1 + 8 columns
    const QStringList lines = rt::wrap(text, 4);
    EXPECT_EQ(lines, QStringList({QStringLiteral("a😀"), QStringLiteral("😀😀"), QStringLiteral("😀")}));
}

TEST(ReceiptText, WrapBreaksLatinTextAtASpace) {
    EXPECT_EQ(rt::wrap(u"Coca-Cola Zero 330ml", 16), QStringList({"Coca-Cola Zero", "330ml"}));
}

TEST(ReceiptText, LeftRightFillsTheLineExactly) {
    const QStringList lines = rt::leftRight(u"合计", u"41.20", 32);
    ASSERT_EQ(lines.size(), 1);
    EXPECT_EQ(rt::columns(lines.first()), 32);
    EXPECT_TRUE(lines.first().endsWith(u"41.20"));
}

TEST(ReceiptText, LeftRightPutsTheFigureOnTheLastLineOfAWrappedLabel) {
    const QStringList lines = rt::leftRight(QStringLiteral("优惠：") + QStringLiteral("满").repeated(16), u"-5.00", 32);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(rt::columns(lines.last()), 32);
    EXPECT_TRUE(lines.last().endsWith(u"-5.00"));
}

TEST(ReceiptText, MoneyIsYuanWithTwoDecimals) {
    EXPECT_EQ(rt::money(4120), "41.20");
    EXPECT_EQ(rt::money(5), "0.05");
    EXPECT_EQ(rt::money(-500), "-5.00");
}

TEST(ReceiptLayout, JobStartsWithInitialiseAndChineseModeAndEndsWithPartialCut) {
    const QByteArray job = ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt());
    EXPECT_TRUE(job.startsWith(QByteArray::fromHex("1b401c26")));
    EXPECT_TRUE(job.endsWith(QByteArray::fromHex("1d564200")));
}

TEST(ReceiptLayout, EveryLineFitsTheColumnsOfEachPaperWidth) {
    for (const PaperWidth width : {PaperWidth::Mm58, PaperWidth::Mm80}) {
        const int columns = ReceiptLayout::columnsFor(width);
        for (const PrintedLine& line : textLines(ReceiptLayout(width).render(sampleReceipt()))) {
            EXPECT_LE(rt::columns(line.text) * line.widthMultiplier, columns) << line.text.toStdString();
        }
    }
}

TEST(ReceiptLayout, ItemFiguresAlignToTheRightEdgeOn58mm) {
    const QList<PrintedLine> lines = textLines(ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt()));
    int rows = 0;
    for (const PrintedLine& line : lines) {
        if (line.text.startsWith(u"  x")) {
            ++rows;
            EXPECT_EQ(rt::columns(line.text), 32) << line.text.toStdString();
        }
    }
    EXPECT_EQ(rows, 4);
    const QString chocolate = rt::fit(u"  x3", 8) + rt::fit(u"9.90", 12, true) + rt::fit(u"29.70", 12, true);
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [&](const PrintedLine& l) { return l.text == chocolate; }));
}

TEST(ReceiptLayout, ItemRowsOn80mmAreOneLineWithFourColumns) {
    const QList<PrintedLine> lines = textLines(ReceiptLayout(PaperWidth::Mm80).render(sampleReceipt()));
    const QString expected = rt::fit(u"康师傅红烧牛肉面", 24) + QStringLiteral("     1     4.50     4.50");
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [&](const PrintedLine& l) { return l.text == expected; }));
}

TEST(ReceiptLayout, PayableLineShowsYuanSignAndAmount) {
    const QList<PrintedLine> lines = textLines(ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt()));
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const PrintedLine& l) {
        return l.text.startsWith(u"实付") && l.text.endsWith(u"￥34.39") && rt::columns(l.text) == 32;
    }));
}

TEST(ReceiptLayout, ReceiptWithoutItemsPrintsOneAmountLine) {
    const QList<PrintedLine> lines = textLines(ReceiptLayout(PaperWidth::Mm58).render(withoutItems()));
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const PrintedLine& l) {
        return l.text.startsWith(u"收款金额") && l.text.endsWith(u"123.45");
    }));
    EXPECT_FALSE(
        std::any_of(lines.begin(), lines.end(), [](const PrintedLine& l) { return l.text.contains(u"单价"); }));
}

TEST(ReceiptLayout, PlatformOrderNumberIsCode128On80mm) {
    const QByteArray job = ReceiptLayout(PaperWidth::Mm80).render(sampleReceipt());
    EXPECT_TRUE(job.contains(QByteArray::fromHex("1d6b4910 7b43")));  // 28 digits → 14 code set C bytes + "{C"
    EXPECT_FALSE(job.contains(QByteArray::fromHex("1d286b")));
}

TEST(ReceiptLayout, Code128TooWideFor58mmFallsBackToQr) {
    const QByteArray job = ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt());
    EXPECT_FALSE(job.contains(QByteArray::fromHex("1d6b49")));
    EXPECT_TRUE(job.contains(QByteArray("4200002026010109301512345678")));
    EXPECT_TRUE(job.contains(QByteArray::fromHex("1d286b0300315130")));
}

TEST(ReceiptLayout, ShortOrderNumberStaysCode128On58mm) {
    Receipt r = sampleReceipt();
    r.platformOrderNo = QStringLiteral("20260101093015");
    EXPECT_TRUE(ReceiptLayout(PaperWidth::Mm58).render(r).contains(QByteArray::fromHex("1d6b4909 7b43")));
}

TEST(ReceiptLayout, ShortStoreNameIsPrintedAtDoubleWidth) {
    Receipt r = sampleReceipt();
    r.storeName = QStringLiteral("好邻居便利店");
    const QList<PrintedLine> lines = textLines(ReceiptLayout(PaperWidth::Mm58).render(r));
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_EQ(lines[0].widthMultiplier, 2);
    EXPECT_EQ(lines[0].text, r.storeName);
}

TEST(ReceiptLayout, LongStoreNameKeepsNormalWidthRatherThanBreaking) {
    const QList<PrintedLine> lines = textLines(ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt()));
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_EQ(lines[0].widthMultiplier, 1);
    EXPECT_EQ(lines[0].text, QStringLiteral("好邻居便利店（中关村店）"));
}

TEST(ReceiptLayout, LongNumberGoesWholeOnTheLineAfterItsLabel) {
    const QList<PrintedLine> lines = textLines(ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt()));
    const auto label = std::find_if(lines.begin(), lines.end(),
                                    [](const PrintedLine& l) { return l.text == QStringLiteral("平台单号："); });
    ASSERT_NE(label, lines.end());
    ASSERT_NE(label + 1, lines.end());
    EXPECT_EQ((label + 1)->text, "4200002026010109301512345678");
}

TEST(ReceiptLayout, TwoCopiesAreLabelledCustomerAndMerchant) {
    const QList<QByteArray> jobs = ReceiptLayout(PaperWidth::Mm58).renderCopies(sampleReceipt(), 2);
    ASSERT_EQ(jobs.size(), 2);
    EXPECT_TRUE(jobs[0].contains(EscPosBuilder::encodeText(u"顾客联")));
    EXPECT_TRUE(jobs[1].contains(EscPosBuilder::encodeText(u"商户联")));
}
