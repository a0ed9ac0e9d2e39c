# Power cuts and a full disk, simulated by SQLite VFS shims over the unix VFS (tests/support/test_vfs.h).

# facepos_test_vfs: the "facepos-powerloss" and "facepos-quota" VFS for any test that opens a Database. Include as
# "support/test_vfs.h".
add_library(facepos_test_vfs STATIC
    ${CMAKE_CURRENT_LIST_DIR}/../support/test_vfs.h
    ${CMAKE_CURRENT_LIST_DIR}/../support/test_vfs.cpp)
target_include_directories(facepos_test_vfs PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(facepos_test_vfs PUBLIC facepos_platform Qt6::Core PRIVATE SQLite::SQLite3)

# The shims themselves, on a plain table: what the store's tests rely on them to do.
facepos_add_test(tst_test_vfs SOURCES tst_test_vfs.cpp LIBS facepos_test_vfs facepos_platform LABELS unit)

# The issue's proof: a power cut at a random moment loses no order the cashier saw saved, and corrupts nothing.
facepos_add_test(tst_power_loss SOURCES tst_power_loss.cpp LIBS facepos_app facepos_test_vfs
    LABELS slow TIMEOUT 600)

# A full disk refuses new sales, keeps what was saved intact and lets syncing go on.
facepos_add_test(tst_disk_full SOURCES tst_disk_full.cpp LIBS facepos_app facepos_test_vfs LABELS integration)
