#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>

#include "sandbox/call_types.h"
#include "sandbox/sandbox_store.h"

namespace facepos::sandbox {

// Who may make a call (docs/terminal-api.md §1 "auth").
enum class CallAccess {
    Open,      // unsigned: activation_request, activation_status
    Device,    // signed with the device secret
    Session,   // signed, with a live session_token
    Merchant,  // signed, with a live merchant session
};

// The Terminal API front door: runs the §6.1 checks in order, dispatches to the registered handler, and wraps its
// answer in the signed response envelope (§3.2).
//
// Thread ownership: calls are registered before the server starts and the registry is read-only afterwards.
// process() may run on any number of threads at once; it holds the store's mutex for the whole call, so calls are
// serialised (which also serialises requests for the same idempotency key, §6.2).
class Gateway {
public:
    using Handler = std::function<CallResult(const CallContext&)>;

    explicit Gateway(SandboxStore& store) : m_store(store) {}

    // Who opens the write transaction a handler runs in.
    enum class Transactions {
        Gateway,  // the gateway: committed when the answer is OK (or a counted wrong password), else rolled back
        Handler,  // the handler opens and commits its own (PaymentService); it runs outside any transaction
    };

    // Adds `call` ("quick_pay") to the API. A later registration of the same name replaces the earlier one.
    void registerCall(const QString& call, CallAccess access, Handler handler,
                      Transactions transactions = Transactions::Gateway);
    bool knowsCall(const QString& call) const { return m_calls.contains(call); }
    QStringList calls() const { return m_calls.keys(); }

    // One POST /api/v1/<call>: the envelope to send back (HTTP 200).
    QJsonObject process(const QString& call, const QByteArray& contentType, const QByteArray& body);

    // Envelopes for the checks the HTTP layer makes before there is a body (§6.1 steps 1 and 2).
    QJsonObject unknownCall(const QString& call);
    QJsonObject bodyTooLarge();

    // Calls still allowed for 7 days after support unbinds a device (§16.1); heartbeat is allowed at any time after.
    static bool allowedAfterUnbind(const QString& call);
    static constexpr qint64 kUnbindGraceSeconds = 7 * 24 * 3600;
    static constexpr qint64 kMaxSkewSeconds = 300;
    static constexpr qint64 kNonceMemorySeconds = 900;  // ≥ 600 s required (§5)

private:
    struct Registration {
        CallAccess access;
        Handler handler;
        Transactions transactions;
    };

    QJsonObject processLocked(const QString& call, const Registration& registration, const QByteArray& contentType,
                              const QByteArray& body);
    // The §3.2 envelope; signed when `secret` is not empty.
    QJsonObject envelope(const CallResult& result, const QString& deviceId, const QString& requestNonce,
                         const QString& secret);

    SandboxStore& m_store;
    QHash<QString, Registration> m_calls;
};

}  // namespace facepos::sandbox
