// facepos_crash_terminal: the terminal core on its own, for tst_crash_recovery to SIGKILL at random points.
//
// Opens the terminal database (appMigrations), the OrderStore and the SyncService exactly as the application wires
// them (onEnqueued wakes the worker), then records sales one after another on the event loop. A sale is announced
// on stdout as `SAVED <mch_order_no>`, flushed, only after the store reported it committed: that line is what the
// cashier would have been told, so every order the harness read must reach the backend exactly once, whatever
// the moment of the kill. The harness reads stdout from a pipe, which keeps what was flushed when the process dies.
//
//   facepos_crash_terminal --db PATH --seq-file PATH --url URL --device-id ID --merchant-no NO --secret HEX
//                          [--orders N] [--drain-only] [--seed S] [--pace-ms MS]
//
// Sales follow each other every --pace-ms (default 0: back to back, faster than the worker delivers, so the outbox
// grows; a pause of a few milliseconds lets uploads and their acknowledgements interleave with the sales). Without
// --orders it records sales until killed; with it, it stops after N and then behaves as --drain-only, which records
// nothing and exits 0 (printing `DRAINED`) once the outbox has nothing pending. Start-up closes the orders a kill left
// unfinished (Created or Paying), as the application must before new sales. Prints `READY` once the store is open and
// the worker started. Any store error ends the process with exit code 3 and the error on stderr: the harness treats
// that as a failure, never as a kill.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>

#include "app/app_schema.h"
#include "app/store/order_store.h"
#include "app/store/outbox.h"
#include "app/store/sync_service.h"
#include "platform/curl_http_client.h"
#include "platform/system_clock.h"

namespace {

using namespace facepos;
using namespace std::chrono_literals;

constexpr int kExitUsage = 2;
constexpr int kExitStoreError = 3;

struct Options {
    QString dbPath;
    QString sequenceFile;
    QString url;
    QString deviceId;
    QString merchantNo;
    QString secret;
    qint64 orders = -1;  // -1: until killed
    bool drainOnly = false;
    quint32 seed = 0;
    int paceMs = 0;
};

[[noreturn]] void fail(const QString& what, const Error& error) {
    std::fprintf(stderr, "crash_terminal: %s failed: %s (%s)\n", qPrintable(what), qPrintable(error.message),
                 qPrintable(error.code));
    std::fflush(stderr);
    std::_Exit(kExitStoreError);
}

void announce(const char* word, const QString& text = {}) {
    if (text.isEmpty()) {
        std::printf("%s\n", word);
    } else {
        std::printf("%s %s\n", word, qPrintable(text));
    }
    std::fflush(stdout);
}

// Records the sales and watches the outbox; everything here runs on the main thread, which owns `db`.
class Terminal final : public QObject {
public:
    Terminal(Options options, store::OrderStore& orders, store::Outbox& outbox, store::SyncService& sync)
        : m_options(std::move(options)), m_orders(orders), m_outbox(outbox), m_sync(sync), m_random(m_options.seed) {
        m_shiftNo = QStringLiteral("%1-S2611230900").arg(store::OrderNumbers::deviceTagFor(m_options.deviceId));
    }

    void start() {
        closeUnfinished();
        connect(&m_sync, &store::SyncService::snapshotChanged, this, [this] { checkDrained(); });
        m_sync.start();
        announce("READY");
        if (m_options.drainOnly || m_options.orders == 0) {
            beginDrain();
            return;
        }
        connect(&m_saleTimer, &QTimer::timeout, this, &Terminal::recordSale);
        m_saleTimer.start(m_options.paceMs);
    }

private:
    // A kill between createOrder and finishOrder leaves an order the cashier was never told about; start-up ends it
    // the way the application does for a cash drawer that never opened.
    void closeUnfinished() {
        auto unfinished = m_orders.unfinishedOrders();
        if (!unfinished) fail(QStringLiteral("unfinishedOrders"), unfinished.error());
        for (const store::OrderRecord& order : std::as_const(*unfinished)) {
            store::OrderOutcome outcome;
            outcome.status = store::OrderStatus::Closed;
            if (auto closed = m_orders.finishOrder(order.mchOrderNo, outcome); !closed) {
                fail(QStringLiteral("finishOrder(CLOSED) of %1").arg(order.mchOrderNo), closed.error());
            }
        }
    }

