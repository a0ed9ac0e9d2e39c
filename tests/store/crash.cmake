# Crash recovery (issue 4): the terminal core as a process of its own, SIGKILLed at random moments by the harness
# while the sandbox injects faults on sync_upload.
add_executable(facepos_crash_terminal crash_terminal.cpp)
target_link_libraries(facepos_crash_terminal PRIVATE facepos_app Qt6::Core)

facepos_add_test(tst_crash_recovery SOURCES tst_crash_recovery.cpp ../support/child_process.cpp
    LIBS facepos_app facepos_sandbox facepos_sandbox_test_support SQLite::SQLite3
    LABELS slow TIMEOUT 900)
target_compile_definitions(tst_crash_recovery
    PRIVATE FACEPOS_CRASH_TERMINAL="$<TARGET_FILE:facepos_crash_terminal>")
add_dependencies(tst_crash_recovery facepos_crash_terminal)
