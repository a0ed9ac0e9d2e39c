// The test VFS shims (tests/support/test_vfs.h) on a plain Database with one small table: that the power-loss VFS
// really discards unsynced writes and nothing else, that SQLite comes through any cut with every commit it reported
// and an intact file, and that the quota VFS fills up like a disk and frees up again.
//
// The cut points come from a seeded generator; FACEPOS_TEST_SEED overrides the seed, which failures print.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QString>
#include <QTemporaryDir>
#include <optional>
#include <ostream>
#include <random>
#include <stdexcept>
#include <utility>

#include "platform/database.h"
#include "support/test_vfs.h"

QT_BEGIN_NAMESPACE
// Lets GoogleTest print QStrings in failure messages.
inline void PrintTo(const QString& text, std::ostream* os) {
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace facepos {
namespace {

using test::PowerLossVfs;
using test::QuotaVfs;

// Unwraps a Result a test depends on; a failure surfaces as the test's exception, with the error's message.
template <typename T>
T require(Result<T> result) {
    if (!result.ok()) {
        throw std::runtime_error((result.error().code + QStringLiteral(": ") + result.error().message).toStdString());
    }
    return std::move(result).value();
}

void require(const Result<void>& result) {
    if (!result.ok()) {
        throw std::runtime_error((result.error().code + QStringLiteral(": ") + result.error().message).toStdString());
    }
}

std::uint32_t testSeed() {
    bool ok = false;
    const uint seed = qEnvironmentVariable("FACEPOS_TEST_SEED").toUInt(&ok);
    return ok ? seed : 20261123u;
}

const Migration kCreateItems{1, "create_items",
                             "CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL, payload BLOB);"};

DatabaseOptions itemsSchema(QByteArray vfs = {},
                            DatabaseOptions::Synchronous synchronous = DatabaseOptions::Synchronous::Full) {
    DatabaseOptions options;
    options.migrations = {kCreateItems};
    options.vfs = std::move(vfs);
    options.synchronous = synchronous;
    return options;
}

// Row `id`'s content: its size chosen by the caller, its bytes derived from the id so a mixed-up page shows.
QByteArray payloadFor(qint64 id, int size) {
    return QByteArray(size, static_cast<char>('a' + id % 26));
}

Result<void> insertRow(Database& db, qint64 id, int size) {
    return db.execute(QStringLiteral("INSERT INTO items(id, label, payload) VALUES (?, ?, ?)"),
                      {id, QStringLiteral("row %1").arg(id), payloadFor(id, size)});
}

qint64 rowCount(Database& db) {
    return require(db.queryInt64(QStringLiteral("SELECT count(*) FROM items"))).value_or(-1);
}

QString integrity(Database& db) {
    return require(db.queryText(QStringLiteral("PRAGMA integrity_check"))).value_or(QStringLiteral("(no answer)"));
}

class PowerLossVfsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        PowerLossVfs::install();
        PowerLossVfs::reset();
    }
    void TearDown() override { PowerLossVfs::reset(); }

    QString pathOf(const QString& name) const { return m_dir.filePath(name); }

    // What a machine does when the power comes back: the file is opened again, through the ordinary VFS.
    static Database reopenAfterCut(const QString& path) {
        PowerLossVfs::reset();
        PowerLossVfs::prepareReopen(path);
        return require(Database::open(path, itemsSchema()));
    }

    QTemporaryDir m_dir;
};

TEST_F(PowerLossVfsTest, CommitsWithoutSyncAreLostAtTheCut) {
    // GIVEN a table made durable, then a connection with synchronous=NORMAL, whose WAL commits are not synced
    const QString path = pathOf(QStringLiteral("items.db"));
    { Database setup = require(Database::open(path, itemsSchema(PowerLossVfs::name()))); }
    PowerLossVfs::reset();
    {
        Database db =
            require(Database::open(path, itemsSchema(PowerLossVfs::name(), DatabaseOptions::Synchronous::Normal)));
        for (qint64 id = 1; id <= 5; ++id) require(insertRow(db, id, 100));
        ASSERT_EQ(rowCount(db), 5);

        // WHEN the power goes
        PowerLossVfs::cutNow();
    }

    // THEN none of them is there, and the file is sound
    Database db = reopenAfterCut(path);
    EXPECT_EQ(rowCount(db), 0);
    EXPECT_EQ(integrity(db), QStringLiteral("ok"));
}

TEST_F(PowerLossVfsTest, SyncedCommitsSurviveTheCut) {
    const QString path = pathOf(QStringLiteral("items.db"));
    {
        Database db = require(Database::open(path, itemsSchema(PowerLossVfs::name())));
        for (qint64 id = 1; id <= 5; ++id) require(insertRow(db, id, 100));
        PowerLossVfs::cutNow();
    }

    Database db = reopenAfterCut(path);
    EXPECT_EQ(rowCount(db), 5);
    EXPECT_EQ(integrity(db), QStringLiteral("ok"));
}

TEST_F(PowerLossVfsTest, NothingCanBeWrittenOrOpenedOnceThePowerIsOff) {
    const QString path = pathOf(QStringLiteral("items.db"));
    Database db = require(Database::open(path, itemsSchema(PowerLossVfs::name())));
    require(insertRow(db, 1, 10));

    PowerLossVfs::cutNow();

    EXPECT_TRUE(PowerLossVfs::cutHappened());
    EXPECT_FALSE(insertRow(db, 2, 10).ok());
    EXPECT_FALSE(Database::open(pathOf(QStringLiteral("other.db")), itemsSchema(PowerLossVfs::name())).ok());
}

TEST_F(PowerLossVfsTest, ArmedCutFailsTheOperationAfterTheGivenNumber) {
    const QString path = pathOf(QStringLiteral("items.db"));
    Database db = require(Database::open(path, itemsSchema(PowerLossVfs::name())));
    const qint64 before = PowerLossVfs::operationCount();
    require(insertRow(db, 1, 10));
    const qint64 perCommit = PowerLossVfs::operationCount() - before;
    ASSERT_GT(perCommit, 1) << "a synchronous=FULL commit writes and syncs the WAL";

    PowerLossVfs::armCutAfter(perCommit);
    require(insertRow(db, 2, 10));  // exactly the operations it needs
    EXPECT_FALSE(PowerLossVfs::cutHappened());
    EXPECT_FALSE(insertRow(db, 3, 10).ok());
    EXPECT_TRUE(PowerLossVfs::cutHappened());
}

// The outcome of a stream of single-row transactions, as its caller saw it.
struct StreamOutcome {
    QMap<qint64, int> committed;     // id → payload size, for every insert that returned ok
    std::optional<qint64> inFlight;  // the insert that failed at the cut: it may or may not have committed
};

// Opens `path` through the power-loss VFS (migrating it if new) and commits rows `firstId`… one by one, until one
// fails or `rows` are in. Small auto-checkpoint intervals make checkpoints (writes and truncations of the main file)
// part of the stream. Any failure must be the cut's doing.
StreamOutcome runStream(const QString& path, qint64 firstId, int rows, std::mt19937& random) {
    StreamOutcome outcome;
    auto opened = Database::open(path, itemsSchema(PowerLossVfs::name()));
    if (!opened) {
        EXPECT_TRUE(PowerLossVfs::cutHappened()) << opened.error().message.toStdString();
        return outcome;
    }
    Database db = std::move(opened).value();
    if (auto pragma = db.execute(QStringLiteral("PRAGMA wal_autocheckpoint = 8")); !pragma) {
        EXPECT_TRUE(PowerLossVfs::cutHappened()) << pragma.error().message.toStdString();
        return outcome;
    }
    std::uniform_int_distribution<int> smallRow(0, 200);
    std::uniform_int_distribution<int> largeRow(2000, 12000);  // overflow pages
    std::bernoulli_distribution large(0.2);
    for (qint64 id = firstId; id < firstId + rows; ++id) {
        const int size = large(random) ? largeRow(random) : smallRow(random);
        if (auto inserted = insertRow(db, id, size); !inserted) {
            EXPECT_TRUE(PowerLossVfs::cutHappened()) << inserted.error().message.toStdString();
            outcome.inFlight = id;
            return outcome;
        }
        outcome.committed.insert(id, size);
    }
    return outcome;
}

TEST_F(PowerLossVfsTest, EveryCommittedRowSurvivesACutAtAnyPointOfAStreamOfTransactions) {
    constexpr int kRounds = 150;
    constexpr int kRowsPerRound = 25;
    constexpr int kFreshFileEvery = 10;  // so cuts also fall into creating and migrating a new file
    const std::uint32_t seed = testSeed();
    SCOPED_TRACE(testing::Message() << "FACEPOS_TEST_SEED=" << seed);
    std::mt19937 random(seed);

    // GIVEN the number of operations a round takes on a new file when the power stays on
    qint64 operationsPerRound = 0;
    {
        const QString calibration = pathOf(QStringLiteral("calibration.db"));
        const StreamOutcome outcome = runStream(calibration, 1, kRowsPerRound, random);
        ASSERT_EQ(outcome.committed.size(), kRowsPerRound);
        operationsPerRound = PowerLossVfs::operationCount();
        PowerLossVfs::reset();
    }
    ASSERT_GT(operationsPerRound, kRowsPerRound);

    QString path;
    QMap<qint64, int> committed;
    qint64 nextId = 1;
    int cutsInsideTheWork = 0;
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE(testing::Message() << "round " << round);
        if (round % kFreshFileEvery == 0) {
            path = pathOf(QStringLiteral("items-%1.db").arg(round));
            committed.clear();
        }

        // WHEN the power goes after a random number of operations (sometimes after the round: a cut when idle)
        const qint64 cutAfter =
            std::uniform_int_distribution<qint64>(0, operationsPerRound + operationsPerRound / 10)(random);
        PowerLossVfs::reset();
        PowerLossVfs::armCutAfter(cutAfter);
        const StreamOutcome outcome = runStream(path, nextId, kRowsPerRound, random);
        if (PowerLossVfs::cutHappened()) ++cutsInsideTheWork;
        PowerLossVfs::cutNow();
        for (auto row = outcome.committed.cbegin(); row != outcome.committed.cend(); ++row) {
            committed.insert(row.key(), row.value());
        }
        nextId += kRowsPerRound;

        // THEN the file opens through the ordinary VFS, intact, with every row whose commit returned ok, as written,
        // and no row beyond those and the one in flight
        Database db = reopenAfterCut(path);
        ASSERT_EQ(integrity(db), QStringLiteral("ok"));
        Statement rows = require(db.prepare(QStringLiteral("SELECT id, label, payload FROM items ORDER BY id")));
        QMap<qint64, int> found;
        while (require(rows.step())) {
            const qint64 id = rows.columnInt64(0);
            const QByteArray payload = rows.columnBlob(2);
            found.insert(id, static_cast<int>(payload.size()));
            EXPECT_EQ(rows.columnText(1), QStringLiteral("row %1").arg(id));
            EXPECT_EQ(payload, payloadFor(id, static_cast<int>(payload.size()))) << "row " << id;
        }
        for (auto row = committed.cbegin(); row != committed.cend(); ++row) {
            ASSERT_TRUE(found.contains(row.key()))
                << "committed row " << row.key() << " was lost (cut after " << cutAfter << " operations)";
            EXPECT_EQ(found.value(row.key()), row.value()) << "row " << row.key();
        }
        for (auto row = found.cbegin(); row != found.cend(); ++row) {
            if (committed.contains(row.key())) continue;
            ASSERT_TRUE(outcome.inFlight == row.key()) << "row " << row.key() << " was never reported committed";
            committed.insert(row.key(), row.value());  // it did commit: later rounds must keep it too
        }
    }
    // Most cuts must have fallen inside the work, or the test proves little.
    EXPECT_GT(cutsInsideTheWork, kRounds * 2 / 3);
}

class QuotaVfsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        QuotaVfs::install();
        QuotaVfs::setQuotaBytes(-1);
        QuotaVfs::resetRefusals();
    }
    void TearDown() override { QuotaVfs::setQuotaBytes(-1); }

    QString pathOf(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

TEST_F(QuotaVfsTest, FullDiskRefusesTheInsertKeepsEarlierRowsAndFreeingSpaceLetsWritesResume) {
    // GIVEN 20 rows, then a quota 32 KiB above what the files take
    const QString path = pathOf(QStringLiteral("items.db"));
    {
        Database db = require(Database::open(path, itemsSchema(QuotaVfs::name())));
        for (qint64 id = 1; id <= 20; ++id) require(insertRow(db, id, 1000));
        QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(path) + 32 * 1024);

        // WHEN rows of 4 KiB are added until the disk is full
        qint64 id = 21;
        Result<void> inserted;
        for (; id < 1000; ++id) {
            inserted = insertRow(db, id, 4096);
            if (!inserted) break;
        }

        // THEN the insert fails as "db.full", the files stay within the quota, nothing is lost or damaged
        ASSERT_FALSE(inserted.ok()) << "the quota never filled";
        EXPECT_EQ(inserted.error().code, QStringLiteral("db.full")) << inserted.error().message.toStdString();
        EXPECT_GT(QuotaVfs::refusedWrites(), 0);
        EXPECT_LE(QuotaVfs::usedBytes(path), QuotaVfs::quotaBytes());
        EXPECT_EQ(rowCount(db), id - 1);
        EXPECT_EQ(integrity(db), QStringLiteral("ok"));

        // WHEN space is freed
        QuotaVfs::setQuotaBytes(-1);

        // THEN the same connection writes again
        require(insertRow(db, id, 4096));
        EXPECT_EQ(rowCount(db), id);
    }

    Database reopened = require(Database::open(path, itemsSchema()));
    EXPECT_EQ(integrity(reopened), QStringLiteral("ok"));
    EXPECT_EQ(rowCount(reopened), require(reopened.queryInt64(QStringLiteral("SELECT max(id) FROM items"))));
}

TEST_F(QuotaVfsTest, QuotaCountsEachDatabaseOnItsOwn) {
    const QString first = pathOf(QStringLiteral("first.db"));
    const QString second = pathOf(QStringLiteral("second.db"));
    Database a = require(Database::open(first, itemsSchema(QuotaVfs::name())));
    Database b = require(Database::open(second, itemsSchema(QuotaVfs::name())));
    for (qint64 id = 1; id <= 10; ++id) require(insertRow(a, id, 4096));
    QuotaVfs::setQuotaBytes(QuotaVfs::usedBytes(first));

    EXPECT_EQ(insertRow(a, 11, 4096).error().code, QStringLiteral("db.full"));
    require(insertRow(b, 1, 4096));  // far below the quota on its own
}

}  // namespace
}  // namespace facepos
