// The evdev HID scanner driven through its real read path: recorded `struct input_event` streams (as the kernel
// writes them for a USB keyboard-wedge scanner) are written into a FIFO that stands where /dev/input/eventN would
// be, found through a by-id link in a temporary input folder. Hotplug: the node and its link are removed and
// re-created while the driver runs.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "drivers/input/evdev_barcode_scanner.h"
#include "drivers/input/evdev_node.h"
#include "tst_evdev_recording.h"

using namespace facepos::drivers;
using facepos::testing::EvdevRecording;
using facepos::testing::waitUntil;
using namespace std::chrono_literals;
using us = std::chrono::microseconds;

namespace {

const QString kById = QStringLiteral("usb-Acme_Barcode_Scanner_0001-event-kbd");

class EvdevScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("by-id")));
        plug();
    }
    void TearDown() override {
        if (m_writer >= 0) ::close(m_writer);
    }

    QString nodePath() const { return m_dir.filePath(QStringLiteral("event7")); }
    QString linkPath() const { return m_dir.filePath(QStringLiteral("by-id/") + kById); }

    // The device appears: its node (a FIFO carrying the recording) and its by-id link. The test holds the FIFO's
    // write end, so the driver sees a device that is present but idle.
    void plug() {
        ASSERT_EQ(::mkfifo(QFile::encodeName(nodePath()).constData(), 0600), 0);
        ASSERT_EQ(::symlink("../event7", QFile::encodeName(linkPath()).constData()), 0);
        m_writer = ::open(QFile::encodeName(nodePath()).constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        ASSERT_GE(m_writer, 0);
    }
    // The device goes: the driver reads end-of-file, and the node and link vanish as udev removes them.
    void unplug() {
        ::close(m_writer);
        m_writer = -1;
        ::unlink(QFile::encodeName(linkPath()).constData());
        ::unlink(QFile::encodeName(nodePath()).constData());
    }
    void send(const QByteArray& bytes) {
        ASSERT_EQ(::write(m_writer, bytes.constData(), static_cast<size_t>(bytes.size())), bytes.size());
    }

    std::unique_ptr<EvdevBarcodeScanner> makeScanner(ScanTerminator terminator = ScanTerminator::Enter,
                                                     std::chrono::milliseconds interKeyTimeout = 50ms) {
        EvdevScannerConfig config;
        config.input.device = kById;
        config.input.inputDir = m_dir.path();
        config.input.role = QStringLiteral("scanner");
        config.input.reconnectInterval = 60s;  // reconnection in these tests must come from the folder watch
        config.input.useUdev = false;
        config.terminator = terminator;
        config.interKeyTimeout = interKeyTimeout;
        auto scanner = std::make_unique<EvdevBarcodeScanner>(config, ScanClassifier());
        QObject::connect(scanner.get(), &IBarcodeScanner::scanned,
                         [this](const ScanClassification& scan) { m_scans.push_back(scan); });
        QObject::connect(scanner.get(), &IBarcodeScanner::fragmentDiscarded,
                         [this](const QString& reason) { m_discarded.append(reason); });
        return scanner;
    }

    bool started(IBarcodeScanner& scanner) {
        if (!scanner.start().ok()) return false;
        return scanner.state().status == DeviceState::Status::Connected;
    }

    QTemporaryDir m_dir;
    int m_writer = -1;
    std::vector<ScanClassification> m_scans;
    QStringList m_discarded;
};

TEST_F(EvdevScannerTest, ReplayedWeChatCodeArrivesAsOneClassifiedScan) {
    auto scanner = makeScanner();
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    rec.type(QStringLiteral("134567890123456789\n"), us(1'000'000));

    send(rec.bytes());

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans.size(), 1u);
    EXPECT_EQ(m_scans[0].kind, ScanKind::PaymentCode);
    EXPECT_EQ(m_scans[0].wallet, Wallet::WeChat);
    EXPECT_EQ(m_scans[0].code, QStringLiteral("134567890123456789"));
}

