#include "sandbox/sandbox_store.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "platform/crypto.h"

namespace facepos::sandbox {

namespace {

// Times are Unix seconds (sandbox clock); K values, secrets and tokens are text. Money is integer fen.
constexpr char kCoreSchema[] = R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE merchants (
    merchant_no TEXT PRIMARY KEY, name TEXT NOT NULL, k_merchant TEXT NOT NULL, channels TEXT NOT NULL,
    config_version INTEGER NOT NULL DEFAULT 1, failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
CREATE TABLE stores (
    merchant_no TEXT NOT NULL REFERENCES merchants(merchant_no), store_no TEXT NOT NULL, name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '', PRIMARY KEY (merchant_no, store_no));
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY, state TEXT NOT NULL, merchant_no TEXT, store_no TEXT, public_key BLOB,
    secret TEXT, secret_confirmed INTEGER NOT NULL DEFAULT 0, activated_at INTEGER, unbound_at INTEGER,
    unbound_reason TEXT, current_request_id TEXT, last_heartbeat_at INTEGER, app_version TEXT,
    outbox_pending INTEGER NOT NULL DEFAULT 0, outbox_dead INTEGER NOT NULL DEFAULT 0);
CREATE TABLE activation_requests (
    request_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, merchant_no TEXT NOT NULL, store_no TEXT NOT NULL,
    public_key BLOB NOT NULL, device_model TEXT NOT NULL, app_version TEXT NOT NULL, state TEXT NOT NULL,
    submitted_at INTEGER NOT NULL, decided_at INTEGER, reject_reason TEXT, sealed_secret TEXT);
CREATE INDEX activation_requests_by_device ON activation_requests(device_id);
CREATE TABLE nonces (
    device_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (device_id, nonce))
    WITHOUT ROWID;
CREATE INDEX nonces_by_time ON nonces(seen_at);
CREATE TABLE sessions (
    token TEXT PRIMARY KEY, device_id TEXT NOT NULL, merchant_no TEXT NOT NULL, role TEXT NOT NULL,
    operator_id TEXT NOT NULL, employee_no TEXT, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0);
CREATE INDEX sessions_by_device ON sessions(device_id);
CREATE TABLE clerks (
    merchant_no TEXT NOT NULL, employee_no TEXT NOT NULL, name TEXT NOT NULL, k_clerk TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0, failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, last_login_at INTEGER,
    PRIMARY KEY (merchant_no, employee_no));
CREATE TABLE shifts (
    merchant_no TEXT NOT NULL, shift_no TEXT NOT NULL, device_id TEXT NOT NULL, operator_id TEXT NOT NULL,
    opened_at TEXT NOT NULL, opening_cash_fee INTEGER, open_received INTEGER NOT NULL DEFAULT 0,
    closed_at TEXT, report TEXT, received_at INTEGER NOT NULL, PRIMARY KEY (merchant_no, shift_no));
CREATE TABLE members (
    merchant_no TEXT NOT NULL, member_card_no TEXT NOT NULL, member_no TEXT NOT NULL, name TEXT NOT NULL,
    level_code TEXT NOT NULL, level_name TEXT NOT NULL, discount_pct INTEGER NOT NULL, phone TEXT NOT NULL DEFAULT '',
    points INTEGER NOT NULL DEFAULT 0, points_per_yuan INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'active', PRIMARY KEY (merchant_no, member_card_no));
CREATE TABLE vouchers (
    merchant_no TEXT NOT NULL, voucher_no TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    threshold_fee INTEGER NOT NULL DEFAULT 0, reduce_fee INTEGER NOT NULL DEFAULT 0,
    discount_pct INTEGER NOT NULL DEFAULT 100, max_reduce_fee INTEGER NOT NULL DEFAULT 0,
    valid_from INTEGER NOT NULL, valid_to INTEGER NOT NULL, uses_left INTEGER NOT NULL, member_no TEXT,
    store_nos TEXT NOT NULL DEFAULT '[]', hold_order_no TEXT, hold_expires_at INTEGER, hold_deduct_fee INTEGER,
    PRIMARY KEY (merchant_no, voucher_no));
CREATE TABLE voucher_redemptions (
    merchant_no TEXT NOT NULL, voucher_no TEXT NOT NULL, mch_order_no TEXT NOT NULL, deduct_fee INTEGER NOT NULL,
    redeem_no TEXT NOT NULL, store_no TEXT NOT NULL, operator_id TEXT NOT NULL, redeemed_at INTEGER NOT NULL,
    uses_left INTEGER NOT NULL, PRIMARY KEY (merchant_no, voucher_no, mch_order_no));
CREATE TABLE sync_records (
    device_id TEXT NOT NULL, record_id TEXT NOT NULL, revision INTEGER NOT NULL, kind TEXT NOT NULL,
    created_at TEXT NOT NULL, payload TEXT NOT NULL, received_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, record_id));
)sql";

