#pragma once

#include <QByteArray>
#include <QString>

#include "result.h"

namespace facepos {

// Facts about the device the terminal runs on, for activation (the serial number identifies the device to the
// backend), the technician screen and the key store. Implementations must be safe to call from any thread.
class ISystemInfo {
public:
    virtual ~ISystemInfo() = default;

    // The hardware serial number, upper case. Error sysinfo.no_serial when the device has none we can read.
    virtual Result<QString> serialNumber() const = 0;
    // The product name of the board or machine; "Unknown" when none is recorded.
    virtual QString model() const = 0;
    virtual QString softwareVersion() const = 0;
    // Operating system and kernel, e.g. "Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-arm64".
    virtual QString osDescription() const = 0;
    // Bytes that stay the same for the life of this device's installation and differ between devices, from which
    // the key store derives its key-encryption key. Not secret on its own; never log or send it.
    virtual Result<QByteArray> deviceBinding() const = 0;
};

}  // namespace facepos
