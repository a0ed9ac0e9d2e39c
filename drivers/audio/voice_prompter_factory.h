#pragma once

#include <QList>
#include <memory>

#include "drivers/driver_selection.h"
#include "ivoiceprompter.h"

namespace facepos {
class Settings;
}

namespace facepos::drivers {

class SimulatedVoicePrompter;

struct VoiceDevices {
    std::unique_ptr<IVoicePrompter> prompter;
    SimulatedVoicePrompter* simulated = nullptr;  // for scripting the demo and tests; owned by `prompter`
};

// The one factory of voice prompters. Reads devices.audio through `choices` (driverChoices(settings), or
// demoDriverChoices() for --demo), and audio.device, audio.volume and ui.language from `settings`:
//   alsa      → AlsaVoicePrompter on audio.device
//   simulated → SimulatedVoicePrompter
//   none      → NullVoicePrompter
// Nothing is opened here: a missing sound card shows up as an error of the first prompt, not at start-up.
Result<VoiceDevices> createVoicePrompter(const Settings& settings, const QList<DriverChoice>& choices);

}  // namespace facepos::drivers
