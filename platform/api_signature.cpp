#include "api_signature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>

#include "platform/crypto.h"

namespace facepos::api {

namespace {

bool isEmpty(const QJsonValue& value) {
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty());
}

QByteArray render(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::String:
            return value.toString().toUtf8();
        case QJsonValue::Bool:
            return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
        case QJsonValue::Double: {
            // The API has integers only (§3.3); QJsonValue keeps parsed integers exactly as qint64.
            return QByteArray::number(value.toInteger());
        }
        // QJsonObject keeps its keys sorted, at every depth, so Qt's compact form is the §4.1 rendering.
        case QJsonValue::Object:
            return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        case QJsonValue::Array:
            return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            break;
    }
    return {};
}

Result<QString> hmacHex(QByteArrayView key, QByteArrayView data) {
    auto mac = crypto::hmacSha256(key, data);
    if (!mac) return mac.error();
    return QString::fromLatin1(mac->toHex().toUpper());
}

}  // namespace

QByteArray canonicalFields(const QJsonObject& message, QStringView exclude) {
    QList<QByteArray> pairs;
    pairs.reserve(message.size());
    // QJsonObject iterates in key order, which is byte order for the API's [a-z0-9_] keys.
    for (auto it = message.constBegin(); it != message.constEnd(); ++it) {
        if (it.key() == QLatin1String("sign") || (!exclude.isEmpty() && it.key() == exclude)) continue;
        if (isEmpty(it.value())) continue;
        pairs << it.key().toUtf8() + '=' + render(it.value());
    }
    return pairs.join('&');
}

QByteArray stringToSign(const QJsonObject& message, QByteArrayView secret) {
    return canonicalFields(message) + "&key=" + secret.toByteArray();
}

Result<QString> sign(const QJsonObject& message, QByteArrayView secret) {
    return hmacHex(secret, stringToSign(message, secret));
}

bool verify(const QJsonObject& message, QByteArrayView secret) {
    const QString received = message.value(QLatin1String("sign")).toString();
    if (received.size() != 64) return false;
    auto expected = sign(message, secret);
    if (!expected) return false;
    return crypto::constantTimeEquals(received.toUpper().toLatin1(), expected->toLatin1());
}

Result<QString> passwordProof(const QJsonObject& message, QByteArrayView key, QStringView proofField) {
    return hmacHex(key, canonicalFields(message, proofField));
}

}  // namespace facepos::api
