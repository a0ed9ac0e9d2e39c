#include "platform/crypto.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <QStringList>
#include <climits>
#include <memory>
#include <utility>

namespace facepos::crypto {
namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const {
        Free(p);
    }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX_free>>;
using KdfPtr = std::unique_ptr<EVP_KDF, Deleter<EVP_KDF_free>>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, Deleter<EVP_KDF_CTX_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_clear_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, Deleter<BN_CTX_free>>;
using GroupPtr = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP_free>>;
using PointPtr = std::unique_ptr<EC_POINT, Deleter<EC_POINT_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using ParamsPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;
using EncoderCtxPtr = std::unique_ptr<OSSL_ENCODER_CTX, Deleter<OSSL_ENCODER_CTX_free>>;
using DecoderCtxPtr = std::unique_ptr<OSSL_DECODER_CTX, Deleter<OSSL_DECODER_CTX_free>>;

// OpenSSL's name for P-256.
constexpr char kCurveName[] = "prime256v1";
// OpenSSL's HKDF refuses longer info.
constexpr qsizetype kHkdfMaxInfoLength = 1024;

// OpenSSL rejects null pointers even for zero lengths in places; an empty view may have a null data().
const unsigned char* bytes(QByteArrayView v) {
    static const unsigned char kEmpty = 0;
    return v.isEmpty() ? &kEmpty : reinterpret_cast<const unsigned char*>(v.data());
}
unsigned char* bytes(QByteArray& a) {
    return reinterpret_cast<unsigned char*>(a.data());
}
// OSSL_PARAM takes non-const buffers even where it only reads them.
void* paramBytes(QByteArrayView v) {
    return const_cast<unsigned char*>(bytes(v));
}

// Takes and clears the thread's OpenSSL error queue, so a stale entry never shows up in a later, unrelated failure.
QString drainOpensslErrors() {
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        parts << QString::fromLatin1(text);
    }
    return parts.join(QStringLiteral("; "));
}

Error internalError(const QString& what) {
    const QString detail = drainOpensslErrors();
    return makeError(QStringLiteral("crypto.internal"),
                     QStringLiteral("%1 failed inside OpenSSL%2. Restart the terminal; if this persists, the OpenSSL "
                                    "installation is damaged and the firmware must be reinstalled.")
                         .arg(what, detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail)));
}

Error badInput(const QString& message) {
    ERR_clear_error();
    return makeError(QStringLiteral("crypto.bad_input"), message);
}

Error badPublicKey(const QString& why) {
    ERR_clear_error();
    return makeError(QStringLiteral("crypto.bad_public_key"),
                     QStringLiteral("The public key is not usable: %1. Expected a P-256 key as a 65-byte uncompressed "
                                    "point or a DER SubjectPublicKeyInfo.")
                         .arg(why));
}

Error noKey() {
    return makeError(QStringLiteral("crypto.bad_key"),
                     QStringLiteral("This EcKeyPair holds no key (it was moved from); this is a programming error."));
}

// EVP lengths are int: refuse anything that would not fit rather than truncate silently.
bool fitsInt(QByteArrayView v) {
    return v.size() <= INT_MAX;
}

Result<void> checkAesKey(QByteArrayView key) {
    if (key.size() != kAesKeySize) {
        return makeError(
            QStringLiteral("crypto.bad_key"),
            QStringLiteral("AES-256-GCM needs a %1-byte key; got %2 bytes.").arg(kAesKeySize).arg(key.size()));
    }
    return {};
}

Result<void> checkGcmIv(QByteArrayView iv) {
    if (iv.size() != kGcmIvSize) {
        return badInput(QStringLiteral("AES-256-GCM needs a %1-byte IV; got %2 bytes.").arg(kGcmIvSize).arg(iv.size()));
    }
    return {};
}

bool isP256(const EVP_PKEY* key) {
    if (EVP_PKEY_is_a(key, "EC") != 1) return false;
    char name[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_group_name(key, name, sizeof name, &length) != 1) return false;
    return OBJ_sn2nid(name) == NID_X9_62_prime256v1 || EC_curve_nist2nid(name) == NID_X9_62_prime256v1;
}

