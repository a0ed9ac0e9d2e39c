#include <gtest/gtest.h>
#include <sys/stat.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include "platform/crypto.h"
#include "platform/key_store.h"

// Readable failure output for QString comparisons (error codes, messages).
void PrintTo(const QString& text, std::ostream* os) {
    *os << '"' << text.toStdString() << '"';
}

namespace facepos {
namespace {

const QByteArray kBinding = "SN-FP1-000123|4c4c4544005a4b108052b4c04f4e4d32";
const QByteArray kOtherBinding = "SN-FP1-000999|0f1e2d3c4b5a69788796a5b4c3d2e1f0";

mode_t modeOf(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Decrypts a key store file exactly as KeyStore's header documents the format, independently of KeyStore.
Result<QByteArray> decryptDocumentedFormat(const QByteArray& file, QByteArrayView binding, QByteArrayView label) {
    if (file.size() < 37 || !file.startsWith("FPKS") || file.at(4) != 0x01) {
        return makeError(QStringLiteral("test.format"), QStringLiteral("header does not match the documented format"));
    }
    Result<QByteArray> kek = crypto::hkdfSha256(binding, file.sliced(5, 32), "facepos keystore v1", 32);
    if (!kek) return kek.error();
    return crypto::open(*kek, file.sliced(37), file.first(37) + label.toByteArray());
}

class KeyStoreTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_tmp.isValid()); }

    QString dir() const { return m_tmp.filePath(QStringLiteral("keystore")); }
    QString keyFile() const { return dir() + QStringLiteral("/device_key.bin"); }
    QString secretFile(const QString& name) const { return dir() + QStringLiteral("/secrets/") + name + ".bin"; }

    std::unique_ptr<KeyStore> openStore(const QByteArray& binding = kBinding) {
        Result<std::unique_ptr<KeyStore>> store = KeyStore::open(dir(), binding);
        if (!store) {
            ADD_FAILURE() << store.error().code.toStdString() << ": " << store.error().message.toStdString();
            return nullptr;
        }
        return std::move(store).value();
    }

    QTemporaryDir m_tmp;
};

// ---- device key ----

TEST_F(KeyStoreTest, FirstOpenCreatesKeyFileReadableOnlyByOwner) {
    ASSERT_TRUE(openStore());
    ASSERT_TRUE(QFile::exists(keyFile()));
    EXPECT_EQ(modeOf(keyFile()), 0600u);
}

TEST_F(KeyStoreTest, FirstOpenCreatesDirectoriesAccessibleOnlyByOwner) {
    ASSERT_TRUE(openStore());
    EXPECT_EQ(modeOf(dir()), 0700u);
    EXPECT_EQ(modeOf(dir() + QStringLiteral("/secrets")), 0700u);
}

TEST_F(KeyStoreTest, FilesAreOwnerOnlyEvenUnderPermissiveUmask) {
    const mode_t previous = ::umask(0);
    auto store = openStore();
    const bool stored = store && store->storeSecret(QStringLiteral("device_secret"), "s").ok();
    ::umask(previous);
    ASSERT_TRUE(stored);
    EXPECT_EQ(modeOf(dir()), 0700u);
    EXPECT_EQ(modeOf(keyFile()), 0600u);
    EXPECT_EQ(modeOf(secretFile(QStringLiteral("device_secret"))), 0600u);
}

