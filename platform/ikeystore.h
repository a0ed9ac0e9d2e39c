#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "platform/result.h"

namespace facepos {

// The device identity (an EC P-256 key pair whose private half never leaves the store) and small named secrets
// kept encrypted at rest (the device secret returned by activation, for example).
//
// Secret names are 1..64 characters from [a-z0-9_]; other names fail with "keystore.bad_name".
// Returned secrets are the caller's to wipe (crypto::secureWipe) once used.
//
// Threads: implementations must allow every method to be called from any thread, concurrently.
class IKeyStore {
public:
    virtual ~IKeyStore() = default;

    // The device public key: DER SubjectPublicKeyInfo, and the 65-byte uncompressed point 0x04 || X || Y.
    virtual QByteArray publicKeyDer() const = 0;
    virtual QByteArray publicKeyRaw() const = 0;

    // ECDH with the device key; see crypto::EcKeyPair::ecdh for the accepted peer forms and the result.
    virtual Result<QByteArray> ecdh(QByteArrayView peerPublicKey) const = 0;
    // ECDSA P-256 over SHA-256(data), DER-encoded.
    virtual Result<QByteArray> sign(QByteArrayView data) const = 0;
    // Opens a crypto::sealToPublicKey() message addressed to the device public key.
    virtual Result<QByteArray> openSealed(QByteArrayView sealed, QByteArrayView info) const = 0;

    // Stores (or replaces) a secret durably; when this returns ok the secret survives a power cut.
    virtual Result<void> storeSecret(const QString& name, QByteArrayView secret) = 0;
    // "keystore.no_secret" when no secret of that name is stored.
    virtual Result<QByteArray> loadSecret(const QString& name) const = 0;
    // Removes a secret; removing one that is not stored succeeds.
    virtual Result<void> eraseSecret(const QString& name) = 0;
};

}  // namespace facepos
