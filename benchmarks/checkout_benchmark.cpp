// bench_checkout: the terminal's own overhead in a payment-code checkout (issue 7). Prints, over N payments made one
// after another like a cashier's (p50 / p95 / p99 / max):
//   (a) scan received → quick_pay request on the wire: classifying the code, committing the order
//       (OrderStore::createOrder), PaymentEngine::startMicropay (Created → Paying and the journal row, each with
//       synchronous=FULL), building and signing the request, up to the moment it is handed to libcurl;
//   (b) response received → result delivered: from the moment the HTTP answer reaches the terminal's thread to
//       PaymentEngine::finished (verifying the answer, settling the journal row, the final order status, both
//       committed);
//   (c) scan → result end to end, with the in-process sandbox at zero latency on loopback.
// (a) and (b) are timestamps taken at the boundaries by an IHttpClient decorator around the real CurlHttpClient:
// send() is the request leaving the terminal's code for the wire, the callback's entry the answer arriving back.
// What (c) has beyond (a) + (b) is the transport and the sandbox (printed as "transport + sandbox").
// The targets: each overhead ≤ 30 ms, end to end ≤ 150 ms p95. Figures go to docs/benchmarks.md with the
// command that produced them.
//
//   bench_checkout [--payments N] [--warmup N] [--dir PATH]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "app/app_schema.h"
#include "app/backend/backend_client.h"
#include "app/checkout/payment_engine.h"
#include "app/store/order_store.h"
#include "bench_stats.h"
#include "drivers/input/scan_classifier.h"
#include "platform/crypto.h"
#include "platform/curl_http_client.h"
#include "platform/system_clock.h"
#include "sandbox/sandbox_server.h"

namespace {

using facepos::bench::ms;
using facepos::bench::percentile;

using namespace facepos;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

constexpr char kDeviceId[] = "FPBENCH00007";
constexpr char kMerchantNo[] = "88001234";  // the demo merchant
constexpr char kPassword[] = "Demo#8800";

// Timestamps the boundaries of the quick_pay exchange: when the terminal hands the request to the transport, and
// when the answer is back on the terminal's thread (before the caller's callback runs).
class TimingHttpClient final : public IHttpClient {
public:
    explicit TimingHttpClient(IHttpClient& inner) : m_inner(inner) {}

    RequestId send(HttpRequest request, QObject* context, Callback onDone) override {
        const bool quickPay = request.url.path().endsWith(QLatin1String("/quick_pay"));
        if (quickPay) m_sent = Steady::now();
        return m_inner.send(std::move(request), context,
                            [this, quickPay, onDone = std::move(onDone)](Result<HttpResponse> response) {
                                if (quickPay) m_received = Steady::now();
                                onDone(std::move(response));
                            });
    }
    void cancel(RequestId id) override { m_inner.cancel(id); }

    Steady::time_point sent() const { return m_sent; }
    Steady::time_point received() const { return m_received; }

private:
    IHttpClient& m_inner;
    Steady::time_point m_sent;
    Steady::time_point m_received;
};

template <typename T, typename Start>
std::optional<backend::BackendResult<T>> await(Start&& start) {
    std::optional<backend::BackendResult<T>> result;
    start([&](backend::BackendResult<T> r) { result.emplace(std::move(r)); });
    const QDeadlineTimer deadline(60s);
    while (!result && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

// Activation and the merchant's sign-in exactly as the terminal does them (§8, §9.2).
bool activateAndSignIn(sandbox::SandboxServer& server, backend::BackendClient& client) {
    auto key = crypto::EcKeyPair::generate();
    if (!key.ok()) return false;
    backend::ActivationRequest request;
    request.merchantNo = QString::fromLatin1(kMerchantNo);
    request.password = QString::fromLatin1(kPassword);
    request.devicePublicKeyRaw = key.value().publicKeyRaw();
    request.deviceModel = QStringLiteral("FP-T2");
    request.appVersion = QStringLiteral("1.0.0");
    auto submitted = await<backend::ActivationReply>([&](auto done) { client.activationRequest(request, done); });
    if (!submitted || !submitted->ok()) return false;
    const QString requestId = submitted->value().requestId;
    server.admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}});
    auto status = await<backend::ActivationReply>(
        [&](auto done) { client.activationStatus(request.merchantNo, requestId, done); });
    if (!status || !status->ok()) return false;
    auto secret =
        key.value().openSealed(status->value().sealedSecret, backend::BackendClient::activationSecretInfo(requestId));
    if (!secret.ok()) return false;
    client.setDeviceSecret(secret.value());
    auto login =
        await<backend::SessionInfo>([&](auto done) { client.merchantLogin(QString::fromLatin1(kPassword), done); });
    return login && login->ok();
}

struct Figures {
    std::vector<double> toWire, toResult, endToEnd, transport;
};

