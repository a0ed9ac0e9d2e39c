#pragma once

#include <QJsonValue>
#include <QString>

#include "platform/result.h"

// English texts for technicians and logs, one per §7.1 error code and per transport failure, each ending with the code
// ("… (3001)"). The cashier-facing wording and its translations are the UI's, keyed by BackendError::kind. Pure
// functions; any thread.
namespace facepos::backend {

// The message for a trusted error answer. `data` fills in details where the spec puts them (attempts left, lock end,
// refundable amount, the other device of MERCHANT_SESSION_ACTIVE).
QString apiErrorMessage(int code, const QJsonValue& data);

// The message for a transport failure (IHttpClient error codes), worded by whether the request may have been
// processed and whether the call moves money.
QString transportErrorMessage(const Error& error, bool mayHaveReached, bool movesMoney);

}  // namespace facepos::backend
