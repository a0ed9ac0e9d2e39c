// The handover report (交接班报告) as ESC/POS: the exact text lines on 58 mm paper, the columns that hold on both
// widths, the difference in bold double height only when the cash does not match, and a clean virtual-printer page.
#include <gtest/gtest.h>

#include <QImage>
#include <QStringDecoder>

#include "drivers/printer/escpos_renderer.h"
#include "drivers/printer/receipt_text.h"
#include "drivers/printer/shift_report_layout.h"

using namespace facepos::drivers;

namespace {

struct PrintedLine {
    QString text;
    bool bold = false;
    int heightMultiplier = 1;
};

// The text lines of a ShiftReportLayout job with the emphasis and GS ! height in force; skips the commands it writes
// (ESC @, ESC a, ESC E, ESC d, FS &, GS !, GS V).
QList<PrintedLine> textLines(const QByteArray& b) {
    QList<PrintedLine> lines;
    QByteArray current;
    bool bold = false;
    int height = 1;
    for (qsizetype i = 0; i < b.size();) {
        const quint8 c = quint8(b[i]);
        if (c == 0x0A) {
            lines.append({QStringDecoder("GB18030").decode(current), bold, height});
            current.clear();
            ++i;
        } else if (c == 0x1B) {
            const char op = b[i + 1];
            if (op == 'E') bold = b[i + 2] != 0;
            if (op == 'd') {
                for (int n = 0; n < quint8(b[i + 2]); ++n) lines.append({QString(), bold, height});
            }
            i += (op == '@') ? 2 : 3;
        } else if (c == 0x1C) {
            i += 2;
        } else if (c == 0x1D) {
            const char op = b[i + 1];
            if (op == '!') height = (quint8(b[i + 2]) & 0x0F) + 1;
            i += op == 'V' ? 4 : 3;
        } else {
            current.append(char(c));
            ++i;
        }
    }
    return lines;
}

QStringList texts(const QList<PrintedLine>& lines) {
    QStringList out;
    for (const PrintedLine& line : lines) out << line.text;
    return out;
}

const PrintedLine* lineStartingWith(const QList<PrintedLine>& lines, const QString& prefix) {
    for (const PrintedLine& line : lines)
        if (line.text.startsWith(prefix)) return &line;
    return nullptr;
}

}  // namespace

TEST(ShiftReportLayout, Sample58mmPrintsTheseLines) {
    const QByteArray job = ShiftReportLayout(PaperWidth::Mm58).render(sampleShiftSlip());

    // 32 columns; Chinese characters take two.
    const QStringList expected{
        QStringLiteral("示例便利店 人民路店"),
        QStringLiteral("交接班报告"),
        QStringLiteral("班次号：A00123-S261123141230"),
        QStringLiteral("收银员：李娜 (C1001)"),
        QStringLiteral("终  端：FP2411A00123"),
        QStringLiteral("开班：2026-11-23 14:12:30"),
        QStringLiteral("交班：2026-11-23 20:29:40"),
        QStringLiteral("--------------------------------"),
        QStringLiteral("收款方式        笔数        金额"),
        QStringLiteral("微信支付          22      618.30"),
        QStringLiteral("支付宝             9     1524.00"),
        QStringLiteral("刷脸支付           3       54.60"),
        QStringLiteral("现金               7       93.00"),
        QStringLiteral("合计              41     2289.90"),
        QStringLiteral("--------------------------------"),
        QStringLiteral("退款 1笔                  -12.00"),
        QStringLiteral("券抵扣 4笔                 20.00"),
        QStringLiteral("--------------------------------"),
        QStringLiteral("备用金                    500.00"),
        QStringLiteral("应有现金                  593.00"),
        QStringLiteral("实点现金                  592.50"),
        QStringLiteral("现金差额（短款）           -0.50"),
        QStringLiteral("--------------------------------"),
        QString(),
        QStringLiteral("交班人签字："),
        QString(),
        QString(),
        QStringLiteral("接班人签字："),
        QString(),
        QString(),
        QString(),
    };
    EXPECT_EQ(texts(textLines(job)), expected);
    EXPECT_TRUE(job.startsWith(QByteArrayLiteral("\x1b@\x1c&")));
    EXPECT_TRUE(job.endsWith(QByteArrayLiteral("\x1dVB\x00")));
}

