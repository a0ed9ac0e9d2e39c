#include "app/backend/backend_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <optional>
#include <utility>

#include "app/backend/backend_messages.h"
#include "platform/api_errors.h"
#include "platform/api_signature.h"
#include "platform/crypto.h"
#include "platform/logging.h"
#include "platform/masking.h"

namespace facepos::backend {
namespace {

using api::ApiError;

// How the client treats each call (docs/terminal-api.md §1, §6.3).
struct CallTraits {
    bool open = false;          // not signed (activation_request, activation_status)
    bool sendsSession = false;  // carries session_token when one is held
    bool money = false;         // untrusted answers are Outcome::Unknown
    // Repeated automatically after an unknown outcome: read-only calls, logins (a retry replaces the lost session),
    // logout and heartbeat. Everything else is repeated by its owner on its own schedule (payment loop, outbox).
    bool autoRetry = false;
};

CallTraits traitsOf(const QString& name) {
    static const QSet<QString> open{QStringLiteral("activation_request"), QStringLiteral("activation_status")};
    static const QSet<QString> session{QStringLiteral("logout"),
                                       QStringLiteral("clerk_create"),
                                       QStringLiteral("clerk_list"),
                                       QStringLiteral("clerk_disable"),
                                       QStringLiteral("clerk_reset_password"),
                                       QStringLiteral("quick_pay"),
                                       QStringLiteral("face_authinfo"),
                                       QStringLiteral("face_pay"),
                                       QStringLiteral("refund"),
                                       QStringLiteral("member_query"),
                                       QStringLiteral("voucher_check"),
                                       QStringLiteral("order_list"),
                                       QStringLiteral("heartbeat")};
    static const QSet<QString> autoRetry{QStringLiteral("activation_request"),
                                         QStringLiteral("activation_status"),
                                         QStringLiteral("merchant_login"),
                                         QStringLiteral("clerk_login"),
                                         QStringLiteral("logout"),
                                         QStringLiteral("clerk_list"),
                                         QStringLiteral("order_query"),
                                         QStringLiteral("face_authinfo"),
                                         QStringLiteral("refund_query"),
                                         QStringLiteral("member_query"),
                                         QStringLiteral("voucher_check"),
                                         QStringLiteral("order_list"),
                                         QStringLiteral("heartbeat"),
                                         QStringLiteral("update_check")};
    CallTraits traits;
    traits.open = open.contains(name);
    traits.sendsSession = session.contains(name);
    traits.money = BackendClient::movesMoney(name);
    traits.autoRetry = autoRetry.contains(name);
    return traits;
}

// A password or a derived key, wiped when its last holder lets go (the worker thread or the call that uses it).
struct WipedBytes {
    QByteArray bytes;
    WipedBytes() = default;
    WipedBytes(const WipedBytes&) = delete;
    WipedBytes& operator=(const WipedBytes&) = delete;
    ~WipedBytes() { crypto::secureWipe(bytes); }
};

// The learned offset moves only when an answer disagrees by more than this: time stamps have whole-second resolution
// and the answer travels, so a difference of one second is noise, and following it would make the offset flap.
constexpr qint64 kOffsetToleranceS = 1;

bool isIntegral(const QJsonValue& v) {
    return v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger());
}

void insertIfSet(QJsonObject& o, const char* key, const QString& value) {
    if (!value.isEmpty()) o.insert(QLatin1String(key), value);
}

QJsonArray toArray(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

// The PBKDF2 salt of a clerk's key (§4.5).
QByteArray clerkSalt(const QString& merchantNo, const QString& employeeNo) {
    return QByteArrayLiteral("facepos-clerk-v1:") + merchantNo.toUtf8() + ':' + employeeNo.toUtf8();
}

ClerkInfo clerkFrom(const QJsonObject& data) {
    return ClerkInfo::fromJson(data.value(QLatin1String("clerk")).toObject());
}

}  // namespace

struct BackendClient::PendingCall {
    QString name;
    CallTraits traits;
    QJsonObject fields;
    std::shared_ptr<WipedBytes> proofKey;  // K of §4.5 while the call needs it (every attempt makes a new proof)
    bool keyAsVerifier = false;            // send K itself (hex) instead of a proof
    QString proofField;
    Callback<QJsonObject> done;
    int attempts = 0;
    std::chrono::milliseconds nextDelay{0};
    bool skewRetried = false;
    bool nonceRetried = false;
    // Open calls only: the server_time of an unsigned TIMESTAMP_SKEW, used for this call and never learned (§5).
    std::optional<qint64> openOffsetS;
    RequestId requestId = 0;
    bool finished = false;
};

BackendClient::BackendClient(IHttpClient& http, std::shared_ptr<const IClock> clock, BackendConfig config,
                             QObject* parent)
    : QObject(parent), m_http(http), m_clock(std::move(clock)), m_config(std::move(config)) {}

BackendClient::~BackendClient() {
    // The HTTP client reports cancelled requests only to a live context; this one is going, so nothing is reported.
    const QSet<RequestId> inFlight = std::exchange(m_inFlight, {});
    for (RequestId id : inFlight) m_http.cancel(id);
    crypto::secureWipe(m_config.deviceSecret);
}

void BackendClient::setDeviceSecret(const QByteArray& secret) {
    crypto::secureWipe(m_config.deviceSecret);
    m_config.deviceSecret = secret;
}

void BackendClient::setMerchantNo(const QString& merchantNo) {
    m_config.merchantNo = merchantNo;
}

void BackendClient::setSessionToken(const QString& token) {
    m_sessionToken = token;
}

void BackendClient::setClockOffset(qint64 seconds) {
    if (seconds == m_clockOffsetS) return;
    m_clockOffsetS = seconds;
    qCInfo(lcHttp) << "server clock offset is now" << seconds << "s";
    emit clockOffsetChanged(seconds);
}

bool BackendClient::movesMoney(const QString& call) {
    return call == QLatin1String("quick_pay") || call == QLatin1String("face_pay") ||
           call == QLatin1String("order_reverse") || call == QLatin1String("refund");
}

QByteArray BackendClient::activationSecretInfo(const QString& requestId) {
    return QByteArrayLiteral("facepos activation secret v1:") + requestId.toUtf8();
}

QByteArray BackendClient::faceImageInfo(const QString& faceToken) {
    return QByteArrayLiteral("facepos face image v1:") + faceToken.toUtf8();
}

QString BackendClient::makeNonce() {
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    constexpr int kAlphabetSize = 62;
    // Bytes at or above 248 (= 4 × 62) are discarded so that every character is equally likely.
    constexpr int kUnbiasedLimit = 248;
    QString nonce;
    nonce.reserve(32);
    while (nonce.size() < 32) {
        Result<QByteArray> bytes = crypto::randomBytes(48);
        if (!bytes.ok()) return {};
        for (char c : bytes.value()) {
            const int b = static_cast<unsigned char>(c);
            if (b >= kUnbiasedLimit) continue;
            nonce.append(QLatin1Char(kAlphabet[b % kAlphabetSize]));
            if (nonce.size() == 32) break;
        }
    }
    return nonce;
}

// ---- The generic core ----

void BackendClient::call(const QString& name, const QJsonObject& fields, Callback<QJsonObject> done) {
    auto pending = std::make_shared<PendingCall>();
    pending->name = name;
    pending->traits = traitsOf(name);
    pending->fields = fields;
    pending->done = std::move(done);
    start(std::move(pending));
}

void BackendClient::callWithKey(const QString& name, const QJsonObject& fields, QString password, QByteArray salt,
                                KeyUse use, const QString& keyField, Callback<QJsonObject> done) {
    auto passwordBytes = std::make_shared<WipedBytes>();
    passwordBytes->bytes = password.toUtf8();
    password.fill(QChar(0));  // this copy only; a caller that moved its text in leaves no other copy behind
    auto key = std::make_shared<WipedBytes>();
    auto failure = std::make_shared<std::optional<Error>>();
    const int iterations = m_config.pbkdf2Iterations;

    // PBKDF2 with 600 000 iterations takes a noticeable fraction of a second: never on this (the UI) thread.
    QThread* worker = QThread::create([passwordBytes, salt, key, failure, iterations] {
        Result<QByteArray> derived = crypto::pbkdf2Sha256(passwordBytes->bytes, salt, iterations, crypto::kSha256Size);
        crypto::secureWipe(passwordBytes->bytes);
        if (derived.ok()) {
            key->bytes = std::move(derived).value();
        } else {
            *failure = derived.error();
        }
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this,
            [this, key, failure, name, fields, use, keyField, done = std::move(done)]() mutable {
                auto pending = std::make_shared<PendingCall>();
                pending->name = name;
                pending->traits = traitsOf(name);
                pending->fields = fields;
                pending->done = std::move(done);
                if (failure->has_value()) {
                    BackendError error;
                    error.outcome = Outcome::NotSent;
                    error.kind = QStringLiteral("client.crypto");
                    error.message = QStringLiteral("Could not derive the password key (%1); nothing was sent")
                                        .arg(failure->value().code);
                    finish(pending, std::move(error));
                    return;
                }
                pending->proofKey = key;
                pending->keyAsVerifier = use == KeyUse::Verifier;
                pending->proofField = keyField;
                start(std::move(pending));
            });
    worker->start();
}

void BackendClient::start(std::shared_ptr<PendingCall> pending) {
    pending->nextDelay = m_config.retryDelay;
    sendAttempt(pending);
}

void BackendClient::sendAttempt(const std::shared_ptr<PendingCall>& pending) {
    const auto fail = [&](QString kind, QString message) {
        BackendError error;
        error.outcome = Outcome::NotSent;
        error.kind = std::move(kind);
        error.message = std::move(message);
        finish(pending, std::move(error));
    };
    if (!pending->traits.open && m_config.deviceSecret.isEmpty()) {
        fail(QStringLiteral("client.no_secret"),
             QStringLiteral("This device holds no device secret: activate it first; nothing was sent"));
        return;
    }

    QJsonObject message = pending->fields;
    if (!message.contains(QLatin1String("appid"))) {
        message.insert(QLatin1String("appid"), QStringLiteral("mch") + m_config.merchantNo);
    }
    message.insert(QLatin1String("device_id"), m_config.deviceId);
    const QString nonce = makeNonce();
    if (nonce.isEmpty()) {
        fail(QStringLiteral("client.crypto"), QStringLiteral("The random number generator failed; nothing was sent"));
        return;
    }
    message.insert(QLatin1String("nonce_str"), nonce);
    const qint64 offset = pending->openOffsetS.value_or(m_clockOffsetS);
    message.insert(QLatin1String("time_stamp"), QString::number(m_clock->nowUtc().toSecsSinceEpoch() + offset));
    if (pending->traits.sendsSession && !m_sessionToken.isEmpty() &&
        !message.contains(QLatin1String("session_token"))) {
        message.insert(QLatin1String("session_token"), m_sessionToken);
    }
    if (pending->proofKey && pending->keyAsVerifier) {
        message.insert(pending->proofField, QString::fromLatin1(pending->proofKey->bytes.toHex()));
    } else if (pending->proofKey) {
        Result<QString> proof = api::passwordProof(message, pending->proofKey->bytes, pending->proofField);
        if (!proof.ok()) {
            fail(QStringLiteral("client.crypto"), QStringLiteral("Could not compute the password proof (%1); nothing "
                                                                 "was sent")
                                                      .arg(proof.error().code));
            return;
        }
        message.insert(pending->proofField, proof.value());
    }
    if (!pending->traits.open) {
        Result<QString> sign = api::sign(message, m_config.deviceSecret);
        if (!sign.ok()) {
            fail(QStringLiteral("client.crypto"),
                 QStringLiteral("Could not sign the request (%1); nothing was sent").arg(sign.error().code));
            return;
        }
        message.insert(QLatin1String("sign"), sign.value());
    }

    HttpRequest request;
    request.url = m_config.baseUrl;
    QString path = request.url.path();
    while (path.endsWith(QLatin1Char('/'))) path.chop(1);
    request.url.setPath(path + QStringLiteral("/api/v1/") + pending->name);
    request.method = "POST";
    request.headers.append(std::make_pair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    request.body = QJsonDocument(message).toJson(QJsonDocument::Compact);
    request.timeout = m_config.timeout;
    request.connectTimeout = m_config.connectTimeout;

    ++pending->attempts;
    qCDebug(lcHttp) << "sending" << pending->name << "attempt" << pending->attempts << "nonce" << nonce;
    pending->requestId = m_http.send(std::move(request), this, [this, pending, nonce](Result<HttpResponse> response) {
        onResponse(pending, nonce, pending->requestId, std::move(response));
    });
    m_inFlight.insert(pending->requestId);
}

BackendError BackendClient::notConfirmed(const PendingCall& pending, QString kind, QString message) const {
    BackendError error;
    error.outcome = pending.traits.money ? Outcome::Unknown : Outcome::Unconfirmed;
    error.kind = std::move(kind);
    error.message = std::move(message);
    return error;
}

void BackendClient::onResponse(const std::shared_ptr<PendingCall>& pending, const QString& nonce, RequestId id,
                               Result<HttpResponse> response) {
    m_inFlight.remove(id);
    const bool money = pending->traits.money;
    const QString unconfirmedTail = money ? QStringLiteral("the payment result is unknown and is being checked")
                                          : QStringLiteral("could not confirm with the server");

    if (!response.ok()) {
        const Error& transport = response.error();
        const bool reached = mayHaveReachedServer(transport);
        qCWarning(lcHttp) << pending->name << "transport failure" << transport.code
                          << "- may have reached server:" << reached;
        if (!reached || pending->traits.autoRetry) {
            if (retryLater(pending)) return;
        }
        BackendError error;
        if (reached) {
            error = notConfirmed(*pending, QStringLiteral("transport.unknown"),
                                 transportErrorMessage(transport, true, money));
        } else {
            error.outcome = Outcome::NotSent;
            error.kind = QStringLiteral("transport.not_sent");
            error.message = transportErrorMessage(transport, false, money);
        }
        error.transportCode = transport.code;
        finish(pending, std::move(error));
        return;
    }

    const HttpResponse& http = response.value();
    if (http.status == 429) {
        // §2: a proxy refused the request before it reached the API; nothing was processed.
        BackendError error;
        error.outcome = Outcome::NotSent;
        error.kind = QStringLiteral("transport.rate_limited");
        const QByteArray after = http.header("Retry-After");
        error.message =
            QStringLiteral("Server busy, nothing was processed; try again%1 (HTTP 429)")
                .arg(after.isEmpty() ? QString() : QStringLiteral(" in %1 s").arg(QString::fromLatin1(after)));
        finish(pending, std::move(error));
        return;
    }

    // Everything below is §4.4: an answer is trusted only when every check passes.
    const auto untrusted = [&](const QString& reason, const QJsonObject& content) {
        qCWarning(lcHttp) << pending->name << "untrusted answer:" << reason;
        if (!money && pending->traits.autoRetry && retryLater(pending)) return;
        BackendError error = notConfirmed(
            *pending, QStringLiteral("response.untrusted"),
            QStringLiteral("The server's answer could not be trusted (%1); %2").arg(reason, unconfirmedTail));
        // Shown to a technician only; never acted on.
        const QJsonValue code = content.value(QLatin1String("code"));
        if (isIntegral(code)) {
            error.apiCode = static_cast<int>(code.toInteger());
            error.errName = api::errorName(error.apiCode);
        }
        error.serverMessage = content.value(QLatin1String("msg")).toString();
        finish(pending, std::move(error));
    };

    if (http.status != 200) {
        untrusted(QStringLiteral("HTTP status %1").arg(http.status), {});
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(http.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        untrusted(QStringLiteral("not a JSON object"), {});
        return;
    }
    const QJsonObject answer = document.object();
    if (!isIntegral(answer.value(QLatin1String("code"))) || !answer.value(QLatin1String("err_code")).isString() ||
        !answer.value(QLatin1String("msg")).isString() || !answer.value(QLatin1String("nonce_str")).isString() ||
        !answer.value(QLatin1String("time_stamp")).isString()) {
        untrusted(QStringLiteral("envelope fields missing"), answer);
        return;
    }
    const int code = static_cast<int>(answer.value(QLatin1String("code")).toInteger());
    const QJsonValue data = answer.value(QLatin1String("data"));
    const qint64 localNow = m_clock->nowUtc().toSecsSinceEpoch();

    if (pending->traits.open) {
        // Open calls are answered unsigned (the device has no secret yet, §4.4); their content is used as the only
        // word there is, but never to learn the clock. The sealed secret they deliver is confirmed by the first
        // signed heartbeat (§8.1).
        if (answer.value(QLatin1String("device_id")).toString() != m_config.deviceId ||
            answer.value(QLatin1String("req_nonce_str")).toString() != nonce) {
            untrusted(QStringLiteral("answer not bound to this request"), answer);
            return;
        }
        if (code == static_cast<int>(ApiError::TimestampSkew) && !pending->skewRetried) {
            bool ok = false;
            const qint64 serverTime = data.toObject().value(QLatin1String("server_time")).toString().toLongLong(&ok);
            if (ok) {
                pending->skewRetried = true;
                pending->openOffsetS = serverTime - localNow;
                sendAttempt(pending);
                return;
            }
        }
    } else {
        if (!answer.value(QLatin1String("sign")).isString() || !api::verify(answer, m_config.deviceSecret)) {
            untrusted(answer.contains(QLatin1String("sign")) ? QStringLiteral("signature does not verify")
                                                             : QStringLiteral("unsigned"),
                      answer);
            return;
        }
        if (answer.value(QLatin1String("device_id")).toString() != m_config.deviceId) {
            untrusted(QStringLiteral("answer for another device"), answer);
            return;
        }
        if (answer.value(QLatin1String("req_nonce_str")).toString() != nonce) {
            untrusted(QStringLiteral("answer to another request"), answer);
            return;
        }
        // Trusted from here on.
        bool ok = false;
        const qint64 serverStamp = answer.value(QLatin1String("time_stamp")).toString().toLongLong(&ok);
        if (ok && qAbs(serverStamp - localNow - m_clockOffsetS) > kOffsetToleranceS) {
            setClockOffset(serverStamp - localNow);
        }
        if (code == static_cast<int>(ApiError::TimestampSkew) && !pending->skewRetried) {
            const qint64 serverTime = data.toObject().value(QLatin1String("server_time")).toString().toLongLong(&ok);
            if (ok) {
                pending->skewRetried = true;
                setClockOffset(serverTime - localNow);
                qCInfo(lcHttp) << pending->name << "TIMESTAMP_SKEW: retrying once with the server's clock";
                sendAttempt(pending);
                return;
            }
        }
    }

    if (code == 0) {
        finish(pending, data.toObject());
        return;
    }
    if (code == static_cast<int>(ApiError::NonceReused) && !pending->nonceRetried) {
        // A reuse is a bug (every nonce is fresh from the CSPRNG); log it and send once more with a new nonce.
        qCWarning(lcHttp) << pending->name << "NONCE_REUSED for nonce" << nonce << "- retrying with a fresh nonce";
        pending->nonceRetried = true;
        sendAttempt(pending);
        return;
    }
    if (code == static_cast<int>(ApiError::NonceReused)) {
        // Twice: this very message had reached the server before — a transport that re-sent it after a connection
        // closed without an answer (curl does so on a reused keep-alive connection). What the first copy did is
        // unknown, so a payment must be looked up, not taken as refused.
        finish(pending, notConfirmed(*pending, QStringLiteral("response.nonce_reused"),
                                     apiErrorMessage(code, data) + QStringLiteral("; ") + unconfirmedTail));
        return;
    }
    if (code == static_cast<int>(ApiError::SystemError)) {
        if (!money && pending->traits.autoRetry && retryLater(pending)) return;
        BackendError error =
            notConfirmed(*pending, QStringLiteral("response.system_error"), apiErrorMessage(code, data));
        error.apiCode = code;
        error.errName = api::errorName(code);
        error.serverMessage = answer.value(QLatin1String("msg")).toString();
        finish(pending, std::move(error));
        return;
    }
    if (!pending->traits.open) {
        if (code == static_cast<int>(ApiError::SessionExpired)) {
            m_sessionToken.clear();
            emit sessionExpired();
        } else if (code == static_cast<int>(ApiError::DeviceUnbound)) {
            m_sessionToken.clear();
            emit deviceUnbound(data.toObject().value(QLatin1String("reason")).toString());
        }
    }
    BackendError error;
    error.outcome = Outcome::Rejected;
    error.apiCode = code;
    error.errName = answer.value(QLatin1String("err_code")).toString();
    if (error.errName.isEmpty()) error.errName = api::errorName(code);
    error.kind = QStringLiteral("api.") + api::errorName(code);
    error.message = apiErrorMessage(code, data);
    error.serverMessage = answer.value(QLatin1String("msg")).toString();
    error.data = data;
    finish(pending, std::move(error));
}

bool BackendClient::retryLater(const std::shared_ptr<PendingCall>& pending) {
    if (pending->attempts >= m_config.maxAttempts) return false;
    const std::chrono::milliseconds delay = pending->nextDelay;
    pending->nextDelay *= 2;
    qCInfo(lcHttp) << pending->name << "retrying in" << delay.count() << "ms";
    QTimer::singleShot(delay, this, [this, pending] { sendAttempt(pending); });
    return true;
}

void BackendClient::finish(const std::shared_ptr<PendingCall>& pending, BackendResult<QJsonObject> result) {
    if (pending->finished) return;
    pending->finished = true;
    pending->proofKey.reset();
    if (result.ok()) {
        qCInfo(lcHttp) << pending->name << "succeeded after" << pending->attempts << "attempt(s)";
    } else {
        qCWarning(lcHttp).noquote() << pending->name << outcomeName(result.outcome()) << result.error().kind << "-"
                                    << result.error().message;
    }
    // Always from the event loop, never inside the call that started it, so callers see one order of events.
    QTimer::singleShot(0, this, [done = std::move(pending->done), result = std::move(result)]() mutable {
        if (done) done(std::move(result));
    });
}

// ---- Typed calls ----

void BackendClient::activationRequest(const ActivationRequest& request, Callback<ActivationReply> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("appid"), QStringLiteral("mch") + request.merchantNo);
    fields.insert(QLatin1String("device_public_key"), QString::fromLatin1(request.devicePublicKeyRaw.toBase64()));
    insertIfSet(fields, "device_model", request.deviceModel);
    insertIfSet(fields, "app_version", request.appVersion);
    insertIfSet(fields, "store_no", request.storeNo);
    callWithKey(QStringLiteral("activation_request"), fields, request.password,
                QByteArrayLiteral("facepos-merchant-v1:") + request.merchantNo.toUtf8(), KeyUse::Proof,
                QStringLiteral("password_proof"), [done = std::move(done)](BackendResult<QJsonObject> r) {
                    done(std::move(r).map(ActivationReply::fromJson));
                });
}

void BackendClient::activationStatus(const QString& merchantNo, const QString& requestId,
                                     Callback<ActivationReply> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("appid"),
                  QStringLiteral("mch") + (merchantNo.isEmpty() ? m_config.merchantNo : merchantNo));
    fields.insert(QLatin1String("request_id"), requestId);
    call(QStringLiteral("activation_status"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(ActivationReply::fromJson)); });
}

void BackendClient::merchantLogin(const QString& password, Callback<SessionInfo> done) {
    callWithKey(QStringLiteral("merchant_login"), {}, password,
                QByteArrayLiteral("facepos-merchant-v1:") + m_config.merchantNo.toUtf8(), KeyUse::Proof,
                QStringLiteral("password_proof"), [this, done = std::move(done)](BackendResult<QJsonObject> r) {
                    BackendResult<SessionInfo> session = std::move(r).map(SessionInfo::fromJson);
                    if (session.ok()) m_sessionToken = session.value().sessionToken;
                    done(std::move(session));
                });
}

void BackendClient::clerkLogin(const QString& employeeNo, const QString& password, Callback<SessionInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("employee_no"), employeeNo);
    callWithKey(QStringLiteral("clerk_login"), fields, password, clerkSalt(m_config.merchantNo, employeeNo),
                KeyUse::Proof, QStringLiteral("password_proof"),
                [this, done = std::move(done)](BackendResult<QJsonObject> r) {
                    BackendResult<SessionInfo> session = std::move(r).map(SessionInfo::fromJson);
                    if (session.ok()) m_sessionToken = session.value().sessionToken;
                    done(std::move(session));
                });
}

