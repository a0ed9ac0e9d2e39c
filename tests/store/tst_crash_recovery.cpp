// The proof of issue 4: the terminal core (facepos_crash_terminal, a process of its own) records sales against the
// in-process sandbox while the sandbox injects faults on sync_upload, and the harness SIGKILLs it at random moments
// — in commits, between the steps of a sale, in uploads, during start-up — at least 100 times, restarting it each
// time, until at least 2,000 sales were acknowledged to the cashier (`SAVED` read from its stdout). Then the faults
// are cleared and the core runs once more until its outbox is empty. Every acknowledged order must then exist on
// the sandbox exactly once, nothing may be pending or dead, and the terminal's database must be intact.
//
// Real time on both sides (the child cannot share a ManualClock). The kill moments come from a seeded generator.
// For a longer soak, FACEPOS_CRASH_SEED, FACEPOS_CRASH_KILLS and FACEPOS_CRASH_ORDERS override the seed and the
// minimum kills and sales, and FACEPOS_CRASH_KEEP keeps the databases and the log. The child's stderr is kept in the
// temporary directory and its tail is printed when a run ends in anything other than the harness's kill.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <random>
#include <utility>

#include "app/app_schema.h"
#include "app/store/outbox.h"
#include "platform/crypto.h"
#include "platform/database.h"
#include "platform/result.h"
#include "platform/system_clock.h"
#include "sandbox/sandbox_server.h"
#include "support/child_process.h"
#include "support/sandbox_test_client.h"

namespace facepos::store {
namespace {

using namespace std::chrono_literals;
using Milliseconds = std::chrono::milliseconds;

// The issue asks for ≥ 2,000 sales and ≥ 100 kills; more kills cost ~0.25 s each and reach more rare moments.
constexpr int kMinOrders = 2000;
constexpr int kMinKills = 250;
constexpr int kKillAfterMinMs = 30;
constexpr int kKillAfterMaxMs = 400;
// Far above the ~2 minutes the loop takes on two cores; a safety net so a hung child fails the test with figures.
constexpr auto kLoopBudget = 10min;

// What one run of the child printed and how it ended.
struct ChildRun {
    QStringList saved;
    bool ready = false;
    bool drained = false;
    bool killed = false;  // by the harness
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    int exitCode = -1;
};

class CrashRecoveryTest : public ::testing::Test {
protected:
    void SetUp() override {
        // The in-process sandbox logs every request at debug level: thousands of lines that hide the figures.
        QLoggingCategory::setFilterRules(QStringLiteral("facepos.sandbox.debug=false"));
        ASSERT_TRUE(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("FACEPOS_CRASH_KEEP"));
        auto proof = test::startProofSandbox(m_dir.path(), QStringLiteral("crash-admin-token"));
        ASSERT_TRUE(proof.ok()) << proof.error().message.toStdString();
        m_server = std::move(proof->server);
        m_deviceId = proof->client->deviceId();
        m_secret = proof->client->secret();
    }

    void TearDown() override {
        if (m_server) m_server->stop();
    }

    QStringList childArguments() const {
        return {QStringLiteral("--db"),          m_dir.filePath(QStringLiteral("terminal/facepos.db")),
                QStringLiteral("--seq-file"),    m_dir.filePath(QStringLiteral("terminal/order-sequence")),
                QStringLiteral("--url"),         m_server->url().toString(),
                QStringLiteral("--device-id"),   m_deviceId,
                QStringLiteral("--merchant-no"), QString::fromLatin1(test::ProofSandbox::kMerchantNo),
                QStringLiteral("--secret"),      m_secret};
    }

    QString stderrPath() const { return m_dir.filePath(QStringLiteral("terminal-stderr.log")); }

    std::string stderrTail() const { return test::fileTail(stderrPath()); }

