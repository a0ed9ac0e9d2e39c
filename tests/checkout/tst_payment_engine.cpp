// PaymentEngine against the real in-process sandbox over loopback HTTP (docs/terminal-api.md §11.2, §17.3): every
// test payment code, the cashier's cancel, a lost answer, and the start-up recovery after a crash. The sandbox, the
// backend client and the engine share one ManualClock, and the engine's timers run on a ManualScheduler that the test
// fires, so the 30–60 s of the wallets' rules pass without waiting.
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <map>

#include "app/app_schema.h"
#include "app/backend/backend_client.h"
#include "app/checkout/payment_engine.h"
#include "app/store/order_number.h"
#include "app/store/order_store.h"
#include "checkout/engine_terminal_fixture.h"
#include "checkout/engine_test_support.h"
#include "platform/curl_http_client.h"
#include "platform/masking.h"
#include "sandbox/sandbox_fixture.h"

namespace facepos::checkout {
namespace {

using namespace std::chrono_literals;
using store::OrderStatus;

QString wechatCode(const char* last4) {
    return QStringLiteral("13400000000000") + QLatin1String(last4);
}
QString alipayCode(const char* last4) {
    return QStringLiteral("28400000000000") + QLatin1String(last4);
}
QString unionpayCode(const char* last4) {
    return QStringLiteral("624000000000000") + QLatin1String(last4);
}

// Every log line of the process while a test runs, to prove no full payment code reaches the log.
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    g_log.append(message);
    if (g_previousHandler) g_previousHandler(type, context, message);
}

// The trade_state the sandbox holds for each final status of the terminal.
QString tradeStateOf(OrderStatus status) {
    switch (status) {
        case OrderStatus::Paid:
            return QStringLiteral("SUCCESS");
        case OrderStatus::Failed:
            return QStringLiteral("FAIL");
        case OrderStatus::Closed:
            return QStringLiteral("CLOSED");
        case OrderStatus::Reversed:
            return QStringLiteral("REVERSED");
        default:
            return {};
    }
}

// What the terminal had committed when a payment call left.
struct CallSeen {
    QString call;
    qint64 journalRows = 0;
    qint64 pendingRows = 0;    // journal rows still PENDING
    qint64 pendingOfCall = 0;  // … of the action this call is
};

class PaymentEngineTest : public test::EngineTerminalFixture {
protected:
    void SetUp() override {
        EngineTerminalFixture::SetUp();
        if (HasFatalFailure()) return;
        m_observed = std::make_unique<test::ObservedHttpClient>(*m_http, [this](const QString& call) { seen(call); });
        backend::BackendConfig config;
        config.baseUrl = m_server->url();
        config.deviceId = m_client->deviceId();
        config.merchantNo = QString::fromLatin1(kMerchantNo);
        config.deviceSecret = m_client->secret().toLatin1();
        config.timeout = 5s;
        config.retryDelay = 50ms;
        m_backend = std::make_unique<backend::BackendClient>(*m_observed, m_clock, config);
        m_backend->setSessionToken(m_sessionToken);
        m_scheduler = std::make_shared<test::ManualScheduler>(m_clock);
        startEngine();

        g_log.clear();
        g_previousHandler = qInstallMessageHandler(captureLog);
    }

    void TearDown() override {
        qInstallMessageHandler(g_previousHandler);
        m_engine.reset();
        m_backend.reset();
        m_observed.reset();
        m_http.reset();
        m_orders.reset();
        m_db.reset();
        SandboxFixture::TearDown();
    }

    // A new engine, as after a restart: nothing of the previous one's memory survives.
    void startEngine() {
        m_engine.reset();
        m_scheduler->clear();
        m_engine = std::make_unique<PaymentEngine>(*m_orders, *m_backend, m_clock, m_scheduler, PaymentLimits{});
        QObject::connect(m_engine.get(), &PaymentEngine::finished, m_engine.get(),
                         [this](const PaymentResult& r) { m_results[r.mchOrderNo].append(r); });
        QObject::connect(m_engine.get(), &PaymentEngine::progress, m_engine.get(),
                         [this](const PaymentProgress& p) { m_progress.append(p); });
        QObject::connect(m_engine.get(), &PaymentEngine::recoveryFinished, m_engine.get(),
                         [this](int resolved) { m_recovered.append(resolved); });
    }

