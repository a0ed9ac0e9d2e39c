#include "platform/key_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <utility>

#include "platform/durable_file.h"

namespace facepos {
namespace {

constexpr char kMagic[] = "FPKS";
constexpr qsizetype kMagicSize = 4;
constexpr char kVersion = 0x01;
constexpr qsizetype kSaltSize = 32;
constexpr qsizetype kHeaderSize = kMagicSize + 1 + kSaltSize;
// Key store files are a few hundred bytes; anything far larger is not one, and is not read into memory.
constexpr qint64 kMaxFileSize = 1024 * 1024;
constexpr qsizetype kMaxSecretNameLength = 64;
constexpr char kKekInfo[] = "facepos keystore v1";
constexpr char kDeviceKeyLabel[] = "device_key";

constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Clears the device binding however open() returns.
class WipeOnExit {
public:
    explicit WipeOnExit(QByteArray& secret) : m_secret(secret) {}
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;
    ~WipeOnExit() { crypto::secureWipe(m_secret); }

private:
    QByteArray& m_secret;
};

Error ioError(const QString& what, const QString& path, const QString& why) {
    return makeError(QStringLiteral("keystore.io"),
                     QStringLiteral("Cannot %1 %2: %3. Check that the data directory is on a writable disk with free "
                                    "space and belongs to the user the terminal runs as.")
                         .arg(what, path, why));
}

Error unreadable(const QString& path, const QString& why) {
    return makeError(QStringLiteral("keystore.unreadable"),
                     QStringLiteral("The key store file %1 cannot be used: %2. The file has been left as it is; the "
                                    "device must be re-activated by support.")
                         .arg(path, why));
}

bool isValidSecretName(const QString& name) {
    if (name.isEmpty() || name.size() > kMaxSecretNameLength) return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_')) return false;
    }
    return true;
}

Error badName(const QString& name) {
    return makeError(QStringLiteral("keystore.bad_name"),
                     QStringLiteral("The secret name \"%1\" is invalid: use 1 to %2 characters from a-z, 0-9 and _.")
                         .arg(name)
                         .arg(kMaxSecretNameLength));
}

QByteArray secretLabel(const QString& name) {
    return QByteArrayLiteral("secret:") + name.toLatin1();
}

// The AEAD associated data: the file header followed by the file's label.
QByteArray associatedData(QByteArrayView header, QByteArrayView label) {
    QByteArray aad;
    aad.reserve(header.size() + label.size());
    aad.append(header).append(label);
    return aad;
}

Result<void> ensurePrivateDirectory(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        // Created owner-only from the start, so there is no moment at which others may enter it.
        if (!QDir().mkpath(info.absolutePath()) || !QDir().mkdir(path, kOwnerOnlyDir)) {
            return ioError(QStringLiteral("create the directory"), path, QStringLiteral("mkdir failed"));
        }
    } else if (!info.isDir()) {
        return ioError(QStringLiteral("use"), path, QStringLiteral("it exists and is not a directory"));
    }
    // An existing directory may have been created with looser permissions (by hand, by an older version).
    if (!QFile::setPermissions(path, kOwnerOnlyDir)) {
        return ioError(QStringLiteral("restrict the permissions of"), path, QStringLiteral("chmod failed"));
    }
    return {};
}

Result<QByteArray> deriveKek(QByteArrayView deviceBinding, QByteArrayView salt) {
    return crypto::hkdfSha256(deviceBinding, salt, QByteArrayView(kKekInfo), crypto::kAesKeySize);
}

Result<void> writeSealedFile(const QString& path, QByteArrayView deviceBinding, QByteArrayView label,
                             QByteArrayView plaintext) {
    Result<QByteArray> salt = crypto::randomBytes(kSaltSize);
    if (!salt) return salt.error();
    QByteArray header;
    header.reserve(kHeaderSize);
    header.append(kMagic, kMagicSize).append(kVersion).append(*salt);

    Result<QByteArray> kek = deriveKek(deviceBinding, *salt);
    if (!kek) return kek.error();
    Result<QByteArray> sealed = crypto::seal(*kek, plaintext, associatedData(header, label));
    crypto::secureWipe(*kek);
    if (!sealed) return sealed.error();

    QByteArray content = header + *sealed;
    auto written = writeFileDurably(path, content, kOwnerOnlyFile);
    if (!written) return ioError(QStringLiteral("write"), path, written.error().message);
    return {};
}

Result<QByteArray> readSealedFile(const QString& path, QByteArrayView deviceBinding, QByteArrayView label) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return ioError(QStringLiteral("read"), path, file.errorString());
    if (file.size() > kMaxFileSize) {
        return unreadable(path, QStringLiteral("it is %1 bytes, far larger than a key store file").arg(file.size()));
    }
    const QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError) return ioError(QStringLiteral("read"), path, file.errorString());

    if (content.size() < kHeaderSize + crypto::kGcmIvSize + crypto::kGcmTagSize ||
        !content.startsWith(QByteArrayView(kMagic, kMagicSize))) {
        return unreadable(path, QStringLiteral("it is not a FacePOS key store file, or it is truncated"));
    }
    if (content.at(kMagicSize) != kVersion) {
        return unreadable(path, QStringLiteral("it has format version %1, which this firmware cannot read")
                                    .arg(static_cast<unsigned char>(content.at(kMagicSize))));
    }
    const QByteArrayView header = QByteArrayView(content).first(kHeaderSize);
    Result<QByteArray> kek = deriveKek(deviceBinding, header.sliced(kMagicSize + 1));
    if (!kek) return kek.error();
    Result<QByteArray> plaintext =
        crypto::open(*kek, QByteArrayView(content).sliced(kHeaderSize), associatedData(header, label));
    crypto::secureWipe(*kek);
    if (!plaintext && plaintext.error().code == QLatin1String("crypto.auth_failed")) {
        return unreadable(path, QStringLiteral("it cannot be decrypted on this device (it belongs to another device, "
                                               "or it is damaged)"));
    }
    return plaintext;
}

