#pragma once

#include <vector>

#include "platform/database.h"

namespace facepos {

// The versioned schema of the terminal's own database (<data.dir>/facepos.db). Append only: a migration that has
// shipped is never edited, a change is a new migration with the next version.
const std::vector<Migration>& appMigrations();

}  // namespace facepos
