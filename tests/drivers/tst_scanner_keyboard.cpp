// The keyboard-wedge scanner (application event filter) in front of a real QML TextField that has focus, in an
// offscreen QQuickView. Keys are sent with QTest::keyClick through the window system path; the time between them
// is set with a ManualClock, so "fast" and "slow" are exact and the outcome does not depend on the machine's load.
#include <gtest/gtest.h>

#include <QQuickItem>
#include <QQuickView>
#include <QTemporaryDir>
#include <QTest>

#include "drivers/input/keyboard_wedge_scanner.h"
#include "platform/manual_clock.h"
#include "tst_evdev_recording.h"

using namespace facepos::drivers;
using facepos::testing::waitUntil;
using namespace std::chrono_literals;

namespace {

class KeyboardWedgeScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        const QString qml = m_dir.filePath(QStringLiteral("Field.qml"));
        QFile file(qml);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(
            "import QtQuick\nimport QtQuick.Controls\n"
            "Item { width: 320; height: 80\n"
            "  TextField { objectName: \"amountField\"; anchors.fill: parent; focus: true } }\n");
        file.close();
        m_view.setSource(QUrl::fromLocalFile(qml));
        ASSERT_EQ(m_view.status(), QQuickView::Ready);
        m_view.show();
        m_view.requestActivate();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_view));
        m_field = m_view.rootObject()->findChild<QQuickItem*>(QStringLiteral("amountField"));
        ASSERT_NE(m_field, nullptr);
        m_field->forceActiveFocus();
        ASSERT_TRUE(waitUntil([&] { return m_field->hasActiveFocus(); }));

        KeyboardWedgeConfig config;
        config.interKeyTimeout = 40ms;
        config.minimumScanLength = 6;
        m_scanner = std::make_unique<KeyboardWedgeScanner>(config, ScanClassifier(), m_clock);
        QObject::connect(m_scanner.get(), &IBarcodeScanner::scanned,
                         [this](const ScanClassification& scan) { m_scans.push_back(scan); });
        ASSERT_TRUE(m_scanner->start().ok());
    }

    // Types `text` into the window, `gap` of (manual) time before each key; '\n' is Return.
    void type(const QString& text, std::chrono::milliseconds gap) {
        for (const QChar c : text) {
            m_clock.advance(gap);
            if (c == u'\n') {
                QTest::keyClick(&m_view, Qt::Key_Return);
            } else {
                QTest::keyClick(&m_view, c.toLatin1());
            }
        }
    }
    QString fieldText() const { return m_field->property("text").toString(); }

    QTemporaryDir m_dir;
    QQuickView m_view;
    QQuickItem* m_field = nullptr;
    facepos::ManualClock m_clock;
    std::unique_ptr<KeyboardWedgeScanner> m_scanner;
    std::vector<ScanClassification> m_scans;
};

TEST_F(KeyboardWedgeScannerTest, FastBurstEndingInEnterIsAScanAndTheFocusedFieldStaysEmpty) {
    type(QStringLiteral("134567890123456789\n"), 5ms);

    ASSERT_EQ(m_scans.size(), 1u);
    EXPECT_EQ(m_scans[0].wallet, Wallet::WeChat);
    EXPECT_EQ(m_scans[0].code, QStringLiteral("134567890123456789"));
    m_clock.advance(500ms);
    QTest::qWait(100);  // give a wrongly held or replayed key every chance to arrive
    EXPECT_EQ(fieldText(), QString());
}

TEST_F(KeyboardWedgeScannerTest, SlowTypingReachesTheFocusedField) {
    type(QStringLiteral("12.50"), 150ms);
    m_clock.advance(150ms);

    ASSERT_TRUE(waitUntil([&] { return fieldText() == QStringLiteral("12.50"); })) << fieldText().toStdString();
    EXPECT_TRUE(m_scans.empty());
}

TEST_F(KeyboardWedgeScannerTest, ShortFastBurstIsTypingNotAScan) {
    type(QStringLiteral("88\n"), 5ms);
    m_clock.advance(150ms);

    ASSERT_TRUE(waitUntil([&] { return fieldText() == QStringLiteral("88"); })) << fieldText().toStdString();
    EXPECT_TRUE(m_scans.empty());
}

TEST_F(KeyboardWedgeScannerTest, TypingAfterAScanStillReachesTheField) {
    type(QStringLiteral("281234567890123456\n"), 5ms);
    type(QStringLiteral("7"), 300ms);
    m_clock.advance(150ms);

    ASSERT_TRUE(waitUntil([&] { return fieldText() == QStringLiteral("7"); })) << fieldText().toStdString();
    ASSERT_EQ(m_scans.size(), 1u);
    EXPECT_EQ(m_scans[0].wallet, Wallet::Alipay);
}

TEST_F(KeyboardWedgeScannerTest, StoppedFilterLetsEveryKeyThrough) {
    m_scanner->stop();

    type(QStringLiteral("134567890123456789"), 5ms);

    ASSERT_TRUE(waitUntil([&] { return fieldText() == QStringLiteral("134567890123456789"); }));
    EXPECT_TRUE(m_scans.empty());
    EXPECT_EQ(m_scanner->state().status, DeviceState::Status::Disconnected);
}

}  // namespace