Result<crypto::EcKeyPair> loadDeviceKey(const QString& path, QByteArrayView deviceBinding) {
    Result<QByteArray> der = readSealedFile(path, deviceBinding, kDeviceKeyLabel);
    if (!der) return der.error();
    Result<crypto::EcKeyPair> key = crypto::EcKeyPair::fromPrivateKeyDer(*der);
    crypto::secureWipe(*der);
    if (!key && key.error().code == QLatin1String("crypto.bad_key")) {
        return unreadable(path, QStringLiteral("it decrypts, but does not hold a valid P-256 device key"));
    }
    return key;
}

Result<crypto::EcKeyPair> createDeviceKey(const QString& path, QByteArrayView deviceBinding) {
    Result<crypto::EcKeyPair> key = crypto::EcKeyPair::generate();
    if (!key) return key.error();
    Result<QByteArray> der = key->privateKeyDer();
    if (!der) return der.error();
    Result<void> written = writeSealedFile(path, deviceBinding, kDeviceKeyLabel, *der);
    crypto::secureWipe(*der);
    if (!written) return written.error();
    return key;
}

}  // namespace

Result<std::unique_ptr<KeyStore>> KeyStore::open(const QString& dir, QByteArray deviceBinding) {
    const WipeOnExit wipeBinding(deviceBinding);
    if (deviceBinding.isEmpty()) {
        return makeError(
            QStringLiteral("keystore.no_binding"),
            QStringLiteral("The key store needs the device binding (serial number and machine-id), but "
                           "it was empty. Check that the serial number and /etc/machine-id are readable."));
    }
    const QString root = QDir::cleanPath(QDir(dir).absolutePath());
    if (auto ok = ensurePrivateDirectory(root); !ok) return ok.error();
    if (auto ok = ensurePrivateDirectory(root + QStringLiteral("/secrets")); !ok) return ok.error();

    const QString keyPath = root + QStringLiteral("/device_key.bin");
    // Anything at that path (even a dangling link) means a key was made before: never replace it.
    const QFileInfo keyInfo(keyPath);
    Result<crypto::EcKeyPair> key = (keyInfo.exists() || keyInfo.isSymLink()) ? loadDeviceKey(keyPath, deviceBinding)
                                                                              : createDeviceKey(keyPath, deviceBinding);
    if (!key) return key.error();
    return std::unique_ptr<KeyStore>(new KeyStore(root, std::move(deviceBinding), std::move(*key)));
}

KeyStore::KeyStore(QString dir, QByteArray deviceBinding, crypto::EcKeyPair key)
    : m_dir(std::move(dir)), m_deviceBinding(std::move(deviceBinding)), m_key(std::move(key)) {}

KeyStore::~KeyStore() {
    crypto::secureWipe(m_deviceBinding);
}

QByteArray KeyStore::publicKeyDer() const {
    return m_key.publicKeyDer();
}

QByteArray KeyStore::publicKeyRaw() const {
    return m_key.publicKeyRaw();
}

Result<QByteArray> KeyStore::ecdh(QByteArrayView peerPublicKey) const {
    return m_key.ecdh(peerPublicKey);
}

Result<QByteArray> KeyStore::sign(QByteArrayView data) const {
    return m_key.signSha256(data);
}

Result<QByteArray> KeyStore::openSealed(QByteArrayView sealed, QByteArrayView info) const {
    return m_key.openSealed(sealed, info);
}

QString KeyStore::secretPath(const QString& name) const {
    return m_dir + QStringLiteral("/secrets/") + name + QStringLiteral(".bin");
}

Result<void> KeyStore::storeSecret(const QString& name, QByteArrayView secret) {
    if (!isValidSecretName(name)) return badName(name);
    return writeSealedFile(secretPath(name), m_deviceBinding, secretLabel(name), secret);
}

Result<QByteArray> KeyStore::loadSecret(const QString& name) const {
    if (!isValidSecretName(name)) return badName(name);
    const QString path = secretPath(name);
    if (!QFileInfo::exists(path)) {
        return makeError(QStringLiteral("keystore.no_secret"),
                         QStringLiteral("No secret named \"%1\" is stored (%2 does not exist).").arg(name, path));
    }
    return readSealedFile(path, m_deviceBinding, secretLabel(name));
}

Result<void> KeyStore::eraseSecret(const QString& name) {
    if (!isValidSecretName(name)) return badName(name);
    const QString path = secretPath(name);
    QFile file(path);
    if (!file.exists()) return {};
    if (!file.remove()) return ioError(QStringLiteral("remove"), path, file.errorString());
    if (auto synced = syncDirectory(QFileInfo(path).absolutePath()); !synced)
        return ioError(QStringLiteral("sync the directory of"), path, synced.error().message);
    return {};
}

}  // namespace facepos