void BackendClient::logout(Callback<LogoutReply> done) {
    if (m_sessionToken.isEmpty()) {
        // No session to end: the answer is known without asking (§9.4 answers ended: true for unknown sessions).
        QTimer::singleShot(0, this, [done = std::move(done)] { done(LogoutReply{true}); });
        return;
    }
    const QString token = m_sessionToken;
    call(QStringLiteral("logout"), {}, [this, token, done = std::move(done)](BackendResult<QJsonObject> r) {
        BackendResult<LogoutReply> reply = std::move(r).map(
            [](const QJsonObject& data) { return LogoutReply{data.value(QLatin1String("ended")).toBool()}; });
        if (reply.ok() && m_sessionToken == token) m_sessionToken.clear();
        done(std::move(reply));
    });
}

void BackendClient::clerkCreate(const QString& employeeNo, const QString& name, const QString& password,
                                Callback<ClerkInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("employee_no"), employeeNo);
    fields.insert(QLatin1String("name"), name);
    callWithKey(QStringLiteral("clerk_create"), fields, password, clerkSalt(m_config.merchantNo, employeeNo),
                KeyUse::Verifier, QStringLiteral("password_verifier"),
                [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(clerkFrom)); });
}

void BackendClient::clerkResetPassword(const QString& employeeNo, const QString& password, Callback<ClerkInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("employee_no"), employeeNo);
    callWithKey(QStringLiteral("clerk_reset_password"), fields, password, clerkSalt(m_config.merchantNo, employeeNo),
                KeyUse::Verifier, QStringLiteral("password_verifier"),
                [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(clerkFrom)); });
}

