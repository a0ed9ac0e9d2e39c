// bench_store: the durable order store and the outbox (issue 4). Prints
//   (a) the commit latency of one cash sale (OrderStore::recordCashSale: order row, sequence, outbox row, one
//       transaction) with synchronous=FULL on a file in the chosen directory, whose file system is printed too;
//   (b) how many records per second the store can queue (recordEvent, one transaction each, synchronous=FULL);
//   (c) the time the SyncService takes to deliver a backlog of cash-sale records to the in-process sandbox over
//       loopback: from start() until the outbox has nothing pending.
// The targets: commit p99 ≤ 10 ms; 10,000 records drained in ≤ 10 s. Figures go to docs/benchmarks.md with
// the command that produced them.
//
//   bench_store [--commits N] [--events N] [--drain N] [--batch B] [--dir PATH]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <vector>

#include "app/app_schema.h"
#include "app/backend/backend_client.h"
#include "app/store/order_store.h"
#include "app/store/outbox.h"
#include "app/store/sync_service.h"
#include "bench_stats.h"
#include "platform/crypto.h"
#include "platform/curl_http_client.h"
#include "platform/system_clock.h"
#include "sandbox/sandbox_server.h"

namespace {

using facepos::bench::percentile;

using namespace facepos;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

constexpr char kDeviceId[] = "FPBENCH00002";
constexpr char kMerchantNo[] = "88001234";  // the demo merchant

double millisecondsSince(Steady::time_point start) {
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

struct OpenStore {
    std::unique_ptr<Database> db;
    std::unique_ptr<store::OrderStore> orders;
};

std::optional<OpenStore> openStore(const QString& dir, DatabaseOptions::Synchronous synchronous,
                                   std::function<void()> onEnqueued = {}) {
    DatabaseOptions options;
    options.migrations = appMigrations();
    options.synchronous = synchronous;
    auto db = Database::open(QDir(dir).filePath(QStringLiteral("facepos.db")), options);
    if (!db) {
        std::fprintf(stderr, "database: %s\n", qPrintable(db.error().message));
        return std::nullopt;
    }
    OpenStore open{std::make_unique<Database>(std::move(db).value()), nullptr};
    store::OrderStoreOptions storeOptions;
    storeOptions.deviceTag = store::OrderNumbers::deviceTagFor(QString::fromLatin1(kDeviceId));
    storeOptions.sequenceFile = QDir(dir).filePath(QStringLiteral("order-sequence"));
    storeOptions.onEnqueued = std::move(onEnqueued);
    auto orders = store::OrderStore::open(*open.db, std::make_shared<SystemClock>(), storeOptions);
    if (!orders) {
        std::fprintf(stderr, "order store: %s\n", qPrintable(orders.error().message));
        return std::nullopt;
    }
    open.orders = std::move(orders).value();
    return open;
}

store::NewOrder cashSale(std::mt19937& random) {
    store::NewOrder order;
    order.channel = QStringLiteral("cash");
    order.totalFee = std::uniform_int_distribution<qint64>(100, 50000)(random);
    order.operatorId = QStringLiteral("C1001");
    order.shiftNo =
        QStringLiteral("%1-S2611230900").arg(store::OrderNumbers::deviceTagFor(QString::fromLatin1(kDeviceId)));
    return order;
}

store::CashTender tenderFor(const store::NewOrder& order) {
    return {((order.payableFee() + 9999) / 10000) * 10000};
}

template <typename T, typename Start>
std::optional<backend::BackendResult<T>> await(Start&& start) {
    std::optional<backend::BackendResult<T>> result;
    start([&](backend::BackendResult<T> r) { result.emplace(std::move(r)); });
    const QDeadlineTimer deadline(30s);
    while (!result && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

// Activation exactly as the terminal does it (§8); returns the device secret.
std::optional<QByteArray> activate(sandbox::SandboxServer& server, IHttpClient& http) {
    backend::BackendConfig config;
    config.baseUrl = server.url();
    config.deviceId = QString::fromLatin1(kDeviceId);
    config.merchantNo = QString::fromLatin1(kMerchantNo);
    backend::BackendClient client(http, std::make_shared<SystemClock>(), config);
    auto key = crypto::EcKeyPair::generate();
    if (!key.ok()) return std::nullopt;
    backend::ActivationRequest request;
    request.merchantNo = config.merchantNo;
    request.password = QStringLiteral("Demo#8800");
    request.devicePublicKeyRaw = key.value().publicKeyRaw();
    request.deviceModel = QStringLiteral("FP-T2");
    request.appVersion = QStringLiteral("1.0.0");
    auto submitted = await<backend::ActivationReply>([&](auto done) { client.activationRequest(request, done); });
    if (!submitted || !submitted->ok()) return std::nullopt;
    const QString requestId = submitted->value().requestId;
    server.admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}});
    auto status = await<backend::ActivationReply>(
        [&](auto done) { client.activationStatus(config.merchantNo, requestId, done); });
    if (!status || !status->ok()) return std::nullopt;
    auto secret =
        key.value().openSealed(status->value().sealedSecret, backend::BackendClient::activationSecretInfo(requestId));
    if (!secret.ok()) return std::nullopt;
    return secret.value();
}

// (a) and (b): one store, synchronous=FULL.
bool measureCommits(const QString& dir, int commits, int events) {
    std::optional<OpenStore> open = openStore(dir, DatabaseOptions::Synchronous::Full);
    if (!open) return false;
    std::mt19937 random(42);
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(commits));
    for (int i = 0; i < commits; ++i) {
        const store::NewOrder order = cashSale(random);
        const auto start = Steady::now();
        auto sale = open->orders->recordCashSale(order, tenderFor(order));
        ms.push_back(millisecondsSince(start));
        if (!sale) {
            std::fprintf(stderr, "recordCashSale: %s\n", qPrintable(sale.error().message));
            return false;
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf(
        "  (a) commit of one cash sale  %6d commits   p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   "
        "(target p99 <= 10 ms)\n",
        commits, percentile(ms, 0.50), percentile(ms, 0.99), ms.back());

    const QJsonObject detail{{QStringLiteral("source"), QStringLiteral("bench_store")}};
    const auto start = Steady::now();
    for (int i = 0; i < events; ++i) {
        if (auto queued = open->orders->recordEvent(QStringLiteral("receipt_printed"), detail); !queued) {
            std::fprintf(stderr, "recordEvent: %s\n", qPrintable(queued.error().message));
            return false;
        }
    }
    const double seconds = millisecondsSince(start) / 1000.0;
    std::printf(
        "  (b) enqueue (recordEvent)    %6d records   %8.0f records/s   (%.2f ms each, one fsync'd "
        "transaction per record)\n",
        events, events / seconds, seconds * 1000.0 / events);
    return true;
}

// (c): a backlog of `records` cash sales, delivered by the SyncService over loopback.
bool measureDrain(const QString& dir, int records, int batch) {
    // The backlog is written with synchronous=NORMAL only to save time; the worker's own connection is FULL.
    const auto fillStart = Steady::now();
    {
        std::optional<OpenStore> fill = openStore(dir, DatabaseOptions::Synchronous::Normal);
        if (!fill) return false;
        std::mt19937 random(7);
        for (int i = 0; i < records; ++i) {
            const store::NewOrder order = cashSale(random);
            if (auto sale = fill->orders->recordCashSale(order, tenderFor(order)); !sale) {
                std::fprintf(stderr, "recordCashSale: %s\n", qPrintable(sale.error().message));
                return false;
            }
        }
    }
    const double fillSeconds = millisecondsSince(fillStart) / 1000.0;

    QTemporaryDir sandboxDir;
    sandbox::SandboxOptions sandboxOptions;
    sandboxOptions.dbPath = sandboxDir.filePath(QStringLiteral("sandbox.db"));
    sandboxOptions.seed = QStringLiteral("demo");
    auto server = sandbox::SandboxServer::start(sandboxOptions);
    if (!server) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(server.error().message));
        return false;
    }
    auto http = CurlHttpClient::create();
    if (!http) return false;
    const std::optional<QByteArray> secret = activate(**server, **http);
    if (!secret) {
        std::fprintf(stderr, "could not activate the benchmark device\n");
        return false;
    }

