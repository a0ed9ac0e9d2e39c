// Issue 5 end to end through the real pages against the sandbox: Settings → My store → Store details → Clerks for
// the merchant (list from the backend and from the cache, create, disable / enable, reset password, bad input), and
// the shift pages (open with a float, the handover report with every number checked on screen, in the stored row,
// in the outbox, on the sandbox and on paper; the next clerk opens a new shift).
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include "app/backend/backend_client.h"
#include "app/session/session_messages.h"
#include "app/store/order_store.h"
#include "drivers/printer/simulated_transport.h"
#include "store_terminal.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;

namespace {

const QString kClerkCount = QStringLiteral("SELECT count(*) FROM clerks WHERE merchant_no = '88001234'");

class StorePagesTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto started = StoreTerminal::start();
        ASSERT_TRUE(started.ok()) << qPrintable(started.error().message);
        t = std::move(started).value();
    }

    UiHarness& ui() { return t->ui(); }

    // Settings → My store → Store details → Clerks, tapped like a finger would.
    void openClerksFromSettings() {
        ASSERT_TRUE(t->show(QStringLiteral("SettingsPage"))) << qPrintable(t->lastError());
        ASSERT_TRUE(t->isEnabled(QStringLiteral("openMyStore")));
        ASSERT_TRUE(t->tap(QStringLiteral("openMyStore")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("myStorePage")));
        ASSERT_TRUE(t->tap(QStringLiteral("openStoreDetails")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("storeDetailsPage")));
        ASSERT_TRUE(t->tap(QStringLiteral("openClerks")));
        ASSERT_TRUE(t->waitForPage(QStringLiteral("clerksPage")));
        ASSERT_TRUE(t->waitFor([this] { return !ui().clerks->busy(); }));
    }

    bool waitIdle() {
        return t->waitFor([this] { return !ui().clerks->busy(); });
    }

    // Fills the create form and taps "Create"; waits for the answer.
    void createThroughForm(const QString& number, const QString& name, const QString& password,
                           const QString& confirmation) {
        if (!t->isVisible(QStringLiteral("clerkCreateForm"))) {
            ASSERT_TRUE(t->tap(QStringLiteral("clerkCreateOpen")));
        }
        ASSERT_TRUE(t->isVisible(QStringLiteral("clerkCreateForm")));
        ASSERT_TRUE(t->setText(QStringLiteral("clerkEmployeeNo"), number));
        ASSERT_TRUE(t->setText(QStringLiteral("clerkNameField"), name));
        ASSERT_TRUE(t->setText(QStringLiteral("clerkPassword"), password));
        ASSERT_TRUE(t->setText(QStringLiteral("clerkPasswordConfirm"), confirmation));
        ASSERT_TRUE(t->tap(QStringLiteral("clerkCreateSubmit")));
        ASSERT_TRUE(waitIdle());
    }

    QString clerkStatus(const QString& number) const { return t->text(QStringLiteral("clerkStatus_") + number); }

    // A view's `count`; -1 when there is no such item.
    int countOf(const QString& name) const {
        QObject* view = t->item(name);
        return view ? view->property("count").toInt() : -1;
    }

    bool highlighted(const QString& name) const {
        QObject* object = t->item(name);
        return object && object->property("highlighted").toBool();
    }

    std::unique_ptr<StoreTerminal> t;
};

}  // namespace

TEST_F(StorePagesTest, MerchantReachesClerksThroughSettingsAndSeesTheBackendsList) {
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    ASSERT_TRUE(t->show(QStringLiteral("SettingsPage")));
    EXPECT_TRUE(t->isEnabled(QStringLiteral("openMyStore")));
    ASSERT_TRUE(t->tap(QStringLiteral("openMyStore")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("myStorePage")));
    EXPECT_EQ(t->text(QStringLiteral("myStoreName")), QStringLiteral("示例便利店 人民路店"));
    ASSERT_TRUE(t->tap(QStringLiteral("openStoreDetails")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("storeDetailsPage")));

    EXPECT_EQ(t->text(QStringLiteral("storeDetailsName")), QStringLiteral("示例便利店 人民路店"));
    EXPECT_EQ(t->text(QStringLiteral("storeDetailsNo")), QStringLiteral("S01"));
    EXPECT_EQ(t->text(QStringLiteral("storeDetailsMerchant")), QStringLiteral("示例便利店"));
    EXPECT_EQ(t->text(QStringLiteral("storeDetailsMerchantNo")), QStringLiteral("88001234"));
    EXPECT_TRUE(t->text(QStringLiteral("storeDetailsDevice")).startsWith(QStringLiteral("FP-TEST-0001")));

    ASSERT_TRUE(t->tap(QStringLiteral("openClerks")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("clerksPage")));
    ASSERT_TRUE(
        t->waitFor([this] { return t->item(QStringLiteral("clerk_1003")) != nullptr && !ui().clerks->busy(); }));

    EXPECT_FALSE(ui().clerks->fromCache());
    EXPECT_FALSE(t->isVisible(QStringLiteral("clerksCacheNotice")));
    EXPECT_EQ(countOf(QStringLiteral("clerkList")), 2);
    EXPECT_EQ(t->text(QStringLiteral("clerkName_1001")), QStringLiteral("李娜"));
    EXPECT_EQ(t->text(QStringLiteral("clerkName_1003")), QStringLiteral("赵强"));
    EXPECT_EQ(clerkStatus(QStringLiteral("1001")), QStringLiteral("在用"));
    EXPECT_EQ(t->text(QStringLiteral("clerkToggle_1001")), QStringLiteral("停用"));
}