TEST_F(KeyStoreTest, OpenTightensPermissionsOfExistingDirectory) {
    ASSERT_TRUE(QDir().mkpath(dir()));
    ASSERT_TRUE(QFile::setPermissions(dir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                                 QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    ASSERT_TRUE(openStore());
    EXPECT_EQ(modeOf(dir()), 0700u);
}

TEST_F(KeyStoreTest, KeyFileFollowsDocumentedFormat) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const Result<QByteArray> der = decryptDocumentedFormat(readAll(keyFile()), kBinding, "device_key");
    ASSERT_TRUE(der.ok()) << der.error().message.toStdString();
    const Result<crypto::EcKeyPair> key = crypto::EcKeyPair::fromPrivateKeyDer(*der);
    ASSERT_TRUE(key.ok()) << key.error().message.toStdString();
    EXPECT_EQ(key->publicKeyDer(), store->publicKeyDer());
}

TEST_F(KeyStoreTest, KeyFileDoesNotContainThePrivateKey) {
    ASSERT_TRUE(openStore());
    const QByteArray file = readAll(keyFile());
    const Result<QByteArray> der = decryptDocumentedFormat(file, kBinding, "device_key");
    ASSERT_TRUE(der.ok()) << der.error().message.toStdString();
    // In the PKCS#8 DER the ECPrivateKey's scalar follows "version 1, OCTET STRING of 32 bytes" (RFC 5915).
    const qsizetype at =
        der->indexOf(QByteArray::fromHex("020101"
                                         "0420"));
    ASSERT_GE(at, 0);
    const QByteArray scalar = der->sliced(at + 5, 32);
    EXPECT_FALSE(file.contains(*der));
    EXPECT_FALSE(file.contains(scalar));
}

TEST_F(KeyStoreTest, ReopenLoadsTheSameKey) {
    QByteArray firstKey;
    {
        auto store = openStore();
        ASSERT_TRUE(store);
        firstKey = store->publicKeyDer();
    }
    auto reopened = openStore();
    ASSERT_TRUE(reopened);
    EXPECT_EQ(reopened->publicKeyDer(), firstKey);
    EXPECT_EQ(reopened->publicKeyRaw().size(), crypto::kEcRawPublicKeySize);
}

TEST_F(KeyStoreTest, OpenWithOtherDeviceBindingFailsAsUnreadable) {
    ASSERT_TRUE(openStore());
    const Result<std::unique_ptr<KeyStore>> other = KeyStore::open(dir(), kOtherBinding);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, "keystore.unreadable");
    EXPECT_TRUE(other.error().message.contains(keyFile())) << other.error().message.toStdString();
    EXPECT_TRUE(other.error().message.contains(QStringLiteral("re-activated by support")))
        << other.error().message.toStdString();
}

TEST_F(KeyStoreTest, OpenWithOtherDeviceBindingLeavesKeyFileUntouched) {
    QByteArray publicKey;
    {
        auto store = openStore();
        ASSERT_TRUE(store);
        publicKey = store->publicKeyDer();
    }
    const QByteArray before = readAll(keyFile());
    ASSERT_FALSE(KeyStore::open(dir(), kOtherBinding).ok());
    EXPECT_EQ(readAll(keyFile()), before);
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->publicKeyDer(), publicKey);
}

TEST_F(KeyStoreTest, TruncatedKeyFileFailsAsUnreadable) {
    ASSERT_TRUE(openStore());
    const QByteArray original = readAll(keyFile());
    ASSERT_TRUE(writeAll(keyFile(), original.first(original.size() - 20)));
    const Result<std::unique_ptr<KeyStore>> store = KeyStore::open(dir(), kBinding);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "keystore.unreadable");
    EXPECT_TRUE(store.error().message.contains(keyFile())) << store.error().message.toStdString();
}

TEST_F(KeyStoreTest, KeyFileCutInsideHeaderFailsAsUnreadable) {
    ASSERT_TRUE(openStore());
    ASSERT_TRUE(writeAll(keyFile(), readAll(keyFile()).first(10)));
    const Result<std::unique_ptr<KeyStore>> store = KeyStore::open(dir(), kBinding);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "keystore.unreadable");
}

TEST_F(KeyStoreTest, GarbledKeyFileFailsAsUnreadable) {
    ASSERT_TRUE(openStore());
    QByteArray garbled = readAll(keyFile());
    garbled[garbled.size() / 2] = char(garbled[garbled.size() / 2] ^ 0x40);
    ASSERT_TRUE(writeAll(keyFile(), garbled));
    const Result<std::unique_ptr<KeyStore>> store = KeyStore::open(dir(), kBinding);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "keystore.unreadable");
    EXPECT_EQ(readAll(keyFile()), garbled);
}

