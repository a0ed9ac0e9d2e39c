// The build-time clips in the resources, the WAV parser, volume scaling, playback to ALSA's "null" PCM (defined by
// alsa-lib's own alsa.conf, so no sound card is needed), the factory and the simulated prompter.
#include <gtest/gtest.h>

#include <QtEndian>

#include "drivers/audio/alsa_voice_prompter.h"
#include "drivers/audio/prompt_composer.h"
#include "drivers/audio/simulated_voice_prompter.h"
#include "drivers/audio/voice_prompter_factory.h"
#include "drivers/audio/wav_clip.h"
#include "platform/settings.h"

using namespace facepos;
using namespace facepos::drivers;

namespace {

QByteArray wavHeader(quint16 format, quint16 channels, quint16 bits, const QByteArray& data) {
    QByteArray wav("RIFF\0\0\0\0WAVEfmt ", 16);
    auto put16 = [&wav](quint16 v) { wav.append(reinterpret_cast<const char*>(&v), 2); };
    auto put32 = [&wav](quint32 v) { wav.append(reinterpret_cast<const char*>(&v), 4); };
    put32(16);
    put16(format);
    put16(channels);
    put32(22050);
    put32(22050u * channels * bits / 8);
    put16(quint16(channels * bits / 8));
    put16(bits);
    wav.append("data", 4);
    put32(quint32(data.size()));
    wav.append(data);
    return wav;
}

}  // namespace

TEST(VoiceClips, EveryClipIsInTheResourcesAndLastsLongEnough) {
    for (const QString& name : PromptComposer::allClips()) {
        const Result<WavClip> clip = WavClip::fromResource(name);
        ASSERT_TRUE(clip.ok()) << clip.error().message.toStdString();
        // Even a one-syllable clip ("十", "one") is well over a tenth of a second.
        EXPECT_GT(clip->durationSeconds(), 0.1) << name.toStdString();
        EXPECT_EQ(clip->sampleRate, 22050) << name.toStdString();
    }
}

TEST(WavClip, ParsesSixteenBitMono) {
    const Result<WavClip> clip = WavClip::parse(wavHeader(1, 1, 16, QByteArray(44100, '\1')), "test");
    ASSERT_TRUE(clip.ok());
    EXPECT_EQ(clip->frameCount(), 22050);
    EXPECT_DOUBLE_EQ(clip->durationSeconds(), 1.0);
}

TEST(WavClip, RejectsStereoEightBitAndNonPcmWithTheReason) {
    const Result<WavClip> stereo = WavClip::parse(wavHeader(1, 2, 16, QByteArray(8, '\0')), "s");
    ASSERT_FALSE(stereo.ok());
    EXPECT_EQ(stereo.error().code, "audio.bad_clip");
    EXPECT_TRUE(stereo.error().message.contains("2 channels, expected mono"));
    const Result<WavClip> eightBit = WavClip::parse(wavHeader(1, 1, 8, QByteArray(8, '\0')), "e");
    ASSERT_FALSE(eightBit.ok());
    EXPECT_TRUE(eightBit.error().message.contains("8-bit samples, expected 16-bit"));
    const Result<WavClip> floating = WavClip::parse(wavHeader(3, 1, 32, QByteArray(8, '\0')), "f");
    ASSERT_FALSE(floating.ok());
    EXPECT_TRUE(floating.error().message.contains("not PCM"));
    EXPECT_FALSE(WavClip::parse(QByteArray("not a wav file at all"), "x").ok());
}

TEST(VolumeScaling, ZeroIsSilenceHundredIsUnchangedHalfHalves) {
    QByteArray samples(6, '\0');
    qToLittleEndian<qint16>(32767, samples.data());
    qToLittleEndian<qint16>(-32768, samples.data() + 2);
    qToLittleEndian<qint16>(1000, samples.data() + 4);
    EXPECT_EQ(scaleVolume(samples, 0), QByteArray(6, '\0'));
    EXPECT_EQ(scaleVolume(samples, 100), samples);
    const QByteArray half = scaleVolume(samples, 50);
    EXPECT_EQ(qFromLittleEndian<qint16>(half.constData() + 4), 500);
    EXPECT_EQ(qFromLittleEndian<qint16>(half.constData() + 2), -16384);
    EXPECT_EQ(scaleVolume(samples, 250), samples);  // clamped to 100
}

TEST(AlsaVoicePrompter, PlaysAPromptToTheNullDevice) {
    AlsaVoicePrompter prompter(QStringLiteral("null"), VoiceLanguage::ZhCN, 80);
    ASSERT_TRUE(prompter.say(Prompt::PaymentSucceeded, 1250).ok());
    prompter.setLanguage(VoiceLanguage::En);
    ASSERT_TRUE(prompter.say(Prompt::LookAtCamera).ok());
    ASSERT_TRUE(prompter.waitUntilIdle(30000));
    EXPECT_FALSE(prompter.lastError().has_value()) << prompter.lastError()->message.toStdString();
}

TEST(AlsaVoicePrompter, UnknownDeviceIsAClearError) {
    const Result<WavClip> clip = WavClip::fromResource(QStringLiteral("zh/d1"));
    ASSERT_TRUE(clip.ok());
    const Result<void> played = AlsaVoicePrompter::play(QStringLiteral("no_such_pcm"), {*clip}, 80);
    ASSERT_FALSE(played.ok());
    EXPECT_EQ(played.error().code, "audio.open_failed");
    EXPECT_TRUE(played.error().message.contains("'no_such_pcm'"));
    EXPECT_TRUE(played.error().message.contains("audio.device"));
}

TEST(AlsaVoicePrompter, UnknownDeviceIsReportedByTheWorker) {
    AlsaVoicePrompter prompter(QStringLiteral("no_such_pcm"), VoiceLanguage::ZhCN, 80);
    ASSERT_TRUE(prompter.say(Prompt::PaymentFailed).ok());
    ASSERT_TRUE(prompter.waitUntilIdle(30000));
    ASSERT_TRUE(prompter.lastError().has_value());
    EXPECT_EQ(prompter.lastError()->code, "audio.open_failed");
}

TEST(VoicePrompterFactory, DemoIsSimulatedAndRecordsInTheConfiguredLanguageAndVolume) {
    Settings settings = Settings::defaults();
    const Result<VoiceDevices> devices = createVoicePrompter(settings, demoDriverChoices());
    ASSERT_TRUE(devices.ok());
    ASSERT_NE(devices->simulated, nullptr);
    ASSERT_TRUE(devices->prompter->say(Prompt::PaymentSucceeded, 1000).ok());
    ASSERT_EQ(devices->simulated->spoken().size(), 1);
    const auto& said = devices->simulated->spoken().first();
    EXPECT_EQ(said.volume, 80);
    EXPECT_EQ(said.language, VoiceLanguage::ZhCN);
    EXPECT_EQ(said.clips, (QStringList{"zh/success", "zh/shi", "zh/yuan"}));
}

TEST(VoicePrompterFactory, NoneSaysItIsAbsent) {
    const Result<VoiceDevices> devices = createVoicePrompter(
        Settings::defaults(), {DriverChoice{DeviceKind::Audio, DriverFlavor::None, QStringLiteral("none")}});
    ASSERT_TRUE(devices.ok());
    const Result<void> said = devices->prompter->say(Prompt::PaymentFailed);
    ASSERT_FALSE(said.ok());
    EXPECT_EQ(said.error().code, "audio.absent");
}
