#include "durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cerrno>
#include <cstring>

namespace facepos {

namespace {

Error ioFailed(const QString& what, const QString& path, const QString& why) {
    return makeError(QStringLiteral("io.failed"), QStringLiteral("Could not %1 %2: %3.").arg(what, path, why));
}

}  // namespace

Result<void> syncDirectory(const QString& directory) {
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ioFailed(QStringLiteral("open"), directory, QString::fromLocal8Bit(std::strerror(errno)));
    const bool synced = ::fsync(fd) == 0;
    const int syncErrno = errno;
    ::close(fd);
    if (!synced) return ioFailed(QStringLiteral("sync"), directory, QString::fromLocal8Bit(std::strerror(syncErrno)));
    return {};
}

Result<void> writeFileDurably(const QString& path, QByteArrayView content, QFileDevice::Permissions permissions) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return ioFailed(QStringLiteral("write"), path, file.errorString());
    // The permissions before the first byte is written, also when this creates the file.
    if (!file.setPermissions(permissions)) {
        file.cancelWriting();
        return ioFailed(QStringLiteral("set the permissions of"), path, file.errorString());
    }
    if (file.write(content.data(), content.size()) != content.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return ioFailed(QStringLiteral("write"), path, why);
    }
    if (!file.commit()) return ioFailed(QStringLiteral("write"), path, file.errorString());
    return syncDirectory(QFileInfo(path).absolutePath());
}

}  // namespace facepos
