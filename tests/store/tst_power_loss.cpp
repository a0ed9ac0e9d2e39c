// The proof of issue 4's durability rule: "a SQLite VFS wrapper that discards every write not yet synced at a random
// moment, then reopens: every order the cashier saw as saved is still there, and the database passes
// integrity_check".
//
// Each round opens the terminal's database through the power-loss VFS (tests/support/test_vfs.h) and works as a
// till does — cash sales, wallet sales step by step (created, paying, journal, settled, finished), refunds, audit
// entries — until the power goes after a random number of file operations. Then the file is opened again through
// the ordinary VFS and checked against a ledger of everything a call reported as saved: each order with its status,
// revision and refunds, its outbox row, the payment journal, the audit chain, that an outbox row never exists
// without the record it announces nor a finished order without its outbox row, and that new orders get numbers
// never issued before. The next round goes on with the same file, so damage would show in later rounds too; every
// few rounds a new file starts, so cuts also fall into creating and migrating it.
//
// The cut points come from a seeded generator; FACEPOS_TEST_SEED overrides the seed, which failures print.
#include <gtest/gtest.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <stdexcept>
#include <utility>

#include "app/app_schema.h"
#include "app/store/order_store.h"
#include "app/store/outbox.h"
#include "platform/database.h"
#include "platform/manual_clock.h"
#include "support/test_vfs.h"

