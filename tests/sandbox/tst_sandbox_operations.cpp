// Shifts, sync_upload, heartbeat and unbinding, members and vouchers, update_check (docs/terminal-api.md §10,
// §14–§16), and the demo seed.
#include <QDir>
#include <QFile>

#include "sandbox_fixture.h"

namespace facepos::sandbox {
namespace {

using test::SandboxReply;

class SandboxOperationsTest : public SandboxFixture {
protected:
    QJsonObject shiftOpen(qint64 openingCash = 50000) const {
        return {{QStringLiteral("shift_no"), QStringLiteral("A00123-S2603020900")},
                {QStringLiteral("operator_id"), QStringLiteral("M88001234")},
                {QStringLiteral("opened_at"), QStringLiteral("2026-03-02T17:00:00+08:00")},
                {QStringLiteral("opening_cash_fee"), openingCash}};
    }

    static QJsonObject record(const QString& id, int revision, const QJsonObject& payload,
                              const QString& kind = QStringLiteral("event")) {
        return {{QStringLiteral("record_id"), id},
                {QStringLiteral("kind"), kind},
                {QStringLiteral("revision"), revision},
                {QStringLiteral("created_at"), QStringLiteral("2026-03-02T16:59:00+08:00")},
                {QStringLiteral("payload"), payload}};
    }

