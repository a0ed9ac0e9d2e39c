// The technician self-test page with the demo's simulated devices, driven by objectName like a finger would.
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QQuickItem>
#include <QTest>

#include "drivers/audio/simulated_voice_prompter.h"
#include "drivers/driver_selection.h"
#include "drivers/input/simulated_keypad.h"
#include "drivers/printer/printer_status.h"
#include "drivers/printer/simulated_transport.h"
#include "platform/settings.h"
#include "ui_test_support.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;

namespace {

const QString kWeChatCode = QStringLiteral("134567890123456789");

class DevicesPageTest : public ::testing::Test {
protected:
    QQuickWindow* show(const QString& page = QStringLiteral("DevicesPage")) {
        auto created = ui.renderer->createWindow(page);
        EXPECT_TRUE(created.ok()) << (created.ok() ? "" : qPrintable(created.error().message));
        if (!created) return nullptr;
        auto frame = ui.renderer->waitForFrame(*created);
        EXPECT_TRUE(frame.ok()) << (frame.ok() ? "" : qPrintable(frame.error().message));
        return *created;
    }

    QString textOf(const QString& name) const {
        QObject* object = window ? findByName(window, name) : nullptr;
        return object ? object->property("text").toString() : QStringLiteral("<no item %1>").arg(name);
    }

    // Printer jobs run on the printer thread; their outcome arrives as a queued call.
    bool waitForPrinterIdle() {
        return QTest::qWaitFor([this] { return !ui.devices->printerBusy(); }, 10000);
    }

    UiHarness ui;
    QQuickWindow* window = nullptr;
};

}  // namespace

