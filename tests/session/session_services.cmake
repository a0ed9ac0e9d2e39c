# Activation, sign-in, clerks and shifts through the services against the sandbox (issue 5).
facepos_add_test(tst_session_services
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_session_services.cpp
            ${PROJECT_SOURCE_DIR}/tests/sandbox/sandbox_fixture.h ${PROJECT_SOURCE_DIR}/tests/sandbox/sandbox_fixture.cpp
    LIBS facepos_app facepos_sandbox facepos_sandbox_test_support
    LABELS e2e TIMEOUT 600)
