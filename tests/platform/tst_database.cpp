// Database layer against real SQLite files in a temporary directory.

#include <gtest/gtest.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QString>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <ostream>
#include <stdexcept>
#include <utility>

#include "platform/database.h"

QT_BEGIN_NAMESPACE
// Lets GoogleTest print QStrings in failure messages.
inline void PrintTo(const QString& text, std::ostream* os) {
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace facepos {
namespace {

using namespace std::chrono_literals;

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

const Migration kCreateItems{1, "create_items",
                             "CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL, payload BLOB);"};

DatabaseOptions itemsSchema() {
    DatabaseOptions options;
    options.migrations = {kCreateItems};
    return options;
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + path.toStdString());
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        throw std::runtime_error("cannot write " + path.toStdString());
    }
}

class DatabaseTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString pathOf(const QString& name) const { return m_dir.filePath(name); }

    static qint64 count(Database& db, const QString& table) {
        return require(db.queryInt64(QStringLiteral("SELECT count(*) FROM %1").arg(table))).value_or(-1);
    }

    QTemporaryDir m_dir;
};

// ---- Opening and configuration ----

TEST_F(DatabaseTest, OpenPutsTheFileInWalMode) {
    Database db = require(Database::open(pathOf("pos.db"), {}));

    EXPECT_EQ(require(db.queryText(QStringLiteral("PRAGMA journal_mode"))), std::optional<QString>("wal"));
}

TEST_F(DatabaseTest, OpenSetsSynchronousFull) {
    Database db = require(Database::open(pathOf("pos.db"), {}));

    EXPECT_EQ(require(db.queryInt64(QStringLiteral("PRAGMA synchronous"))), std::optional<qint64>(2));  // FULL
}

TEST_F(DatabaseTest, OpenTurnsOnForeignKeyEnforcement) {
    Database db = require(Database::open(pathOf("pos.db"), {}));

    EXPECT_EQ(require(db.queryInt64(QStringLiteral("PRAGMA foreign_keys"))), std::optional<qint64>(1));
}

TEST_F(DatabaseTest, RowReferencingAMissingParentIsRefusedAsConstraint) {
    DatabaseOptions options;
    options.migrations = {
        {1, "orders_and_lines",
         "CREATE TABLE orders (id INTEGER PRIMARY KEY);"
         "CREATE TABLE lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id));"}};
    Database db = require(Database::open(pathOf("pos.db"), options));

    auto inserted = db.execute(QStringLiteral("INSERT INTO lines (order_id) VALUES (?)"), {42});

    ASSERT_FALSE(inserted.ok());
    EXPECT_EQ(inserted.error().code, "db.constraint");
}

TEST_F(DatabaseTest, OpenCreatesMissingParentDirectories) {
    const QString path = pathOf("data/db/pos.db");

    auto db = Database::open(path, {});

    ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
    EXPECT_TRUE(QFileInfo::exists(path));
}

TEST_F(DatabaseTest, PathBelowARegularFileFailsAsOpenFailedNamingThePath) {
    writeFile(pathOf("blocker"), "not a directory");
    const QString path = pathOf("blocker/pos.db");

    auto db = Database::open(path, {});

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.open_failed");
    EXPECT_TRUE(db.error().message.contains(path)) << db.error().message.toStdString();
}

TEST_F(DatabaseTest, ReadOnlyOpenOfAMissingFileFailsWithTheOsReasonAndCreatesNothing) {
    const QString path = pathOf("missing.db");
    DatabaseOptions options;
    options.readOnly = true;

    auto db = Database::open(path, options);

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.open_failed");
    EXPECT_TRUE(db.error().message.contains(path)) << db.error().message.toStdString();
    EXPECT_TRUE(db.error().message.contains(QLatin1String("No such file or directory")))
        << db.error().message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST_F(DatabaseTest, ReadOnlyConnectionRefusesWrites) {
    const QString path = pathOf("pos.db");
    require(Database::open(path, itemsSchema()));
    DatabaseOptions options = itemsSchema();
    options.readOnly = true;
    Database db = require(Database::open(path, options));

    auto inserted = db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('x')"));

    ASSERT_FALSE(inserted.ok());
    EXPECT_EQ(count(db, QStringLiteral("items")), 0);
}

TEST_F(DatabaseTest, TextFileIsRefusedAsNotADatabase) {
    const QString path = pathOf("notes.txt");
    writeFile(path, QByteArray("These are shopping notes, not a database.\n").repeated(200));

    auto db = Database::open(path, {});

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.not_a_database");
    EXPECT_TRUE(db.error().message.contains(path)) << db.error().message.toStdString();
}

TEST_F(DatabaseTest, ShortTextFileIsRefusedAsNotADatabaseAndLeftUnchanged) {
    // SQLite alone would take a file shorter than one page for an empty database and overwrite it.
    const QString path = pathOf("settings.ini");
    const QByteArray text("[terminal]\nid=42\n");
    writeFile(path, text);

    auto db = Database::open(path, {});

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.not_a_database");
    EXPECT_EQ(readFile(path), text);
}

// ---- Statements and binding ----

TEST_F(DatabaseTest, BoundTextWithQuotesAndSqlIsStoredLiterally) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    const QString hostile = QStringLiteral("O'Brien \"the\" '; DROP TABLE items; --");

    require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES (?)"), {hostile}));

    EXPECT_EQ(require(db.queryText(QStringLiteral("SELECT label FROM items"))), std::optional<QString>(hostile));
    EXPECT_EQ(count(db, QStringLiteral("items")), 1);
}

