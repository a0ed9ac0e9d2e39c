#include "voice_prompter_factory.h"

#include "alsa_voice_prompter.h"
#include "null_voice_prompter.h"
#include "platform/settings.h"
#include "simulated_voice_prompter.h"

namespace facepos::drivers {

Result<VoiceDevices> createVoicePrompter(const Settings& settings, const QList<DriverChoice>& choices) {
    DriverChoice audio{DeviceKind::Audio, DriverFlavor::None, QStringLiteral("none")};
    for (const DriverChoice& choice : choices) {
        if (choice.kind == DeviceKind::Audio) audio = choice;
    }
    const VoiceLanguage language =
        settings.string(u"ui.language") == QLatin1String("en") ? VoiceLanguage::En : VoiceLanguage::ZhCN;
    const int volume = settings.integer(u"audio.volume");

    VoiceDevices devices;
    if (audio.backend == QLatin1String("alsa")) {
        QString device = settings.string(u"audio.device");
        if (device.isEmpty()) device = QStringLiteral("default");
        devices.prompter = std::make_unique<AlsaVoicePrompter>(device, language, volume);
    } else if (audio.flavor == DriverFlavor::Simulated) {
        auto simulated = std::make_unique<SimulatedVoicePrompter>(language, volume);
        devices.simulated = simulated.get();
        devices.prompter = std::move(simulated);
    } else {
        devices.prompter = std::make_unique<NullVoicePrompter>();
        devices.prompter->setLanguage(language);
        devices.prompter->setVolume(volume);
    }
    return devices;
}

}  // namespace facepos::drivers
