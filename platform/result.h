#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace facepos {

// An error the caller must look at. `message` is written for the person who has to act on it (a cashier,
// a technician, an operator reading the log): it names the thing that failed and, where possible, what to do.
// `code` is a stable machine-readable identifier ("db.corrupt", "http.timeout") for tests and telemetry.
struct Error {
    QString code;
    QString message;
};

// A value or an Error, in the spirit of C++23 std::expected (not available in C++20 / GCC 12).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_data) : std::move(fallback); }

    const Error& error() const { return std::get<1>(m_data); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(QString code, QString message) {
    return Error{std::move(code), std::move(message)};
}

}  // namespace facepos