    void seen(const QString& call) {
        static const std::map<QString, QString> actions{{QStringLiteral("quick_pay"), QStringLiteral("charge")},
                                                        {QStringLiteral("order_query"), QStringLiteral("query")},
                                                        {QStringLiteral("order_reverse"), QStringLiteral("reverse")},
                                                        {QStringLiteral("order_close"), QStringLiteral("close")}};
        CallSeen s;
        s.call = call;
        s.journalRows = terminalCount(QStringLiteral("SELECT count(*) FROM payment_journal"));
        s.pendingRows = terminalCount(QStringLiteral("SELECT count(*) FROM payment_journal WHERE outcome = 'PENDING'"));
        auto n = m_db->queryInt64(
            QStringLiteral("SELECT count(*) FROM payment_journal WHERE outcome = 'PENDING' AND action = ?"),
            {actions.at(call)});
        s.pendingOfCall = n.ok() ? n->value_or(0) : -1;
        m_calls.append(s);
    }

    qint64 terminalCount(const QString& sql) {
        auto n = m_db->queryInt64(sql);
        return n.ok() ? n->value_or(0) : -1;
    }

    store::OrderRecord createOrder(const QString& channel, qint64 fee = 2350) {
        store::NewOrder o;
        o.channel = channel;
        o.totalFee = fee;
        o.operatorId = m_operatorId;
        auto created = m_orders->createOrder(o);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        return created.ok() ? *created : store::OrderRecord{};
    }

    // Runs the engine until `mchOrderNo` has finished: waits for each answer, then fires the next timer (moving the
    // shared clock) only when no call is in flight (no journal row is PENDING).
    std::optional<PaymentResult> waitFinished(const QString& mchOrderNo) {
        for (int step = 0; step < 200; ++step) {
            const bool settled = QTest::qWaitFor(
                [&] {
                    return m_results.contains(mchOrderNo) ||
                           (m_scheduler->hasPending() &&
                            terminalCount(
                                QStringLiteral("SELECT count(*) FROM payment_journal WHERE outcome = 'PENDING'")) == 0);
                },
                15000);
            if (!settled) break;
            if (m_results.contains(mchOrderNo)) break;
            m_scheduler->fireNext();
        }
        if (!m_results.contains(mchOrderNo)) {
            ADD_FAILURE() << "payment " << mchOrderNo.toStdString() << " did not finish";
            return std::nullopt;
        }
        QTest::qWait(20);  // a second finished() would be counted here
        EXPECT_EQ(m_results.value(mchOrderNo).size(), 1) << "finished must be emitted exactly once";
        return m_results.value(mchOrderNo).first();
    }

    std::optional<PaymentResult> pay(const QString& channel, const QString& code, QString* mchOrderNo = nullptr) {
        const store::OrderRecord order = createOrder(channel);
        if (mchOrderNo) *mchOrderNo = order.mchOrderNo;
        auto started = m_engine->startMicropay(order, code);
        EXPECT_TRUE(started.ok()) << (started.ok() ? std::string() : started.error().message.toStdString());
        if (!started.ok()) return std::nullopt;
        return waitFinished(order.mchOrderNo);
    }

    // The sandbox's view of the order, through a signed order_query of the test client.
    QString sandboxTradeState(const QString& mchOrderNo) {
        const auto reply =
            m_client->call(QStringLiteral("order_query"), {{QStringLiteral("mch_order_no"), mchOrderNo}});
        if (reply.code() != 0) return reply.errCode();
        return reply.data().value(QStringLiteral("trade_state")).toString();
    }

    OrderStatus terminalStatus(const QString& mchOrderNo) {
        auto o = m_orders->order(mchOrderNo);
        EXPECT_TRUE(o.ok() && o->has_value());
        return o.ok() && o->has_value() ? (*o)->status : OrderStatus::Created;
    }

    QList<store::JournalEntry> journal(const QString& mchOrderNo) {
        auto j = m_orders->journal(mchOrderNo);
        EXPECT_TRUE(j.ok());
        return j.ok() ? *j : QList<store::JournalEntry>{};
    }

