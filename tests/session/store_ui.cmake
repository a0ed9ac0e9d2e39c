# Settings → My store → Store details → Clerks and the shift pages (issue 5), end to end through the real pages
# against an in-process sandbox; and the tool that renders their screenshots for docs/images/.
set(facepos_store_terminal_sources
    ${CMAKE_CURRENT_LIST_DIR}/store_terminal.h ${CMAKE_CURRENT_LIST_DIR}/store_terminal.cpp
    ${facepos_kiosk_driver_sources})

facepos_add_test(tst_store_pages GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_store_pages.cpp ${facepos_store_terminal_sources}
    LIBS facepos_app facepos_appplugin facepos_sandbox facepos_sandbox_test_support
    LABELS e2e TIMEOUT 300)
target_include_directories(tst_store_pages PRIVATE ${PROJECT_SOURCE_DIR}/tests)

# facepos-store-pages-sample OUTPUT_DIR: the store and shift pages as a merchant and a clerk see them, in Chinese
# (and English for the clerks and the report), plus the printed handover report from the virtual printer.
add_executable(facepos-store-pages-sample
    ${CMAKE_CURRENT_LIST_DIR}/store_pages_sample_main.cpp ${facepos_store_terminal_sources})
target_include_directories(facepos-store-pages-sample PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(facepos-store-pages-sample
    PRIVATE facepos_app facepos_appplugin facepos_sandbox facepos_sandbox_test_support Qt6::Test)
