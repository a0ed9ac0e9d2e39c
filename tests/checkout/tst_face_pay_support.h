#pragma once

// The face pay tests' common set-up: the real in-process sandbox (demo seed, the device activated, the merchant
// signed in), the terminal's own SQLite file and OrderStore, a BackendClient over loopback HTTP, and one ManualClock
// shared by all of them, with the engine's and the token cache's timers on a ManualScheduler the test fires.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <map>

#include "app/app_schema.h"
#include "app/backend/backend_client.h"
#include "app/checkout/face_auth_cache.h"
#include "app/checkout/payment_engine.h"
#include "app/store/order_number.h"
#include "app/store/order_store.h"
#include "checkout/engine_terminal_fixture.h"
#include "checkout/engine_test_support.h"
#include "platform/crypto.h"
#include "platform/curl_http_client.h"
#include "sandbox/sandbox_fixture.h"

namespace facepos::checkout::test {

using namespace std::chrono_literals;

// Every log line of the process while a test runs: no face data or phone digits may reach it.
inline QStringList g_faceLog;
inline QtMessageHandler g_facePreviousHandler = nullptr;
inline void captureFaceLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    g_faceLog.append(message);
    if (g_facePreviousHandler) g_facePreviousHandler(type, context, message);
}

// What left the terminal: the call name, the request body, and what the terminal had committed by then.
struct SentCall {
    QString call;
    QJsonObject body;
    qint64 pendingJournalRows = 0;
};

// An IHttpClient in front of the real one that records every Terminal API request before it leaves.
class RecordingHttpClient final : public IHttpClient {
public:
    RecordingHttpClient(IHttpClient& inner, std::function<void(const QString&, const QJsonObject&)> onCall)
        : m_inner(inner), m_onCall(std::move(onCall)) {}

    RequestId send(HttpRequest request, QObject* context, Callback onDone) override {
        const QString call = request.url.path().section(QLatin1Char('/'), -1);
        m_onCall(call, QJsonDocument::fromJson(request.body).object());
        return m_inner.send(std::move(request), context, std::move(onDone));
    }
    void cancel(RequestId id) override { m_inner.cancel(id); }

private:
    IHttpClient& m_inner;
    std::function<void(const QString&, const QJsonObject&)> m_onCall;
};

// A clock whose wall time is off by a fixed amount (a device RTC set wrong) while its monotonic time is the shared
// one, so the scheduler still moves it.
class SkewedClock final : public IClock {
public:
    SkewedClock(std::shared_ptr<ManualClock> base, std::chrono::seconds skew) : m_base(std::move(base)), m_skew(skew) {}
    QDateTime nowUtc() const override { return m_base->nowUtc().addSecs(m_skew.count()); }
    std::chrono::steady_clock::time_point steadyNow() const override { return m_base->steadyNow(); }

private:
    std::shared_ptr<ManualClock> m_base;
    std::chrono::seconds m_skew;
};

class FacePayFixture : public EngineTerminalFixture {
protected:
    void SetUp() override {
        EngineTerminalFixture::SetUp();
        if (HasFatalFailure()) return;
        m_recording = std::make_unique<RecordingHttpClient>(
            *m_http, [this](const QString& call, const QJsonObject& body) { recordCall(call, body); });
        m_backend = makeBackend(m_clock);
        m_scheduler = std::make_shared<ManualScheduler>(m_clock);
        startEngine();

        g_faceLog.clear();
        g_facePreviousHandler = qInstallMessageHandler(captureFaceLog);
    }

    void TearDown() override {
        qInstallMessageHandler(g_facePreviousHandler);
        m_cache.reset();
        m_engine.reset();
        m_backend.reset();
        m_recording.reset();
        m_http.reset();
        m_orders.reset();
        m_db.reset();
        SandboxFixture::TearDown();
    }

    std::unique_ptr<backend::BackendClient> makeBackend(std::shared_ptr<const IClock> clock) {
        backend::BackendConfig config;
        config.baseUrl = m_server->url();
        config.deviceId = m_client->deviceId();
        config.merchantNo = QString::fromLatin1(kMerchantNo);
        config.deviceSecret = m_client->secret().toLatin1();
        config.timeout = 5s;
        config.retryDelay = 50ms;
        auto client = std::make_unique<backend::BackendClient>(*m_recording, std::move(clock), config);
        client->setSessionToken(m_sessionToken);
        return client;
    }

