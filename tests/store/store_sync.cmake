# SyncService against the real sandbox over loopback HTTP (issue 4).
facepos_add_test(tst_sync_service
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sync_service.cpp ${CMAKE_CURRENT_LIST_DIR}/store_fixture.h
            ${PROJECT_SOURCE_DIR}/tests/sandbox/sandbox_fixture.h ${PROJECT_SOURCE_DIR}/tests/sandbox/sandbox_fixture.cpp
    LIBS facepos_app facepos_sandbox facepos_sandbox_test_support
    LABELS integration TIMEOUT 300)
