# The face capture pipeline (issue 8, docs/face-pay.md): detection, quality gates, tracking, liveness, best frame,
# JPEG in memory and sealing, run on the camera thread. Included from app/CMakeLists.txt.
find_package(OpenCV 4.6 REQUIRED COMPONENTS core imgproc imgcodecs objdetect)
target_link_libraries(facepos_app PUBLIC opencv_objdetect opencv_imgproc opencv_imgcodecs)
# The cascades of Debian's opencv-data; haar_face_detector.cpp falls back to the same folder.
target_compile_definitions(facepos_app PRIVATE FACEPOS_HAAR_DIR="/usr/share/opencv4/haarcascades")
target_sources(facepos_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/face_types.h ${CMAKE_CURRENT_LIST_DIR}/face_types.cpp
    ${CMAKE_CURRENT_LIST_DIR}/face_buffer.h
    ${CMAKE_CURRENT_LIST_DIR}/face_detector.h ${CMAKE_CURRENT_LIST_DIR}/face_detector.cpp
    ${CMAKE_CURRENT_LIST_DIR}/haar_face_detector.h ${CMAKE_CURRENT_LIST_DIR}/haar_face_detector.cpp
    ${CMAKE_CURRENT_LIST_DIR}/yunet_face_detector.h ${CMAKE_CURRENT_LIST_DIR}/yunet_face_detector.cpp
    ${CMAKE_CURRENT_LIST_DIR}/quality_gates.h ${CMAKE_CURRENT_LIST_DIR}/quality_gates.cpp
    ${CMAKE_CURRENT_LIST_DIR}/face_tracker.h ${CMAKE_CURRENT_LIST_DIR}/face_tracker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/liveness.h ${CMAKE_CURRENT_LIST_DIR}/liveness.cpp
    ${CMAKE_CURRENT_LIST_DIR}/face_capture_session.h ${CMAKE_CURRENT_LIST_DIR}/face_capture_session.cpp
    ${CMAKE_CURRENT_LIST_DIR}/face_capture.h ${CMAKE_CURRENT_LIST_DIR}/face_capture.cpp)
