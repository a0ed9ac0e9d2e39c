#pragma once

#include <QString>

#include "platform/result.h"

namespace facepos::drivers {

// What the terminal says to the customer. The wording of each prompt is in docs/voice.md.
enum class Prompt {
    ShowPaymentCode,   // "please show your payment code"
    LookAtCamera,      // "please look at the camera"
    PaymentSucceeded,  // "payment successful, N yuan" (the amount is spoken)
    PaymentFailed,     // "payment failed"
    // Face capture guidance (app/face, docs/face-pay.md): said when the advice changes.
    MoveCloser,        // "please move closer"
    MoveBack,          // "please move back a little"
    FaceCamera,        // "please face the camera"
    TooDark,           // "too dark, please face the light"
    HoldStill,         // "please hold still"
    OnePersonOnly,     // "one person at a time, please"
    TurnHead,          // "please turn your head slightly" (the RGB liveness challenge)
    EnterPhoneDigits,  // "please enter the last four digits of your phone number"
};

enum class VoiceLanguage { ZhCN, En };

// Voice prompts. Implementations: AlsaVoicePrompter (real), SimulatedVoicePrompter (records, for the demo and
// tests), NullVoicePrompter (devices.audio = none); built by createVoicePrompter().
// Thread ownership: every method is called from the owner's (GUI) thread; say() never blocks on the sound card.
class IVoicePrompter {
public:
    virtual ~IVoicePrompter() = default;

    // Queues a prompt; amountFen is read only for PaymentSucceeded. Returns at once: an error here means the prompt
    // will not be spoken (no such device, unknown clip), errors of the playback itself go to lastError().
    virtual Result<void> say(Prompt prompt, qint64 amountFen = 0) = 0;

    virtual void setLanguage(VoiceLanguage language) = 0;
    virtual VoiceLanguage language() const = 0;
    // 0 (silent) … 100 (the clips as generated); clamped.
    virtual void setVolume(int volume) = 0;
    virtual int volume() const = 0;
};

}  // namespace facepos::drivers
