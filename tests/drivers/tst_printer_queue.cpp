// PrintQueue: jobs persist across restarts, print in order, wait with backoff while the printer cannot print,
// and can be reprinted. Time is a ManualClock; the queue is driven by runDue(), never by timers.
#include <gtest/gtest.h>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "drivers/printer/escpos_builder.h"
#include "drivers/printer/escpos_printer.h"
#include "drivers/printer/print_queue.h"
#include "drivers/printer/receipt_layout.h"
#include "drivers/printer/simulated_transport.h"
#include "platform/manual_clock.h"

using namespace facepos;
using namespace facepos::drivers;
using namespace std::chrono_literals;

namespace {

class PrintQueueTest : public ::testing::Test {
protected:
    PrintQueueTest() {
        auto owned = std::make_unique<SimulatedTransport>();
        transport = owned.get();
        printer = std::make_unique<EscPosPrinter>(std::move(owned), PaperWidth::Mm58, 1000ms);
    }

    std::unique_ptr<PrintQueue> makeQueue() {
        PrintQueue::Options options;
        options.directory = dir.path();
        options.firstRetry = 2s;
        options.maxRetry = 16s;
        options.keepPrinted = 3;
        options.autoRun = false;
        auto queue = std::make_unique<PrintQueue>(options, *printer, clock);
        EXPECT_TRUE(queue->open().ok());
        return queue;
    }

    static QByteArray job(const QString& orderNo) {
        Receipt r = sampleReceipt();
        r.orderNo = orderNo;
        return ReceiptLayout(PaperWidth::Mm58).render(r);
    }

    static PrinterStatus paperOut() {
        PrinterStatus s;
        s.paperOut = true;
        return s;
    }

    QTemporaryDir dir;
    ManualClock clock;
    SimulatedTransport* transport = nullptr;
    std::unique_ptr<EscPosPrinter> printer;
};

}  // namespace

TEST_F(PrintQueueTest, SubmittedJobIsOnDiskBeforeAnythingPrints) {
    auto queue = makeQueue();
    const auto id = queue->submit(job("A1"), "order A1");
    ASSERT_TRUE(id.ok());
    EXPECT_TRUE(QFile::exists(QDir(dir.path()).filePath("pending/" + id.value() + ".job")));
    EXPECT_TRUE(transport->printData().isEmpty());
    EXPECT_EQ(queue->pendingCount(), 1);
}

TEST_F(PrintQueueTest, DueJobsPrintInSubmissionOrder) {
    auto queue = makeQueue();
    ASSERT_TRUE(queue->submit(job("A1"), "A1").ok());
    ASSERT_TRUE(queue->submit(job("A2"), "A2").ok());
    QSignalSpy printed(queue.get(), &PrintQueue::jobPrinted);
    queue->runDue();
    EXPECT_EQ(printed.count(), 2);
    EXPECT_EQ(transport->printData(), job("A1") + job("A2"));
    EXPECT_EQ(queue->pendingCount(), 0);
    EXPECT_FALSE(queue->lastError().has_value());
}

TEST_F(PrintQueueTest, PendingJobsSurviveARestart) {
    {
        auto queue = makeQueue();
        ASSERT_TRUE(queue->submit(job("A1"), "order A1").ok());
        ASSERT_TRUE(queue->submit(job("A2"), "order A2").ok());
    }  // the terminal loses power before printing
    auto queue = makeQueue();
    ASSERT_EQ(queue->pendingCount(), 2);
    EXPECT_EQ(queue->label(queue->pendingIds().first()), "order A1");
    queue->runDue();
    EXPECT_EQ(transport->printData(), job("A1") + job("A2"));
}

TEST_F(PrintQueueTest, NewIdsAfterARestartFollowThePrintedOnes) {
    QString first;
    {
        auto queue = makeQueue();
        first = queue->submit(job("A1"), "A1").value();
        queue->runDue();
    }
    auto queue = makeQueue();
    const QString second = queue->submit(job("A2"), "A2").value();
    EXPECT_GT(second, first);
}

TEST_F(PrintQueueTest, PaperOutKeepsTheJobAndReportsTheCashierMessage) {
    auto queue = makeQueue();
    transport->setStatus(paperOut());
    QSignalSpy delayed(queue.get(), &PrintQueue::jobDelayed);
    ASSERT_TRUE(queue->submit(job("A1"), "A1").ok());
    queue->runDue();
    EXPECT_EQ(queue->pendingCount(), 1);
    ASSERT_EQ(delayed.count(), 1);
    EXPECT_EQ(delayed.first().at(1).toString(), "printer.paper_out");
    EXPECT_EQ(delayed.first().at(3).toLongLong(), 2000);
    ASSERT_TRUE(queue->lastError().has_value());
    EXPECT_EQ(queue->lastError()->message,
              "Printer out of paper: load a new roll, the receipt will print automatically.");
}

