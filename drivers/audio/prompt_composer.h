#pragma once

#include <QStringList>

#include "ivoiceprompter.h"

namespace facepos::drivers {

// Turns a prompt into the clips that say it, by name ("zh/success", "zh/d5", "en/yuan" …); each name is a
// resource :/voice/<name>.wav generated at build time (drivers/CMakeLists.txt, audio block). Pure functions.
//
// Amounts (docs/voice.md): Chinese reads the yuan in the usual way (十二, 一百零五, 一千零五, 一百万; a leading
// 一十 is said 十) and the fen after 点 with trailing zeros dropped (12.50 → 十二点五元, 1.00 → 一元,
// 0.05 → 零点零五元). English reads the same digits one by one ("one two point five yuan"): the clips stay few
// and the reading is unambiguous.
class PromptComposer {
public:
    static QStringList compose(Prompt prompt, qint64 amountFen, VoiceLanguage language);
    // The clips of an amount alone, ending with the yuan clip. Negative amounts are read as their magnitude.
    static QStringList amount(qint64 amountFen, VoiceLanguage language);
    // Every clip compose() can return: the resources must hold exactly these (checked by tst_voice).
    static QStringList allClips();
};

}  // namespace facepos::drivers
