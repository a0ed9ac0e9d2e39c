#pragma once

#include <QString>
#include <optional>

#include "idepth_source.h"

namespace facepos::drivers {

// Depth and infrared as a 3D camera would see the scene named by camera.simulated_scene, generated for each colour
// frame (see docs/camera.md):
//   Live   depth: a face-like relief (makeReliefDepth) over the central ellipse of the frame (centralFaceRect), where
//          the customer stands, on a plane 500 mm away; infrared: the grey image (skin reflects the IR illuminator).
//   Photo  depth: a flat plane, slightly turned (a printed photo held up); infrared: the grey image — paper reflects
//          infrared too, so infrared alone does not stop a printed photo; depth does.
//   Screen depth: a flat plane; infrared: nearly black (a phone or tablet screen emits no infrared and its glass
//          reflects little of it).
class SimulatedDepthSource final : public IDepthSource {
public:
    enum class Scene { Live, Photo, Screen };

    static std::optional<Scene> sceneFromName(const QString& name);  // "live", "photo", "screen"

    SimulatedDepthSource(Scene scene, bool depth, bool infrared);

    Scene scene() const { return m_scene; }
    bool hasDepth() const override { return m_depth; }
    bool hasInfrared() const override { return m_infrared; }
    cv::Mat depthFor(const cv::Mat& color) override;
    cv::Mat infraredFor(const cv::Mat& color) override;

    static constexpr int kBackgroundMm = 500;
    static constexpr int kFaceReliefMm = 35;
    static constexpr int kPhotoMm = 450;
    static constexpr double kPhotoTiltDegrees = 3.0;
    static constexpr int kScreenMm = 400;

private:
    Scene m_scene;
    bool m_depth;
    bool m_infrared;
};

}  // namespace facepos::drivers