TEST_F(StorePagesTest, ACreatedClerkIsListedAndCanSignIn) {
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    openClerksFromSettings();

    createThroughForm(QStringLiteral("1002"), QStringLiteral("王芳"), QStringLiteral("246810"),
                      QStringLiteral("246810"));

    EXPECT_TRUE(ui().clerks->errorCode().isEmpty()) << qPrintable(ui().clerks->errorText());
    ASSERT_TRUE(t->waitFor([this] { return t->item(QStringLiteral("clerk_1002")) != nullptr; }));
    EXPECT_EQ(t->text(QStringLiteral("clerkName_1002")), QStringLiteral("王芳"));
    EXPECT_EQ(clerkStatus(QStringLiteral("1002")), QStringLiteral("在用"));
    EXPECT_FALSE(t->isVisible(QStringLiteral("clerkCreateForm")));
    EXPECT_TRUE(t->text(QStringLiteral("clerksNotice")).contains(QStringLiteral("1002")));
    EXPECT_EQ(t->sandboxCount(kClerkCount), 3);
    // Kept in the cache with the others.
    EXPECT_EQ(ui().database->queryInt64(QStringLiteral("SELECT count(*) FROM clerks_cache"))->value_or(0), 3);

    t->signOut();
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1002"), QStringLiteral("246810"))) << qPrintable(t->lastError());
    EXPECT_EQ(ui().session->operatorId(), QStringLiteral("C1002"));
    EXPECT_EQ(ui().session->displayName(), QStringLiteral("王芳"));
}

TEST_F(StorePagesTest, ADisabledClerkIsRefusedUntilEnabledAndAResetPasswordReplacesTheOldOne) {
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    openClerksFromSettings();

    // Disable 1001.
    ASSERT_TRUE(t->tap(QStringLiteral("clerkToggle_1001")));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(clerkStatus(QStringLiteral("1001")), QStringLiteral("已停用"));
    EXPECT_EQ(t->text(QStringLiteral("clerkToggle_1001")), QStringLiteral("启用"));
    EXPECT_EQ(t->sandboxCount(QStringLiteral("SELECT disabled FROM clerks WHERE employee_no = '1001'")), 1);

    t->signOut();
    EXPECT_FALSE(t->signInClerk(QStringLiteral("1001"), QStringLiteral("135790")));
    EXPECT_EQ(ui().session->errorCode(), QStringLiteral("api.CLERK_DISABLED"));
    backend::BackendError disabled;
    disabled.kind = QStringLiteral("api.CLERK_DISABLED");
    EXPECT_EQ(ui().session->errorText(), session::Messages::forError(disabled));

    // Enable again, then reset the password.
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    openClerksFromSettings();
    EXPECT_EQ(clerkStatus(QStringLiteral("1001")), QStringLiteral("已停用"));
    ASSERT_TRUE(t->tap(QStringLiteral("clerkToggle_1001")));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(clerkStatus(QStringLiteral("1001")), QStringLiteral("在用"));

    ASSERT_TRUE(t->tap(QStringLiteral("clerkReset_1001")));
    ASSERT_TRUE(t->isVisible(QStringLiteral("clerkResetForm")));
    EXPECT_EQ(t->text(QStringLiteral("clerkResetTitle")), QStringLiteral("为 李娜（1001）设置新密码"));
    ASSERT_TRUE(t->setText(QStringLiteral("clerkResetPassword"), QStringLiteral("864209")));
    ASSERT_TRUE(t->setText(QStringLiteral("clerkResetConfirm"), QStringLiteral("864209")));
    ASSERT_TRUE(t->tap(QStringLiteral("clerkResetSubmit")));
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(ui().clerks->errorCode().isEmpty()) << qPrintable(ui().clerks->errorText());
    EXPECT_FALSE(t->isVisible(QStringLiteral("clerkResetForm")));
    EXPECT_EQ(t->text(QStringLiteral("clerksNotice")), QStringLiteral("店员 1001 的密码已重置。"));

    t->signOut();
    EXPECT_FALSE(t->signInClerk(QStringLiteral("1001"), QStringLiteral("135790")));
    EXPECT_EQ(ui().session->errorCode(), QStringLiteral("api.BAD_CREDENTIALS"));
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1001"), QStringLiteral("864209"))) << qPrintable(t->lastError());
}

