#include "device_binding.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "app/device_binding_keys.h"
#include "app/session/session_messages.h"
#include "app/store/order_store.h"
#include "platform/crypto.h"
#include "platform/durable_file.h"
#include "platform/logging.h"

namespace facepos::session {

namespace {

constexpr char kStateKey[] = "binding_state";
constexpr char kRequestKey[] = "binding_request_id";
constexpr char kRejectKey[] = "binding_reject_reason";
constexpr char kUnboundKey[] = "binding_unbound_reason";

const char* const kStateNames[] = {"unbound", "pending", "rejected", "activated", "unbinding"};

DeviceBinding::State stateFromName(const QString& name) {
    for (int i = 0; i < 5; ++i) {
        if (name == QLatin1String(kStateNames[i])) return static_cast<DeviceBinding::State>(i);
    }
    return DeviceBinding::State::Unbound;
}

}  // namespace

DeviceBinding::DeviceBinding(Database& db, IKeyStore& keys, backend::BackendClient& client,
                             std::shared_ptr<const IClock> clock, Options options, QObject* parent)
    : QObject(parent),
      m_db(db),
      m_keys(keys),
      m_client(client),
      m_clock(std::move(clock)),
      m_options(std::move(options)) {
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceBinding::poll);
    connect(&m_client, &backend::BackendClient::deviceUnbound, this, &DeviceBinding::handleUnbound);
    m_heartbeatTimer.setInterval(m_options.heartbeat);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &DeviceBinding::heartbeat);
    m_started = m_clock->steadyNow();
}

DeviceBinding::~DeviceBinding() {
    crypto::secureWipe(m_secret);
}

QString DeviceBinding::stateName() const {
    return QString::fromLatin1(kStateNames[static_cast<int>(m_state)]);
}

Result<void> DeviceBinding::load() {
    auto meta = m_db.prepare(QStringLiteral("SELECT key, value FROM device_meta"));
    if (!meta) return meta.error();
    QHash<QString, QString> values;
    while (true) {
        auto row = meta->step();
        if (!row) return row.error();
        if (!*row) break;
        values.insert(meta->columnText(0), meta->columnText(1));
    }
    m_state = stateFromName(values.value(QString::fromLatin1(kStateKey)));
    m_requestId = values.value(QString::fromLatin1(kRequestKey));
    m_merchantNo = values.value(QString::fromLatin1(binding::kMerchantNo));
    m_merchantName = values.value(QString::fromLatin1(binding::kMerchantName));
    m_storeNo = values.value(QString::fromLatin1(binding::kStoreNo));
    m_storeName = values.value(QString::fromLatin1(binding::kStoreName));
    m_rejectReason = values.value(QString::fromLatin1(kRejectKey));
    m_unboundReason = values.value(QString::fromLatin1(kUnboundKey));
    if (m_state == State::Activated || m_state == State::Unbinding) {
        auto secret = m_keys.loadSecret(QString::fromLatin1(binding::kDeviceSecret));
        if (!secret) {
            // The binding without its secret cannot sign anything: start again rather than pretend.
            qCWarning(lcApp) << "The device secret is missing:" << secret.error().message;
            m_state = State::Unbound;
        } else {
            m_secret = *secret;
            m_client.setMerchantNo(m_merchantNo);
            m_client.setDeviceSecret(m_secret);
        }
    }
    updateHeartbeat();
    if (m_state == State::Pending) {
        m_client.setMerchantNo(m_merchantNo);
        m_pendingSince = m_clock->steadyNow();
        schedulePoll();
    }
    emit changed();
    return {};
}

void DeviceBinding::setState(State state) {
    if (m_state == state) return;
    m_state = state;
    if (auto r = saveMeta(QString::fromLatin1(kStateKey), stateName()); !r)
        qCWarning(lcApp) << "Could not store the binding state:" << r.error().message;
    qCInfo(lcApp) << "Device binding:" << stateName();
    updateHeartbeat();
    emit changed();
}

void DeviceBinding::updateHeartbeat() {
    const bool wanted = m_state == State::Activated || m_state == State::Unbinding;
    if (wanted && !m_heartbeatTimer.isActive())
        m_heartbeatTimer.start();
    else if (!wanted)
        m_heartbeatTimer.stop();
}