// The key's public point as 0x04 || X || Y, whatever point format it was decoded from.
Result<QByteArray> uncompressedPoint(EVP_PKEY* key) {
    char format[] = OSSL_PKEY_EC_POINT_CONVERSION_FORMAT_UNCOMPRESSED;
    if (EVP_PKEY_set_utf8_string_param(key, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, format) != 1) {
        return internalError(QStringLiteral("Selecting the uncompressed EC point format"));
    }
    QByteArray raw(kEcRawPublicKeySize, Qt::Uninitialized);
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, bytes(raw), size_t(raw.size()),
                                        &length) != 1 ||
        length != size_t(kEcRawPublicKeySize) || raw.at(0) != 0x04) {
        return internalError(QStringLiteral("Reading the EC public point"));
    }
    return raw;
}

bool passesPublicCheck(EVP_PKEY* key) {
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    return ctx && EVP_PKEY_public_check(ctx.get()) == 1;
}

Result<PkeyPtr> importRawPoint(QByteArrayView point) {
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(kCurveName), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, paramBytes(point), size_t(point.size())),
        OSSL_PARAM_construct_end(),
    };
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return internalError(QStringLiteral("Preparing an EC import"));
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        return badPublicKey(QStringLiteral("the 65-byte point is not on the P-256 curve"));
    }
    return PkeyPtr(key);
}

Result<PkeyPtr> importSpki(QByteArrayView der) {
    if (!fitsInt(der)) return badPublicKey(QStringLiteral("the key is far too large"));
    const unsigned char* cursor = bytes(der);
    PkeyPtr key(d2i_PUBKEY(nullptr, &cursor, long(der.size())));
    if (!key) return badPublicKey(QStringLiteral("it is neither a 65-byte point nor a DER SubjectPublicKeyInfo"));
    if (cursor != bytes(der) + der.size()) return badPublicKey(QStringLiteral("trailing bytes follow the DER key"));
    if (!isP256(key.get())) return badPublicKey(QStringLiteral("it is not an EC key on the P-256 curve"));
    return key;
}

// Parses either public key form and checks the point lies on P-256 (not the identity, right order), so a peer
// cannot steer ECDH onto a weak point.
Result<PkeyPtr> parsePublicKey(QByteArrayView publicKey) {
    Result<PkeyPtr> key = (publicKey.size() == kEcRawPublicKeySize && publicKey.at(0) == 0x04)
                              ? importRawPoint(publicKey)
                              : importSpki(publicKey);
    if (!key) return key;
    if (!passesPublicCheck(key->get())) return badPublicKey(QStringLiteral("the point fails the P-256 validity check"));
    return key;
}

Result<QByteArray> deriveShared(EVP_PKEY* own, EVP_PKEY* peer) {
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1) return internalError(QStringLiteral("Preparing ECDH"));
    if (EVP_PKEY_derive_set_peer_ex(ctx.get(), peer, 1) != 1) {
        return badPublicKey(QStringLiteral("OpenSSL refused it as an ECDH peer"));
    }
    QByteArray secret(kEcdhSecretSize, Qt::Uninitialized);
    size_t length = size_t(secret.size());
    if (EVP_PKEY_derive(ctx.get(), bytes(secret), &length) != 1 || length != size_t(kEcdhSecretSize)) {
        secureWipe(secret);
        return internalError(QStringLiteral("ECDH key agreement"));
    }
    return secret;
}

Result<QByteArray> sealedBoxKey(QByteArray& sharedSecret, QByteArrayView ephemeralRaw, QByteArrayView recipientRaw,
                                QByteArrayView info) {
    QByteArray salt;
    salt.reserve(2 * kEcRawPublicKeySize);
    salt.append(ephemeralRaw).append(recipientRaw);
    Result<QByteArray> key = hkdfSha256(sharedSecret, salt, info, kAesKeySize);
    secureWipe(sharedSecret);
    return key;
}

// OpenSSL 3 looks an algorithm up in its provider store (under a lock) on every "fetch"; the one-shot EVP_Q_*
// helpers fetch on every call, which dominated the cost of signing a Terminal API message. The fetched SHA-256 is
// immutable and may be shared by all threads.
const EVP_MD* sha256Algorithm() {
    static const std::unique_ptr<EVP_MD, Deleter<EVP_MD_free>> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    return md.get();
}

