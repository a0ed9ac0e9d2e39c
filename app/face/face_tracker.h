#pragma once

#include <opencv2/core/types.hpp>
#include <optional>

namespace facepos::face {

// Follows one face across frames. A detection overlapping the tracked box (IoU ≥ minIoU) continues the track and
// moves the box smoothly (exponential moving average); one that does not — the customer stepped away and someone
// else stepped in, or the detector jumped to another face — starts a new track, and the capture window restarts.
// A track survives `maxMissedFrames` frames without a detection (a blink of the detector).
//
// Thread ownership: one thread at a time.
class FaceTracker {
public:
    struct Update {
        bool tracking = false;  // a box is being tracked
        bool reset = false;     // this frame started a new track or lost the old one
        cv::Rect2d box;         // the smoothed box (frame pixels); empty when not tracking
        int trackId = 0;        // changes whenever a new track starts
    };

    explicit FaceTracker(double minIoU = 0.3, double smoothing = 0.5, int maxMissedFrames = 3)
        : m_minIoU(minIoU), m_smoothing(smoothing), m_maxMissed(maxMissedFrames) {}

    Update update(const std::optional<cv::Rect>& detection);
    void clear();

    static double iou(const cv::Rect2d& a, const cv::Rect2d& b);

private:
    double m_minIoU;
    double m_smoothing;  // weight of the new detection
    int m_maxMissed;
    std::optional<cv::Rect2d> m_box;
    int m_missed = 0;
    int m_trackId = 0;
};

}  // namespace facepos::face