TEST_F(DatabaseTest, ParametersBindByName) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    Statement insert = require(db.prepare(QStringLiteral("INSERT INTO items (id, label) VALUES (:id, :label)")));

    require(insert.bind(":label", QStringLiteral("coffee")));
    require(insert.bind(QStringLiteral(":id"), 7));
    require(insert.step());

    EXPECT_EQ(require(db.queryText(QStringLiteral("SELECT label FROM items WHERE id = ?"), {7})),
              std::optional<QString>("coffee"));
}

TEST_F(DatabaseTest, ParametersBindByPosition) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    Statement insert = require(db.prepare(QStringLiteral("INSERT INTO items (label, id) VALUES (?, ?)")));

    require(insert.bind(2, qint64{9'000'000'000}));
    require(insert.bind(1, QStringLiteral("tea")));
    require(insert.step());

    EXPECT_EQ(require(db.queryText(QStringLiteral("SELECT label FROM items WHERE id = ?"), {qint64{9'000'000'000}})),
              std::optional<QString>("tea"));
}

TEST_F(DatabaseTest, StatementRunsAgainAfterResetWithNewBindings) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    Statement insert = require(db.prepare(QStringLiteral("INSERT INTO items (label) VALUES (?)")));

    for (const char* label : {"a", "b", "c"}) {
        insert.reset();
        require(insert.bind(1, label));
        require(insert.step());
    }

    EXPECT_EQ(count(db, QStringLiteral("items")), 3);
}

// Statements are kept for reuse once released (StatementCache); a reused one must not remember its last run.
TEST_F(DatabaseTest, ReusedStatementStartsWithNoBindingsAndFromTheFirstRow) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('a'), ('b')")));
    const QString select = QStringLiteral("SELECT label FROM items WHERE label = ? OR ? IS NULL ORDER BY label");
    {
        Statement first = require(db.prepare(select));
        require(first.bindAll({"b", "b"}));
        ASSERT_TRUE(require(first.step()));
        EXPECT_EQ(first.columnText(0), QStringLiteral("b"));
    }

    Statement again = require(db.prepare(select));

    // No bindings survive (both are NULL, so every row matches), and stepping starts over.
    ASSERT_TRUE(require(again.step()));
    EXPECT_EQ(again.columnText(0), QStringLiteral("a"));
}

TEST_F(DatabaseTest, SameSqlMayBeInUseTwiceAtOnce) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('a'), ('b')")));
    const QString select = QStringLiteral("SELECT label FROM items ORDER BY label");
    { Statement warmUp = require(db.prepare(select)); }

    Statement outer = require(db.prepare(select));
    Statement inner = require(db.prepare(select));
    ASSERT_TRUE(require(outer.step()));
    ASSERT_TRUE(require(inner.step()));
    ASSERT_TRUE(require(inner.step()));

    EXPECT_EQ(outer.columnText(0), QStringLiteral("a"));
    EXPECT_EQ(inner.columnText(0), QStringLiteral("b"));
}

TEST_F(DatabaseTest, UnknownParameterNameIsRefusedAsMisuse) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    Statement insert = require(db.prepare(QStringLiteral("INSERT INTO items (label) VALUES (:label)")));

    auto bound = insert.bind(":lable", QStringLiteral("typo"));

    ASSERT_FALSE(bound.ok());
    EXPECT_EQ(bound.error().code, "db.misuse");
}

TEST_F(DatabaseTest, ExecuteRefusesAWrongNumberOfValues) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));

    auto inserted = db.execute(QStringLiteral("INSERT INTO items (id, label) VALUES (?, ?)"), {1});

    ASSERT_FALSE(inserted.ok());
    EXPECT_EQ(inserted.error().code, "db.misuse");
    EXPECT_EQ(count(db, QStringLiteral("items")), 0);
}

