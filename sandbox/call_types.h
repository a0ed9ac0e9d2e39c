#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include "platform/api_errors.h"

namespace facepos::sandbox {

// One Terminal API call that has passed the gateway's checks (docs/terminal-api.md §6.1): well-formed, signed
// (unless open), in the time window, nonce fresh, device known, session valid for session calls. Handlers only
// validate their own fields and do their work.
struct CallContext {
    QString call;                // "quick_pay"
    QJsonObject request;         // the whole parsed request, envelope included
    QString deviceId;            // "FP2411A00123"
    QString merchantNo;          // the device's merchant, "88001234"; empty for open calls of unbound devices
    QString storeNo;             // the device's store, "S01"
    QString sessionToken;        // session calls only
    QString operatorId;          // session calls: "M88001234" (merchant) or "C1001" (clerk)
    QString role;                // session calls: "merchant" or "clerk"; empty otherwise
    bool deviceUnbound = false;  // the device was unbound by support (§16.1): only the grace-period calls get here
};

// A handler's answer; the gateway wraps it in the signed envelope (§3.2).
struct CallResult {
    int code = 0;
    QString msg = QStringLiteral("ok");
    QJsonValue data = QJsonObject();

    static CallResult ok(QJsonObject data = {}) { return {0, QStringLiteral("ok"), std::move(data)}; }
    static CallResult fail(api::ApiError error, QString msg, QJsonValue data = QJsonValue::Null) {
        return {static_cast<int>(error), std::move(msg), std::move(data)};
    }
};

}  // namespace facepos::sandbox
