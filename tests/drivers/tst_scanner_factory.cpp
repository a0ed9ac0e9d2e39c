// The scanner factory (one per device kind) reading the settings, the simulated twin's script, and the pieces of
// the evdev path below the device: the US-layout decoder and the scan assembler.
#include <gtest/gtest.h>
#include <linux/input-event-codes.h>

#include "drivers/input/barcode_scanner_factory.h"
#include "drivers/input/evdev_barcode_scanner.h"
#include "drivers/input/keyboard_wedge_scanner.h"
#include "drivers/input/null_barcode_scanner.h"
#include "drivers/input/scan_assembler.h"
#include "drivers/input/serial_barcode_scanner.h"
#include "drivers/input/simulated_barcode_scanner.h"
#include "drivers/input/us_key_decoder.h"
#include "platform/manual_clock.h"
#include "platform/settings.h"

using namespace facepos::drivers;
using namespace std::chrono_literals;
using us = std::chrono::microseconds;

namespace {

facepos::Settings settingsWith(const QStringList& overrides) {
    facepos::SettingsSources sources;
    sources.overrides = overrides;
    auto settings = facepos::Settings::load(sources);
    EXPECT_TRUE(settings.ok()) << settings.error().message.toStdString();
    return settings.ok() ? settings.value() : facepos::Settings::defaults();
}

TEST(ScannerFactory, EachBackendBuildsItsDriver) {
    const facepos::ManualClock clock;
    const facepos::Settings settings = settingsWith(
        {QStringLiteral("scanner.device=usb-Acme-event-kbd"), QStringLiteral("scanner.serial_port=/dev/ttyACM0")});

    auto evdev = createBarcodeScanner(QStringLiteral("evdev"), settings, clock);
    auto keyboard = createBarcodeScanner(QStringLiteral("keyboard"), settings, clock);
    auto serial = createBarcodeScanner(QStringLiteral("serial"), settings, clock);
    auto simulated = createBarcodeScanner(QStringLiteral("simulated"), settings, clock);
    auto none = createBarcodeScanner(QStringLiteral("none"), settings, clock);

    ASSERT_TRUE(evdev.ok() && keyboard.ok() && serial.ok() && simulated.ok() && none.ok());
    EXPECT_NE(qobject_cast<EvdevBarcodeScanner*>(evdev.value().get()), nullptr);
    EXPECT_NE(qobject_cast<KeyboardWedgeScanner*>(keyboard.value().get()), nullptr);
    EXPECT_NE(qobject_cast<SerialBarcodeScanner*>(serial.value().get()), nullptr);
    EXPECT_NE(qobject_cast<SimulatedBarcodeScanner*>(simulated.value().get()), nullptr);
    EXPECT_NE(qobject_cast<NullBarcodeScanner*>(none.value().get()), nullptr);
}

TEST(ScannerFactory, DefaultSettingsGiveTheSimulatedScanner) {
    const facepos::ManualClock clock;
    auto scanner = createBarcodeScanner(facepos::Settings::defaults(), clock);
    ASSERT_TRUE(scanner.ok());
    EXPECT_NE(qobject_cast<SimulatedBarcodeScanner*>(scanner.value().get()), nullptr);
}

TEST(ScannerFactory, EvdevWithoutDeviceIsAConfigurationError) {
    const facepos::ManualClock clock;
    auto scanner = createBarcodeScanner(QStringLiteral("evdev"), facepos::Settings::defaults(), clock);
    ASSERT_FALSE(scanner.ok());
    EXPECT_EQ(scanner.error().code, QStringLiteral("input.not_configured"));
    EXPECT_TRUE(scanner.error().message.contains(QStringLiteral("scanner.device")));
}

TEST(ScannerFactory, BadMemberCardPatternIsAConfigurationError) {
    const facepos::ManualClock clock;
    auto scanner = createBarcodeScanner(settingsWith({QStringLiteral("scanner.member_card_pattern=M[0-9")}), clock);
    ASSERT_FALSE(scanner.ok());
    EXPECT_EQ(scanner.error().code, QStringLiteral("scanner.bad_pattern"));
}

TEST(ScannerFactory, ConfiguredVoucherPatternReachesTheClassifier) {
    const facepos::ManualClock clock;
    auto scanner = createBarcodeScanner(settingsWith({QStringLiteral("scanner.voucher_pattern=VC\\d{6}")}), clock);
    ASSERT_TRUE(scanner.ok());
    auto* simulated = qobject_cast<SimulatedBarcodeScanner*>(scanner.value().get());
    ASSERT_NE(simulated, nullptr);
    std::vector<ScanClassification> scans;
    QObject::connect(simulated, &IBarcodeScanner::scanned, [&](const ScanClassification& s) { scans.push_back(s); });
    ASSERT_TRUE(simulated->start().ok());

    simulated->feedScan(QStringLiteral("VC123456"));

    ASSERT_EQ(scans.size(), 1u);
    EXPECT_EQ(scans[0].kind, ScanKind::Voucher);
}

TEST(SimulatedScanner, UnplugErrorAndReplugAreReportedAndGateScans) {
    SimulatedBarcodeScanner scanner{ScanClassifier()};
    std::vector<DeviceState> states;
    QObject::connect(&scanner, &IBarcodeScanner::stateChanged, [&](const DeviceState& s) { states.push_back(s); });
    ASSERT_TRUE(scanner.start().ok());

    scanner.unplug();
    EXPECT_FALSE(scanner.feedScan(QStringLiteral("134567890123456789")));
    scanner.injectError(QStringLiteral("scanner reports a lens fault"));
    scanner.replug();

    ASSERT_EQ(states.size(), 4u);
    EXPECT_EQ(states[1].status, DeviceState::Status::Disconnected);
    EXPECT_EQ(states[2].status, DeviceState::Status::Error);
    EXPECT_EQ(states[2].message, QStringLiteral("scanner reports a lens fault"));
    EXPECT_EQ(states[3].status, DeviceState::Status::Connected);
    EXPECT_TRUE(scanner.feedScan(QStringLiteral("134567890123456789")));
}

TEST(UsKeyDecoder, ShiftChangesDigitsAndLetters) {
    UsKeyDecoder decoder;
    EXPECT_EQ(decoder.feedKey(KEY_A, 1).character, QChar(u'a'));
    decoder.feedKey(KEY_RIGHTSHIFT, 1);
    EXPECT_EQ(decoder.feedKey(KEY_A, 1).character, QChar(u'A'));
    EXPECT_EQ(decoder.feedKey(KEY_2, 1).character, QChar(u'@'));
    decoder.feedKey(KEY_RIGHTSHIFT, 0);
    EXPECT_EQ(decoder.feedKey(KEY_2, 1).character, QChar(u'2'));
}

TEST(UsKeyDecoder, KeypadDigitsAndEnterDecode) {
    UsKeyDecoder decoder;
    EXPECT_EQ(decoder.feedKey(KEY_KP7, 1).character, QChar(u'7'));
    EXPECT_EQ(decoder.feedKey(KEY_KPENTER, 1).character, QChar(u'\n'));
}

TEST(UsKeyDecoder, UnknownKeyPressesAreCountedButReleasesAreNot) {
    UsKeyDecoder decoder;
    EXPECT_EQ(decoder.feedKey(KEY_F12, 1).kind, UsKeyDecoder::Kind::Unknown);
    EXPECT_EQ(decoder.feedKey(KEY_F12, 0).kind, UsKeyDecoder::Kind::Release);
    EXPECT_EQ(decoder.unknownKeyCount(), 1);
}

TEST(ScanAssembler, CrLfEndsOneScanOnly) {
    ScanAssembler assembler(ScanTerminator::Enter, 50ms);
    QList<ScanAssembler::Output> all;
    us at(0);
    for (const QChar c : QStringLiteral("1234\r\n")) {
        all += assembler.feed(c, at);
        at += us(2000);
    }
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all[0].text, QStringLiteral("1234"));
}

