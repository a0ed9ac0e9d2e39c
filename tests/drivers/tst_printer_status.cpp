// DLE EOT replies → PrinterStatus, golden bytes from the Epson reference (fixed bits 0x12).
#include <gtest/gtest.h>

#include "drivers/printer/printer_status.h"

using namespace facepos::drivers;

TEST(PrinterStatus, IdleRepliesMeanReady) {
    const auto status = PrinterStatus::fromReplies(0x12, 0x12, 0x12);
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->canPrint());
    EXPECT_EQ(status->code(), "printer.ready");
}

TEST(PrinterStatus, PaperEndSensorMeansPaperOutWithAnActionableMessage) {
    const auto status = PrinterStatus::fromReplies(0x1A, 0x32, 0x72);
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->paperOut);
    EXPECT_FALSE(status->canPrint());
    EXPECT_EQ(status->code(), "printer.paper_out");
    EXPECT_EQ(status->message(), "Printer out of paper: load a new roll, the receipt will print automatically.");
}

TEST(PrinterStatus, NearEndSensorStillPrints) {
    const auto status = PrinterStatus::fromReplies(0x12, 0x12, 0x1E);
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->paperNearEnd);
    EXPECT_TRUE(status->canPrint());
    EXPECT_EQ(status->code(), "printer.paper_near_end");
}

TEST(PrinterStatus, CoverOpenBitOfOfflineCause) {
    const auto status = PrinterStatus::fromReplies(0x1A, 0x16, 0x12);
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->coverOpen);
    EXPECT_EQ(status->code(), "printer.cover_open");
    EXPECT_TRUE(status->message().contains("close it"));
}

TEST(PrinterStatus, OfflineBitAloneMeansOffline) {
    const auto status = PrinterStatus::fromReplies(0x1A, 0x12, 0x12);
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->offline);
    EXPECT_EQ(status->code(), "printer.offline");
}

TEST(PrinterStatus, ErrorBitOfOfflineCause) {
    const auto status = PrinterStatus::fromReplies(0x1A, 0x52, 0x12);
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->error);
    EXPECT_EQ(status->code(), "printer.error");
}

TEST(PrinterStatus, ByteWithoutTheFixedBitsIsRefused) {
    const auto status = PrinterStatus::fromReplies(0x12, 0xFF, 0x12);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, "printer.bad_status");
    EXPECT_TRUE(status.error().message.contains("0xff"));
}

TEST(PrinterStatus, RepliesOfAPaperOutPrinterParseBackAsPaperOut) {
    PrinterStatus paperOut;
    paperOut.paperOut = true;
    const QByteArray bytes = PrinterStatus::replies(paperOut);
    EXPECT_EQ(bytes, QByteArray::fromHex("1a327e"));
    const auto parsed = PrinterStatus::fromReplies(quint8(bytes[0]), quint8(bytes[1]), quint8(bytes[2]));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->code(), "printer.paper_out");
}
