#include "app/backend/backend_result.h"

namespace facepos::backend {

QString outcomeName(Outcome outcome) {
    switch (outcome) {
        case Outcome::Success:
            return QStringLiteral("success");
        case Outcome::Rejected:
            return QStringLiteral("rejected");
        case Outcome::Unknown:
            return QStringLiteral("unknown");
        case Outcome::Unconfirmed:
            return QStringLiteral("unconfirmed");
        case Outcome::NotSent:
            return QStringLiteral("not_sent");
    }
    return QStringLiteral("invalid");
}

}  // namespace facepos::backend
