#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>

#include "platform/crypto.h"

// Readable failure output for QString comparisons (error codes, messages).
void PrintTo(const QString& text, std::ostream* os) {
    *os << '"' << text.toStdString() << '"';
}

namespace facepos::crypto {
namespace {

// Hex with any spacing, as the published vectors print it.
QByteArray hex(const char* text) {
    return QByteArray::fromHex(text);
}

std::string hexOf(const QByteArray& bytes) {
    return bytes.toHex().toStdString();
}

// Names parameterised cases after the published test case they quote.
struct VectorName {
    template <typename Vector>
    std::string operator()(const ::testing::TestParamInfo<Vector>& param) const {
        return param.param.name;
    }
};

// ---- SHA-256: FIPS 180-2, Appendix B.1 and B.2 ----

TEST(Sha256, MatchesFips180OneBlockMessageAbc) {
    const Result<QByteArray> digest = sha256("abc");
    ASSERT_TRUE(digest.ok()) << digest.error().message.toStdString();
    EXPECT_EQ(hexOf(*digest), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, MatchesFips180MultiBlock448BitMessage) {
    const Result<QByteArray> digest = sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
    ASSERT_TRUE(digest.ok()) << digest.error().message.toStdString();
    EXPECT_EQ(hexOf(*digest), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

// ---- HMAC-SHA256: RFC 4231 §4.2-4.8 ----

struct HmacVector {
    const char* name;
    QByteArray key;
    QByteArray data;
    const char* mac;  // hex; test case 5 gives only the leftmost 128 bits
};

class HmacSha256Rfc4231 : public ::testing::TestWithParam<HmacVector> {};

TEST_P(HmacSha256Rfc4231, MatchesPublishedMac) {
    const HmacVector& v = GetParam();
    const Result<QByteArray> mac = hmacSha256(v.key, v.data);
    ASSERT_TRUE(mac.ok()) << mac.error().message.toStdString();
    const QByteArray expected = hex(v.mac);
    EXPECT_EQ(hexOf(mac->first(expected.size())), hexOf(expected));
}

INSTANTIATE_TEST_SUITE_P(
    Rfc4231, HmacSha256Rfc4231,
    ::testing::Values(
        HmacVector{"Case1", QByteArray(20, '\x0b'), "Hi There",
                   "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        HmacVector{"Case2", "Jefe", "what do ya want for nothing?",
                   "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        HmacVector{"Case3", QByteArray(20, '\xaa'), QByteArray(50, '\xdd'),
                   "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        HmacVector{"Case4", hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), QByteArray(50, '\xcd'),
                   "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        HmacVector{"Case5Truncated128", QByteArray(20, '\x0c'), "Test With Truncation",
                   "a3b6167473100ee06e0c796c2955552b"},
        HmacVector{"Case6", QByteArray(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
                   "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        HmacVector{"Case7", QByteArray(131, '\xaa'),
                   "This is a test using a larger than block-size key and a larger than block-size data. The key "
                   "needs to be hashed before being used by the HMAC algorithm.",
                   "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"}),
    VectorName());

// The empty-key, empty-message value listed in Wikipedia's "HMAC" article (Examples section).
TEST(HmacSha256, AcceptsEmptyKeyAndMessage) {
    const Result<QByteArray> mac = hmacSha256({}, {});
    ASSERT_TRUE(mac.ok()) << mac.error().message.toStdString();
    EXPECT_EQ(hexOf(*mac), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

// ---- HKDF-SHA256: RFC 5869 Appendix A.1-A.3 ----

struct HkdfVector {
    const char* name;
    QByteArray ikm;
    QByteArray salt;
    QByteArray info;
    qsizetype length;
    const char* okm;
};

QByteArray byteRange(int from, int to) {
    QByteArray out;
    for (int b = from; b <= to; ++b) out.append(char(b));
    return out;
}

class HkdfSha256Rfc5869 : public ::testing::TestWithParam<HkdfVector> {};

TEST_P(HkdfSha256Rfc5869, MatchesPublishedOkm) {
    const HkdfVector& v = GetParam();
    const Result<QByteArray> okm = hkdfSha256(v.ikm, v.salt, v.info, v.length);
    ASSERT_TRUE(okm.ok()) << okm.error().message.toStdString();
    EXPECT_EQ(hexOf(*okm), hexOf(hex(v.okm)));
}

INSTANTIATE_TEST_SUITE_P(
    Rfc5869, HkdfSha256Rfc5869,
    ::testing::Values(
        HkdfVector{"Case1BasicTest", QByteArray(22, '\x0b'), byteRange(0x00, 0x0c), byteRange(0xf0, 0xf9), 42,
                   "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},
        HkdfVector{"Case2LongInputsAndOutput", byteRange(0x00, 0x4f), byteRange(0x60, 0xaf), byteRange(0xb0, 0xff), 82,
                   "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                   "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                   "cc30c58179ec3e87c14c01d5c1f3434f1d87"},
        HkdfVector{"Case3EmptySaltAndInfo", QByteArray(22, '\x0b'), QByteArray(), QByteArray(), 42,
                   "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"}),
    VectorName());

TEST(HkdfSha256, RejectsOutputLongerThan255Blocks) {
    const Result<QByteArray> okm = hkdfSha256("ikm", "salt", "info", kHkdfSha256MaxLength + 1);
    ASSERT_FALSE(okm.ok());
    EXPECT_EQ(okm.error().code, "crypto.bad_input");
}

TEST(HkdfSha256, RejectsInfoLongerThanOpensslAccepts) {
    const Result<QByteArray> okm = hkdfSha256("ikm", "salt", QByteArray(1025, 'i'), 32);
    ASSERT_FALSE(okm.ok());
    EXPECT_EQ(okm.error().code, "crypto.bad_input");
}

TEST(HkdfSha256, RejectsEmptyInputKeyMaterial) {
    const Result<QByteArray> okm = hkdfSha256({}, "salt", "info", 32);
    ASSERT_FALSE(okm.ok());
    EXPECT_EQ(okm.error().code, "crypto.bad_input");
}

// ---- PBKDF2-HMAC-SHA256: RFC 7914 §11 ----

TEST(Pbkdf2Sha256, MatchesRfc7914OneIteration) {
    const Result<QByteArray> dk = pbkdf2Sha256("passwd", "salt", 1, 64);
    ASSERT_TRUE(dk.ok()) << dk.error().message.toStdString();
    EXPECT_EQ(hexOf(*dk), hexOf(hex("55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05"
                                    "f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc"
                                    "49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31"
                                    "7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83")));
}

TEST(Pbkdf2Sha256, MatchesRfc7914EightyThousandIterations) {
    const Result<QByteArray> dk = pbkdf2Sha256("Password", "NaCl", 80000, 64);
    ASSERT_TRUE(dk.ok()) << dk.error().message.toStdString();
    EXPECT_EQ(hexOf(*dk), hexOf(hex("4d dc d8 f6 0b 98 be 21 83 0c ee 5e f2 27 01 f9"
                                    "64 1a 44 18 d0 4c 04 14 ae ff 08 87 6b 34 ab 56"
                                    "a1 d4 25 a1 22 58 33 54 9a db 84 1b 51 c9 b3 17"
                                    "6a 27 2b de bb a1 d0 78 47 8f 62 b3 97 f3 3c 8d")));
}

TEST(Pbkdf2Sha256, RejectsZeroIterations) {
    const Result<QByteArray> dk = pbkdf2Sha256("passwd", "salt", 0, 32);
    ASSERT_FALSE(dk.ok());
    EXPECT_EQ(dk.error().code, "crypto.bad_input");
}

// ---- AES-256-GCM: McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", Appendix B, test cases 13-16
// (the 256-bit key cases, also in NIST's GCM validation examples) ----

struct GcmVector {
    const char* name;
    QByteArray key;
    QByteArray iv;
    QByteArray plaintext;
    QByteArray aad;
    const char* ciphertext;
    const char* tag;
};

const QByteArray kGcmKey15 = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
const QByteArray kGcmIv15 = hex("cafebabefacedbaddecaf888");
const QByteArray kGcmPlaintext15 =
    hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
const char* const kGcmCiphertext15 =
    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
    "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

class AesGcmMcGrewViega : public ::testing::TestWithParam<GcmVector> {};

TEST_P(AesGcmMcGrewViega, EncryptMatchesPublishedCiphertextAndTag) {
    const GcmVector& v = GetParam();
    const Result<GcmCiphertext> out = aesGcmEncrypt(v.key, v.iv, v.plaintext, v.aad);
    ASSERT_TRUE(out.ok()) << out.error().message.toStdString();
    EXPECT_EQ(hexOf(out->ciphertext), hexOf(hex(v.ciphertext)));
    EXPECT_EQ(hexOf(out->tag), hexOf(hex(v.tag)));
}

TEST_P(AesGcmMcGrewViega, DecryptRecoversPublishedPlaintext) {
    const GcmVector& v = GetParam();
    const Result<QByteArray> plaintext = aesGcmDecrypt(v.key, v.iv, hex(v.ciphertext), hex(v.tag), v.aad);
    ASSERT_TRUE(plaintext.ok()) << plaintext.error().message.toStdString();
    EXPECT_EQ(hexOf(*plaintext), hexOf(v.plaintext));
}

INSTANTIATE_TEST_SUITE_P(
    McGrewViega, AesGcmMcGrewViega,
    ::testing::Values(GcmVector{"Case13Empty", QByteArray(32, '\0'), QByteArray(12, '\0'), QByteArray(), QByteArray(),
                                "", "530f8afbc74536b9a963b4f1c4cb738b"},
                      GcmVector{"Case14ZeroBlock", QByteArray(32, '\0'), QByteArray(12, '\0'), QByteArray(16, '\0'),
                                QByteArray(), "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"},
                      GcmVector{"Case15FourBlocks", kGcmKey15, kGcmIv15, kGcmPlaintext15, QByteArray(),
                                kGcmCiphertext15, "b094dac5d93471bdec1a502270e3cc6c"},
                      GcmVector{"Case16SixtyBytesWithAad", kGcmKey15, kGcmIv15, kGcmPlaintext15.first(60),
                                hex("feedfacedeadbeeffeedfacedeadbeefabaddad2"),
                                "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                                "76fc6ece0f4e1768cddf8853bb2d551b"}),
    VectorName());

// Test case 16 is the baseline for the tamper tests: it has ciphertext, tag and AAD to alter.
struct Case16 {
    QByteArray aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    QByteArray ciphertext = hex(kGcmCiphertext15).first(60);
    QByteArray tag = hex("76fc6ece0f4e1768cddf8853bb2d551b");
};

TEST(AesGcm, RejectsFlippedCiphertextBit) {
    Case16 c;
    c.ciphertext[7] = char(c.ciphertext[7] ^ 0x01);
    const Result<QByteArray> plaintext = aesGcmDecrypt(kGcmKey15, kGcmIv15, c.ciphertext, c.tag, c.aad);
    ASSERT_FALSE(plaintext.ok());
    EXPECT_EQ(plaintext.error().code, "crypto.auth_failed");
}

TEST(AesGcm, RejectsFlippedTagBit) {
    Case16 c;
    c.tag[15] = char(c.tag[15] ^ 0x80);
    const Result<QByteArray> plaintext = aesGcmDecrypt(kGcmKey15, kGcmIv15, c.ciphertext, c.tag, c.aad);
    ASSERT_FALSE(plaintext.ok());
    EXPECT_EQ(plaintext.error().code, "crypto.auth_failed");
}

TEST(AesGcm, RejectsAlteredAad) {
    Case16 c;
    c.aad[0] = char(c.aad[0] ^ 0x01);
    const Result<QByteArray> plaintext = aesGcmDecrypt(kGcmKey15, kGcmIv15, c.ciphertext, c.tag, c.aad);
    ASSERT_FALSE(plaintext.ok());
    EXPECT_EQ(plaintext.error().code, "crypto.auth_failed");
}

TEST(AesGcm, RejectsMissingAad) {
    const Case16 c;
    const Result<QByteArray> plaintext = aesGcmDecrypt(kGcmKey15, kGcmIv15, c.ciphertext, c.tag, {});
    ASSERT_FALSE(plaintext.ok());
    EXPECT_EQ(plaintext.error().code, "crypto.auth_failed");
}

TEST(AesGcm, RejectsTruncatedTag) {
    const Case16 c;
    const Result<QByteArray> plaintext = aesGcmDecrypt(kGcmKey15, kGcmIv15, c.ciphertext, c.tag.first(12), c.aad);
    ASSERT_FALSE(plaintext.ok());
    EXPECT_EQ(plaintext.error().code, "crypto.bad_input");
}

class AesGcmWrongKeyLength : public ::testing::TestWithParam<int> {};

TEST_P(AesGcmWrongKeyLength, IsRejectedWithMessageNamingTheRequiredLength) {
    const Result<GcmCiphertext> out = aesGcmEncrypt(QByteArray(GetParam(), 'k'), kGcmIv15, "data");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, "crypto.bad_key");
    EXPECT_TRUE(out.error().message.contains(QStringLiteral("32-byte key"))) << out.error().message.toStdString();
    EXPECT_TRUE(out.error().message.contains(QString::number(GetParam()))) << out.error().message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Lengths, AesGcmWrongKeyLength, ::testing::Values(0, 16, 24, 31, 33));

TEST(AesGcm, DecryptRejectsWrongKeyLength) {
    const Case16 c;
    const Result<QByteArray> plaintext = aesGcmDecrypt(kGcmKey15.first(16), kGcmIv15, c.ciphertext, c.tag, c.aad);
    ASSERT_FALSE(plaintext.ok());
    EXPECT_EQ(plaintext.error().code, "crypto.bad_key");
}

TEST(AesGcm, RejectsIvThatIsNotTwelveBytes) {
    const Result<GcmCiphertext> out = aesGcmEncrypt(kGcmKey15, QByteArray(8, '\0'), "data");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, "crypto.bad_input");
}

// ---- seal / open ----

TEST(Seal, RoundTripsPlaintextAndAad) {
    const QByteArray key = QByteArray(32, '\x42');
    const Result<QByteArray> sealed = seal(key, "device secret", "context");
    ASSERT_TRUE(sealed.ok()) << sealed.error().message.toStdString();
    const Result<QByteArray> opened = open(key, *sealed, "context");
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(*opened, "device secret");
}

TEST(Seal, ProducesIvCiphertextTagLayout) {
    const QByteArray key = QByteArray(32, '\x42');
    const QByteArray plaintext = "0123456789";
    const Result<QByteArray> sealed = seal(key, plaintext);
    ASSERT_TRUE(sealed.ok()) << sealed.error().message.toStdString();
    ASSERT_EQ(sealed->size(), kGcmIvSize + plaintext.size() + kGcmTagSize);
    const Result<QByteArray> opened = aesGcmDecrypt(
        key, sealed->first(kGcmIvSize), sealed->sliced(kGcmIvSize, plaintext.size()), sealed->last(kGcmTagSize));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(*opened, plaintext);
}

TEST(Seal, UsesAFreshIvEachTime) {
    const QByteArray key = QByteArray(32, '\x42');
    const Result<QByteArray> first = seal(key, "same");
    const Result<QByteArray> second = seal(key, "same");
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(first->first(kGcmIvSize), second->first(kGcmIvSize));
}

TEST(Seal, OpenRejectsWrongKey) {
    const Result<QByteArray> sealed = seal(QByteArray(32, '\x42'), "secret");
    ASSERT_TRUE(sealed.ok());
    const Result<QByteArray> opened = open(QByteArray(32, '\x43'), *sealed);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "crypto.auth_failed");
}

TEST(Seal, OpenRejectsDifferentAad) {
    const QByteArray key = QByteArray(32, '\x42');
    const Result<QByteArray> sealed = seal(key, "secret", "name:a");
    ASSERT_TRUE(sealed.ok());
    const Result<QByteArray> opened = open(key, *sealed, "name:b");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "crypto.auth_failed");
}

TEST(Seal, OpenRejectsInputShorterThanIvAndTag) {
    const Result<QByteArray> opened = open(QByteArray(32, '\x42'), QByteArray(27, '\0'));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "crypto.bad_input");
}

// ---- random, comparison, wiping ----

TEST(RandomBytes, ReturnsRequestedLength) {
    const Result<QByteArray> bytes = randomBytes(48);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(bytes->size(), 48);
}

TEST(RandomBytes, TwoDrawsDiffer) {
    const Result<QByteArray> first = randomBytes(32);
    const Result<QByteArray> second = randomBytes(32);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(*first, *second);
}

TEST(RandomBytes, RejectsNegativeCount) {
    const Result<QByteArray> bytes = randomBytes(-1);
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.error().code, "crypto.bad_input");
}

TEST(ConstantTimeEquals, IsTrueForEqualBytes) {
    EXPECT_TRUE(constantTimeEquals("abcdef", QByteArray("abcdef")));
}

TEST(ConstantTimeEquals, IsFalseWhenOneByteDiffers) {
    EXPECT_FALSE(constantTimeEquals("abcdef", "abcdeF"));
}

TEST(ConstantTimeEquals, IsFalseForDifferentLengths) {
    EXPECT_FALSE(constantTimeEquals("abc", "abcd"));
}

TEST(SecureWipe, EmptiesTheArray) {
    QByteArray secret = "s3cret-key-material";
    secureWipe(secret);
    EXPECT_TRUE(secret.isEmpty());
}

TEST(SecureWipe, LeavesSharedCopiesIntact) {
    QByteArray secret = QByteArray("s3cret-key-material");
    const QByteArray copy = secret;  // implicitly shared
    secureWipe(secret);
    EXPECT_EQ(copy, "s3cret-key-material");
}

// ---- EC P-256 ----

// RFC 5903 §8.1, 256-bit Random ECP Group: initiator secret i, responder secret r, public values g^i and g^r,
// and the shared point g^ir, whose x coordinate is the ECDH result.
const QByteArray kRfc5903I = hex("C88F01F5 10D9AC3F 70A292DA A2316DE5 44E9AAB8 AFE84049 C62A9C57 862D1433");
const QByteArray kRfc5903Gi =
    hex("04 DAD0B653 94221CF9 B051E1FE CA5787D0 98DFE637 FC90B9EF 945D0C37 72581180"
        "5271A046 1CDB8252 D61F1C45 6FA3E59A B1F45B33 ACCF5F58 389E0577 B8990BB3");
const QByteArray kRfc5903R = hex("C6EF9C5D 78AE012A 011164AC B397CE20 88685D8F 06BF9BE0 B283AB46 476BEE53");
const QByteArray kRfc5903Gr =
    hex("04 D12DFB52 89C8D4F8 1208B702 70398C34 2296970A 0BCCB74C 736FC755 4494BF63"
        "56FBF3CA 366CC23E 8157854C 13C58D6A AC23F046 ADA30F83 53E74F33 039872AB");
const QByteArray kRfc5903GirX = hex("D6840F6B 42F6EDAF D13116E0 E1256520 2FEF8E9E CE7DCE03 812464D0 4B9442DE");

// A P-384 key made with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384` (PKCS#8 and SPKI DER),
// to check that keys on other curves are refused.
const QByteArray kP384Pkcs8 = hex(
    "3081b6020100301006072a8648ce3d020106052b8104002204819e30819b0201010430e036ed8b6612ad71ed5d3d8c5254b60f838c2e9a48"
    "23e90dc5298e0670e61e908520164e6f31b635bc07c32c0561368ea16403620004d9e5049c3f6169f2d8c68dcc48ee51db623157e0f6e5d3"
    "d52032138d4d5349f169722d5261291d7fee256142d9b7600ce19bbe5c2102b189352e008a002d8bc278ff2e12b835a4a7e0909e82e286a9"
    "6069b08ee793bebb892b767ae9d9b7430f");
const QByteArray kP384Spki = hex(
    "3076301006072a8648ce3d020106052b8104002203620004d9e5049c3f6169f2d8c68dcc48ee51db623157e0f6e5d3d52032138d4d5349f1"
    "69722d5261291d7fee256142d9b7600ce19bbe5c2102b189352e008a002d8bc278ff2e12b835a4a7e0909e82e286a96069b08ee793bebb89"
    "2b767ae9d9b7430f");

EcKeyPair keyFromScalar(const QByteArray& scalar) {
    Result<EcKeyPair> key = EcKeyPair::fromPrivateScalar(scalar);
    if (!key) ADD_FAILURE() << key.error().message.toStdString();
    return std::move(key).value();
}

EcKeyPair freshKey() {
    Result<EcKeyPair> key = EcKeyPair::generate();
    if (!key) ADD_FAILURE() << key.error().message.toStdString();
    return std::move(key).value();
}

TEST(EcKeyPair, FromPrivateScalarDerivesRfc5903PublicValues) {
    EXPECT_EQ(hexOf(keyFromScalar(kRfc5903I).publicKeyRaw()), hexOf(kRfc5903Gi));
    EXPECT_EQ(hexOf(keyFromScalar(kRfc5903R).publicKeyRaw()), hexOf(kRfc5903Gr));
}

TEST(EcKeyPair, EcdhMatchesRfc5903SharedSecretFromInitiatorSide) {
    const Result<QByteArray> shared = keyFromScalar(kRfc5903I).ecdh(kRfc5903Gr);
    ASSERT_TRUE(shared.ok()) << shared.error().message.toStdString();
    EXPECT_EQ(hexOf(*shared), hexOf(kRfc5903GirX));
}

TEST(EcKeyPair, EcdhMatchesRfc5903SharedSecretFromResponderSide) {
    const Result<QByteArray> shared = keyFromScalar(kRfc5903R).ecdh(kRfc5903Gi);
    ASSERT_TRUE(shared.ok()) << shared.error().message.toStdString();
    EXPECT_EQ(hexOf(*shared), hexOf(kRfc5903GirX));
}

TEST(EcKeyPair, EcdhAcceptsPeerKeyAsSubjectPublicKeyInfo) {
    const EcKeyPair responder = keyFromScalar(kRfc5903R);
    const Result<QByteArray> shared = keyFromScalar(kRfc5903I).ecdh(responder.publicKeyDer());
    ASSERT_TRUE(shared.ok()) << shared.error().message.toStdString();
    EXPECT_EQ(hexOf(*shared), hexOf(kRfc5903GirX));
}

TEST(EcKeyPair, EcdhRejectsPointNotOnCurve) {
    QByteArray offCurve = kRfc5903Gr;
    offCurve[64] = char(offCurve[64] ^ 0x01);
    const Result<QByteArray> shared = keyFromScalar(kRfc5903I).ecdh(offCurve);
    ASSERT_FALSE(shared.ok());
    EXPECT_EQ(shared.error().code, "crypto.bad_public_key");
}

TEST(EcKeyPair, EcdhRejectsPointAtInfinity) {
    // SubjectPublicKeyInfo for P-256 whose point is the single octet 0x00, the SEC1 encoding of the identity.
    const QByteArray infinity = hex("3019 3013 06072a8648ce3d0201 06082a8648ce3d030107 0302 00 00");
    const Result<QByteArray> shared = keyFromScalar(kRfc5903I).ecdh(infinity);
    ASSERT_FALSE(shared.ok());
    EXPECT_EQ(shared.error().code, "crypto.bad_public_key");
}

TEST(EcKeyPair, EcdhRejectsKeyOnAnotherCurve) {
    const Result<QByteArray> shared = keyFromScalar(kRfc5903I).ecdh(kP384Spki);
    ASSERT_FALSE(shared.ok());
    EXPECT_EQ(shared.error().code, "crypto.bad_public_key");
}

TEST(EcKeyPair, EcdhRejectsGarbage) {
    const Result<QByteArray> shared = keyFromScalar(kRfc5903I).ecdh("not a key");
    ASSERT_FALSE(shared.ok());
    EXPECT_EQ(shared.error().code, "crypto.bad_public_key");
}

TEST(EcKeyPair, FromPrivateScalarRejectsZero) {
    const Result<EcKeyPair> key = EcKeyPair::fromPrivateScalar(QByteArray(32, '\0'));
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, "crypto.bad_key");
}

TEST(EcKeyPair, FromPrivateScalarRejectsGroupOrder) {
    // n, the order of the P-256 base point (FIPS 186-4 D.1.2.3): one past the largest valid scalar.
    const Result<EcKeyPair> key =
        EcKeyPair::fromPrivateScalar(hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"));
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, "crypto.bad_key");
}

TEST(EcKeyPair, FromPrivateScalarRejectsWrongLength) {
    const Result<EcKeyPair> key = EcKeyPair::fromPrivateScalar(kRfc5903I.first(31));
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, "crypto.bad_key");
}

TEST(EcKeyPair, GeneratedPublicKeyIsUncompressedPoint) {
    const EcKeyPair key = freshKey();
    ASSERT_EQ(key.publicKeyRaw().size(), kEcRawPublicKeySize);
    EXPECT_EQ(key.publicKeyRaw().at(0), 0x04);
}

TEST(EcKeyPair, GeneratedKeysDiffer) {
    EXPECT_NE(freshKey().publicKeyRaw(), freshKey().publicKeyRaw());
}

TEST(EcKeyPair, PrivateKeyDerRoundTripsToTheSameKey) {
    const EcKeyPair key = freshKey();
    const Result<QByteArray> der = key.privateKeyDer();
    ASSERT_TRUE(der.ok()) << der.error().message.toStdString();
    const Result<EcKeyPair> reloaded = EcKeyPair::fromPrivateKeyDer(*der);
    ASSERT_TRUE(reloaded.ok()) << reloaded.error().message.toStdString();
    EXPECT_EQ(reloaded->publicKeyDer(), key.publicKeyDer());
    const Result<QByteArray> a = key.ecdh(kRfc5903Gr);
    const Result<QByteArray> b = reloaded->ecdh(kRfc5903Gr);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b);
}

TEST(EcKeyPair, FromPrivateKeyDerRejectsGarbage) {
    const Result<EcKeyPair> key = EcKeyPair::fromPrivateKeyDer("definitely not DER");
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, "crypto.bad_key");
}

TEST(EcKeyPair, FromPrivateKeyDerRejectsTrailingBytes) {
    const Result<QByteArray> der = freshKey().privateKeyDer();
    ASSERT_TRUE(der.ok());
    const Result<EcKeyPair> key = EcKeyPair::fromPrivateKeyDer(*der + QByteArray(1, '\0'));
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, "crypto.bad_key");
}

