#pragma once

#include <QByteArray>
#include <QString>
#include <concepts>
#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace facepos {

// A value bound to a statement parameter: NULL, a 64-bit integer (bool and every integer type that fits),
// UTF-8 text or a blob. There is deliberately no floating-point alternative: money is integer minor units, and
// passing a double does not compile.
//
// A null QString binds as empty text and a null QByteArray as an empty blob; NULL is bound only on request
// (nullptr, std::nullopt or an empty std::optional), so an unset string never turns silently into SQL NULL.
class SqlValue {
public:
    using Storage = std::variant<std::nullptr_t, qint64, QString, QByteArray>;

    SqlValue() = default;
    SqlValue(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
    SqlValue(std::nullopt_t) {}  // NOLINT(google-explicit-constructor)
    template <std::integral I>
    requires(std::is_signed_v<I> || sizeof(I) < sizeof(qint64)) SqlValue(I value)
        : m_value(static_cast<qint64>(value)) {}                              // NOLINT(google-explicit-constructor)
    SqlValue(QString text) : m_value(std::move(text)) {}                      // NOLINT(google-explicit-constructor)
    SqlValue(const char* utf8Text) : m_value(QString::fromUtf8(utf8Text)) {}  // NOLINT(google-explicit-constructor)
    SqlValue(QByteArray blob) : m_value(std::move(blob)) {}                   // NOLINT(google-explicit-constructor)
    template <typename T>
    SqlValue(const std::optional<T>& value)  // NOLINT(google-explicit-constructor)
        : SqlValue(value ? SqlValue(*value) : SqlValue()) {}

    bool isNull() const { return std::holds_alternative<std::nullptr_t>(m_value); }
    const Storage& storage() const { return m_value; }

private:
    Storage m_value;
};

}  // namespace facepos
