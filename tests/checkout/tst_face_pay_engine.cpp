// PaymentEngine's face pay (docs/terminal-api.md §12.2, §11.2) against the real in-process sandbox over loopback HTTP,
// with the outcomes scripted by face_script (§17.5): every branch of the face_pay answer, the phone confirmation, the
// payer walking away, the token expiring, lost answers, the channel limit, the image wiped, and start-up recovery of
// a face order a crash left Paying. One ManualClock drives the sandbox, the client and the engine.
#include "checkout/tst_face_pay_support.h"
#include "platform/masking.h"

namespace facepos::checkout {
namespace {

using namespace std::chrono_literals;

using store::OrderStatus;
using test::FacePayFixture;

class FacePayEngineTest : public FacePayFixture {
protected:
    // An order a crash left Paying with its first face_pay journal row PENDING; when `sealedWith` is given the
    // face_pay had reached the sandbox (sent directly: the engine that sent it died with its answer).
    store::OrderRecord crashedWhileCharging(const std::optional<backend::FaceAuthInfo>& sealedWith) {
        store::OrderRecord order = createOrder();
        EXPECT_TRUE(m_orders->markPaying(order.mchOrderNo).ok());
        EXPECT_TRUE(
            m_orders->beginJournal(order.mchOrderNo, QStringLiteral("charge"), 1, QStringLiteral("face:image")).ok());
        if (sealedWith) {
            const face::SealedFace face = seal(*sealedWith);
            const auto reply =
                m_client->call(QStringLiteral("face_pay"),
                               {{QStringLiteral("session_token"), m_sessionToken},
                                {QStringLiteral("mch_order_no"), order.mchOrderNo},
                                {QStringLiteral("total_fee"), order.payableFee},
                                {QStringLiteral("fee_type"), QStringLiteral("CNY")},
                                {QStringLiteral("channel"), QStringLiteral("face")},
                                {QStringLiteral("operator_id"), m_operatorId},
                                {QStringLiteral("face_token"), sealedWith->faceToken},
                                {QStringLiteral("face_image"), QString::fromLatin1(face.sealedImage.toBase64())}});
            EXPECT_EQ(reply.code(), 0) << reply.raw.toStdString();
        }
        return order;
    }

    void restartAndResume() {
        startEngine();
        m_sent.clear();
        m_engine->resumeUnfinished();
    }
};

// ---- the first submission's answers ----

TEST_F(FacePayEngineTest, ScriptedSuccessIsPaidWithOneSubmission) {
    script(QStringLiteral("SUCCESS"));
    const store::OrderRecord order = createOrder();
    const auto token = acquireToken(*m_cache);
    ASSERT_TRUE(token);
    const face::SealedFace face = seal(*token);
    ASSERT_TRUE(m_engine->startFacePay(order, face).ok());
    EXPECT_TRUE(m_engine->holdsFaceImage(order.mchOrderNo)) << "held while the first submission may be repeated";
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Paying);

    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Paid);
    EXPECT_EQ(result->channel, QStringLiteral("face"));
    EXPECT_TRUE(result->channelOrderNo.startsWith(QStringLiteral("FACE")));
    EXPECT_FALSE(result->platformOrderNo.isEmpty());
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Paid);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("SUCCESS"));
    EXPECT_EQ(actions(order.mchOrderNo), QStringList{QStringLiteral("charge:SUCCESS")});
    EXPECT_FALSE(m_engine->holdsFaceImage(order.mchOrderNo));

    // What left: one face_pay with the sealed image, the token and the liveness score, after its journal row.
    const QList<test::SentCall> pays = sent(QStringLiteral("face_pay"));
    ASSERT_EQ(pays.size(), 1);
    EXPECT_EQ(pays[0].body.value(QStringLiteral("face_image")).toString(),
              QString::fromLatin1(face.sealedImage.toBase64()));
    EXPECT_EQ(pays[0].body.value(QStringLiteral("face_token")).toString(), token->faceToken);
    EXPECT_EQ(pays[0].body.value(QStringLiteral("liveness_score")).toInt(), 97);
    EXPECT_EQ(pays[0].body.value(QStringLiteral("channel")).toString(), QStringLiteral("face"));
    expectJournalBeforeEveryCall();
    auto rows = m_orders->journal(order.mchOrderNo);
    ASSERT_TRUE(rows.ok() && rows->size() == 1);
    EXPECT_EQ(rows->first().maskedCode, QStringLiteral("face:image"));
    expectNoFaceDataOrDigitsLogged(&face);
}

