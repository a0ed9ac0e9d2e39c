# The chaos proof of the checkout (issue 7): the payment core as a process of its own, SIGKILLed at random moments
# by the harness while the sandbox injects faults on every payment call.
add_executable(facepos_chaos_terminal chaos_terminal.cpp)
target_link_libraries(facepos_chaos_terminal PRIVATE facepos_app facepos_drivers Qt6::Core)

facepos_add_test(tst_payment_chaos SOURCES tst_payment_chaos.cpp ../support/child_process.cpp
    LIBS facepos_app facepos_sandbox facepos_sandbox_test_support SQLite::SQLite3
    LABELS slow TIMEOUT 1200)
target_compile_definitions(tst_payment_chaos
    PRIVATE FACEPOS_CHAOS_TERMINAL="$<TARGET_FILE:facepos_chaos_terminal>")
add_dependencies(tst_payment_chaos facepos_chaos_terminal)
