#include "sandbox/sandbox_cli.h"

int main(int argc, char** argv) {
    return facepos::sandbox::runSandboxCli(argc, argv);
}