TEST(EcKeyPair, FromPrivateKeyDerRejectsKeyOnAnotherCurve) {
    const Result<EcKeyPair> key = EcKeyPair::fromPrivateKeyDer(kP384Pkcs8);
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, "crypto.bad_key");
}

TEST(EcKeyPair, MovedFromPairReportsNoKey) {
    EcKeyPair original = freshKey();
    const EcKeyPair moved = std::move(original);
    const Result<QByteArray> signature = original.signSha256("data");  // NOLINT(bugprone-use-after-move)
    ASSERT_FALSE(signature.ok());
    EXPECT_EQ(signature.error().code, "crypto.bad_key");
    EXPECT_EQ(moved.publicKeyRaw().size(), kEcRawPublicKeySize);
}

// ---- ECDSA ----

// RFC 6979 Appendix A.2.5, ECDSA P-256 with SHA-256, message "sample": public key U = (Ux, Uy) and signature
// (r, s), DER-encoded here as SEQUENCE { INTEGER r, INTEGER s }.
const QByteArray kRfc6979PublicKey =
    hex("04 60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"
        "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
const QByteArray kRfc6979Signature =
    hex("3046 022100 EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
        "022100 F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");

TEST(VerifyEcdsaSha256, AcceptsRfc6979Signature) {
    EXPECT_TRUE(verifyEcdsaSha256(kRfc6979PublicKey, "sample", kRfc6979Signature));
}

TEST(VerifyEcdsaSha256, RejectsRfc6979SignatureOverOtherMessage) {
    EXPECT_FALSE(verifyEcdsaSha256(kRfc6979PublicKey, "test", kRfc6979Signature));
}

TEST(EcdsaSha256, SignatureVerifiesWithRawAndDerPublicKey) {
    const EcKeyPair key = freshKey();
    const Result<QByteArray> signature = key.signSha256("request body");
    ASSERT_TRUE(signature.ok()) << signature.error().message.toStdString();
    EXPECT_TRUE(verifyEcdsaSha256(key.publicKeyRaw(), "request body", *signature));
    EXPECT_TRUE(verifyEcdsaSha256(key.publicKeyDer(), "request body", *signature));
}

TEST(EcdsaSha256, VerifyRejectsTamperedData) {
    const EcKeyPair key = freshKey();
    const Result<QByteArray> signature = key.signSha256("total_fee=100");
    ASSERT_TRUE(signature.ok());
    EXPECT_FALSE(verifyEcdsaSha256(key.publicKeyRaw(), "total_fee=900", *signature));
}

TEST(EcdsaSha256, VerifyRejectsTamperedSignature) {
    const EcKeyPair key = freshKey();
    Result<QByteArray> signature = key.signSha256("data");
    ASSERT_TRUE(signature.ok());
    QByteArray& bytes = *signature;
    bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 0x01);
    EXPECT_FALSE(verifyEcdsaSha256(key.publicKeyRaw(), "data", bytes));
}