    // Starts the child and SIGKILLs it `killAfter` after the start (nullopt: lets it end by itself within `limit`).
    // Only complete lines count: a line the kill cut short was never shown to the cashier.
    ChildRun run(const QStringList& extra, std::optional<Milliseconds> killAfter, Milliseconds limit) {
        test::ChildOptions options;
        options.program = QStringLiteral(FACEPOS_CRASH_TERMINAL);
        options.arguments = childArguments() + extra;
        options.stderrPath = stderrPath();
        options.killAfter = killAfter;
        options.limit = limit;
        const test::ChildRun child = test::runChild(options);
        ChildRun result;
        result.killed = child.killed;
        result.exitStatus = child.exitStatus;
        result.exitCode = child.exitCode;
        for (const QString& line : child.lines) {
            if (line.startsWith(QStringLiteral("SAVED "))) result.saved.append(line.mid(6));
            if (line == QStringLiteral("READY")) result.ready = true;
            if (line.startsWith(QStringLiteral("DRAINED"))) result.drained = true;
        }
        return result;
    }

    qint64 sandboxCount(const QString& sql) {
        auto value = m_server->queryInt64(sql);
        EXPECT_TRUE(value.ok()) << sql.toStdString();
        return value.ok() ? value->value_or(0) : -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    QString m_deviceId;
    QString m_secret;
};

// The mch_order_no and status of every order record the sandbox stored for the device, read from its file: the
// admin API's record_list answers at most 10,000 records and has no paging, and a soak stores more.
Result<QList<std::pair<QString, QString>>> sandboxOrderRecords(const QString& path, const QString& deviceId) {
    auto rows = test::queryFileRows(path,
                                    QStringLiteral("SELECT json_extract(payload, '$.mch_order_no'), "
                                                   "json_extract(payload, '$.status') FROM sync_records "
                                                   "WHERE device_id = ? AND kind = 'order'"),
                                    {deviceId});
    if (!rows) return rows.error();
    QList<std::pair<QString, QString>> records;
    for (const QStringList& row : std::as_const(*rows)) records.append({row.at(0), row.at(1)});
    return records;
}

int setting(const char* variable, int fallback) {
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(variable, &ok);
    return ok ? value : fallback;
}

qint64 terminalCount(Database& db, const QString& sql) {
    auto value = db.queryInt64(sql);
    EXPECT_TRUE(value.ok()) << sql.toStdString() << ": " << (value.ok() ? "" : value.error().message.toStdString());
    return value.ok() ? value->value_or(0) : -1;
}

TEST_F(CrashRecoveryTest, EveryAcknowledgedOrderReachesTheBackendExactlyOnceAcrossKillsAndFaults) {
    // GIVEN the sandbox failing, dropping and delaying this device's sync_upload requests (the delay after the commit
    // opens a window in which a kill leaves records stored on the server but not acknowledged on the terminal)
    const QJsonObject faults{{QStringLiteral("calls"), QJsonArray{QStringLiteral("sync_upload")}},
                             {QStringLiteral("device_id"), m_deviceId},
                             {QStringLiteral("http_5xx_percent"), 10},
                             {QStringLiteral("drop_before_commit_percent"), 10},
                             {QStringLiteral("drop_after_commit_percent"), 15},
                             {QStringLiteral("delay_before_ms"), 20},
                             {QStringLiteral("delay_after_ms"), 15},
                             {QStringLiteral("seed"), 20260404}};
    ASSERT_EQ(m_server->admin(QStringLiteral("faults_set"), faults).value(QStringLiteral("code")).toInt(), 0);

    // WHEN the terminal core is killed at random moments until enough sales were acknowledged
    const quint32 seed = static_cast<quint32>(setting("FACEPOS_CRASH_SEED", 4004));
    const int minOrders = setting("FACEPOS_CRASH_ORDERS", kMinOrders);
    const int minKills = setting("FACEPOS_CRASH_KILLS", kMinKills);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> killAfter(kKillAfterMinMs, kKillAfterMaxMs);
    QStringList saved;
    QSet<QString> savedSet;
    QStringList reissued;  // numbers acknowledged twice: an order number used again after a restart
    int runs = 0;
    int kills = 0;
    int drainKills = 0;
    int killsBeforeReady = 0;
    int emptyRuns = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    while ((saved.size() < minOrders || kills < minKills) &&
           elapsed.elapsed() < std::chrono::duration_cast<Milliseconds>(kLoopBudget).count()) {
        // Back-to-back sales in some runs (the outbox grows, most kills land in commits), paced sales in others
        // (uploads and their acknowledgements interleave with the sales), and in one run of eight no sales at all:
        // the kill lands in an upload or in the acknowledgement of one, unless the backlog ran out first.
        const bool drainOnly = std::uniform_int_distribution<int>(0, 7)(random) == 0;
        const int pace = std::array{0, 1, 2, 5}.at(std::uniform_int_distribution<size_t>(0, 3)(random));
        QStringList arguments{QStringLiteral("--seed"), QString::number(random()), QStringLiteral("--pace-ms"),
                              QString::number(pace)};
        if (drainOnly) arguments.append(QStringLiteral("--drain-only"));
        const ChildRun result = run(arguments, Milliseconds(killAfter(random)), 0ms);
        const bool drainedFirst =
            drainOnly && result.drained && result.exitStatus == QProcess::NormalExit && result.exitCode == 0;
        ASSERT_TRUE(result.killed || drainedFirst)
            << "run " << runs + 1 << " ended by itself (exit status " << static_cast<int>(result.exitStatus)
            << ", code " << result.exitCode << "); stderr:\n"
            << stderrTail();
        ++runs;
        if (!result.killed) continue;
        ++kills;
        if (drainOnly) ++drainKills;
        if (!result.ready) ++killsBeforeReady;
        if (result.saved.isEmpty() && !drainOnly) ++emptyRuns;
        for (const QString& no : result.saved) {
            if (savedSet.contains(no)) reissued.append(no);
            savedSet.insert(no);
            saved.append(no);
        }
    }
    const qint64 loopMs = elapsed.elapsed();
    std::printf("crash recovery: %d kills, %lld sales acknowledged in %.1f s\n", kills,
                static_cast<long long>(saved.size()), static_cast<double>(loopMs) / 1000.0);
    std::fflush(stdout);
    ASSERT_GE(saved.size(), minOrders) << "only " << saved.size() << " sales in " << kills << " runs";
    ASSERT_GE(kills, minKills);
    EXPECT_TRUE(reissued.isEmpty()) << "mch_order_no acknowledged twice: " << reissued.join(u' ').toStdString();

    const QJsonObject counters = m_server->admin(QStringLiteral("faults_get"))
                                     .value(QStringLiteral("data"))
                                     .toObject()
                                     .value(QStringLiteral("counters"))
                                     .toObject();
    ASSERT_EQ(m_server->admin(QStringLiteral("faults_clear")).value(QStringLiteral("code")).toInt(), 0);

    // AND, the faults gone, it runs once more until its outbox is empty
    QElapsedTimer drainTimer;
    drainTimer.start();
    const ChildRun drain = run({QStringLiteral("--drain-only")}, std::nullopt, 120s);
    const qint64 drainMs = drainTimer.elapsed();
    ASSERT_FALSE(drain.killed) << "the outbox did not drain within 120 s; stderr:\n" << stderrTail();
    ASSERT_EQ(drain.exitStatus, QProcess::NormalExit);
    ASSERT_EQ(drain.exitCode, 0) << stderrTail();
    ASSERT_TRUE(drain.drained);

    // THEN every acknowledged order is on the sandbox exactly once, as PAID
    const qint64 sandboxOrders = sandboxCount(
        QStringLiteral("SELECT COUNT(*) FROM sync_records WHERE device_id = '%1' AND kind = 'order'").arg(m_deviceId));
    const qint64 sandboxRecords =
        sandboxCount(QStringLiteral("SELECT COUNT(*) FROM sync_records WHERE device_id = '%1'").arg(m_deviceId));
    auto stored = sandboxOrderRecords(m_dir.filePath(QStringLiteral("sandbox.db")), m_deviceId);
    ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
    ASSERT_EQ(stored->size(), sandboxOrders);
    QHash<QString, int> onServer;
    QHash<QString, QString> serverStatus;
    for (const auto& [no, status] : std::as_const(*stored)) {
        ++onServer[no];
        serverStatus.insert(no, status);
    }
    QStringList missing;
    QStringList notPaid;
    for (const QString& no : std::as_const(saved)) {
        if (!onServer.contains(no)) {
            missing.append(no);
        } else if (serverStatus.value(no) != QStringLiteral("PAID")) {
            notPaid.append(no + u'=' + serverStatus.value(no));
        }
    }
    QStringList duplicated;
    for (auto it = onServer.cbegin(); it != onServer.cend(); ++it) {
        if (it.value() != 1) duplicated.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    }
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " acknowledged orders missing on the sandbox, e.g. "
                                   << missing.mid(0, 10).join(u' ').toStdString();
    EXPECT_TRUE(duplicated.isEmpty()) << duplicated.size() << " orders stored more than once, e.g. "
                                      << duplicated.mid(0, 10).join(u' ').toStdString();
    EXPECT_TRUE(notPaid.isEmpty()) << notPaid.mid(0, 10).join(u' ').toStdString();

    // AND the terminal's database is intact, with nothing pending or dead, and the sandbox holds exactly what it sent
    DatabaseOptions readOnly;
    readOnly.migrations = appMigrations();
    readOnly.readOnly = true;
    auto db = Database::open(m_dir.filePath(QStringLiteral("terminal/facepos.db")), readOnly);
    ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
    auto integrity = db->queryText(QStringLiteral("PRAGMA integrity_check"));
    ASSERT_TRUE(integrity.ok());
    EXPECT_EQ(integrity->value_or(QString()), QStringLiteral("ok"));
    Outbox outbox(*db, std::make_shared<SystemClock>());
    auto snapshot = outbox.snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message.toStdString();
    EXPECT_EQ(snapshot->pending, 0);
    EXPECT_EQ(snapshot->dead, 0);
    EXPECT_EQ(terminalCount(*db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'dead')")), 0);
    const qint64 terminalOrders = terminalCount(*db, QStringLiteral("SELECT COUNT(*) FROM orders"));
    const qint64 terminalFinal =
        terminalCount(*db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE status NOT IN ('CREATED', 'PAYING')"));
    const qint64 terminalAcked = terminalCount(
        *db,
        QStringLiteral("SELECT COUNT(DISTINCT record_id) FROM outbox WHERE call = 'sync_upload' AND state = 'acked'"));
    EXPECT_GE(terminalOrders, saved.size());
    EXPECT_EQ(terminalFinal, sandboxOrders) << "every final order is sent once, and nothing else is an order";
    EXPECT_EQ(terminalAcked, sandboxRecords) << "every acknowledged record is on the sandbox, and only those";
    auto paidLocally = db->prepare(QStringLiteral("SELECT status FROM orders WHERE mch_order_no = ?"));
    ASSERT_TRUE(paidLocally.ok());
    int notPaidLocally = 0;
    for (const QString& no : std::as_const(saved)) {
        ASSERT_TRUE(paidLocally->bindAll({no}).ok());
        auto row = paidLocally->step();
        ASSERT_TRUE(row.ok());
        if (!*row || paidLocally->columnText(0) != QStringLiteral("PAID")) ++notPaidLocally;
        paidLocally->reset();
    }
    EXPECT_EQ(notPaidLocally, 0) << "acknowledged orders not PAID in the terminal's own database";

    std::printf(
        "crash recovery: seed %u, %d runs, %d kills (%d before READY, %d in drain-only runs, %d sale runs without a "
        "sale) in %.1f s, %lld sales acknowledged; terminal: %lld orders (%lld final), %lld records acked; sandbox: "
        "%lld order records, %lld "
        "records; faults injected: %d (http_5xx %d, dropped_before_commit %d, dropped_after_commit %d, delayed %d); "
        "final drain %.1f s\n",
        seed, runs, kills, killsBeforeReady, drainKills, emptyRuns, static_cast<double>(loopMs) / 1000.0,
        static_cast<long long>(saved.size()), static_cast<long long>(terminalOrders),
        static_cast<long long>(terminalFinal), static_cast<long long>(terminalAcked),
        static_cast<long long>(sandboxOrders), static_cast<long long>(sandboxRecords),
        counters.value(QStringLiteral("faulted")).toInt(), counters.value(QStringLiteral("http_5xx")).toInt(),
        counters.value(QStringLiteral("dropped_before_commit")).toInt(),
        counters.value(QStringLiteral("dropped_after_commit")).toInt(),
        counters.value(QStringLiteral("delayed")).toInt(), static_cast<double>(drainMs) / 1000.0);
    std::fflush(stdout);
}

}  // namespace
}  // namespace facepos::store