TEST_F(KeyStoreTest, ForeignFileInPlaceOfKeyFailsAsUnreadable) {
    ASSERT_TRUE(QDir().mkpath(dir()));
    const QByteArray foreign = "-----BEGIN PRIVATE KEY-----\nnot ours\n-----END PRIVATE KEY-----\n";
    ASSERT_TRUE(writeAll(keyFile(), foreign));
    const Result<std::unique_ptr<KeyStore>> store = KeyStore::open(dir(), kBinding);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "keystore.unreadable");
    EXPECT_EQ(readAll(keyFile()), foreign);
}

TEST_F(KeyStoreTest, UnknownFormatVersionFailsAsUnreadableNamingTheVersion) {
    ASSERT_TRUE(openStore());
    QByteArray file = readAll(keyFile());
    file[4] = char(0x07);
    ASSERT_TRUE(writeAll(keyFile(), file));
    const Result<std::unique_ptr<KeyStore>> store = KeyStore::open(dir(), kBinding);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "keystore.unreadable");
    EXPECT_TRUE(store.error().message.contains(QStringLiteral("version 7"))) << store.error().message.toStdString();
}

TEST_F(KeyStoreTest, EmptyDeviceBindingIsRejected) {
    const Result<std::unique_ptr<KeyStore>> store = KeyStore::open(dir(), QByteArray());
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "keystore.no_binding");
    EXPECT_FALSE(QFile::exists(keyFile()));
}

TEST_F(KeyStoreTest, OpenLeavesCallersBindingIntact) {
    QByteArray binding = kBinding;
    {
        auto store = openStore(binding);
        ASSERT_TRUE(store);
    }
    EXPECT_EQ(binding, kBinding);
}

// ---- key operations ----

TEST_F(KeyStoreTest, SignatureVerifiesWithThePublicKey) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const Result<QByteArray> signature = store->sign("activation request");
    ASSERT_TRUE(signature.ok()) << signature.error().message.toStdString();
    EXPECT_TRUE(crypto::verifyEcdsaSha256(store->publicKeyDer(), "activation request", *signature));
    EXPECT_FALSE(crypto::verifyEcdsaSha256(store->publicKeyDer(), "activation request!", *signature));
}

TEST_F(KeyStoreTest, OpenSealedOpensMessageSealedToThePublicKey) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const Result<QByteArray> sealed =
        crypto::sealToPublicKey(store->publicKeyDer(), "device secret 0123", "facepos activation secret v1");
    ASSERT_TRUE(sealed.ok()) << sealed.error().message.toStdString();
    const Result<QByteArray> opened = store->openSealed(*sealed, "facepos activation secret v1");
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(*opened, "device secret 0123");
}

TEST_F(KeyStoreTest, EcdhAgreesWithPeer) {
    auto store = openStore();
    ASSERT_TRUE(store);
    Result<crypto::EcKeyPair> peer = crypto::EcKeyPair::generate();
    ASSERT_TRUE(peer.ok());
    const Result<QByteArray> ours = store->ecdh(peer->publicKeyRaw());
    const Result<QByteArray> theirs = peer->ecdh(store->publicKeyRaw());
    ASSERT_TRUE(ours.ok() && theirs.ok());
    EXPECT_EQ(*ours, *theirs);
}

// ---- secrets ----

TEST_F(KeyStoreTest, StoredSecretLoadsBack) {
    auto store = openStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), "0123456789abcdef").ok());
    const Result<QByteArray> loaded = store->loadSecret(QStringLiteral("device_secret"));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    EXPECT_EQ(*loaded, "0123456789abcdef");
}

TEST_F(KeyStoreTest, StoredSecretSurvivesReopen) {
    {
        auto store = openStore();
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), "persisted").ok());
    }
    auto store = openStore();
    ASSERT_TRUE(store);
    const Result<QByteArray> loaded = store->loadSecret(QStringLiteral("device_secret"));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    EXPECT_EQ(*loaded, "persisted");
}