TEST_F(DatabaseTest, PrepareRefusesASecondStatement) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));

    auto prepared = db.prepare(QStringLiteral("INSERT INTO items (label) VALUES ('a'); DELETE FROM items;"));

    ASSERT_FALSE(prepared.ok());
    EXPECT_EQ(prepared.error().code, "db.misuse");
}

TEST_F(DatabaseTest, PrepareAcceptsATrailingSemicolonAndComment) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));

    auto prepared = db.prepare(QStringLiteral("SELECT count(*) FROM items; -- all of them"));

    EXPECT_TRUE(prepared.ok()) << prepared.error().message.toStdString();
}

TEST_F(DatabaseTest, BlobWithNulBytesRoundTrips) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    const QByteArray blob("\x00\x01payment\x00\xff\x00", 12);

    require(db.execute(QStringLiteral("INSERT INTO items (id, label, payload) VALUES (1, 'x', ?)"), {blob}));
    Statement select = require(db.prepare(QStringLiteral("SELECT payload FROM items WHERE id = 1")));
    ASSERT_TRUE(require(select.step()));

    EXPECT_EQ(select.columnBlob(0), blob);
}

TEST_F(DatabaseTest, NullBindsAsSqlNull) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));

    require(db.execute(QStringLiteral("INSERT INTO items (id, label, payload) VALUES (1, 'x', ?)"), {nullptr}));
    Statement select = require(db.prepare(QStringLiteral("SELECT payload FROM items WHERE id = 1")));
    ASSERT_TRUE(require(select.step()));

    EXPECT_TRUE(select.columnIsNull(0));
}

TEST_F(DatabaseTest, EmptyStringBindsAsEmptyTextNotNull) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));

    require(db.execute(QStringLiteral("INSERT INTO items (id, label) VALUES (1, ?)"), {QString()}));

    EXPECT_EQ(require(db.queryText(QStringLiteral("SELECT label FROM items WHERE id = 1"))),
              std::optional<QString>(QString()));
    EXPECT_EQ(require(db.queryInt64(QStringLiteral("SELECT label IS NULL FROM items WHERE id = 1"))),
              std::optional<qint64>(0));
}

TEST_F(DatabaseTest, BoolBindsAsOneOrZero) {
    Database db = require(Database::open(pathOf("pos.db"), {}));

    EXPECT_EQ(require(db.queryInt64(QStringLiteral("SELECT ? * 10 + ?"), {true, false})), std::optional<qint64>(10));
}

TEST_F(DatabaseTest, ColumnsReadByName) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    require(db.execute(QStringLiteral("INSERT INTO items (id, label, payload) VALUES (5, 'bread', x'00ff')")));
    Statement select = require(db.prepare(QStringLiteral("SELECT payload, label, id, id > 3 AS big FROM items")));
    ASSERT_TRUE(require(select.step()));

    EXPECT_EQ(select.columnInt64("ID"), 5);
    EXPECT_EQ(select.columnText("label"), QStringLiteral("bread"));
    EXPECT_EQ(select.columnBlob(QStringLiteral("payload")), QByteArray("\x00\xff", 2));
    EXPECT_TRUE(select.columnBool("big"));
    EXPECT_EQ(select.columnIndex("nonexistent"), -1);
}

TEST_F(DatabaseTest, StepReportsTheEndOfTheRows) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('only')")));
    Statement select = require(db.prepare(QStringLiteral("SELECT label FROM items")));

    EXPECT_TRUE(require(select.step()));
    EXPECT_FALSE(require(select.step()));
}

TEST_F(DatabaseTest, DuplicateKeyIsRefusedAsConstraint) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    require(db.execute(QStringLiteral("INSERT INTO items (id, label) VALUES (1, 'a')")));

    auto duplicate = db.execute(QStringLiteral("INSERT INTO items (id, label) VALUES (1, 'b')"));

    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, "db.constraint");
}

