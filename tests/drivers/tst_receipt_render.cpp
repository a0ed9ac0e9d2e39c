// The virtual printer's interpreter: ESC/POS bytes → pages of pixels. Barcodes are read back from the pixels.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <QRandomGenerator>

#include "drivers/printer/escpos_builder.h"
#include "drivers/printer/escpos_renderer.h"
#include "drivers/printer/receipt_layout.h"

using namespace facepos::drivers;

namespace {

constexpr int kPaper = 384;
constexpr int kMargin = EscPosRenderer::kMargin;

bool dark(const QImage& image, int x, int y) {
    return qGray(image.pixel(x, y)) < 128;
}

// Bounding box of dark pixels below the top margin and between the side margins; callers crop the bottom.
QRect inkBox(const QImage& image) {
    int left = image.width(), right = -1, top = image.height(), bottom = -1;
    for (int y = kMargin; y < image.height(); ++y) {
        for (int x = kMargin; x < image.width() - kMargin; ++x) {
            if (dark(image, x, y)) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

// Run lengths of dark/light along row y between the first and the last dark pixel.
QList<int> runs(const QImage& image, int y) {
    int first = -1, last = -1;
    for (int x = 0; x < image.width(); ++x) {
        if (dark(image, x, y)) {
            if (first < 0) first = x;
            last = x;
        }
    }
    QList<int> out;
    if (first < 0) return out;
    bool state = true;
    int length = 0;
    for (int x = first; x <= last; ++x) {
        if (dark(image, x, y) == state) {
            ++length;
        } else {
            out.append(length);
            state = !state;
            length = 1;
        }
    }
    out.append(length);
    return out;
}

}  // namespace

TEST(EscPosRenderer, EachCutEndsAPage) {
    EscPosBuilder b;
    b.initialize().line(u"one").cut().line(u"two").cut();
    const auto out = EscPosRenderer(kPaper).render(b.bytes());
    ASSERT_EQ(out.pages.size(), 2);
    EXPECT_EQ(out.consumed, b.bytes().size());
    EXPECT_EQ(out.pages[0].width(), kPaper + 2 * kMargin);
}

TEST(EscPosRenderer, BytesAfterTheLastCutAreNotConsumedUnlessAsked) {
    EscPosBuilder b;
    b.line(u"one").cut().line(u"half");
    const auto pending = EscPosRenderer(kPaper).render(b.bytes());
    EXPECT_EQ(pending.pages.size(), 1);
    EXPECT_EQ(pending.consumed, EscPosBuilder().line(u"one").cut().bytes().size());
    const auto all = EscPosRenderer(kPaper).render(b.bytes(), true);
    EXPECT_EQ(all.pages.size(), 2);
    EXPECT_EQ(all.consumed, b.bytes().size());
}

TEST(EscPosRenderer, CenteredTextIsInTheMiddleOfThePaper) {
    EscPosBuilder b;
    b.align(Align::Center).line(u"中文测试").cut();
    const QImage page = EscPosRenderer(kPaper).render(b.bytes()).pages.first();
    // Only the text and the dashed cut mark print; look above the cut mark.
    const QRect ink = inkBox(page.copy(0, 0, page.width(), kMargin + 40));
    ASSERT_TRUE(ink.isValid());
    const int centre = (ink.left() + ink.right()) / 2 - kMargin;
    EXPECT_NEAR(centre, kPaper / 2, 6);
    EXPECT_NEAR(ink.width(), 4 * 24, 10);  // four 24-dot CJK cells
}

TEST(EscPosRenderer, RightAlignedTextEndsAtTheRightEdge) {
    EscPosBuilder b;
    b.align(Align::Right).line(u"88.00").cut();
    const QImage page = EscPosRenderer(kPaper).render(b.bytes()).pages.first();
    const QRect ink = inkBox(page.copy(0, 0, page.width(), kMargin + 40));
    EXPECT_NEAR(ink.right() - kMargin, kPaper, 6);
}

TEST(EscPosRenderer, DoubleSizeTextIsTwiceAsTall) {
    EscPosBuilder normal;
    normal.line(u"字").cut();
    EscPosBuilder twice;
    twice.size(2, 2).line(u"字").cut();
    const auto h1 = inkBox(EscPosRenderer(kPaper).render(normal.bytes()).pages.first().copy(0, 0, 200, kMargin + 42));
    const auto h2 = inkBox(EscPosRenderer(kPaper).render(twice.bytes()).pages.first().copy(0, 0, 200, kMargin + 66));
    EXPECT_NEAR(double(h2.height()) / h1.height(), 2.0, 0.25);
    EXPECT_NEAR(double(h2.width()) / h1.width(), 2.0, 0.25);
}

TEST(EscPosRenderer, LongLinesWrapAtThePaperEdge) {
    EscPosBuilder b;
    b.line(QString(40, u'8')).cut();  // 40 × 12 dots > 384
    const QImage page = EscPosRenderer(kPaper).render(b.bytes()).pages.first();
    const QRect ink = inkBox(page.copy(0, 0, page.width(), kMargin + 12 + 60));
    EXPECT_GT(ink.height(), 30 + 10);  // a second line starts 30 dots below the first
}

TEST(EscPosRenderer, Code128BarsDecodeBackToTheData) {
    EscPosBuilder b;
    b.code128("20260101093015", 60, 2, HriPosition::None).cut();
    const auto out = EscPosRenderer(kPaper).render(b.bytes());
    ASSERT_TRUE(out.warnings.isEmpty()) << out.warnings.join(u'\n').toStdString();
    const QImage page = out.pages.first();
    const QList<int> widths = runs(page, kMargin + 12 + 30);
    // start C + 7 data + check + stop: 10 symbols of 6 elements, the stop has 7.
    ASSERT_EQ(widths.size(), 9 * 6 + 7);
    static const char* kPatterns[] = {"211232"};  // start C
    QString start;
    for (int i = 0; i < 6; ++i) start += QString::number(widths[i] / 2);
    EXPECT_EQ(start, QString::fromLatin1(kPatterns[0]));
    int modules = 0;
    for (int w : widths) modules += w / 2;
    EXPECT_EQ(modules, 11 * 10 + 2);
}

TEST(EscPosRenderer, QrCodeIsDrawnAsASquareOfTheModuleSize) {
    EscPosBuilder b;
    b.align(Align::Center).qrCode("https://example.com/o/42", 4, QrErrorLevel::M).cut();
    const auto out = EscPosRenderer(kPaper).render(b.bytes());
    ASSERT_TRUE(out.warnings.isEmpty()) << out.warnings.join(u'\n').toStdString();
    const QImage page = out.pages.first();
    const QRect ink = inkBox(page.copy(0, 0, page.width(), page.height() - kMargin - 30));
    // Version 2 (25 modules) for 24 bytes at level M.
    EXPECT_EQ(ink.width(), 25 * 4);
    EXPECT_EQ(ink.height(), 25 * 4);
    EXPECT_NEAR((ink.left() + ink.right()) / 2 - kMargin, kPaper / 2, 3);
    // The top-left finder pattern: a 7-module dark ring.
    EXPECT_TRUE(dark(page, ink.left() + 1, ink.top() + 1));
    EXPECT_FALSE(dark(page, ink.left() + 4 + 1, ink.top() + 4 + 1));
}

TEST(EscPosRenderer, UnknownCommandsAreReportedAndSkipped) {
    QByteArray bytes = QByteArray::fromHex("1b74 05");  // ESC t (code table): not interpreted
    bytes += EscPosBuilder().line(u"ok").cut().bytes();
    const auto out = EscPosRenderer(kPaper).render(bytes);
    ASSERT_EQ(out.pages.size(), 1);
    ASSERT_EQ(out.warnings.size(), 2);  // ESC t, then its parameter byte 0x05
    EXPECT_TRUE(out.warnings.first().contains("ESC 0x74"));
}

TEST(EscPosRenderer, SampleReceiptsRenderWithoutWarnings) {
    for (const PaperWidth width : {PaperWidth::Mm58, PaperWidth::Mm80}) {
        const auto out =
            EscPosRenderer(ReceiptLayout::dotsFor(width)).render(ReceiptLayout(width).render(sampleReceipt()));
        EXPECT_TRUE(out.warnings.isEmpty()) << out.warnings.join(u'\n').toStdString();
        ASSERT_EQ(out.pages.size(), 1);
        EXPECT_EQ(out.pages.first().width(), ReceiptLayout::dotsFor(width) + 2 * kMargin);
    }
}

TEST(EscPosRenderer, ArbitraryBytesNeverCrashTheInterpreter) {
    // The virtual printer renders whatever it is sent; truncated and garbled commands must only give warnings.
    QRandomGenerator random(42);
    const QByteArray receipt = ReceiptLayout(PaperWidth::Mm58).render(sampleReceipt());
    for (int round = 0; round < 300; ++round) {
        QByteArray bytes = receipt.left(random.bounded(int(receipt.size())));
        for (int i = 0; i < 64; ++i) {
            const quint32 pick = random.bounded(4u);
            bytes.append(pick == 0 ? char(0x1D) : pick == 1 ? char(0x1B) : char(random.bounded(256)));
        }
        const auto out = EscPosRenderer(kPaper).render(bytes, true);
        EXPECT_LE(out.consumed, bytes.size());
    }
}

TEST(EscPosRenderer, EndlessFeedIsCappedToAPageOfBoundedHeight) {
    QByteArray bytes;
    for (int i = 0; i < 200; ++i) bytes += EscPosBuilder().feed(255).bytes();
    bytes += EscPosBuilder().cut().bytes();
    const auto out = EscPosRenderer(kPaper).render(bytes);
    ASSERT_EQ(out.pages.size(), 1);
    EXPECT_LE(out.pages.first().height(), 20000 + 2 * kMargin);
}
