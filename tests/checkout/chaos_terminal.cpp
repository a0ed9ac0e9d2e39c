// facepos_chaos_terminal: the terminal's checkout core on its own, for tst_payment_chaos to SIGKILL at random points.
//
// The real OrderStore on a real SQLite file, the real BackendClient over CurlHttpClient to the sandbox, and the
// PaymentEngine with real timers (PaymentEngine::timerScheduler). It first resumes what a kill left unfinished
// (PaymentEngine::resumeUnfinished) and waits for recoveryFinished, as the application must before new sales; then it
// keeps --inflight payments running: each one an order committed with OrderStore::createOrder (the channel from the
// scanned code, classified as a scan is), paid with a test payment code of docs/terminal-api.md §17.3 drawn at
// random, some of them cancelled by the "cashier" while they wait. Everything runs on the main thread.
//
// Lines on stdout, each flushed (the harness reads them from a pipe, which keeps what was flushed when the process
// dies):
//   READY <resolved>                      recovery is done; sales start
//   PAY <mch_order_no> <last 4> <fee>     startMicropay accepted the order: a payment attempt
//   CANCEL <mch_order_no>                 the cashier pressed cancel and the engine took it
//   RESULT <mch_order_no> <STATUS> <fee> <reason|-> <live|recovered>
//                                         PaymentEngine::finished: what the cashier (or recovery) was told
//   ABANDONED <mch_order_no>              an order a kill left Created before any payment call that recovery did
//                                         not end itself, closed locally (the engine normally closes those and
//                                         reports them as RESULT … CLOSED INTERRUPTED recovered)
//   RESOLVED                              --resolve-only: nothing is left non-final; the process exits 0
//
//   facepos_chaos_terminal --db PATH --seq-file PATH --url URL --device-id ID --merchant-no NO --secret HEX
//                          --session TOKEN --operator ID [--clock-offset S] [--seed S] [--inflight N]
//                          [--resolve-only]
//
// Any store error, an engine refusal or an order left non-final after recovery ends the process with exit code 3
// and the reason on stderr: the harness treats that as a failure, never as a kill.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>

#include "app/app_schema.h"
#include "app/backend/backend_client.h"
#include "app/checkout/payment_engine.h"
#include "app/store/order_store.h"
#include "drivers/input/scan_classifier.h"
#include "platform/curl_http_client.h"
#include "platform/system_clock.h"

