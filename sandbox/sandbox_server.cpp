#include "sandbox/sandbox_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <condition_variable>
#include <cstring>
#include <mutex>

#include "platform/crypto.h"
#include "platform/self_signed_certificate.h"
#include "platform/system_clock.h"
#include "sandbox/admin_api.h"
#include "sandbox/core_calls.h"
#include "sandbox/fault_injector.h"
#include "sandbox/gateway.h"
#include "sandbox/payment_schema.h"
#include "sandbox/payment_service.h"
#include "sandbox/sandbox_logging.h"
#include "sandbox/sandbox_store.h"
#include "sandbox/session_registry.h"

namespace facepos::sandbox {

namespace {

constexpr qint64 kMaxBodyBytes = 1048576;  // §2: 1 MiB

Error optionsError(const QString& message) {
    return makeError(QStringLiteral("sandbox.options"), message);
}

// One request as libmicrohttpd hands it over across several calls of the access handler. The body is kept only up
// to the limit; beyond it the rest is read and discarded, so an oversized body costs no memory.
struct PendingRequest {
    QByteArray body;
    bool tooLarge = false;
};

QJsonObject adminAnswer(const CallResult& result) {
    return QJsonObject{{QStringLiteral("code"), result.code},
                       {QStringLiteral("err_code"), api::errorName(result.code)},
                       {QStringLiteral("msg"), result.msg},
                       {QStringLiteral("data"), result.data}};
}

Result<QByteArray> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(QStringLiteral("sandbox.tls"),
                         QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    }
    return file.readAll();
}

Result<void> writePrivateFile(const QString& path, const QByteArray& contents) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(contents) != contents.size()) {
        return makeError(QStringLiteral("sandbox.io"),
                         QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

}  // namespace

class SandboxServer::Impl {
public:
    SandboxOptions options;
    std::unique_ptr<SandboxStore> store;
    std::unique_ptr<Gateway> gateway;
    std::unique_ptr<CoreCalls> core;
    std::unique_ptr<PaymentService> payments;
    std::unique_ptr<AdminApi> adminApi;
    FaultInjector faults;
    QString adminToken;
    QString certificateFile;
    QByteArray certificatePem;  // must outlive the daemon
    QByteArray keyPem;
    QUrl url;
    MHD_Daemon* daemon = nullptr;

    std::mutex stopMutex;
    std::condition_variable stopChanged;
    bool stopping = false;  // guarded by stopMutex

    Result<void> setUp();
    Result<void> listen();
    void wirePayments();
    void stop();

    // Waits `ms` unless the server stops first; false when stopping.
    bool sleep(int ms) {
        std::unique_lock lock(stopMutex);
        return !stopChanged.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping; });
    }

    static MHD_Result onAccess(void* self, MHD_Connection* connection, const char* url, const char* method,
                               const char* version, const char* uploadData, size_t* uploadDataSize,
                               void** connectionState);
    static void onCompleted(void* self, MHD_Connection* connection, void** connectionState,
                            MHD_RequestTerminationCode reason);
    MHD_Result handle(MHD_Connection* connection, const QString& path, const QByteArray& method,
                      PendingRequest& request);
    MHD_Result serveUpdate(MHD_Connection* connection, const QString& name);
};

namespace {

MHD_Result respond(MHD_Connection* connection, unsigned int status, const QByteArray& body,
                   const char* contentType = "application/json; charset=utf-8") {
    MHD_Response* response = MHD_create_response_from_buffer(
        static_cast<size_t>(body.size()), const_cast<char*>(body.constData()), MHD_RESPMEM_MUST_COPY);
    if (response == nullptr) return MHD_NO;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, contentType);
    const MHD_Result queued = MHD_queue_response(connection, status, response);
    MHD_destroy_response(response);
    return queued;
}

MHD_Result respondJson(MHD_Connection* connection, unsigned int status, const QJsonObject& object) {
    return respond(connection, status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray header(MHD_Connection* connection, const char* name) {
    return QByteArray(MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name));
}

}  // namespace

