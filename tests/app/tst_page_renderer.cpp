// The shell's pages, rendered offscreen through the real QML module and driven by objectName.
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <QColor>
#include <QFile>
#include <QQuickItem>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "ui_test_support.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;

namespace {

QString textOf(QQuickWindow* window, const QString& name) {
    QObject* object = findByName(window, name);
    return object ? object->property("text").toString() : QStringLiteral("<no item %1>").arg(name);
}

QString currentPage(QQuickWindow* window) {
    QObject* stack = findByName(window, QStringLiteral("pageStack"));
    if (!stack) return {};
    auto* page = stack->property("currentItem").value<QQuickItem*>();
    return page ? page->objectName() : QString();
}

class PageRendererTest : public ::testing::Test {
protected:
    QQuickWindow* show(const QString& page) {
        auto window = ui.renderer->createWindow(page);
        EXPECT_TRUE(window.ok()) << (window.ok() ? "" : qPrintable(window.error().message));
        if (!window) return nullptr;
        auto frame = ui.renderer->waitForFrame(*window);
        EXPECT_TRUE(frame.ok()) << (frame.ok() ? "" : qPrintable(frame.error().message));
        return *window;
    }

    UiHarness ui;
};

}  // namespace

TEST_F(PageRendererTest, EveryPageRendersInBothLanguagesWithoutQmlErrors) {
    ASSERT_TRUE(PageRenderer::pages().contains(QStringLiteral("HomePage")));
    ASSERT_TRUE(PageRenderer::pages().contains(QStringLiteral("SettingsPage")));
    for (const QString& language : ui.language.available()) {
        ASSERT_TRUE(ui.language.setLanguage(language));
        for (const QString& page : PageRenderer::pages()) {
            auto image = ui.renderer->render(page, QSize(1024, 600));
            ASSERT_TRUE(image.ok()) << qPrintable(page + ": " + image.error().message);
            EXPECT_EQ(image->size(), QSize(1024, 600));
            const QImage rgb = image->convertToFormat(QImage::Format_RGB32);
            // The status bar is drawn across the top in its theme colour...
            EXPECT_EQ(QColor(rgb.pixel(2, 2)), QColor(QStringLiteral("#1d2330"))) << qPrintable(page);
            // ...and the page has content: a failed render is one flat colour, text and tiles give many.
            QSet<QRgb> colours;
            for (int y = 0; y < rgb.height(); y += 3)
                for (int x = 0; x < rgb.width(); x += 3) colours.insert(rgb.pixel(x, y));
            EXPECT_GT(colours.size(), 20) << qPrintable(page);
        }
    }
}

TEST_F(PageRendererTest, UnknownPageIsRefusedWithTheListOfPages) {
    auto window = ui.renderer->createWindow(QStringLiteral("NoSuchPage"));
    ASSERT_FALSE(window.ok());
    EXPECT_EQ(window.error().code, QStringLiteral("ui.no_such_page"));
    EXPECT_TRUE(window.error().message.contains(QStringLiteral("HomePage")));
}

TEST_F(PageRendererTest, ChineseIsTheDefaultAndEnglishIsSwitchedAtRunTime) {
    QQuickWindow* window = show(QStringLiteral("HomePage"));
    ASSERT_TRUE(window);
    EXPECT_EQ(textOf(window, QStringLiteral("tileSettings")), QStringLiteral("设置"));

    ASSERT_TRUE(ui.language.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();

    EXPECT_EQ(textOf(window, QStringLiteral("tileSettings")), QStringLiteral("Settings"));
    EXPECT_EQ(textOf(window, QStringLiteral("statusPerson")), QStringLiteral("Not signed in"));
}

TEST_F(PageRendererTest, StatusBarFollowsNetworkAndSync) {
    QQuickWindow* window = show(QStringLiteral("HomePage"));
    ASSERT_TRUE(window);
    EXPECT_EQ(textOf(window, QStringLiteral("statusNetwork")), QStringLiteral("离线"));
    EXPECT_EQ(textOf(window, QStringLiteral("statusSync")), QStringLiteral("已全部同步"));
    EXPECT_EQ(textOf(window, QStringLiteral("statusPerson")), QStringLiteral("未登录"));

    ui.appState.setNetworkOnline(true);
    store::SyncSnapshot sync;
    sync.pending = 3;
    sync.oldestPending = ui.syncClock->nowUtc();
    ui.syncStatus.setSnapshot(sync);

    EXPECT_EQ(textOf(window, QStringLiteral("statusNetwork")), QStringLiteral("在线"));
    EXPECT_EQ(textOf(window, QStringLiteral("statusSync")), QStringLiteral("3 条记录待同步"));
}

// The person on the status bar and the checkout tile once someone signs in through the real Session service on an
// activated terminal: tst_signin_pages (ClerkSignsInWithEmployeeNumberAndSignsOut).
TEST_F(PageRendererTest, CheckoutWaitsForASignedInPersonButSettingsDoNot) {
    QQuickWindow* window = show(QStringLiteral("HomePage"));
    ASSERT_TRUE(window);
    QObject* checkout = findByName(window, QStringLiteral("tileCheckout"));
    ASSERT_TRUE(checkout);
    EXPECT_FALSE(checkout->property("enabled").toBool());
    EXPECT_TRUE(findByName(window, QStringLiteral("tileSettings"))->property("enabled").toBool());
}

TEST_F(PageRendererTest, TappingSettingsOpensSettingsAndBackReturnsHome) {
    QQuickWindow* window = show(QStringLiteral("HomePage"));
    ASSERT_TRUE(window);
    ASSERT_EQ(currentPage(window), QStringLiteral("homePage"));

    ASSERT_TRUE(tap(window, QStringLiteral("tileSettings")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return currentPage(window) == QStringLiteral("settingsPage"); }, 5000));
    EXPECT_EQ(currentPage(window), QStringLiteral("settingsPage"));
    EXPECT_EQ(textOf(window, QStringLiteral("deviceSerial")), QStringLiteral("FP-TEST-0001"));

    // The push transition runs first; the back button is enabled once the settings page is on the stack.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return findByName(window, QStringLiteral("backButton"))->property("enabled").toBool(); }, 5000));
    ASSERT_TRUE(tap(window, QStringLiteral("backButton")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return currentPage(window) == QStringLiteral("homePage"); }, 5000));
    EXPECT_EQ(currentPage(window), QStringLiteral("homePage"));
}

