#pragma once

#include <QJsonValue>
#include <QString>
#include <utility>
#include <variant>

#include "platform/result.h"

namespace facepos::backend {

// What the terminal may conclude about a call once it has ended (docs/terminal-api.md §4.4, §6.3).
enum class Outcome {
    // A trusted answer with code 0: the call was processed and `value()` holds its result.
    Success,
    // A trusted answer with an error code (§7.1) other than SYSTEM_ERROR: the server changed nothing for this call.
    Rejected,
    // A call that moves money (quick_pay, face_pay, order_reverse, refund) whose result is not known: timeout, dropped
    // connection, HTTP 5xx, an untrusted answer or SYSTEM_ERROR. Never a success, never a failure: resolve by query.
    Unknown,
    // Any other call that could not be confirmed with the server (same causes as Unknown). It may or may not have
    // been processed; every call is idempotent (§6.2), so the caller repeats it or reports it.
    Unconfirmed,
    // The request certainly never reached the server (no connection, TLS refused, rate-limited by a proxy, or it
    // could not be built). Safe to send again.
    NotSent,
};

QString outcomeName(Outcome outcome);

// Why a call did not succeed. `message` is English for a technician or the log and ends with the code, e.g.
// "Order number clash: start a new sale (3001)"; the UI words the cashier's text (Chinese first) from `kind`.
struct BackendError {
    Outcome outcome = Outcome::Unconfirmed;
    // Stable identifier for code and tests: "api.ORDER_CONFLICT", "transport.not_sent", "transport.unknown",
    // "transport.rate_limited", "response.untrusted", "response.system_error", "client.no_secret", "client.crypto".
    QString kind;
    QString message;
    // The §7.1 code and name when the server answered with one (also for an untrusted answer, for the technician
    // only); 0 and empty otherwise.
    int apiCode = 0;
    QString errName;
    // The server's own `msg` (English, for logs and technicians; never shown to cashiers verbatim).
    QString serverMessage;
    // The error's `data` from a trusted answer (e.g. the order of ORDER_CLOSED / REVERSE_NOT_ALLOWED,
    // `attempts_left`, `retry_after_s`); null for untrusted answers, whose content is never acted on.
    QJsonValue data;
    // The transport error code ("http.timeout") when the cause was the transport.
    QString transportCode;

    // The same as a platform Error {kind, message}, for code that only reports.
    Error toError() const { return Error{kind, message}; }
};

// A call's result: a value (Outcome::Success) or a BackendError carrying one of the other outcomes.
template <typename T>
class [[nodiscard]] BackendResult {
public:
    BackendResult(T value) : m_data(std::in_place_index<0>, std::move(value)) {}             // NOLINT
    BackendResult(BackendError error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    Outcome outcome() const { return ok() ? Outcome::Success : error().outcome; }

    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const BackendError& error() const { return std::get<1>(m_data); }

    // Converts the value with `f`, keeping an error as it is.
    template <typename F>
    auto map(F&& f) && -> BackendResult<decltype(f(std::declval<T&&>()))> {
        if (ok()) return std::forward<F>(f)(std::get<0>(std::move(m_data)));
        return std::get<1>(std::move(m_data));
    }

private:
    std::variant<T, BackendError> m_data;
};

}  // namespace facepos::backend
