#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "platform/result.h"
#include "sandbox/sandbox_server.h"
#include "support/sandbox_test_client.h"

// Helpers of the proofs that run a piece of the terminal as a process of its own and SIGKILL it at random moments
// (tst_crash_recovery, tst_payment_chaos), and then read the databases it and the sandbox left behind.
namespace facepos::test {

// How one run of a child process went.
struct ChildRun {
    bool started = false;
    bool killed = false;  // by the harness
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    int exitCode = -1;
    // The complete lines it printed on stdout. A line the kill cut short was never acted upon, so it is left out.
    QStringList lines;
};

struct ChildOptions {
    QString program;
    QStringList arguments;
    QString stderrPath;  // the child's stderr is appended here
    // SIGKILL this long after the start; nullopt: let it end by itself within `limit`, then SIGKILL it.
    std::optional<std::chrono::milliseconds> killAfter;
    std::chrono::milliseconds limit{0};
    // Called about every `tickEvery` while the child runs (nothing when 0), e.g. to move the sandbox's clock on.
    std::function<void()> onTick;
    std::chrono::milliseconds tickEvery{0};
};

// Starts the child, waits as the options say, and collects what it printed. The harness reads stdout from a pipe,
// which keeps what was flushed when the process dies.
ChildRun runChild(const ChildOptions& options);

// The last `bytes` of a text file (a child's stderr), or "(no stderr)".
std::string fileTail(const QString& path, qsizetype bytes = 4000);

// Every row of `sql` (with `binds` as text parameters) on the SQLite file at `path`, opened read-only, each column
// as text (NULL as a null QString). Error code "test.sqlite".
Result<QList<QStringList>> queryFileRows(const QString& path, const QString& sql, const QStringList& binds = {});

// The sandbox of a proof: seeded "demo", on loopback, its database in `dir`, with one device activated for the demo
// merchant 88001234 — the terminal the children play. `client` holds that device's identity and secret (for a
// merchant_login the harness makes once); `merchantKey` is the merchant's password key for proofs.
struct ProofSandbox {
    static constexpr char kMerchantNo[] = "88001234";  // docs/terminal-api.md §17.2
    static constexpr char kPassword[] = "Demo#8800";

    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<SandboxTestClient> client;
    QString merchantKey;
};

// Starts it with `threads` workers (injected delays hold a worker each). Errors: the sandbox's or the activation's.
Result<ProofSandbox> startProofSandbox(const QString& dir, const QString& adminToken, int threads = 4);

}  // namespace facepos::test
