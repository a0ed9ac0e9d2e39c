#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "platform/result.h"

namespace facepos::drivers {

// One voice clip: 16-bit signed little-endian mono PCM, the only form espeak-ng writes and the only one
// AlsaVoicePrompter plays (so the PCM needs no conversion and the volume is a multiplication).
struct WavClip {
    int sampleRate = 0;
    QByteArray samples;  // S16_LE, mono

    qsizetype frameCount() const { return samples.size() / 2; }
    double durationSeconds() const { return sampleRate > 0 ? double(frameCount()) / sampleRate : 0.0; }

    // Parses a RIFF/WAVE file. Anything but PCM, 1 channel, 16 bits is rejected with audio.bad_clip, naming what
    // was found. A data chunk longer than the file (espeak-ng writing to a pipe cannot patch the size) is cut to
    // what is there.
    static Result<WavClip> parse(QByteArrayView wav, const QString& name);
    // Reads ":/voice/<name>.wav" from the clips compiled into facepos_drivers.
    static Result<WavClip> fromResource(const QString& name);
};

// The samples with the volume applied: each sample × volume / 100, volume clamped to 0…100, so 0 is silence and
// 100 is the clip unchanged. Scaling the samples instead of using an ALSA mixer control keeps the volume ours: the
// "default" device may have no mixer, and other programs' levels are not touched.
QByteArray scaleVolume(QByteArrayView samples, int volume);

}  // namespace facepos::drivers