void BackendClient::clerkDisable(const QString& employeeNo, bool disabled, Callback<ClerkInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("employee_no"), employeeNo);
    fields.insert(QLatin1String("disabled"), disabled);
    call(QStringLiteral("clerk_disable"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(clerkFrom)); });
}

void BackendClient::clerkList(bool includeDisabled, Callback<QList<ClerkInfo>> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("include_disabled"), includeDisabled);
    call(QStringLiteral("clerk_list"), fields, [done = std::move(done)](BackendResult<QJsonObject> r) {
        done(std::move(r).map([](const QJsonObject& data) {
            QList<ClerkInfo> clerks;
            for (const QJsonValue& clerk : data.value(QLatin1String("clerks")).toArray()) {
                clerks.append(ClerkInfo::fromJson(clerk.toObject()));
            }
            return clerks;
        }));
    });
}

void BackendClient::heartbeat(const HeartbeatRequest& request, Callback<HeartbeatReply> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("app_version"), request.appVersion);
    fields.insert(QLatin1String("uptime_s"), request.uptimeS);
    fields.insert(QLatin1String("outbox_pending"), request.outboxPending);
    fields.insert(QLatin1String("outbox_dead"), request.outboxDead);
    insertIfSet(fields, "last_sync_at", request.lastSyncAt);
    insertIfSet(fields, "network", request.network);
    if (request.configVersion) fields.insert(QLatin1String("config_version"), *request.configVersion);
    call(QStringLiteral("heartbeat"), fields, [this, done = std::move(done)](BackendResult<QJsonObject> r) {
        BackendResult<HeartbeatReply> reply = std::move(r).map(HeartbeatReply::fromJson);
        if (reply.ok() && !reply.value().bound) {
            m_sessionToken.clear();
            emit deviceUnbound(reply.value().unboundReason);
        }
        done(std::move(reply));
    });
}

