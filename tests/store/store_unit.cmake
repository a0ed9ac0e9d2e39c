# The order store, the outbox table and the backoff policy, on a real SQLite file (issue 4).
facepos_add_test(tst_order_store
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_order_store.cpp ${CMAKE_CURRENT_LIST_DIR}/store_fixture.h
    LIBS facepos_app
    LABELS unit)
facepos_add_test(tst_backoff SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backoff.cpp LIBS facepos_app LABELS unit)
