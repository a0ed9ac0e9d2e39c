#include "sandbox/sandbox_logging.h"

namespace facepos::sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "facepos.sandbox")

}  // namespace facepos::sandbox