Result<void> SandboxServer::Impl::setUp() {
    if (options.dbPath.isEmpty()) return optionsError(QStringLiteral("--db FILE is required."));
    if (options.seed != QStringLiteral("empty") && options.seed != QStringLiteral("demo")) {
        return optionsError(QStringLiteral("--seed must be 'empty' or 'demo'."));
    }
    if (options.threads < 1 || options.threads > 64) return optionsError(QStringLiteral("threads must be 1 to 64."));
    std::shared_ptr<const IClock> clock = options.clock ? options.clock : std::make_shared<SystemClock>();
    auto opened = SandboxStore::open(options.dbPath, clock, paymentSchemaSql());
    if (!opened) return opened.error();
    store = std::move(opened).value();
    gateway = std::make_unique<Gateway>(*store);
    core = std::make_unique<CoreCalls>(*store);
    core->registerWith(*gateway);
    wirePayments();
    adminApi = std::make_unique<AdminApi>(*store, *core, faults, payments.get(), options.updatesDir);

    QMutexLocker lock(&store->mutex());
    if (auto restored = adminApi->restoreFaults(); !restored) return restored.error();
    // Seed a new database (one without merchants) once.
    auto merchants = store->db().queryInt64(QStringLiteral("SELECT COUNT(*) FROM merchants"));
    if (!merchants) return merchants.error();
    if (options.seed == QStringLiteral("demo") && merchants->value_or(0) == 0) {
        auto transaction = store->db().begin();
        if (!transaction) return transaction.error();
        const CallResult seeded = adminApi->seedDemo();
        if (seeded.code != 0) return makeError(QStringLiteral("sandbox.seed"), seeded.msg);
        if (auto committed = transaction->commit(); !committed) return committed.error();
    }
    // The admin token: given, else stored, else new (kept in the database and next to it, mode 0600).
    adminToken = options.adminToken;
    if (adminToken.isEmpty()) {
        auto stored = store->setting(QStringLiteral("admin_token"));
        if (!stored) return stored.error();
        adminToken = *stored;
    }
    if (adminToken.isEmpty()) {
        auto token = SessionRegistry::randomAlphanumeric(32);
        if (!token) return token.error();
        adminToken = *token;
        if (auto saved = store->setSetting(QStringLiteral("admin_token"), adminToken); !saved) return saved.error();
        if (auto written = writePrivateFile(options.dbPath + QStringLiteral(".admin-token"), adminToken.toLatin1());
            !written) {
            return written.error();
        }
    }
    return {};
}