void BackendClient::updateCheck(const UpdateCheckRequest& request, Callback<UpdateInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("app_version"), request.appVersion);
    fields.insert(QLatin1String("device_model"), request.deviceModel);
    insertIfSet(fields, "update_channel", request.updateChannel);
    call(QStringLiteral("update_check"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(UpdateInfo::fromJson)); });
}

void BackendClient::shiftOpen(const ShiftRequest& request, Callback<ShiftReply> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("shift_no"), request.shiftNo);
    fields.insert(QLatin1String("operator_id"), request.operatorId);
    fields.insert(QLatin1String("opened_at"), request.openedAt);
    fields.insert(QLatin1String("opening_cash_fee"), request.openingCashFee);
    call(QStringLiteral("shift_open"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(ShiftReply::fromJson)); });
}

void BackendClient::shiftClose(const ShiftRequest& request, Callback<ShiftReply> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("shift_no"), request.shiftNo);
    fields.insert(QLatin1String("operator_id"), request.operatorId);
    fields.insert(QLatin1String("opened_at"), request.openedAt);
    fields.insert(QLatin1String("closed_at"), request.closedAt);
    fields.insert(QLatin1String("report"), request.report);
    call(QStringLiteral("shift_close"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(ShiftReply::fromJson)); });
}