TEST_F(FacePayEngineTest, NoMatchingFaceFailsWithFaceNotMatched) {
    const store::OrderRecord order = startFacePay();  // nothing scripted: the sandbox matches no payer
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Failed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("FACE_NOT_MATCHED"));
    EXPECT_TRUE(result->reasonText.contains(QStringLiteral("not recognised")));  // the test runs untranslated
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Failed);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("FAIL"));
    EXPECT_FALSE(m_engine->holdsFaceImage(order.mchOrderNo));
}

TEST_F(FacePayEngineTest, InsufficientFundsFails) {
    script(QStringLiteral("INSUFFICIENT_FUNDS"));
    const store::OrderRecord order = startFacePay();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Failed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("INSUFFICIENT_FUNDS"));
    EXPECT_TRUE(result->reasonText.contains(QStringLiteral("another way")));
}

TEST_F(FacePayEngineTest, SystemErrorIsQueriedAndPaid) {
    script(QStringLiteral("SYSTEMERROR"));
    const store::OrderRecord order = startFacePay();
    // The image goes as soon as the first trusted answer is in: it is never sent again.
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_scheduler->hasPending() && noCallInFlight(); }, 15000));
    EXPECT_FALSE(m_engine->holdsFaceImage(order.mchOrderNo));
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Paid);
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:SYSTEMERROR"), QStringLiteral("query:SUCCESS")}));
    EXPECT_EQ(sent(QStringLiteral("face_pay")).size(), 1);
    expectJournalBeforeEveryCall();
}

TEST_F(FacePayEngineTest, ALostAnswerAfterTheServerCommittedIsFoundByQuery) {
    // GIVEN the sandbox commits the next face_pay and then drops the connection without answering. (Twice: curl
    // itself resends a request once when a reused keep-alive connection closes without an answer; that resend then
    // carries the same nonce and is refused NONCE_REUSED, and its answer is dropped too. No further face_pay is sent.)
    script(QStringLiteral("SUCCESS"));
    faults({{QStringLiteral("calls"), QJsonArray{QStringLiteral("face_pay")}},
            {QStringLiteral("drop_after_commit_percent"), 100},
            {QStringLiteral("count"), 2}});
    const store::OrderRecord order = startFacePay();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    // THEN the query finds it paid, with one submission and one order on the server
    EXPECT_EQ(result->status, OrderStatus::Paid);
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:SUCCESS")}));
    EXPECT_EQ(sent(QStringLiteral("face_pay")).size(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM pay_orders WHERE mch_order_no = '%1'").arg(order.mchOrderNo)),
              1);
    EXPECT_FALSE(m_engine->holdsFaceImage(order.mchOrderNo));
}

TEST_F(FacePayEngineTest, StillUnknownAtTheWechatLimitIsReversed) {
    // GIVEN neither the face_pay nor any query gets through: the outcome stays unknown
    faults({{QStringLiteral("calls"), QJsonArray{QStringLiteral("face_pay"), QStringLiteral("order_query")}},
            {QStringLiteral("drop_before_commit_percent"), 100}});
    const store::OrderRecord order = startFacePay();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    // THEN it is reversed at the 30 s limit (§12.2 follows §11.2), not before
    EXPECT_EQ(result->status, OrderStatus::Reversed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("CHANNEL_LIMIT"));
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Reversed);
    auto rows = m_orders->journal(order.mchOrderNo);
    ASSERT_TRUE(rows.ok() && rows->size() >= 2);
    EXPECT_EQ(rows->last().action, QStringLiteral("reverse"));
    EXPECT_EQ(rows->first().at.msecsTo(rows->last().at), 30000);
    EXPECT_EQ(sent(QStringLiteral("face_pay")).size(), 1) << "the first submission is never repeated after an unknown";
    admin(QStringLiteral("faults_clear"));
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("REVERSED"));
}

