#include "keypad_factory.h"

#include "evdev_keypad.h"
#include "null_keypad.h"
#include "platform/settings.h"
#include "simulated_keypad.h"

namespace facepos::drivers {

Result<std::unique_ptr<IKeypad>> createKeypad(const Settings& settings) {
    return createKeypad(settings.string(u"devices.keypad"), settings);
}

Result<std::unique_ptr<IKeypad>> createKeypad(const QString& backend, const Settings& settings) {
    if (backend == QLatin1String("evdev")) {
        Result<KeypadKeyMap> keyMap = KeypadKeyMap::fromSetting(settings.string(u"keypad.key_map"));
        if (!keyMap) return keyMap.error();
        EvdevInputConfig config;
        config.device = settings.string(u"keypad.device");
        if (config.device.isEmpty()) {
            return makeError(QStringLiteral("input.not_configured"),
                             QStringLiteral("devices.keypad is evdev but keypad.device is empty: set it to the "
                                            "keypad's /dev/input/by-id name or its USB id as vid:pid."));
        }
        config.role = QStringLiteral("keypad");
        config.reconnectInterval = settings.duration(u"keypad.reconnect_interval_ms");
        return std::unique_ptr<IKeypad>(std::make_unique<EvdevKeypad>(config, std::move(keyMap).value()));
    }
    if (backend == QLatin1String("simulated")) return std::unique_ptr<IKeypad>(std::make_unique<SimulatedKeypad>());
    return std::unique_ptr<IKeypad>(std::make_unique<NullKeypad>());
}

}  // namespace facepos::drivers