    // The common checks of a payment that ended: the terminal and the sandbox agree, a journal row was committed
    // before every call and settled with its answer, and the code never reached the log in full.
    void expectEnded(const PaymentResult& result, OrderStatus status, const QString& code,
                     const QString& reasonCode = {}) {
        EXPECT_EQ(store::orderStatusName(result.status), store::orderStatusName(status));
        EXPECT_EQ(result.reasonCode, reasonCode);
        EXPECT_FALSE(result.reasonText.isEmpty());
        EXPECT_EQ(store::orderStatusName(terminalStatus(result.mchOrderNo)), store::orderStatusName(status));
        EXPECT_EQ(sandboxTradeState(result.mchOrderNo), tradeStateOf(status));
        if (status == OrderStatus::Paid) {
            EXPECT_FALSE(result.platformOrderNo.isEmpty());
            EXPECT_FALSE(result.channelOrderNo.isEmpty());
            auto stored = m_orders->order(result.mchOrderNo);
            ASSERT_TRUE(stored.ok() && stored->has_value());
            EXPECT_EQ((*stored)->platformOrderNo, result.platformOrderNo);
            EXPECT_EQ((*stored)->channelOrderNo, result.channelOrderNo);
        }
        expectJournalBeforeEveryCall(result.mchOrderNo);
        for (const QString& line : std::as_const(g_log))
            EXPECT_FALSE(line.contains(code)) << "full payment code in the log: " << line.toStdString();
    }

    void expectJournalBeforeEveryCall(const QString& mchOrderNo) {
        const QList<store::JournalEntry> rows = journal(mchOrderNo);
        ASSERT_EQ(rows.size(), m_calls.size()) << "one journal row per payment call";
        for (int i = 0; i < m_calls.size(); ++i) {
            SCOPED_TRACE(m_calls[i].call.toStdString());
            EXPECT_EQ(m_calls[i].journalRows, i + 1) << "the row was committed before the call left";
            EXPECT_EQ(m_calls[i].pendingRows, 1);
            EXPECT_EQ(m_calls[i].pendingOfCall, 1);
            EXPECT_NE(rows[i].outcome, QStringLiteral("PENDING")) << "settled with the answer";
            EXPECT_FALSE(rows[i].maskedCode.isEmpty());
        }
    }

    QStringList actions(const QString& mchOrderNo) {
        QStringList list;
        for (const store::JournalEntry& e : journal(mchOrderNo)) list.append(e.action + QLatin1Char(':') + e.outcome);
        return list;
    }

    // The quick_pay that left before a simulated crash (the engine never saw its answer).
    int chargeDirectly(const store::OrderRecord& order, const QString& code) {
        return m_client
            ->call(QStringLiteral("quick_pay"), {{QStringLiteral("session_token"), m_sessionToken},
                                                 {QStringLiteral("mch_order_no"), order.mchOrderNo},
                                                 {QStringLiteral("total_fee"), order.payableFee},
                                                 {QStringLiteral("fee_type"), QStringLiteral("CNY")},
                                                 {QStringLiteral("channel"), order.channel},
                                                 {QStringLiteral("auth_code"), code},
                                                 {QStringLiteral("operator_id"), m_operatorId}})
            .code();
    }

    // An order a crash left Paying with its charge journal row PENDING.
    store::OrderRecord crashedWhileCharging(const QString& code) {
        store::OrderRecord order = createOrder(QStringLiteral("wechat"));
        EXPECT_TRUE(m_orders->markPaying(order.mchOrderNo).ok());
        EXPECT_TRUE(m_orders->beginJournal(order.mchOrderNo, QStringLiteral("charge"), 1, maskPaymentCode(code)).ok());
        return order;
    }

    std::unique_ptr<test::ObservedHttpClient> m_observed;
    std::unique_ptr<backend::BackendClient> m_backend;
    std::shared_ptr<test::ManualScheduler> m_scheduler;
    std::unique_ptr<PaymentEngine> m_engine;
    QHash<QString, QList<PaymentResult>> m_results;
    QList<PaymentProgress> m_progress;
    QList<int> m_recovered;
    QList<CallSeen> m_calls;
};

// ---- §17.3: one test per test payment code ----

TEST_F(PaymentEngineTest, Code0000IsPaidAtOnce) {
    const QString code = wechatCode("0000");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Paid, code);
    EXPECT_EQ(actions(result->mchOrderNo), QStringList{QStringLiteral("charge:SUCCESS")});
    EXPECT_EQ(journal(result->mchOrderNo).first().maskedCode, maskPaymentCode(code));
    EXPECT_FALSE(result->recovered);
}