void SandboxServer::Impl::wirePayments() {
    SandboxStore* state = store.get();
    PaymentService::Hooks hooks;
    hooks.merchantChannels = [state](const QString& merchantNo) -> std::optional<QStringList> {
        auto channels =
            state->db().queryText(QStringLiteral("SELECT channels FROM merchants WHERE merchant_no = ?"), {merchantNo});
        if (!channels || !channels->has_value()) return QStringList();
        QStringList list;
        for (const QJsonValue& channel : QJsonDocument::fromJson((*channels)->toUtf8()).array())
            list.append(channel.toString());
        return list;
    };
    hooks.merchantKey = [state](const QString& merchantNo) -> std::optional<QByteArray> {
        auto row = state->db().queryText(
            QStringLiteral("SELECT k_merchant FROM merchants WHERE merchant_no = ? AND locked_until <= ?"),
            {merchantNo, state->nowSecs()});
        if (!row || !row->has_value()) return std::nullopt;
        auto key = state->unprotect(**row);
        if (!key) return std::nullopt;
        return QByteArray::fromHex(key->toLatin1());
    };
    hooks.merchantAuthFailed = [state](const QString& merchantNo) -> CallResult {
        auto failed = state->db().queryInt64(
            QStringLiteral("SELECT failed_attempts FROM merchants WHERE merchant_no = ?"), {merchantNo});
        const qint64 count = (failed && failed->has_value() ? **failed : 0) + 1;
        if (count >= 5) {
            const qint64 until = state->nowSecs() + 15 * 60;
            (void)state->db().execute(
                QStringLiteral("UPDATE merchants SET failed_attempts = 0, locked_until = ? WHERE merchant_no = ?"),
                {until, merchantNo});
            return CallResult::fail(api::ApiError::AccountLocked, QStringLiteral("the merchant account is locked"),
                                    QJsonObject{{QStringLiteral("locked_until"), SandboxStore::formatTime(until)}});
        }
        (void)state->db().execute(QStringLiteral("UPDATE merchants SET failed_attempts = ? WHERE merchant_no = ?"),
                                  {count, merchantNo});
        return CallResult::fail(api::ApiError::BadCredentials, QStringLiteral("wrong merchant password"),
                                QJsonObject{{QStringLiteral("attempts_left"), 5 - count}});
    };
    hooks.merchantAuthSucceeded = [state](const QString& merchantNo) {
        (void)state->db().execute(QStringLiteral("UPDATE merchants SET failed_attempts = 0 WHERE merchant_no = ?"),
                                  {merchantNo});
    };
    payments = std::make_unique<PaymentService>(store->db(), store->clock(), std::move(hooks));
    PaymentService* service = payments.get();
    const QStringList sessionCalls{QStringLiteral("quick_pay"), QStringLiteral("face_authinfo"),
                                   QStringLiteral("face_pay"), QStringLiteral("refund"), QStringLiteral("order_list")};
    for (const QString& call : PaymentService::calls()) {
        gateway->registerCall(
            call, sessionCalls.contains(call) ? CallAccess::Session : CallAccess::Device,
            [service](const CallContext& context) { return service->handle(context); }, Gateway::Transactions::Handler);
    }

    // shift_close compares with the server's own wallet orders; sync_upload flags PAID records the server disagrees
    // with. pay_orders keeps times in Unix milliseconds.
    CoreCalls::PaymentHooks coreHooks;
    coreHooks.serverTotals = [state](const QString& merchantNo, const QString& deviceId, const QString& operatorId,
                                     qint64 from, qint64 to) {
        QJsonArray totals;
        auto statement = state->db().prepare(QStringLiteral(
            "SELECT o.channel, COUNT(*), SUM(o.total_fee), "
            "  (SELECT COALESCE(SUM(r.refund_fee), 0) FROM pay_refunds r JOIN pay_orders o2 "
            "     ON o2.merchant_no = r.merchant_no AND o2.mch_order_no = r.mch_order_no "
            "   WHERE r.refund_state = 'SUCCESS' AND o2.merchant_no = ?1 AND o2.device_id = ?2 AND o2.operator_id = ?3 "
            "     AND o2.channel = o.channel AND o2.created_at BETWEEN ?4 AND ?5) "
            "FROM pay_orders o WHERE o.merchant_no = ?1 AND o.device_id = ?2 AND o.operator_id = ?3 "
            "AND o.trade_state = 'SUCCESS' AND o.created_at BETWEEN ?4 AND ?5 GROUP BY o.channel ORDER BY o.channel"));
        if (!statement || !statement->bindAll({merchantNo, deviceId, operatorId, from * 1000, to * 1000 + 999})) {
            return totals;
        }
        for (;;) {
            auto row = statement->step();
            if (!row || !*row) break;
            totals.append(QJsonObject{{QStringLiteral("channel"), statement->columnText(0)},
                                      {QStringLiteral("count"), statement->columnInt64(1)},
                                      {QStringLiteral("total_fee"), statement->columnInt64(2)},
                                      {QStringLiteral("refund_fee"), statement->columnInt64(3)}});
        }
        return totals;
    };
    coreHooks.orderDiscrepancy = [state](const QString& merchantNo, const QJsonObject& payload) {
        if (payload.value(QStringLiteral("channel")).toString() == QStringLiteral("cash")) return false;
        auto serverState = state->db().queryText(
            QStringLiteral("SELECT trade_state FROM pay_orders WHERE merchant_no = ? AND mch_order_no = ?"),
            {merchantNo, payload.value(QStringLiteral("mch_order_no")).toString()});
        if (!serverState || !serverState->has_value()) return false;
        const bool recordPaid = payload.value(QStringLiteral("status")).toString() == QStringLiteral("PAID");
        return recordPaid != (**serverState == QStringLiteral("SUCCESS"));
    };
    core->setPaymentHooks(std::move(coreHooks));
}

