#pragma once

namespace facepos::sandbox {

// The tables of the sandbox's payment calls (PaymentService), as one SQL script of CREATE TABLE / CREATE INDEX
// statements without parameters or transaction control, for the core's Migration list. All tables are STRICT;
// times are Unix milliseconds (UTC), money is integer fen. Table names start with "pay_" so they never clash with
// the core's. `reset` (§17.6) wipes every pay_ table except pay_face_keys (the face key survives a reset).
//
// The returned string has static storage duration, as Migration requires.
const char* paymentSchemaSql();

}  // namespace facepos::sandbox