void DeviceBinding::heartbeat() {
    backend::HeartbeatRequest request;
    request.appVersion = m_options.appVersion;
    request.uptimeS = std::chrono::duration_cast<std::chrono::seconds>(m_clock->steadyNow() - m_started).count();
    request.outboxPending = m_outbox.pending;
    request.outboxDead = m_outbox.dead;
    if (m_outbox.lastSuccess.isValid()) request.lastSyncAt = store::rfc3339(m_outbox.lastSuccess);
    // An unbinding arrives through BackendClient::deviceUnbound; other failures wait for the next beat.
    m_client.heartbeat(request, [](backend::BackendResult<backend::HeartbeatReply> r) {
        if (!r.ok()) qCInfo(lcApp) << "Heartbeat:" << r.error().message;
    });
}

void DeviceBinding::setError(const QString& code, const QString& text) {
    m_errorCode = code;
    m_errorText = text;
    emit changed();
}

void DeviceBinding::clearError() {
    if (m_errorCode.isEmpty()) return;
    m_errorCode.clear();
    m_errorText.clear();
    emit changed();
}

Result<void> DeviceBinding::saveMeta(const QString& key, const QString& value) {
    return m_db.execute(QStringLiteral("INSERT INTO device_meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE "
                                       "SET value = excluded.value"),
                        {key, value});
}

Result<void> DeviceBinding::clearMeta() {
    auto tx = m_db.begin();
    if (!tx) return tx.error();
    for (const char* key : {kStateKey, kRequestKey, kRejectKey, binding::kMerchantNo, binding::kMerchantName,
                            binding::kStoreNo, binding::kStoreName}) {
        if (auto r = m_db.execute(QStringLiteral("DELETE FROM device_meta WHERE key = ?"), {QString::fromLatin1(key)});
            !r)
            return r;
    }
    return tx->commit();
}