// An HMAC-SHA256 context per thread with its digest already set, so each MAC only re-keys it (EVP_MAC_init with
// a new key). It keeps the last key's HMAC state until the thread's next MAC or its end, in the same process memory
// that holds the key itself.
EVP_MAC_CTX* threadHmacContext() {
    thread_local const std::unique_ptr<EVP_MAC_CTX, Deleter<EVP_MAC_CTX_free>> context = [] {
        std::unique_ptr<EVP_MAC, Deleter<EVP_MAC_free>> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
        std::unique_ptr<EVP_MAC_CTX, Deleter<EVP_MAC_CTX_free>> ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
        char digest[] = "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                     OSSL_PARAM_construct_end()};
        if (ctx && EVP_MAC_CTX_set_params(ctx.get(), params) != 1) ctx.reset();
        return ctx;
    }();
    return context.get();
}

}  // namespace

Result<QByteArray> sha256(QByteArrayView data) {
    QByteArray digest(kSha256Size, Qt::Uninitialized);
    unsigned int length = 0;
    const EVP_MD* md = sha256Algorithm();
    if (!md || EVP_Digest(bytes(data), size_t(data.size()), bytes(digest), &length, md, nullptr) != 1 ||
        length != unsigned(kSha256Size)) {
        return internalError(QStringLiteral("SHA-256"));
    }
    return digest;
}

Result<QByteArray> hmacSha256(QByteArrayView key, QByteArrayView data) {
    QByteArray mac(kSha256Size, Qt::Uninitialized);
    size_t length = 0;
    EVP_MAC_CTX* ctx = threadHmacContext();
    if (!ctx || EVP_MAC_init(ctx, bytes(key), size_t(key.size()), nullptr) != 1 ||
        EVP_MAC_update(ctx, bytes(data), size_t(data.size())) != 1 ||
        EVP_MAC_final(ctx, bytes(mac), &length, size_t(mac.size())) != 1 || length != size_t(kSha256Size)) {
        return internalError(QStringLiteral("HMAC-SHA256"));
    }
    return mac;
}

Result<QByteArray> randomBytes(qsizetype n) {
    if (n < 0 || n > INT_MAX) return badInput(QStringLiteral("Cannot draw %1 random bytes.").arg(n));
    QByteArray out(n, Qt::Uninitialized);
    if (n > 0 && RAND_bytes(bytes(out), int(n)) != 1) return internalError(QStringLiteral("The random generator"));
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(bytes(a), bytes(b), size_t(a.size())) == 0;
}

void secureWipe(QByteArray& secret) {
    if (!secret.isEmpty()) OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret.clear();
}

Result<QByteArray> hkdfSha256(QByteArrayView ikm, QByteArrayView salt, QByteArrayView info, qsizetype length) {
    if (ikm.isEmpty()) return badInput(QStringLiteral("HKDF needs non-empty input key material."));
    if (info.size() > kHkdfMaxInfoLength) {
        return badInput(
            QStringLiteral("HKDF info must be at most %1 bytes; got %2.").arg(kHkdfMaxInfoLength).arg(info.size()));
    }
    if (length < 1 || length > kHkdfSha256MaxLength) {
        return badInput(QStringLiteral("HKDF-SHA256 output length must be 1..%1 bytes; %2 was requested.")
                            .arg(kHkdfSha256MaxLength)
                            .arg(length));
    }
    KdfPtr kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
    KdfCtxPtr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!ctx) return internalError(QStringLiteral("Preparing HKDF"));

    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    OSSL_PARAM* p = params;
    *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, paramBytes(ikm), size_t(ikm.size()));
    // OpenSSL treats a zero-length salt or info as absent, which is what RFC 5869 specifies for them.
    if (!salt.isEmpty()) {
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, paramBytes(salt), size_t(salt.size()));
    }
    if (!info.isEmpty()) {
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, paramBytes(info), size_t(info.size()));
    }
    *p = OSSL_PARAM_construct_end();

    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), bytes(out), size_t(length), params) != 1) {
        secureWipe(out);
        return internalError(QStringLiteral("HKDF-SHA256"));
    }
    return out;
}

