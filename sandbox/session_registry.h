#pragma once

#include <QString>
#include <optional>

#include "platform/result.h"
#include "sandbox/sandbox_store.h"

namespace facepos::sandbox {

// A live terminal session (docs/terminal-api.md §9.1).
struct SessionInfo {
    QString token;
    QString deviceId;
    QString merchantNo;
    QString role;        // "merchant" or "clerk"
    QString operatorId;  // "M88001234" / "C1001"
    QString employeeNo;  // clerks only
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
};

// The session rules over the store's `sessions` table: 12 h absolute limit, 10 min idle limit, one session per
// device. Expiry is evaluated when a session is read, so no timer thread is needed.
//
// Thread ownership: stateless; every function runs with the store's mutex held by the caller.
class SessionRegistry {
public:
    static constexpr qint64 kLifetimeSeconds = 12 * 3600;
    static constexpr qint64 kIdleSeconds = 600;

    // The live session `token` of `deviceId`, or nullopt (unknown, ended, expired, other device). A found session
    // is touched (last_seen_at = now) when `touch` is set.
    static Result<std::optional<SessionInfo>> findLive(SandboxStore& store, const QString& token,
                                                       const QString& deviceId, bool touch);
    // The merchant's live session on any device.
    static Result<std::optional<SessionInfo>> liveMerchantSession(SandboxStore& store, const QString& merchantNo);
    // Starts a session; ends the device's previous one. Returns the new token.
    static Result<SessionInfo> start(SandboxStore& store, const QString& deviceId, const QString& merchantNo,
                                     const QString& role, const QString& operatorId, const QString& employeeNo);
    // End sessions; each returns how many were live.
    static Result<qint64> endToken(SandboxStore& store, const QString& token, const QString& deviceId);
    static Result<qint64> endForDevice(SandboxStore& store, const QString& deviceId);
    static Result<qint64> endForMerchant(SandboxStore& store, const QString& merchantNo);
    static Result<qint64> endForClerk(SandboxStore& store, const QString& merchantNo, const QString& employeeNo);

    // 32 characters of [0-9A-Za-z] from the CSPRNG, unbiased (tokens, nonces, request ids).
    static Result<QString> randomAlphanumeric(int length);
};

}  // namespace facepos::sandbox
