#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "platform/system_info.h"

using namespace facepos;

namespace {

const QByteArray kMachineId = "0123456789abcdef0123456789abcdef\n";
const QByteArray kPiCpuInfo =
    "processor\t: 0\n"
    "model name\t: ARMv7 Processor rev 3 (v7l)\n"
    "\n"
    "Hardware\t: BCM2835\n"
    "Revision\t: c03114\n"
    "Serial\t\t: 10000000abcdef01\n"
    "Model\t\t: Raspberry Pi 4 Model B Rev 1.4\n";

// A fake root directory: files are written below it as they would be found below "/".
class SystemInfoTest : public ::testing::Test {
protected:
    void write(const QString& relative, const QByteArray& content) {
        const QString path = m_root.filePath(relative);
        ASSERT_TRUE(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
        file.write(content);
    }

    SystemInfo info() const { return SystemInfo(m_root.path(), QStringLiteral("1.2.3")); }

    QString serial() const {
        const Result<QString> result = info().serialNumber();
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message.toStdString());
        return result.valueOr(QString());
    }

    QTemporaryDir m_root;
};

}  // namespace

TEST_F(SystemInfoTest, DmiSerialComesFirstTrimmedAndUpperCased) {
    write(QStringLiteral("sys/class/dmi/id/product_serial"), "  pf3abc12 \n");
    write(QStringLiteral("proc/cpuinfo"), kPiCpuInfo);
    write(QStringLiteral("etc/machine-id"), kMachineId);

    EXPECT_EQ(serial(), QStringLiteral("PF3ABC12"));
}

TEST_F(SystemInfoTest, CpuInfoSerialIsUsedWithoutDmi) {
    write(QStringLiteral("proc/cpuinfo"), kPiCpuInfo);
    write(QStringLiteral("etc/machine-id"), kMachineId);

    EXPECT_EQ(serial(), QStringLiteral("10000000ABCDEF01"));
}

TEST_F(SystemInfoTest, MachineIdIsTheLastResort) {
    write(QStringLiteral("proc/cpuinfo"), "processor\t: 0\nmodel name\t: Intel(R) Core(TM)\n");
    write(QStringLiteral("etc/machine-id"), kMachineId);

    EXPECT_EQ(serial(), QStringLiteral("0123456789ABCDEF0123456789ABCDEF"));
}

TEST_F(SystemInfoTest, EmptyDmiSerialIsSkipped) {
    write(QStringLiteral("sys/class/dmi/id/product_serial"), " \n");
    write(QStringLiteral("proc/cpuinfo"), kPiCpuInfo);

    EXPECT_EQ(serial(), QStringLiteral("10000000ABCDEF01"));
}

TEST_F(SystemInfoTest, AllZeroCpuInfoSerialIsSkipped) {
    write(QStringLiteral("proc/cpuinfo"), "Serial\t\t: 0000000000000000\n");
    write(QStringLiteral("etc/machine-id"), kMachineId);

    EXPECT_EQ(serial(), QStringLiteral("0123456789ABCDEF0123456789ABCDEF"));
}

class PlaceholderSerialTest : public SystemInfoTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(PlaceholderSerialTest, FirmwarePlaceholderSerialIsSkipped) {
    write(QStringLiteral("sys/class/dmi/id/product_serial"), QByteArray(GetParam()) + '\n');
    write(QStringLiteral("proc/cpuinfo"), kPiCpuInfo);

    EXPECT_EQ(serial(), QStringLiteral("10000000ABCDEF01"));
}

INSTANTIATE_TEST_SUITE_P(Placeholders, PlaceholderSerialTest,
                         ::testing::Values("To be filled by O.E.M.", "Default string", "System Serial Number", "None",
                                           "0", "Not Specified", "not specified", "00000000",
                                           "00000000-0000-0000-0000-000000000000"));

TEST_F(SystemInfoTest, UninitializedMachineIdIsNoSerial) {
    write(QStringLiteral("etc/machine-id"), "uninitialized\n");

    const Result<QString> result = info().serialNumber();

    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("placeholder 'uninitialized'")))
        << result.error().message.toStdString();
}

TEST_F(SystemInfoTest, SerialContainingZerosAmongOtherCharactersIsReal) {
    write(QStringLiteral("sys/class/dmi/id/product_serial"), "000000001\n");

    EXPECT_EQ(serial(), QStringLiteral("000000001"));
}

TEST_F(SystemInfoTest, NoSerialIsAnErrorListingTheFilesTried) {
    write(QStringLiteral("sys/class/dmi/id/product_serial"), "To be filled by O.E.M.\n");

    const Result<QString> result = info().serialNumber();

    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, QStringLiteral("sysinfo.no_serial"));
    const QString message = result.error().message;
    EXPECT_TRUE(message.contains(m_root.filePath(QStringLiteral("sys/class/dmi/id/product_serial"))))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("placeholder 'To be filled by O.E.M.'"))) << message.toStdString();
    EXPECT_TRUE(message.contains(m_root.filePath(QStringLiteral("proc/cpuinfo")))) << message.toStdString();
    EXPECT_TRUE(message.contains(m_root.filePath(QStringLiteral("etc/machine-id")))) << message.toStdString();
}

