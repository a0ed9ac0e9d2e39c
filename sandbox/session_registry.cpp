#include "sandbox/session_registry.h"

#include "platform/crypto.h"

namespace facepos::sandbox {

namespace {

// A session is live when not ended, younger than 12 h and used within the last 10 min (at time `now`).
const QString kLiveCondition = QStringLiteral("ended = 0 AND created_at + %1 > :now AND last_seen_at + %2 > :now")
                                   .arg(SessionRegistry::kLifetimeSeconds)
                                   .arg(SessionRegistry::kIdleSeconds);

SessionInfo readSession(const Statement& row) {
    SessionInfo info;
    info.token = row.columnText("token");
    info.deviceId = row.columnText("device_id");
    info.merchantNo = row.columnText("merchant_no");
    info.role = row.columnText("role");
    info.operatorId = row.columnText("operator_id");
    info.employeeNo = row.columnText("employee_no");
    info.createdAt = row.columnInt64("created_at");
    info.lastSeenAt = row.columnInt64("last_seen_at");
    return info;
}

Result<std::optional<SessionInfo>> findOne(SandboxStore& store, const QString& where, const QString& value) {
    auto statement = store.db().prepare(
        QStringLiteral("SELECT * FROM sessions WHERE %1 = :value AND %2 LIMIT 1").arg(where, kLiveCondition));
    if (!statement) return statement.error();
    if (auto bound = statement->bind(QStringLiteral(":value"), value); !bound) return bound.error();
    if (auto bound = statement->bind(QStringLiteral(":now"), store.nowSecs()); !bound) return bound.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return std::optional<SessionInfo>();
    return std::optional<SessionInfo>(readSession(*statement));
}

Result<qint64> endWhere(SandboxStore& store, const QString& where, std::initializer_list<SqlValue> params) {
    auto statement =
        store.db().prepare(QStringLiteral("UPDATE sessions SET ended = 1 WHERE %1 AND %2").arg(where, kLiveCondition));
    if (!statement) return statement.error();
    int index = 1;
    for (const SqlValue& param : params) {
        if (auto bound = statement->bind(index++, param); !bound) return bound.error();
    }
    if (auto bound = statement->bind(QStringLiteral(":now"), store.nowSecs()); !bound) return bound.error();
    auto done = statement->step();
    if (!done) return done.error();
    return store.db().changes();
}

}  // namespace

Result<std::optional<SessionInfo>> SessionRegistry::findLive(SandboxStore& store, const QString& token,
                                                             const QString& deviceId, bool touch) {
    if (token.isEmpty()) return std::optional<SessionInfo>();
    auto found = findOne(store, QStringLiteral("token"), token);
    if (!found) return found;
    if (!found->has_value() || (*found)->deviceId != deviceId) return std::optional<SessionInfo>();
    if (touch) {
        auto touched = store.db().execute(QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE token = ?"),
                                          {store.nowSecs(), token});
        if (!touched) return touched.error();
        (*found)->lastSeenAt = store.nowSecs();
    }
    return found;
}

Result<std::optional<SessionInfo>> SessionRegistry::liveMerchantSession(SandboxStore& store,
                                                                        const QString& merchantNo) {
    auto statement = store.db().prepare(
        QStringLiteral("SELECT * FROM sessions WHERE merchant_no = :value AND role = 'merchant' AND %1 LIMIT 1")
            .arg(kLiveCondition));
    if (!statement) return statement.error();
    if (auto bound = statement->bind(QStringLiteral(":value"), merchantNo); !bound) return bound.error();
    if (auto bound = statement->bind(QStringLiteral(":now"), store.nowSecs()); !bound) return bound.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return std::optional<SessionInfo>();
    return std::optional<SessionInfo>(readSession(*statement));
}

Result<SessionInfo> SessionRegistry::start(SandboxStore& store, const QString& deviceId, const QString& merchantNo,
                                           const QString& role, const QString& operatorId, const QString& employeeNo) {
    if (auto ended = endForDevice(store, deviceId); !ended) return ended.error();
    auto token = randomAlphanumeric(32);
    if (!token) return token.error();
    SessionInfo info{*token, deviceId, merchantNo, role, operatorId, employeeNo, store.nowSecs(), store.nowSecs()};
    auto inserted = store.db().execute(
        QStringLiteral("INSERT INTO sessions(token, device_id, merchant_no, role, operator_id, employee_no, "
                       "created_at, last_seen_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
        {info.token, deviceId, merchantNo, role, operatorId, employeeNo, info.createdAt, info.lastSeenAt});
    if (!inserted) return inserted.error();
    return info;
}

Result<qint64> SessionRegistry::endToken(SandboxStore& store, const QString& token, const QString& deviceId) {
    return endWhere(store, QStringLiteral("token = ? AND device_id = ?"), {token, deviceId});
}

Result<qint64> SessionRegistry::endForDevice(SandboxStore& store, const QString& deviceId) {
    return endWhere(store, QStringLiteral("device_id = ?"), {deviceId});
}

Result<qint64> SessionRegistry::endForMerchant(SandboxStore& store, const QString& merchantNo) {
    return endWhere(store, QStringLiteral("merchant_no = ?"), {merchantNo});
}

Result<qint64> SessionRegistry::endForClerk(SandboxStore& store, const QString& merchantNo, const QString& employeeNo) {
    return endWhere(store, QStringLiteral("merchant_no = ? AND role = 'clerk' AND employee_no = ?"),
                    {merchantNo, employeeNo});
}

Result<QString> SessionRegistry::randomAlphanumeric(int length) {
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString out;
    out.reserve(length);
    while (out.size() < length) {
        auto bytes = crypto::randomBytes(length * 2);
        if (!bytes) return bytes.error();
        for (const char byte : std::as_const(*bytes)) {
            const auto value = static_cast<unsigned char>(byte);
            if (value >= 248) continue;  // 248 = 4 × 62: rejecting the rest keeps the choice unbiased
            out.append(QLatin1Char(kAlphabet[value % 62]));
            if (out.size() == length) break;
        }
    }
    return out;
}

}  // namespace facepos::sandbox
