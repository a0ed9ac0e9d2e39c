// bench_api_load: Terminal API throughput and latency on loopback against the in-process sandbox.
//
// Starts SandboxServer (demo seed, a temporary database), activates one device and signs a clerk in through the
// terminal's BackendClient, then runs N worker threads, each with its own keep-alive libcurl handle, sending signed
// quick_pay requests (a fresh mch_order_no each, the success test code) and, every K-th request, a signed sync_upload
// batch. Every answer is parsed and its signature verified, as the terminal does. Prints requests/s and p50/p95/p99
// latency per call. Figures go to docs/benchmarks.md with the command that produced them.
//
//   bench_api_load [--workers N] [--requests M] [--sync-every K] [--batch B] [--server-threads T]
#include <curl/curl.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>
#include <vector>

#include "app/backend/backend_client.h"
#include "bench_stats.h"
#include "platform/api_signature.h"
#include "platform/crypto.h"
#include "platform/curl_http_client.h"
#include "platform/system_clock.h"
#include "sandbox/sandbox_server.h"

namespace {

using facepos::bench::percentile;

using namespace facepos;
using Clock = std::chrono::steady_clock;

template <typename T>
std::optional<backend::BackendResult<T>> await(const std::function<void(backend::BackendClient::Callback<T>)>& start) {
    std::optional<backend::BackendResult<T>> result;
    start([&](backend::BackendResult<T> r) { result.emplace(std::move(r)); });
    const QDeadlineTimer deadline(std::chrono::seconds(30));
    while (!result && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

struct Device {
    QString deviceId;
    QByteArray secret;
    QString sessionToken;
};

// Activation and clerk login exactly as the terminal does them.
std::optional<Device> prepareDevice(sandbox::SandboxServer& server, IHttpClient& http) {
    Device device{QStringLiteral("FPBENCH00001"), {}, {}};
    backend::BackendConfig config;
    config.baseUrl = server.url();
    config.deviceId = device.deviceId;
    config.merchantNo = QStringLiteral("88001234");
    auto clock = std::make_shared<SystemClock>();
    backend::BackendClient client(http, clock, config);

    auto key = crypto::EcKeyPair::generate();
    if (!key.ok()) return std::nullopt;
    backend::ActivationRequest request;
    request.merchantNo = config.merchantNo;
    request.password = QStringLiteral("Demo#8800");
    request.devicePublicKeyRaw = key.value().publicKeyRaw();
    request.deviceModel = QStringLiteral("FP-T2");
    request.appVersion = QStringLiteral("1.0.0");
    auto submitted = await<backend::ActivationReply>([&](auto done) { client.activationRequest(request, done); });
    if (!submitted || !submitted->ok()) {
        std::fprintf(stderr, "activation_request failed: %s\n",
                     submitted ? qPrintable(submitted->error().message) : "no answer");
        return std::nullopt;
    }
    const QString requestId = submitted->value().requestId;
    server.admin(QStringLiteral("activation_approve"), {{QStringLiteral("request_id"), requestId}});
    auto status = await<backend::ActivationReply>(
        [&](auto done) { client.activationStatus(config.merchantNo, requestId, done); });
    if (!status || !status->ok()) return std::nullopt;
    auto secret =
        key.value().openSealed(status->value().sealedSecret, backend::BackendClient::activationSecretInfo(requestId));
    if (!secret.ok()) return std::nullopt;
    device.secret = secret.value();
    client.setDeviceSecret(device.secret);
    auto login = await<backend::SessionInfo>(
        [&](auto done) { client.clerkLogin(QStringLiteral("1001"), QStringLiteral("135790"), done); });
    if (!login || !login->ok()) {
        std::fprintf(stderr, "clerk_login failed: %s\n", login ? qPrintable(login->error().message) : "no answer");
        return std::nullopt;
    }
    device.sessionToken = login->value().sessionToken;
    return device;
}

size_t collect(char* data, size_t size, size_t count, void* user) {
    static_cast<QByteArray*>(user)->append(data, static_cast<qsizetype>(size * count));
    return size * count;
}

struct WorkerStats {
    std::vector<double> payMs;
    std::vector<double> syncMs;
    int failures = 0;
    QString firstFailure;
};

struct LoadOptions {
    QByteArray url;
    Device device;
    int requests = 0;
    int syncEvery = 10;
    int batch = 20;
};

// One worker: its own easy handle (one keep-alive connection), requests claimed from a shared counter.
void runWorker(int index, const LoadOptions& options, std::atomic<int>& next, WorkerStats& stats) {
    CURL* curl = curl_easy_init();
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8");
    QByteArray answer;
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 15000L);
    const QString appid = QStringLiteral("mch88001234");
    for (int n = next.fetch_add(1); n < options.requests; n = next.fetch_add(1)) {
        const bool sync = options.syncEvery > 0 && n % options.syncEvery == options.syncEvery - 1;
        QJsonObject message;
        message.insert(QStringLiteral("appid"), appid);
        message.insert(QStringLiteral("device_id"), options.device.deviceId);
        const QString nonce = backend::BackendClient::makeNonce();
        message.insert(QStringLiteral("nonce_str"), nonce);
        message.insert(QStringLiteral("time_stamp"), QString::number(QDateTime::currentSecsSinceEpoch()));
        QByteArray call;
        if (sync) {
            call = "sync_upload";
            QJsonArray records;
            for (int r = 0; r < options.batch; ++r) {
                const QString orderNo = QStringLiteral("BS%1W%2N%3").arg(n).arg(index).arg(r);
                records.append(QJsonObject{
                    {QStringLiteral("record_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                    {QStringLiteral("kind"), QStringLiteral("order")},
                    {QStringLiteral("revision"), 1},
                    {QStringLiteral("created_at"), QStringLiteral("2026-01-01T10:00:00+08:00")},
                    {QStringLiteral("payload"),
                     QJsonObject{{QStringLiteral("mch_order_no"), orderNo},
                                 {QStringLiteral("channel"), QStringLiteral("cash")},
                                 {QStringLiteral("status"), QStringLiteral("PAID")},
                                 {QStringLiteral("total_fee"), 1300},
                                 {QStringLiteral("fee_type"), QStringLiteral("CNY")},
                                 {QStringLiteral("operator_id"), QStringLiteral("C1001")},
                                 {QStringLiteral("paid_at"), QStringLiteral("2026-01-01T10:00:05+08:00")}}}});
            }
            message.insert(QStringLiteral("records"), records);
        } else {
            call = "quick_pay";
            message.insert(QStringLiteral("session_token"), options.device.sessionToken);
            message.insert(QStringLiteral("mch_order_no"),
                           QStringLiteral("BQ%1W%2").arg(n, 10, 10, QLatin1Char('0')).arg(index));
            message.insert(QStringLiteral("total_fee"), 2350);
            message.insert(QStringLiteral("fee_type"), QStringLiteral("CNY"));
            message.insert(QStringLiteral("channel"), QStringLiteral("wechat"));
            message.insert(QStringLiteral("auth_code"), QStringLiteral("134000000000000000"));
            message.insert(QStringLiteral("operator_id"), QStringLiteral("C1001"));
        }
        message.insert(QStringLiteral("sign"), api::sign(message, options.device.secret).value());
        const QByteArray body = QJsonDocument(message).toJson(QJsonDocument::Compact);
        const QByteArray url = options.url + "/api/v1/" + call;
        answer.clear();
        curl_easy_setopt(curl, CURLOPT_URL, url.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));

        const auto started = Clock::now();
        const CURLcode rc = curl_easy_perform(curl);
        const QJsonObject reply = QJsonDocument::fromJson(answer).object();
        const bool trusted = rc == CURLE_OK && api::verify(reply, options.device.secret) &&
                             reply.value(QStringLiteral("req_nonce_str")).toString() == nonce;
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();

        const bool ok = trusted && reply.value(QStringLiteral("code")).toInt(-1) == 0;
        if (!ok) {
            if (stats.failures++ == 0) {
                stats.firstFailure = rc != CURLE_OK ? QString::fromUtf8(curl_easy_strerror(rc))
                                                    : reply.value(QStringLiteral("err_code")).toString() + ' ' +
                                                          reply.value(QStringLiteral("msg")).toString();
            }
            continue;
        }
        (sync ? stats.syncMs : stats.payMs).push_back(ms);
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
}

void printRow(const char* name, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    std::printf("  %-12s %8zu ok   p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", name, ms.size(),
                percentile(ms, 0.50), percentile(ms, 0.95), percentile(ms, 0.99), ms.empty() ? 0.0 : ms.back());
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Terminal API load on loopback against the in-process sandbox"));
    parser.addHelpOption();
    const QCommandLineOption workersOption(QStringLiteral("workers"), QStringLiteral("concurrent clients"),
                                           QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption requestsOption(QStringLiteral("requests"), QStringLiteral("requests in total"),
                                            QStringLiteral("M"), QStringLiteral("20000"));
    const QCommandLineOption syncEveryOption(QStringLiteral("sync-every"),
                                             QStringLiteral("every K-th request is a sync_upload (0: none)"),
                                             QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("records per sync_upload"),
                                         QStringLiteral("B"), QStringLiteral("20"));
    const QCommandLineOption serverThreadsOption(QStringLiteral("server-threads"),
                                                 QStringLiteral("sandbox worker threads"), QStringLiteral("T"),
                                                 QStringLiteral("8"));
    parser.addOptions({workersOption, requestsOption, syncEveryOption, batchOption, serverThreadsOption});
    parser.process(app);

    QTemporaryDir dir;
    sandbox::SandboxOptions options;
    options.dbPath = dir.filePath(QStringLiteral("bench.db"));
    options.seed = QStringLiteral("demo");
    options.threads = parser.value(serverThreadsOption).toInt();
    auto server = sandbox::SandboxServer::start(options);
    if (!server.ok()) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(server.error().message));
        return 1;
    }
    auto http = CurlHttpClient::create();
    if (!http.ok()) return 1;
    const std::optional<Device> device = prepareDevice(*server.value(), *http.value());
    if (!device) {
        std::fprintf(stderr, "could not activate the benchmark device\n");
        return 1;
    }

    LoadOptions load;
    load.url = server.value()->url().toString().toUtf8();
    load.device = *device;
    load.requests = parser.value(requestsOption).toInt();
    load.syncEvery = parser.value(syncEveryOption).toInt();
    load.batch = parser.value(batchOption).toInt();
    const int workers = std::max(1, parser.value(workersOption).toInt());

    curl_global_init(CURL_GLOBAL_DEFAULT);
    std::atomic<int> next{0};
    std::vector<WorkerStats> stats(static_cast<size_t>(workers));
    std::vector<std::thread> threads;
    const auto started = Clock::now();
    for (int i = 0; i < workers; ++i) {
        threads.emplace_back(runWorker, i, std::cref(load), std::ref(next), std::ref(stats[static_cast<size_t>(i)]));
    }
    for (std::thread& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();

    std::vector<double> pay, sync, all;
    int failures = 0;
    QString firstFailure;
    for (WorkerStats& s : stats) {
        pay.insert(pay.end(), s.payMs.begin(), s.payMs.end());
        sync.insert(sync.end(), s.syncMs.begin(), s.syncMs.end());
        failures += s.failures;
        if (firstFailure.isEmpty()) firstFailure = s.firstFailure;
    }
    all = pay;
    all.insert(all.end(), sync.begin(), sync.end());
    const double ok = static_cast<double>(all.size());
    std::printf("bench_api_load: %d workers, %d requests (sync_upload every %d, %d records), server threads %d\n",
                workers, load.requests, load.syncEvery, load.batch, options.threads);
    std::printf("  %.2f s, %.0f signed requests/s (%d failed%s%s)\n", seconds, ok / seconds, failures,
                failures ? ": first " : "", failures ? qPrintable(firstFailure) : "");
    printRow("quick_pay", pay);
    printRow("sync_upload", sync);
    printRow("all", all);
    server.value()->stop();
    curl_global_cleanup();
    return failures == 0 ? 0 : 1;
}