    const QString dbPath = QDir(dir).filePath(QStringLiteral("facepos.db"));
    DatabaseOptions watchOptions;
    watchOptions.migrations = appMigrations();
    auto watch = Database::open(dbPath, watchOptions);
    if (!watch) return false;
    store::Outbox outbox(*watch, std::make_shared<SystemClock>());

    store::SyncOptions syncOptions;
    syncOptions.databasePath = dbPath;
    syncOptions.database.migrations = appMigrations();  // not applied (the file is current), but needed to open it
    syncOptions.backend.baseUrl = (*server)->url();
    syncOptions.backend.deviceId = QString::fromLatin1(kDeviceId);
    syncOptions.backend.merchantNo = QString::fromLatin1(kMerchantNo);
    syncOptions.backend.deviceSecret = *secret;
    syncOptions.batchSize = batch;
    store::SyncService sync(**http, std::make_shared<SystemClock>(), syncOptions);

    // Stops at the first moment the database has nothing pending; the worker's snapshot says when to look.
    QEventLoop loop;
    double drainMs = -1;
    Steady::time_point start;
    QString lastError;
    auto check = [&] {
        auto snapshot = outbox.snapshot();
        if (!snapshot) return;
        if (!snapshot->lastError.isEmpty()) lastError = snapshot->lastError;
        if (snapshot->pending == 0 && drainMs < 0) {
            drainMs = millisecondsSince(start);
            loop.quit();
        }
    };
    QObject::connect(&sync, &store::SyncService::snapshotChanged, &loop, check);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    QTimer::singleShot(120s, &loop, &QEventLoop::quit);
    start = Steady::now();
    sync.start();
    poll.start(20ms);
    loop.exec();
    sync.stop();
    auto onServer = (*server)->queryInt64(
        QStringLiteral("SELECT COUNT(*) FROM sync_records WHERE device_id = '%1'").arg(QString::fromLatin1(kDeviceId)));
    (*server)->stop();
    if (drainMs < 0) {
        std::fprintf(stderr, "the outbox did not drain within 120 s (last error: %s)\n", qPrintable(lastError));
        return false;
    }
    std::printf(
        "  (c) drain to the sandbox     %6d records   %8.2f s   (%.0f records/s, batches of %d; %lld on the "
        "sandbox; backlog written in %.1f s)   (target <= 10 s)\n",
        records, drainMs / 1000.0, records / (drainMs / 1000.0), batch,
        static_cast<long long>(onServer.ok() ? onServer->value_or(-1) : -1), fillSeconds);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // the figures as they come, also through a pipe
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Order store commit latency, enqueue rate and outbox drain time"));
    parser.addHelpOption();
    const QCommandLineOption commitsOption(QStringLiteral("commits"), QStringLiteral("cash sales for (a)"),
                                           QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("records for (b)"),
                                          QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption drainOption(QStringLiteral("drain"), QStringLiteral("backlog for (c)"),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("sync.batch_size for (c)"),
                                         QStringLiteral("B"), QStringLiteral("100"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("directory for the databases (default: a temporary one)"),
                                       QStringLiteral("PATH"));
    parser.addOptions({commitsOption, eventsOption, drainOption, batchOption, dirOption});
    parser.process(app);
    // The sync worker, the HTTP client and the sandbox log every request; only the figures matter here.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));

    const QString parent = parser.isSet(dirOption) ? parser.value(dirOption) : QDir::tempPath();
    const QTemporaryDir base(QDir(parent).filePath(QStringLiteral("bench_store-XXXXXX")));
    if (!base.isValid()) {
        std::fprintf(stderr, "cannot create a directory for the databases\n");
        return 1;
    }
    const QStorageInfo storage(base.path());
    std::printf("bench_store: %s\n", qPrintable(QCoreApplication::arguments().join(u' ')));
    std::printf("  databases in %s (file system %s on %s), synchronous=FULL, WAL\n", qPrintable(base.path()),
                storage.fileSystemType().constData(), storage.device().constData());

    const QString commitDir = base.filePath(QStringLiteral("commits"));
    const QString drainDir = base.filePath(QStringLiteral("drain"));
    if (!QDir().mkpath(commitDir) || !QDir().mkpath(drainDir)) return 1;
    if (!measureCommits(commitDir, parser.value(commitsOption).toInt(), parser.value(eventsOption).toInt())) return 1;
    if (!measureDrain(drainDir, parser.value(drainOption).toInt(), parser.value(batchOption).toInt())) return 1;
    return 0;
}
