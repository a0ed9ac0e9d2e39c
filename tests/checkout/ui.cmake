# The cashier's checkout (issue 7, controller and pages): the controller against the sandbox, the pages end to end,
# and the tool that renders their screenshots for docs/images/.
set(facepos_checkout_driver_sources
    ${CMAKE_CURRENT_LIST_DIR}/checkout_driver.h ${CMAKE_CURRENT_LIST_DIR}/checkout_driver.cpp
    ${PROJECT_SOURCE_DIR}/tests/session/store_terminal.h ${PROJECT_SOURCE_DIR}/tests/session/store_terminal.cpp
    ${PROJECT_SOURCE_DIR}/tests/session/kiosk_driver.h ${PROJECT_SOURCE_DIR}/tests/session/kiosk_driver.cpp
    ${PROJECT_SOURCE_DIR}/tests/app/ui_test_support.h ${PROJECT_SOURCE_DIR}/tests/app/ui_test_support.cpp)

foreach(test IN ITEMS tst_checkout_controller tst_checkout_pages)
    if(test STREQUAL "tst_checkout_controller")
        set(label integration)
    else()
        set(label e2e)
    endif()
    facepos_add_test(${test} GUI
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp ${facepos_checkout_driver_sources}
        LIBS facepos_app facepos_appplugin facepos_sandbox facepos_sandbox_test_support
        LABELS ${label} TIMEOUT 300)
    target_include_directories(${test} PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/tests/app)
endforeach()

# facepos-checkout-screens OUTPUT_DIR: the checkout pages for docs/images/ and the printed receipt.
add_executable(facepos-checkout-screens
    ${CMAKE_CURRENT_LIST_DIR}/checkout_screens_main.cpp ${facepos_checkout_driver_sources})
target_include_directories(facepos-checkout-screens PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/tests/app)
target_link_libraries(facepos-checkout-screens
    PRIVATE facepos_app facepos_appplugin facepos_sandbox facepos_sandbox_test_support Qt6::Test)
