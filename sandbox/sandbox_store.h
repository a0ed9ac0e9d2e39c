#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMutex>
#include <QString>
#include <memory>

#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/result.h"
#include "sandbox/sandbox_clock.h"

namespace facepos::sandbox {

// The sandbox's state: one SQLite connection and the sandbox clock (the given clock shifted by the admin
// `clock_set` offset, §17.4).
//
// Thread ownership: the store is shared by libmicrohttpd's worker threads. Whoever touches db() or the offset holds
// mutex() for the whole unit of work (one API call, one admin action), so every call sees and leaves a consistent
// state and the Database's single-thread rule holds (one thread at a time, never concurrently).
class SandboxStore {
public:
    // Opens (creating if needed) the database with the core schema plus `extraSchemaSql` (the payment tables), both
    // as migration 1; later schema changes are further migrations.
    static Result<std::unique_ptr<SandboxStore>> open(const QString& path, std::shared_ptr<const IClock> clock,
                                                      const char* extraSchemaSql);

    // The sandbox clock, shared with PaymentService.
    std::shared_ptr<SandboxClock> clock() const { return m_clock; }

    QMutex& mutex() { return m_mutex; }
    Database& db() { return m_db; }

    // Sandbox time: the clock plus the clock_set offset.
    QDateTime now() const;
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
    qint64 offsetSeconds() const { return m_clock->offsetSeconds(); }
    Result<void> setOffsetSeconds(qint64 offset);

    // Secrets at rest (§18): device secrets and K values are stored sealed (AES-256-GCM) with the sandbox's master
    // key, kept in "<db>.master-key" (mode 0600, made on first start). Any thread: the key is immutable after open().
    Result<QString> protect(const QString& plain) const;
    Result<QString> unprotect(const QString& stored) const;

    // Key/value settings (mutex held): admin token, faults, clock offset, counters.
    Result<QString> setting(const QString& key);
    Result<void> setSetting(const QString& key, const QString& value);
    // A per-prefix sequence for human-readable numbers (redeem_no …), persisted.
    Result<qint64> nextSequence(const QString& name);

    // "2024-11-23T15:30:12+08:00": the server answers in +08:00 (§3.3).
    static QString formatTime(qint64 unixSeconds);
    // Parses an RFC 3339 time with an offset; nullopt when malformed or without offset.
    static std::optional<qint64> parseTime(const QString& text);

private:
    SandboxStore(Database db, std::shared_ptr<const IClock> clock)
        : m_db(std::move(db)), m_clock(std::make_shared<SandboxClock>(std::move(clock))) {}

    QMutex m_mutex;
    Database m_db;
    std::shared_ptr<SandboxClock> m_clock;
    QByteArray m_masterKey;
};

}  // namespace facepos::sandbox