namespace {

using namespace facepos;
using namespace std::chrono_literals;

constexpr int kExitUsage = 2;
constexpr int kExitFailure = 3;

struct Options {
    QString dbPath;
    QString sequenceFile;
    QString url;
    QString deviceId;
    QString merchantNo;
    QString secret;
    QString session;
    QString operatorId;
    qint64 clockOffset = 0;
    quint32 seed = 0;
    int inflight = 4;
    bool resolveOnly = false;
};

[[noreturn]] void fail(const QString& what, const QString& detail) {
    std::fprintf(stderr, "chaos_terminal: %s: %s\n", qPrintable(what), qPrintable(detail));
    std::fflush(stderr);
    std::_Exit(kExitFailure);
}

[[noreturn]] void fail(const QString& what, const Error& error) {
    fail(what, QStringLiteral("%1 (%2)").arg(error.message, error.code));
}

void announce(const QString& line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// A test payment code and how the sandbox's wallet treats it (§17.3), with its weight in the random mix.
struct TestCode {
    const char* last4;  // nullptr: "any other" (a random 1000–9999, which the wallet pays at once)
    int weight;
};

// The mix. Fast paths, most of the weight: success (0000, any other), the payer confirming after 0–3 s (0100–0103),
// the system error that clears with the money taken (0300), declines (0400, 0500, 0700). Slow paths, a small share:
// they end only by reverse, auto-revoke or a late confirmation, which the harness makes affordable by running the
// sandbox's clock about nine times faster than real time (tst_payment_chaos.cpp): never confirms (0200), system
// error that never clears (0301), payer cancels at +10 s (0600), confirmation at +20 s / +45 s (0120, 0145).
constexpr std::array kCodes{
    TestCode{"0000", 15}, TestCode{nullptr, 15}, TestCode{"0100", 5}, TestCode{"0101", 5}, TestCode{"0102", 5},
    TestCode{"0103", 5},  TestCode{"0300", 10},  TestCode{"0400", 8}, TestCode{"0500", 8}, TestCode{"0700", 8},
    TestCode{"0200", 2},  TestCode{"0301", 2},   TestCode{"0600", 1}, TestCode{"0120", 1}, TestCode{"0145", 1},
};

// The example prefixes of §17.3: WeChat 18 digits, Alipay 18, UnionPay 19.
constexpr std::array kPrefixes{"13400000000000", "28400000000000", "624000000000000"};

class Terminal final : public QObject {
public:
    Terminal(Options options, store::OrderStore& orders, checkout::PaymentEngine& engine)
        : m_options(std::move(options)), m_orders(orders), m_engine(engine), m_random(m_options.seed) {}

    void start() {
        connect(&m_engine, &checkout::PaymentEngine::finished, this,
                [this](const checkout::PaymentResult& result) { onFinished(result); });
        connect(&m_engine, &checkout::PaymentEngine::recoveryFinished, this,
                [this](int resolved) { onRecovered(resolved); });
        m_engine.resumeUnfinished();
    }

private:
    void onRecovered(int resolved) {
        if (m_recovered) return;
        m_recovered = true;
        // A kill between createOrder and startMicropay leaves an order no payment call was made for and that the
        // cashier never saw paid; recovery closes it, and what it left is closed here, as the crash proof's terminal
        // does. Anything else still open after recoveryFinished is a failure.
        auto unfinished = m_orders.unfinishedOrders();
        if (!unfinished) fail(QStringLiteral("unfinishedOrders"), unfinished.error());
        for (const store::OrderRecord& order : std::as_const(*unfinished)) {
            auto journal = m_orders.journal(order.mchOrderNo);
            if (!journal) fail(QStringLiteral("journal"), journal.error());
            if (order.status != store::OrderStatus::Created || !journal->isEmpty()) {
                fail(QStringLiteral("recovery"), QStringLiteral("%1 is still %2 after recoveryFinished")
                                                     .arg(order.mchOrderNo, store::orderStatusName(order.status)));
            }
            store::OrderOutcome outcome;
            outcome.status = store::OrderStatus::Closed;
            if (auto closed = m_orders.finishOrder(order.mchOrderNo, outcome); !closed)
                fail(QStringLiteral("finishOrder(CLOSED)"), closed.error());
            announce(QStringLiteral("ABANDONED %1").arg(order.mchOrderNo));
        }
        announce(QStringLiteral("READY %1").arg(resolved));
        if (m_options.resolveOnly) {
            announce(QStringLiteral("RESOLVED"));
            QCoreApplication::exit(0);
            return;
        }
        for (int i = 0; i < m_options.inflight; ++i) startSale();
    }

    QString drawCode() {
        int total = 0;
        for (const TestCode& code : kCodes) total += code.weight;
        int pick = std::uniform_int_distribution<int>(0, total - 1)(m_random);
        QString last4;
        for (const TestCode& code : kCodes) {
            if (pick < code.weight) {
                last4 = code.last4 ? QString::fromLatin1(code.last4)
                                   : QString::number(std::uniform_int_distribution<int>(1000, 9999)(m_random));
                break;
            }
            pick -= code.weight;
        }
        const char* prefix = kPrefixes.at(std::uniform_int_distribution<size_t>(0, kPrefixes.size() - 1)(m_random));
        return QString::fromLatin1(prefix) + last4;
    }

    void startSale() {
        const QString code = drawCode();
        const drivers::ScanClassification scan = m_classifier.classify(code);
        if (scan.kind != drivers::ScanKind::PaymentCode) fail(QStringLiteral("classify"), code.right(4));
        store::NewOrder order;
        order.channel = drivers::walletName(scan.wallet);
        // One sale in thirty is above ¥1000.00, where the wallet first asks for the payer's password (§17.3).
        order.totalFee = std::uniform_int_distribution<int>(0, 29)(m_random) == 0
                             ? std::uniform_int_distribution<qint64>(100001, 300000)(m_random)
                             : std::uniform_int_distribution<qint64>(1, 50000)(m_random);
        order.discountFee = order.totalFee > 100 ? std::uniform_int_distribution<qint64>(0, 50)(m_random) : 0;
        order.operatorId = m_options.operatorId;
        auto created = m_orders.createOrder(order);
        if (!created) fail(QStringLiteral("createOrder"), created.error());
        if (auto started = m_engine.startMicropay(*created, scan.code); !started)
            fail(QStringLiteral("startMicropay"), started.error());
        const QString no = created->mchOrderNo;
        announce(QStringLiteral("PAY %1 %2 %3").arg(no, code.right(4)).arg(created->payableFee));
        // One payment in four of those that make the customer wait is cancelled by the cashier while it runs: it
        // ends by reverse, or as the wallet decided if that came first (REVERSE_NOT_ALLOWED: paid).
        const bool waits = code.right(4).startsWith(QLatin1String("01")) || code.endsWith(QLatin1String("0200")) ||
                           code.endsWith(QLatin1String("0301")) || code.endsWith(QLatin1String("0600"));
        if (waits && std::uniform_int_distribution<int>(0, 3)(m_random) == 0) {
            const int after = std::uniform_int_distribution<int>(0, 800)(m_random);
            QTimer::singleShot(after, this, [this, no] {
                if (m_engine.cancel(no)) announce(QStringLiteral("CANCEL %1").arg(no));
            });
        }
    }

    void onFinished(const checkout::PaymentResult& result) {
        announce(QStringLiteral("RESULT %1 %2 %3 %4 %5")
                     .arg(result.mchOrderNo, store::orderStatusName(result.status))
                     .arg(result.payableFee)
                     .arg(result.reasonCode.isEmpty() ? QStringLiteral("-") : result.reasonCode,
                          result.recovered ? QStringLiteral("recovered") : QStringLiteral("live")));
        // The next customer steps up once the cashier has seen the result.
        if (m_recovered && !result.recovered && !m_options.resolveOnly) {
            QTimer::singleShot(0, this, [this] { startSale(); });
        }
    }

    Options m_options;
    store::OrderStore& m_orders;
    checkout::PaymentEngine& m_engine;
    drivers::ScanClassifier m_classifier;
    std::mt19937 m_random;
    bool m_recovered = false;
};

std::optional<Options> parse(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The checkout core, for the payment chaos harness."));
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
    const QCommandLineOption session(QStringLiteral("session"), QStringLiteral("Session token."),
                                     QStringLiteral("TOKEN"));
    const QCommandLineOption operatorId(QStringLiteral("operator"), QStringLiteral("The session's operator."),
                                        QStringLiteral("ID"));
    const QCommandLineOption offset(QStringLiteral("clock-offset"), QStringLiteral("Stored server clock offset."),
                                    QStringLiteral("S"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of codes and amounts."),
                                  QStringLiteral("S"));
    const QCommandLineOption inflight(QStringLiteral("inflight"), QStringLiteral("Payments running at once."),
                                      QStringLiteral("N"));
    const QCommandLineOption resolve(QStringLiteral("resolve-only"),
                                     QStringLiteral("Resume what is unfinished, start no sale, exit."));
    parser.addOptions({db, seq, url, device, merchant, secret, session, operatorId, offset, seed, inflight, resolve});
    parser.process(app);

    Options options;
    options.dbPath = parser.value(db);
    options.sequenceFile = parser.value(seq);
    options.url = parser.value(url);
    options.deviceId = parser.value(device);
    options.merchantNo = parser.value(merchant);
    options.secret = parser.value(secret);
    options.session = parser.value(session);
    options.operatorId = parser.value(operatorId);
    options.clockOffset = parser.value(offset).toLongLong();
    options.resolveOnly = parser.isSet(resolve);
    if (parser.isSet(inflight)) options.inflight = std::clamp(parser.value(inflight).toInt(), 1, 32);
    options.seed = parser.isSet(seed) ? parser.value(seed).toUInt() : std::random_device{}();
    if (options.dbPath.isEmpty() || options.sequenceFile.isEmpty() || options.url.isEmpty() ||
        options.deviceId.isEmpty() || options.merchantNo.isEmpty() || options.secret.isEmpty() ||
        options.session.isEmpty() || options.operatorId.isEmpty()) {
        std::fprintf(stderr,
                     "chaos_terminal: --db, --seq-file, --url, --device-id, --merchant-no, --secret, --session and "
                     "--operator are required\n");
        return std::nullopt;
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // Thousands of payments: the per-request logs would only hide the one line that matters.
    QLoggingCategory::setFilterRules(QStringLiteral("facepos.*.debug=false\nfacepos.*.info=false"));
    const std::optional<Options> options = parse(app);
    if (!options) return kExitUsage;

    auto clock = std::make_shared<SystemClock>();
    DatabaseOptions databaseOptions;
    databaseOptions.migrations = appMigrations();
    auto db = Database::open(options->dbPath, databaseOptions);
    if (!db) fail(QStringLiteral("Database::open"), db.error());

    store::OrderStoreOptions storeOptions;
    storeOptions.deviceTag = store::OrderNumbers::deviceTagFor(options->deviceId);
    storeOptions.sequenceFile = options->sequenceFile;
    auto orders = store::OrderStore::open(*db, clock, storeOptions);
    if (!orders) fail(QStringLiteral("OrderStore::open"), orders.error());

    auto http = CurlHttpClient::create();
    if (!http) fail(QStringLiteral("CurlHttpClient::create"), http.error());

    // A short request timeout, so that the harness's injected latency (above it in some runs) makes real timeouts:
    // unknown outcomes that only a query resolves.
    backend::BackendConfig config;
    config.baseUrl = QUrl(options->url);
    config.deviceId = options->deviceId;
    config.merchantNo = options->merchantNo;
    config.deviceSecret = options->secret.toLatin1();
    config.timeout = 1500ms;
    config.connectTimeout = 1000ms;
    config.retryDelay = 100ms;
    backend::BackendClient backend(**http, clock, config);
    backend.setSessionToken(options->session);
    backend.setClockOffset(options->clockOffset);

    // Short terminal-side limits. The query and retry intervals are the terminal's own choice. The channel limits
    // and the reverse guard are counted on the terminal's clock, while the sandbox — which enforces its 15 s guard
    // (REVERSE_TOO_EARLY) and its 45 s auto-revoke on its own clock — runs about nine times faster in this proof:
    // 2 s here are about 18 s there, so the terminal still never reverses sooner than 15 s after the charge as the
    // sandbox counts it, and an early attempt would be refused and retried, not obeyed.
    checkout::PaymentLimits limits;
    limits.wechatLimit = 2s;
    limits.alipayLimit = 3s;
    limits.unionpayLimit = 3s;
    limits.queryInterval = 250ms;
    limits.reverseGuard = 2s;
    limits.retryInterval = 250ms;
    checkout::PaymentEngine engine(**orders, backend, clock, checkout::PaymentEngine::timerScheduler(), limits);

    Terminal terminal(*options, **orders, engine);
    QTimer::singleShot(0, &terminal, [&terminal] { terminal.start(); });
    return QCoreApplication::exec();
}