TEST(ScanAssembler, PauseExactlyAtTheTimeoutStillBelongsToTheScan) {
    ScanAssembler assembler(ScanTerminator::Enter, 50ms);
    (void)assembler.feed(u'1', us(0));
    (void)assembler.feed(u'2', us(50'000));
    const auto out = assembler.feed(u'\n', us(51'000));
    ASSERT_EQ(out.size(), 1);
    EXPECT_EQ(out[0].kind, ScanAssembler::Output::Kind::Completed);
    EXPECT_EQ(out[0].text, QStringLiteral("12"));
}

TEST(ScanAssembler, PauseLongerThanTheTimeoutDiscardsTheFragmentAndStartsAgain) {
    ScanAssembler assembler(ScanTerminator::Enter, 50ms);
    (void)assembler.feed(u'1', us(0));
    const auto split = assembler.feed(u'2', us(50'001));
    const auto out = assembler.feed(u'\n', us(51'000));
    ASSERT_EQ(split.size(), 1);
    EXPECT_EQ(split[0].kind, ScanAssembler::Output::Kind::Discarded);
    EXPECT_EQ(split[0].text, QStringLiteral("1"));
    ASSERT_EQ(out.size(), 1);
    EXPECT_EQ(out[0].text, QStringLiteral("2"));
}

TEST(ScanAssembler, IdleDiscardsAPartialButCompletesWithoutTerminator) {
    ScanAssembler withEnter(ScanTerminator::Enter, 50ms);
    (void)withEnter.feed(u'9', us(0));
    ScanAssembler withNone(ScanTerminator::None, 50ms);
    (void)withNone.feed(u'9', us(0));

    const auto partial = withEnter.idle();
    const auto complete = withNone.idle();

    ASSERT_EQ(partial.size(), 1);
    EXPECT_EQ(partial[0].kind, ScanAssembler::Output::Kind::Discarded);
    ASSERT_EQ(complete.size(), 1);
    EXPECT_EQ(complete[0].kind, ScanAssembler::Output::Kind::Completed);
}

}  // namespace