TEST_F(PaymentEngineTest, Code01SSIsPaidWhenThePayerConfirms) {
    const QString code = wechatCode("0110");  // the payer confirms 10 s after the charge
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Paid, code);
    EXPECT_EQ(actions(result->mchOrderNo),
              (QStringList{QStringLiteral("charge:USERPAYING"), QStringLiteral("query:USERPAYING"),
                           QStringLiteral("query:SUCCESS")}));
    const bool waited = std::any_of(m_progress.cbegin(), m_progress.cend(), [](const PaymentProgress& p) {
        return p.phase == PaymentPhase::WaitingForCustomer && p.limit == 30s;
    });
    EXPECT_TRUE(waited);
}

TEST_F(PaymentEngineTest, Code0200IsReversedAtTheWechatLimit) {
    const QString code = wechatCode("0200");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Reversed, code, QStringLiteral("CHANNEL_LIMIT"));
    const QList<store::JournalEntry> rows = journal(result->mchOrderNo);
    ASSERT_GE(rows.size(), 2);
    EXPECT_EQ(rows.last().action, QStringLiteral("reverse"));
    EXPECT_EQ(rows.first().at.msecsTo(rows.last().at), 30000);  // reversed at the limit, not before
}

TEST_F(PaymentEngineTest, Code0200OnAlipayIsRevokedByTheServerFirst) {
    const QString code = alipayCode("0200");
    const auto result = pay(QStringLiteral("alipay"), code);
    ASSERT_TRUE(result);
    // The server's 45 s revocation comes before the terminal's 60 s limit (§11.2).
    expectEnded(*result, OrderStatus::Reversed, code, QStringLiteral("AUTO_REVOKED"));
    EXPECT_FALSE(actions(result->mchOrderNo).join(QLatin1Char(' ')).contains(QStringLiteral("reverse")));
}

TEST_F(PaymentEngineTest, Code0300IsPaidAfterTheSystemErrorClears) {
    const QString code = wechatCode("0300");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Paid, code);
    EXPECT_EQ(actions(result->mchOrderNo),
              (QStringList{QStringLiteral("charge:SYSTEMERROR"), QStringLiteral("query:SUCCESS")}));
}

TEST_F(PaymentEngineTest, Code0301IsReversed) {
    const QString code = unionpayCode("0301");
    const auto result = pay(QStringLiteral("unionpay"), code);
    ASSERT_TRUE(result);
    // UnionPay's limit is 60 s: the server's revocation at 45 s ends it first.
    expectEnded(*result, OrderStatus::Reversed, code, QStringLiteral("AUTO_REVOKED"));
}

TEST_F(PaymentEngineTest, Code0301OnWechatIsReversedByTheTerminal) {
    const QString code = wechatCode("0301");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Reversed, code, QStringLiteral("CHANNEL_LIMIT"));
}

TEST_F(PaymentEngineTest, Code0400FailsForInsufficientFunds) {
    const QString code = wechatCode("0400");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Failed, code, QStringLiteral("INSUFFICIENT_FUNDS"));
    EXPECT_TRUE(result->reasonText.contains(QStringLiteral("another way")));  // the test runs untranslated
}

TEST_F(PaymentEngineTest, Code0500FailsWithAnExpiredCode) {
    const QString code = alipayCode("0500");
    const auto result = pay(QStringLiteral("alipay"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Failed, code, QStringLiteral("AUTH_CODE_EXPIRED"));
}

TEST_F(PaymentEngineTest, Code0600FailsWhenThePayerCancels) {
    const QString code = wechatCode("0600");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Failed, code, QStringLiteral("PAYER_CANCELLED"));
    EXPECT_EQ(actions(result->mchOrderNo),
              (QStringList{QStringLiteral("charge:USERPAYING"), QStringLiteral("query:USERPAYING"),
                           QStringLiteral("query:FAIL")}));
}

TEST_F(PaymentEngineTest, Code0700FailsOnRiskControl) {
    const QString code = unionpayCode("0700");
    const auto result = pay(QStringLiteral("unionpay"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Failed, code, QStringLiteral("RISK_DECLINED"));
}

TEST_F(PaymentEngineTest, AnyOtherCodeIsPaid) {
    const QString code = wechatCode("4321");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Paid, code);
}

TEST_F(PaymentEngineTest, ACodeOfAnotherChannelFailsWithNothingCharged) {
    const QString code = alipayCode("0000");
    const auto result = pay(QStringLiteral("wechat"), code);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Failed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("AUTH_CODE_INVALID"));
    EXPECT_EQ(sandboxTradeState(result->mchOrderNo), QStringLiteral("ORDER_NOT_FOUND"));
    expectJournalBeforeEveryCall(result->mchOrderNo);
}

