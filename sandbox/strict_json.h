#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include "platform/result.h"

namespace facepos::sandbox {

// Parses a request body under the Terminal API's stricter JSON rules (docs/terminal-api.md §3.3, §6.1 step 3):
// UTF-8 without BOM, one object, no duplicate keys at any depth, integers only (no fraction, exponent, leading
// zeros or values beyond ±(2^53 − 1)), nesting at most 16 deep. QJsonDocument alone accepts all of those, so the
// text is checked first by a small scanner. Error code "json.malformed"; the message is the `detail` for the client.
// Pure function; any thread.
Result<QJsonObject> parseStrictJsonObject(QByteArrayView body);

}  // namespace facepos::sandbox
