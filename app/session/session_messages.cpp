#include "session_messages.h"

#include <QDateTime>
#include <QJsonObject>

namespace facepos::session {

QString Messages::clockTime(const QString& rfc3339) {
    const QDateTime time = QDateTime::fromString(rfc3339, Qt::ISODate);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm")) : rfc3339;
}

QString Messages::forError(const backend::BackendError& error) {
    const QString& kind = error.kind;
    const QJsonObject data = error.data.toObject();
    if (kind == QLatin1String("api.BAD_CREDENTIALS")) {
        const int left = data.value(QStringLiteral("attempts_left")).toInt(-1);
        if (left > 0)
            return tr("Wrong account or password. %n attempt(s) left before the account is locked.", "", left);
        return tr("Wrong account or password.");
    }
    if (kind == QLatin1String("api.ACCOUNT_LOCKED")) {
        return tr("Too many wrong passwords: the account is locked until %1.")
            .arg(clockTime(data.value(QStringLiteral("locked_until")).toString()));
    }
    if (kind == QLatin1String("api.CLERK_DISABLED"))
        return tr("This clerk account is disabled. Ask the merchant to enable it.");
    if (kind == QLatin1String("api.MERCHANT_SESSION_ACTIVE")) {
        return tr("The merchant account is signed in on another terminal (%1). Sign in here with a clerk account, or "
                  "sign out on the other terminal first.")
            .arg(data.value(QStringLiteral("device_id")).toString());
    }
    if (kind == QLatin1String("api.SESSION_EXPIRED")) return tr("The session has ended. Please sign in again.");
    if (kind == QLatin1String("api.PERMISSION_DENIED") || kind == QLatin1String("api.MERCHANT_AUTH_REQUIRED"))
        return tr("Only the merchant may do this.");
    if (kind == QLatin1String("api.CLERK_EXISTS")) return tr("A clerk with this employee number already exists.");
    if (kind == QLatin1String("api.CLERK_NOT_FOUND")) return tr("There is no clerk with this employee number.");
    if (kind == QLatin1String("api.DEVICE_ALREADY_ACTIVATED"))
        return tr("This terminal is already bound to a merchant. Support must unbind it first.");
    if (kind == QLatin1String("api.ACTIVATION_NOT_FOUND"))
        return tr("The bind request is no longer known to the backend. Submit it again.");
    if (kind == QLatin1String("api.DEVICE_NOT_ACTIVATED"))
        return tr("The backend does not know this terminal as activated. Call support.");
    if (kind == QLatin1String("api.DEVICE_UNBOUND")) return tr("Support has unbound this terminal.");
    if (kind == QLatin1String("api.INVALID_FIELD") || kind == QLatin1String("api.MISSING_FIELD"))
        return tr("The backend refused the input: %1").arg(error.serverMessage);
    if (kind == QLatin1String("api.TIMESTAMP_SKEW") || kind == QLatin1String("api.BAD_SIGNATURE"))
        return tr(
            "The backend did not accept this terminal's request (clock or key). Check the date and time, then "
            "try again; if it goes on, call support.");
    if (kind == QLatin1String("transport.not_sent") || kind == QLatin1String("transport.rate_limited"))
        return tr("The backend cannot be reached. Check the network cable or Wi-Fi, then try again.");
    if (kind == QLatin1String("transport.unknown") || kind == QLatin1String("response.untrusted") ||
        kind == QLatin1String("response.system_error"))
        return tr("No valid answer from the backend. Try again in a moment.");
    if (kind.startsWith(QLatin1String("client.")))
        return tr("The terminal could not prepare the request. Call support.");
    return tr("The backend refused the request (%1).").arg(error.errName.isEmpty() ? kind : error.errName);
}

}  // namespace facepos::session
