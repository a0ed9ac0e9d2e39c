#include "support/child_process.h"

#include <sqlite3.h>

#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <memory>

#include "platform/crypto.h"

namespace facepos::test {

ChildRun runChild(const ChildOptions& options) {
    ChildRun result;
    QProcess child;
    child.setProgram(options.program);
    child.setArguments(options.arguments);
    child.setStandardErrorFile(options.stderrPath, QIODevice::Append);
    child.start();
    if (!child.waitForStarted(10000)) return result;
    result.started = true;
    QElapsedTimer elapsed;
    elapsed.start();
    const qint64 until = options.killAfter ? options.killAfter->count() : options.limit.count();
    const qint64 tick = options.onTick ? options.tickEvery.count() : 0;
    qint64 nextTick = tick;
    while (child.state() != QProcess::NotRunning && elapsed.elapsed() < until) {
        qint64 wait = until - elapsed.elapsed();
        if (tick > 0) wait = std::min(wait, nextTick - elapsed.elapsed());
        child.waitForReadyRead(static_cast<int>(std::max<qint64>(1, wait)));
        if (tick > 0 && elapsed.elapsed() >= nextTick) {
            options.onTick();
            nextTick = elapsed.elapsed() + tick;
        }
    }
    if (child.state() != QProcess::NotRunning) {
        result.killed = true;
        child.kill();  // SIGKILL
    }
    child.waitForFinished(30000);
    result.exitStatus = child.exitStatus();
    result.exitCode = child.exitCode();
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    // The last element follows the last newline: empty, or a line the kill cut short.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) result.lines.append(QString::fromUtf8(lines.at(i)));
    return result;
}

std::string fileTail(const QString& path, qsizetype bytes) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return "(no stderr)";
    return file.readAll().right(bytes).toStdString();
}

Result<QList<QStringList>> queryFileRows(const QString& path, const QString& sql, const QStringList& binds) {
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr);
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
    if (opened != SQLITE_OK) return makeError(QStringLiteral("test.sqlite"), QString::fromUtf8(sqlite3_errstr(opened)));
    sqlite3_stmt* rawStatement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(db.get(), text.constData(), static_cast<int>(text.size()), &rawStatement, nullptr) !=
        SQLITE_OK) {
        return makeError(QStringLiteral("test.sqlite"), QString::fromUtf8(sqlite3_errmsg(db.get())));
    }
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(rawStatement, &sqlite3_finalize);
    for (qsizetype i = 0; i < binds.size(); ++i) {
        const QByteArray value = binds.at(i).toUtf8();
        sqlite3_bind_text(statement.get(), static_cast<int>(i + 1), value.constData(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT);
    }
    QList<QStringList> rows;
    const int columns = sqlite3_column_count(statement.get());
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
        QStringList row;
        for (int c = 0; c < columns; ++c) {
            const auto* value = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), c));
            row.append(value ? QString::fromUtf8(value) : QString());
        }
        rows.append(row);
    }
    if (step != SQLITE_DONE)
        return makeError(QStringLiteral("test.sqlite"), QString::fromUtf8(sqlite3_errmsg(db.get())));
    return rows;
}

Result<ProofSandbox> startProofSandbox(const QString& dir, const QString& adminToken, int threads) {
    sandbox::SandboxOptions options;
    options.dbPath = dir + QStringLiteral("/sandbox.db");
    options.seed = QStringLiteral("demo");
    options.adminToken = adminToken;
    options.threads = threads;
    auto started = sandbox::SandboxServer::start(options);
    if (!started) return started.error();
    ProofSandbox proof;
    proof.server = std::move(started).value();
    proof.client = std::make_unique<SandboxTestClient>(proof.server->url());
    auto key = crypto::EcKeyPair::generate();
    if (!key) return key.error();
    proof.merchantKey = SandboxTestClient::merchantKey(QString::fromLatin1(ProofSandbox::kPassword),
                                                       QString::fromLatin1(ProofSandbox::kMerchantNo));
    if (auto activated = activateDevice(*proof.server, *proof.client, *key, proof.merchantKey); !activated)
        return activated.error();
    return proof;
}

}  // namespace facepos::test
