#pragma once

#include "isysteminfo.h"

namespace facepos {

// Reads the device's identity from the files Linux exposes. Every path is taken below `rootDir`, so tests (and a
// technician inspecting a mounted image) can point it at a fake root.
//
// Serial number, first usable one of:
//   <root>/sys/class/dmi/id/product_serial   (PCs and x86 boards; readable by root only)
//   the "Serial" line of <root>/proc/cpuinfo (Raspberry-Pi-style ARM boards)
//   <root>/etc/machine-id                    (any systemd system; per installation rather than per board)
// Empty values and firmware placeholders ("To be filled by O.E.M.", "Default string", all zeros, …) are skipped.
//
// Stateless: every call reads the files again, so any thread may call at any time.
class SystemInfo final : public ISystemInfo {
public:
    // `softwareVersion` empty: QCoreApplication::applicationVersion() at the time of the call.
    explicit SystemInfo(QString rootDir = QStringLiteral("/"), QString softwareVersion = {});

    Result<QString> serialNumber() const override;
    // <root>/sys/class/dmi/id/product_name, else <root>/proc/device-tree/model, else "Unknown".
    QString model() const override;
    QString softwareVersion() const override;
    // PRETTY_NAME of <root>/etc/os-release (or <root>/usr/lib/os-release) and <root>/proc/sys/kernel/osrelease.
    QString osDescription() const override;
    // A fixed label, the serial number and the machine-id. A new installation (new machine-id) or another board
    // (new serial) yields other bytes, so a key store copied to either cannot be opened there.
    Result<QByteArray> deviceBinding() const override;

    // Whether a value read from firmware is a placeholder rather than a real serial or model name.
    static bool isPlaceholder(const QString& value);

private:
    QString path(const QString& relative) const;

    QString m_root;
    QString m_softwareVersion;
};

}  // namespace facepos