    SandboxReply upload(const QJsonArray& records) {
        return m_client->call(QStringLiteral("sync_upload"), {{QStringLiteral("records"), records}});
    }
};

TEST_F(SandboxOperationsTest, ShiftOpenIsIdempotentByShiftNumber) {
    activate();
    const SandboxReply first = m_client->call(QStringLiteral("shift_open"), shiftOpen());
    ASSERT_EQ(first.code(), 0) << first.raw.toStdString();
    EXPECT_EQ(first.data().value(QStringLiteral("shift")).toObject().value(QStringLiteral("state")).toString(),
              QStringLiteral("open"));
    EXPECT_EQ(m_client->call(QStringLiteral("shift_open"), shiftOpen()).code(), 0);
    EXPECT_EQ(m_client->call(QStringLiteral("shift_open"), shiftOpen(1)).errCode(), QStringLiteral("SHIFT_CONFLICT"));
    EXPECT_EQ(count(QStringLiteral("SELECT opening_cash_fee FROM shifts")), 50000);
}

TEST_F(SandboxOperationsTest, ShiftCloseClosesAndFlagsWalletTotalsTheServerDoesNotHave) {
    activate();
    ASSERT_EQ(m_client->call(QStringLiteral("shift_open"), shiftOpen()).code(), 0);
    QJsonObject close = shiftOpen();
    close.remove(QStringLiteral("opening_cash_fee"));
    close.insert(QStringLiteral("closed_at"), QStringLiteral("2026-03-02T21:00:00+08:00"));
    close.insert(QStringLiteral("report"),
                 QJsonObject{{QStringLiteral("order_count"), 1},
                             {QStringLiteral("totals"),
                              QJsonArray{QJsonObject{{QStringLiteral("channel"), QStringLiteral("wechat")},
                                                     {QStringLiteral("count"), 1},
                                                     {QStringLiteral("total_fee"), 100}}}},
                             {QStringLiteral("refund_count"), 0},
                             {QStringLiteral("refund_fee"), 0},
                             {QStringLiteral("voucher_count"), 0},
                             {QStringLiteral("voucher_deduct_fee"), 0},
                             {QStringLiteral("opening_cash_fee"), 50000},
                             {QStringLiteral("expected_cash_fee"), 50000},
                             {QStringLiteral("counted_cash_fee"), 50000},
                             {QStringLiteral("cash_diff_fee"), 0},
                             {QStringLiteral("printed"), true}});
    const SandboxReply closed = m_client->call(QStringLiteral("shift_close"), close);
    ASSERT_EQ(closed.code(), 0) << closed.raw.toStdString();
    EXPECT_EQ(closed.data().value(QStringLiteral("shift")).toObject().value(QStringLiteral("state")).toString(),
              QStringLiteral("closed"));
    EXPECT_TRUE(closed.data().value(QStringLiteral("mismatch")).toBool());
    EXPECT_EQ(m_client->call(QStringLiteral("shift_close"), close).code(), 0);
    close.insert(QStringLiteral("closed_at"), QStringLiteral("2026-03-02T22:00:00+08:00"));
    EXPECT_EQ(m_client->call(QStringLiteral("shift_close"), close).errCode(), QStringLiteral("SHIFT_CONFLICT"));
}

TEST_F(SandboxOperationsTest, SyncUploadStoresARecordOnce) {
    activate();
    const QJsonObject event = record(QStringLiteral("5f0c2a7e-3b1d-4c8e-9a62-1d7e4b9f0a31"), 1,
                                     {{QStringLiteral("type"), QStringLiteral("drawer_open")},
                                      {QStringLiteral("at"), QStringLiteral("2026-03-02T16:59:00+08:00")}});
    const SandboxReply first = upload({event});
    ASSERT_EQ(first.code(), 0) << first.raw.toStdString();
    const QJsonObject firstResult = first.data().value(QStringLiteral("results")).toArray().first().toObject();
    EXPECT_EQ(firstResult.value(QStringLiteral("status")).toString(), QStringLiteral("ACK"));
    EXPECT_FALSE(firstResult.value(QStringLiteral("duplicate")).toBool());
    const QJsonObject again = upload({event}).data().value(QStringLiteral("results")).toArray().first().toObject();
    EXPECT_EQ(again.value(QStringLiteral("status")).toString(), QStringLiteral("ACK"));
    EXPECT_TRUE(again.value(QStringLiteral("duplicate")).toBool());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_records")), 1);
}

TEST_F(SandboxOperationsTest, SyncUploadAnswersEachRecord) {
    activate();
    const QString id = QStringLiteral("0b7d51c2-96a4-4f0e-8d3b-7c2e19a4f5d8");
    const QJsonObject at{{QStringLiteral("type"), QStringLiteral("lock")},
                         {QStringLiteral("at"), QStringLiteral("2026-03-02T16:59:00+08:00")}};
    ASSERT_EQ(upload({record(id, 2, at)}).code(), 0);
    QJsonObject changed = at;
    changed.insert(QStringLiteral("type"), QStringLiteral("login"));
    const QJsonArray results = upload({record(id, 2, changed), record(id, 1, changed),
                                       record(QStringLiteral("e2c9a7f1-0d4b-4a3e-9c65-8b1f2d7e3a90"), 1,
                                              {{QStringLiteral("cpu_temp_c"), 61}}, QStringLiteral("telemetry")),
                                       record(QStringLiteral("a41e9c03-5d27-4b6a-b1f8-2e9d07c3a6b4"), 1,
                                              {{QStringLiteral("at"), QStringLiteral("x")}})})
                                   .data()
                                   .value(QStringLiteral("results"))
                                   .toArray();
    ASSERT_EQ(results.size(), 4);
    EXPECT_EQ(results[0].toObject().value(QStringLiteral("err_code")).toString(), QStringLiteral("RECORD_CONFLICT"));
    EXPECT_EQ(results[1].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ACK"));
    EXPECT_TRUE(results[1].toObject().value(QStringLiteral("duplicate")).toBool());
    EXPECT_EQ(results[2].toObject().value(QStringLiteral("err_code")).toString(),
              QStringLiteral("UNKNOWN_RECORD_KIND"));
    EXPECT_EQ(results[3].toObject().value(QStringLiteral("err_code")).toString(), QStringLiteral("MISSING_FIELD"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_records")), 1);
}

TEST_F(SandboxOperationsTest, HeartbeatSaysUnboundAfterSupportUnbindsTheDevice) {
    activate();
    const SandboxReply bound = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    EXPECT_TRUE(bound.data().value(QStringLiteral("bound")).toBool());
    EXPECT_TRUE(bound.data().contains(QStringLiteral("config")));
    admin(QStringLiteral("device_unbind"), {{QStringLiteral("device_id"), m_client->deviceId()},
                                            {QStringLiteral("reason"), QStringLiteral("wrong merchant")}});
    const SandboxReply unbound = m_client->call(QStringLiteral("heartbeat"), heartbeatFields());
    ASSERT_EQ(unbound.code(), 0) << unbound.raw.toStdString();
    EXPECT_TRUE(m_client->verifies(unbound));
    EXPECT_FALSE(unbound.data().value(QStringLiteral("bound")).toBool());
    EXPECT_EQ(unbound.data().value(QStringLiteral("unbound_reason")).toString(), QStringLiteral("wrong merchant"));
    // Other calls answer DEVICE_UNBOUND, signed with the old secret.
    const SandboxReply login = merchantLogin(*m_client, merchantKey());
    EXPECT_EQ(login.errCode(), QStringLiteral("DEVICE_UNBOUND"));
    EXPECT_TRUE(m_client->verifies(login));
}

TEST_F(SandboxOperationsTest, AfterUnbindingOnlyEarlierRecordsAreAccepted) {
    activate();
    m_clock->advance(std::chrono::hours(1));
    admin(QStringLiteral("device_unbind"), {{QStringLiteral("device_id"), m_client->deviceId()},
                                            {QStringLiteral("reason"), QStringLiteral("returned")}});
    const QJsonObject at{{QStringLiteral("type"), QStringLiteral("lock")},
                         {QStringLiteral("at"), QStringLiteral("2026-03-02T17:00:00+08:00")}};
    QJsonObject late = record(QStringLiteral("11111111-2222-4333-8444-555555555555"), 1, at);
    late.insert(QStringLiteral("created_at"), QStringLiteral("2026-03-02T18:30:00+08:00"));
    const QJsonArray results = upload({record(QStringLiteral("0b7d51c2-96a4-4f0e-8d3b-7c2e19a4f5d8"), 1, at), late})
                                   .data()
                                   .value(QStringLiteral("results"))
                                   .toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ACK"));
    EXPECT_EQ(results[1].toObject().value(QStringLiteral("err_code")).toString(),
              QStringLiteral("RECORD_OUT_OF_BINDING"));
}

TEST_F(SandboxOperationsTest, TheDemoSeedHasTheDocumentedStore) {
    ASSERT_EQ(admin(QStringLiteral("reset"), {{QStringLiteral("seed"), QStringLiteral("demo")}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM merchants WHERE merchant_no = '88001234'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM clerks")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM members")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM vouchers")), 3);
    auto activated = test::activateDevice(*m_server, *m_client, *m_deviceKey, merchantKey());
    ASSERT_TRUE(activated.ok()) << activated.error().message.toStdString();
}

TEST_F(SandboxOperationsTest, MemberQueryAndVoucherCheckFollowTheArithmetic) {
    ASSERT_EQ(admin(QStringLiteral("reset"), {{QStringLiteral("seed"), QStringLiteral("demo")}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    ASSERT_TRUE(test::activateDevice(*m_server, *m_client, *m_deviceKey, merchantKey()).ok());
    const QString token =
        merchantLogin(*m_client, merchantKey()).data().value(QStringLiteral("session_token")).toString();
    const SandboxReply member = m_client->call(
        QStringLiteral("member_query"),
        {{QStringLiteral("session_token"), token}, {QStringLiteral("member_card_no"), QStringLiteral("MC8800120017")}});
    ASSERT_EQ(member.code(), 0) << member.raw.toStdString();
    const QJsonObject info = member.data().value(QStringLiteral("member")).toObject();
    EXPECT_EQ(info.value(QStringLiteral("name_masked")).toString(), QStringLiteral("张*"));
    EXPECT_EQ(info.value(QStringLiteral("discount_pct")).toInt(), 95);
    EXPECT_EQ(info.value(QStringLiteral("vouchers")).toArray().size(), 1);
    const SandboxReply check = m_client->call(QStringLiteral("voucher_check"),
                                              {{QStringLiteral("session_token"), token},
                                               {QStringLiteral("voucher_no"), QStringLiteral("V2411000123")},
                                               {QStringLiteral("mch_order_no"), QStringLiteral("A001232603020001")},
                                               {QStringLiteral("total_fee"), 2850},
                                               {QStringLiteral("member_no"), QStringLiteral("M880012340017")}});
    ASSERT_EQ(check.code(), 0) << check.raw.toStdString();
    EXPECT_TRUE(check.data().value(QStringLiteral("usable")).toBool());
    EXPECT_EQ(check.data().value(QStringLiteral("deduct_fee")).toInt(), 500);
    EXPECT_EQ(check.data().value(QStringLiteral("payable_fee")).toInt(), 2350);
    // Held for that order: another order cannot take it.
    const SandboxReply other = m_client->call(QStringLiteral("voucher_check"),
                                              {{QStringLiteral("session_token"), token},
                                               {QStringLiteral("voucher_no"), QStringLiteral("V2411000123")},
                                               {QStringLiteral("mch_order_no"), QStringLiteral("A001232603020002")},
                                               {QStringLiteral("total_fee"), 2850},
                                               {QStringLiteral("member_no"), QStringLiteral("M880012340017")}});
    EXPECT_EQ(other.data().value(QStringLiteral("reason")).toString(), QStringLiteral("HELD_BY_OTHER_ORDER"));
}

TEST_F(SandboxOperationsTest, VoucherRedeemIsIdempotentByVoucherAndOrder) {
    ASSERT_EQ(admin(QStringLiteral("reset"), {{QStringLiteral("seed"), QStringLiteral("demo")}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    ASSERT_TRUE(test::activateDevice(*m_server, *m_client, *m_deviceKey, merchantKey()).ok());
    QJsonObject redeem{{QStringLiteral("voucher_no"), QStringLiteral("V2411000789")},
                       {QStringLiteral("mch_order_no"), QStringLiteral("A001232603020001")},
                       {QStringLiteral("deduct_fee"), 300},
                       {QStringLiteral("operator_id"), QStringLiteral("C1001")},
                       {QStringLiteral("redeemed_at"), QStringLiteral("2026-03-02T17:00:00+08:00")}};
    const SandboxReply first = m_client->call(QStringLiteral("voucher_redeem"), redeem);
    ASSERT_EQ(first.code(), 0) << first.raw.toStdString();
    const QJsonObject redemption = first.data().value(QStringLiteral("redemption")).toObject();
    EXPECT_EQ(redemption.value(QStringLiteral("uses_left")).toInt(), 0);
    const SandboxReply retry = m_client->call(QStringLiteral("voucher_redeem"), redeem);
    EXPECT_EQ(retry.data().value(QStringLiteral("redemption")).toObject().value(QStringLiteral("redeem_no")),
              redemption.value(QStringLiteral("redeem_no")));
    redeem.insert(QStringLiteral("deduct_fee"), 200);
    EXPECT_EQ(m_client->call(QStringLiteral("voucher_redeem"), redeem).errCode(), QStringLiteral("VOUCHER_CONFLICT"));
    redeem.insert(QStringLiteral("mch_order_no"), QStringLiteral("A001232603020002"));
    redeem.insert(QStringLiteral("deduct_fee"), 300);
    EXPECT_EQ(m_client->call(QStringLiteral("voucher_redeem"), redeem).errCode(), QStringLiteral("VOUCHER_NOT_USABLE"));
}

TEST_F(SandboxOperationsTest, PaymentCallsGoThroughTheGatewayToPaymentService) {
    activate();
    const QString token =
        merchantLogin(*m_client, merchantKey()).data().value(QStringLiteral("session_token")).toString();
    const QJsonObject charge{{QStringLiteral("session_token"), token},
                             {QStringLiteral("mch_order_no"), QStringLiteral("A001232603020001")},
                             {QStringLiteral("total_fee"), 2350},
                             {QStringLiteral("fee_type"), QStringLiteral("CNY")},
                             {QStringLiteral("channel"), QStringLiteral("wechat")},
                             {QStringLiteral("auth_code"), QStringLiteral("134000000000000000")},
                             {QStringLiteral("operator_id"), QStringLiteral("M88001234")}};
    const SandboxReply paid = m_client->call(QStringLiteral("quick_pay"), charge);
    ASSERT_EQ(paid.code(), 0) << paid.raw.toStdString();
    EXPECT_TRUE(m_client->verifies(paid));
    EXPECT_EQ(paid.data().value(QStringLiteral("trade_state")).toString(), QStringLiteral("SUCCESS"));
    QJsonObject noSession = charge;
    noSession.remove(QStringLiteral("session_token"));
    EXPECT_EQ(m_client->call(QStringLiteral("quick_pay"), noSession).errCode(), QStringLiteral("SESSION_EXPIRED"));
}

TEST_F(SandboxOperationsTest, UpdateCheckSaysNoUpdateWhenNoneIsPublished) {
    activate();
    const SandboxReply reply =
        m_client->call(QStringLiteral("update_check"), {{QStringLiteral("app_version"), QStringLiteral("1.0.0")},
                                                        {QStringLiteral("device_model"), QStringLiteral("FP-T2")}});
    ASSERT_EQ(reply.code(), 0) << reply.raw.toStdString();
    EXPECT_FALSE(reply.data().value(QStringLiteral("update_available")).toBool());
}

TEST_F(SandboxOperationsTest, APublishedUpdateIsOfferedAndServed) {
    // GIVEN a sandbox serving an updates folder with one package
    const QString updates = m_dir.filePath(QStringLiteral("updates"));
    ASSERT_TRUE(QDir().mkpath(updates));
    QFile package(updates + QStringLiteral("/facepos_1.0.1_arm64.deb"));
    ASSERT_TRUE(package.open(QIODevice::WriteOnly));
    package.write("package bytes");
    package.close();
    m_server->stop();
    SandboxOptions options;
    options.dbPath = m_dir.filePath(QStringLiteral("sandbox.db"));
    options.clock = m_clock;
    options.updatesDir = updates;
    auto restarted = SandboxServer::start(options);
    ASSERT_TRUE(restarted.ok());
    m_server = std::move(restarted).value();
    m_client = std::make_unique<test::SandboxTestClient>(m_server->url(), m_clock);
    activate();
    // WHEN support publishes it
    const QJsonObject published = admin(QStringLiteral("update_publish"),
                                        {{QStringLiteral("version"), QStringLiteral("1.0.1")},
                                         {QStringLiteral("file"), QStringLiteral("facepos_1.0.1_arm64.deb")},
                                         {QStringLiteral("package_signature"), QStringLiteral("MEUCIQ==")},
                                         {QStringLiteral("signing_key_id"), QStringLiteral("facepos-update-2024")}});
    ASSERT_EQ(published.value(QStringLiteral("code")).toInt(), 0);
    // THEN update_check offers it with its size and hash
    const SandboxReply offer =
        m_client->call(QStringLiteral("update_check"), {{QStringLiteral("app_version"), QStringLiteral("1.0.0")},
                                                        {QStringLiteral("device_model"), QStringLiteral("FP-T2")}});
    ASSERT_TRUE(offer.data().value(QStringLiteral("update_available")).toBool()) << offer.raw.toStdString();
    EXPECT_EQ(offer.data().value(QStringLiteral("package_size")).toInt(), 13);
    EXPECT_EQ(offer.data().value(QStringLiteral("package_url")).toString(),
              QStringLiteral("/updates/facepos_1.0.1_arm64.deb"));
    EXPECT_EQ(offer.data().value(QStringLiteral("package_sha256")).toString().size(), 64);
    EXPECT_TRUE(m_client->call(QStringLiteral("heartbeat"), heartbeatFields())
                    .data()
                    .value(QStringLiteral("update_available"))
                    .toBool());
    // AND an installed 1.0.1 is offered nothing
    EXPECT_FALSE(m_client
                     ->call(QStringLiteral("update_check"), {{QStringLiteral("app_version"), QStringLiteral("1.0.1")},
                                                             {QStringLiteral("device_model"), QStringLiteral("FP-T2")}})
                     .data()
                     .value(QStringLiteral("update_available"))
                     .toBool());
}

TEST_F(SandboxOperationsTest, RepeatingAPendingActivationRequestKeepsItsRequestId) {
    createMerchant();
    auto submit = [&] {
        QJsonObject request = m_client->envelope(
            {{QStringLiteral("device_public_key"), QString::fromLatin1(m_deviceKey->publicKeyRaw().toBase64())},
             {QStringLiteral("device_model"), QStringLiteral("FP-T2")},
             {QStringLiteral("app_version"), QStringLiteral("1.0.0")}});
        request.insert(QStringLiteral("password_proof"), test::SandboxTestClient::proof(request, merchantKey()));
        return m_client->send(QStringLiteral("activation_request"), request)
            .data()
            .value(QStringLiteral("request_id"))
            .toString();
    };
    const QString first = submit();
    EXPECT_FALSE(first.isEmpty());
    EXPECT_EQ(submit(), first);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM activation_requests")), 1);
}

}  // namespace
}  // namespace facepos::sandbox
