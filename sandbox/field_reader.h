#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

#include "sandbox/call_types.h"

namespace facepos::sandbox {

// Reads a call's fields with the §3.3 rules (absent, null and "" are the same; a required field that is empty is
// MISSING_FIELD; wrong type or format is INVALID_FIELD) and remembers the first failure, so a handler reads all its
// fields and then checks ok() once. Single-use, one thread.
class FieldReader {
public:
    explicit FieldReader(const QJsonObject& request) : m_request(request) {}

    // `pattern` is a full-match regular expression (empty: any text without control characters); `maxLength`
    // counts code points (0: no limit).
    QString string(const QString& name, const QString& pattern = {}, bool required = true, int maxLength = 0);
    std::optional<qint64> integer(const QString& name, qint64 min, qint64 max, bool required = true);
    bool boolean(const QString& name, bool fallback);
    QJsonObject object(const QString& name, bool required = true);
    QJsonArray array(const QString& name, bool required = true);
    // RFC 3339 with an offset; returns the text as sent.
    QString time(const QString& name, bool required = true);

    bool ok() const { return !m_error.has_value(); }
    const CallResult& error() const { return *m_error; }

    static bool isEmpty(const QJsonValue& value) {
        return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty());
    }
    static CallResult missing(const QString& field);
    static CallResult invalid(const QString& field, const QString& detail);

private:
    bool present(const QString& name, bool required);
    void fail(CallResult result) {
        if (!m_error) m_error = std::move(result);
    }

    const QJsonObject& m_request;
    std::optional<CallResult> m_error;
};

}  // namespace facepos::sandbox
