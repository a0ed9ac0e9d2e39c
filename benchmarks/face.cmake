# The face capture pipeline (issue 8): per-frame time on one core, time from a face entering to the sealed capture,
# resident memory. Frames are generated from the photos of scripts/fetch-test-images (tests/face/face_test_support).
add_executable(bench_face face_benchmark.cpp
    ${PROJECT_SOURCE_DIR}/tests/face/face_test_support.h ${PROJECT_SOURCE_DIR}/tests/face/face_test_support.cpp)
target_include_directories(bench_face PRIVATE ${PROJECT_SOURCE_DIR}/tests/face)
target_link_libraries(bench_face PRIVATE facepos_app)
target_compile_definitions(bench_face PRIVATE FACEPOS_BENCH_IMAGES="${CMAKE_BINARY_DIR}/test-images")