void print(const char* name, std::vector<double> values, const char* target) {
    std::sort(values.begin(), values.end());
    std::printf("  %-44s p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms   %s\n", name,
                percentile(values, 0.50), percentile(values, 0.95), percentile(values, 0.99), values.back(), target);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checkout overhead: scan to wire, answer to result, end to end."));
    parser.addHelpOption();
    const QCommandLineOption paymentsOption(QStringLiteral("payments"), QStringLiteral("Payments measured."),
                                            QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"), QStringLiteral("Payments not counted first."),
                                          QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Directory of the terminal database."),
                                       QStringLiteral("PATH"));
    parser.addOptions({paymentsOption, warmupOption, dirOption});
    parser.process(app);
    const int payments = std::max(1, parser.value(paymentsOption).toInt());
    const int warmup = std::max(0, parser.value(warmupOption).toInt());

    QTemporaryDir sandboxDir;
    sandbox::SandboxOptions sandboxOptions;
    sandboxOptions.dbPath = sandboxDir.filePath(QStringLiteral("sandbox.db"));
    sandboxOptions.seed = QStringLiteral("demo");
    auto server = sandbox::SandboxServer::start(sandboxOptions);
    if (!server) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(server.error().message));
        return 1;
    }

    QTemporaryDir defaultDir(parser.isSet(dirOption) ? QDir(parser.value(dirOption)).filePath(QStringLiteral("XXXXXX"))
                                                     : QDir::tempPath() + QStringLiteral("/bench_checkout-XXXXXX"));
    if (!defaultDir.isValid()) {
        std::fprintf(stderr, "cannot create the terminal directory\n");
        return 1;
    }
    const QString dir = defaultDir.path();
    auto clock = std::make_shared<SystemClock>();
    DatabaseOptions databaseOptions;
    databaseOptions.migrations = appMigrations();  // WAL, synchronous=FULL: as the application opens it
    auto db = Database::open(QDir(dir).filePath(QStringLiteral("facepos.db")), databaseOptions);
    if (!db) {
        std::fprintf(stderr, "database: %s\n", qPrintable(db.error().message));
        return 1;
    }
    store::OrderStoreOptions storeOptions;
    storeOptions.deviceTag = store::OrderNumbers::deviceTagFor(QString::fromLatin1(kDeviceId));
    storeOptions.sequenceFile = QDir(dir).filePath(QStringLiteral("order-sequence"));
    auto orders = store::OrderStore::open(*db, clock, storeOptions);
    if (!orders) {
        std::fprintf(stderr, "order store: %s\n", qPrintable(orders.error().message));
        return 1;
    }

    auto curl = CurlHttpClient::create();
    if (!curl) return 1;
    TimingHttpClient http(**curl);
    backend::BackendConfig config;
    config.baseUrl = (*server)->url();
    config.deviceId = QString::fromLatin1(kDeviceId);
    config.merchantNo = QString::fromLatin1(kMerchantNo);
    backend::BackendClient client(http, clock, config);
    if (!activateAndSignIn(**server, client)) {
        std::fprintf(stderr, "activation or sign-in against the sandbox failed\n");
        return 1;
    }

    checkout::PaymentEngine engine(**orders, client, clock, checkout::PaymentEngine::timerScheduler(),
                                   checkout::PaymentLimits{});
    std::optional<checkout::PaymentResult> finished;
    Steady::time_point finishedAt;
    QObject::connect(&engine, &checkout::PaymentEngine::finished, [&](const checkout::PaymentResult& result) {
        finishedAt = Steady::now();
        finished = result;
    });

    const drivers::ScanClassifier classifier;
    Figures figures;
    int notPaid = 0;
    for (int i = 0; i < warmup + payments; ++i) {
        // Success codes only (§17.3: "any other" last four digits), so every payment is one quick_pay and its answer.
        const QString scanned = QStringLiteral("13400000000000%1").arg(1000 + i % 9000);
        finished.reset();
        const Steady::time_point scanAt = Steady::now();
        const drivers::ScanClassification scan = classifier.classify(scanned);
        store::NewOrder order;
        order.channel = drivers::walletName(scan.wallet);
        order.totalFee = 100 + (i * 37) % 50000;
        order.operatorId = QStringLiteral("M") + QString::fromLatin1(kMerchantNo);
        auto created = (*orders)->createOrder(order);
        if (!created) {
            std::fprintf(stderr, "createOrder: %s\n", qPrintable(created.error().message));
            return 1;
        }
        if (auto started = engine.startMicropay(*created, scan.code); !started) {
            std::fprintf(stderr, "startMicropay: %s\n", qPrintable(started.error().message));
            return 1;
        }
        const QDeadlineTimer deadline(30s);
        while (!finished && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (!finished) {
            std::fprintf(stderr, "payment %d did not finish within 30 s\n", i);
            return 1;
        }
        if (finished->status != store::OrderStatus::Paid) ++notPaid;
        if (i < warmup) continue;
        figures.toWire.push_back(ms(scanAt, http.sent()));
        figures.toResult.push_back(ms(http.received(), finishedAt));
        figures.endToEnd.push_back(ms(scanAt, finishedAt));
        figures.transport.push_back(ms(http.sent(), http.received()));
    }

    const QStorageInfo storage(dir);
    std::printf(
        "bench_checkout: %d payments (after %d not counted), sandbox in process at zero latency, terminal "
        "database on %s (%s)\n",
        payments, warmup, qPrintable(QString::fromUtf8(storage.fileSystemType())), qPrintable(dir));
    print("(a) scan received -> quick_pay on the wire", figures.toWire, "(target <= 30 ms)");
    print("(b) answer received -> result (finished)", figures.toResult, "(target <= 30 ms)");
    print("(c) scan -> result, end to end", figures.endToEnd, "(target p95 <= 150 ms)");
    print("    of which transport + sandbox", figures.transport, "");
    if (notPaid > 0) std::printf("  %d payments did not end PAID\n", notPaid);
    (*server)->stop();
    return notPaid > 0 ? 1 : 0;
}
