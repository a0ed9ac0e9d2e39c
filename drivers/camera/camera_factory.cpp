#include "camera_factory.h"

#include "depth_camera.h"
#include "file_camera.h"
#include "platform/settings.h"
#include "simulated_depth_source.h"
#include "v4l2_camera.h"

namespace facepos::drivers {

Result<std::unique_ptr<ICamera>> createCamera(const Settings& settings) {
    return createCamera(settings.string(u"devices.camera"), settings);
}

Result<std::unique_ptr<ICamera>> createCamera(const QString& driver, const Settings& settings) {
    const QString source = settings.string(u"devices.camera_source");
    const int width = settings.integer(u"camera.width");
    const int height = settings.integer(u"camera.height");
    const int fps = settings.integer(u"camera.fps");
    const QString depth = settings.string(u"camera.depth");
    const bool simulatedDepth = depth == QLatin1String("simulated");
    const bool simulatedInfrared = settings.string(u"camera.infrared") == QLatin1String("simulated");

    std::unique_ptr<ICamera> camera;
    if (driver == QLatin1String("v4l2")) {
        if (depth == QLatin1String("files")) {
            return makeError(QStringLiteral("camera.bad_config"),
                             QStringLiteral("camera.depth=files reads depth images beside the frames of a file "
                                            "source: use it with devices.camera=simulated, or set camera.depth to "
                                            "none or simulated."));
        }
        V4l2CameraConfig config;
        if (!source.isEmpty()) config.device = source;
        config.width = width;
        config.height = height;
        config.fps = fps;
        camera = std::make_unique<V4l2Camera>(config);
    } else if (driver == QLatin1String("simulated")) {
        if (source.isEmpty()) {
            return makeError(QStringLiteral("camera.not_configured"),
                             QStringLiteral("devices.camera is simulated but devices.camera_source is empty: set it to "
                                            "an image, a folder of images or a video file to play as the camera."));
        }
        FileCameraConfig config;
        config.source = source;
        config.size = cv::Size(width, height);
        config.fps = fps;
        config.depthFiles = depth == QLatin1String("files");
        camera = std::make_unique<FileCamera>(config);
    } else {
        return std::unique_ptr<ICamera>();
    }

    if (simulatedDepth || simulatedInfrared) {
        const QString sceneName = settings.string(u"camera.simulated_scene");
        const auto scene = SimulatedDepthSource::sceneFromName(sceneName);
        if (!scene) {
            return makeError(
                QStringLiteral("camera.bad_config"),
                QStringLiteral("camera.simulated_scene must be live, photo or screen, not '%1'.").arg(sceneName));
        }
        camera = std::make_unique<DepthCamera>(
            std::move(camera), std::make_unique<SimulatedDepthSource>(*scene, simulatedDepth, simulatedInfrared));
    }
    return camera;
}

}  // namespace facepos::drivers
