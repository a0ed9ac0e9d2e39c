#include "face_types.h"

namespace facepos::face {

QString guidanceName(Guidance guidance) {
    switch (guidance) {
        case Guidance::None:
            return QStringLiteral("none");
        case Guidance::NoFace:
            return QStringLiteral("no_face");
        case Guidance::OnePersonOnly:
            return QStringLiteral("one_person_only");
        case Guidance::MoveCloser:
            return QStringLiteral("move_closer");
        case Guidance::MoveBack:
            return QStringLiteral("move_back");
        case Guidance::CenterFace:
            return QStringLiteral("center_face");
        case Guidance::FaceCamera:
            return QStringLiteral("face_camera");
        case Guidance::TooDark:
            return QStringLiteral("too_dark");
        case Guidance::TooBright:
            return QStringLiteral("too_bright");
        case Guidance::HoldStill:
            return QStringLiteral("hold_still");
        case Guidance::Challenge:
            return QStringLiteral("challenge");
        case Guidance::NotLive:
            return QStringLiteral("not_live");
    }
    return QStringLiteral("unknown");
}

}  // namespace facepos::face