TEST_F(SystemInfoTest, ModelComesFromDmiProductName) {
    write(QStringLiteral("sys/class/dmi/id/product_name"), "FP-200 Counter Terminal\n");
    write(QStringLiteral("proc/device-tree/model"), QByteArray("Raspberry Pi 4 Model B Rev 1.4\0", 32));

    EXPECT_EQ(info().model(), QStringLiteral("FP-200 Counter Terminal"));
}

TEST_F(SystemInfoTest, DeviceTreeModelIsReadUpToItsNul) {
    write(QStringLiteral("proc/device-tree/model"), QByteArray("Raspberry Pi 4 Model B Rev 1.4\0garbage", 38));

    EXPECT_EQ(info().model(), QStringLiteral("Raspberry Pi 4 Model B Rev 1.4"));
}

TEST_F(SystemInfoTest, PlaceholderProductNameFallsBackToDeviceTree) {
    write(QStringLiteral("sys/class/dmi/id/product_name"), "System Product Name\n");
    write(QStringLiteral("proc/device-tree/model"), QByteArray("Rockchip RK3568 EVB\0", 20));

    EXPECT_EQ(info().model(), QStringLiteral("Rockchip RK3568 EVB"));
}

TEST_F(SystemInfoTest, ModelIsUnknownWithoutAnySource) {
    EXPECT_EQ(info().model(), QStringLiteral("Unknown"));
}

TEST_F(SystemInfoTest, SoftwareVersionComesFromTheConstructor) {
    EXPECT_EQ(info().softwareVersion(), QStringLiteral("1.2.3"));
}

TEST_F(SystemInfoTest, SoftwareVersionDefaultsToTheApplicationVersion) {
    const QString saved = QCoreApplication::applicationVersion();
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));

    const QString version = SystemInfo(m_root.path()).softwareVersion();
    QCoreApplication::setApplicationVersion(saved);

    EXPECT_EQ(version, QStringLiteral("9.8.7"));
}

TEST_F(SystemInfoTest, OsDescriptionNamesDistributionAndKernel) {
    write(QStringLiteral("etc/os-release"),
          "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n");
    write(QStringLiteral("proc/sys/kernel/osrelease"), "6.1.0-18-arm64\n");

    EXPECT_EQ(info().osDescription(), QStringLiteral("Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-arm64"));
}

TEST_F(SystemInfoTest, OsDescriptionFallsBackToUsrLibOsRelease) {
    write(QStringLiteral("usr/lib/os-release"), "PRETTY_NAME='Buildroot 2023.02'\n");

    EXPECT_EQ(info().osDescription(), QStringLiteral("Buildroot 2023.02"));
}

TEST_F(SystemInfoTest, DeviceBindingIsStableForTheSameDevice) {
    write(QStringLiteral("proc/cpuinfo"), kPiCpuInfo);
    write(QStringLiteral("etc/machine-id"), kMachineId);

    const Result<QByteArray> first = info().deviceBinding();
    const Result<QByteArray> second = info().deviceBinding();

    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(first.value(), second.value());
}

TEST_F(SystemInfoTest, DeviceBindingChangesWithTheMachineId) {
    write(QStringLiteral("proc/cpuinfo"), kPiCpuInfo);
    write(QStringLiteral("etc/machine-id"), kMachineId);
    const Result<QByteArray> before = info().deviceBinding();

    write(QStringLiteral("etc/machine-id"), "fedcba9876543210fedcba9876543210\n");
    const Result<QByteArray> after = info().deviceBinding();

    ASSERT_TRUE(before.ok());
    ASSERT_TRUE(after.ok());
    EXPECT_NE(before.value(), after.value());
}

TEST_F(SystemInfoTest, DeviceBindingChangesWithTheSerial) {
    write(QStringLiteral("sys/class/dmi/id/product_serial"), "PF3ABC12\n");
    write(QStringLiteral("etc/machine-id"), kMachineId);
    const Result<QByteArray> before = info().deviceBinding();

    write(QStringLiteral("sys/class/dmi/id/product_serial"), "PF3ABC13\n");
    const Result<QByteArray> after = info().deviceBinding();

    ASSERT_TRUE(before.ok());
    ASSERT_TRUE(after.ok());
    EXPECT_NE(before.value(), after.value());
}

TEST_F(SystemInfoTest, DeviceBindingNeedsASerial) {
    const Result<QByteArray> binding = info().deviceBinding();

    ASSERT_FALSE(binding.ok());
    EXPECT_EQ(binding.error().code, QStringLiteral("sysinfo.no_serial"));
}
