# The payment engine (issue 7, "engine"): the decision core alone, then the engine against the in-process sandbox.
facepos_add_test(tst_payment_flow
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_payment_flow.cpp
    LIBS facepos_app
    LABELS unit)
facepos_add_test(tst_payment_engine
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_payment_engine.cpp ${CMAKE_CURRENT_LIST_DIR}/engine_test_support.h
            ${PROJECT_SOURCE_DIR}/tests/sandbox/sandbox_fixture.h ${PROJECT_SOURCE_DIR}/tests/sandbox/sandbox_fixture.cpp
    LIBS facepos_app facepos_sandbox facepos_sandbox_test_support
    LABELS integration TIMEOUT 120)
