#pragma once

#include <QList>

#include "ivoiceprompter.h"

namespace facepos::drivers {

// devices.audio = simulated: says nothing, records what it was asked to say, for the demo and tests.
class SimulatedVoicePrompter final : public IVoicePrompter {
public:
    struct Utterance {
        Prompt prompt;
        qint64 amountFen;
        VoiceLanguage language;
        int volume;
        QStringList clips;  // what AlsaVoicePrompter would have played
    };

    explicit SimulatedVoicePrompter(VoiceLanguage language = VoiceLanguage::ZhCN, int volume = 80);

    Result<void> say(Prompt prompt, qint64 amountFen = 0) override;
    void setLanguage(VoiceLanguage language) override { m_language = language; }
    VoiceLanguage language() const override { return m_language; }
    void setVolume(int volume) override;
    int volume() const override { return m_volume; }

    const QList<Utterance>& spoken() const { return m_spoken; }
    void clear() { m_spoken.clear(); }

private:
    VoiceLanguage m_language;
    int m_volume = 80;
    QList<Utterance> m_spoken;
};

}  // namespace facepos::drivers
