# Camera code reading (issue 8): ZXing-cpp on camera frames as one more scanner source (docs/camera.md "Camera code
# reading"). ZXing::ZXing is linked PRIVATE to facepos_drivers in drivers/CMakeLists.txt; only these files include it.
target_sources(facepos_drivers PRIVATE
    camera/camera_code_reader.h camera/camera_code_reader.cpp
    camera/camera_code_scanner.h camera/camera_code_scanner.cpp)
# ZXing 1.4's Result::text() as UTF-8 std::string (its announced API) instead of std::wstring. For the whole target,
# so that every file of it that includes ZXing sees the same inline Result::text() (one definition rule).
target_compile_definitions(facepos_drivers PRIVATE ZX_USE_UTF8)