Result<QByteArray> pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, qsizetype length) {
    if (iterations < 1) return badInput(QStringLiteral("PBKDF2 needs at least one iteration; got %1.").arg(iterations));
    if (length < 1 || length > INT_MAX) {
        return badInput(QStringLiteral("PBKDF2 output length must be at least 1 byte; %1 was requested.").arg(length));
    }
    if (!fitsInt(password) || !fitsInt(salt)) return badInput(QStringLiteral("PBKDF2 password or salt is too large."));
    QByteArray out(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(bytes(password)), int(password.size()), bytes(salt),
                          int(salt.size()), iterations, EVP_sha256(), int(length), bytes(out)) != 1) {
        secureWipe(out);
        return internalError(QStringLiteral("PBKDF2-HMAC-SHA256"));
    }
    return out;
}

Result<GcmCiphertext> aesGcmEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView plaintext,
                                    QByteArrayView aad) {
    if (auto ok = checkAesKey(key); !ok) return ok.error();
    if (auto ok = checkGcmIv(iv); !ok) return ok.error();
    if (!fitsInt(plaintext) || !fitsInt(aad)) return badInput(QStringLiteral("AES-GCM input is too large."));

    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key), bytes(iv), nullptr) != 1) {
        return internalError(QStringLiteral("Preparing AES-256-GCM encryption"));
    }
    int written = 0;
    if (!aad.isEmpty() && EVP_EncryptUpdate(ctx.get(), nullptr, &written, bytes(aad), int(aad.size())) != 1) {
        return internalError(QStringLiteral("AES-256-GCM (associated data)"));
    }
    GcmCiphertext out{QByteArray(plaintext.size(), Qt::Uninitialized), QByteArray(kGcmTagSize, Qt::Uninitialized)};
    if (!plaintext.isEmpty() &&
        (EVP_EncryptUpdate(ctx.get(), bytes(out.ciphertext), &written, bytes(plaintext), int(plaintext.size())) != 1 ||
         written != plaintext.size())) {
        return internalError(QStringLiteral("AES-256-GCM encryption"));
    }
    unsigned char finalBlock[16];  // GCM is a stream mode: Final writes nothing, but it needs a valid buffer.
    if (EVP_EncryptFinal_ex(ctx.get(), finalBlock, &written) != 1 || written != 0 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, int(kGcmTagSize), out.tag.data()) != 1) {
        return internalError(QStringLiteral("AES-256-GCM encryption"));
    }
    return out;
}

Result<QByteArray> aesGcmDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView ciphertext, QByteArrayView tag,
                                 QByteArrayView aad) {
    if (auto ok = checkAesKey(key); !ok) return ok.error();
    if (auto ok = checkGcmIv(iv); !ok) return ok.error();
    if (tag.size() != kGcmTagSize) {
        return badInput(QStringLiteral("AES-256-GCM needs a %1-byte tag; got %2 bytes (truncated tags are refused).")
                            .arg(kGcmTagSize)
                            .arg(tag.size()));
    }
    if (!fitsInt(ciphertext) || !fitsInt(aad)) return badInput(QStringLiteral("AES-GCM input is too large."));

    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key), bytes(iv), nullptr) != 1) {
        return internalError(QStringLiteral("Preparing AES-256-GCM decryption"));
    }
    int written = 0;
    if (!aad.isEmpty() && EVP_DecryptUpdate(ctx.get(), nullptr, &written, bytes(aad), int(aad.size())) != 1) {
        return internalError(QStringLiteral("AES-256-GCM (associated data)"));
    }
    QByteArray plaintext(ciphertext.size(), Qt::Uninitialized);
    if (!ciphertext.isEmpty() &&
        (EVP_DecryptUpdate(ctx.get(), bytes(plaintext), &written, bytes(ciphertext), int(ciphertext.size())) != 1 ||
         written != ciphertext.size())) {
        secureWipe(plaintext);
        return internalError(QStringLiteral("AES-256-GCM decryption"));
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, int(kGcmTagSize), paramBytes(tag)) != 1) {
        secureWipe(plaintext);
        return internalError(QStringLiteral("AES-256-GCM decryption"));
    }
    unsigned char finalBlock[16];
    if (EVP_DecryptFinal_ex(ctx.get(), finalBlock, &written) != 1) {
        // Unverified plaintext must not leave this function, nor linger in memory.
        secureWipe(plaintext);
        ERR_clear_error();
        return makeError(QStringLiteral("crypto.auth_failed"),
                         QStringLiteral("The encrypted data failed its integrity check: it was altered or truncated, "
                                        "or it was encrypted with a different key or context."));
    }
    return plaintext;
}

