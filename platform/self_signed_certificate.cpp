#include "platform/self_signed_certificate.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QString>
#include <memory>

namespace facepos {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

Error opensslError(const char* step) {
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return makeError(QStringLiteral("tls.generate"),
                     QStringLiteral("Generating the self-signed certificate failed at %1: %2")
                         .arg(QLatin1String(step), QString::fromLatin1(text)));
}

QByteArray bioContents(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509* certificate, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

}  // namespace

Result<SelfSignedCertificate> generateSelfSignedCertificate(std::chrono::hours validity) {
    const PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key) return opensslError("EVP_EC_gen");

    const X509Ptr certificate(X509_new());
    if (!certificate) return opensslError("X509_new");
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1) return opensslError("RAND_bytes");
    serialBytes[0] &= 0x7f;  // a positive serial number
    const BignumPtr serial(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    if (!serial || BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())) == nullptr) {
        return opensslError("serial number");
    }
    X509_NAME* name = X509_get_subject_name(certificate.get());
    if (X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600L) == nullptr ||
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()), static_cast<long>(validity.count()) * 3600) == nullptr ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1,
                                   -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("FacePOS"), -1, -1,
                                   0) != 1 ||
        X509_set_issuer_name(certificate.get(), name) != 1 || X509_set_pubkey(certificate.get(), key.get()) != 1) {
        return opensslError("certificate fields");
    }
    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE") ||
        !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature,keyCertSign") ||
        !addExtension(certificate.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1") ||
        !addExtension(certificate.get(), NID_subject_key_identifier, "hash")) {
        return opensslError("certificate extensions");
    }
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0) return opensslError("X509_sign");

    SelfSignedCertificate result;
    {
        const BioPtr bio(BIO_new(BIO_s_mem()));
        if (!bio || PEM_write_bio_X509(bio.get(), certificate.get()) != 1) return opensslError("PEM_write_bio_X509");
        result.certificatePem = bioContents(bio.get());
    }
    {
        const BioPtr bio(BIO_new(BIO_s_mem()));
        if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
            return opensslError("PEM_write_bio_PrivateKey");
        }
        result.privateKeyPem = bioContents(bio.get());
    }
    {
        unsigned char* der = nullptr;
        const int derSize = i2d_PUBKEY(key.get(), &der);
        if (derSize <= 0) return opensslError("i2d_PUBKEY");
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int digestSize = 0;
        const int digested = EVP_Digest(der, static_cast<size_t>(derSize), digest, &digestSize, EVP_sha256(), nullptr);
        OPENSSL_free(der);
        if (digested != 1) return opensslError("EVP_Digest");
        result.publicKeyPin =
            "sha256//" +
            QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(digestSize)).toBase64();
    }
    return result;
}

}  // namespace facepos