    store::NewOrder newOrder(const QString& channel) {
        store::NewOrder order;
        order.channel = channel;
        order.totalFee = std::uniform_int_distribution<qint64>(1, 50000)(m_random);
        order.discountFee = order.totalFee > 100 ? std::uniform_int_distribution<qint64>(0, 50)(m_random) : 0;
        order.operatorId = QStringLiteral("C1001");
        order.shiftNo = m_shiftNo;
        return order;
    }

    // Three sales in four are cash (one transaction); the fourth is a wallet sale through the states and the payment
    // journal (five transactions), so kills also land between the steps of a sale.
    void recordSale() {
        QString saved;
        if (std::uniform_int_distribution<int>(0, 3)(m_random) != 0) {
            const store::NewOrder order = newOrder(QStringLiteral("cash"));
            const qint64 payable = order.payableFee();
            store::CashTender tender{((payable + 9999) / 10000) * 10000};
            auto sale = m_orders.recordCashSale(order, tender);
            if (!sale) fail(QStringLiteral("recordCashSale"), sale.error());
            saved = sale->mchOrderNo;
        } else {
            saved = walletSale();
        }
        announce("SAVED", saved);
        if (m_options.orders > 0 && ++m_recorded >= m_options.orders) {
            m_saleTimer.stop();
            beginDrain();
        }
    }

    QString walletSale() {
        auto created = m_orders.createOrder(newOrder(QStringLiteral("wechat")));
        if (!created) fail(QStringLiteral("createOrder"), created.error());
        QString no = created->mchOrderNo;
        if (auto paying = m_orders.markPaying(no); !paying) fail(QStringLiteral("markPaying"), paying.error());
        auto journal = m_orders.beginJournal(no, QStringLiteral("charge"), 1, QStringLiteral("1340************00"));
        if (!journal) fail(QStringLiteral("beginJournal"), journal.error());
        if (auto settled = m_orders.settleJournal(*journal, QStringLiteral("SUCCESS")); !settled) {
            fail(QStringLiteral("settleJournal"), settled.error());
        }
        store::OrderOutcome outcome;
        outcome.status = store::OrderStatus::Paid;
        outcome.platformOrderNo = QStringLiteral("PF") + no;
        outcome.channelOrderNo = QStringLiteral("4200") + no;
        auto finished = m_orders.finishOrder(no, outcome);
        if (!finished) fail(QStringLiteral("finishOrder(PAID)"), finished.error());
        return no;
    }

    void beginDrain() {
        m_draining = true;
        connect(&m_pollTimer, &QTimer::timeout, this, [this] { checkDrained(); });
        m_pollTimer.start(100ms);
        checkDrained();
    }

    // Asks the database itself rather than the worker's last snapshot, which reads "0 pending" before its first round.
    void checkDrained() {
        if (!m_draining) return;
        auto snapshot = m_outbox.snapshot();
        if (!snapshot) fail(QStringLiteral("Outbox::snapshot"), snapshot.error());
        if (snapshot->pending != 0) return;
        m_draining = false;
        m_pollTimer.stop();
        announce("DRAINED", QStringLiteral("dead=%1").arg(snapshot->dead));
        QCoreApplication::quit();
    }