TEST(ShiftReportLayout, NoLineIsWiderThanThePaper) {
    ShiftSlip slip = sampleShiftSlip();
    slip.storeName = QStringLiteral("好邻居便利店（中关村大街一号院东门分店）");
    slip.totals.append({QStringLiteral("unionpay"), 1234, 9999999999});
    for (const PaperWidth width : {PaperWidth::Mm58, PaperWidth::Mm80}) {
        const int columns = ReceiptLayout::columnsFor(width);
        const auto lines = textLines(ShiftReportLayout(width).render(slip));
        for (const PrintedLine& line : lines) {
            // "交接班报告" is printed double width: 5 characters × 2 columns × 2.
            EXPECT_LE(receipt_text::columns(line.text), columns) << qPrintable(line.text);
        }
        const PrintedLine* unionpay = lineStartingWith(lines, QStringLiteral("银联"));
        ASSERT_TRUE(unionpay);
        EXPECT_TRUE(unionpay->text.endsWith(QStringLiteral("99999999.99")));
        EXPECT_EQ(receipt_text::columns(unionpay->text), columns);
    }
}

TEST(ShiftReportLayout, AMatchingDrawerPrintsTheDifferencePlainAndASurplusWithItsSign) {
    ShiftSlip slip = sampleShiftSlip();
    slip.countedCashFen = slip.expectedCashFen;
    slip.cashDiffFen = 0;
    auto lines = textLines(ShiftReportLayout(PaperWidth::Mm80).render(slip));
    const PrintedLine* even = lineStartingWith(lines, QStringLiteral("现金差额"));
    ASSERT_TRUE(even);
    EXPECT_TRUE(even->text.endsWith(QStringLiteral(" 0.00")));
    EXPECT_FALSE(even->bold);
    EXPECT_EQ(even->heightMultiplier, 1);

    slip.countedCashFen = slip.expectedCashFen + 150;
    slip.cashDiffFen = 150;
    lines = textLines(ShiftReportLayout(PaperWidth::Mm80).render(slip));
    const PrintedLine* surplus = lineStartingWith(lines, QStringLiteral("现金差额（长款）"));
    ASSERT_TRUE(surplus);
    EXPECT_TRUE(surplus->text.endsWith(QStringLiteral(" +1.50")));
    EXPECT_TRUE(surplus->bold);
    EXPECT_EQ(surplus->heightMultiplier, 2);
}

TEST(ShiftReportLayout, AShiftWithoutSalesSaysSoAndAReprintIsMarked) {
    ShiftSlip slip = sampleShiftSlip();
    slip.totals.clear();
    slip.orderCount = 0;
    slip.reprint = true;
    const QStringList lines = texts(textLines(ShiftReportLayout(PaperWidth::Mm58).render(slip)));
    EXPECT_TRUE(lines.contains(QStringLiteral("本班无收款")));
    EXPECT_TRUE(lines.contains(QStringLiteral("*** 重打 ***")));
    EXPECT_TRUE(lines.contains(QStringLiteral("合计               0        0.00")));
}

TEST(ShiftReportLayout, TheVirtualPrinterRendersOneCleanPagePerWidth) {
    for (const PaperWidth width : {PaperWidth::Mm58, PaperWidth::Mm80}) {
        const QByteArray job = ShiftReportLayout(width).render(sampleShiftSlip());
        const auto out = EscPosRenderer(ReceiptLayout::dotsFor(width)).render(job);
        EXPECT_TRUE(out.warnings.isEmpty()) << qPrintable(out.warnings.join(QLatin1Char('\n')));
        ASSERT_EQ(out.pages.size(), 1);
        EXPECT_EQ(out.consumed, job.size());
        EXPECT_EQ(out.pages.first().width(), ReceiptLayout::dotsFor(width) + 2 * EscPosRenderer::kMargin);
        EXPECT_GT(out.pages.first().height(), 31 * 24);
    }
}
