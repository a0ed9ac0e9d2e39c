#include "driver_selection.h"

#include "platform/settings.h"

namespace facepos {

namespace {

struct KindKey {
    DeviceKind kind;
    const char16_t* key;
};

constexpr KindKey kKindKeys[] = {
    {DeviceKind::Camera, u"devices.camera"}, {DeviceKind::Scanner, u"devices.scanner"},
    {DeviceKind::Keypad, u"devices.keypad"}, {DeviceKind::Printer, u"devices.printer"},
    {DeviceKind::Drawer, u"devices.drawer"}, {DeviceKind::Audio, u"devices.audio"},
};

DriverFlavor flavorOf(const QString& backend) {
    if (backend == QLatin1String("none")) return DriverFlavor::None;
    if (backend == QLatin1String("simulated") || backend == QLatin1String("virtual")) return DriverFlavor::Simulated;
    return DriverFlavor::Real;
}

}  // namespace

QList<DriverChoice> driverChoices(const Settings& settings) {
    QList<DriverChoice> choices;
    for (const auto& [kind, key] : kKindKeys) {
        const QString backend = settings.string(key);
        choices.append({kind, flavorOf(backend), backend});
    }
    return choices;
}

QList<DriverChoice> demoDriverChoices() {
    QList<DriverChoice> choices;
    for (const auto& entry : kKindKeys) {
        const bool printer = entry.kind == DeviceKind::Printer;
        choices.append(
            {entry.kind, DriverFlavor::Simulated, printer ? QStringLiteral("virtual") : QStringLiteral("simulated")});
    }
    return choices;
}

QString deviceKindName(DeviceKind kind) {
    switch (kind) {
        case DeviceKind::Camera:
            return QStringLiteral("camera");
        case DeviceKind::Scanner:
            return QStringLiteral("scanner");
        case DeviceKind::Keypad:
            return QStringLiteral("keypad");
        case DeviceKind::Printer:
            return QStringLiteral("printer");
        case DeviceKind::Drawer:
            return QStringLiteral("drawer");
        case DeviceKind::Audio:
            return QStringLiteral("audio");
    }
    return QStringLiteral("unknown");
}

}  // namespace facepos