TEST_F(DatabaseTest, FullDatabaseIsReportedAsDbFullAskingToFreeSpace) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    // The page limit stands in for a full disk: SQLite reports both as SQLITE_FULL.
    require(db.execute(QStringLiteral("PRAGMA max_page_count = 8")));

    auto inserted = db.execute(QStringLiteral("INSERT INTO items (label, payload) VALUES ('big', ?)"),
                               {QByteArray(qsizetype{64} * 1024, 'x')});

    ASSERT_FALSE(inserted.ok());
    EXPECT_EQ(inserted.error().code, "db.full");
    EXPECT_TRUE(inserted.error().message.contains(QLatin1String("Free space")))
        << inserted.error().message.toStdString();
}

// ---- Transactions ----

TEST_F(DatabaseTest, TransactionRollsBackWhenDestroyedWithoutCommit) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    {
        Transaction transaction = require(db.begin());
        require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('abandoned')")));
    }

    EXPECT_EQ(count(db, QStringLiteral("items")), 0);
}

TEST_F(DatabaseTest, CommittedTransactionSurvivesReopening) {
    const QString path = pathOf("pos.db");
    {
        Database db = require(Database::open(path, itemsSchema()));
        Transaction transaction = require(db.begin());
        require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('kept')")));
        require(transaction.commit());
    }

    Database reopened = require(Database::open(path, itemsSchema()));

    EXPECT_EQ(count(reopened, QStringLiteral("items")), 1);
}

TEST_F(DatabaseTest, ExplicitRollbackDiscardsChanges) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    Transaction transaction = require(db.begin());
    require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('discarded')")));

    require(transaction.rollback());

    EXPECT_FALSE(transaction.isActive());
    EXPECT_EQ(count(db, QStringLiteral("items")), 0);
}

TEST_F(DatabaseTest, WriteWhileAnotherConnectionHoldsTheWriteLockFailsAsBusy) {
    const QString path = pathOf("pos.db");
    DatabaseOptions options = itemsSchema();
    options.busyTimeout = 100ms;
    Database db = require(Database::open(path, options));
    Database other = require(Database::open(path, options));
    Transaction otherWrite = require(other.begin());

    auto inserted = db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('blocked')"));

    ASSERT_FALSE(inserted.ok());
    EXPECT_EQ(inserted.error().code, "db.busy");
}

// ---- Migrations ----

const Migration kAddNotes{2, "add_notes",
                          "ALTER TABLE items ADD COLUMN note TEXT NOT NULL DEFAULT '';\n"
                          "CREATE TABLE notes_log (id INTEGER PRIMARY KEY, text TEXT);\n"
                          "INSERT INTO notes_log (text) VALUES ('migrated');"};

TEST_F(DatabaseTest, MigrationsApplyInOrderUpToTheNewestVersion) {
    DatabaseOptions options;
    options.migrations = {kCreateItems, kAddNotes};

    Database db = require(Database::open(pathOf("pos.db"), options));

    EXPECT_EQ(require(db.schemaVersion()), 2);
    // The second migration altered the table the first created, and ran every statement of its script.
    EXPECT_TRUE(db.execute(QStringLiteral("INSERT INTO items (label, note) VALUES ('a', 'b')")).ok());
    EXPECT_EQ(count(db, QStringLiteral("notes_log")), 1);
}

TEST_F(DatabaseTest, ReopeningAppliesNoMigrationAgain) {
    const QString path = pathOf("pos.db");
    DatabaseOptions options;
    options.migrations = {kCreateItems, kAddNotes};
    require(Database::open(path, options));

    Database reopened = require(Database::open(path, options));

    EXPECT_EQ(count(reopened, QStringLiteral("notes_log")), 1);
    EXPECT_EQ(require(reopened.schemaVersion()), 2);
}

TEST_F(DatabaseTest, OnlyPendingMigrationsApplyToAnOlderFile) {
    const QString path = pathOf("pos.db");
    require(Database::open(path, itemsSchema()));
    DatabaseOptions options;
    options.migrations = {kCreateItems, kAddNotes};

    auto db = Database::open(path, options);

    ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
    EXPECT_EQ(require(db->schemaVersion()), 2);
}

