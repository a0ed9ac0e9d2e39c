#pragma once

#include <QHash>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "ivoiceprompter.h"
#include "wav_clip.h"

namespace facepos::drivers {

// devices.audio = alsa: plays the clips through an ALSA PCM (audio.device, "default" unless configured).
//
// Thread ownership: say(), setters and lastError() are called from the owner's thread; one worker thread, owned by
// this object and joined by its destructor, does all ALSA calls, so a slow or stuck sound card never blocks the
// GUI. The PCM is opened for each utterance and closed after it: a device plugged in later is found, and the
// "default" device stays free for other programs between prompts.
class AlsaVoicePrompter final : public IVoicePrompter {
public:
    AlsaVoicePrompter(QString device, VoiceLanguage language, int volume);
    ~AlsaVoicePrompter() override;
    AlsaVoicePrompter(const AlsaVoicePrompter&) = delete;
    AlsaVoicePrompter& operator=(const AlsaVoicePrompter&) = delete;

    // Loads the clips now (a missing clip is reported here, not on the worker) and queues them.
    Result<void> say(Prompt prompt, qint64 amountFen = 0) override;
    void setLanguage(VoiceLanguage language) override { m_language = language; }
    VoiceLanguage language() const override { return m_language; }
    void setVolume(int volume) override;
    int volume() const override { return m_volume.load(); }

    // Blocks until everything queued has been played, or `timeoutMs` passed; true if idle.
    bool waitUntilIdle(int timeoutMs);
    // The error of the last utterance that failed on the worker, if any (also logged).
    std::optional<Error> lastError() const;

    // Plays `clips` on the calling thread: the worker's body, public for tests and tools.
    static Result<void> play(const QString& device, const QList<WavClip>& clips, int volume);

private:
    Result<QList<WavClip>> load(const QStringList& names);
    void run();

    const QString m_device;
    VoiceLanguage m_language;
    std::atomic<int> m_volume;
    QHash<QString, WavClip> m_cache;  // owner's thread only

    mutable std::mutex m_mutex;  // guards everything below
    std::condition_variable m_changed;
    std::deque<QList<WavClip>> m_queue;
    bool m_busy = false;
    bool m_stopping = false;
    std::optional<Error> m_lastError;
    std::thread m_worker;  // last: started once the members above exist
};

}  // namespace facepos::drivers