TEST_F(FacePayEngineTest, ATokenUsedForAnotherOrderFailsWithFaceTokenInvalidAndIsDropped) {
    script(QStringLiteral("SUCCESS"));
    const store::OrderRecord first = createOrder();
    const auto token = acquireToken(*m_cache);
    ASSERT_TRUE(token);
    ASSERT_TRUE(m_engine->startFacePay(first, seal(*token)).ok());
    // The token is bound to the first order now: the cache does not hand it out again.
    EXPECT_FALSE(m_cache->hasUsableToken());
    ASSERT_TRUE(waitFinished(first.mchOrderNo));

    const store::OrderRecord second = createOrder();
    ASSERT_TRUE(m_engine->startFacePay(second, seal(*token)).ok());
    const auto result = waitFinished(second.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Failed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("FACE_TOKEN_INVALID"));
    EXPECT_FALSE(result->reasonText.isEmpty());
    EXPECT_EQ(sandboxTradeState(second.mchOrderNo), QStringLiteral("ORDER_NOT_FOUND"));  // nothing charged
    const auto fresh = acquireToken(*m_cache);
    ASSERT_TRUE(fresh);
    EXPECT_NE(fresh->faceToken, token->faceToken);
}

TEST_F(FacePayEngineTest, OrdersThatCannotBePaidByFaceAreRefusedBeforeAnyCall) {
    const auto token = acquireToken(*m_cache);
    ASSERT_TRUE(token);
    const store::OrderRecord wechat = createOrder(QStringLiteral("wechat"));
    EXPECT_EQ(m_engine->startFacePay(wechat, seal(*token)).error().code, QStringLiteral("payment.bad_order"));
    const store::OrderRecord order = createOrder();
    EXPECT_EQ(m_engine->startFacePay(order, face::SealedFace{}).error().code, QStringLiteral("payment.bad_order"));
    EXPECT_EQ(m_engine->startMicropay(order, QStringLiteral("134000000000000000")).error().code,
              QStringLiteral("payment.bad_order"));
    EXPECT_TRUE(sent(QStringLiteral("face_pay")).isEmpty());
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Created);
}

// ---- NEED_PHONE_CONFIRM ----

TEST_F(FacePayEngineTest, TheRightPhoneDigitsPay) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));  // the demo face whose phone ends 5678
    const store::OrderRecord order = startFacePay();
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 1));
    EXPECT_EQ(m_prompts.value(order.mchOrderNo).first(), std::make_pair(3, false));
    EXPECT_FALSE(m_engine->holdsFaceImage(order.mchOrderNo)) << "wiped when NEED_PHONE_CONFIRM arrived";
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Paying);

    ASSERT_TRUE(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("5678")).ok());
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Paid);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("SUCCESS"));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:NEED_PHONE_CONFIRM"), QStringLiteral("charge:SUCCESS")}));
    // The resubmission: same order, amount and token, the digits, no image.
    const QList<test::SentCall> pays = sent(QStringLiteral("face_pay"));
    ASSERT_EQ(pays.size(), 2);
    EXPECT_EQ(pays[1].body.value(QStringLiteral("phone_last4")).toString(), QStringLiteral("5678"));
    EXPECT_FALSE(pays[1].body.contains(QStringLiteral("face_image")));
    EXPECT_EQ(pays[1].body.value(QStringLiteral("face_token")), pays[0].body.value(QStringLiteral("face_token")));
    EXPECT_EQ(pays[1].body.value(QStringLiteral("total_fee")), pays[0].body.value(QStringLiteral("total_fee")));
    expectJournalBeforeEveryCall();
    // The digits are neither logged nor stored.
    expectNoFaceDataOrDigitsLogged(nullptr, QStringLiteral("5678"));
    auto rows = m_orders->journal(order.mchOrderNo);
    ASSERT_TRUE(rows.ok());
    for (const store::JournalEntry& e : *rows) EXPECT_FALSE(e.maskedCode.contains(QStringLiteral("5678")));
    EXPECT_EQ(rows->last().maskedCode, QStringLiteral("face:phone"));
    EXPECT_EQ(terminalCount(QStringLiteral("SELECT count(*) FROM outbox WHERE payload LIKE '%5678%'")), 0);
}

TEST_F(FacePayEngineTest, ThreeWrongPhoneNumbersFailWithPhoneMismatch) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const store::OrderRecord order = startFacePay();
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 1));
    ASSERT_TRUE(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("1111")).ok());
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 2));
    ASSERT_TRUE(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("2222")).ok());
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 3));
    EXPECT_EQ(m_prompts.value(order.mchOrderNo), (QList<std::pair<int, bool>>{{3, false}, {2, true}, {1, true}}));
    ASSERT_TRUE(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("3333")).ok());
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Failed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("PHONE_MISMATCH"));
    EXPECT_TRUE(result->reasonText.contains(QStringLiteral("three times")));
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("FAIL"));
    EXPECT_EQ(actions(order.mchOrderNo).size(), 4);
    expectJournalBeforeEveryCall();
}