// ---- the cashier ----

TEST_F(PaymentEngineTest, CashierCancelReversesAfterTheGuard) {
    const QString code = wechatCode("0200");
    const store::OrderRecord order = createOrder(QStringLiteral("wechat"));
    ASSERT_TRUE(m_engine->startMicropay(order, code).ok());
    EXPECT_EQ(m_engine->startMicropay(order, code).error().code, QStringLiteral("payment.busy"));
    // GIVEN the charge answered USERPAYING (the first query is planned)
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_scheduler->hasPending(); }, 10000));
    // WHEN the cashier cancels 3 s after the charge
    m_clock->advance(3s);
    EXPECT_TRUE(m_engine->cancel(order.mchOrderNo));
    EXPECT_FALSE(m_engine->cancel(QStringLiteral("NOSUCHORDER")));
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    // THEN it is reversed, not before the 15 s mark
    expectEnded(*result, OrderStatus::Reversed, code, QStringLiteral("CANCELLED_BY_CASHIER"));
    const QList<store::JournalEntry> rows = journal(order.mchOrderNo);
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:USERPAYING"), QStringLiteral("reverse:REVERSED")}));
    EXPECT_EQ(rows.first().at.msecsTo(rows.last().at), 15000);
    EXPECT_FALSE(m_engine->isActive(order.mchOrderNo));
    EXPECT_EQ(m_engine->activeCount(), 0);
}

TEST_F(PaymentEngineTest, OrdersThatCannotBePaidAreRefusedBeforeAnyCall) {
    store::OrderRecord cash = createOrder(QStringLiteral("cash"));
    EXPECT_EQ(m_engine->startMicropay(cash, wechatCode("0000")).error().code, QStringLiteral("payment.bad_order"));
    const auto paid = pay(QStringLiteral("wechat"), wechatCode("0000"));
    ASSERT_TRUE(paid);
    auto again = m_orders->order(paid->mchOrderNo);
    ASSERT_TRUE(again.ok() && again->has_value());
    EXPECT_EQ(m_engine->startMicropay(**again, wechatCode("0000")).error().code, QStringLiteral("payment.bad_order"));
    EXPECT_EQ(m_calls.size(), 1);  // only the one charge
}

// ---- lost answers ----

TEST_F(PaymentEngineTest, ALostChargeAnswerStillEndsPaidWithOneCharge) {
    // GIVEN the sandbox commits the next quick_pay and then drops the connection without answering
    ASSERT_EQ(admin(QStringLiteral("faults_set"), {{QStringLiteral("calls"), QJsonArray{QStringLiteral("quick_pay")}},
                                                   {QStringLiteral("drop_after_commit_percent"), 100},
                                                   {QStringLiteral("count"), 1}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    const QString code = wechatCode("0000");
    QString number;
    const auto result = pay(QStringLiteral("wechat"), code, &number);
    ASSERT_TRUE(result);
    // THEN the query finds the payment: Paid, charged exactly once
    expectEnded(*result, OrderStatus::Paid, code);
    EXPECT_EQ(actions(number), (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:SUCCESS")}));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM pay_orders WHERE mch_order_no = '%1'").arg(number)), 1);
    const qint64 charges = std::count_if(m_calls.cbegin(), m_calls.cend(),
                                         [](const CallSeen& c) { return c.call == QLatin1String("quick_pay"); });
    EXPECT_EQ(charges, 1);
}

TEST_F(PaymentEngineTest, AChargeThatNeverReachedTheServerIsClosed) {
    ASSERT_EQ(admin(QStringLiteral("faults_set"), {{QStringLiteral("calls"), QJsonArray{QStringLiteral("quick_pay")}},
                                                   {QStringLiteral("drop_before_commit_percent"), 100},
                                                   {QStringLiteral("count"), 1}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    const QString code = wechatCode("0000");
    QString number;
    const auto result = pay(QStringLiteral("wechat"), code, &number);
    ASSERT_TRUE(result);
    expectEnded(*result, OrderStatus::Closed, code, QStringLiteral("ORDER_NOT_FOUND"));
    EXPECT_EQ(actions(number), (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:ORDER_NOT_FOUND"),
                                            QStringLiteral("close:CLOSED")}));
}

// ---- start-up recovery (§11.2 step 6) ----

TEST_F(PaymentEngineTest, ResumeFindsACrashedChargeTheSandboxReceived) {
    const QString code = wechatCode("0000");
    const store::OrderRecord order = crashedWhileCharging(code);
    ASSERT_EQ(chargeDirectly(order, code), 0);  // it left before the crash; its answer was lost with the process
    m_clock->advance(2s);
    startEngine();
    m_engine->resumeUnfinished();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->recovered);
    EXPECT_EQ(result->status, OrderStatus::Paid);
    EXPECT_FALSE(result->platformOrderNo.isEmpty());
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Paid);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("SUCCESS"));
    // The row the crash left PENDING is settled UNKNOWN; the query that resolved it has its own row.
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:SUCCESS")}));
    ASSERT_EQ(m_calls.size(), 1);
    EXPECT_EQ(m_calls[0].pendingOfCall, 1);
    EXPECT_EQ(m_recovered, QList<int>{1});
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM pay_orders WHERE mch_order_no = '%1'").arg(order.mchOrderNo)),
              1);
}

