#include "sandbox/fault_injector.h"

#include <QJsonArray>

namespace facepos::sandbox {

namespace {

Error invalidField(const QString& field) {
    return makeError(QStringLiteral("INVALID_FIELD"), QStringLiteral("%1 is out of range").arg(field));
}

}  // namespace

Result<void> FaultInjector::configure(const QJsonObject& settings) {
    auto integer = [&settings](const char* name, int min, int max, int fallback) -> std::optional<int> {
        const QJsonValue value = settings.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull()) return fallback;
        if (!value.isDouble()) return std::nullopt;
        const qint64 number = value.toInteger(min - 1);
        if (number < min || number > max) return std::nullopt;
        return static_cast<int>(number);
    };
    const auto delayBefore = integer("delay_before_ms", 0, 120000, 0);
    const auto delayAfter = integer("delay_after_ms", 0, 120000, 0);
    const auto http5xx = integer("http_5xx_percent", 0, 100, 0);
    const auto status = integer("http_5xx_status", 500, 504, 503);
    const auto dropBefore = integer("drop_before_commit_percent", 0, 100, 0);
    const auto dropAfter = integer("drop_after_commit_percent", 0, 100, 0);
    const auto count = integer("count", 0, 1000000000, 0);
    const auto seed = integer("seed", 0, 2147483647, 0);
    if (!delayBefore) return invalidField(QStringLiteral("delay_before_ms"));
    if (!delayAfter) return invalidField(QStringLiteral("delay_after_ms"));
    if (!http5xx) return invalidField(QStringLiteral("http_5xx_percent"));
    if (!status || *status == 501) return invalidField(QStringLiteral("http_5xx_status"));
    if (!dropBefore) return invalidField(QStringLiteral("drop_before_commit_percent"));
    if (!dropAfter) return invalidField(QStringLiteral("drop_after_commit_percent"));
    if (!count) return invalidField(QStringLiteral("count"));
    if (!seed) return invalidField(QStringLiteral("seed"));
    const QJsonValue callsValue = settings.value(QStringLiteral("calls"));
    QStringList calls;
    if (!callsValue.isUndefined() && !callsValue.isNull()) {
        if (!callsValue.isArray()) return invalidField(QStringLiteral("calls"));
        for (const QJsonValue& call : callsValue.toArray()) {
            if (!call.isString()) return invalidField(QStringLiteral("calls"));
            calls.append(call.toString());
        }
    }
    const QJsonValue deviceValue = settings.value(QStringLiteral("device_id"));
    if (!deviceValue.isUndefined() && !deviceValue.isNull() && !deviceValue.isString()) {
        return invalidField(QStringLiteral("device_id"));
    }

    QMutexLocker lock(&m_mutex);
    m_delayBeforeMs = *delayBefore;
    m_delayAfterMs = *delayAfter;
    m_http5xxPercent = *http5xx;
    m_http5xxStatus = *status;
    m_dropBeforePercent = *dropBefore;
    m_dropAfterPercent = *dropAfter;
    m_count = *count;
    m_calls = calls;
    m_deviceId = deviceValue.toString();
    m_random.seed(static_cast<quint32>(*seed));
    m_faulted = m_delayed = m_http5xx = m_droppedBefore = m_droppedAfter = 0;
    m_settings = QJsonObject{{QStringLiteral("delay_before_ms"), m_delayBeforeMs},
                             {QStringLiteral("delay_after_ms"), m_delayAfterMs},
                             {QStringLiteral("http_5xx_percent"), m_http5xxPercent},
                             {QStringLiteral("http_5xx_status"), m_http5xxStatus},
                             {QStringLiteral("drop_before_commit_percent"), m_dropBeforePercent},
                             {QStringLiteral("drop_after_commit_percent"), m_dropAfterPercent},
                             {QStringLiteral("calls"), QJsonArray::fromStringList(m_calls)},
                             {QStringLiteral("device_id"), m_deviceId},
                             {QStringLiteral("count"), m_count},
                             {QStringLiteral("seed"), *seed}};
    return {};
}

QJsonObject FaultInjector::settings() const {
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

QJsonObject FaultInjector::describe() const {
    QMutexLocker lock(&m_mutex);
    return QJsonObject{
        {QStringLiteral("settings"), m_settings},
        {QStringLiteral("counters"), QJsonObject{{QStringLiteral("faulted"), m_faulted},
                                                 {QStringLiteral("delayed"), m_delayed},
                                                 {QStringLiteral("http_5xx"), m_http5xx},
                                                 {QStringLiteral("dropped_before_commit"), m_droppedBefore},
                                                 {QStringLiteral("dropped_after_commit"), m_droppedAfter}}}};
}

FaultPlan FaultInjector::plan(const QString& call, const QString& deviceId) {
    QMutexLocker lock(&m_mutex);
    FaultPlan plan;
    if (!m_calls.isEmpty() && !m_calls.contains(call)) return plan;
    if (!m_deviceId.isEmpty() && m_deviceId != deviceId) return plan;
    if (m_count > 0 && m_faulted >= m_count) return plan;
    auto roll = [this](int percent) { return percent > 0 && static_cast<int>(m_random.bounded(100U)) < percent; };
    plan.delayBeforeMs = m_delayBeforeMs;
    if (roll(m_http5xxPercent)) {
        plan.http5xxStatus = m_http5xxStatus;
    } else if (roll(m_dropBeforePercent)) {
        plan.dropBeforeCommit = true;
    } else {
        plan.delayAfterMs = m_delayAfterMs;
        plan.dropAfterCommit = roll(m_dropAfterPercent);
    }
    if (plan.any()) {
        ++m_faulted;
        if (plan.delayBeforeMs > 0 || plan.delayAfterMs > 0) ++m_delayed;
        if (plan.http5xxStatus != 0) ++m_http5xx;
        if (plan.dropBeforeCommit) ++m_droppedBefore;
        if (plan.dropAfterCommit) ++m_droppedAfter;
    }
    return plan;
}

}  // namespace facepos::sandbox
