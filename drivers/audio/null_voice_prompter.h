#pragma once

#include <algorithm>

#include "ivoiceprompter.h"

namespace facepos::drivers {

// devices.audio = none: the terminal has no speaker. say() fails with audio.absent so a caller that needs the
// prompt heard knows it was not; the screen shows the same words, so checkout goes on.
class NullVoicePrompter final : public IVoicePrompter {
public:
    Result<void> say(Prompt, qint64 = 0) override {
        return makeError(QStringLiteral("audio.absent"),
                         QStringLiteral("No speaker is configured (devices.audio = none): voice prompts are off; the "
                                        "screen shows the same instructions."));
    }
    void setLanguage(VoiceLanguage language) override { m_language = language; }
    VoiceLanguage language() const override { return m_language; }
    void setVolume(int volume) override { m_volume = std::clamp(volume, 0, 100); }
    int volume() const override { return m_volume; }

private:
    VoiceLanguage m_language = VoiceLanguage::ZhCN;
    int m_volume = 0;
};

}  // namespace facepos::drivers