TEST_F(EvdevScannerTest, ShiftedKeysDecodeInUsLayout) {
    auto scanner = makeScanner();
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    rec.type(QStringLiteral("VC-Ab12_x?:!@#&%+=/.\n"), us(1'000'000));

    send(rec.bytes());

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].code, QStringLiteral("VC-Ab12_x?:!@#&%+=/."));
}

TEST_F(EvdevScannerTest, ScanSplitByPauseLongerThanTimeoutDiscardsTheFirstFragment) {
    auto scanner = makeScanner();
    ASSERT_TRUE(started(*scanner));
    // GIVEN a scan whose first 8 characters come, then a 300 ms pause (timeout 50 ms), then the rest with Enter.
    EvdevRecording rec;
    const us pauseStart = rec.type(QStringLiteral("13456789"), us(1'000'000));
    rec.type(QStringLiteral("0123456789\n"), pauseStart + us(300'000));

    send(rec.bytes());

    // THEN the fragment is discarded and the remainder is delivered on its own, never merged into a full code.
    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_discarded.size(), 1);
    EXPECT_EQ(m_scans.size(), 1u);
    EXPECT_EQ(m_scans[0].code, QStringLiteral("0123456789"));
    EXPECT_NE(m_scans[0].kind, ScanKind::PaymentCode);
}

TEST_F(EvdevScannerTest, UnknownKeycodesAreIgnoredAndCounted) {
    auto scanner = makeScanner();
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    us at = rec.type(QStringLiteral("28123456"), us(1'000'000));
    rec.tap(at, KEY_F5, 0x3E);
    rec.tap(at + us(2000), KEY_VOLUMEUP, 0x80);
    rec.type(QStringLiteral("7890123456\n"), at + us(4000));

    send(rec.bytes());

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].code, QStringLiteral("281234567890123456"));
    EXPECT_EQ(m_scans[0].wallet, Wallet::Alipay);
    EXPECT_EQ(scanner->unknownKeyCount(), 2);
}

TEST_F(EvdevScannerTest, RecordsSplitAcrossReadsAreReassembled) {
    // A long timeout: the pieces are written one event-loop turn apart, and a busy machine must not split the scan.
    auto scanner = makeScanner(ScanTerminator::Enter, 10s);
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    rec.type(QStringLiteral("6212345678901234567\n"), us(1'000'000));

    // Pieces of 7 bytes never line up with the 24-byte records.
    for (qsizetype offset = 0; offset < rec.bytes().size(); offset += 7) {
        send(rec.bytes().mid(offset, 7));
        QCoreApplication::processEvents();
    }

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].wallet, Wallet::UnionPay);
}

TEST_F(EvdevScannerTest, TabEndsTheScanWhenConfiguredAsTerminator) {
    auto scanner = makeScanner(ScanTerminator::Tab);
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    rec.type(QStringLiteral("134567890123456789\t"), us(1'000'000));

    send(rec.bytes());

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].wallet, Wallet::WeChat);
}

TEST_F(EvdevScannerTest, WithoutTerminatorThePauseAfterTheLastKeyEndsTheScan) {
    auto scanner = makeScanner(ScanTerminator::None);
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    rec.type(QStringLiteral("134567890123456789"), us(1'000'000));

    send(rec.bytes());

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].code, QStringLiteral("134567890123456789"));
    EXPECT_TRUE(m_discarded.isEmpty());
}

TEST_F(EvdevScannerTest, DroppedEventsDiscardTheScanInProgress) {
    auto scanner = makeScanner();
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    const us at = rec.type(QStringLiteral("1345678"), us(1'000'000));
    rec.event(at, EV_SYN, SYN_DROPPED, 0);
    rec.type(QStringLiteral("90123456789\n"), at + us(4000));

    send(rec.bytes());

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_discarded.size(), 1);
    EXPECT_EQ(m_scans[0].code, QStringLiteral("90123456789"));
}

