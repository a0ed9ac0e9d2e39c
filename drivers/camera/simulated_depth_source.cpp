#include "simulated_depth_source.h"

#include <opencv2/imgproc.hpp>

#include "depth_maps.h"

namespace facepos::drivers {

std::optional<SimulatedDepthSource::Scene> SimulatedDepthSource::sceneFromName(const QString& name) {
    if (name == QLatin1String("live")) return Scene::Live;
    if (name == QLatin1String("photo")) return Scene::Photo;
    if (name == QLatin1String("screen")) return Scene::Screen;
    return std::nullopt;
}

SimulatedDepthSource::SimulatedDepthSource(Scene scene, bool depth, bool infrared)
    : m_scene(scene), m_depth(depth), m_infrared(infrared) {}

cv::Mat SimulatedDepthSource::depthFor(const cv::Mat& color) {
    if (!m_depth || color.empty()) return {};
    const cv::Size size = color.size();
    switch (m_scene) {
        case Scene::Live:
            return makeReliefDepth(size, centralFaceRect(size), kBackgroundMm, kFaceReliefMm);
        case Scene::Photo:
            return makeFlatDepth(size, kPhotoMm, kPhotoTiltDegrees);
        case Scene::Screen:
            return makeFlatDepth(size, kScreenMm, 0.0);
    }
    return {};
}

cv::Mat SimulatedDepthSource::infraredFor(const cv::Mat& color) {
    if (!m_infrared || color.empty()) return {};
    cv::Mat grey;
    cv::cvtColor(color, grey, color.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    // A screen shows almost nothing to an infrared camera: keep a trace of the picture (ambient IR reflected by the
    // glass), at most 8 of 255.
    if (m_scene == Scene::Screen) grey.convertTo(grey, CV_8UC1, 8.0 / 255.0);
    return grey;
}

}  // namespace facepos::drivers