TEST_F(PageRendererTest, LanguageButtonsOnTheSettingsPageSwitchTheLanguage) {
    QQuickWindow* window = show(QStringLiteral("SettingsPage"));
    ASSERT_TRUE(window);

    ASSERT_TRUE(tap(window, QStringLiteral("languageEn")));
    EXPECT_EQ(ui.language.language(), QStringLiteral("en"));

    ASSERT_TRUE(tap(window, QStringLiteral("languageZh")));
    EXPECT_EQ(ui.language.language(), QStringLiteral("zh_CN"));
}

TEST_F(PageRendererTest, SingleScreenShowsTheCustomerDisplayAsAPreviewPane) {
    QQuickWindow* window = show(QStringLiteral("HomePage"));
    ASSERT_TRUE(window);
    QObject* pane = findByName(window, QStringLiteral("customerDisplayPane"));
    ASSERT_TRUE(pane);
    EXPECT_TRUE(pane->property("visible").toBool());
    EXPECT_FALSE(window->property("customerWindowShown").toBool());
}

TEST_F(PageRendererTest, PreviewPaneShowsMemberDiscountsAndThePayable) {
    QQuickWindow* window = show(QStringLiteral("HomePage"));
    ASSERT_TRUE(window);

    ui.customerDisplay.showAmount(3000);
    ui.customerDisplay.addDiscount(QStringLiteral("满20减5"), 500);
    ui.customerDisplay.setMember(QStringLiteral("张伟"), QStringLiteral("金卡"));
    ASSERT_TRUE(ui.renderer->waitForFrame(window).ok());

    QObject* payable = findByName(window, QStringLiteral("customerPayable"));
    ASSERT_TRUE(payable);
    EXPECT_TRUE(payable->property("visible").toBool());
    EXPECT_EQ(textOf(window, QStringLiteral("customerPayable")), QStringLiteral("¥25.00"));
    EXPECT_EQ(textOf(window, QStringLiteral("customerAmount")), QStringLiteral("¥30.00"));
    EXPECT_TRUE(textOf(window, QStringLiteral("customerMember")).contains(QStringLiteral("张伟")));
    EXPECT_EQ(findByName(window, QStringLiteral("customerDiscounts"))->property("count").toInt(), 1);
    EXPECT_FALSE(findByName(window, QStringLiteral("customerWelcome"))->property("visible").toBool());
}

TEST(PageRendererErrors, MissingWindowFileIsReportedByName) {
    UiHarness ui;
    QTemporaryDir dir;
    const QUrl missing = QUrl::fromLocalFile(dir.filePath(QStringLiteral("Main.qml")));
    PageRenderer renderer(*ui.engine, missing);

    auto window = renderer.createWindow(QStringLiteral("HomePage"));

    ASSERT_FALSE(window.ok());
    EXPECT_EQ(window.error().code, QStringLiteral("ui.load_failed"));
    EXPECT_TRUE(window.error().message.contains(dir.filePath(QStringLiteral("Main.qml"))))
        << qPrintable(window.error().message);
}

TEST(PageRendererErrors, BrokenQmlIsReportedWithFileAndLine) {
    UiHarness ui;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Main.qml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        "import QtQuick\n"
        "import QtQuick.Window\n"
        "Window {\n"
        "    property string startPage\n"
        "    Component.onCompleted: undefinedFunction()\n"
        "}\n");
    file.close();
    PageRenderer renderer(*ui.engine, QUrl::fromLocalFile(path));

    auto window = renderer.createWindow(QStringLiteral("HomePage"));

    ASSERT_FALSE(window.ok());
    EXPECT_EQ(window.error().code, QStringLiteral("ui.qml_warning"));
    EXPECT_TRUE(window.error().message.contains(path + QStringLiteral(":5"))) << qPrintable(window.error().message);
}