void DeviceBinding::submit(const QString& merchantNo, const QString& password, const QString& storeNo) {
    if (m_busy) return;
    if (m_state != State::Unbound && m_state != State::Rejected) {
        setError(QStringLiteral("binding.state"), tr("This terminal already has a bind request."));
        return;
    }
    static const QRegularExpression digits(QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{8,12}")));
    const QString number = merchantNo.trimmed();
    if (number.isEmpty() || password.isEmpty()) {
        setError(QStringLiteral("binding.invalid"), tr("Enter the merchant account and its password."));
        return;
    }
    if (!digits.match(number).hasMatch()) {
        setError(QStringLiteral("binding.invalid"), tr("The merchant account is 8 to 12 digits."));
        return;
    }
    if (password.size() < 8 || password.size() > 32) {
        setError(QStringLiteral("binding.invalid"), tr("The merchant password has 8 to 32 characters."));
        return;
    }
    backend::ActivationRequest request;
    request.merchantNo = number;
    request.password = password;
    request.devicePublicKeyRaw = m_keys.publicKeyRaw();
    request.deviceModel = m_options.deviceModel;
    request.appVersion = m_options.appVersion;
    request.storeNo = storeNo.trimmed();
    m_busy = true;
    clearError();
    emit changed();
    m_client.activationRequest(request, [this, number](backend::BackendResult<backend::ActivationReply> result) {
        m_busy = false;
        if (!result.ok()) {
            setError(result.error().kind, Messages::forError(result.error()));
            return;
        }
        const backend::ActivationReply& reply = result.value();
        m_requestId = reply.requestId;
        m_merchantNo = reply.merchantNo.isEmpty() ? number : reply.merchantNo;
        m_merchantName = reply.merchantName;
        m_storeNo = reply.storeNo;
        m_storeName = reply.storeName;
        m_rejectReason.clear();
        m_client.setMerchantNo(m_merchantNo);
        for (const auto& [key, value] :
             {std::pair{kRequestKey, m_requestId}, std::pair{binding::kMerchantNo, m_merchantNo},
              std::pair{binding::kMerchantName, m_merchantName}, std::pair{binding::kStoreNo, m_storeNo},
              std::pair{binding::kStoreName, m_storeName}}) {
            if (auto r = saveMeta(QString::fromLatin1(key), value); !r)
                qCWarning(lcApp) << "Could not store the binding:" << r.error().message;
        }
        qCInfo(lcApp) << "Bind request" << m_requestId << "submitted for merchant" << m_merchantNo;
        m_pendingSince = m_clock->steadyNow();
        setState(State::Pending);
        schedulePoll();
    });
}

void DeviceBinding::schedulePoll() {
    const bool early = m_clock->steadyNow() - m_pendingSince < m_options.fastPollPeriod;
    const auto wait = early ? m_options.fastPoll : m_options.slowPoll;
    m_pollTimer.start(wait);
    m_nextCheck = m_clock->nowUtc().addMSecs(wait.count());
    emit changed();
}

void DeviceBinding::checkNow() {
    if (m_state != State::Pending || m_busy) return;
    m_pollTimer.stop();
    poll();
}

void DeviceBinding::poll() {
    if (m_state != State::Pending || m_busy) return;
    m_busy = true;
    m_nextCheck = {};
    emit changed();
    m_client.activationStatus(m_merchantNo, m_requestId, [this](backend::BackendResult<backend::ActivationReply> r) {
        m_busy = false;
        if (!r.ok()) {
            setError(r.error().kind, Messages::forError(r.error()));
            if (r.error().kind == QLatin1String("api.ACTIVATION_NOT_FOUND")) {
                setState(State::Unbound);
                emit changed();
                return;
            }
            schedulePoll();
            return;
        }
        clearError();
        onStatus(r.value());
    });
}

void DeviceBinding::onStatus(const backend::ActivationReply& reply) {
    if (!reply.storeName.isEmpty()) m_storeName = reply.storeName;
    if (reply.state == QLatin1String("pending")) {
        schedulePoll();
    } else if (reply.state == QLatin1String("rejected")) {
        m_rejectReason = reply.rejectReason;
        if (auto r = saveMeta(QString::fromLatin1(kRejectKey), m_rejectReason); !r)
            qCWarning(lcApp) << "Could not store the rejection:" << r.error().message;
        qCInfo(lcApp) << "Bind request" << m_requestId << "rejected:" << m_rejectReason;
        setState(State::Rejected);
    } else if (reply.state == QLatin1String("activated")) {
        if (reply.sealedSecret.isEmpty()) {
            // Confirmed already, but this device has no secret: only support can issue a new one.
            setError(QStringLiteral("binding.no_secret"),
                     tr("The backend approved this terminal but no longer sends its key. Ask support to unbind the "
                        "terminal and approve a new request."));
            return;
        }
        acceptSecret(reply);
    } else {
        m_requestId.clear();
        setState(State::Unbound);
    }
}

void DeviceBinding::acceptSecret(const backend::ActivationReply& reply) {
    auto opened = m_keys.openSealed(reply.sealedSecret, backend::BackendClient::activationSecretInfo(m_requestId));
    static const QRegularExpression hex(QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{64}")));
    if (!opened || !hex.match(QString::fromLatin1(*opened)).hasMatch()) {
        setError(QStringLiteral("binding.damaged"),
                 tr("The activation data was damaged on the way. The terminal asks again automatically."));
        schedulePoll();
        return;
    }
    crypto::secureWipe(m_secret);
    m_secret = *opened;
    if (auto stored = m_keys.storeSecret(QString::fromLatin1(binding::kDeviceSecret), m_secret); !stored) {
        setError(stored.error().code, stored.error().message);
        schedulePoll();
        return;
    }
    m_client.setMerchantNo(m_merchantNo);
    m_client.setDeviceSecret(m_secret);
    confirmSecret();
}

void DeviceBinding::confirmSecret() {
    m_busy = true;
    emit changed();
    backend::HeartbeatRequest request;
    request.appVersion = m_options.appVersion;
    m_client.heartbeat(request, [this](backend::BackendResult<backend::HeartbeatReply> r) {
        m_busy = false;
        if (!r.ok()) {
            if (r.error().kind == QLatin1String("api.BAD_SIGNATURE")) {
                // Not the secret the server made: throw it away and ask again.
                crypto::secureWipe(m_secret);
                m_secret.clear();
                if (auto erased = m_keys.eraseSecret(QString::fromLatin1(binding::kDeviceSecret)); !erased)
                    qCWarning(lcApp) << erased.error().message;
                m_client.setDeviceSecret({});
            }
            setError(r.error().kind, Messages::forError(r.error()));
            schedulePoll();
            return;
        }
        m_pollTimer.stop();
        m_nextCheck = {};
        clearError();
        if (auto r2 = saveMeta(QString::fromLatin1(binding::kStoreName), m_storeName); !r2)
            qCWarning(lcApp) << r2.error().message;
        qCInfo(lcApp) << "Activated for merchant" << m_merchantNo << "store" << m_storeNo;
        setState(State::Activated);
        emit activated();
    });
}

void DeviceBinding::startOver() {
    if (m_state != State::Rejected && m_state != State::Pending) return;
    m_pollTimer.stop();
    m_requestId.clear();
    m_nextCheck = {};
    clearError();
    setState(State::Unbound);
}

void DeviceBinding::handleUnbound(const QString& reason) {
    if (m_state != State::Activated) return;
    m_unboundReason = reason;
    if (auto r = saveMeta(QString::fromLatin1(kUnboundKey), reason); !r) qCWarning(lcApp) << r.error().message;
    qCWarning(lcApp) << "Support unbound this device:" << reason << "- delivering the outbox before unbinding";
    setState(State::Unbinding);
    emit unbindingStarted();
}

void DeviceBinding::setOutbox(const store::SyncSnapshot& snapshot) {
    m_outbox = snapshot;
    if (m_unsynced != snapshot.pending) {
        m_unsynced = snapshot.pending;
        emit changed();
    }
    if (m_state == State::Unbinding && snapshot.pending == 0 && !snapshot.draining) finishUnbinding();
}

void DeviceBinding::finishUnbinding() {
    // Whatever the backend refused stays on the device and is also written out for support.
    auto rows =
        m_db.prepare(QStringLiteral("SELECT id, call, record_id, kind, revision, reference, created_at, payload, "
                                    "state, dead_code, dead_message FROM outbox WHERE state IN ('pending', "
                                    "'dead') ORDER BY id"));
    if (!rows) {
        setError(rows.error().code, rows.error().message);
        return;
    }
    QJsonArray records;
    while (true) {
        auto row = rows->step();
        if (!row) {
            setError(row.error().code, row.error().message);
            return;
        }
        if (!*row) break;
        records.append(
            QJsonObject{{QStringLiteral("id"), rows->columnInt64(0)},
                        {QStringLiteral("call"), rows->columnText(1)},
                        {QStringLiteral("record_id"), rows->columnText(2)},
                        {QStringLiteral("kind"), rows->columnText(3)},
                        {QStringLiteral("revision"), rows->columnInt64(4)},
                        {QStringLiteral("reference"), rows->columnText(5)},
                        {QStringLiteral("created_at"), rows->columnText(6)},
                        {QStringLiteral("payload"), QJsonDocument::fromJson(rows->columnText(7).toUtf8()).object()},
                        {QStringLiteral("state"), rows->columnText(8)},
                        {QStringLiteral("error"), rows->columnText(9)},
                        {QStringLiteral("message"), rows->columnText(10)}});
    }
    m_exportPath.clear();
    if (!records.isEmpty()) {
        const QString dir = m_options.dataDir + QStringLiteral("/export");
        QDir().mkpath(dir);
        const QString path =
            dir +
            QStringLiteral("/unsynced-%1.json").arg(m_clock->nowUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ")));
        const QJsonObject document{{QStringLiteral("merchant_no"), m_merchantNo},
                                   {QStringLiteral("unbound_reason"), m_unboundReason},
                                   {QStringLiteral("records"), records}};
        if (auto written = writeFileDurably(path, QJsonDocument(document).toJson(QJsonDocument::Indented)); !written) {
            setError(written.error().code, written.error().message);
            return;  // the binding stays until the export is safe
        }
        m_exportPath = path;
        qCWarning(lcApp) << records.size() << "record(s) the backend did not take were exported to" << path;
    }
    crypto::secureWipe(m_secret);
    m_secret.clear();
    if (auto erased = m_keys.eraseSecret(QString::fromLatin1(binding::kDeviceSecret)); !erased)
        qCWarning(lcApp) << erased.error().message;
    m_client.setDeviceSecret({});
    m_client.setSessionToken({});
    if (auto cleared = clearMeta(); !cleared) qCWarning(lcApp) << cleared.error().message;
    m_requestId.clear();
    m_merchantNo.clear();
    m_merchantName.clear();
    m_storeNo.clear();
    m_storeName.clear();
    setState(State::Unbound);
    emit unbound();
}

}  // namespace facepos::session
