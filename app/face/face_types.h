#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QRectF>
#include <QString>

namespace facepos::face {

// What the customer is asked to do while the camera looks for a good, live face. Shown on the customer display and
// spoken (drivers/audio PromptComposer). The order is the order the quality gates are checked in.
enum class Guidance {
    None,           // a good frame: nothing to ask
    NoFace,         // "please look at the camera"
    OnePersonOnly,  // more than one face in view
    MoveCloser,     // face too small
    MoveBack,       // face too large / cut by the frame edge
    CenterFace,     // face too far from the centre
    FaceCamera,     // head rolled (eyes not level) or turned away
    TooDark,        // face region under-exposed
    TooBright,      // face region over-exposed
    HoldStill,      // blurred (variance of Laplacian under the threshold)
    Challenge,      // RGB liveness: "please blink" / "turn your head slightly" — see liveness.h
    NotLive,        // liveness rejected the face (flat depth, no infrared face, challenge failed)
};

QString guidanceName(Guidance guidance);  // "none", "no_face", "one_person_only", … for logs and tests

// What the pipeline says about one frame, for the live preview: the tracked face in normalised coordinates (0–1 of
// the frame) and the guidance. Carries no pixels.
struct FaceTrack {
    QRectF box;  // empty when no face is tracked
    Guidance guidance = Guidance::NoFace;
    double progress = 0;  // 0–1: how far the capture is (good frames collected, challenge done)
};

// An accepted capture, sealed to the backend's face key (§12.1): the only form in which face pixels leave the camera
// thread. The plain JPEG was wiped before this was made.
struct SealedFace {
    QByteArray sealedImage;  // crypto::sealToPublicKey(face_public_key, jpeg, "facepos face image v1:" + token)
    QString faceToken;       // the token it is bound to
    int livenessScore = 0;   // 0–100
    int jpegBytes = 0;       // size before sealing, for the log
};

}  // namespace facepos::face

Q_DECLARE_METATYPE(facepos::face::FaceTrack)
Q_DECLARE_METATYPE(facepos::face::SealedFace)
