// bench_checkout_ui: the step bench_checkout leaves out (issue 7, "response received → result shown"), with the real
// QML pages offscreen and the real Checkout controller of the application's wiring (UiHarness through the checkout
// test driver: the sandbox in process, an activated terminal, clerk 1001 signed in, a shift open). Prints, over N
// payments with the sandbox's success code made one after another like a cashier's:
//   (b') answer received → result page shown (p50 / p95 / p99 / max): from the moment the quick_pay answer reaches
//        the terminal's thread (the entry of the callback, timed by an IHttpClient decorator around the real
//        CurlHttpClient, as bench_checkout does) to the first frame swapped (QQuickWindow::frameSwapped) of a scene
//        synchronised once CheckoutResultPage is the current page of the window's pageStack;
//   (c') scan → result page shown (p50 / p95), the scan delivered by the simulated scanner on the pay page.
// The cashier opens Home → Checkout; each sale goes Checkout.newSale() (its pop back to the amount page ends first),
// begin(), setAmountText(), confirmAmount(); the pages follow the stage (CheckoutFlow), and the scan waits until the
// pay page's transition has ended. The result stays on
// screen (resultReturn 0). Figures go to docs/benchmarks.md with the command that produced them.
//
//   QT_QPA_PLATFORM=offscreen bench_checkout_ui [--payments N] [--warmup N]
#include <QtQml/qqmlextensionplugin.h>

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMetaMethod>
#include <QQuickItem>
#include <QQuickWindow>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "app/checkout/checkout_controller.h"
#include "bench_stats.h"
#include "checkout/checkout_driver.h"
#include "platform/ihttpclient.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

namespace {

using facepos::bench::ms;
using facepos::bench::percentile;

using namespace facepos;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

constexpr char kSuccessCode[] = "134000000000000000";  // §17.3: WeChat, success at once

// Owns the harness's CurlHttpClient and timestamps the quick_pay answer on the terminal's thread, before the
// caller's callback runs.
class TimingHttpClient final : public IHttpClient {
public:
    explicit TimingHttpClient(std::unique_ptr<IHttpClient> inner) : m_inner(std::move(inner)) {}

    RequestId send(HttpRequest request, QObject* context, Callback onDone) override {
        const bool quickPay = request.url.path().endsWith(QLatin1String("/quick_pay"));
        return m_inner->send(std::move(request), context,
                             [this, quickPay, onDone = std::move(onDone)](Result<HttpResponse> response) {
                                 if (quickPay) {
                                     m_received = Steady::now();
                                     ++m_answers;
                                 }
                                 onDone(std::move(response));
                             });
    }
    void cancel(RequestId id) override { m_inner->cancel(id); }

    Steady::time_point received() const { return m_received; }
    int answers() const { return m_answers; }

private:
    std::unique_ptr<IHttpClient> m_inner;
    Steady::time_point m_received;
    int m_answers = 0;
};

// The moment the result page is on screen: armed when CheckoutResultPage becomes pageStack's current item, it
// notes the first frame swapped of a scene synchronised after that (the render loop may run on its own thread, so
// a frame already being rendered when the page changed does not count).
class ShownProbe final : public QObject {
    Q_OBJECT
public:
    ShownProbe(QQuickWindow* window, QObject* stack) : m_window(window), m_stack(stack) {
        const QMetaObject* meta = stack->metaObject();
        const QMetaMethod changed = meta->property(meta->indexOfProperty("currentItem")).notifySignal();
        connect(stack, changed, this, staticMetaObject.method(staticMetaObject.indexOfSlot("currentItemChanged()")));
        connect(
            window, &QQuickWindow::beforeSynchronizing, this,
            [this] {
                if (m_armed.load()) m_synced.store(true);
            },
            Qt::DirectConnection);
        connect(
            window, &QQuickWindow::frameSwapped, this,
            [this] {
                if (!m_synced.load()) return;
                m_shownAt = Steady::now();
                m_synced.store(false);
                m_armed.store(false);
                m_shown.store(true);
            },
            Qt::DirectConnection);
    }