TEST_F(PrintQueueTest, RetryWaitsForTheBackoffThenPrints) {
    auto queue = makeQueue();
    transport->setStatus(paperOut());
    ASSERT_TRUE(queue->submit(job("A1"), "A1").ok());
    queue->runDue();
    transport->setStatus(PrinterStatus{});  // the cashier loads a new roll
    clock.advance(1s);
    queue->runDue();
    EXPECT_EQ(queue->pendingCount(), 1);  // not due yet
    clock.advance(1s);
    queue->runDue();
    EXPECT_EQ(queue->pendingCount(), 0);
    EXPECT_EQ(transport->printData(), job("A1"));
}

TEST_F(PrintQueueTest, BackoffDoublesUpToTheMaximum) {
    auto queue = makeQueue();
    transport->setConnected(false);
    QSignalSpy delayed(queue.get(), &PrintQueue::jobDelayed);
    ASSERT_TRUE(queue->submit(job("A1"), "A1").ok());
    for (int i = 0; i < 6; ++i) {
        queue->runDue();
        clock.advance(60s);
    }
    QList<qint64> waits;
    for (const auto& call : delayed) waits.append(call.at(3).toLongLong());
    EXPECT_EQ(waits, QList<qint64>({2000, 4000, 8000, 16000, 16000, 16000}));
}

TEST_F(PrintQueueTest, LaterJobsWaitBehindAFailedOne) {
    auto queue = makeQueue();
    ASSERT_TRUE(queue->submit(job("A1"), "A1").ok());
    ASSERT_TRUE(queue->submit(job("A2"), "A2").ok());
    transport->setAnswering(false);  // the printer stops answering
    queue->runDue();
    EXPECT_EQ(queue->pendingCount(), 2);
    EXPECT_EQ(queue->lastError()->code, "printer.no_reply");
    EXPECT_TRUE(transport->printData().isEmpty());
}

TEST_F(PrintQueueTest, JobInterruptedMidWayIsPrintedWholeOnRetry) {
    auto queue = makeQueue();
    transport->runOutOfPaperAfter(200);
    ASSERT_TRUE(queue->submit(job("A1"), "A1").ok());
    queue->runDue();
    EXPECT_EQ(queue->pendingCount(), 1);
    EXPECT_EQ(queue->lastError()->code, "printer.paper_out");

    transport->setStatus(PrinterStatus{});
    transport->clearPrintData();
    clock.advance(2s);
    queue->runDue();
    EXPECT_EQ(queue->pendingCount(), 0);
    EXPECT_EQ(transport->printData(), job("A1"));
}

TEST_F(PrintQueueTest, ReprintQueuesThePrintedJobWithABanner) {
    auto queue = makeQueue();
    const QString id = queue->submit(job("A1"), "order A1").value();
    queue->runDue();
    transport->clearPrintData();

    const auto again = queue->reprint(id);
    ASSERT_TRUE(again.ok());
    EXPECT_NE(again.value(), id);
    EXPECT_EQ(queue->label(again.value()), "order A1 (reprint)");
    queue->runDue();
    const QByteArray printed = transport->printData();
    EXPECT_TRUE(printed.startsWith(QByteArray::fromHex("1b401c26")));
    EXPECT_TRUE(printed.contains(EscPosBuilder::encodeText(u"*** 重打小票 ***")));
    EXPECT_EQ(printed.size(), job("A1").size() + EscPosBuilder()
                                                     .align(Align::Center)
                                                     .bold(true)
                                                     .line(u"*** 重打小票 ***")
                                                     .bold(false)
                                                     .align(Align::Left)
                                                     .bytes()
                                                     .size());
}

TEST_F(PrintQueueTest, OnlyTheNewestPrintedJobsAreKeptForReprint) {
    auto queue = makeQueue();
    QStringList ids;
    for (int i = 0; i < 5; ++i) ids.append(queue->submit(job(QString::number(i)), "x").value());
    queue->runDue();
    EXPECT_EQ(queue->printedIds(), ids.mid(2));
    const auto gone = queue->reprint(ids.first());
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, "print.unknown_job");
}

TEST_F(PrintQueueTest, UnwritableFolderIsAStorageError) {
    PrintQueue::Options options;
    options.directory = QStringLiteral("/proc/facepos-no-such-folder");
    options.autoRun = false;
    PrintQueue queue(options, *printer, clock);
    const auto opened = queue.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "print.storage");
}
