#pragma once

#include <QList>
#include <QString>

namespace facepos {

class Settings;

// Which implementation of each device kind the application uses. Every device kind has one factory that reads this
// and builds the real driver, its simulated twin or a stub, so no call site ever asks which one it has.
enum class DeviceKind { Camera, Scanner, Keypad, Printer, Drawer, Audio };

enum class DriverFlavor {
    Real,       // the hardware path: V4L2, evdev, serial, USB printer class, ALSA
    Simulated,  // a scriptable twin for the demo and tests (file-backed camera, virtual printer, …)
    None,       // the device is absent; features that need it say so
};

struct DriverChoice {
    DeviceKind kind;
    DriverFlavor flavor;
    QString backend;  // the configured value, e.g. "evdev", "virtual", "simulated"
};

// Reads the devices.* settings. Pure function of the settings, so it is safe anywhere.
QList<DriverChoice> driverChoices(const Settings& settings);

QString deviceKindName(DeviceKind kind);

// The choices forced for `facepos --demo`: every device simulated, whatever the configuration says.
QList<DriverChoice> demoDriverChoices();

}  // namespace facepos
