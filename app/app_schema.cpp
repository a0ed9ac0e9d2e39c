#include "app_schema.h"

namespace facepos {

const std::vector<Migration>& appMigrations() {
    static const std::vector<Migration> migrations{
        {1, "device metadata",
         "CREATE TABLE device_meta (\n"
         "  key   TEXT PRIMARY KEY NOT NULL,\n"
         "  value TEXT NOT NULL\n"
         ") STRICT;"},
    };
    return migrations;
}

}  // namespace facepos
