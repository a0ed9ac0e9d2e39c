# Camera drivers (issue 8, part 1), see docs/camera.md: V4L2 through OpenCV VideoCapture, a file / folder / video
# source for the demo and tests, simulated depth and infrared, the factory and the camera thread (CameraService).
target_sources(facepos_drivers PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/frame_utils.h ${CMAKE_CURRENT_LIST_DIR}/frame_utils.cpp
    ${CMAKE_CURRENT_LIST_DIR}/depth_maps.h ${CMAKE_CURRENT_LIST_DIR}/depth_maps.cpp
    ${CMAKE_CURRENT_LIST_DIR}/v4l2_camera.h ${CMAKE_CURRENT_LIST_DIR}/v4l2_camera.cpp
    ${CMAKE_CURRENT_LIST_DIR}/file_camera.h ${CMAKE_CURRENT_LIST_DIR}/file_camera.cpp
    ${CMAKE_CURRENT_LIST_DIR}/idepth_source.h
    ${CMAKE_CURRENT_LIST_DIR}/simulated_depth_source.h ${CMAKE_CURRENT_LIST_DIR}/simulated_depth_source.cpp
    ${CMAKE_CURRENT_LIST_DIR}/depth_camera.h ${CMAKE_CURRENT_LIST_DIR}/depth_camera.cpp
    ${CMAKE_CURRENT_LIST_DIR}/camera_factory.h ${CMAKE_CURRENT_LIST_DIR}/camera_factory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/camera_service.cpp)