Result<QByteArray> loadMasterKey(const QString& path) {
    QFile file(path);
    if (QFileInfo::exists(path)) {
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(QStringLiteral("sandbox.master_key"),
                             QStringLiteral("Cannot read the sandbox key %1: %2").arg(path, file.errorString()));
        }
        QByteArray key = QByteArray::fromHex(file.readAll().trimmed());
        if (key.size() != crypto::kAesKeySize) {
            return makeError(
                QStringLiteral("sandbox.master_key"),
                QStringLiteral("The sandbox key %1 is damaged; delete it together with the database.").arg(path));
        }
        return key;
    }
    auto key = crypto::randomBytes(crypto::kAesKeySize);
    if (!key) return key.error();
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(key->toHex()) != crypto::kAesKeySize * 2) {
        return makeError(QStringLiteral("sandbox.master_key"),
                         QStringLiteral("Cannot write the sandbox key %1: %2").arg(path, file.errorString()));
    }
    return key;
}

}  // namespace

Result<QString> SandboxStore::protect(const QString& plain) const {
    auto sealed = crypto::seal(m_masterKey, plain.toUtf8());
    if (!sealed) return sealed.error();
    return QString::fromLatin1(sealed->toBase64());
}

Result<QString> SandboxStore::unprotect(const QString& stored) const {
    auto opened = crypto::open(m_masterKey, QByteArray::fromBase64(stored.toLatin1()));
    if (!opened) return opened.error();
    const QString plain = QString::fromUtf8(*opened);
    crypto::secureWipe(*opened);
    return plain;
}

Result<std::unique_ptr<SandboxStore>> SandboxStore::open(const QString& path, std::shared_ptr<const IClock> clock,
                                                         const char* extraSchemaSql) {
    DatabaseOptions options;
    // NORMAL: the sandbox's state is test data that a reset rebuilds; a power cut may lose the last calls but never
    // corrupts the file, and each API call saves two fsyncs (nonce, then call).
    options.synchronous = DatabaseOptions::Synchronous::Normal;
    options.migrations.push_back({1, "sandbox core", kCoreSchema});
    if (extraSchemaSql != nullptr && *extraSchemaSql != '\0') {
        options.migrations.push_back({2, "sandbox payments", extraSchemaSql});
    }
    auto db = Database::open(path, options);
    if (!db) return db.error();
    std::unique_ptr<SandboxStore> store(new SandboxStore(std::move(db).value(), std::move(clock)));
    auto masterKey = loadMasterKey(path + QStringLiteral(".master-key"));
    if (!masterKey) return masterKey.error();
    store->m_masterKey = std::move(masterKey).value();
    auto offset = store->setting(QStringLiteral("clock_offset_s"));
    if (!offset) return offset.error();
    store->m_clock->setOffsetSeconds(offset->toLongLong());
    return store;
}

QDateTime SandboxStore::now() const {
    return m_clock->nowUtc();
}

Result<void> SandboxStore::setOffsetSeconds(qint64 offset) {
    auto saved = setSetting(QStringLiteral("clock_offset_s"), QString::number(offset));
    if (!saved) return saved;
    m_clock->setOffsetSeconds(offset);
    return {};
}

Result<QString> SandboxStore::setting(const QString& key) {
    auto value = m_db.queryText(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!value) return value.error();
    return value->value_or(QString());
}

Result<void> SandboxStore::setSetting(const QString& key, const QString& value) {
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {key, value});
}

Result<qint64> SandboxStore::nextSequence(const QString& name) {
    auto updated = m_db.execute(QStringLiteral("INSERT INTO sequences(name, value) VALUES(?, 1) "
                                               "ON CONFLICT(name) DO UPDATE SET value = value + 1"),
                                {name});
    if (!updated) return updated.error();
    auto value = m_db.queryInt64(QStringLiteral("SELECT value FROM sequences WHERE name = ?"), {name});
    if (!value) return value.error();
    return value->value_or(1);
}

QString SandboxStore::formatTime(qint64 unixSeconds) {
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::OffsetFromUTC, 8 * 3600).toString(Qt::ISODate);
}

std::optional<qint64> SandboxStore::parseTime(const QString& text) {
    static const QRegularExpression format(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)"));
    if (!format.match(text).hasMatch()) return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) return std::nullopt;
    return time.toSecsSinceEpoch();
}

}  // namespace facepos::sandbox
