#pragma once

namespace facepos {

// One step of the schema history. `version` is stored in PRAGMA user_version once the step has been applied;
// versions start at 1 and ascend strictly. `sql` is a script of one or more statements without parameters and
// without transaction control: Database::open() runs it inside its own transaction, so a migration applies
// completely or not at all (which also means PRAGMA foreign_keys cannot be changed from inside a migration).
// The strings are expected to be literals with static storage duration.
struct Migration {
    int version;
    const char* name;
    const char* sql;
};

}  // namespace facepos
