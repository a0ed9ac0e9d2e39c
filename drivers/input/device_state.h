#pragma once

#include <QMetaType>
#include <QString>

namespace facepos::drivers {

// What the UI shows for an input device (technician screen, status bar). Plain value, any thread may copy it.
struct DeviceState {
    enum class Status {
        Disconnected,  // not present (yet) or unplugged; the driver keeps trying to reconnect
        Connected,     // open and delivering input
        Error,         // present but unusable (grabbed by another program, bad configuration): `message` says why
    };

    Status status = Status::Disconnected;
    QString message;  // for the person at the counter or the technician; empty when connected

    bool operator==(const DeviceState&) const = default;
};

QString deviceStatusName(DeviceState::Status status);  // "connected", "disconnected", "error"

}  // namespace facepos::drivers

Q_DECLARE_METATYPE(facepos::drivers::DeviceState)