QT_BEGIN_NAMESPACE
// Lets GoogleTest print QStrings in failure messages.
inline void PrintTo(const QString& text, std::ostream* os) {
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace facepos::store {
namespace {

using namespace std::chrono_literals;
using test::PowerLossVfs;

constexpr char kOperator[] = "M88001234";
constexpr char kDeviceTag[] = "A00123";

// Unwraps a Result a test depends on; a failure surfaces as the test's exception, with the error's message.
template <typename T>
T require(Result<T> result) {
    if (!result.ok()) {
        throw std::runtime_error((result.error().code + QStringLiteral(": ") + result.error().message).toStdString());
    }
    return std::move(result).value();
}

std::uint32_t testSeed() {
    bool ok = false;
    const uint seed = qEnvironmentVariable("FACEPOS_TEST_SEED").toUInt(&ok);
    return ok ? seed : 20261123u;
}

DatabaseOptions terminalDatabase(QByteArray vfs = {}) {
    DatabaseOptions options;
    options.migrations = appMigrations();
    options.vfs = std::move(vfs);
    return options;
}

qint64 scalar(Database& db, const QString& sql, std::initializer_list<SqlValue> params = {}) {
    return require(db.queryInt64(sql, params)).value_or(-1);
}

// An order as the cashier was told it is.
struct KnownOrder {
    QString recordId;
    OrderStatus status = OrderStatus::Created;
    int revision = 1;
    qint64 payableFee = 0;
    qint64 refundedFee = 0;
};

// The call the cut interrupted: it may or may not have taken effect, and the check accepts either.
struct InFlight {
    enum class Kind { None, NewOrder, Status, Journal, Settle, Refund, Audit, Acknowledge };
    Kind kind = Kind::None;
    QString mchOrderNo;
    OrderStatus status = OrderStatus::Created;  // Kind::Status: the status it was setting
    qint64 journalId = 0;                       // Kind::Settle
    QString outcome;                            // Kind::Settle
    QString refundNo;                           // Kind::Refund
    QList<qint64> outboxIds;                    // Kind::Acknowledge

    static InFlight of(Kind kind, QString mchOrderNo = {}) {
        InFlight call;
        call.kind = kind;
        call.mchOrderNo = std::move(mchOrderNo);
        return call;
    }
    static InFlight statusChange(QString mchOrderNo, OrderStatus status) {
        InFlight call = of(Kind::Status, std::move(mchOrderNo));
        call.status = status;
        return call;
    }
    static InFlight settle(QString mchOrderNo, qint64 journalId, QString outcome) {
        InFlight call = of(Kind::Settle, std::move(mchOrderNo));
        call.journalId = journalId;
        call.outcome = std::move(outcome);
        return call;
    }
    static InFlight acknowledge(QList<qint64> ids) {
        InFlight call = of(Kind::Acknowledge);
        call.outboxIds = std::move(ids);
        return call;
    }
    static InFlight refund(QString mchOrderNo, QString refundNo) {
        InFlight call = of(Kind::Refund, std::move(mchOrderNo));
        call.refundNo = std::move(refundNo);
        return call;
    }
};

// Everything calls reported as saved, across the rounds on one file.
struct Ledger {
    QMap<QString, KnownOrder> orders;  // by mch_order_no
    QMap<qint64, QString> journal;     // journal id → outcome (PENDING until settled)
    QSet<QString> refunds;             // mch_refund_no
    qint64 auditRows = 0;
    QSet<qint64> acked;           // outbox rows the sync worker's acknowledge() reported saved
    QSet<QString> numbersIssued;  // every mch_order_no a call returned or the file held, on any file of the test
    InFlight inFlight;
    int refundCounter = 0;
};

class PowerLossTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        PowerLossVfs::install();
        PowerLossVfs::reset();
    }
    void TearDown() override { PowerLossVfs::reset(); }

    OrderStoreOptions storeOptions(int file) const {
        OrderStoreOptions options;
        options.deviceTag = QString::fromLatin1(kDeviceTag);
        options.sequenceFile = m_dir.filePath(QStringLiteral("order-sequence-%1").arg(file));
        return options;
    }

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>();
};

NewOrder newOrder(const QString& channel, qint64 totalFee) {
    NewOrder order;
    order.channel = channel;
    order.totalFee = totalFee;
    order.operatorId = QString::fromLatin1(kOperator);
    return order;
}

// A till at work, and the sync worker acknowledging what it sent, until the power goes or `steps` steps are done.
// Each step is one call to the store or the outbox; the ledger learns what each call reported as saved. A failure
// before the cut is a defect of the store.
class Till {
public:
    Till(OrderStore& store, Outbox& outbox, Ledger& ledger, ManualClock& clock, std::mt19937& random)
        : m_store(store), m_outbox(outbox), m_ledger(ledger), m_clock(clock), m_random(random) {}

    void work(int steps) {
        for (int step = 0; step < steps && !PowerLossVfs::cutHappened(); ++step) {
            m_clock.advance(1s);
            const int choice = std::uniform_int_distribution<int>(0, 99)(m_random);
            bool carryOn = true;
            if (choice < 35) {
                carryOn = cashSale();
            } else if (choice < 70) {
                carryOn = walletSale();
            } else if (choice < 80) {
                carryOn = refund();
            } else if (choice < 88) {
                carryOn = auditEntry();
            } else {
                carryOn = acknowledgeSome();
            }
            if (!carryOn) return;
        }
    }

private:
    // The call failed: acceptable only as the cut's doing, which ends the round.
    template <typename R>
    bool failed(const R& result, InFlight inFlight) {
        if (result.ok()) return false;
        EXPECT_TRUE(PowerLossVfs::cutHappened())
            << "a call failed with the power on: " << result.error().code.toStdString() << ": "
            << result.error().message.toStdString();
        m_ledger.inFlight = std::move(inFlight);
        return true;
    }

    qint64 fee() { return std::uniform_int_distribution<qint64>(1, 500000)(m_random); }

    bool cashSale() {
        const qint64 total = fee();
        auto sold = m_store.recordCashSale(newOrder(QStringLiteral("cash"), total), CashTender{total + 50});
        if (failed(sold, InFlight::of(InFlight::Kind::NewOrder))) return false;
        EXPECT_EQ(sold->status, OrderStatus::Paid);
        m_ledger.orders.insert(sold->mchOrderNo, KnownOrder{sold->recordId, OrderStatus::Paid, 1, total, 0});
        m_ledger.numbersIssued.insert(sold->mchOrderNo);
        return true;
    }

    bool setStatus(const QString& no, Result<OrderRecord> finished, OrderStatus status) {
        if (failed(finished, InFlight::statusChange(no, status))) return false;
        m_ledger.orders[no].status = status;
        return true;
    }

    bool walletSale() {
        const qint64 total = fee();
        auto created = m_store.createOrder(newOrder(QStringLiteral("wechat"), total));
        if (failed(created, InFlight::of(InFlight::Kind::NewOrder))) return false;
        const QString no = created->mchOrderNo;
        m_ledger.orders.insert(no, KnownOrder{created->recordId, OrderStatus::Created, 1, total, 0});
        m_ledger.numbersIssued.insert(no);

        m_clock.advance(1s);
        if (failed(m_store.markPaying(no), InFlight::statusChange(no, OrderStatus::Paying))) return false;
        m_ledger.orders[no].status = OrderStatus::Paying;

        auto journalId = m_store.beginJournal(no, QStringLiteral("charge"), 1, QStringLiteral("1346****4567"));
        if (failed(journalId, InFlight::of(InFlight::Kind::Journal, no))) return false;
        m_ledger.journal.insert(*journalId, QStringLiteral("PENDING"));

        const bool paid = std::bernoulli_distribution(0.8)(m_random);
        const QString outcome = paid ? QStringLiteral("SUCCESS") : QStringLiteral("PAYERROR");
        m_clock.advance(2s);
        if (failed(m_store.settleJournal(*journalId, outcome), InFlight::settle(no, *journalId, outcome))) {
            return false;
        }
        m_ledger.journal[*journalId] = outcome;

        OrderOutcome end;
        end.status = paid ? OrderStatus::Paid : OrderStatus::Failed;
        if (paid) {
            end.platformOrderNo = QStringLiteral("P") + no;
            end.channelOrderNo = QStringLiteral("4200") + no;
        }
        return setStatus(no, m_store.finishOrder(no, end), end.status);
    }

    bool refund() {
        QStringList refundable;
        for (auto it = m_ledger.orders.cbegin(); it != m_ledger.orders.cend(); ++it) {
            if (it->status == OrderStatus::Paid && it->refundedFee < it->payableFee) refundable << it.key();
        }
        if (refundable.isEmpty()) return cashSale();
        const QString no = refundable.at(std::uniform_int_distribution<qsizetype>(0, refundable.size() - 1)(m_random));
        RefundRecord refund;
        refund.mchRefundNo = QStringLiteral("%1RT%2")
                                 .arg(QLatin1String(kDeviceTag))
                                 .arg(++m_ledger.refundCounter, 8, 10, QLatin1Char('0'));
        refund.mchOrderNo = no;
        refund.refundFee = 1;
        refund.status = QStringLiteral("SUCCESS");
        refund.operatorId = QString::fromLatin1(kOperator);
        refund.authorisedBy = QString::fromLatin1(kOperator);
        refund.reason = QStringLiteral("customer returned the goods");
        if (failed(m_store.recordRefund(refund), InFlight::refund(no, refund.mchRefundNo))) return false;
        KnownOrder& order = m_ledger.orders[no];
        order.refundedFee += 1;
        order.revision += 1;
        m_ledger.refunds.insert(refund.mchRefundNo);
        m_ledger.auditRows += 1;
        return true;
    }

    bool auditEntry() {
        auto appended = m_store.audit().append(QStringLiteral("technician"), QStringLiteral("settings_change"),
                                               {{QStringLiteral("key"), QStringLiteral("printer.width")}});
        if (failed(appended, InFlight::of(InFlight::Kind::Audit))) return false;
        m_ledger.auditRows += 1;
        return true;
    }

    // The sync worker's side, on its own connection: the backend took the oldest few rows.
    bool acknowledgeSome() {
        auto batch = m_outbox.nextBatch(std::uniform_int_distribution<int>(1, 8)(m_random));
        if (failed(batch, InFlight::of(InFlight::Kind::None))) return false;
        if (batch->isEmpty()) return cashSale();
        QList<qint64> ids;
        for (const OutboxRow& row : std::as_const(*batch)) ids << row.id;
        if (failed(m_outbox.acknowledge(ids), InFlight::acknowledge(ids))) return false;
        for (qint64 id : ids) m_ledger.acked.insert(id);
        return true;
    }

    OrderStore& m_store;
    Outbox& m_outbox;
    Ledger& m_ledger;
    ManualClock& m_clock;
    std::mt19937& m_random;
};

// Opens the file through the power-loss VFS and lets the till work: what one powered period of the terminal does.
void poweredPeriod(const QString& path, const OrderStoreOptions& options, const std::shared_ptr<ManualClock>& clock,
                   Ledger& ledger, std::mt19937& random, int steps) {
    ledger.inFlight = InFlight{};
    auto opened = Database::open(path, terminalDatabase(PowerLossVfs::name()));
    if (!opened) {
        EXPECT_TRUE(PowerLossVfs::cutHappened()) << opened.error().message.toStdString();
        return;
    }
    Database db = std::move(opened).value();
    auto store = OrderStore::open(db, clock, options);
    if (!store) {
        EXPECT_TRUE(PowerLossVfs::cutHappened()) << store.error().message.toStdString();
        return;
    }
    auto syncDb = Database::open(path, terminalDatabase(PowerLossVfs::name()));
    if (!syncDb) {
        EXPECT_TRUE(PowerLossVfs::cutHappened()) << syncDb.error().message.toStdString();
        return;
    }
    Outbox outbox(*syncDb, clock);
    Till(**store, outbox, ledger, *clock, random).work(steps);
}

bool isInFlight(const Ledger& ledger, InFlight::Kind kind, const QString& mchOrderNo = {}) {
    return ledger.inFlight.kind == kind && (mchOrderNo.isEmpty() || ledger.inFlight.mchOrderNo == mchOrderNo);
}

// Checks the reopened file against the ledger, adopting what the interrupted call did if it took effect.
void checkAgainstLedger(Database& db, OrderStore& store, Ledger& ledger) {
    // The file is sound.
    ASSERT_EQ(require(db.queryText(QStringLiteral("PRAGMA integrity_check"))), QStringLiteral("ok"));
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);

    // Every order the cashier saw saved, as last reported (or as the interrupted call left it).
    for (auto it = ledger.orders.begin(); it != ledger.orders.end(); ++it) {
        const QString& no = it.key();
        KnownOrder& known = it.value();
        auto found = require(store.order(no));
        ASSERT_TRUE(found.has_value()) << "order " << no.toStdString() << " was reported saved and is gone";
        const OrderRecord& order = *found;
        EXPECT_EQ(order.recordId, known.recordId) << no.toStdString();
        if (order.status != known.status) {
            ASSERT_TRUE(isInFlight(ledger, InFlight::Kind::Status, no) && order.status == ledger.inFlight.status)
                << "order " << no.toStdString() << " is " << orderStatusName(order.status).toStdString()
                << ", reported " << orderStatusName(known.status).toStdString();
            known.status = order.status;
        }
        if (order.revision != known.revision || order.refundedFee != known.refundedFee) {
            ASSERT_TRUE(isInFlight(ledger, InFlight::Kind::Refund, no) && order.revision == known.revision + 1 &&
                        order.refundedFee == known.refundedFee + 1)
                << "order " << no.toStdString() << " has revision " << order.revision << " and refunded "
                << order.refundedFee << ", reported " << known.revision << " and " << known.refundedFee;
            known.revision = order.revision;
            known.refundedFee = order.refundedFee;
            ledger.refunds.insert(ledger.inFlight.refundNo);
            ledger.auditRows += 1;
        }
        if (isFinal(order.status)) {
            EXPECT_EQ(scalar(db,
                             QStringLiteral("SELECT count(*) FROM outbox WHERE call = 'sync_upload' AND kind = 'order' "
                                            "AND record_id = ? AND revision = ? AND state IN ('pending', 'acked')"),
                             {order.recordId, order.revision}),
                      1)
                << "finished order " << no.toStdString() << " has no outbox row for revision " << order.revision;
        }
    }
    // An order not in the ledger can only be the one whose creation the cut interrupted.
    const qint64 unknown = scalar(db, QStringLiteral("SELECT count(*) FROM orders")) - ledger.orders.size();
    ASSERT_GE(unknown, 0);
    ASSERT_LE(unknown, isInFlight(ledger, InFlight::Kind::NewOrder) ? 1 : 0) << "orders no call reported saved";

    // The atomicity of record and outbox row: no row without its order, no finished order without its row.
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM outbox b WHERE b.kind = 'order' AND NOT EXISTS (SELECT "
                                        "1 FROM orders o WHERE o.record_id = b.record_id)")),
              0);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM orders o WHERE o.status NOT IN ('CREATED', 'PAYING') "
                                        "AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.kind = 'order' AND "
                                        "b.record_id = o.record_id AND b.revision = o.revision)")),
              0);
    // Unfinished orders are what start-up resolves: each must be listed.
    QSet<QString> unfinished;
    for (const OrderRecord& order : require(store.unfinishedOrders())) unfinished.insert(order.mchOrderNo);
    for (auto it = ledger.orders.cbegin(); it != ledger.orders.cend(); ++it) {
        EXPECT_EQ(unfinished.contains(it.key()), !isFinal(it->status)) << it.key().toStdString();
    }

    // Refunds with their records.
    for (const QString& refundNo : std::as_const(ledger.refunds)) {
        EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM refunds WHERE mch_refund_no = ?"), {refundNo}), 1)
            << "refund " << refundNo.toStdString() << " was reported saved and is gone";
        EXPECT_EQ(scalar(db,
                         QStringLiteral("SELECT count(*) FROM outbox b JOIN refunds r ON b.record_id = r.record_id "
                                        "WHERE r.mch_refund_no = ? AND b.kind = 'refund'"),
                         {refundNo}),
                  1);
    }

    // A refund row exists only with its order's new revision: the interrupted refund was adopted above if it took.
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM refunds")), ledger.refunds.size())
        << "refunds no call reported saved";

    // The payment journal: each entry with its outcome, settled ones queued as `payment` records.
    for (auto it = ledger.journal.begin(); it != ledger.journal.end(); ++it) {
        auto outcome =
            require(db.queryText(QStringLiteral("SELECT outcome FROM payment_journal WHERE id = ?"), {it.key()}));
        ASSERT_TRUE(outcome.has_value()) << "journal entry " << it.key() << " was reported saved and is gone";
        if (*outcome != it.value()) {
            ASSERT_TRUE(isInFlight(ledger, InFlight::Kind::Settle) && ledger.inFlight.journalId == it.key() &&
                        *outcome == ledger.inFlight.outcome)
                << "journal entry " << it.key() << " is " << outcome->toStdString() << ", reported "
                << it.value().toStdString();
            it.value() = *outcome;
        }
        const qint64 queued = scalar(db,
                                     QStringLiteral("SELECT count(*) FROM outbox b JOIN payment_journal j ON "
                                                    "b.record_id = j.record_id WHERE j.id = ? AND b.kind = 'payment'"),
                                     {it.key()});
        EXPECT_EQ(queued, it.value() == QLatin1String("PENDING") ? 0 : 1) << "journal entry " << it.key();
    }
    // A journal entry whose beginJournal() was cut may exist unreported; nothing else may.
    const qint64 unknownEntries =
        scalar(db, QStringLiteral("SELECT count(*) FROM payment_journal")) - ledger.journal.size();
    ASSERT_GE(unknownEntries, 0);
    ASSERT_LE(unknownEntries, isInFlight(ledger, InFlight::Kind::Journal) ? 1 : 0);
    if (unknownEntries == 1) {
        const qint64 id = scalar(db, QStringLiteral("SELECT max(id) FROM payment_journal"));
        ledger.journal.insert(id, QStringLiteral("PENDING"));
    }

    // Acknowledgements the sync worker saw saved stay; one cut in the middle took effect whole or not at all.
    for (qint64 id : std::as_const(ledger.acked)) {
        EXPECT_EQ(require(db.queryText(QStringLiteral("SELECT state FROM outbox WHERE id = ?"), {id})),
                  QStringLiteral("acked"))
            << "outbox row " << id << " was reported acknowledged";
    }
    qint64 ackedUnreported = 0;
    if (isInFlight(ledger, InFlight::Kind::Acknowledge)) {
        for (qint64 id : std::as_const(ledger.inFlight.outboxIds)) {
            ackedUnreported +=
                scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE id = ? AND state = 'acked'"), {id});
        }
        EXPECT_TRUE(ackedUnreported == 0 || ackedUnreported == ledger.inFlight.outboxIds.size())
            << ackedUnreported << " of the " << ledger.inFlight.outboxIds.size()
            << " rows of the interrupted acknowledgement are acknowledged";
        if (ackedUnreported > 0) {
            for (qint64 id : std::as_const(ledger.inFlight.outboxIds)) ledger.acked.insert(id);
        }
    }
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'acked'")), ledger.acked.size())
        << "outbox rows acknowledged that no call reported";

    // The audit chain is whole and holds at least every entry reported saved (one more if an append was cut).
    auto verified = store.audit().verify();
    ASSERT_TRUE(verified.ok()) << verified.error().message.toStdString();
    EXPECT_GE(*verified, ledger.auditRows) << "audit entries reported saved are gone";
    EXPECT_LE(*verified, ledger.auditRows + (isInFlight(ledger, InFlight::Kind::Audit) ? 1 : 0))
        << "audit entries no call reported saved";
    ledger.auditRows = *verified;

    // Adopt the order whose creation was cut, if it made it: later rounds must keep it too.
    if (unknown == 1) {
        Statement rows = require(db.prepare(QStringLiteral("SELECT mch_order_no FROM orders")));
        while (require(rows.step())) {
            const QString no = rows.columnText(0);
            if (ledger.orders.contains(no)) continue;
            const OrderRecord order = *require(store.order(no));
            ledger.orders.insert(
                no, KnownOrder{order.recordId, order.status, order.revision, order.payableFee, order.refundedFee});
        }
    }
    for (auto it = ledger.orders.cbegin(); it != ledger.orders.cend(); ++it) ledger.numbersIssued.insert(it.key());
    ledger.inFlight = InFlight{};
}

