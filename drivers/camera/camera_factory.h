#pragma once

#include <memory>

#include "icamera.h"
#include "platform/result.h"

namespace facepos {
class Settings;
}

namespace facepos::drivers {

// The one place that turns configuration into a camera. Reads devices.camera, devices.camera_source, camera.width,
// camera.height, camera.fps, camera.depth, camera.infrared and camera.simulated_scene:
//   v4l2      → V4l2Camera on devices.camera_source (default /dev/video0);
//   simulated → FileCamera on devices.camera_source (an image, a folder of images or a video file, looping);
//   none      → no camera: a null pointer (the terminal offers the payment code only).
// camera.depth=simulated and/or camera.infrared=simulated wrap the colour camera in a DepthCamera with a
// SimulatedDepthSource for camera.simulated_scene; camera.depth=files makes the FileCamera load <name>.depth.png.
// Errors are configuration mistakes only: camera.not_configured (simulated with an empty devices.camera_source —
// there is no built-in picture to fall back to: a face-pay demo needs real faces), camera.bad_config
// (camera.depth=files with devices.camera=v4l2). Nothing is opened here: a camera unplugged at start-up is not an
// error, CameraService retries it.
Result<std::unique_ptr<ICamera>> createCamera(const Settings& settings);

// The same with the driver given instead of devices.camera (the demo forces "simulated").
Result<std::unique_ptr<ICamera>> createCamera(const QString& driver, const Settings& settings);

}  // namespace facepos::drivers