TEST(EcdsaSha256, VerifyRejectsOtherSignersKey) {
    const Result<QByteArray> signature = freshKey().signSha256("data");
    ASSERT_TRUE(signature.ok());
    EXPECT_FALSE(verifyEcdsaSha256(freshKey().publicKeyRaw(), "data", *signature));
}

TEST(EcdsaSha256, VerifyRejectsMalformedPublicKey) {
    const EcKeyPair key = freshKey();
    const Result<QByteArray> signature = key.signSha256("data");
    ASSERT_TRUE(signature.ok());
    EXPECT_FALSE(verifyEcdsaSha256("bogus", "data", *signature));
}

// ---- sealToPublicKey / openSealed ----

TEST(SealedBox, RoundTripsToRawPublicKey) {
    const EcKeyPair recipient = freshKey();
    const Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyRaw(), "device secret", "purpose v1");
    ASSERT_TRUE(sealed.ok()) << sealed.error().message.toStdString();
    const Result<QByteArray> opened = recipient.openSealed(*sealed, "purpose v1");
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(*opened, "device secret");
}

TEST(SealedBox, RoundTripsToDerPublicKey) {
    const EcKeyPair recipient = freshKey();
    const Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyDer(), "face image", "purpose v1");
    ASSERT_TRUE(sealed.ok()) << sealed.error().message.toStdString();
    const Result<QByteArray> opened = recipient.openSealed(*sealed, "purpose v1");
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(*opened, "face image");
}