TEST_F(KeyStoreTest, StoringAgainReplacesTheSecret) {
    auto store = openStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), "first").ok());
    ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), "second").ok());
    const Result<QByteArray> loaded = store->loadSecret(QStringLiteral("device_secret"));
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, "second");
}

TEST_F(KeyStoreTest, SecretIsNotStoredInClear) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const QByteArray secret = "wx-device-secret-7f3a9c1e5b2d4f6a";
    ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), secret).ok());
    const QByteArray file = readAll(secretFile(QStringLiteral("device_secret")));
    ASSERT_FALSE(file.isEmpty());
    EXPECT_FALSE(file.contains(secret));
    EXPECT_FALSE(file.contains(secret.left(8)));
}

TEST_F(KeyStoreTest, SecretFileIsOwnerOnly) {
    auto store = openStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), "s").ok());
    EXPECT_EQ(modeOf(secretFile(QStringLiteral("device_secret"))), 0600u);
}

TEST_F(KeyStoreTest, LoadingAbsentSecretReportsNoSecret) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const Result<QByteArray> loaded = store->loadSecret(QStringLiteral("device_secret"));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "keystore.no_secret");
}

TEST_F(KeyStoreTest, EraseRemovesTheSecret) {
    auto store = openStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), "s").ok());
    ASSERT_TRUE(store->eraseSecret(QStringLiteral("device_secret")).ok());
    EXPECT_FALSE(QFile::exists(secretFile(QStringLiteral("device_secret"))));
    const Result<QByteArray> loaded = store->loadSecret(QStringLiteral("device_secret"));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "keystore.no_secret");
}

TEST_F(KeyStoreTest, ErasingAbsentSecretSucceeds) {
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->eraseSecret(QStringLiteral("never_stored")).ok());
}

TEST_F(KeyStoreTest, SecretFileRenamedToAnotherNameIsUnreadable) {
    auto store = openStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->storeSecret(QStringLiteral("a"), "secret of a").ok());
    ASSERT_TRUE(QFile::copy(secretFile(QStringLiteral("a")), secretFile(QStringLiteral("b"))));
    const Result<QByteArray> loaded = store->loadSecret(QStringLiteral("b"));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "keystore.unreadable");
}

TEST_F(KeyStoreTest, SecretFileCopiedToAnotherDeviceIsUnreadable) {
    auto store = openStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->storeSecret(QStringLiteral("device_secret"), "s").ok());

    const QString otherDir = m_tmp.filePath(QStringLiteral("other_device"));
    Result<std::unique_ptr<KeyStore>> other = KeyStore::open(otherDir, kOtherBinding);
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    ASSERT_TRUE(QFile::copy(secretFile(QStringLiteral("device_secret")),
                            otherDir + QStringLiteral("/secrets/device_secret.bin")));
    const Result<QByteArray> loaded = (*other)->loadSecret(QStringLiteral("device_secret"));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "keystore.unreadable");
}

class KeyStoreBadSecretName : public KeyStoreTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(KeyStoreBadSecretName, IsRejectedByStoreLoadAndErase) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const QString name = QString::fromUtf8(GetParam());
    const Result<void> stored = store->storeSecret(name, "s");
    ASSERT_FALSE(stored.ok());
    EXPECT_EQ(stored.error().code, "keystore.bad_name");
    const Result<QByteArray> loaded = store->loadSecret(name);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "keystore.bad_name");
    const Result<void> erased = store->eraseSecret(name);
    ASSERT_FALSE(erased.ok());
    EXPECT_EQ(erased.error().code, "keystore.bad_name");
}

INSTANTIATE_TEST_SUITE_P(Names, KeyStoreBadSecretName,
                         ::testing::Values("", "Device_Secret", "../device_key", "a/b", "a.b", "a-b", "a b",
                                           "secret\xC3\xA9",
                                           "a123456789a123456789a123456789a123456789a123456789a123456789abcde"));

TEST_F(KeyStoreTest, LongestValidSecretNameIsAccepted) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const QString name(64, QLatin1Char('z'));
    EXPECT_TRUE(store->storeSecret(name, "s").ok());
}

}  // namespace
}  // namespace facepos
