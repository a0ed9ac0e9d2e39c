#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include "platform/result.h"

namespace facepos::sandbox {

// What to do to one /api/v1/ request (§17.7), decided before it is processed.
struct FaultPlan {
    int delayBeforeMs = 0;
    int http5xxStatus = 0;  // non-zero: answer this status without processing, and stop
    bool dropBeforeCommit = false;
    int delayAfterMs = 0;
    bool dropAfterCommit = false;

    bool any() const {
        return delayBeforeMs > 0 || http5xxStatus != 0 || dropBeforeCommit || delayAfterMs > 0 || dropAfterCommit;
    }
};

// Fault injection settings and counters (docs/terminal-api.md §17.7). Faults never apply to /admin/.
//
// Thread ownership: plan() runs on the HTTP worker threads, configure() on whichever thread runs the admin action;
// everything is guarded by one mutex. The settings are persisted by the admin API (settings key "faults") and handed
// back here at start-up; the counters live in memory and restart from zero.
class FaultInjector {
public:
    // Validates and applies `settings` (the faults_set body; absent fields are 0 / empty). Error code "INVALID_FIELD"
    // with the field name as message.
    Result<void> configure(const QJsonObject& settings);
    void clear() { (void)configure({}); }

    // The settings with the counters: {"settings": {…}, "counters": {…}}.
    QJsonObject describe() const;
    QJsonObject settings() const;

    // The plan for one request to `call` from `deviceId` (empty when the body gave none).
    FaultPlan plan(const QString& call, const QString& deviceId);

private:
    mutable QMutex m_mutex;
    QJsonObject m_settings;  // as given, normalised
    int m_delayBeforeMs = 0;
    int m_delayAfterMs = 0;
    int m_http5xxPercent = 0;
    int m_http5xxStatus = 503;
    int m_dropBeforePercent = 0;
    int m_dropAfterPercent = 0;
    QStringList m_calls;
    QString m_deviceId;
    int m_count = 0;
    QRandomGenerator m_random;
    // Counters since the last configure().
    int m_faulted = 0;
    int m_delayed = 0;
    int m_http5xx = 0;
    int m_droppedBefore = 0;
    int m_droppedAfter = 0;
};

}  // namespace facepos::sandbox
