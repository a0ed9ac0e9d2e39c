#include "sandbox/field_reader.h"

#include <QHash>
#include <QRegularExpression>

#include "sandbox/sandbox_store.h"

namespace facepos::sandbox {

namespace {

// The patterns are a handful of literals from the call handlers. Compiling one costs more than the rest of a call's
// field checks, so each server thread compiles each pattern once (thread_local: the worker threads are fixed).
const QRegularExpression& compiledPattern(const QString& pattern) {
    thread_local QHash<QString, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end()) it = cache.insert(pattern, QRegularExpression(QRegularExpression::anchoredPattern(pattern)));
    return *it;
}

bool hasControlCharacters(const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F) return true;
    }
    return false;
}

}  // namespace

CallResult FieldReader::missing(const QString& field) {
    return CallResult::fail(api::ApiError::MissingField, QStringLiteral("%1: required").arg(field),
                            QJsonObject{{QStringLiteral("field"), field}});
}

CallResult FieldReader::invalid(const QString& field, const QString& detail) {
    return CallResult::fail(api::ApiError::InvalidField, QStringLiteral("%1: %2").arg(field, detail),
                            QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("detail"), detail}});
}

bool FieldReader::present(const QString& name, bool required) {
    if (!ok()) return false;
    if (!isEmpty(m_request.value(name))) return true;
    if (required) fail(missing(name));
    return false;
}

QString FieldReader::string(const QString& name, const QString& pattern, bool required, int maxLength) {
    if (!present(name, required)) return {};
    const QJsonValue value = m_request.value(name);
    if (!value.isString()) {
        fail(invalid(name, QStringLiteral("must be a string")));
        return {};
    }
    const QString text = value.toString();
    if (hasControlCharacters(text)) {
        fail(invalid(name, QStringLiteral("must not hold control characters")));
        return {};
    }
    if (maxLength > 0 && text.toUcs4().size() > maxLength) {
        fail(invalid(name, QStringLiteral("at most %1 characters").arg(maxLength)));
        return {};
    }
    if (!pattern.isEmpty()) {
        if (!compiledPattern(pattern).match(text).hasMatch()) {
            fail(invalid(name, QStringLiteral("has the wrong format")));
            return {};
        }
    }
    return text;
}

std::optional<qint64> FieldReader::integer(const QString& name, qint64 min, qint64 max, bool required) {
    if (!present(name, required)) return std::nullopt;
    const QJsonValue value = m_request.value(name);
    if (!value.isDouble()) {
        fail(invalid(name, QStringLiteral("must be an integer")));
        return std::nullopt;
    }
    const qint64 number = value.toInteger();
    if (number < min || number > max) {
        fail(invalid(name, QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max)));
        return std::nullopt;
    }
    return number;
}

bool FieldReader::boolean(const QString& name, bool fallback) {
    if (!present(name, false)) return fallback;
    const QJsonValue value = m_request.value(name);
    if (!value.isBool()) {
        fail(invalid(name, QStringLiteral("must be true or false")));
        return fallback;
    }
    return value.toBool();
}

QJsonObject FieldReader::object(const QString& name, bool required) {
    if (!present(name, required)) return {};
    const QJsonValue value = m_request.value(name);
    if (!value.isObject()) {
        fail(invalid(name, QStringLiteral("must be an object")));
        return {};
    }
    return value.toObject();
}

QJsonArray FieldReader::array(const QString& name, bool required) {
    if (!present(name, required)) return {};
    const QJsonValue value = m_request.value(name);
    if (!value.isArray()) {
        fail(invalid(name, QStringLiteral("must be an array")));
        return {};
    }
    return value.toArray();
}

QString FieldReader::time(const QString& name, bool required) {
    const QString text = string(name, {}, required);
    if (!text.isEmpty() && !SandboxStore::parseTime(text)) {
        fail(invalid(name, QStringLiteral("must be an RFC 3339 time with an offset")));
        return {};
    }
    return text;
}

}  // namespace facepos::sandbox
