#include "sandbox/admin_api.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include "sandbox/field_reader.h"
#include "sandbox/payment_service.h"
#include "sandbox/sandbox_logging.h"
#include "sandbox/session_registry.h"

namespace facepos::sandbox {

namespace {

using api::ApiError;

const QStringList kAllChannels{QStringLiteral("wechat"), QStringLiteral("alipay"), QStringLiteral("unionpay"),
                               QStringLiteral("face"), QStringLiteral("cash")};

CallResult internalError(const Error& error) {
    qCWarning(lcSandbox) << "admin action failed:" << error.code << error.message;
    return CallResult::fail(ApiError::SystemError, error.message);
}

CallResult alreadyExists(const QString& what) {
    return CallResult::fail(ApiError::AlreadyExists, QStringLiteral("%1 already exists").arg(what));
}

CallResult notFound(const QString& what) {
    return CallResult::fail(ApiError::NotFound, QStringLiteral("%1 not found").arg(what));
}

}  // namespace

CallResult AdminApi::handle(const QString& action, const QJsonObject& body) {
    QMutexLocker lock(&m_store.mutex());
    if (m_payments != nullptr && PaymentService::adminActions().contains(action)) {
        // PaymentService opens its own transaction.
        auto answer = m_payments->admin(action, body);
        if (!answer) return {PaymentService::adminErrorCode(answer.error()), answer.error().message, QJsonValue::Null};
        return CallResult::ok(*answer);
    }
    auto transaction = m_store.db().begin();
    if (!transaction) return internalError(transaction.error());
    CallResult result = dispatch(action, body);
    if (result.code == 0) {
        if (auto committed = transaction->commit(); !committed) return internalError(committed.error());
    } else {
        (void)transaction->rollback();
    }
    qCInfo(lcSandbox) << "admin" << action << "->" << result.code;
    return result;
}

CallResult AdminApi::dispatch(const QString& action, const QJsonObject& body) {
    FieldReader fields(body);
    if (action == QStringLiteral("reset")) return reset(body);
    if (action == QStringLiteral("merchant_create")) return merchantCreate(body);
    if (action == QStringLiteral("merchant_set_password")) return merchantSetPassword(body);
    if (action == QStringLiteral("store_create")) return storeCreate(body);
    if (action == QStringLiteral("member_create")) return memberCreate(body);
    if (action == QStringLiteral("voucher_create")) return voucherCreate(body);
    if (action == QStringLiteral("activation_list")) return activationList(body);
    if (action == QStringLiteral("activation_approve")) {
        const QString requestId = fields.string(QStringLiteral("request_id"));
        const QString storeNo = fields.string(QStringLiteral("store_no"), {}, false);
        if (!fields.ok()) return fields.error();
        return m_core.approveActivation(requestId, storeNo);
    }
    if (action == QStringLiteral("activation_reject")) {
        const QString requestId = fields.string(QStringLiteral("request_id"));
        const QString reason = fields.string(QStringLiteral("reason"), {}, true, 256);
        if (!fields.ok()) return fields.error();
        return m_core.rejectActivation(requestId, reason);
    }
    if (action == QStringLiteral("device_list") || action == QStringLiteral("devices_list")) return deviceList(body);
    if (action == QStringLiteral("device_unbind")) {
        const QString deviceId = fields.string(QStringLiteral("device_id"));
        const QString reason = fields.string(QStringLiteral("reason"), {}, true, 256);
        if (!fields.ok()) return fields.error();
        return m_core.unbindDevice(deviceId, reason);
    }
    if (action == QStringLiteral("device_secret")) return deviceSecret(body);
    if (action == QStringLiteral("session_end")) return sessionEnd(body);
    if (action == QStringLiteral("record_list")) return recordList(body);
    if (action == QStringLiteral("faults_set")) return faultsSet(body);
    if (action == QStringLiteral("faults_clear")) return faultsSet({});
    if (action == QStringLiteral("faults_get")) return CallResult::ok(m_faults.describe());
    if (action == QStringLiteral("clock_set")) return clockSet(body);
    if (action == QStringLiteral("update_publish")) return updatePublish(body);
    return CallResult::fail(ApiError::UnknownCall, QStringLiteral("unknown admin action '%1'").arg(action),
                            QJsonObject{{QStringLiteral("call"), action}});
}

CallResult AdminApi::reset(const QJsonObject& body) {
    FieldReader fields(body);
    const QString seed = fields.string(QStringLiteral("seed"), QStringLiteral("empty|demo"), false);
    if (!fields.ok()) return fields.error();
    auto tables = m_store.db().prepare(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    if (!tables) return internalError(tables.error());
    QStringList names;
    for (;;) {
        auto row = tables->step();
        if (!row) return internalError(row.error());
        if (!*row) break;
        names.append(tables->columnText(0));
    }
    tables->reset();
    // The admin token and the face key survive a reset (§17.6); so does the TLS certificate (a file).
    for (const QString& table : std::as_const(names)) {
        if (table == QStringLiteral("pay_face_keys")) continue;
        const QString sql = table == QStringLiteral("settings")
                                ? QStringLiteral("DELETE FROM settings WHERE key <> 'admin_token'")
                                : QStringLiteral("DELETE FROM \"%1\"").arg(table);
        if (auto deleted = m_store.db().execute(sql); !deleted) return internalError(deleted.error());
    }
    if (auto offset = m_store.setOffsetSeconds(0); !offset) return internalError(offset.error());
    m_faults.clear();
    if (seed == QStringLiteral("demo")) return seedDemo();
    return CallResult::ok();
}

CallResult AdminApi::seedDemo() {
    const QString merchantNo = QStringLiteral("88001234");
    CallResult step = merchantCreate(QJsonObject{{QStringLiteral("merchant_no"), merchantNo},
                                                 {QStringLiteral("name"), QStringLiteral("示例便利店")},
                                                 {QStringLiteral("password"), QStringLiteral("Demo#8800")}});
    if (step.code != 0) return step;
    step = storeCreate(QJsonObject{{QStringLiteral("merchant_no"), merchantNo},
                                   {QStringLiteral("store_no"), QStringLiteral("S01")},
                                   {QStringLiteral("name"), QStringLiteral("示例便利店 人民路店")}});
    if (step.code != 0) return step;
    const qint64 now = m_store.nowSecs();
    const struct {
        const char* number;
        const char* name;
        const char* password;
    } clerks[] = {{"1001", "李娜", "135790"}, {"1003", "赵强", "112233"}};
    for (const auto& clerk : clerks) {
        auto key =
            CoreCalls::clerkKey(QString::fromUtf8(clerk.password), merchantNo, QString::fromLatin1(clerk.number));
        if (!key) return internalError(key.error());
        auto sealedKey = m_store.protect(*key);
        if (!sealedKey) return internalError(sealedKey.error());
        auto inserted = m_store.db().execute(
            QStringLiteral(
                "INSERT INTO clerks(merchant_no, employee_no, name, k_clerk, created_at) VALUES(?, ?, ?, ?, ?)"),
            {merchantNo, clerk.number, QString::fromUtf8(clerk.name), *sealedKey, now});
        if (!inserted) return internalError(inserted.error());
    }
    step = memberCreate(QJsonObject{{QStringLiteral("merchant_no"), merchantNo},
                                    {QStringLiteral("member_card_no"), QStringLiteral("MC8800120017")},
                                    {QStringLiteral("member_no"), QStringLiteral("M880012340017")},
                                    {QStringLiteral("name"), QStringLiteral("张伟")},
                                    {QStringLiteral("level_code"), QStringLiteral("GOLD")},
                                    {QStringLiteral("level_name"), QStringLiteral("金卡会员")},
                                    {QStringLiteral("discount_pct"), 95},
                                    {QStringLiteral("points"), 1280}});
    if (step.code != 0) return step;
    step = memberCreate(QJsonObject{{QStringLiteral("merchant_no"), merchantNo},
                                    {QStringLiteral("member_card_no"), QStringLiteral("MC8800120018")},
                                    {QStringLiteral("member_no"), QStringLiteral("M880012340018")},
                                    {QStringLiteral("name"), QStringLiteral("陈静")},
                                    {QStringLiteral("level_code"), QStringLiteral("SILVER")},
                                    {QStringLiteral("level_name"), QStringLiteral("银卡会员")},
                                    {QStringLiteral("discount_pct"), 98}});
    if (step.code != 0) return step;
    // Valid from 30 days ago for a year, so the demo works whatever the date.
    const QString validFrom = SandboxStore::formatTime(now - 30 * 86400);
    const QString validTo = SandboxStore::formatTime(now + 365 * 86400);
    const QJsonObject vouchers[] = {
        {{QStringLiteral("voucher_no"), QStringLiteral("V2411000123")},
         {QStringLiteral("name"), QStringLiteral("满20减5")},
         {QStringLiteral("type"), QStringLiteral("THRESHOLD")},
         {QStringLiteral("threshold_fee"), 2000},
         {QStringLiteral("reduce_fee"), 500},
         {QStringLiteral("uses"), 1},
         {QStringLiteral("member_no"), QStringLiteral("M880012340017")}},
        {{QStringLiteral("voucher_no"), QStringLiteral("V2411000456")},
         {QStringLiteral("name"), QStringLiteral("9折券")},
         {QStringLiteral("type"), QStringLiteral("PERCENT")},
         {QStringLiteral("discount_pct"), 90},
         {QStringLiteral("max_reduce_fee"), 1000},
         {QStringLiteral("uses"), 2}},
        {{QStringLiteral("voucher_no"), QStringLiteral("V2411000789")},
         {QStringLiteral("name"), QStringLiteral("无门槛券")},
         {QStringLiteral("type"), QStringLiteral("NO_THRESHOLD")},
         {QStringLiteral("reduce_fee"), 300},
         {QStringLiteral("uses"), 1}},
    };
    for (QJsonObject voucher : vouchers) {
        voucher.insert(QStringLiteral("merchant_no"), merchantNo);
        voucher.insert(QStringLiteral("valid_from"), validFrom);
        voucher.insert(QStringLiteral("valid_to"), validTo);
        step = voucherCreate(voucher);
        if (step.code != 0) return step;
    }
    return CallResult::ok();
}

CallResult AdminApi::merchantCreate(const QJsonObject& body) {
    FieldReader fields(body);
    const QString name = fields.string(QStringLiteral("name"), {}, true, 64);
    const QString password = fields.string(QStringLiteral("password"), {}, true, 64);
    QString merchantNo = fields.string(QStringLiteral("merchant_no"), QStringLiteral("[0-9]{8,12}"), false);
    const QJsonArray channels = fields.array(QStringLiteral("channels"), false);
    if (!fields.ok()) return fields.error();
    for (const QJsonValue& channel : channels) {
        if (!kAllChannels.contains(channel.toString())) {
            return FieldReader::invalid(QStringLiteral("channels"), QStringLiteral("unknown channel"));
        }
    }
    if (merchantNo.isEmpty()) {
        auto sequence = m_store.nextSequence(QStringLiteral("merchant_no"));
        if (!sequence) return internalError(sequence.error());
        merchantNo = QStringLiteral("89%1").arg(*sequence, 6, 10, QLatin1Char('0'));
    }
    auto exists =
        m_store.db().queryInt64(QStringLiteral("SELECT 1 FROM merchants WHERE merchant_no = ?"), {merchantNo});
    if (!exists) return internalError(exists.error());
    if (exists->has_value()) return alreadyExists(QStringLiteral("merchant ") + merchantNo);
    auto key = CoreCalls::merchantKey(password, merchantNo);
    if (!key) return internalError(key.error());
    auto sealedKey = m_store.protect(*key);
    if (!sealedKey) return internalError(sealedKey.error());
    const QJsonArray enabled = channels.isEmpty() ? QJsonArray::fromStringList(kAllChannels) : channels;
    auto inserted = m_store.db().execute(
        QStringLiteral(
            "INSERT INTO merchants(merchant_no, name, k_merchant, channels, created_at) VALUES(?, ?, ?, ?, ?)"),
        {merchantNo, name, *sealedKey, QString::fromUtf8(QJsonDocument(enabled).toJson(QJsonDocument::Compact)),
         m_store.nowSecs()});
    if (!inserted) return internalError(inserted.error());
    return CallResult::ok(
        {{QStringLiteral("merchant_no"), merchantNo}, {QStringLiteral("appid"), QStringLiteral("mch") + merchantNo}});
}

CallResult AdminApi::merchantSetPassword(const QJsonObject& body) {
    FieldReader fields(body);
    const QString merchantNo = fields.string(QStringLiteral("merchant_no"));
    const QString password = fields.string(QStringLiteral("password"), {}, true, 64);
    if (!fields.ok()) return fields.error();
    auto key = CoreCalls::merchantKey(password, merchantNo);
    if (!key) return internalError(key.error());
    auto sealedKey = m_store.protect(*key);
    if (!sealedKey) return internalError(sealedKey.error());
    auto updated = m_store.db().execute(
        QStringLiteral(
            "UPDATE merchants SET k_merchant = ?, failed_attempts = 0, locked_until = 0 WHERE merchant_no = ?"),
        {*sealedKey, merchantNo});
    if (!updated) return internalError(updated.error());
    if (m_store.db().changes() == 0) return notFound(QStringLiteral("merchant ") + merchantNo);
    return CallResult::ok();
}

CallResult AdminApi::storeCreate(const QJsonObject& body) {
    FieldReader fields(body);
    const QString merchantNo = fields.string(QStringLiteral("merchant_no"));
    const QString storeNo = fields.string(QStringLiteral("store_no"), QStringLiteral("[0-9A-Za-z_-]{1,32}"));
    const QString name = fields.string(QStringLiteral("name"), {}, true, 64);
    const QString address = fields.string(QStringLiteral("address"), {}, false, 128);
    if (!fields.ok()) return fields.error();
    auto merchant =
        m_store.db().queryInt64(QStringLiteral("SELECT 1 FROM merchants WHERE merchant_no = ?"), {merchantNo});
    if (!merchant) return internalError(merchant.error());
    if (!merchant->has_value()) return notFound(QStringLiteral("merchant ") + merchantNo);
    auto exists = m_store.db().queryInt64(QStringLiteral("SELECT 1 FROM stores WHERE merchant_no = ? AND store_no = ?"),
                                          {merchantNo, storeNo});
    if (!exists) return internalError(exists.error());
    if (exists->has_value()) return alreadyExists(QStringLiteral("store ") + storeNo);
    auto inserted = m_store.db().execute(
        QStringLiteral("INSERT INTO stores(merchant_no, store_no, name, address) VALUES(?, ?, ?, ?)"),
        {merchantNo, storeNo, name, address});
    if (!inserted) return internalError(inserted.error());
    auto bumped = m_store.db().execute(
        QStringLiteral("UPDATE merchants SET config_version = config_version + 1 WHERE merchant_no = ?"), {merchantNo});
    if (!bumped) return internalError(bumped.error());
    return CallResult::ok({{QStringLiteral("store_no"), storeNo}});
}

CallResult AdminApi::memberCreate(const QJsonObject& body) {
    FieldReader fields(body);
    const QString merchantNo = fields.string(QStringLiteral("merchant_no"));
    const QString cardNo = fields.string(QStringLiteral("member_card_no"), {}, true, 64);
    const QString memberNo = fields.string(QStringLiteral("member_no"), {}, true, 64);
    const QString name = fields.string(QStringLiteral("name"), {}, true, 32);
    const QString levelCode = fields.string(QStringLiteral("level_code"), {}, true, 16);
    const QString levelName = fields.string(QStringLiteral("level_name"), {}, true, 32);
    const auto discount = fields.integer(QStringLiteral("discount_pct"), 1, 100);
    const QString phone = fields.string(QStringLiteral("phone"), QStringLiteral("[0-9]{4,20}"), false);
    const auto points = fields.integer(QStringLiteral("points"), 0, 1000000000, false);
    const auto perYuan = fields.integer(QStringLiteral("points_per_yuan"), 0, 1000, false);
    if (!fields.ok()) return fields.error();
    auto exists = m_store.db().queryInt64(
        QStringLiteral("SELECT 1 FROM members WHERE merchant_no = ? AND (member_card_no = ? OR member_no = ?)"),
        {merchantNo, cardNo, memberNo});
    if (!exists) return internalError(exists.error());
    if (exists->has_value()) return alreadyExists(QStringLiteral("member ") + memberNo);
    auto inserted = m_store.db().execute(
        QStringLiteral("INSERT INTO members(merchant_no, member_card_no, member_no, name, level_code, level_name, "
                       "discount_pct, phone, points, points_per_yuan) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {merchantNo, cardNo, memberNo, name, levelCode, levelName, *discount, phone, points.value_or(0),
         perYuan.value_or(1)});
    if (!inserted) return internalError(inserted.error());
    return CallResult::ok({{QStringLiteral("member"), QJsonObject{{QStringLiteral("member_no"), memberNo},
                                                                  {QStringLiteral("member_card_no"), cardNo},
                                                                  {QStringLiteral("level_code"), levelCode},
                                                                  {QStringLiteral("discount_pct"), *discount},
                                                                  {QStringLiteral("points"), points.value_or(0)}}}});
}

CallResult AdminApi::voucherCreate(const QJsonObject& body) {
    FieldReader fields(body);
    const QString merchantNo = fields.string(QStringLiteral("merchant_no"));
    const QString voucherNo = fields.string(QStringLiteral("voucher_no"), {}, true, 64);
    const QString name = fields.string(QStringLiteral("name"), {}, true, 32);
    const QString type = fields.string(QStringLiteral("type"), QStringLiteral("THRESHOLD|PERCENT|NO_THRESHOLD"));
    const QString validFrom = fields.time(QStringLiteral("valid_from"));
    const QString validTo = fields.time(QStringLiteral("valid_to"));
    const auto uses = fields.integer(QStringLiteral("uses"), 1, 1000000);
    const QString memberNo = fields.string(QStringLiteral("member_no"), {}, false, 64);
    const QJsonArray stores = fields.array(QStringLiteral("store_nos"), false);
    const bool percent = type == QStringLiteral("PERCENT");
    const auto threshold =
        fields.integer(QStringLiteral("threshold_fee"), 1, 100000000, type == QStringLiteral("THRESHOLD"));
    const auto reduce = fields.integer(QStringLiteral("reduce_fee"), 1, 100000000, !percent);
    const auto discount = fields.integer(QStringLiteral("discount_pct"), 1, 99, percent);
    const auto maxReduce = fields.integer(QStringLiteral("max_reduce_fee"), 1, 100000000, false);
    if (!fields.ok()) return fields.error();
    auto exists = m_store.db().queryInt64(
        QStringLiteral("SELECT 1 FROM vouchers WHERE merchant_no = ? AND voucher_no = ?"), {merchantNo, voucherNo});
    if (!exists) return internalError(exists.error());
    if (exists->has_value()) return alreadyExists(QStringLiteral("voucher ") + voucherNo);
    auto inserted = m_store.db().execute(
        QStringLiteral(
            "INSERT INTO vouchers(merchant_no, voucher_no, name, type, threshold_fee, reduce_fee, discount_pct, "
            "max_reduce_fee, valid_from, valid_to, uses_left, member_no, store_nos) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {merchantNo, voucherNo, name, type, threshold.value_or(0), reduce.value_or(0), discount.value_or(100),
         maxReduce.value_or(0), *SandboxStore::parseTime(validFrom), *SandboxStore::parseTime(validTo), *uses,
         memberNo.isEmpty() ? SqlValue() : SqlValue(memberNo),
         QString::fromUtf8(QJsonDocument(stores).toJson(QJsonDocument::Compact))});
    if (!inserted) return internalError(inserted.error());
    return CallResult::ok({{QStringLiteral("voucher"), QJsonObject{{QStringLiteral("voucher_no"), voucherNo},
                                                                   {QStringLiteral("name"), name},
                                                                   {QStringLiteral("type"), type},
                                                                   {QStringLiteral("uses_left"), *uses}}}});
}

CallResult AdminApi::activationList(const QJsonObject& body) {
    FieldReader fields(body);
    const QString state =
        fields.string(QStringLiteral("state"), QStringLiteral("pending|activated|rejected|superseded"), false);
    if (!fields.ok()) return fields.error();
    auto statement = m_store.db().prepare(QStringLiteral(
        "SELECT request_id, device_id, merchant_no, store_no, state, submitted_at, device_model, app_version "
        "FROM activation_requests WHERE (? = '' OR state = ?) ORDER BY submitted_at, request_id"));
    if (!statement) return internalError(statement.error());
    if (auto bound = statement->bindAll({state, state}); !bound) return internalError(bound.error());
    QJsonArray requests;
    for (;;) {
        auto row = statement->step();
        if (!row) return internalError(row.error());
        if (!*row) break;
        requests.append(
            QJsonObject{{QStringLiteral("request_id"), statement->columnText(0)},
                        {QStringLiteral("device_id"), statement->columnText(1)},
                        {QStringLiteral("merchant_no"), statement->columnText(2)},
                        {QStringLiteral("store_no"), statement->columnText(3)},
                        {QStringLiteral("state"), statement->columnText(4)},
                        {QStringLiteral("submitted_at"), SandboxStore::formatTime(statement->columnInt64(5))},
                        {QStringLiteral("device_model"), statement->columnText(6)},
                        {QStringLiteral("app_version"), statement->columnText(7)}});
    }
    return CallResult::ok({{QStringLiteral("requests"), requests}});
}

CallResult AdminApi::deviceList(const QJsonObject& body) {
    FieldReader fields(body);
    const QString merchantNo = fields.string(QStringLiteral("merchant_no"), {}, false);
    if (!fields.ok()) return fields.error();
    auto statement = m_store.db().prepare(QStringLiteral(
        "SELECT device_id, merchant_no, store_no, state, activated_at, secret_confirmed, last_heartbeat_at, "
        "app_version, outbox_pending, outbox_dead FROM devices WHERE (? = '' OR merchant_no = ?) ORDER BY device_id"));
    if (!statement) return internalError(statement.error());
    if (auto bound = statement->bindAll({merchantNo, merchantNo}); !bound) return internalError(bound.error());
    QJsonArray devices;
    for (;;) {
        auto row = statement->step();
        if (!row) return internalError(row.error());
        if (!*row) break;
        auto optionalTime = [&](int column) {
            return statement->columnIsNull(column)
                       ? QJsonValue()
                       : QJsonValue(SandboxStore::formatTime(statement->columnInt64(column)));
        };
        devices.append(QJsonObject{{QStringLiteral("device_id"), statement->columnText(0)},
                                   {QStringLiteral("merchant_no"), statement->columnText(1)},
                                   {QStringLiteral("store_no"), statement->columnText(2)},
                                   {QStringLiteral("state"), statement->columnText(3)},
                                   {QStringLiteral("activated_at"), optionalTime(4)},
                                   {QStringLiteral("secret_confirmed"), statement->columnBool(5)},
                                   {QStringLiteral("last_heartbeat_at"), optionalTime(6)},
                                   {QStringLiteral("app_version"), statement->columnText(7)},
                                   {QStringLiteral("outbox_pending"), statement->columnInt64(8)},
                                   {QStringLiteral("outbox_dead"), statement->columnInt64(9)}});
    }
    for (QJsonValueRef device : devices) {
        QJsonObject object = device.toObject();
        auto session = m_store.db().queryText(
            QStringLiteral("SELECT operator_id FROM sessions WHERE device_id = ? AND ended = 0 AND created_at + ? > ? "
                           "AND last_seen_at + ? > ?"),
            {object.value(QStringLiteral("device_id")).toString(), SessionRegistry::kLifetimeSeconds, m_store.nowSecs(),
             SessionRegistry::kIdleSeconds, m_store.nowSecs()});
        if (!session) return internalError(session.error());
        object.insert(QStringLiteral("session"), session->has_value() ? QJsonValue(**session) : QJsonValue());
        device = object;
    }
    return CallResult::ok({{QStringLiteral("devices"), devices}});
}

CallResult AdminApi::deviceSecret(const QJsonObject& body) {
    FieldReader fields(body);
    const QString deviceId = fields.string(QStringLiteral("device_id"));
    if (!fields.ok()) return fields.error();
    auto secret = m_store.db().queryText(QStringLiteral("SELECT secret FROM devices WHERE device_id = ?"), {deviceId});
    if (!secret) return internalError(secret.error());
    if (!secret->has_value() || (*secret)->isEmpty()) return notFound(QStringLiteral("secret of device ") + deviceId);
    auto plain = m_store.unprotect(**secret);
    if (!plain) return internalError(plain.error());
    qCInfo(lcSandbox) << "admin: device secret of" << deviceId << "handed out for test tooling";
    return CallResult::ok({{QStringLiteral("device_secret"), *plain}});
}

CallResult AdminApi::sessionEnd(const QJsonObject& body) {
    FieldReader fields(body);
    const QString merchantNo = fields.string(QStringLiteral("merchant_no"), {}, false);
    const QString deviceId = fields.string(QStringLiteral("device_id"), {}, false);
    if (!fields.ok()) return fields.error();
    if (merchantNo.isEmpty() && deviceId.isEmpty()) return FieldReader::missing(QStringLiteral("merchant_no"));
    auto ended = merchantNo.isEmpty() ? SessionRegistry::endForDevice(m_store, deviceId)
                                      : SessionRegistry::endForMerchant(m_store, merchantNo);
    if (!ended) return internalError(ended.error());
    return CallResult::ok({{QStringLiteral("ended"), *ended}});
}

CallResult AdminApi::recordList(const QJsonObject& body) {
    FieldReader fields(body);
    const QString deviceId = fields.string(QStringLiteral("device_id"));
    const QString kind = fields.string(QStringLiteral("kind"), {}, false);
    const auto limit = fields.integer(QStringLiteral("limit"), 1, 10000, false);
    if (!fields.ok()) return fields.error();
    auto statement = m_store.db().prepare(QStringLiteral(
        "SELECT record_id, kind, revision, created_at, payload, received_at FROM sync_records WHERE device_id = ? AND "
        "(? = '' OR kind = ?) ORDER BY received_at, record_id LIMIT ?"));
    if (!statement) return internalError(statement.error());
    if (auto bound = statement->bindAll({deviceId, kind, kind, limit.value_or(1000)}); !bound)
        return internalError(bound.error());
    QJsonArray records;
    for (;;) {
        auto row = statement->step();
        if (!row) return internalError(row.error());
        if (!*row) break;
        records.append(QJsonObject{
            {QStringLiteral("record_id"), statement->columnText(0)},
            {QStringLiteral("kind"), statement->columnText(1)},
            {QStringLiteral("revision"), statement->columnInt64(2)},
            {QStringLiteral("created_at"), statement->columnText(3)},
            {QStringLiteral("payload"), QJsonDocument::fromJson(statement->columnText(4).toUtf8()).object()},
            {QStringLiteral("received_at"), SandboxStore::formatTime(statement->columnInt64(5))}});
    }
    return CallResult::ok({{QStringLiteral("records"), records}});
}

CallResult AdminApi::faultsSet(const QJsonObject& body) {
    if (auto configured = m_faults.configure(body); !configured) {
        return FieldReader::invalid(configured.error().message.section(QLatin1Char(' '), 0, 0),
                                    configured.error().message);
    }
    auto saved = m_store.setSetting(
        QStringLiteral("faults"), QString::fromUtf8(QJsonDocument(m_faults.settings()).toJson(QJsonDocument::Compact)));
    if (!saved) return internalError(saved.error());
    return CallResult::ok(m_faults.describe());
}

Result<void> AdminApi::restoreFaults() {
    auto saved = m_store.setting(QStringLiteral("faults"));
    if (!saved) return saved.error();
    return m_faults.configure(QJsonDocument::fromJson(saved->toUtf8()).object());
}

CallResult AdminApi::clockSet(const QJsonObject& body) {
    FieldReader fields(body);
    const auto offset = fields.integer(QStringLiteral("offset_s"), -10LL * 365 * 86400, 10LL * 365 * 86400, false);
    if (!fields.ok()) return fields.error();
    if (auto set = m_store.setOffsetSeconds(offset.value_or(0)); !set) return internalError(set.error());
    return CallResult::ok({{QStringLiteral("server_time"), QString::number(m_store.nowSecs())},
                           {QStringLiteral("offset_s"), offset.value_or(0)}});
}

CallResult AdminApi::updatePublish(const QJsonObject& body) {
    FieldReader fields(body);
    const QString version =
        fields.string(QStringLiteral("version"), QStringLiteral("[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}"));
    const QString file = fields.string(QStringLiteral("file"), QStringLiteral("[0-9A-Za-z._+-]{1,128}"));
    const QString signature = fields.string(QStringLiteral("package_signature"));
    const QString keyId = fields.string(QStringLiteral("signing_key_id"), {}, true, 64);
    const bool mandatory = fields.boolean(QStringLiteral("mandatory"), false);
    const QJsonObject notes = fields.object(QStringLiteral("release_notes"), false);
    QString channel = fields.string(QStringLiteral("update_channel"), QStringLiteral("stable|beta"), false);
    if (!fields.ok()) return fields.error();
    if (m_updatesDir.isEmpty()) {
        return FieldReader::invalid(QStringLiteral("file"),
                                    QStringLiteral("the sandbox was started without --updates"));
    }
    QFile package(QDir(m_updatesDir).filePath(file));
    if (!package.open(QIODevice::ReadOnly)) return notFound(QStringLiteral("update file ") + file);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&package)) return internalError(makeError(QStringLiteral("io"), package.errorString()));
    if (channel.isEmpty()) channel = QStringLiteral("stable");
    const QJsonObject update{{QStringLiteral("version"), version},
                             {QStringLiteral("package_url"), QStringLiteral("/updates/") + file},
                             {QStringLiteral("package_size"), package.size()},
                             {QStringLiteral("package_sha256"), QString::fromLatin1(hash.result().toHex())},
                             {QStringLiteral("package_signature"), signature},
                             {QStringLiteral("signing_key_id"), keyId},
                             {QStringLiteral("mandatory"), mandatory},
                             {QStringLiteral("release_notes"), notes}};
    auto saved = m_store.setSetting(QStringLiteral("update:") + channel,
                                    QString::fromUtf8(QJsonDocument(update).toJson(QJsonDocument::Compact)));
    if (!saved) return internalError(saved.error());
    return CallResult::ok({{QStringLiteral("package_size"), package.size()},
                           {QStringLiteral("package_sha256"), update.value(QStringLiteral("package_sha256"))}});
}

}  // namespace facepos::sandbox