TEST(SealedBox, RoundTripsEmptyPlaintext) {
    const EcKeyPair recipient = freshKey();
    const Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyRaw(), {}, "purpose v1");
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(sealed->size(), kSealedBoxOverhead);
    const Result<QByteArray> opened = recipient.openSealed(*sealed, "purpose v1");
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_TRUE(opened->isEmpty());
}

// Opens a sealed box step by step as the header documents it, so the wire format itself is pinned down (a
// backend implementing the Terminal API does exactly this).
TEST(SealedBox, FollowsTheDocumentedFormat) {
    const EcKeyPair recipient = keyFromScalar(kRfc5903R);
    const QByteArray plaintext = "0123456789abcdef";
    const Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyDer(), plaintext, "facepos test v1");
    ASSERT_TRUE(sealed.ok()) << sealed.error().message.toStdString();
    ASSERT_EQ(sealed->size(), 65 + 12 + plaintext.size() + 16);

    const QByteArray ephemeral = sealed->first(65);
    EXPECT_EQ(ephemeral.at(0), 0x04);
    const Result<QByteArray> z = recipient.ecdh(ephemeral);
    ASSERT_TRUE(z.ok()) << z.error().message.toStdString();
    const Result<QByteArray> k = hkdfSha256(*z, ephemeral + kRfc5903Gr, "facepos test v1", 32);
    ASSERT_TRUE(k.ok());
    const Result<QByteArray> opened =
        aesGcmDecrypt(*k, sealed->sliced(65, 12), sealed->sliced(77, plaintext.size()), sealed->last(16), {});
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(*opened, plaintext);
}

