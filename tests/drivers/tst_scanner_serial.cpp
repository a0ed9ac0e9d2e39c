// The serial scanner through Qt SerialPort on a pseudo-terminal: the test holds the master side (the scanner) and
// the driver opens the slave through a link in a temporary folder (what /dev/serial/by-id gives on a terminal).
// Unplug: the master is closed and the link removed; replug: a new pseudo-terminal behind the same link.
#include <gtest/gtest.h>
#include <pty.h>
#include <unistd.h>

#include <QFile>
#include <QTemporaryDir>

#include "drivers/input/serial_barcode_scanner.h"
#include "platform/manual_clock.h"
#include "tst_evdev_recording.h"

using namespace facepos::drivers;
using facepos::testing::waitUntil;
using namespace std::chrono_literals;

namespace {

class SerialScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        plug();
    }
    void TearDown() override {
        if (m_master >= 0) ::close(m_master);
    }
    QString linkPath() const { return m_dir.filePath(QStringLiteral("ttyScanner")); }

    void plug() {
        int slave = -1;
        char name[256] = {};
        ASSERT_EQ(::openpty(&m_master, &slave, name, nullptr, nullptr), 0);
        ::close(slave);  // the driver opens its own; the master keeps the pair alive
        ASSERT_EQ(::symlink(name, QFile::encodeName(linkPath()).constData()), 0);
    }
    void unplug() {
        ::close(m_master);
        m_master = -1;
        ::unlink(QFile::encodeName(linkPath()).constData());
    }
    void send(const QByteArray& bytes) {
        ASSERT_EQ(::write(m_master, bytes.constData(), static_cast<size_t>(bytes.size())), bytes.size());
    }

    std::unique_ptr<SerialBarcodeScanner> makeScanner(ScanTerminator terminator = ScanTerminator::Enter) {
        SerialScannerConfig config;
        config.portName = linkPath();
        config.baudRate = 115200;
        config.terminator = terminator;
        config.interKeyTimeout = 50ms;
        config.reconnectInterval = 200ms;
        config.useUdev = false;
        auto scanner = std::make_unique<SerialBarcodeScanner>(config, ScanClassifier(), m_clock);
        QObject::connect(scanner.get(), &IBarcodeScanner::scanned,
                         [this](const ScanClassification& scan) { m_scans.push_back(scan); });
        return scanner;
    }

    QTemporaryDir m_dir;
    facepos::ManualClock m_clock;
    int m_master = -1;
    std::vector<ScanClassification> m_scans;
};

TEST_F(SerialScannerTest, CodeEndedByCrLfIsOneClassifiedScan) {
    auto scanner = makeScanner();
    ASSERT_TRUE(scanner->start().ok());
    ASSERT_EQ(scanner->state().status, DeviceState::Status::Connected) << scanner->state().message.toStdString();

    send("6212345678901234567\r\n");

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans.size(), 1u);
    EXPECT_EQ(m_scans[0].wallet, Wallet::UnionPay);
    EXPECT_EQ(m_scans[0].code, QStringLiteral("6212345678901234567"));
}

TEST_F(SerialScannerTest, TwoScansInOneReadAreDeliveredSeparately) {
    auto scanner = makeScanner();
    ASSERT_TRUE(scanner->start().ok());

    send("134567890123456789\r281234567890123456\r");

    ASSERT_TRUE(waitUntil([&] { return m_scans.size() == 2; }));
    EXPECT_EQ(m_scans[0].wallet, Wallet::WeChat);
    EXPECT_EQ(m_scans[1].wallet, Wallet::Alipay);
}

TEST_F(SerialScannerTest, TabTerminatorIsHonoured) {
    auto scanner = makeScanner(ScanTerminator::Tab);
    ASSERT_TRUE(scanner->start().ok());

    send("134567890123456789\t");

    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].code, QStringLiteral("134567890123456789"));
}

TEST_F(SerialScannerTest, PortDisappearingMakesTheScannerDisconnected) {
    auto scanner = makeScanner();
    ASSERT_TRUE(scanner->start().ok());

    unplug();

    ASSERT_TRUE(waitUntil([&] { return scanner->state().status == DeviceState::Status::Disconnected; }));
    EXPECT_TRUE(scanner->state().message.contains(QStringLiteral("scanner disconnected")))
        << scanner->state().message.toStdString();
}

TEST_F(SerialScannerTest, ReconnectsWhenThePortComesBack) {
    auto scanner = makeScanner();
    ASSERT_TRUE(scanner->start().ok());
    unplug();
    ASSERT_TRUE(waitUntil([&] { return scanner->state().status == DeviceState::Status::Disconnected; }));

    plug();

    ASSERT_TRUE(waitUntil([&] { return scanner->state().status == DeviceState::Status::Connected; }));
    send("301234567890123456\n");
    ASSERT_TRUE(waitUntil([&] { return !m_scans.empty(); }));
    EXPECT_EQ(m_scans[0].wallet, Wallet::Alipay);
}

TEST_F(SerialScannerTest, AbsentPortAtStartIsDisconnectedNotAnError) {
    unplug();
    auto scanner = makeScanner();

    ASSERT_TRUE(scanner->start().ok());

    EXPECT_EQ(scanner->state().status, DeviceState::Status::Disconnected);
    EXPECT_TRUE(scanner->state().message.contains(QStringLiteral("ttyScanner")));
}

TEST_F(SerialScannerTest, EmptyPortNameIsAConfigurationError) {
    SerialScannerConfig config;
    SerialBarcodeScanner scanner(config, ScanClassifier(), m_clock);

    const auto started = scanner.start();

    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error().code, QStringLiteral("input.not_configured"));
}

}  // namespace
