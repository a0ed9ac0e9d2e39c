#pragma once

#include <QLoggingCategory>

namespace facepos::sandbox {

// facepos.sandbox: the sandbox backend (requests, admin actions, faults). Never secrets, K values, proofs, session
// tokens, full payment codes or images.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

}  // namespace facepos::sandbox