TEST_F(StorePagesTest, BadInputInTheClerkFormsShowsAMessageAndSendsNothing) {
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    openClerksFromSettings();
    QSignalSpy finished(ui().clerks.get(), &session::ClerkManager::finished);

    // What ClerkManager refuses before sending (its own words, in the UI language), and what the page refuses before
    // asking it (the confirmation).
    struct Case {
        QString number, name, password, confirmation;
        bool service;
    };
    const QList<Case> cases{
        {{}, {}, {}, {}, true},
        {QStringLiteral("1002"), {}, QStringLiteral("246810"), QStringLiteral("246810"), true},
        {QStringLiteral("10a2"), QStringLiteral("王芳"), QStringLiteral("246810"), QStringLiteral("246810"), true},
        {QStringLiteral("1002"), QStringLiteral("王芳"), QStringLiteral("2468"), QStringLiteral("2468"), true},
        {QStringLiteral("1002"), QStringLiteral("王芳"), QStringLiteral("246810"), QStringLiteral("246801"), false},
    };
    QStringList serviceMessages;
    for (const Case& c : cases) {
        SCOPED_TRACE(qPrintable(c.number + QLatin1Char('/') + c.name + QLatin1Char('/') + c.password));
        createThroughForm(c.number, c.name, c.password, c.confirmation);
        EXPECT_TRUE(t->isVisible(QStringLiteral("clerkCreateForm")));
        EXPECT_TRUE(t->isVisible(QStringLiteral("clerkFormError")));
        if (c.service) {
            EXPECT_EQ(ui().clerks->errorCode(), QStringLiteral("clerks.invalid"));
            EXPECT_FALSE(ui().clerks->errorText().isEmpty());
            EXPECT_EQ(t->text(QStringLiteral("clerkFormError")), ui().clerks->errorText());
            serviceMessages << ui().clerks->errorText();
        } else {
            EXPECT_EQ(t->text(QStringLiteral("clerkFormError")), QStringLiteral("两次输入的密码不一致，请重新输入。"));
        }
    }
    // Each mistake has its own words: empty fields (twice), the employee number, the password's length.
    EXPECT_EQ(serviceMessages.size(), 4);
    EXPECT_EQ(serviceMessages.value(0), serviceMessages.value(1));
    EXPECT_NE(serviceMessages.value(1), serviceMessages.value(2));
    EXPECT_NE(serviceMessages.value(2), serviceMessages.value(3));
    // Four refused by ClerkManager before sending, the mismatch by the page before asking it.
    EXPECT_EQ(finished.count(), 4);
    for (const QList<QVariant>& signal : finished) EXPECT_FALSE(signal.at(1).toBool());
    EXPECT_EQ(t->sandboxCount(kClerkCount), 2);
    EXPECT_EQ(countOf(QStringLiteral("clerkList")), 2);

    // The reset form: a short password, then a mismatch; the old password still works.
    ASSERT_TRUE(t->tap(QStringLiteral("clerkCreateCancel")));
    EXPECT_FALSE(t->isVisible(QStringLiteral("clerkCreateForm")));
    ASSERT_TRUE(t->tap(QStringLiteral("clerkReset_1003")));
    ASSERT_TRUE(t->setText(QStringLiteral("clerkResetPassword"), QStringLiteral("123")));
    ASSERT_TRUE(t->setText(QStringLiteral("clerkResetConfirm"), QStringLiteral("123")));
    ASSERT_TRUE(t->tap(QStringLiteral("clerkResetSubmit")));
    EXPECT_EQ(ui().clerks->errorCode(), QStringLiteral("clerks.invalid"));
    EXPECT_EQ(t->text(QStringLiteral("clerkResetError")), serviceMessages.value(3));
    ASSERT_TRUE(t->setText(QStringLiteral("clerkResetPassword"), QStringLiteral("555666")));
    ASSERT_TRUE(t->setText(QStringLiteral("clerkResetConfirm"), QStringLiteral("555667")));
    ASSERT_TRUE(t->tap(QStringLiteral("clerkResetSubmit")));
    EXPECT_EQ(t->text(QStringLiteral("clerkResetError")), QStringLiteral("两次输入的密码不一致，请重新输入。"));
    EXPECT_TRUE(t->isVisible(QStringLiteral("clerkResetForm")));
    t->signOut();
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1003"), QStringLiteral("112233"))) << qPrintable(t->lastError());
}

TEST_F(StorePagesTest, WithoutTheBackendTheCachedListIsShownWithTheTimeItWasFetched) {
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    openClerksFromSettings();
    ASSERT_FALSE(ui().clerks->fromCache());
    const QDateTime fetched = ui().clerks->fetchedAt();

    t->server().stop();
    ASSERT_TRUE(t->tap(QStringLiteral("clerksRefresh")));
    ASSERT_TRUE(waitIdle());

    EXPECT_TRUE(ui().clerks->fromCache());
    EXPECT_EQ(ui().clerks->errorCode(), QStringLiteral("transport.not_sent"));
    EXPECT_TRUE(t->isVisible(QStringLiteral("clerksCacheNotice")));
    const QString stamp = fetched.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    EXPECT_EQ(t->text(QStringLiteral("clerksCacheNotice")),
              QStringLiteral("无法连接后台：以下是 %1 保存的名单。修改需要联网。").arg(stamp));
    EXPECT_TRUE(t->isVisible(QStringLiteral("clerksError")));
    EXPECT_EQ(t->text(QStringLiteral("clerksError")), ui().clerks->errorText());
    EXPECT_EQ(countOf(QStringLiteral("clerkList")), 2);
    EXPECT_EQ(t->text(QStringLiteral("clerkName_1001")), QStringLiteral("李娜"));
    // Changes need the backend: the buttons say so by being off.
    EXPECT_FALSE(t->isEnabled(QStringLiteral("clerkToggle_1001")));
    EXPECT_FALSE(t->isEnabled(QStringLiteral("clerkReset_1001")));
}

