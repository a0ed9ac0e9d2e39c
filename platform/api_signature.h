#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include "platform/result.h"

// The Terminal API's message signature (docs/terminal-api.md §4), shared by the terminal's backend client and the
// sandbox backend so both sides sign and verify with one implementation. Pure functions; any thread.
namespace facepos::api {

// The §4.1 string without the trailing "&key=…": every top-level field except `sign` and `exclude` whose value is
// neither null nor "", sorted by key, as k=v joined with '&'. Strings as is, integers and booleans as their JSON
// text, objects and arrays as compact JSON with sorted keys. This is also the message of a password proof (§4.5).
QByteArray canonicalFields(const QJsonObject& message, QStringView exclude = {});

// canonicalFields() + "&key=" + secret.
QByteArray stringToSign(const QJsonObject& message, QByteArrayView secret);

// HMAC-SHA256 of stringToSign(), keyed with the secret's bytes, as 64 upper-case hex characters.
Result<QString> sign(const QJsonObject& message, QByteArrayView secret);

// True when `message` carries a `sign` equal (constant time, hex case ignored) to sign(message, secret).
bool verify(const QJsonObject& message, QByteArrayView secret);

// A password proof (§4.5): HMAC-SHA256 keyed with `key` (the derived account key, raw bytes) over
// canonicalFields(message, proofField), upper-case hex.
Result<QString> passwordProof(const QJsonObject& message, QByteArrayView key, QStringView proofField);

}  // namespace facepos::api
