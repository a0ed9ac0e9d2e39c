#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

#include "platform/crypto.h"
#include "platform/ikeystore.h"

namespace facepos {

// The device key store on the file system.
//
// Layout (directory created mode 0700, files mode 0600, every file replaced atomically and fsynced):
//   <dir>/device_key.bin          the device private key (PKCS#8 DER), sealed as below
//   <dir>/secrets/<name>.bin      one named secret each, sealed as below
//
// Sealed file format, version 1:
//   offset 0   4 bytes   magic "FPKS"
//   offset 4   1 byte    format version, 0x01
//   offset 5   32 bytes  salt, random for every write
//   offset 37  ...       crypto::seal() output: IV (12) || AES-256-GCM ciphertext || tag (16)
//   KEK = HKDF-SHA256(IKM = deviceBinding, salt, info = "facepos keystore v1", L = 32)
//   AAD = bytes 0..36 of the file || label, where label is "device_key" or "secret:<name>"; a file therefore opens
//         only under its own name, so files cannot be swapped or renamed into place.
//
// What this protects against: the deviceBinding (serial number + machine-id, derived by the caller) is not stored
// here, so a copy of the data directory taken to another machine, or leaked in a backup or a support log bundle,
// does not reveal the device key or the secrets. It also detects any damage or tampering (GCM tag).
// What it does not protect against: anyone who can run code as root (or as the facepos user) on the running device
// can read the binding inputs and the files, or the keys from process memory. Hardware key storage (TPM, secure
// element) would be needed for that.
//
// The device key is generated once, on the first open of an empty directory. A device_key.bin that exists but
// cannot be read or decrypted (another device, a changed binding, damage) is reported as "keystore.unreadable" and
// left untouched: generating a new key would silently orphan the device's activation, so recovery is a
// re-activation by support.
//
// One KeyStore per directory at a time (the terminal runs as a single instance under systemd). Every method may be
// called from any thread: the key pair is immutable, and each secret write is an atomic file replacement (of two
// concurrent writes of one name, the later commit wins; a reader sees one whole version).
class KeyStore final : public IKeyStore {
public:
    // Error codes: "keystore.no_binding" (empty deviceBinding), "keystore.io" (directory or file not accessible or
    // not writable), "keystore.unreadable" (existing key file unusable on this device), "crypto.*" (OpenSSL failure).
    static Result<std::unique_ptr<KeyStore>> open(const QString& dir, QByteArray deviceBinding);

    KeyStore(const KeyStore&) = delete;
    KeyStore& operator=(const KeyStore&) = delete;
    ~KeyStore() override;

    QString directory() const { return m_dir; }

    QByteArray publicKeyDer() const override;
    QByteArray publicKeyRaw() const override;
    Result<QByteArray> ecdh(QByteArrayView peerPublicKey) const override;
    Result<QByteArray> sign(QByteArrayView data) const override;
    Result<QByteArray> openSealed(QByteArrayView sealed, QByteArrayView info) const override;

    Result<void> storeSecret(const QString& name, QByteArrayView secret) override;
    // Also "keystore.unreadable" when the secret file exists but cannot be decrypted.
    Result<QByteArray> loadSecret(const QString& name) const override;
    Result<void> eraseSecret(const QString& name) override;

private:
    KeyStore(QString dir, QByteArray deviceBinding, crypto::EcKeyPair key);

    QString secretPath(const QString& name) const;

    const QString m_dir;
    QByteArray m_deviceBinding;  // wiped on destruction
    const crypto::EcKeyPair m_key;
};

}  // namespace facepos