Result<void> SandboxServer::Impl::listen() {
    static const QRegularExpression format(QStringLiteral(R"(^([0-9.]+|localhost):([0-9]{1,5})$)"));
    const auto match = format.match(options.listen);
    if (!match.hasMatch()) return optionsError(QStringLiteral("--listen must be ADDR:PORT, e.g. 127.0.0.1:8480."));
    const QString host =
        match.captured(1) == QStringLiteral("localhost") ? QStringLiteral("127.0.0.1") : match.captured(1);
    const int port = match.captured(2).toInt();
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    if (port > 65535 || inet_pton(AF_INET, host.toLatin1().constData(), &address.sin_addr) != 1) {
        return optionsError(QStringLiteral("--listen: '%1' is not an IPv4 address and port.").arg(options.listen));
    }
    const bool loopback = (ntohl(address.sin_addr.s_addr) >> 24) == 127;
    if (!loopback && !options.allowRemote) {
        return optionsError(QStringLiteral("--listen %1 is not a loopback address; add --allow-remote to serve it.")
                                .arg(options.listen));
    }

    if (options.tls) {
        QString certPath = options.certFile;
        QString keyPath = options.keyFile;
        if (certPath.isEmpty() != keyPath.isEmpty()) {
            return optionsError(QStringLiteral("--cert and --key go together."));
        }
        if (certPath.isEmpty()) {
            certPath = options.dbPath + QStringLiteral(".tls-cert.pem");
            keyPath = options.dbPath + QStringLiteral(".tls-key.pem");
            if (!QFileInfo::exists(certPath) || !QFileInfo::exists(keyPath)) {
                auto made = generateSelfSignedCertificate();
                if (!made) return made.error();
                if (auto saved = writePrivateFile(certPath, made->certificatePem); !saved) return saved.error();
                if (auto saved = writePrivateFile(keyPath, made->privateKeyPem); !saved) return saved.error();
            }
        }
        auto cert = readFile(certPath);
        if (!cert) return cert.error();
        auto key = readFile(keyPath);
        if (!key) return key.error();
        certificatePem = *cert;
        keyPem = *key;
        certificateFile = QFileInfo(certPath).absoluteFilePath();
    }

    // A pool of worker threads, each polling its share of the connections: a fixed number of threads however many
    // clients connect. An injected delay occupies its worker, so more concurrent delayed requests than threads queue
    // up — as on an overloaded real server.
    const unsigned int flags = static_cast<unsigned int>(MHD_USE_INTERNAL_POLLING_THREAD) |
                               static_cast<unsigned int>(MHD_USE_ERROR_LOG) |
                               (options.tls ? static_cast<unsigned int>(MHD_USE_TLS) : 0U);
    const auto* socketAddress = reinterpret_cast<const sockaddr*>(&address);
    const auto poolSize = static_cast<unsigned int>(options.threads);
    if (options.tls) {
        daemon =
            MHD_start_daemon(flags, 0, nullptr, nullptr, &Impl::onAccess, this, MHD_OPTION_SOCK_ADDR, socketAddress,
                             MHD_OPTION_THREAD_POOL_SIZE, poolSize, MHD_OPTION_NOTIFY_COMPLETED, &Impl::onCompleted,
                             this, MHD_OPTION_CONNECTION_TIMEOUT, 60U, MHD_OPTION_HTTPS_MEM_KEY, keyPem.constData(),
                             MHD_OPTION_HTTPS_MEM_CERT, certificatePem.constData(), MHD_OPTION_END);
    } else {
        daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &Impl::onAccess, this, MHD_OPTION_SOCK_ADDR,
                                  socketAddress, MHD_OPTION_THREAD_POOL_SIZE, poolSize, MHD_OPTION_NOTIFY_COMPLETED,
                                  &Impl::onCompleted, this, MHD_OPTION_CONNECTION_TIMEOUT, 60U, MHD_OPTION_END);
    }
    if (daemon == nullptr) {
        return makeError(
            QStringLiteral("sandbox.listen"),
            QStringLiteral("Cannot listen on %1 (address in use, or TLS files unusable).").arg(options.listen));
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    const int boundPort = info != nullptr ? info->port : 0;
    url = QUrl(QStringLiteral("%1://%2:%3")
                   .arg(options.tls ? QStringLiteral("https") : QStringLiteral("http"), host)
                   .arg(boundPort));
    qCInfo(lcSandbox) << "listening on" << url.toString();
    return {};
}