TEST_F(FacePayEngineTest, BadPhoneInputSendsNothingAndChangesNothing) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const store::OrderRecord order = startFacePay();
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 1));
    const qsizetype sentBefore = m_sent.size();
    const QStringList journalBefore = actions(order.mchOrderNo);
    for (const QString& bad : {QString(), QStringLiteral("567"), QStringLiteral("56789"), QStringLiteral("56a8"),
                               QStringLiteral(" 5678"), QStringLiteral("５６７８")}) {
        const auto refused = m_engine->confirmPhone(order.mchOrderNo, bad);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, QStringLiteral("payment.bad_phone"));
    }
    EXPECT_EQ(m_engine->confirmPhone(QStringLiteral("NOSUCHORDER"), QStringLiteral("5678")).error().code,
              QStringLiteral("payment.not_waiting"));
    EXPECT_EQ(m_sent.size(), sentBefore);
    EXPECT_EQ(actions(order.mchOrderNo), journalBefore);
    EXPECT_EQ(m_prompts.value(order.mchOrderNo).size(), 1);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("NEED_PHONE_CONFIRM"));
    EXPECT_TRUE(m_engine->isActive(order.mchOrderNo));
    // The right digits still work afterwards, with all three attempts.
    ASSERT_TRUE(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("5678")).ok());
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Paid);
}

TEST_F(FacePayEngineTest, ThePayerWalkingAwayClosesTheOrder) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const store::OrderRecord order = startFacePay();
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 1));
    m_clock->advance(5s);
    EXPECT_TRUE(m_engine->cancel(order.mchOrderNo));
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Closed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("CANCELLED_BY_CASHIER"));
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Closed);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("CLOSED"));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:NEED_PHONE_CONFIRM"), QStringLiteral("close:CLOSED")}));
    EXPECT_EQ(sent(QStringLiteral("order_close")).size(), 1);
    EXPECT_EQ(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("5678")).error().code,
              QStringLiteral("payment.not_waiting"));
}

TEST_F(FacePayEngineTest, TheTokenExpiringBeforeConfirmationClosesTheOrder) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const store::OrderRecord order = startFacePay();
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 1));
    // WHEN nobody enters the digits: the only timer is the confirmation deadline (no query while the payer types)
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    // THEN the query after the token's expiry finds the server closed it
    EXPECT_EQ(result->status, OrderStatus::Closed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("FACE_TOKEN_EXPIRED"));
    EXPECT_TRUE(result->reasonText.contains(QStringLiteral("took too long")));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:NEED_PHONE_CONFIRM"), QStringLiteral("query:CLOSED")}));
    auto rows = m_orders->journal(order.mchOrderNo);
    ASSERT_TRUE(rows.ok() && rows->size() == 2);
    // Asked after the token's 120 s (counted by the server from face_authinfo), not before.
    EXPECT_GE(rows->first().at.msecsTo(rows->last().at), 120000);
    EXPECT_LE(rows->first().at.msecsTo(rows->last().at), 122000);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("CLOSED"));
}

TEST_F(FacePayEngineTest, ALostConfirmationIsResolvedByQueryAndThePayerAskedAgain) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const store::OrderRecord order = startFacePay();
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 1));
    // GIVEN the resubmission is not processed: the server answers HTTP 503 (an unknown outcome for face_pay, §6.3)
    faults({{QStringLiteral("calls"), QJsonArray{QStringLiteral("face_pay")}},
            {QStringLiteral("http_5xx_percent"), 100},
            {QStringLiteral("count"), 1}});
    ASSERT_TRUE(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("1111")).ok());
    // THEN the query finds the order still waiting, with all attempts: asked again, not as wrong digits
    ASSERT_TRUE(waitPrompt(order.mchOrderNo, 2) || (m_scheduler->fireNext() && waitPrompt(order.mchOrderNo, 2)));
    EXPECT_EQ(m_prompts.value(order.mchOrderNo).last(), std::make_pair(3, false));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:NEED_PHONE_CONFIRM"), QStringLiteral("charge:UNKNOWN"),
                           QStringLiteral("query:NEED_PHONE_CONFIRM")}));
    ASSERT_TRUE(m_engine->confirmPhone(order.mchOrderNo, QStringLiteral("5678")).ok());
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Paid);
    expectJournalBeforeEveryCall();
}

