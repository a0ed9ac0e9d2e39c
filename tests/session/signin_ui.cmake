# Binding, activation, sign-in and the lock screen in the UI (issue 5): the real pages against a live sandbox, and the
# screenshot tool for docs/images.
facepos_add_test(tst_signin_pages GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_signin_pages.cpp
            ${CMAKE_CURRENT_LIST_DIR}/signin_driver.h ${CMAKE_CURRENT_LIST_DIR}/signin_driver.cpp ${facepos_kiosk_driver_sources}
    LIBS facepos_app facepos_appplugin facepos_sandbox facepos_sandbox_test_support
    LABELS e2e TIMEOUT 300)
target_include_directories(tst_signin_pages PRIVATE ${PROJECT_SOURCE_DIR}/tests)

# facepos-signin-screens OUTPUT_DIR: every activation, sign-in and lock screen in its state, in Chinese and English
# (docs/images/{activation,activation-pending,…}-{zh_CN,en}.png).
add_executable(facepos-signin-screens
    ${CMAKE_CURRENT_LIST_DIR}/signin_screens_main.cpp
    ${CMAKE_CURRENT_LIST_DIR}/signin_driver.h ${CMAKE_CURRENT_LIST_DIR}/signin_driver.cpp ${facepos_kiosk_driver_sources})
target_include_directories(facepos-signin-screens PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(facepos-signin-screens
    PRIVATE facepos_app facepos_appplugin facepos_sandbox facepos_sandbox_test_support Qt6::Test)