    Options m_options;
    store::OrderStore& m_orders;
    store::Outbox& m_outbox;
    store::SyncService& m_sync;
    std::mt19937 m_random;
    QString m_shiftNo;
    QTimer m_saleTimer;
    QTimer m_pollTimer;
    qint64 m_recorded = 0;
    bool m_draining = false;
};

std::optional<Options> parse(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The terminal core, for the crash-recovery harness."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Terminal database."), QStringLiteral("PATH"));
    const QCommandLineOption seq(QStringLiteral("seq-file"), QStringLiteral("Order-number high-water file."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Backend base URL."), QStringLiteral("URL"));
    const QCommandLineOption device(QStringLiteral("device-id"), QStringLiteral("Serial number."),
                                    QStringLiteral("ID"));
    const QCommandLineOption merchant(QStringLiteral("merchant-no"), QStringLiteral("Bound merchant."),
                                      QStringLiteral("NO"));
    const QCommandLineOption secret(QStringLiteral("secret"), QStringLiteral("Device secret (hex)."),
                                    QStringLiteral("HEX"));
    const QCommandLineOption orders(QStringLiteral("orders"), QStringLiteral("Sales to record, then drain."),
                                    QStringLiteral("N"));
    const QCommandLineOption drain(QStringLiteral("drain-only"), QStringLiteral("Record nothing; exit when drained."));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the amounts."), QStringLiteral("S"));
    const QCommandLineOption pace(QStringLiteral("pace-ms"), QStringLiteral("Pause between sales."),
                                  QStringLiteral("MS"));
    parser.addOptions({db, seq, url, device, merchant, secret, orders, drain, seed, pace});
    parser.process(app);

    Options options;
    options.dbPath = parser.value(db);
    options.sequenceFile = parser.value(seq);
    options.url = parser.value(url);
    options.deviceId = parser.value(device);
    options.merchantNo = parser.value(merchant);
    options.secret = parser.value(secret);
    options.drainOnly = parser.isSet(drain);
    options.paceMs = std::max(0, parser.value(pace).toInt());
    if (parser.isSet(orders)) options.orders = parser.value(orders).toLongLong();
    options.seed = parser.isSet(seed) ? parser.value(seed).toUInt() : std::random_device{}();
    if (options.dbPath.isEmpty() || options.sequenceFile.isEmpty() || options.url.isEmpty() ||
        options.deviceId.isEmpty() || options.merchantNo.isEmpty() || options.secret.isEmpty()) {
        std::fprintf(stderr,
                     "crash_terminal: --db, --seq-file, --url, --device-id, --merchant-no and --secret are "
                     "required\n");
        return std::nullopt;
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const std::optional<Options> options = parse(app);
    if (!options) return kExitUsage;

    auto clock = std::make_shared<SystemClock>();
    DatabaseOptions databaseOptions;
    databaseOptions.migrations = appMigrations();
    auto db = Database::open(options->dbPath, databaseOptions);
    if (!db) fail(QStringLiteral("Database::open"), db.error());

    auto http = CurlHttpClient::create();
    if (!http) fail(QStringLiteral("CurlHttpClient::create"), http.error());

    // Test settings: small batches and a short backoff, so that many uploads (and kills during them) happen.
    store::SyncOptions syncOptions;
    syncOptions.databasePath = options->dbPath;
    syncOptions.database.migrations = appMigrations();  // not applied (the file is current), but needed to open it
    syncOptions.backend.baseUrl = QUrl(options->url);
    syncOptions.backend.deviceId = options->deviceId;
    syncOptions.backend.merchantNo = options->merchantNo;
    syncOptions.backend.deviceSecret = options->secret.toLatin1();
    syncOptions.backend.timeout = 5s;
    syncOptions.batchSize = 20;
    syncOptions.interval = 1s;
    syncOptions.backoffInitial = 50ms;
    syncOptions.backoffMax = 500ms;
    store::SyncService sync(**http, clock, syncOptions);

    store::OrderStoreOptions storeOptions;
    storeOptions.deviceTag = store::OrderNumbers::deviceTagFor(options->deviceId);
    storeOptions.sequenceFile = options->sequenceFile;
    storeOptions.onEnqueued = [&sync] { sync.wake(); };
    auto orders = store::OrderStore::open(*db, clock, storeOptions);
    if (!orders) fail(QStringLiteral("OrderStore::open"), orders.error());
    store::Outbox outbox(*db, clock);

    Terminal terminal(*options, **orders, outbox, sync);
    QTimer::singleShot(0, &terminal, [&terminal] { terminal.start(); });
    const int code = QCoreApplication::exec();
    sync.stop();
    return code;
}
