#include "simulated_voice_prompter.h"

#include <algorithm>

#include "prompt_composer.h"

namespace facepos::drivers {

SimulatedVoicePrompter::SimulatedVoicePrompter(VoiceLanguage language, int volume) : m_language(language) {
    setVolume(volume);
}

Result<void> SimulatedVoicePrompter::say(Prompt prompt, qint64 amountFen) {
    m_spoken.append({prompt, amountFen, m_language, m_volume, PromptComposer::compose(prompt, amountFen, m_language)});
    return {};
}

void SimulatedVoicePrompter::setVolume(int volume) {
    m_volume = std::clamp(volume, 0, 100);
}

}  // namespace facepos::drivers
