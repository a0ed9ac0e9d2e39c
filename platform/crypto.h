#pragma once

// Cryptographic primitives over OpenSSL 3 (EVP and provider APIs only).
//
// Every operation that reaches OpenSSL returns a Result: besides bad input, OpenSSL itself can fail (memory
// exhaustion, a broken installation), and the caller must not mistake an empty array for a digest or a key.
// Error codes: "crypto.bad_key" (key of the wrong length or kind), "crypto.bad_input" (IV, tag, length or size
// out of range, truncated message), "crypto.bad_public_key" (peer key not a valid P-256 point), "crypto.auth_failed"
// (AEAD tag mismatch: altered data, wrong key, wrong context), "crypto.internal" (OpenSSL failed).
//
// Secrets are handed around in QByteArray. Whoever holds a secret wipes it with secureWipe() when done; the
// functions here wipe every intermediate secret they create (shared secrets, derived keys, encoded private keys).
//
// Threads: all free functions may be called from any thread. EcKeyPair is immutable after construction; its const
// methods may be called from several threads at once.

#include <QByteArray>
#include <QByteArrayView>

#include "platform/result.h"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY; kept out of this header so callers do not depend on OpenSSL headers.

namespace facepos::crypto {

inline constexpr qsizetype kSha256Size = 32;
inline constexpr qsizetype kAesKeySize = 32;
inline constexpr qsizetype kGcmIvSize = 12;
inline constexpr qsizetype kGcmTagSize = 16;
inline constexpr qsizetype kEcPrivateScalarSize = 32;
inline constexpr qsizetype kEcRawPublicKeySize = 65;  // SEC1 uncompressed point: 0x04 || X (32) || Y (32)
inline constexpr qsizetype kEcdhSecretSize = 32;      // X coordinate of the shared point
inline constexpr qsizetype kHkdfSha256MaxLength = 255 * kSha256Size;

Result<QByteArray> sha256(QByteArrayView data);
Result<QByteArray> hmacSha256(QByteArrayView key, QByteArrayView data);

// n bytes from OpenSSL's CSPRNG (RAND_bytes). Fails rather than return weak randomness.
Result<QByteArray> randomBytes(qsizetype n);

// Compares in time independent of the contents (CRYPTO_memcmp). Lengths are not secret: arrays of different length
// compare unequal at once.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// Overwrites the bytes of `secret` (OPENSSL_cleanse) and empties it. If the storage is shared with other QByteArray
// copies, only this copy is wiped (it detaches first) and the others keep their bytes: every holder of a secret
// wipes its own copy, and the shared buffer is overwritten by the last holder to do so. Bytes left behind by earlier
// reallocations of the array cannot be reached; avoid growing arrays that hold secrets.
void secureWipe(QByteArray& secret);

// RFC 5869 HKDF with SHA-256. `ikm` must not be empty; an empty `salt` means HashLen zero bytes (RFC 5869 §2.2);
// `info` is at most 1024 bytes (OpenSSL's limit); 1 <= length <= 8160.
Result<QByteArray> hkdfSha256(QByteArrayView ikm, QByteArrayView salt, QByteArrayView info, qsizetype length);

// PBKDF2-HMAC-SHA256 (RFC 8018). The caller picks `iterations` for its threat and hardware (OWASP's 2023 figure for
// stored password hashes is 600 000); iterations >= 1, length >= 1.
Result<QByteArray> pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, qsizetype length);

// AES-256-GCM with a 32-byte key, a 12-byte IV and a full 16-byte tag. An IV must never repeat under one key: use
// seal() unless a protocol fixes the IV.
struct GcmCiphertext {
    QByteArray ciphertext;  // same length as the plaintext
    QByteArray tag;         // 16 bytes
};
Result<GcmCiphertext> aesGcmEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView plaintext,
                                    QByteArrayView aad = {});
// Fails with "crypto.auth_failed" when the tag does not match; no plaintext is returned in that case.
Result<QByteArray> aesGcmDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView ciphertext, QByteArrayView tag,
                                 QByteArrayView aad = {});

// seal(): AES-256-GCM with a fresh random IV; the result is IV (12) || ciphertext || tag (16).
// open(): the inverse; `aad` must be the same bytes given to seal().
Result<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad = {});
Result<QByteArray> open(QByteArrayView key, QByteArrayView sealed, QByteArrayView aad = {});