void BackendClient::memberQuery(const QString& memberCardNo, Callback<MemberInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("member_card_no"), memberCardNo);
    call(QStringLiteral("member_query"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(MemberInfo::fromJson)); });
}

void BackendClient::voucherCheck(const VoucherCheckRequest& request, Callback<VoucherCheckReply> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("voucher_no"), request.voucherNo);
    fields.insert(QLatin1String("mch_order_no"), request.mchOrderNo);
    fields.insert(QLatin1String("total_fee"), request.totalFee);
    insertIfSet(fields, "member_no", request.memberNo);
    fields.insert(QLatin1String("applied_voucher_nos"), toArray(request.appliedVoucherNos));
    call(QStringLiteral("voucher_check"), fields, [done = std::move(done)](BackendResult<QJsonObject> r) {
        done(std::move(r).map(VoucherCheckReply::fromJson));
    });
}

void BackendClient::voucherRedeem(const VoucherRedeemRequest& request, Callback<VoucherRedemption> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("voucher_no"), request.voucherNo);
    fields.insert(QLatin1String("mch_order_no"), request.mchOrderNo);
    fields.insert(QLatin1String("deduct_fee"), request.deductFee);
    fields.insert(QLatin1String("operator_id"), request.operatorId);
    fields.insert(QLatin1String("redeemed_at"), request.redeemedAt);
    call(QStringLiteral("voucher_redeem"), fields, [done = std::move(done)](BackendResult<QJsonObject> r) {
        done(std::move(r).map(VoucherRedemption::fromJson));
    });
}