TEST_F(DevicesPageTest, SimulatedWeChatScanShowsTheMaskedCodeAndTheWalletInTheCurrentLanguage) {
    window = show();
    ASSERT_TRUE(window);
    QObject* input = findByName(window, QStringLiteral("simulateScanText"));
    ASSERT_TRUE(input);
    input->setProperty("text", kWeChatCode);

    ASSERT_TRUE(tap(window, QStringLiteral("simulateScan")));

    EXPECT_EQ(textOf(QStringLiteral("lastScan")), QStringLiteral("1345**********6789"));
    EXPECT_FALSE(textOf(QStringLiteral("lastScan")).contains(kWeChatCode));
    EXPECT_EQ(textOf(QStringLiteral("lastScanKind")), QStringLiteral("微信支付"));

    ASSERT_TRUE(ui.language.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    EXPECT_EQ(textOf(QStringLiteral("lastScanKind")), QStringLiteral("WeChat Pay"));
}

TEST_F(DevicesPageTest, RejectedScanSaysToScanAgainAndWhy) {
    window = show();
    ASSERT_TRUE(window);

    ASSERT_TRUE(ui.devices->simulateScan(QStringLiteral("1345678901234")));

    EXPECT_EQ(textOf(QStringLiteral("lastScanKind")), QStringLiteral("无效：请重新扫码"));
    EXPECT_FALSE(ui.devices->lastScanReason().isEmpty());
}

TEST_F(DevicesPageTest, KeypadPressShowsTheKey) {
    window = show();
    ASSERT_TRUE(window);
    auto* keypad = qobject_cast<drivers::SimulatedKeypad*>(&ui.devices->keypad());
    ASSERT_TRUE(keypad);

    ASSERT_TRUE(keypad->press(drivers::KeypadKey::Digit7));
    EXPECT_EQ(textOf(QStringLiteral("lastKey")), QStringLiteral("7"));

    ASSERT_TRUE(keypad->press(drivers::KeypadKey::Confirm));
    EXPECT_EQ(textOf(QStringLiteral("lastKey")), QStringLiteral("确认"));
}

TEST_F(DevicesPageTest, InputDevicesShowTheirDriversState) {
    window = show();
    ASSERT_TRUE(window);
    EXPECT_EQ(textOf(QStringLiteral("scannerState")), QStringLiteral("已连接"));
    EXPECT_EQ(textOf(QStringLiteral("keypadState")), QStringLiteral("已连接"));

    qobject_cast<drivers::SimulatedKeypad*>(&ui.devices->keypad())->unplug();

    EXPECT_EQ(textOf(QStringLiteral("keypadState")), QStringLiteral("未连接"));
}

TEST_F(DevicesPageTest, PrintTestPageWritesAVirtualPrinterPageAndSaysWhere) {
    window = show();
    ASSERT_TRUE(window);
    ASSERT_TRUE(waitForPrinterIdle());
    EXPECT_EQ(textOf(QStringLiteral("printerState")), QStringLiteral("已连接"));

    ASSERT_TRUE(tap(window, QStringLiteral("printTestPage")));
    ASSERT_TRUE(QTest::qWaitFor([this] { return ui.devices->lastAction() == QStringLiteral("print"); }, 10000));

    EXPECT_TRUE(ui.devices->lastActionOk()) << qPrintable(ui.devices->lastActionMessage());
    const QString png = ui.devices->lastActionFile();
    ASSERT_FALSE(png.isEmpty());
    EXPECT_TRUE(png.startsWith(ui.dataDir.path())) << qPrintable(png);
    EXPECT_FALSE(QImage(png).isNull());
    EXPECT_TRUE(ui.devices->virtualPrinter()->renderWarnings().isEmpty());
    EXPECT_TRUE(textOf(QStringLiteral("printResult")).contains(png))
        << qPrintable(textOf(QStringLiteral("printResult")));
}

TEST_F(DevicesPageTest, PaperOutIsShownAsAnErrorTheTechnicianCanActOn) {
    window = show();
    ASSERT_TRUE(window);
    ASSERT_TRUE(waitForPrinterIdle());
    drivers::PrinterStatus paperOut;
    paperOut.paperOut = true;
    ui.devices->virtualPrinter()->setStatus(paperOut);

    ui.devices->printTestPage();
    ASSERT_TRUE(QTest::qWaitFor([this] { return ui.devices->lastAction() == QStringLiteral("print"); }, 10000));

    EXPECT_FALSE(ui.devices->lastActionOk());
    EXPECT_EQ(textOf(QStringLiteral("printerState")), QStringLiteral("错误"));
    EXPECT_TRUE(ui.devices->printerMessage().contains(QStringLiteral("paper")))
        << qPrintable(ui.devices->printerMessage());
    EXPECT_TRUE(ui.devices->virtualPrinter()->savedFiles().isEmpty());
}

TEST_F(DevicesPageTest, OpenDrawerKicksTheDrawerOnTheVirtualPrinter) {
    window = show();
    ASSERT_TRUE(window);
    ASSERT_TRUE(waitForPrinterIdle());

    ASSERT_TRUE(tap(window, QStringLiteral("kickDrawer")));
    ASSERT_TRUE(QTest::qWaitFor([this] { return ui.devices->lastAction() == QStringLiteral("drawer"); }, 10000));

    EXPECT_TRUE(ui.devices->lastActionOk()) << qPrintable(ui.devices->lastActionMessage());
    EXPECT_EQ(ui.devices->virtualPrinter()->drawerKicks(), 1);
    EXPECT_EQ(textOf(QStringLiteral("drawerState")), QStringLiteral("已连接"));
}

TEST_F(DevicesPageTest, RendersInBothLanguagesWithoutQmlWarnings) {
    for (const QString& language : ui.language.available()) {
        ASSERT_TRUE(ui.language.setLanguage(language));
        auto image = ui.renderer->render(QStringLiteral("DevicesPage"));
        ASSERT_TRUE(image.ok()) << qPrintable(language + ": " + image.error().message);
    }
}

TEST_F(DevicesPageTest, SettingsPageOpensTheSelfTest) {
    window = show(QStringLiteral("SettingsPage"));
    ASSERT_TRUE(window);

    ASSERT_TRUE(tap(window, QStringLiteral("openDevices")));

    EXPECT_TRUE(QTest::qWaitFor([this] { return findByName(window, QStringLiteral("devicesPage")) != nullptr; }, 5000));
}

TEST(DeviceManagerErrors, ConfigurationMistakesShowAsDeviceErrorsInsteadOfStoppingTheTerminal) {
    // GIVEN a TCP printer without an address and a member card pattern that is not a regular expression
    QTemporaryDir dir;
    SettingsSources sources;
    sources.overrides << QStringLiteral("data.dir=") + dir.path() << QStringLiteral("devices.printer=tcp")
                      << QStringLiteral("scanner.member_card_pattern=([0-9]");
    auto settings = Settings::load(sources);
    ASSERT_TRUE(settings.ok()) << qPrintable(settings.error().message);
    SystemClock clock;

    // WHEN the devices are built from it
    DeviceManager devices(*settings, driverChoices(*settings), clock);

    // THEN each broken device says what is wrong, and the others work
    EXPECT_EQ(devices.printerStatus(), QStringLiteral("error"));
    EXPECT_TRUE(devices.printerMessage().contains(QStringLiteral("printer_path")))
        << qPrintable(devices.printerMessage());
    EXPECT_EQ(devices.scannerStatus(), QStringLiteral("error"));
    EXPECT_TRUE(devices.scannerMessage().contains(QStringLiteral("member_card_pattern")))
        << qPrintable(devices.scannerMessage());
    EXPECT_EQ(devices.keypadStatus(), QStringLiteral("connected"));
}

TEST_F(DevicesPageTest, TestPromptSaysPaymentSuccessfulWithTheAmountInTheUiLanguage) {
    window = show();
    ASSERT_TRUE(window);
    drivers::SimulatedVoicePrompter* voice = ui.devices->simulatedVoice();
    ASSERT_TRUE(voice);

    ASSERT_TRUE(tap(window, QStringLiteral("testVoice")));
    ASSERT_TRUE(ui.language.setLanguage(QStringLiteral("en")));
    ASSERT_TRUE(tap(window, QStringLiteral("testVoice")));

    ASSERT_EQ(voice->spoken().size(), 2);
    EXPECT_EQ(voice->spoken().at(0).prompt, drivers::Prompt::PaymentSucceeded);
    EXPECT_EQ(voice->spoken().at(0).amountFen, 1250);
    EXPECT_EQ(voice->spoken().at(0).language, drivers::VoiceLanguage::ZhCN);
    EXPECT_EQ(voice->spoken().at(1).language, drivers::VoiceLanguage::En);
    EXPECT_TRUE(textOf(QStringLiteral("voiceResult")).contains(QStringLiteral("12.50")))
        << qPrintable(textOf(QStringLiteral("voiceResult")));
}