    // A new engine and token cache, as after a restart: nothing of the previous one's memory survives.
    void startEngine() {
        m_cache.reset();
        m_engine.reset();
        m_scheduler->clear();
        m_engine = std::make_unique<PaymentEngine>(*m_orders, *m_backend, m_clock, m_scheduler, PaymentLimits{});
        QObject::connect(m_engine.get(), &PaymentEngine::finished, m_engine.get(),
                         [this](const PaymentResult& r) { m_results[r.mchOrderNo].append(r); });
        QObject::connect(m_engine.get(), &PaymentEngine::recoveryFinished, m_engine.get(),
                         [this](int resolved) { m_recovered.append(resolved); });
        QObject::connect(m_engine.get(), &PaymentEngine::phoneConfirmationNeeded, m_engine.get(),
                         [this](const QString& number, int attemptsLeft, bool wrongDigits) {
                             m_prompts[number].append({attemptsLeft, wrongDigits});
                         });
        m_cache = std::make_unique<FaceAuthCache>(*m_backend, m_clock, m_scheduler);
        m_cache->watch(*m_engine);
    }

    void recordCall(const QString& call, const QJsonObject& body) {
        SentCall sent;
        sent.call = call;
        sent.body = body;
        sent.pendingJournalRows =
            terminalCount(QStringLiteral("SELECT count(*) FROM payment_journal WHERE outcome = "
                                         "'PENDING'"));
        m_sent.append(sent);
    }

    QList<SentCall> sent(const QString& call) const {
        QList<SentCall> list;
        for (const SentCall& s : m_sent)
            if (s.call == call) list.append(s);
        return list;
    }

    qint64 terminalCount(const QString& sql) {
        if (!m_db) return -1;
        auto n = m_db->queryInt64(sql);
        return n.ok() ? n->value_or(0) : -1;
    }

    void script(const QString& outcome, const QString& faceId = {}) {
        QJsonObject result{{QStringLiteral("outcome"), outcome}};
        if (!faceId.isEmpty()) result.insert(QStringLiteral("face_id"), faceId);
        const QJsonObject r = admin(QStringLiteral("face_script"), {{QStringLiteral("device_id"), m_client->deviceId()},
                                                                    {QStringLiteral("results"), QJsonArray{result}}});
        ASSERT_EQ(r.value(QStringLiteral("code")).toInt(), 0) << QJsonDocument(r).toJson().toStdString();
    }

    void faults(const QJsonObject& settings) {
        ASSERT_EQ(admin(QStringLiteral("faults_set"), settings).value(QStringLiteral("code")).toInt(), 0);
    }

    // A token from the cache (through face_authinfo), waiting for the answer.
    std::optional<backend::FaceAuthInfo> acquireToken(FaceAuthCache& cache) {
        std::optional<Result<backend::FaceAuthInfo>> got;
        cache.acquire(m_operatorId, [&got](Result<backend::FaceAuthInfo> r) { got.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 15000)) {
            ADD_FAILURE() << "face_authinfo did not answer";
            return std::nullopt;
        }
        if (!got->ok()) {
            ADD_FAILURE() << got->error().message.toStdString();
            return std::nullopt;
        }
        return got->value();
    }

    // Any small JPEG bytes, sealed as the capture pipeline would (§12.1).
    static face::SealedFace seal(const backend::FaceAuthInfo& token) {
        const QByteArray jpeg("\xFF\xD8\xFF\xE0 a small test face \xFF\xD9");
        auto sealed =
            crypto::sealToPublicKey(token.facePublicKey, jpeg, backend::BackendClient::faceImageInfo(token.faceToken));
        EXPECT_TRUE(sealed.ok());
        face::SealedFace face;
        face.sealedImage = sealed.ok() ? *sealed : QByteArray();
        face.faceToken = token.faceToken;
        face.livenessScore = 97;
        face.jpegBytes = static_cast<int>(jpeg.size());
        return face;
    }

    store::OrderRecord createOrder(const QString& channel = QStringLiteral("face"), qint64 fee = 1880) {
        store::NewOrder o;
        o.channel = channel;
        o.totalFee = fee;
        o.operatorId = m_operatorId;
        auto created = m_orders->createOrder(o);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        return created.ok() ? *created : store::OrderRecord{};
    }