void BackendClient::quickPay(const QuickPayRequest& request, Callback<OrderInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("mch_order_no"), request.mchOrderNo);
    fields.insert(QLatin1String("total_fee"), request.totalFee);
    fields.insert(QLatin1String("fee_type"), request.feeType);
    fields.insert(QLatin1String("channel"), request.channel);
    fields.insert(QLatin1String("auth_code"), request.authCode);
    fields.insert(QLatin1String("operator_id"), request.operatorId);
    insertIfSet(fields, "shift_no", request.shiftNo);
    insertIfSet(fields, "body", request.body);
    insertIfSet(fields, "attach", request.attach);
    if (!request.detail.isEmpty()) fields.insert(QLatin1String("detail"), request.detail);
    qCInfo(lcPayment).noquote() << "quick_pay" << request.mchOrderNo << request.channel << request.totalFee
                                << "fen code" << maskPaymentCode(request.authCode);
    call(QStringLiteral("quick_pay"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(OrderInfo::fromJson)); });
}

void BackendClient::orderQuery(const OrderQueryRequest& request, Callback<OrderInfo> done) {
    QJsonObject fields;
    insertIfSet(fields, "mch_order_no", request.mchOrderNo);
    insertIfSet(fields, "platform_order_no", request.platformOrderNo);
    call(QStringLiteral("order_query"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(OrderInfo::fromJson)); });
}