TEST(SealedBox, UsesAFreshEphemeralKeyEachTime) {
    const EcKeyPair recipient = freshKey();
    const Result<QByteArray> first = sealToPublicKey(recipient.publicKeyRaw(), "same", "purpose v1");
    const Result<QByteArray> second = sealToPublicKey(recipient.publicKeyRaw(), "same", "purpose v1");
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(first->first(kEcRawPublicKeySize), second->first(kEcRawPublicKeySize));
}

TEST(SealedBox, OpenFailsWithWrongKey) {
    const Result<QByteArray> sealed = sealToPublicKey(freshKey().publicKeyRaw(), "secret", "purpose v1");
    ASSERT_TRUE(sealed.ok());
    const Result<QByteArray> opened = freshKey().openSealed(*sealed, "purpose v1");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "crypto.auth_failed");
}

TEST(SealedBox, OpenFailsWithWrongInfo) {
    const EcKeyPair recipient = freshKey();
    const Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyRaw(), "secret", "activation v1");
    ASSERT_TRUE(sealed.ok());
    const Result<QByteArray> opened = recipient.openSealed(*sealed, "face image v1");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "crypto.auth_failed");
}

TEST(SealedBox, OpenFailsWhenCiphertextIsAltered) {
    const EcKeyPair recipient = freshKey();
    Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyRaw(), "secret", "purpose v1");
    ASSERT_TRUE(sealed.ok());
    QByteArray& bytes = *sealed;
    bytes[kEcRawPublicKeySize + kGcmIvSize] = char(bytes[kEcRawPublicKeySize + kGcmIvSize] ^ 0x01);
    const Result<QByteArray> opened = recipient.openSealed(bytes, "purpose v1");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "crypto.auth_failed");
}

