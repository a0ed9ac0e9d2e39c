#pragma once

#include <QByteArray>
#include <chrono>

#include "platform/result.h"

namespace facepos {

// A self-signed TLS identity made at run time: the sandbox's --tls certificate when none is given, and the loopback
// test servers' certificates (so no key is ever committed).
struct SelfSignedCertificate {
    QByteArray certificatePem;  // X.509 v3 for "localhost", 127.0.0.1 and ::1, valid from an hour ago for `validity`
    QByteArray privateKeyPem;   // PKCS#8, unencrypted
    QByteArray
        publicKeyPin;  // "sha256//<base64 of SHA-256 over the DER SubjectPublicKeyInfo>" (CURLOPT_PINNEDPUBLICKEY)
};

// Generates an EC P-256 key and a self-signed certificate for it. The certificate is its own CA, so handing its PEM to
// a client as the CA file makes the client trust exactly this server. Error code "tls.generate". Thread-safe.
Result<SelfSignedCertificate> generateSelfSignedCertificate(std::chrono::hours validity = std::chrono::hours(24));

}  // namespace facepos