void BackendClient::orderReverse(const OrderEndRequest& request, Callback<OrderInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("mch_order_no"), request.mchOrderNo);
    insertIfSet(fields, "operator_id", request.operatorId);
    insertIfSet(fields, "reason", request.reason);
    call(QStringLiteral("order_reverse"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(OrderInfo::fromJson)); });
}

void BackendClient::orderClose(const OrderEndRequest& request, Callback<OrderInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("mch_order_no"), request.mchOrderNo);
    insertIfSet(fields, "operator_id", request.operatorId);
    insertIfSet(fields, "reason", request.reason);
    call(QStringLiteral("order_close"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(OrderInfo::fromJson)); });
}

void BackendClient::faceAuthinfo(const QString& operatorId, Callback<FaceAuthInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("operator_id"), operatorId);
    call(QStringLiteral("face_authinfo"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(FaceAuthInfo::fromJson)); });
}

void BackendClient::facePay(const FacePayRequest& request, Callback<OrderInfo> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("mch_order_no"), request.mchOrderNo);
    fields.insert(QLatin1String("total_fee"), request.totalFee);
    fields.insert(QLatin1String("fee_type"), request.feeType);
    fields.insert(QLatin1String("channel"), QStringLiteral("face"));
    fields.insert(QLatin1String("operator_id"), request.operatorId);
    fields.insert(QLatin1String("face_token"), request.faceToken);
    insertIfSet(fields, "shift_no", request.shiftNo);
    insertIfSet(fields, "body", request.body);
    insertIfSet(fields, "attach", request.attach);
    if (!request.detail.isEmpty()) fields.insert(QLatin1String("detail"), request.detail);
    const bool confirmation = !request.phoneLast4.isEmpty();
    if (confirmation) {
        // §12.2: the resubmission repeats the defining fields and carries the digits, never the image again.
        fields.insert(QLatin1String("phone_last4"), request.phoneLast4);
    } else {
        fields.insert(QLatin1String("face_image"), QString::fromLatin1(request.sealedImage.toBase64()));
    }
    if (request.livenessScore) fields.insert(QLatin1String("liveness_score"), *request.livenessScore);
    // Face data and phone digits are never logged (§18).
    qCInfo(lcPayment).noquote() << "face_pay" << request.mchOrderNo << request.totalFee << "fen"
                                << (confirmation ? "phone confirmation" : "first submission");
    call(QStringLiteral("face_pay"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(OrderInfo::fromJson)); });
}