// ---- start-up recovery (§11.2 step 6) of face orders ----

TEST_F(FacePayEngineTest, ResumeFindsACrashedFacePaymentTheSandboxReceived) {
    script(QStringLiteral("SUCCESS"));
    const auto token = acquireToken(*m_cache);
    ASSERT_TRUE(token);
    const store::OrderRecord order = crashedWhileCharging(token);
    m_clock->advance(2s);
    restartAndResume();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->recovered);
    EXPECT_EQ(result->status, OrderStatus::Paid);
    EXPECT_FALSE(result->platformOrderNo.isEmpty());
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Paid);
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:SUCCESS")}));
    EXPECT_TRUE(sent(QStringLiteral("face_pay")).isEmpty()) << "recovery never submits a face again";
    EXPECT_EQ(m_recovered, QList<int>{1});
}

TEST_F(FacePayEngineTest, ResumeClosesACrashedFacePaymentTheSandboxNeverReceived) {
    const store::OrderRecord order = crashedWhileCharging(std::nullopt);
    m_clock->advance(2s);
    restartAndResume();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Closed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("ORDER_NOT_FOUND"));
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("CLOSED"));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:ORDER_NOT_FOUND"),
                           QStringLiteral("close:CLOSED")}));
}

TEST_F(FacePayEngineTest, ResumeClosesAFaceOrderLeftWaitingForThePhoneDigits) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const auto token = acquireToken(*m_cache);
    ASSERT_TRUE(token);
    const store::OrderRecord order = crashedWhileCharging(token);
    ASSERT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("NEED_PHONE_CONFIRM"));
    m_clock->advance(3s);
    restartAndResume();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    // Nobody is at the digit pad after a restart: the order is closed, nothing charged.
    EXPECT_TRUE(result->recovered);
    EXPECT_EQ(result->status, OrderStatus::Closed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("PHONE_NOT_CONFIRMED"));
    EXPECT_TRUE(m_prompts.isEmpty());
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("CLOSED"));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("query:NEED_PHONE_CONFIRM"),
                           QStringLiteral("close:CLOSED")}));
}

TEST_F(FacePayEngineTest, ResumePastTheLimitReversesAFaceOrderAtOnce) {
    script(QStringLiteral("SYSTEMERROR"));  // the sandbox's "system error, money taken"
    const auto token = acquireToken(*m_cache);
    ASSERT_TRUE(token);
    // GIVEN the terminal comes back 40 s after a face_pay whose answer the crash took: past the 30 s limit
    const store::OrderRecord order = crashedWhileCharging(token);
    m_clock->advance(40s);
    restartAndResume();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    // THEN it reverses at once, exactly like a payment-code order; the money was taken, so the server refuses the
    // reverse (REVERSE_NOT_ALLOWED) and the order is Paid, with its numbers
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("reverse:REVERSE_NOT_ALLOWED")}));
    EXPECT_EQ(result->status, OrderStatus::Paid);
    EXPECT_FALSE(result->platformOrderNo.isEmpty());
    EXPECT_EQ(terminalStatus(order.mchOrderNo), OrderStatus::Paid);
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("SUCCESS"));
}

TEST_F(FacePayEngineTest, ResumePastTheLimitReversesAnUnconfirmedFaceOrder) {
    script(QStringLiteral("NEED_PHONE_CONFIRM"), QStringLiteral("F02"));
    const auto token = acquireToken(*m_cache);
    ASSERT_TRUE(token);
    const store::OrderRecord order = crashedWhileCharging(token);
    m_clock->advance(40s);
    restartAndResume();
    const auto result = waitFinished(order.mchOrderNo);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, OrderStatus::Reversed);
    EXPECT_EQ(result->reasonCode, QStringLiteral("CHANNEL_LIMIT"));
    EXPECT_EQ(actions(order.mchOrderNo),
              (QStringList{QStringLiteral("charge:UNKNOWN"), QStringLiteral("reverse:REVERSED")}));
    EXPECT_EQ(sandboxTradeState(order.mchOrderNo), QStringLiteral("REVERSED"));
}

}  // namespace
}  // namespace facepos::checkout