void SandboxServer::Impl::stop() {
    {
        std::lock_guard lock(stopMutex);
        stopping = true;
    }
    stopChanged.notify_all();
    if (daemon != nullptr) {
        MHD_stop_daemon(daemon);
        daemon = nullptr;
    }
}

MHD_Result SandboxServer::Impl::onAccess(void* self, MHD_Connection* connection, const char* url, const char* method,
                                         const char* /*version*/, const char* uploadData, size_t* uploadDataSize,
                                         void** connectionState) {
    auto* impl = static_cast<Impl*>(self);
    const QString path = QString::fromUtf8(url);
    const QByteArray verb(method);
    if (*connectionState == nullptr) {
        // First call: only the headers are known. Refuse what needs no body before reading it (§6.1 steps 1–2).
        auto* request = new PendingRequest;
        *connectionState = request;
        if (path.startsWith(QStringLiteral("/updates/"))) {
            if (verb != "GET") return respond(connection, MHD_HTTP_METHOD_NOT_ALLOWED, "GET only", "text/plain");
            return impl->serveUpdate(connection, path.mid(9));
        }
        const bool api = path.startsWith(QStringLiteral("/api/v1/"));
        if (!api && !path.startsWith(QStringLiteral("/admin/v1/"))) {
            return respond(connection, MHD_HTTP_NOT_FOUND, "not found", "text/plain");
        }
        if (verb != "POST") return respond(connection, MHD_HTTP_METHOD_NOT_ALLOWED, "POST only", "text/plain");
        if (api && !impl->gateway->knowsCall(path.mid(8))) {
            return respondJson(connection, MHD_HTTP_OK, impl->gateway->unknownCall(path.mid(8)));
        }
        const QByteArray length = header(connection, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (api && !length.isEmpty() && length.toLongLong() > kMaxBodyBytes) {
            return respondJson(connection, MHD_HTTP_OK, impl->gateway->bodyTooLarge());
        }
        return MHD_YES;
    }
    auto* request = static_cast<PendingRequest*>(*connectionState);
    if (*uploadDataSize != 0) {
        if (!request->tooLarge && request->body.size() + static_cast<qint64>(*uploadDataSize) > kMaxBodyBytes) {
            request->tooLarge = true;
            request->body.clear();
            request->body.squeeze();
        }
        if (!request->tooLarge) request->body.append(uploadData, static_cast<qsizetype>(*uploadDataSize));
        *uploadDataSize = 0;
        return MHD_YES;
    }
    return impl->handle(connection, path, verb, *request);
}

void SandboxServer::Impl::onCompleted(void* /*self*/, MHD_Connection* /*connection*/, void** connectionState,
                                      MHD_RequestTerminationCode /*reason*/) {
    delete static_cast<PendingRequest*>(*connectionState);
    *connectionState = nullptr;
}

MHD_Result SandboxServer::Impl::handle(MHD_Connection* connection, const QString& path, const QByteArray& /*method*/,
                                       PendingRequest& request) {
    if (path.startsWith(QStringLiteral("/admin/v1/"))) {
        const QByteArray authorization = header(connection, MHD_HTTP_HEADER_AUTHORIZATION);
        const QByteArray expected = "Bearer " + adminToken.toLatin1();
        if (!crypto::constantTimeEquals(authorization, expected)) {
            return respondJson(connection, MHD_HTTP_UNAUTHORIZED,
                               adminAnswer(CallResult::fail(api::ApiError::AdminUnauthorized,
                                                            QStringLiteral("missing or wrong admin token"))));
        }
        QJsonObject body;
        if (!request.body.trimmed().isEmpty()) {
            const QJsonDocument document = QJsonDocument::fromJson(request.body);
            if (!document.isObject()) {
                return respondJson(connection, MHD_HTTP_OK,
                                   adminAnswer(CallResult::fail(api::ApiError::MalformedRequest,
                                                                QStringLiteral("the body is not a JSON object"))));
            }
            body = document.object();
        }
        return respondJson(connection, MHD_HTTP_OK, adminAnswer(adminApi->handle(path.mid(10), body)));
    }

    const QString call = path.mid(8);
    if (request.tooLarge) return respondJson(connection, MHD_HTTP_OK, gateway->bodyTooLarge());
    // Faults (§17.7) are chosen per request, before anything is processed.
    const QString deviceId =
        QJsonDocument::fromJson(request.body).object().value(QStringLiteral("device_id")).toString();
    const FaultPlan plan = faults.plan(call, deviceId);
    if (plan.delayBeforeMs > 0 && !sleep(plan.delayBeforeMs)) return MHD_NO;
    if (plan.http5xxStatus != 0) {
        return respond(connection, static_cast<unsigned int>(plan.http5xxStatus), "injected fault", "text/plain");
    }
    if (plan.dropBeforeCommit) {
        qCInfo(lcSandbox) << "fault: dropping" << call << "before processing";
        return MHD_NO;
    }
    const QJsonObject answer = gateway->process(call, header(connection, MHD_HTTP_HEADER_CONTENT_TYPE), request.body);
    if (plan.delayAfterMs > 0 && !sleep(plan.delayAfterMs)) return MHD_NO;
    if (plan.dropAfterCommit) {
        qCInfo(lcSandbox) << "fault: dropping" << call << "after it was committed";
        return MHD_NO;
    }
    return respondJson(connection, MHD_HTTP_OK, answer);
}

MHD_Result SandboxServer::Impl::serveUpdate(MHD_Connection* connection, const QString& name) {
    static const QRegularExpression safeName(QStringLiteral(R"(^[0-9A-Za-z._+-]{1,128}$)"));
    if (options.updatesDir.isEmpty() || !safeName.match(name).hasMatch() || name.startsWith(QLatin1Char('.'))) {
        return respond(connection, MHD_HTTP_NOT_FOUND, "not found", "text/plain");
    }
    QFile file(QDir(options.updatesDir).filePath(name));
    if (!file.open(QIODevice::ReadOnly)) return respond(connection, MHD_HTTP_NOT_FOUND, "not found", "text/plain");
    return respond(connection, MHD_HTTP_OK, file.readAll(), "application/octet-stream");
}

Result<std::unique_ptr<SandboxServer>> SandboxServer::start(const SandboxOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    if (auto ready = impl->setUp(); !ready) return ready.error();
    if (auto listening = impl->listen(); !listening) return listening.error();
    return std::unique_ptr<SandboxServer>(new SandboxServer(std::move(impl)));
}

SandboxServer::SandboxServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SandboxServer::~SandboxServer() {
    stop();
}

QUrl SandboxServer::url() const {
    return m_impl->url;
}

QString SandboxServer::adminToken() const {
    return m_impl->adminToken;
}

QString SandboxServer::certificateFile() const {
    return m_impl->certificateFile;
}

void SandboxServer::stop() {
    m_impl->stop();
}

QJsonObject SandboxServer::admin(const QString& action, const QJsonObject& body) {
    return adminAnswer(m_impl->adminApi->handle(action, body));
}

Result<void> SandboxServer::enrollDemoFaces(const QString& folder) {
    QMutexLocker lock(&m_impl->store->mutex());
    return m_impl->payments->enrollDemoFaces(folder);
}

Result<std::optional<qint64>> SandboxServer::queryInt64(const QString& sql) {
    QMutexLocker lock(&m_impl->store->mutex());
    return m_impl->store->db().queryInt64(sql);
}

}  // namespace facepos::sandbox
