#include "wav_clip.h"

#include <QFile>
#include <QtEndian>
#include <algorithm>

namespace facepos::drivers {

namespace {

Error badClip(const QString& name, const QString& why) {
    return makeError(QStringLiteral("audio.bad_clip"),
                     QStringLiteral("Voice clip %1 cannot be played: %2. The clips are generated at build time by "
                                    "espeak-ng; rebuild FacePOS.")
                         .arg(name, why));
}

quint16 u16(QByteArrayView data, qsizetype at) {
    return qFromLittleEndian<quint16>(data.data() + at);
}
quint32 u32(QByteArrayView data, qsizetype at) {
    return qFromLittleEndian<quint32>(data.data() + at);
}

}  // namespace

Result<WavClip> WavClip::parse(QByteArrayView wav, const QString& name) {
    if (wav.size() < 12 || wav.first(4) != QByteArrayView("RIFF") || wav.sliced(8, 4) != QByteArrayView("WAVE")) {
        return badClip(name, QStringLiteral("not a RIFF/WAVE file"));
    }
    WavClip clip;
    bool haveFormat = false;
    qsizetype at = 12;
    while (at + 8 <= wav.size()) {
        const QByteArrayView id = wav.sliced(at, 4);
        const qsizetype size = u32(wav, at + 4);
        const qsizetype body = at + 8;
        if (id == QByteArrayView("fmt ")) {
            if (size < 16 || body + 16 > wav.size()) return badClip(name, QStringLiteral("truncated fmt chunk"));
            const quint16 format = u16(wav, body);
            const quint16 channels = u16(wav, body + 2);
            const quint16 bits = u16(wav, body + 14);
            if (format != 1) return badClip(name, QStringLiteral("format %1 is not PCM (1)").arg(format));
            if (channels != 1) return badClip(name, QStringLiteral("%1 channels, expected mono").arg(channels));
            if (bits != 16) return badClip(name, QStringLiteral("%1-bit samples, expected 16-bit").arg(bits));
            clip.sampleRate = int(u32(wav, body + 4));
            if (clip.sampleRate <= 0) return badClip(name, QStringLiteral("sample rate 0"));
            haveFormat = true;
        } else if (id == QByteArrayView("data")) {
            if (!haveFormat) return badClip(name, QStringLiteral("data chunk before the fmt chunk"));
            const qsizetype available = std::min(size, wav.size() - body);
            clip.samples = wav.sliced(body, available & ~qsizetype(1)).toByteArray();
            return clip;
        }
        at = body + size + (size & 1);  // chunks are padded to an even size
    }
    return badClip(name, haveFormat ? QStringLiteral("no data chunk") : QStringLiteral("no fmt chunk"));
}

Result<WavClip> WavClip::fromResource(const QString& name) {
    QFile file(QStringLiteral(":/voice/%1.wav").arg(name));
    if (!file.open(QIODevice::ReadOnly)) return badClip(name, QStringLiteral("it is missing from the resources"));
    return parse(file.readAll(), name);
}

QByteArray scaleVolume(QByteArrayView samples, int volume) {
    volume = std::clamp(volume, 0, 100);
    QByteArray out(samples.size() & ~qsizetype(1), Qt::Uninitialized);
    for (qsizetype i = 0; i + 1 < samples.size(); i += 2) {
        const qint32 sample = qFromLittleEndian<qint16>(samples.data() + i);
        qToLittleEndian<qint16>(qint16(sample * volume / 100), out.data() + i);
    }
    return out;
}

}  // namespace facepos::drivers
