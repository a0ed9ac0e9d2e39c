# The outbox in the UI (issue 4): SyncStatus on its own, and the sync page and status bar driven by objectName.
facepos_add_test(tst_sync_status
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sync_status.cpp
    LIBS facepos_app
    LABELS unit)

facepos_add_test(tst_sync_page GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sync_page.cpp
            ${PROJECT_SOURCE_DIR}/tests/app/ui_test_support.h ${PROJECT_SOURCE_DIR}/tests/app/ui_test_support.cpp
    LIBS facepos_app facepos_appplugin
    LABELS e2e TIMEOUT 180)

# facepos-sync-page-sample: renders the sync page mid-drain with a refused record (docs/images/sync-page-*.png).
add_executable(facepos-sync-page-sample
    ${CMAKE_CURRENT_LIST_DIR}/sync_page_sample_main.cpp
    ${PROJECT_SOURCE_DIR}/tests/app/ui_test_support.h ${PROJECT_SOURCE_DIR}/tests/app/ui_test_support.cpp)
target_include_directories(facepos-sync-page-sample PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(facepos-sync-page-sample PRIVATE facepos_app facepos_appplugin Qt6::Test)