    void reset() {
        m_armed.store(false);
        m_synced.store(false);
        m_shown.store(false);
    }
    bool shown() const { return m_shown.load(); }
    Steady::time_point pageAt() const { return m_pageAt; }
    Steady::time_point shownAt() const { return m_shownAt; }

public slots:
    void currentItemChanged() {
        auto* page = m_stack->property("currentItem").value<QQuickItem*>();
        if (!page || page->objectName() != QLatin1String("checkoutResultPage")) return;
        m_pageAt = Steady::now();
        m_armed.store(true);
        m_window->update();
    }

private:
    QQuickWindow* m_window;
    QObject* m_stack;
    std::atomic<bool> m_armed{false};
    std::atomic<bool> m_synced{false};
    std::atomic<bool> m_shown{false};
    Steady::time_point m_pageAt;
    Steady::time_point m_shownAt;  // written on the render thread before m_shown, read after it
};

void print(const char* name, std::vector<double> values, bool tail) {
    std::sort(values.begin(), values.end());
    if (tail) {
        std::printf("  %-48s p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", name,
                    percentile(values, 0.50), percentile(values, 0.95), percentile(values, 0.99), values.back());
    } else {
        std::printf("  %-48s p50 %7.2f ms   p95 %7.2f ms\n", name, percentile(values, 0.50), percentile(values, 0.95));
    }
}

int fail(const QString& message) {
    std::fprintf(stderr, "bench_checkout_ui: %s\n", qPrintable(message));
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checkout with the QML pages: answer to result page shown, scan to result page shown."));
    parser.addHelpOption();
    const QCommandLineOption paymentsOption(QStringLiteral("payments"), QStringLiteral("Payments measured."),
                                            QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"), QStringLiteral("Payments not counted first."),
                                          QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({paymentsOption, warmupOption});
    parser.process(app);
    const int payments = std::max(1, parser.value(paymentsOption).toInt());
    const int warmup = std::max(0, parser.value(warmupOption).toInt());

    TimingHttpClient* http = nullptr;
    test::UiHarness::wrapHttp = [&http](std::unique_ptr<IHttpClient> inner) -> std::unique_ptr<IHttpClient> {
        auto timing = std::make_unique<TimingHttpClient>(std::move(inner));
        http = timing.get();
        return timing;
    };
    auto started = test::CheckoutDriver::start();
    test::UiHarness::wrapHttp = nullptr;
    if (!started) return fail(started.error().message);
    test::CheckoutDriver& t = **started;
    checkout::CheckoutController& c = t.checkout();
    checkout::CheckoutController::Options options = c.options();
    options.resultReturn = 0ms;
    c.setOptions(options);
    if (!http) return fail(QStringLiteral("the harness did not create its HTTP client through the hook"));
    // As the cashier opens it (tst_checkout_pages): Home → Checkout, then the pages follow the stage.
    if (!t.signInClerk() || !t.openShift() || !t.show(QStringLiteral("HomePage")) ||
        !t.tap(QStringLiteral("tileCheckout")) || !t.waitForPage(QStringLiteral("checkoutAmountPage")))
        return fail(t.lastError());
    QObject* stack = test::findByName(t.window(), QStringLiteral("pageStack"));
    if (!stack) return fail(QStringLiteral("no pageStack in the window"));
    ShownProbe probe(t.window(), stack);

    std::vector<double> answerToShown, scanToShown, answerToPage;
    int notPaid = 0;
    for (int i = 0; i < warmup + payments; ++i) {
        c.newSale();
        if (!t.waitForPage(QStringLiteral("checkoutAmountPage")))
            return fail(QStringLiteral("sale %1: no amount page").arg(i));
        if (!c.begin() ||
            !c.setAmountText(QStringLiteral("%1.%2").arg(1 + i % 500).arg(i % 100, 2, 10, QLatin1Char('0'))) ||
            !c.confirmAmount())
            return fail(QStringLiteral("sale %1: %2").arg(i).arg(c.message()));
        if (!t.waitForPage(QStringLiteral("checkoutPayPage")))
            return fail(QStringLiteral("sale %1: no pay page").arg(i));
        probe.reset();
        const int answers = http->answers();
        const Steady::time_point scanAt = Steady::now();
        if (!t.scan(QString::fromLatin1(kSuccessCode))) return fail(t.lastError());
        if (!t.waitFor([&] { return probe.shown(); }, 30000))
            return fail(QStringLiteral("sale %1: the result page was not shown (%2, stage %3)")
                            .arg(i)
                            .arg(c.message(), c.stage()));
        if (http->answers() != answers + 1)
            return fail(
                QStringLiteral("sale %1: %2 quick_pay answers instead of one").arg(i).arg(http->answers() - answers));
        if (!c.resultSuccess()) ++notPaid;
        // The push transition ends before the next sale, as a cashier reads the result before the next customer.
        if (!t.waitForPage(QStringLiteral("checkoutResultPage")))
            return fail(QStringLiteral("sale %1: result page").arg(i));
        if (i < warmup) continue;
        answerToShown.push_back(ms(http->received(), probe.shownAt()));
        answerToPage.push_back(ms(http->received(), probe.pageAt()));
        scanToShown.push_back(ms(scanAt, probe.shownAt()));
    }

    std::printf(
        "bench_checkout_ui: %d payments (after %d not counted), code %s, QML pages offscreen (%s), sandbox in "
        "process at zero latency\n",
        payments, warmup, kSuccessCode, qPrintable(QGuiApplication::platformName()));
    print("(b') answer received -> result page shown", answerToShown, true);
    print("     of which answer -> result page current", answerToPage, true);
    print("(c') scan -> result page shown", scanToShown, false);
    if (notPaid > 0) std::printf("  %d payments did not end PAID\n", notPaid);
    return notPaid > 0 ? 1 : 0;
}

#include "checkout_ui_benchmark.moc"
