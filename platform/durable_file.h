#pragma once

#include <QByteArrayView>
#include <QFileDevice>
#include <QString>

#include "platform/result.h"

namespace facepos {

// Makes a rename or a new directory entry in `directory` durable (fsync of the directory). Error "io.failed".
Result<void> syncDirectory(const QString& directory);

// Replaces `path` with `content` so that after a crash or power cut the file holds either the old or the new content,
// never a mix: QSaveFile (write beside, fsync, rename) followed by syncDirectory(). Error "io.failed", with the
// path and the reason.
Result<void> writeFileDurably(const QString& path, QByteArrayView content,
                              QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner);

}  // namespace facepos