void BackendClient::refund(const RefundRequest& request, Callback<RefundInfo> done) {
    QJsonObject fields;
    insertIfSet(fields, "mch_order_no", request.mchOrderNo);
    insertIfSet(fields, "platform_order_no", request.platformOrderNo);
    fields.insert(QLatin1String("mch_refund_no"), request.mchRefundNo);
    fields.insert(QLatin1String("refund_fee"), request.refundFee);
    fields.insert(QLatin1String("total_fee"), request.totalFee);
    fields.insert(QLatin1String("fee_type"), request.feeType);
    fields.insert(QLatin1String("operator_id"), request.operatorId);
    insertIfSet(fields, "reason", request.reason);
    auto parse = [done = std::move(done)](BackendResult<QJsonObject> r) {
        done(std::move(r).map([](const QJsonObject& data) {
            return RefundInfo::fromJson(data.value(QLatin1String("refund")).toObject());
        }));
    };
    if (request.merchantPassword.isEmpty()) {
        call(QStringLiteral("refund"), fields, std::move(parse));
    } else {
        callWithKey(QStringLiteral("refund"), fields, request.merchantPassword,
                    QByteArrayLiteral("facepos-merchant-v1:") + m_config.merchantNo.toUtf8(), KeyUse::Proof,
                    QStringLiteral("merchant_auth_proof"), std::move(parse));
    }
}

void BackendClient::refundQuery(const RefundQueryRequest& request, Callback<RefundQueryReply> done) {
    QJsonObject fields;
    insertIfSet(fields, "mch_refund_no", request.mchRefundNo);
    insertIfSet(fields, "mch_order_no", request.mchOrderNo);
    call(QStringLiteral("refund_query"), fields, [done = std::move(done)](BackendResult<QJsonObject> r) {
        done(std::move(r).map(RefundQueryReply::fromJson));
    });
}

void BackendClient::syncUpload(const QJsonArray& records, Callback<SyncUploadReply> done) {
    QJsonObject fields;
    fields.insert(QLatin1String("records"), records);
    call(QStringLiteral("sync_upload"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(SyncUploadReply::fromJson)); });
}

void BackendClient::orderList(const OrderListRequest& request, Callback<OrderListReply> done) {
    QJsonObject fields;
    insertIfSet(fields, "from", request.from);
    insertIfSet(fields, "to", request.to);
    if (!request.tradeStates.isEmpty()) fields.insert(QLatin1String("trade_state"), toArray(request.tradeStates));
    if (!request.settleStatuses.isEmpty()) {
        fields.insert(QLatin1String("settle_status"), toArray(request.settleStatuses));
    }
    if (!request.channels.isEmpty()) fields.insert(QLatin1String("channel"), toArray(request.channels));
    insertIfSet(fields, "operator_id", request.operatorId);
    insertIfSet(fields, "keyword", request.keyword);
    insertIfSet(fields, "cursor", request.cursor);
    if (request.pageSize > 0) fields.insert(QLatin1String("page_size"), request.pageSize);
    call(QStringLiteral("order_list"), fields,
         [done = std::move(done)](BackendResult<QJsonObject> r) { done(std::move(r).map(OrderListReply::fromJson)); });
}

}  // namespace facepos::backend