// Public keys (`publicKey`, `peerPublicKey`, `recipientPublicKey` below) are accepted in either form:
//  - the 65-byte uncompressed SEC1 point 0x04 || X || Y, or
//  - a DER SubjectPublicKeyInfo (RFC 5480) holding a P-256 (prime256v1 / secp256r1) key.
// Keys on other curves and points not on the curve are rejected with "crypto.bad_public_key".

// An EC P-256 key pair. Move-only owner of an OpenSSL EVP_PKEY; a moved-from object holds no key and every
// operation on it fails with "crypto.bad_key".
class EcKeyPair {
public:
    static Result<EcKeyPair> generate();
    // PKCS#8 PrivateKeyInfo DER (unencrypted), as privateKeyDer() writes it. The pair is checked for consistency.
    static Result<EcKeyPair> fromPrivateKeyDer(QByteArrayView pkcs8Der);
    // A raw big-endian private scalar d, 32 bytes, 1 <= d < n. For known-answer tests and interoperability.
    static Result<EcKeyPair> fromPrivateScalar(QByteArrayView scalar);

    EcKeyPair(EcKeyPair&& other) noexcept;
    EcKeyPair& operator=(EcKeyPair&& other) noexcept;
    EcKeyPair(const EcKeyPair&) = delete;
    EcKeyPair& operator=(const EcKeyPair&) = delete;
    ~EcKeyPair();

    // PKCS#8 PrivateKeyInfo DER. This is the secret itself: the caller wipes it after use and never logs it.
    Result<QByteArray> privateKeyDer() const;
    // DER SubjectPublicKeyInfo.
    const QByteArray& publicKeyDer() const { return m_publicKeyDer; }
    // 65-byte uncompressed point 0x04 || X || Y.
    const QByteArray& publicKeyRaw() const { return m_publicKeyRaw; }

    // ECDH: the 32-byte X coordinate of (own private scalar) * (peer point). Raw shared secret: feed it to a KDF,
    // never use it as a key directly; wipe it after use.
    Result<QByteArray> ecdh(QByteArrayView peerPublicKey) const;

    // ECDSA over SHA-256(data); DER-encoded Ecdsa-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }), at most 72 bytes.
    Result<QByteArray> signSha256(QByteArrayView data) const;

    // Opens a message made by sealToPublicKey() for this key pair's public key with the same `info`.
    // "crypto.auth_failed": sealed to another key, for another purpose (info), or altered.
    Result<QByteArray> openSealed(QByteArrayView sealed, QByteArrayView info) const;

private:
    EcKeyPair(evp_pkey_st* key, QByteArray publicKeyDer, QByteArray publicKeyRaw);
    static Result<EcKeyPair> adopt(evp_pkey_st* key);

    evp_pkey_st* m_key = nullptr;
    QByteArray m_publicKeyDer;
    QByteArray m_publicKeyRaw;
};

// True only when `signature` is a valid DER ECDSA signature of SHA-256(data) by `publicKey` (either form above).
// Malformed keys or signatures give false.
bool verifyEcdsaSha256(QByteArrayView publicKey, QByteArrayView data, QByteArrayView signature);

// ECIES-style sealing to a P-256 public key (FacePOS sealed-box format, version 1). Part of the Terminal API: the
// backend seals the device secret to the device key this way, and the terminal seals face images to the backend key.
//
//   sealed = E (65) || IV (12) || C (len(plaintext)) || T (16)
//
//   E   ephemeral P-256 public key, uncompressed SEC1 point 0x04 || X || Y, fresh for every message
//   R   recipient public key as a 65-byte uncompressed point (also when the sender was given its SPKI DER)
//   Z   ECDH shared secret: the 32-byte big-endian X coordinate of e * R (e = ephemeral private scalar)
//   K   HKDF-SHA256(IKM = Z, salt = E || R (130 bytes), info = `info`, L = 32)
//   IV  12 random bytes
//   C,T AES-256-GCM(key = K, iv = IV, aad = empty, plaintext); T is the full 16-byte tag
//
// `info` names the purpose and binds the message to it (for example "facepos activation secret v1"); the opener
// must pass the same bytes. Minimum sealed length: 93 bytes (empty plaintext).
inline constexpr qsizetype kSealedBoxOverhead = kEcRawPublicKeySize + kGcmIvSize + kGcmTagSize;
Result<QByteArray> sealToPublicKey(QByteArrayView recipientPublicKey, QByteArrayView plaintext, QByteArrayView info);

}  // namespace facepos::crypto