TEST(SealedBox, OpenFailsWhenEphemeralPointIsAltered) {
    const EcKeyPair recipient = freshKey();
    Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyRaw(), "secret", "purpose v1");
    ASSERT_TRUE(sealed.ok());
    QByteArray& bytes = *sealed;
    bytes[10] = char(bytes[10] ^ 0x01);
    const Result<QByteArray> opened = recipient.openSealed(bytes, "purpose v1");
    EXPECT_FALSE(opened.ok());
}

TEST(SealedBox, OpenRejectsTruncatedMessage) {
    const EcKeyPair recipient = freshKey();
    const Result<QByteArray> sealed = sealToPublicKey(recipient.publicKeyRaw(), "secret", "purpose v1");
    ASSERT_TRUE(sealed.ok());
    const Result<QByteArray> opened = recipient.openSealed(sealed->first(kSealedBoxOverhead - 1), "purpose v1");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "crypto.bad_input");
}

TEST(SealedBox, SealRejectsInvalidRecipientKey) {
    const Result<QByteArray> sealed = sealToPublicKey(kP384Spki, "secret", "purpose v1");
    ASSERT_FALSE(sealed.ok());
    EXPECT_EQ(sealed.error().code, "crypto.bad_public_key");
}

}  // namespace
}  // namespace facepos::crypto
