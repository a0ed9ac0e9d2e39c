#pragma once

namespace facepos::sandbox {

// The facepos-sandbox command line (docs/terminal-api.md §17.1, §17.6):
//   facepos-sandbox serve --db FILE [--listen ADDR:PORT] [--tls [--cert FILE --key FILE]] [--admin-token TOKEN]
//                         [--seed empty|demo] [--updates DIR] [--allow-remote] [--log-level LEVEL]
//   facepos-sandbox admin [--url URL] [--ca-file FILE] [--token TOKEN | --db FILE] ACTION [key=value | key:=JSON] …
// Exit codes: 0 success, 1 a failure the message names, 2 bad arguments. Runs on the main thread.
int runSandboxCli(int argc, char** argv);

}  // namespace facepos::sandbox