TEST_F(DatabaseTest, FailingMigrationLeavesThePreviousVersionIntactAndIsNamed) {
    const QString path = pathOf("pos.db");
    const Migration broken{2, "add_refunds",
                           "CREATE TABLE refunds (id INTEGER PRIMARY KEY);\n"
                           "INSERT INTO no_such_table VALUES (1);"};
    DatabaseOptions options;
    options.migrations = {kCreateItems, broken};

    auto failed = Database::open(path, options);

    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, "db.migration_failed");
    EXPECT_TRUE(failed.error().message.contains(QLatin1String("add_refunds"))) << failed.error().message.toStdString();
    Database db = require(Database::open(path, itemsSchema()));
    EXPECT_EQ(require(db.schemaVersion()), 1);
    EXPECT_EQ(require(db.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'refunds'"))),
              std::optional<qint64>(0));
}

TEST_F(DatabaseTest, FileFromNewerSoftwareIsRefusedAsTooNew) {
    const QString path = pathOf("pos.db");
    DatabaseOptions newer;
    newer.migrations = {kCreateItems, kAddNotes};
    require(Database::open(path, newer));

    auto db = Database::open(path, itemsSchema());

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.too_new");
    EXPECT_TRUE(db.error().message.contains(path)) << db.error().message.toStdString();
}

TEST_F(DatabaseTest, MigrationListOutOfOrderIsRefused) {
    DatabaseOptions options;
    options.migrations = {kAddNotes, kCreateItems};

    auto db = Database::open(pathOf("pos.db"), options);

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.misuse");
}

// ---- Backup ----

TEST_F(DatabaseTest, BackupIsAnOpenableCopyWithTheSameRows) {
    Database db = require(Database::open(pathOf("pos.db"), itemsSchema()));
    for (int i = 1; i <= 50; ++i) {
        require(db.execute(QStringLiteral("INSERT INTO items (id, label) VALUES (?, ?)"),
                           {i, QStringLiteral("item %1").arg(i)}));
    }
    const QString backupPath = pathOf("backups/pos-backup.db");

    require(db.backupTo(backupPath));
    Database copy = require(Database::open(backupPath, itemsSchema()));

    EXPECT_EQ(count(copy, QStringLiteral("items")), 50);
    EXPECT_EQ(require(copy.queryText(QStringLiteral("SELECT group_concat(label, ',') FROM items ORDER BY id"))),
              require(db.queryText(QStringLiteral("SELECT group_concat(label, ',') FROM items ORDER BY id"))));
}

// ---- Damage and recovery ----

// Reading SQLite's file format directly, to damage exactly one known page.
void overwritePage(const QString& path, qint64 page, int pageSize) {
    QByteArray bytes = readFile(path);
    bytes.replace((page - 1) * pageSize, pageSize, QByteArray(pageSize, static_cast<char>(0xA5)));
    writeFile(path, bytes);
}