Result<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad) {
    if (auto ok = checkAesKey(key); !ok) return ok.error();
    Result<QByteArray> iv = randomBytes(kGcmIvSize);
    if (!iv) return iv.error();
    Result<GcmCiphertext> encrypted = aesGcmEncrypt(key, *iv, plaintext, aad);
    if (!encrypted) return encrypted.error();
    QByteArray sealed;
    sealed.reserve(kGcmIvSize + plaintext.size() + kGcmTagSize);
    sealed.append(*iv).append(encrypted->ciphertext).append(encrypted->tag);
    return sealed;
}

Result<QByteArray> open(QByteArrayView key, QByteArrayView sealed, QByteArrayView aad) {
    if (sealed.size() < kGcmIvSize + kGcmTagSize) {
        return badInput(QStringLiteral("The sealed data is %1 bytes, shorter than the %2 bytes of IV and tag: it was "
                                       "truncated or is not sealed data.")
                            .arg(sealed.size())
                            .arg(kGcmIvSize + kGcmTagSize));
    }
    return aesGcmDecrypt(key, sealed.first(kGcmIvSize),
                         sealed.sliced(kGcmIvSize, sealed.size() - kGcmIvSize - kGcmTagSize), sealed.last(kGcmTagSize),
                         aad);
}

EcKeyPair::EcKeyPair(evp_pkey_st* key, QByteArray publicKeyDer, QByteArray publicKeyRaw)
    : m_key(key), m_publicKeyDer(std::move(publicKeyDer)), m_publicKeyRaw(std::move(publicKeyRaw)) {}

EcKeyPair::EcKeyPair(EcKeyPair&& other) noexcept
    : m_key(std::exchange(other.m_key, nullptr)),
      m_publicKeyDer(std::move(other.m_publicKeyDer)),
      m_publicKeyRaw(std::move(other.m_publicKeyRaw)) {}

EcKeyPair& EcKeyPair::operator=(EcKeyPair&& other) noexcept {
    if (this != &other) {
        EVP_PKEY_free(m_key);
        m_key = std::exchange(other.m_key, nullptr);
        m_publicKeyDer = std::move(other.m_publicKeyDer);
        m_publicKeyRaw = std::move(other.m_publicKeyRaw);
    }
    return *this;
}

// EVP_PKEY_free clears the private scalar before releasing it.
EcKeyPair::~EcKeyPair() {
    EVP_PKEY_free(m_key);
}

// Takes ownership of `key` (also on failure) and caches the public encodings, which never change.
Result<EcKeyPair> EcKeyPair::adopt(evp_pkey_st* key) {
    PkeyPtr owned(key);
    if (!owned || !isP256(owned.get())) {
        return makeError(QStringLiteral("crypto.bad_key"), QStringLiteral("The private key is not a P-256 EC key."));
    }
    Result<QByteArray> raw = uncompressedPoint(owned.get());
    if (!raw) return raw.error();
    unsigned char* der = nullptr;
    const int derLength = i2d_PUBKEY(owned.get(), &der);
    if (derLength <= 0) return internalError(QStringLiteral("Encoding the public key"));
    QByteArray spki(reinterpret_cast<const char*>(der), derLength);
    OPENSSL_free(der);
    return EcKeyPair(owned.release(), std::move(spki), std::move(*raw));
}

Result<EcKeyPair> EcKeyPair::generate() {
    EVP_PKEY* key = EVP_EC_gen(kCurveName);
    if (key == nullptr) return internalError(QStringLiteral("Generating a P-256 key pair"));
    return adopt(key);
}

