# The camera code reader (issue 8): decode time per 1280×720 frame with and without a code, on the real photos of
# scripts/fetch-test-images (--images DIR). The frames are made by the camera code tests' generator.
find_package(ZXing REQUIRED)
add_executable(bench_camera_code camera_code_benchmark.cpp
    ${PROJECT_SOURCE_DIR}/tests/camera_code/code_frames.h ${PROJECT_SOURCE_DIR}/tests/camera_code/code_frames.cpp)
target_include_directories(bench_camera_code PRIVATE ${PROJECT_SOURCE_DIR}/tests/camera_code)
target_link_libraries(bench_camera_code PRIVATE facepos_drivers ZXing::ZXing)
target_compile_definitions(bench_camera_code PRIVATE ZX_USE_UTF8)  # as facepos_drivers (drivers/camera/code_reader.cmake)