    // A committed face order, paid with a fresh token from the cache.
    store::OrderRecord startFacePay() {
        const store::OrderRecord order = createOrder();
        const auto token = acquireToken(*m_cache);
        if (!token) return order;
        const auto started = m_engine->startFacePay(order, seal(*token));
        EXPECT_TRUE(started.ok()) << (started.ok() ? std::string() : started.error().message.toStdString());
        return order;
    }

    bool noCallInFlight() {
        return terminalCount(QStringLiteral("SELECT count(*) FROM payment_journal WHERE outcome = 'PENDING'")) == 0;
    }

    // Runs the engine until `number` has finished: waits for each answer, then fires the next timer (moving the
    // shared clock) only when no call is in flight.
    std::optional<PaymentResult> waitFinished(const QString& number) {
        for (int step = 0; step < 200; ++step) {
            const bool settled = QTest::qWaitFor(
                [&] { return m_results.contains(number) || (m_scheduler->hasPending() && noCallInFlight()); }, 15000);
            if (!settled || m_results.contains(number)) break;
            m_scheduler->fireNext();
        }
        if (!m_results.contains(number)) {
            ADD_FAILURE() << "payment " << number.toStdString() << " did not finish";
            return std::nullopt;
        }
        QTest::qWait(20);  // a second finished() would be counted here
        EXPECT_EQ(m_results.value(number).size(), 1) << "finished must be emitted exactly once";
        return m_results.value(number).first();
    }

    // Waits (without firing any timer) for the n-th request for the phone digits.
    bool waitPrompt(const QString& number, int n) {
        return QTest::qWaitFor([&] { return m_prompts.value(number).size() >= n && noCallInFlight(); }, 15000);
    }

    QStringList actions(const QString& number) {
        QStringList list;
        auto rows = m_orders->journal(number);
        EXPECT_TRUE(rows.ok());
        if (!rows.ok()) return list;
        for (const store::JournalEntry& e : *rows) list.append(e.action + QLatin1Char(':') + e.outcome);
        return list;
    }

    QString sandboxTradeState(const QString& number, QJsonObject* order = nullptr) {
        const auto reply = m_client->call(QStringLiteral("order_query"), {{QStringLiteral("mch_order_no"), number}});
        if (reply.code() != 0) return reply.errCode();
        if (order) *order = reply.data();
        return reply.data().value(QStringLiteral("trade_state")).toString();
    }

    store::OrderStatus terminalStatus(const QString& number) {
        auto o = m_orders->order(number);
        EXPECT_TRUE(o.ok() && o->has_value());
        return o.ok() && o->has_value() ? (*o)->status : store::OrderStatus::Created;
    }

    // Every payment call left with exactly one journal row PENDING: its own, committed before it.
    void expectJournalBeforeEveryCall() {
        static const QStringList kPaymentCalls{QStringLiteral("face_pay"), QStringLiteral("order_query"),
                                               QStringLiteral("order_reverse"), QStringLiteral("order_close")};
        for (const SentCall& s : std::as_const(m_sent)) {
            if (!kPaymentCalls.contains(s.call)) continue;
            EXPECT_EQ(s.pendingJournalRows, 1) << s.call.toStdString() << " left without its journal row";
        }
    }

    void expectNoFaceDataOrDigitsLogged(const face::SealedFace* face = nullptr, const QString& digits = {}) {
        for (const QString& line : std::as_const(g_faceLog)) {
            if (!digits.isEmpty()) {
                EXPECT_FALSE(line.contains(digits)) << "phone digits in the log: " << line.toStdString();
            }
            if (face) {
                EXPECT_FALSE(line.contains(QString::fromLatin1(face->sealedImage.toBase64().left(24))))
                    << "face data in the log";
            }
        }
    }

    std::unique_ptr<RecordingHttpClient> m_recording;
    std::unique_ptr<backend::BackendClient> m_backend;
    std::shared_ptr<ManualScheduler> m_scheduler;
    std::unique_ptr<PaymentEngine> m_engine;
    std::unique_ptr<FaceAuthCache> m_cache;
    QHash<QString, QList<PaymentResult>> m_results;
    QHash<QString, QList<std::pair<int, bool>>> m_prompts;
    QList<int> m_recovered;
    QList<SentCall> m_sent;
};

}  // namespace facepos::checkout::test