TEST_F(StorePagesTest, AClerkCannotOpenClerkManagement) {
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1003"), QStringLiteral("112233"))) << qPrintable(t->lastError());
    ASSERT_TRUE(t->show(QStringLiteral("SettingsPage")));
    EXPECT_FALSE(t->isEnabled(QStringLiteral("openMyStore")));
    EXPECT_EQ(t->text(QStringLiteral("myStoreHint")),
              QStringLiteral("门店与店员只由商户管理：请用商户账号登录后打开。"));
    EXPECT_FALSE(t->tap(QStringLiteral("openMyStore")) && t->currentPage() == QStringLiteral("myStorePage"));

    // Even when the page is reached some other way, it shows nothing and offers nothing.
    ASSERT_TRUE(t->show(QStringLiteral("ClerksPage")));
    EXPECT_TRUE(t->isVisible(QStringLiteral("clerksNotMerchant")));
    EXPECT_FALSE(t->isEnabled(QStringLiteral("clerkCreateOpen")));
    EXPECT_FALSE(t->isEnabled(QStringLiteral("clerksRefresh")));
    EXPECT_EQ(countOf(QStringLiteral("clerkList")), 0);
    // And the service refuses it too.
    ui().clerks->create(QStringLiteral("1009"), QStringLiteral("张三"), QStringLiteral("246810"));
    EXPECT_EQ(ui().clerks->errorCode(), QStringLiteral("clerks.not_merchant"));
    EXPECT_EQ(t->sandboxCount(kClerkCount), 2);
}

namespace {

// A paid wallet sale as checkout makes it: the order committed first, charged through quick_pay with the sandbox's
// always-successful test code, then finished with the platform's numbers.
store::OrderRecord walletSale(UiHarness& ui, StoreTerminal& t, const QString& channel, qint64 fee,
                              const QString& code) {
    store::NewOrder order;
    order.channel = channel;
    order.totalFee = fee;
    order.operatorId = ui.session->operatorId();
    order.shiftNo = ui.shift->shiftNo();
    auto created = ui.orders->createOrder(order);
    EXPECT_TRUE(created.ok());
    if (!created) return {};
    EXPECT_TRUE(ui.orders->markPaying(created->mchOrderNo).ok());
    backend::QuickPayRequest request;
    request.mchOrderNo = created->mchOrderNo;
    request.totalFee = fee;
    request.channel = channel;
    request.authCode = code;
    request.operatorId = order.operatorId;
    request.shiftNo = order.shiftNo;
    std::optional<backend::BackendResult<backend::OrderInfo>> answer;
    ui.backend->quickPay(request, [&](backend::BackendResult<backend::OrderInfo> r) { answer.emplace(std::move(r)); });
    EXPECT_TRUE(t.waitFor([&] { return answer.has_value(); }));
    if (!answer || !answer->ok()) {
        ADD_FAILURE() << "quick_pay: " << (answer ? qPrintable(answer->error().message) : "no answer");
        return {};
    }
    EXPECT_EQ(answer->value().tradeState, QStringLiteral("SUCCESS"));
    store::OrderOutcome outcome;
    outcome.platformOrderNo = answer->value().platformOrderNo;
    outcome.channelOrderNo = answer->value().channelOrderNo;
    auto finished = ui.orders->finishOrder(created->mchOrderNo, outcome);
    EXPECT_TRUE(finished.ok());
    return finished.ok() ? finished.value() : store::OrderRecord{};
}

store::OrderRecord cashSale(UiHarness& ui, qint64 total, qint64 voucher, qint64 received) {
    store::NewOrder order;
    order.channel = QStringLiteral("cash");
    order.totalFee = total;
    order.discountFee = voucher;
    order.voucherDeductFee = voucher;
    if (voucher > 0) order.voucherNos = {QStringLiteral("V2411000789")};
    order.operatorId = ui.session->operatorId();
    order.shiftNo = ui.shift->shiftNo();
    auto sale = ui.orders->recordCashSale(order, store::CashTender{received});
    EXPECT_TRUE(sale.ok()) << (sale.ok() ? "" : qPrintable(sale.error().message));
    return sale.ok() ? sale.value() : store::OrderRecord{};
}

}  // namespace

