#pragma once

#include <memory>

#include "icamera.h"
#include "idepth_source.h"

namespace facepos::drivers {

// A colour camera plus an IDepthSource: each frame of `color` gets the depth and infrared planes the source offers,
// unless the colour camera already filled them (camera.depth=files on a folder source brings its own depth; the
// simulated infrared is then still added). info() reports the planes the frames carry.
//
// Thread ownership: as ICamera, one thread at a time.
class DepthCamera final : public ICamera {
public:
    DepthCamera(std::unique_ptr<ICamera> color, std::unique_ptr<IDepthSource> source);

    Result<void> open() override;
    Result<CameraFrame> read() override;
    void close() override;
    bool isOpen() const override;
    CameraInfo info() const override;

    ICamera& colorCamera() const { return *m_color; }
    IDepthSource& depthSource() const { return *m_source; }

private:
    std::unique_ptr<ICamera> m_color;
    std::unique_ptr<IDepthSource> m_source;
};

}  // namespace facepos::drivers
