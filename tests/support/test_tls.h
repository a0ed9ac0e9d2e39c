#pragma once

#include <QByteArray>

#include "platform/result.h"

namespace facepos::test {

// A throw-away TLS identity for loopback test servers, made fresh at run time so no key is ever committed.
struct TestCertificate {
    QByteArray certificatePem;  // self-signed X.509 v3, valid for "localhost" and 127.0.0.1, from an hour ago for a day
    QByteArray privateKeyPem;   // PKCS#8, unencrypted
    QByteArray
        publicKeyPin;  // "sha256//<base64 of SHA-256 over the DER SubjectPublicKeyInfo>" (CURLOPT_PINNEDPUBLICKEY)
};

// Generates an EC P-256 key and a self-signed certificate for it. The certificate is its own CA, so handing its PEM to
// a client as the CA file makes the client trust exactly this server. Thread-safe.
Result<TestCertificate> generateSelfSignedCertificate();

}  // namespace facepos::test