TEST_F(StorePagesTest, AShiftOpensWithAFloatAndClosesWithAReportWhoseNumbersAddUp) {
    // GIVEN clerk 1001 signed in, on the shift page from the home screen.
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(t->lastError());
    ASSERT_TRUE(t->show(QStringLiteral("HomePage")));
    ASSERT_TRUE(t->tap(QStringLiteral("tileShift")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("shiftPage")));
    ASSERT_TRUE(t->isVisible(QStringLiteral("shiftOpenForm")));

    // WHEN the shift opens with ¥500.00 in the drawer.
    ASSERT_TRUE(t->setText(QStringLiteral("openingFloat"), QStringLiteral("500")));
    ASSERT_TRUE(t->tap(QStringLiteral("openShiftButton")));
    ASSERT_TRUE(ui().shift->isOpen()) << qPrintable(ui().shift->errorText());
    const QString shiftNo = ui().shift->shiftNo();
    EXPECT_TRUE(shiftNo.startsWith(QStringLiteral("A00123-S"))) << qPrintable(shiftNo);
    EXPECT_TRUE(t->isVisible(QStringLiteral("shiftCurrent")));
    EXPECT_EQ(t->text(QStringLiteral("shiftNoText")), shiftNo);
    EXPECT_EQ(t->text(QStringLiteral("shiftOperator")), QStringLiteral("李娜 (C1001)"));
    EXPECT_EQ(t->text(QStringLiteral("shiftFloat")), QStringLiteral("¥500.00"));
    EXPECT_EQ(ui().shift->openingCashFee(), 50000);

    // AND the shift sells: WeChat ¥61.80 and Alipay ¥152.40 charged on the sandbox, cash ¥23.50 and ¥15.00 with a
    // ¥3.00 voucher (¥12.00 paid), one declined WeChat sale, a ¥10.00 WeChat refund authorised by the merchant's
    // password on the terminal, and a ¥5.00 cash refund from the drawer.
    const store::OrderRecord wechat =
        walletSale(ui(), *t, QStringLiteral("wechat"), 6180, QStringLiteral("134000000000000000"));
    walletSale(ui(), *t, QStringLiteral("alipay"), 15240, QStringLiteral("284000000000000000"));
    const store::OrderRecord cash = cashSale(ui(), 2350, 0, 5000);
    cashSale(ui(), 1500, 300, 1200);
    {
        store::NewOrder declined;
        declined.channel = QStringLiteral("wechat");
        declined.totalFee = 999;
        declined.operatorId = ui().session->operatorId();
        declined.shiftNo = shiftNo;
        auto created = ui().orders->createOrder(declined);
        ASSERT_TRUE(created.ok());
        store::OrderOutcome failed;
        failed.status = store::OrderStatus::Failed;
        ASSERT_TRUE(ui().orders->finishOrder(created->mchOrderNo, failed).ok());
    }
    backend::RefundRequest refund;
    refund.mchOrderNo = wechat.mchOrderNo;
    refund.mchRefundNo =
        QStringLiteral("A00123R") + QDateTime::currentDateTime().toString(QStringLiteral("yyMMddHHmmss"));
    refund.refundFee = 1000;
    refund.totalFee = 6180;
    refund.operatorId = QStringLiteral("C1001");
    refund.reason = QStringLiteral("退货 1 件");
    refund.merchantPassword = QString::fromLatin1(StoreTerminal::kMerchantPassword);
    std::optional<backend::BackendResult<backend::RefundInfo>> refunded;
    ui().backend->refund(refund,
                         [&](backend::BackendResult<backend::RefundInfo> r) { refunded.emplace(std::move(r)); });
    ASSERT_TRUE(t->waitFor([&] { return refunded.has_value(); }, 30000));
    ASSERT_TRUE(refunded->ok()) << qPrintable(refunded->error().message);
    ASSERT_EQ(refunded->value().refundState, QStringLiteral("SUCCESS"));
    store::RefundRecord wechatRefund;
    wechatRefund.mchRefundNo = refund.mchRefundNo;
    wechatRefund.mchOrderNo = wechat.mchOrderNo;
    wechatRefund.refundFee = 1000;
    wechatRefund.status = QStringLiteral("SUCCESS");
    wechatRefund.operatorId = QStringLiteral("C1001");
    wechatRefund.authorisedBy = QStringLiteral("M88001234");
    wechatRefund.platformRefundNo = refunded->value().platformRefundNo;
    ASSERT_TRUE(ui().orders->recordRefund(wechatRefund).ok());
    store::RefundRecord cashRefund;
    cashRefund.mchRefundNo = refund.mchRefundNo + QStringLiteral("C");
    cashRefund.mchOrderNo = cash.mchOrderNo;
    cashRefund.refundFee = 500;
    cashRefund.status = QStringLiteral("SUCCESS");
    cashRefund.operatorId = QStringLiteral("C1001");
    cashRefund.authorisedBy = QStringLiteral("M88001234");
    ASSERT_TRUE(ui().orders->recordRefund(cashRefund).ok());
    // Every order of the shift names its cashier and the shift.
    EXPECT_EQ(
        ui().database
            ->queryInt64(QStringLiteral("SELECT count(*) FROM orders WHERE operator_id = 'C1001' AND shift_no = ?"),
                         {shiftNo})
            ->value_or(0),
        5);

    // AND ¥530.00 is counted: expected 500.00 + 23.50 + 12.00 − 5.00 = 530.50, so ¥0.50 short.
    ASSERT_TRUE(t->setText(QStringLiteral("countedCash"), QStringLiteral("530.00")));
    ASSERT_TRUE(t->tap(QStringLiteral("closeShiftButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("shiftReportPage")));

    // THEN the report on screen, before the close is confirmed.
    auto checkScreen = [this](const QString& when) {
        SCOPED_TRACE(qPrintable(when));
        EXPECT_EQ(t->text(QStringLiteral("reportChannel_wechat")), QStringLiteral("微信支付"));
        EXPECT_EQ(t->text(QStringLiteral("reportCount_wechat")), QStringLiteral("1"));
        EXPECT_EQ(t->text(QStringLiteral("reportAmount_wechat")), QStringLiteral("¥61.80"));
        EXPECT_EQ(t->text(QStringLiteral("reportChannel_alipay")), QStringLiteral("支付宝"));
        EXPECT_EQ(t->text(QStringLiteral("reportCount_alipay")), QStringLiteral("1"));
        EXPECT_EQ(t->text(QStringLiteral("reportAmount_alipay")), QStringLiteral("¥152.40"));
        EXPECT_EQ(t->text(QStringLiteral("reportChannel_cash")), QStringLiteral("现金"));
        EXPECT_EQ(t->text(QStringLiteral("reportCount_cash")), QStringLiteral("2"));
        EXPECT_EQ(t->text(QStringLiteral("reportAmount_cash")), QStringLiteral("¥35.50"));
        EXPECT_EQ(t->item(QStringLiteral("reportChannel_face")), nullptr);
        EXPECT_EQ(t->text(QStringLiteral("reportOrderCount")), QStringLiteral("4"));
        EXPECT_EQ(t->text(QStringLiteral("reportPaidTotal")), QStringLiteral("¥249.70"));
        EXPECT_EQ(t->text(QStringLiteral("reportRefunds")), QStringLiteral("2 笔  ¥15.00"));
        EXPECT_EQ(t->text(QStringLiteral("reportVouchers")), QStringLiteral("1 单  ¥3.00"));
        EXPECT_EQ(t->text(QStringLiteral("reportOpeningCash")), QStringLiteral("¥500.00"));
        EXPECT_EQ(t->text(QStringLiteral("reportExpectedCash")), QStringLiteral("¥530.50"));
        EXPECT_EQ(t->text(QStringLiteral("reportCountedCash")), QStringLiteral("¥530.00"));
        EXPECT_EQ(t->text(QStringLiteral("reportCashDiff")), QStringLiteral("-¥0.50"));
        EXPECT_TRUE(highlighted(QStringLiteral("reportCashDiff")));
    };
    checkScreen(QStringLiteral("preview"));
    EXPECT_TRUE(ui().shift->isOpen());
    EXPECT_TRUE(t->isVisible(QStringLiteral("confirmClose")));

    // WHEN the handover is confirmed.
    ASSERT_TRUE(t->tap(QStringLiteral("confirmClose")));
    ASSERT_FALSE(ui().shift->isOpen()) << qPrintable(ui().shift->errorText());
    checkScreen(QStringLiteral("closed"));
    EXPECT_TRUE(t->isVisible(QStringLiteral("reprintReport")));
    EXPECT_EQ(t->text(QStringLiteral("reportShiftNo")), shiftNo);
    EXPECT_EQ(t->text(QStringLiteral("reportOperator")), QStringLiteral("李娜 (C1001)"));

    // THEN ShiftReport holds the same numbers.
    const session::ShiftReport& r = ui().shift->lastShiftReport();
    EXPECT_EQ(r.shiftNo, shiftNo);
    EXPECT_EQ(r.operatorId, QStringLiteral("C1001"));
    EXPECT_EQ(r.orderCount, 4);
    ASSERT_EQ(r.totals.size(), 3);
    EXPECT_EQ(r.totals[0].channel, QStringLiteral("wechat"));
    EXPECT_EQ(r.totals[0].count, 1);
    EXPECT_EQ(r.totals[0].totalFee, 6180);
    EXPECT_EQ(r.totals[1].channel, QStringLiteral("alipay"));
    EXPECT_EQ(r.totals[1].totalFee, 15240);
    EXPECT_EQ(r.totals[2].channel, QStringLiteral("cash"));
    EXPECT_EQ(r.totals[2].count, 2);
    EXPECT_EQ(r.totals[2].totalFee, 3550);
    EXPECT_EQ(r.refundCount, 2);
    EXPECT_EQ(r.refundFee, 1500);
    EXPECT_EQ(r.voucherCount, 1);
    EXPECT_EQ(r.voucherDeductFee, 300);
    EXPECT_EQ(r.openingCashFee, 50000);
    EXPECT_EQ(r.expectedCashFee, 53050);
    EXPECT_EQ(r.countedCashFee, 53000);
    EXPECT_EQ(r.cashDiffFee, -50);
    EXPECT_TRUE(r.printed);

    // AND the stored row, and the shift_close queued for the backend, carry it.
    const QJsonObject expectedJson = r.toJson();
    auto stored = ui().database->prepare(
        QStringLiteral("SELECT closed_at IS NOT NULL, counted_cash_fee, report FROM shifts WHERE shift_no = ?"));
    ASSERT_TRUE(stored.ok());
    ASSERT_TRUE(stored->bindAll({shiftNo}).ok());
    ASSERT_TRUE(stored->step().valueOr(false));
    EXPECT_EQ(stored->columnInt64(0), 1);
    EXPECT_EQ(stored->columnInt64(1), 53000);
    EXPECT_EQ(QJsonDocument::fromJson(stored->columnText(2).toUtf8()).object(), expectedJson);
    stored->reset();
    auto queued = ui().database->prepare(QStringLiteral(
        "SELECT payload FROM outbox WHERE call = 'shift_close' AND reference = ? AND state = 'pending'"));
    ASSERT_TRUE(queued.ok());
    ASSERT_TRUE(queued->bindAll({shiftNo}).ok());
    ASSERT_TRUE(queued->step().valueOr(false));
    const QJsonObject call = QJsonDocument::fromJson(queued->columnText(0).toUtf8()).object();
    queued->reset();
    EXPECT_EQ(call.value(QStringLiteral("shift_no")).toString(), shiftNo);
    EXPECT_EQ(call.value(QStringLiteral("operator_id")).toString(), QStringLiteral("C1001"));
    EXPECT_EQ(call.value(QStringLiteral("report")).toObject(), expectedJson);
    EXPECT_EQ(call.value(QStringLiteral("report")).toObject().value(QStringLiteral("cash_diff_fee")).toInteger(), -50);

    // AND the report came out of the (virtual) printer.
    ASSERT_TRUE(t->waitFor([this] { return ui().devices->lastAction() == QStringLiteral("shift_report"); }));
    EXPECT_TRUE(ui().devices->lastActionOk()) << qPrintable(ui().devices->lastActionMessage());
    const QString png = ui().devices->lastActionFile();
    ASSERT_TRUE(QFileInfo::exists(png)) << qPrintable(png);
    EXPECT_FALSE(QImage(png).isNull());
    EXPECT_TRUE(ui().devices->virtualPrinter()->renderWarnings().isEmpty());

    // AND the outbox delivers it: the sandbox has the shift closed, and its own wallet totals agree.
    ASSERT_TRUE(t->startSync());
    ASSERT_TRUE(t->waitFor(
        [&] {
            return ui().database->queryInt64(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"))
                       ->value_or(1) == 0;
        },
        30000));
    EXPECT_EQ(t->sandboxCount(QStringLiteral("SELECT count(*) FROM shifts WHERE shift_no = '%1' AND closed_at IS NOT "
                                             "NULL AND operator_id = 'C1001'")
                                  .arg(shiftNo)),
              1);
    EXPECT_EQ(
        ui().database->queryInt64(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'dead'"))->value_or(-1), 0);
    backend::ShiftRequest again;
    again.shiftNo = shiftNo;
    again.operatorId = call.value(QStringLiteral("operator_id")).toString();
    again.openedAt = call.value(QStringLiteral("opened_at")).toString();
    again.closedAt = call.value(QStringLiteral("closed_at")).toString();
    again.report = call.value(QStringLiteral("report")).toObject();
    std::optional<backend::BackendResult<backend::ShiftReply>> closed;
    ui().backend->shiftClose(
        again, [&](backend::BackendResult<backend::ShiftReply> reply) { closed.emplace(std::move(reply)); });
    ASSERT_TRUE(t->waitFor([&] { return closed.has_value(); }));
    ASSERT_TRUE(closed->ok()) << qPrintable(closed->error().message);
    EXPECT_EQ(closed->value().state, QStringLiteral("closed"));
    EXPECT_FALSE(closed->value().mismatch)
        << qPrintable(QString::fromUtf8(QJsonDocument(closed->value().serverTotals).toJson(QJsonDocument::Compact)));

    // AND the next clerk opens a new shift.
    ASSERT_TRUE(t->tap(QStringLiteral("reportDone")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("shiftPage")));
    t->signOut();
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1003"), QStringLiteral("112233"))) << qPrintable(t->lastError());
    ASSERT_TRUE(t->isVisible(QStringLiteral("shiftOpenForm")));
    ASSERT_TRUE(t->setText(QStringLiteral("openingFloat"), QStringLiteral("530.00")));
    ASSERT_TRUE(t->tap(QStringLiteral("openShiftButton")));
    ASSERT_TRUE(ui().shift->isOpen()) << qPrintable(ui().shift->errorText());
    EXPECT_NE(ui().shift->shiftNo(), shiftNo);
    EXPECT_EQ(ui().shift->operatorId(), QStringLiteral("C1003"));
    EXPECT_EQ(t->text(QStringLiteral("shiftOperator")), QStringLiteral("赵强 (C1003)"));
    EXPECT_EQ(t->text(QStringLiteral("shiftFloat")), QStringLiteral("¥530.00"));
}

TEST_F(StorePagesTest, BadAmountsOnTheShiftPageShowAMessageAndChangeNothing) {
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(t->lastError());
    ASSERT_TRUE(t->show(QStringLiteral("ShiftPage")));
    const QString floatMessage = QStringLiteral("请输入以元为单位、最多两位小数的备用金，例如 500 或 500.00。");
    for (const QString& bad : {QString(), QStringLiteral("abc"), QStringLiteral("12.345"), QStringLiteral("-5"),
                               QStringLiteral("1,000"), QStringLiteral(".5"), QStringLiteral("1e3")}) {
        SCOPED_TRACE(qPrintable(bad));
        ASSERT_TRUE(t->setText(QStringLiteral("openingFloat"), bad));
        ASSERT_TRUE(t->tap(QStringLiteral("openShiftButton")));
        EXPECT_EQ(t->text(QStringLiteral("shiftError")), floatMessage);
        EXPECT_FALSE(ui().shift->isOpen());
    }
    // Above the service's limit: its own message.
    ASSERT_TRUE(t->setText(QStringLiteral("openingFloat"), QStringLiteral("1000000.01")));
    ASSERT_TRUE(t->tap(QStringLiteral("openShiftButton")));
    EXPECT_EQ(ui().shift->errorCode(), QStringLiteral("shift.invalid"));
    EXPECT_EQ(t->text(QStringLiteral("shiftError")), ui().shift->errorText());
    EXPECT_FALSE(ui().shift->isOpen());
    EXPECT_EQ(ui().database->queryInt64(QStringLiteral("SELECT count(*) FROM shifts"))->value_or(-1), 0);
    EXPECT_EQ(
        ui().database->queryInt64(QStringLiteral("SELECT count(*) FROM outbox WHERE call LIKE 'shift%'"))->value_or(-1),
        0);

    // "0.5" is fifty fen; the count of the drawer is checked the same way before any report is shown.
    ASSERT_TRUE(t->setText(QStringLiteral("openingFloat"), QStringLiteral("0.5")));
    ASSERT_TRUE(t->tap(QStringLiteral("openShiftButton")));
    ASSERT_TRUE(ui().shift->isOpen());
    EXPECT_EQ(ui().shift->openingCashFee(), 50);
    ASSERT_TRUE(t->setText(QStringLiteral("countedCash"), QStringLiteral("12.3.4")));
    ASSERT_TRUE(t->tap(QStringLiteral("closeShiftButton")));
    EXPECT_EQ(t->text(QStringLiteral("shiftError")),
              QStringLiteral("请输入以元为单位、最多两位小数的钱箱现金，例如 593.00。"));
    EXPECT_EQ(t->currentPage(), QStringLiteral("shiftPage"));
    EXPECT_TRUE(ui().shift->isOpen());
}

TEST_F(StorePagesTest, AClerkCannotCloseAnotherClerksShiftButTheMerchantCan) {
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) << qPrintable(t->lastError());
    ASSERT_TRUE(ui().shift->openShift(20000));
    t->signOut();
    ASSERT_TRUE(t->signInClerk(QStringLiteral("1003"), QStringLiteral("112233"))) << qPrintable(t->lastError());
    ASSERT_TRUE(t->show(QStringLiteral("ShiftPage")));
    EXPECT_TRUE(t->isVisible(QStringLiteral("shiftCurrent")));
    EXPECT_TRUE(t->isVisible(QStringLiteral("shiftNotYours")));
    EXPECT_FALSE(t->isVisible(QStringLiteral("closeShiftButton")));
    EXPECT_FALSE(ui().shift->closeShift(20000));
    EXPECT_EQ(ui().shift->errorCode(), QStringLiteral("shift.not_yours"));

    t->signOut();
    ASSERT_TRUE(t->signInMerchant()) << qPrintable(t->lastError());
    EXPECT_FALSE(t->isVisible(QStringLiteral("shiftNotYours")));
    ASSERT_TRUE(t->setText(QStringLiteral("countedCash"), QStringLiteral("200")));
    ASSERT_TRUE(t->tap(QStringLiteral("closeShiftButton")));
    ASSERT_TRUE(t->waitForPage(QStringLiteral("shiftReportPage")));
    EXPECT_EQ(t->text(QStringLiteral("reportCashDiff")), QStringLiteral("¥0.00"));
    EXPECT_FALSE(highlighted(QStringLiteral("reportCashDiff")));
    EXPECT_TRUE(t->isVisible(QStringLiteral("reportNoSales")));
    ASSERT_TRUE(t->tap(QStringLiteral("confirmClose")));
    EXPECT_FALSE(ui().shift->isOpen());
    EXPECT_EQ(ui().shift->lastShiftReport().operatorId, QStringLiteral("C1001"));
}