int be16(const QByteArray& bytes, int at) {
    return (static_cast<unsigned char>(bytes[at]) << 8) | static_cast<unsigned char>(bytes[at + 1]);
}
quint32 be32(const QByteArray& bytes, int at) {
    return (quint32(static_cast<unsigned char>(bytes[at])) << 24) |
           (quint32(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (quint32(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           quint32(static_cast<unsigned char>(bytes[at + 3]));
}
// SQLite's big-endian varint: seven bits a byte while the high bit is set; the ninth byte gives all eight.
qint64 varint(const QByteArray& bytes, int at) {
    quint64 value = 0;
    for (int i = 0; i < 9; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[at + i]);
        if (i == 8) return static_cast<qint64>((value << 8) | byte);
        value = (value << 7) | (byte & 0x7f);
        if ((byte & 0x80) == 0) break;
    }
    return static_cast<qint64>(value);
}

// A database whose "items" table spans many pages, with one leaf page in the middle of the file overwritten with
// garbage. The b-tree is read directly from the file so the test knows exactly which rows lived on that page.
class DamagedDatabaseTest : public DatabaseTest {
protected:
    static constexpr int kItems = 600;
    static constexpr int kNotes = 3;

    static DatabaseOptions schema() {
        DatabaseOptions options;
        options.migrations = {{1, "create_tables",
                               "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);\n"
                               "CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL, payload BLOB);\n"
                               "CREATE INDEX items_by_label ON items (label);\n"
                               "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL);\n"
                               "CREATE TABLE audit (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL);\n"
                               "CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN\n"
                               "  INSERT INTO audit (item_id) VALUES (new.id);\n"
                               "END;"}};
        return options;
    }

    static QString labelFor(qint64 id) { return QStringLiteral("item-%1").arg(id); }

    void SetUp() override {
        DatabaseTest::SetUp();
        m_path = pathOf("pos.db");
        int rootPage = 0;
        int pageSize = 0;
        {
            Database db = require(Database::open(m_path, schema()));
            Transaction transaction = require(db.begin());
            for (int i = 1; i <= kNotes; ++i) {
                require(db.execute(QStringLiteral("INSERT INTO notes (text) VALUES (?)"),
                                   {QStringLiteral("note %1").arg(i)}));
            }
            for (int i = 1; i <= 3; ++i) {
                require(db.execute(QStringLiteral("INSERT INTO events (kind) VALUES ('sale')")));
            }
            // AUTOINCREMENT remembers id 3 although the row is gone.
            require(db.execute(QStringLiteral("DELETE FROM events WHERE id = 3")));
            for (int i = 1; i <= kItems; ++i) {
                require(db.execute(QStringLiteral("INSERT INTO items (id, label, payload) VALUES (?, ?, ?)"),
                                   {i, labelFor(i), QByteArray(300, static_cast<char>('a' + i % 26))}));
            }
            require(transaction.commit());
            rootPage = static_cast<int>(
                require(db.queryInt64(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'items'")))
                    .value());
            pageSize = static_cast<int>(require(db.queryInt64(QStringLiteral("PRAGMA page_size"))).value());
        }  // Closing checkpoints the WAL, so every page is in the main file.

        QByteArray bytes = readFile(m_path);
        ASSERT_FALSE(QFileInfo::exists(m_path + QStringLiteral("-wal")));
        const int root = (rootPage - 1) * pageSize;
        ASSERT_EQ(static_cast<unsigned char>(bytes[root]), 0x05) << "items should have one interior level";
        // Interior table page: cell count at +3, right-most child at +8, cell pointers from +12; each cell is a
        // 4-byte child page number followed by a varint key, the largest rowid in that child.
        const int cells = be16(bytes, root + 3);
        ASSERT_GT(cells, 4);
        const int middle = cells / 2;
        const int cell = root + be16(bytes, root + 12 + 2 * middle);
        const int previousCell = root + be16(bytes, root + 12 + 2 * (middle - 1));
        const int leafPage = static_cast<int>(be32(bytes, cell));
        m_lostFrom = varint(bytes, previousCell + 4) + 1;
        m_lostTo = varint(bytes, cell + 4);
        const int leaf = (leafPage - 1) * pageSize;
        ASSERT_EQ(static_cast<unsigned char>(bytes[leaf]), 0x0D) << "the chosen child should be a table leaf";
        ASSERT_EQ(be16(bytes, leaf + 3), m_lostTo - m_lostFrom + 1);
        ASSERT_GT(leaf, bytes.size() / 4);
        ASSERT_LT(leaf, bytes.size() * 3 / 4);

        bytes.replace(leaf, pageSize, QByteArray(pageSize, static_cast<char>(0xA5)));
        writeFile(m_path, bytes);
        m_damagedBytes = bytes;
    }

    qint64 lostCount() const { return m_lostTo - m_lostFrom + 1; }

    QString m_path;
    QByteArray m_damagedBytes;
    qint64 m_lostFrom = 0;
    qint64 m_lostTo = 0;
};

TEST_F(DamagedDatabaseTest, OpenRefusesTheFileAsCorruptNamingIt) {
    auto db = Database::open(m_path, schema());

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.corrupt");
    EXPECT_TRUE(db.error().message.contains(m_path)) << db.error().message.toStdString();
    EXPECT_TRUE(db.error().message.contains(QLatin1String("recovery"))) << db.error().message.toStdString();
}

TEST_F(DamagedDatabaseTest, OpenLeavesTheDamagedFileUntouched) {
    (void)Database::open(m_path, schema());

    EXPECT_EQ(readFile(m_path), m_damagedBytes);
}

TEST_F(DamagedDatabaseTest, RecoverMovesTheDamagedFileAsideUnchanged) {
    const RecoveryReport report = require(Database::recover(m_path, schema()));

    EXPECT_TRUE(report.damagedCopyPath.startsWith(m_path + QStringLiteral(".corrupt-")))
        << report.damagedCopyPath.toStdString();
    EXPECT_EQ(readFile(report.damagedCopyPath), m_damagedBytes);
}

TEST_F(DamagedDatabaseTest, RecoveredFileOpensCleanly) {
    require(Database::recover(m_path, schema()));

    auto db = Database::open(m_path, schema());

    EXPECT_TRUE(db.ok()) << db.error().message.toStdString();
}

TEST_F(DamagedDatabaseTest, RecoverSalvagesEveryRowOutsideTheDamagedPage) {
    require(Database::recover(m_path, schema()));
    Database db = require(Database::open(m_path, schema()));

    Statement select = require(db.prepare(QStringLiteral("SELECT id, label, length(payload) FROM items ORDER BY id")));
    QSet<qint64> found;
    for (;;) {
        const bool row = require(select.step());
        if (!row) break;
        const qint64 id = select.columnInt64(0);
        EXPECT_EQ(select.columnText(1), labelFor(id));
        EXPECT_EQ(select.columnInt64(2), 300);
        found.insert(id);
    }
    QSet<qint64> expected;
    for (qint64 id = 1; id <= kItems; ++id) {
        if (id < m_lostFrom || id > m_lostTo) expected.insert(id);
    }
    EXPECT_EQ(found, expected);
}

TEST_F(DamagedDatabaseTest, RecoverCopiesUndamagedTablesWhole) {
    require(Database::recover(m_path, schema()));
    Database db = require(Database::open(m_path, schema()));

    EXPECT_EQ(count(db, QStringLiteral("notes")), kNotes);
    EXPECT_EQ(count(db, QStringLiteral("events")), 2);
}

TEST_F(DamagedDatabaseTest, RecoverReportCountsMatchTheRows) {
    const RecoveryReport report = require(Database::recover(m_path, schema()));
    Database db = require(Database::open(m_path, schema()));

    ASSERT_EQ(report.tables.size(), 4);
    for (const TableRecovery& table : report.tables) {
        EXPECT_EQ(table.rowsSalvaged, count(db, table.table)) << table.table.toStdString();
        if (table.table != QLatin1String("items")) {
            EXPECT_EQ(table.rowsLost, 0) << table.table.toStdString();
        }
    }
    const auto items = std::find_if(report.tables.cbegin(), report.tables.cend(),
                                    [](const TableRecovery& t) { return t.table == QLatin1String("items"); });
    ASSERT_NE(items, report.tables.cend());
    EXPECT_EQ(items->rowsSalvaged, kItems - lostCount());
    // The intact label index still knows how many rows the table had.
    EXPECT_TRUE(items->lossCountKnown);
    EXPECT_EQ(items->rowsLost, lostCount());
    EXPECT_EQ(report.rowsSalvaged(), kNotes + 2 + kItems + (kItems - lostCount()));
    EXPECT_EQ(report.rowsLost(), lostCount());
}

TEST_F(DamagedDatabaseTest, RecoverDoesNotFireTriggersForSalvagedRowsButKeepsThem) {
    require(Database::recover(m_path, schema()));
    Database db = require(Database::open(m_path, schema()));

    // Every item had produced one audit row before the damage; salvaging items must not add more.
    EXPECT_EQ(count(db, QStringLiteral("audit")), kItems);
    require(db.execute(QStringLiteral("INSERT INTO items (label) VALUES ('after recovery')")));
    EXPECT_EQ(count(db, QStringLiteral("audit")), kItems + 1);
}

TEST_F(DamagedDatabaseTest, RecoverKeepsAutoincrementCountersAhead) {
    require(Database::recover(m_path, schema()));
    Database db = require(Database::open(m_path, schema()));

    require(db.execute(QStringLiteral("INSERT INTO events (kind) VALUES ('refund')")));

    EXPECT_EQ(db.lastInsertRowId(), 4);
}

TEST_F(DatabaseTest, RecoverOfATextFileKeepsItAndStartsAnEmptyDatabase) {
    const QString path = pathOf("pos.db");
    const QByteArray text = QByteArray("not a database\n").repeated(100);
    writeFile(path, text);

    const RecoveryReport report = require(Database::recover(path, itemsSchema()));

    EXPECT_EQ(readFile(report.damagedCopyPath), text);
    ASSERT_EQ(report.tables.size(), 1);
    EXPECT_EQ(report.tables.front().rowsSalvaged, 0);
    EXPECT_FALSE(report.tables.front().lossCountKnown);
    Database db = require(Database::open(path, itemsSchema()));
    EXPECT_EQ(count(db, QStringLiteral("items")), 0);
}

TEST_F(DatabaseTest, RecoverLosesOnlyTheRowWhoseContentsAreUnreadable) {
    const QString path = pathOf("pos.db");
    int pageSize = 0;
    qint64 overflowPage = 0;
    {
        Database db = require(Database::open(path, itemsSchema()));
        for (int i = 1; i <= 300; ++i) {
            // Row 150 is too large for one page, so its contents continue on overflow pages.
            require(db.execute(QStringLiteral("INSERT INTO items (id, label, payload) VALUES (?, ?, ?)"),
                               {i, QStringLiteral("item-%1").arg(i), QByteArray(i == 150 ? 20000 : 100, 'p')}));
        }
        pageSize = static_cast<int>(require(db.queryInt64(QStringLiteral("PRAGMA page_size"))).value());
        overflowPage = require(db.queryInt64(QStringLiteral(
                                   "SELECT min(pageno) FROM dbstat WHERE name = 'items' AND pagetype = 'overflow'")))
                           .value();
    }
    overwritePage(path, overflowPage, pageSize);

    const RecoveryReport report = require(Database::recover(path, itemsSchema()));

    Database db = require(Database::open(path, itemsSchema()));
    EXPECT_EQ(count(db, QStringLiteral("items")), 299);
    EXPECT_EQ(require(db.queryInt64(QStringLiteral("SELECT count(*) FROM items WHERE id = 150"))),
              std::optional<qint64>(0));
    ASSERT_EQ(report.tables.size(), 1);
    EXPECT_EQ(report.tables.front().rowsSalvaged, 299);
    EXPECT_EQ(report.tables.front().rowsLost, 1);
    EXPECT_TRUE(report.tables.front().lossCountKnown);
}

TEST_F(DatabaseTest, RecoverOfWithoutRowidTableKeepsTheRowsBeforeTheDamage) {
    // GIVEN a WITHOUT ROWID table spread over one interior page and its leaves, with a middle leaf destroyed.
    const QString path = pathOf("pos.db");
    DatabaseOptions options;
    options.migrations = {
        {1, "create_codes", "CREATE TABLE codes (code TEXT PRIMARY KEY, note TEXT NOT NULL) WITHOUT ROWID;"}};
    constexpr int kCodes = 120;
    auto codeFor = [](int i) { return QStringLiteral("code-%1").arg(i, 4, 10, QLatin1Char('0')); };
    int pageSize = 0;
    int rootPage = 0;
    {
        Database db = require(Database::open(path, options));
        for (int i = 1; i <= kCodes; ++i) {
            require(db.execute(QStringLiteral("INSERT INTO codes (code, note) VALUES (?, ?)"),
                               {codeFor(i), QString(300, QLatin1Char('n'))}));
        }
        pageSize = static_cast<int>(require(db.queryInt64(QStringLiteral("PRAGMA page_size"))).value());
        rootPage = static_cast<int>(
            require(db.queryInt64(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'codes'"))).value());
    }
    const QByteArray bytes = readFile(path);
    const int root = (rootPage - 1) * pageSize;
    ASSERT_EQ(static_cast<unsigned char>(bytes[root]), 0x02) << "codes should have one interior level";
    // In an index b-tree the interior cells hold rows too: rows in key order are child 0, cell 0, child 1, ...
    const int cells = be16(bytes, root + 3);
    const int damagedChild = cells / 2;
    int rowsBefore = damagedChild;  // interior cells 0 .. damagedChild-1
    for (int i = 0; i < damagedChild; ++i) {
        const int child = static_cast<int>(be32(bytes, root + be16(bytes, root + 12 + 2 * i)));
        const int childOffset = (child - 1) * pageSize;
        ASSERT_EQ(static_cast<unsigned char>(bytes[childOffset]), 0x0A);
        rowsBefore += be16(bytes, childOffset + 3);
    }
    const qint64 damagedPage = be32(bytes, root + be16(bytes, root + 12 + 2 * damagedChild));
    overwritePage(path, damagedPage, pageSize);

    // WHEN it is recovered
    const RecoveryReport report = require(Database::recover(path, options));

    // THEN exactly the rows before the damaged page, in key order, are kept, and the loss is flagged as uncounted.
    Database db = require(Database::open(path, options));
    EXPECT_EQ(count(db, QStringLiteral("codes")), rowsBefore);
    EXPECT_EQ(require(db.queryText(QStringLiteral("SELECT max(code) FROM codes"))),
              std::optional<QString>(codeFor(rowsBefore)));
    ASSERT_EQ(report.tables.size(), 1);
    EXPECT_EQ(report.tables.front().rowsSalvaged, rowsBefore);
    EXPECT_FALSE(report.tables.front().lossCountKnown);
}

}  // namespace
}  // namespace facepos