TEST_F(EvdevScannerTest, UnplugMakesTheScannerDisconnectedWithAMessage) {
    auto scanner = makeScanner();
    ASSERT_TRUE(started(*scanner));

    unplug();

    ASSERT_TRUE(waitUntil([&] { return scanner->state().status == DeviceState::Status::Disconnected; }));
    EXPECT_TRUE(scanner->state().message.contains(QStringLiteral("scanner disconnected")))
        << scanner->state().message.toStdString();
}

TEST_F(EvdevScannerTest, UnplugInTheMiddleOfAScanDiscardsTheFragment) {
    auto scanner = makeScanner(ScanTerminator::Enter, 10s);
    ASSERT_TRUE(started(*scanner));
    EvdevRecording rec;
    rec.type(QStringLiteral("1345678"), us(1'000'000));
    send(rec.bytes());  // still in the pipe or already read: either way it is read before the end of file

    unplug();

    ASSERT_TRUE(waitUntil([&] { return !m_discarded.isEmpty(); }));
    EXPECT_TRUE(m_scans.empty());
    EXPECT_TRUE(m_discarded.first().contains(QStringLiteral("unplugged")));
}

TEST_F(EvdevScannerTest, ReplugWorksAgainWithoutRestart) {
    auto scanner = makeScanner();
    ASSERT_TRUE(started(*scanner));
    std::vector<DeviceState> states;
    QObject::connect(scanner.get(), &IBarcodeScanner::stateChanged,
                     [&](const DeviceState& state) { states.push_back(state); });
    unplug();
    ASSERT_TRUE(waitUntil([&] { return scanner->state().status == DeviceState::Status::Disconnected; }));

    plug();

    ASSERT_TRUE(waitUntil([&] { return scanner->state().status == DeviceState::Status::Connected; }));
    EvdevRecording rec;
    rec.type(QStringLiteral("301234567890123456\n"), us(5'000'000));
    send(rec.bytes());
    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].wallet, Wallet::Alipay);
    ASSERT_GE(states.size(), 2u);
    EXPECT_EQ(states.front().status, DeviceState::Status::Disconnected);
    EXPECT_EQ(states.back().status, DeviceState::Status::Connected);
}

TEST_F(EvdevScannerTest, ScannerAbsentAtStartIsDisconnectedAndConnectsWhenPlugged) {
    unplug();
    auto scanner = makeScanner();

    ASSERT_TRUE(scanner->start().ok());
    EXPECT_EQ(scanner->state().status, DeviceState::Status::Disconnected);
    EXPECT_TRUE(scanner->state().message.contains(kById)) << scanner->state().message.toStdString();

    plug();
    EXPECT_TRUE(waitUntil([&] { return scanner->state().status == DeviceState::Status::Connected; }));
}

TEST_F(EvdevScannerTest, RegularFileIsRefusedAsNotAnInputDevice) {
    const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();

    const auto node = EvdevNode::open(path, QStringLiteral("scanner"));

    ASSERT_FALSE(node.ok());
    EXPECT_EQ(node.error().code, QStringLiteral("input.not_input_device"));
}

TEST_F(EvdevScannerTest, UsbIdWithNoMatchingDeviceIsNotFound) {
    const auto path = EvdevNode::locate(QStringLiteral("0c2e:0b61"), m_dir.path(), QStringLiteral("scanner"));

    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().code, QStringLiteral("input.not_found"));
    EXPECT_TRUE(path.error().message.contains(QStringLiteral("0c2e:0b61")));
}

TEST_F(EvdevScannerTest, EmptyDeviceSettingIsAConfigurationError) {
    const auto path = EvdevNode::locate(QString(), m_dir.path(), QStringLiteral("scanner"));

    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().code, QStringLiteral("input.not_configured"));
}

}  // namespace