TEST_F(PaymentEngineTest, ResumeClosesACrashedChargeTheSandboxNeverReceived) {
    const store::OrderRecord order = crashedWhileCharging(wechatCode("0000"));
    m_clock->advance(2s);
    startEngine();
    m_engine->resumeUnfinished();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->recovered);
    EXPECT_EQ(result->status, OrderStatus::Closed);
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Closed);
    // The CLOSED record makes a charge still on its way fail with ORDER_CLOSED.
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("CLOSED"));
    EXPECT_EQ(chargeDirectly(order, wechatCode("0000")), 3004);
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:ORDER_NOT_FOUND"),
                           QStringLiteral("close:CLOSED")}));
    EXPECT_EQ(m_recovered, QList<int>{1});
}

TEST_F(PaymentEngineTest, ResumePastTheLimitReversesAtOnce) {
    const QString code = wechatCode("0200");
    const store::OrderRecord order = crashedWhileCharging(code);
    ASSERT_EQ(chargeDirectly(order, code), 0);
    // GIVEN the terminal comes back 40 s after the charge: past WeChat's 30 s, before the server's 45 s revocation
    m_clock->advance(40s);
    startEngine();
    m_engine->resumeUnfinished();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Reversed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("CHANNEL_LIMIT"));
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Reversed);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("REVERSED"));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("reverse:REVERSED")}));
}

TEST_F(PaymentEngineTest, ResumeWithinTheGuardWaitsForIt) {
    const QString code = wechatCode("0200");
    const store::OrderRecord order = crashedWhileCharging(code);
    ASSERT_EQ(chargeDirectly(order, code), 0);
    // A short limit (10 s) already past at 12 s: the reverse still waits for the 15 s mark.
    PaymentLimits limits;
    limits.wechatLimit = 10s;
    m_engine = std::make_unique<PaymentEngine>(*m_orders, *m_backend, m_clock, m_scheduler, limits);
    QObject::connect(m_engine.get(), &PaymentEngine::finished, m_engine.get(),
                     [this](const PaymentResult& r) { m_results[r.mchOrderNo].append(r); });
    m_clock->advance(12s);
    m_engine->resumeUnfinished();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Reversed);
    const QList<store::JournalEntry> rows = journal(order.mchOrderNo);
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows.first().at.msecsTo(rows.last().at), 15000);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("REVERSED"));
}

TEST_F(PaymentEngineTest, ResumeClosesOrdersThatNeverReachedTheNetworkLocally) {
    const store::OrderRecord order = createOrder(QStringLiteral("wechat"));
    startEngine();
    m_engine->resumeUnfinished();
    ASSERT_TRUE(m_results.contains(order.mchOrderNo));
    EXPECT_TRUE(m_results.value(order.mchOrderNo).first().recovered);
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Closed);
    EXPECT_TRUE(m_calls.isEmpty());  // no network call
    EXPECT_EQ(m_recovered, QList<int>{1});
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("ORDER_NOT_FOUND"));
}

TEST_F(PaymentEngineTest, RecoveryWithNothingLeftFinishesAtOnce) {
    const auto paid = pay(QStringLiteral("wechat"), wechatCode("0000"));
    ASSERT_TRUE(paid);
    m_engine->resumeUnfinished();
    EXPECT_EQ(m_recovered, QList<int>{0});
}

}  // namespace
}  // namespace facepos::checkout