// After the check, the terminal sells on: the numbers continue and none is reused.
void sellAfterRestart(OrderStore& store, Ledger& ledger, ManualClock& clock) {
    for (int i = 0; i < 2; ++i) {
        clock.advance(1s);
        auto created = store.createOrder(newOrder(QStringLiteral("alipay"), 1000 + i));
        ASSERT_TRUE(created.ok()) << created.error().code.toStdString() << ": "
                                  << created.error().message.toStdString();
        ASSERT_FALSE(ledger.numbersIssued.contains(created->mchOrderNo))
            << "order number " << created->mchOrderNo.toStdString() << " was issued again";
        OrderOutcome paid;
        paid.status = OrderStatus::Paid;
        require(store.finishOrder(created->mchOrderNo, paid));
        ledger.orders.insert(created->mchOrderNo,
                             KnownOrder{created->recordId, OrderStatus::Paid, 1, created->payableFee, 0});
        ledger.numbersIssued.insert(created->mchOrderNo);
    }
}

TEST_F(PowerLossTest, EveryOrderReportedSavedSurvivesAPowerCutAtARandomMoment) {
    constexpr int kRounds = 240;
    constexpr int kRoundsPerFile = 24;
    constexpr int kStepsPerRound = 10;
    const std::uint32_t seed = testSeed();
    SCOPED_TRACE(testing::Message() << "FACEPOS_TEST_SEED=" << seed);
    std::mt19937 random(seed);
    QElapsedTimer elapsed;
    elapsed.start();

    // GIVEN the most file operations a round took with the power on, over a few rounds (their work is random): on a
    // new file, and on one already in use
    qint64 operationsNewFile = 0;
    qint64 operationsInUse = 0;
    for (int calibration = 0; calibration < 3; ++calibration) {
        const QString calibrationFile = m_dir.filePath(QStringLiteral("calibration-%1.db").arg(calibration));
        const OrderStoreOptions options = storeOptions(-1 - calibration);
        Ledger ledger;
        for (int round = 0; round < 3; ++round) {
            PowerLossVfs::reset();
            poweredPeriod(calibrationFile, options, m_clock, ledger, random, kStepsPerRound);
            ASSERT_FALSE(PowerLossVfs::cutHappened());
            qint64& most = round == 0 ? operationsNewFile : operationsInUse;
            most = std::max(most, PowerLossVfs::operationCount());
        }
    }
    PowerLossVfs::reset();
    ASSERT_GT(operationsInUse, kStepsPerRound);

    QString path;
    Ledger ledger;
    int file = -1;
    int cutsInsideTheWork = 0;
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE(testing::Message() << "round " << round);
        const bool newFile = round % kRoundsPerFile == 0;
        if (newFile) {
            ++file;
            path = m_dir.filePath(QStringLiteral("facepos-%1.db").arg(file));
            const QSet<QString> issued = ledger.numbersIssued;
            ledger = Ledger{};
            ledger.numbersIssued = issued;
        }

        // WHEN the power goes after a random number of file operations (a few rounds: after the work, when idle)
        const qint64 range = newFile ? operationsNewFile : operationsInUse;
        const qint64 cutAfter = std::uniform_int_distribution<qint64>(0, range + range / 20)(random);
        PowerLossVfs::reset();
        PowerLossVfs::armCutAfter(cutAfter);
        poweredPeriod(path, storeOptions(file), m_clock, ledger, random, kStepsPerRound);
        if (PowerLossVfs::cutHappened()) ++cutsInsideTheWork;
        PowerLossVfs::cutNow();
        SCOPED_TRACE(testing::Message() << "cut after " << cutAfter << " operations; interrupted call kind "
                                        << static_cast<int>(ledger.inFlight.kind));

        // THEN, opened through the ordinary VFS, the file holds everything reported saved, intact
        PowerLossVfs::reset();
        PowerLossVfs::prepareReopen(path);
        auto reopened = Database::open(path, terminalDatabase());
        ASSERT_TRUE(reopened.ok()) << reopened.error().code.toStdString() << ": "
                                   << reopened.error().message.toStdString();
        Database db = std::move(reopened).value();
        auto store = OrderStore::open(db, m_clock, storeOptions(file));
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        checkAgainstLedger(db, **store, ledger);
        if (HasFatalFailure()) return;
        // AND the terminal sells on with new numbers
        sellAfterRestart(**store, ledger, *m_clock);
        if (HasFatalFailure()) return;
    }
    EXPECT_GT(cutsInsideTheWork, kRounds / 2) << "too few cuts fell inside the work to prove much";
    std::printf("%d power cuts (%d inside the work), %lld orders on the last file, %.1f s\n", kRounds,
                cutsInsideTheWork, static_cast<long long>(ledger.orders.size()), elapsed.elapsed() / 1000.0);
}

}  // namespace
}  // namespace facepos::store
