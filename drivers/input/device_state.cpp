#include "device_state.h"

namespace facepos::drivers {

QString deviceStatusName(DeviceState::Status status) {
    switch (status) {
        case DeviceState::Status::Disconnected:
            return QStringLiteral("disconnected");
        case DeviceState::Status::Connected:
            return QStringLiteral("connected");
        case DeviceState::Status::Error:
            return QStringLiteral("error");
    }
    return {};
}

}  // namespace facepos::drivers
