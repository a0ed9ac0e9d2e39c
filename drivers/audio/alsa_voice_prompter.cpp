#include "alsa_voice_prompter.h"

#include <alsa/asoundlib.h>

#include <QDebug>
#include <algorithm>
#include <chrono>

#include "prompt_composer.h"

namespace facepos::drivers {

namespace {

Error alsaError(const QString& code, const QString& what, const QString& device, int err) {
    return makeError(code, QStringLiteral("Voice prompts: %1 audio device '%2' failed (%3). Check audio.device "
                                          "(an ALSA PCM name such as default, hw:0,0 or plughw:1,0; `aplay -L` "
                                          "lists them) and that the speaker is connected.")
                               .arg(what, device, QString::fromLocal8Bit(snd_strerror(err))));
}

// Owns an open PCM so every return path closes it.
struct PcmHandle {
    snd_pcm_t* pcm = nullptr;
    PcmHandle() = default;
    PcmHandle(const PcmHandle&) = delete;
    PcmHandle& operator=(const PcmHandle&) = delete;
    ~PcmHandle() {
        if (pcm) snd_pcm_close(pcm);
    }
};

}  // namespace

AlsaVoicePrompter::AlsaVoicePrompter(QString device, VoiceLanguage language, int volume)
    : m_device(std::move(device)), m_language(language), m_volume(std::clamp(volume, 0, 100)) {
    m_worker = std::thread([this] { run(); });
}

AlsaVoicePrompter::~AlsaVoicePrompter() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();  // prompts not yet started are stale once the terminal shuts down
    }
    m_changed.notify_all();
    m_worker.join();
}

void AlsaVoicePrompter::setVolume(int volume) {
    m_volume = std::clamp(volume, 0, 100);
}

Result<QList<WavClip>> AlsaVoicePrompter::load(const QStringList& names) {
    QList<WavClip> clips;
    for (const QString& name : names) {
        auto cached = m_cache.constFind(name);
        if (cached == m_cache.cend()) {
            Result<WavClip> clip = WavClip::fromResource(name);
            if (!clip) return clip.error();
            cached = m_cache.insert(name, std::move(clip).value());
        }
        clips.append(*cached);
    }
    return clips;
}

Result<void> AlsaVoicePrompter::say(Prompt prompt, qint64 amountFen) {
    Result<QList<WavClip>> clips = load(PromptComposer::compose(prompt, amountFen, m_language));
    if (!clips) return clips.error();
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(clips).value());
    }
    m_changed.notify_all();
    return {};
}

bool AlsaVoicePrompter::waitUntilIdle(int timeoutMs) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [this] { return m_queue.empty() && !m_busy; });
}

std::optional<Error> AlsaVoicePrompter::lastError() const {
    const std::lock_guard lock(m_mutex);
    return m_lastError;
}

void AlsaVoicePrompter::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping) return;
        const QList<WavClip> clips = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        const Result<void> played = play(m_device, clips, m_volume.load());
        if (!played) qWarning().noquote() << played.error().message;
        lock.lock();
        if (!played) m_lastError = played.error();
        m_busy = false;
        m_changed.notify_all();
    }
}

Result<void> AlsaVoicePrompter::play(const QString& device, const QList<WavClip>& clips, int volume) {
    if (clips.isEmpty()) return {};
    const int rate = clips.first().sampleRate;
    QByteArray samples;
    for (const WavClip& clip : clips) {
        // One PCM configuration per utterance: espeak-ng writes every clip at the same rate, a mixed set is a
        // build mistake.
        if (clip.sampleRate != rate) {
            return makeError(QStringLiteral("audio.bad_clip"),
                             QStringLiteral("Voice clips of one prompt have different sample rates (%1 Hz, %2 Hz); "
                                            "rebuild FacePOS.")
                                 .arg(rate)
                                 .arg(clip.sampleRate));
        }
        samples += clip.samples;
    }
    samples = scaleVolume(samples, volume);

    PcmHandle handle;
    const QByteArray name = device.toLocal8Bit();
    int err = snd_pcm_open(&handle.pcm, name.constData(), SND_PCM_STREAM_PLAYBACK, 0);
    if (err < 0) return alsaError(QStringLiteral("audio.open_failed"), QStringLiteral("opening"), device, err);
    // Soft resampling on: a card that cannot do espeak-ng's 22050 Hz gets it converted by alsa-lib.
    err = snd_pcm_set_params(handle.pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1, unsigned(rate), 1,
                             500000);
    if (err < 0) return alsaError(QStringLiteral("audio.setup_failed"), QStringLiteral("setting up"), device, err);

    const auto* data = reinterpret_cast<const qint16*>(samples.constData());
    snd_pcm_uframes_t left = snd_pcm_uframes_t(samples.size() / 2);
    while (left > 0) {
        snd_pcm_sframes_t written = snd_pcm_writei(handle.pcm, data, left);
        if (written < 0) {
            // An underrun (-EPIPE) or a suspend is recoverable once; anything else ends the utterance.
            err = snd_pcm_recover(handle.pcm, int(written), 1);
            if (err < 0)
                return alsaError(QStringLiteral("audio.write_failed"), QStringLiteral("playing on"), device, err);
            continue;
        }
        data += written;
        left -= snd_pcm_uframes_t(written);
    }
    err = snd_pcm_drain(handle.pcm);
    if (err < 0) return alsaError(QStringLiteral("audio.write_failed"), QStringLiteral("finishing on"), device, err);
    return {};
}

}  // namespace facepos::drivers
