// facepos-signin-screens OUTPUT_DIR: walks a terminal through activation, sign-in, the lock screen and support's
// unbinding against an in-process sandbox, through the real pages, and saves each screen as it is shown:
// activation, activation-pending, activation-rejected, sign-in, sign-in-merchant-elsewhere, lock, lockout and
// unbinding, each -zh_CN.png, and -en.png for the screens that carry no message from the services (those are written
// in the language the terminal had when they arrived). Times are shown in China Standard Time as on a store's
// terminal.
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QTest>
#include <cstdio>

#include "app/store/outbox.h"
#include "session/signin_driver.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

using namespace facepos;
using namespace facepos::test;

namespace {

class Shooter {
public:
    Shooter(SignInDriver& driver, QDir out) : m_driver(driver), m_out(std::move(out)) {}

    // Saves the window as <name>-zh_CN.png and, with `english`, <name>-en.png too; Chinese stays the UI language.
    bool shoot(const QString& name, bool english) {
        QStringList languages{QStringLiteral("zh_CN")};
        if (english) languages << QStringLiteral("en");
        for (const QString& language : languages) {
            m_driver.ui().language.setLanguage(language);
            // Let the page settle: transitions, layout, the retranslation.
            QTest::qWait(300);
            if (auto frame = m_driver.ui().renderer->waitForFrame(m_driver.window()); !frame) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(frame.error().message));
                return false;
            }
            const QImage image = m_driver.window()->grabWindow();
            const QString path = m_out.filePath(QStringLiteral("%1-%2.png").arg(name, language));
            if (image.isNull() || !image.save(path, "PNG")) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
                return false;
            }
            std::printf("%s\n", qPrintable(path));
        }
        m_driver.ui().language.setLanguage(QStringLiteral("zh_CN"));
        return true;
    }

private:
    SignInDriver& m_driver;
    QDir m_out;
};

int failed(SignInDriver& driver, const char* step) {
    std::fprintf(stderr, "%s failed: %s (page: %s)\n", step, qPrintable(driver.lastError()),
                 qPrintable(driver.currentPage()));
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Asia/Shanghai");
    QGuiApplication app(argc, argv);
    const std::optional<QDir> dir = test::screenshotOutputDir(argc, argv, "facepos-signin-screens");
    if (!dir) return 1;
    const QDir& out = *dir;

    auto started = SignInDriver::start();
    if (!started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
        return 1;
    }
    SignInDriver& d = **started;
    d.ui().appState.setNetworkOnline(true);
    if (auto shown = d.showKiosk(); !shown) {
        std::fprintf(stderr, "%s\n", qPrintable(shown.error().message));
        return 1;
    }
    Shooter shooter(d, out);

    // The unbound form, the technician half-way through it.
    if (!d.waitForPage(QStringLiteral("activationPage"))) return failed(d, "activation page");
    d.setText(QStringLiteral("activationMerchantNo"), QString::fromLatin1(SignInDriver::kMerchantNo));
    d.setText(QStringLiteral("activationPassword"), QString::fromLatin1(SignInDriver::kMerchantPassword));
    if (!shooter.shoot(QStringLiteral("activation"), true)) return 1;

    if (!d.submitActivation()) return failed(d, "submit");
    if (!shooter.shoot(QStringLiteral("activation-pending"), true)) return 1;

    const QString reason = QStringLiteral("设备序列号与申请商户不符 / serial number not registered to this merchant");
    if (!d.admin(QStringLiteral("activation_reject"),
                 {{QStringLiteral("request_id"), d.pendingRequestId()}, {QStringLiteral("reason"), reason}}) ||
        !d.waitFor([&] { return d.isEnabled(QStringLiteral("pendingCheckNow")); }) ||
        !d.tap(QStringLiteral("pendingCheckNow")) ||
        !d.waitFor([&] { return d.ui().binding->stateName() == QStringLiteral("rejected"); }) ||
        !d.waitForPage(QStringLiteral("activationPage")))
        return failed(d, "reject");
    if (!shooter.shoot(QStringLiteral("activation-rejected"), true)) return 1;

    if (!d.tap(QStringLiteral("activationStartOver")) || !d.activate()) return failed(d, "activate");
    d.tap(QStringLiteral("signInClerkTab"));
    d.setText(QStringLiteral("clerkEmployeeNo"), QStringLiteral("1001"));
    d.setText(QStringLiteral("clerkPassword"), QStringLiteral("135790"));
    if (!shooter.shoot(QStringLiteral("sign-in"), true)) return 1;

    if (!d.signInMerchantElsewhere()) return failed(d, "merchant elsewhere");
    if (!d.signInMerchant(QString::fromLatin1(SignInDriver::kMerchantPassword), false)) return failed(d, "merchant");
    if (!shooter.shoot(QStringLiteral("sign-in-merchant-elsewhere"), false)) return 1;

    if (!d.signInClerk(QStringLiteral("1001"), QStringLiteral("135790"))) return failed(d, "clerk");
    d.ui().session->lock();
    if (!d.waitFor([&] { return d.isVisible(QStringLiteral("lockOverlay")); })) return failed(d, "lock");
    if (!shooter.shoot(QStringLiteral("lock"), true)) return 1;

    d.ui().session->signOut();
    if (!d.waitForPage(QStringLiteral("signInPage"))) return failed(d, "sign out");
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!d.signInClerk(QStringLiteral("1003"), QStringLiteral("00000%1").arg(attempt), false))
            return failed(d, "wrong password");
    }
    if (!d.waitFor([&] { return d.isVisible(QStringLiteral("signInLockout")); })) return failed(d, "lockout");
    if (!shooter.shoot(QStringLiteral("lockout"), false)) return 1;

    // Sales recorded before support unbinds the device, still to deliver.
    for (qint64 fee : {1300, 2550, 880, 4200}) {
        store::NewOrder order;
        order.channel = QStringLiteral("cash");
        order.totalFee = fee;
        order.operatorId = QStringLiteral("C1001");
        if (auto sale = d.ui().orders->recordCashSale(order, store::CashTender{fee}); !sale) {
            std::fprintf(stderr, "%s\n", qPrintable(sale.error().message));
            return 1;
        }
    }
    if (!d.admin(QStringLiteral("device_unbind"),
                 {{QStringLiteral("device_id"), QString::fromLatin1(SignInDriver::kDeviceId)},
                  {QStringLiteral("reason"), QStringLiteral("绑定了错误的商户 (工单 4471)")}}))
        return failed(d, "unbind");
    backend::HeartbeatRequest beat;
    beat.appVersion = QStringLiteral("1.0.0");
    d.ui().backend->heartbeat(beat, [](backend::BackendResult<backend::HeartbeatReply>) {});
    if (!d.waitForPage(QStringLiteral("unbindingPage"))) return failed(d, "unbinding");
    store::Outbox outbox(*d.ui().database, d.ui().wallClock);
    if (auto snapshot = outbox.snapshot()) {
        d.ui().binding->setOutbox(*snapshot);
        d.ui().syncStatus.setSnapshot(*snapshot);
    }
    if (!shooter.shoot(QStringLiteral("unbinding"), true)) return 1;
    return 0;
}
