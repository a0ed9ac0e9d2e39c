#pragma once

#include <QCoreApplication>
#include <QString>

#include "app/backend/backend_result.h"

namespace facepos::session {

// What the technician, merchant or clerk reads when a call of activation, sign-in or clerk management fails: short,
// in the UI language, saying what to do. Keyed by BackendError::kind; details (the lock's end, the other device)
// come from the error's data.
class Messages {
    Q_DECLARE_TR_FUNCTIONS(Messages)
public:
    static QString forError(const backend::BackendError& error);
    // The local time of an RFC 3339 time as HH:mm, for "locked until 14:05".
    static QString clockTime(const QString& rfc3339);
};

}  // namespace facepos::session