Result<EcKeyPair> EcKeyPair::fromPrivateKeyDer(QByteArrayView pkcs8Der) {
    EVP_PKEY* key = nullptr;
    DecoderCtxPtr decoder(
        OSSL_DECODER_CTX_new_for_pkey(&key, "DER", "PrivateKeyInfo", "EC", EVP_PKEY_KEYPAIR, nullptr, nullptr));
    if (!decoder) return internalError(QStringLiteral("Preparing the private key decoder"));
    const unsigned char* cursor = bytes(pkcs8Der);
    size_t remaining = size_t(pkcs8Der.size());
    if (OSSL_DECODER_from_data(decoder.get(), &cursor, &remaining) != 1 || key == nullptr || remaining != 0) {
        EVP_PKEY_free(key);
        ERR_clear_error();
        return makeError(QStringLiteral("crypto.bad_key"),
                         QStringLiteral("The private key is not an unencrypted PKCS#8 DER EC key."));
    }
    PkeyPtr owned(key);
    PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, owned.get(), nullptr));
    if (!check || EVP_PKEY_pairwise_check(check.get()) != 1) {
        ERR_clear_error();
        return makeError(QStringLiteral("crypto.bad_key"),
                         QStringLiteral("The private key is inconsistent: its public part does not match its scalar."));
    }
    return adopt(owned.release());
}

Result<EcKeyPair> EcKeyPair::fromPrivateScalar(QByteArrayView scalar) {
    if (scalar.size() != kEcPrivateScalarSize) {
        return makeError(QStringLiteral("crypto.bad_key"),
                         QStringLiteral("A P-256 private scalar is %1 bytes; got %2 bytes.")
                             .arg(kEcPrivateScalarSize)
                             .arg(scalar.size()));
    }
    GroupPtr group(EC_GROUP_new_by_curve_name_ex(nullptr, nullptr, NID_X9_62_prime256v1));
    BnCtxPtr bnCtx(BN_CTX_secure_new());
    // Secure BIGNUMs make OSSL_PARAM_BLD place the scalar in memory that OSSL_PARAM_free clears.
    BnPtr d(BN_secure_new());
    PointPtr point(group ? EC_POINT_new(group.get()) : nullptr);
    if (!group || !bnCtx || !d || !point || BN_bin2bn(bytes(scalar), int(scalar.size()), d.get()) == nullptr) {
        return internalError(QStringLiteral("Preparing a P-256 private key import"));
    }
    if (BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0) {
        return makeError(QStringLiteral("crypto.bad_key"),
                         QStringLiteral("The P-256 private scalar is out of range (it must be 1 .. n-1)."));
    }
    // Computing the public point here: OpenSSL 3.0's EC import does not derive it from the scalar.
    unsigned char raw[kEcRawPublicKeySize];
    if (EC_POINT_mul(group.get(), point.get(), d.get(), nullptr, nullptr, bnCtx.get()) != 1 ||
        EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, raw, sizeof raw, bnCtx.get()) !=
            sizeof raw) {
        return internalError(QStringLiteral("Computing the P-256 public point"));
    }
    ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, kCurveName, 0) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, raw, sizeof raw) != 1) {
        return internalError(QStringLiteral("Preparing a P-256 private key import"));
    }
    ParamsPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_KEYPAIR, params.get()) != 1) {
        return internalError(QStringLiteral("Importing a P-256 private key"));
    }
    return adopt(key);
}

Result<QByteArray> EcKeyPair::privateKeyDer() const {
    if (m_key == nullptr) return noKey();
    EncoderCtxPtr encoder(OSSL_ENCODER_CTX_new_for_pkey(m_key, EVP_PKEY_KEYPAIR, "DER", "PrivateKeyInfo", nullptr));
    unsigned char* data = nullptr;
    size_t length = 0;
    if (!encoder || OSSL_ENCODER_CTX_get_num_encoders(encoder.get()) == 0 ||
        OSSL_ENCODER_to_data(encoder.get(), &data, &length) != 1) {
        return internalError(QStringLiteral("Encoding the private key"));
    }
    QByteArray der(reinterpret_cast<const char*>(data), qsizetype(length));
    OPENSSL_clear_free(data, length);
    return der;
}

Result<QByteArray> EcKeyPair::ecdh(QByteArrayView peerPublicKey) const {
    if (m_key == nullptr) return noKey();
    Result<PkeyPtr> peer = parsePublicKey(peerPublicKey);
    if (!peer) return peer.error();
    return deriveShared(m_key, peer->get());
}

Result<QByteArray> EcKeyPair::signSha256(QByteArrayView data) const {
    if (m_key == nullptr) return noKey();
    MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, m_key, nullptr) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, bytes(data), size_t(data.size())) != 1) {
        return internalError(QStringLiteral("Preparing an ECDSA signature"));
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), bytes(signature), &length, bytes(data), size_t(data.size())) != 1) {
        return internalError(QStringLiteral("ECDSA signing"));
    }
    signature.truncate(qsizetype(length));
    return signature;
}

Result<QByteArray> EcKeyPair::openSealed(QByteArrayView sealed, QByteArrayView info) const {
    if (m_key == nullptr) return noKey();
    if (sealed.size() < kSealedBoxOverhead) {
        return badInput(QStringLiteral("The sealed message is %1 bytes, shorter than the minimum of %2: it was "
                                       "truncated or is not a sealed message.")
                            .arg(sealed.size())
                            .arg(kSealedBoxOverhead));
    }
    const QByteArrayView ephemeral = sealed.first(kEcRawPublicKeySize);
    const QByteArrayView iv = sealed.sliced(kEcRawPublicKeySize, kGcmIvSize);
    const QByteArrayView ciphertext =
        sealed.sliced(kEcRawPublicKeySize + kGcmIvSize, sealed.size() - kSealedBoxOverhead);
    const QByteArrayView tag = sealed.last(kGcmTagSize);

    Result<QByteArray> shared = ecdh(ephemeral);
    if (!shared && shared.error().code != QLatin1String("crypto.bad_public_key")) return shared.error();
    if (!shared) {
        return badInput(
            QStringLiteral("The sealed message does not start with a valid ephemeral P-256 point: it was "
                           "altered or is not a sealed message."));
    }
    Result<QByteArray> key = sealedBoxKey(*shared, ephemeral, m_publicKeyRaw, info);
    if (!key) return key.error();
    Result<QByteArray> plaintext = aesGcmDecrypt(*key, iv, ciphertext, tag);
    secureWipe(*key);
    if (!plaintext && plaintext.error().code == QLatin1String("crypto.auth_failed")) {
        return makeError(QStringLiteral("crypto.auth_failed"),
                         QStringLiteral("The sealed message cannot be opened with this key: it was sealed to another "
                                        "key or for another purpose, or it was altered."));
    }
    return plaintext;
}

bool verifyEcdsaSha256(QByteArrayView publicKey, QByteArrayView data, QByteArrayView signature) {
    Result<PkeyPtr> key = parsePublicKey(publicKey);
    if (!key || signature.isEmpty()) return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool valid =
        ctx && EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key->get(), nullptr) == 1 &&
        EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(data), size_t(data.size())) == 1;
    ERR_clear_error();
    return valid;
}

Result<QByteArray> sealToPublicKey(QByteArrayView recipientPublicKey, QByteArrayView plaintext, QByteArrayView info) {
    Result<PkeyPtr> recipient = parsePublicKey(recipientPublicKey);
    if (!recipient) return recipient.error();
    Result<QByteArray> recipientRaw = uncompressedPoint(recipient->get());
    if (!recipientRaw) return recipientRaw.error();

    Result<EcKeyPair> ephemeral = EcKeyPair::generate();
    if (!ephemeral) return ephemeral.error();
    Result<QByteArray> shared = ephemeral->ecdh(*recipientRaw);
    if (!shared) return shared.error();
    Result<QByteArray> key = sealedBoxKey(*shared, ephemeral->publicKeyRaw(), *recipientRaw, info);
    if (!key) return key.error();
    Result<QByteArray> boxed = seal(*key, plaintext);
    secureWipe(*key);
    if (!boxed) return boxed.error();

    QByteArray sealed;
    sealed.reserve(kEcRawPublicKeySize + boxed->size());
    sealed.append(ephemeral->publicKeyRaw()).append(*boxed);
    return sealed;
}

}  // namespace facepos::crypto
