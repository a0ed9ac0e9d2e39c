#include "face_tracker.h"

namespace facepos::face {

double FaceTracker::iou(const cv::Rect2d& a, const cv::Rect2d& b) {
    const double intersection = (a & b).area();
    const double united = a.area() + b.area() - intersection;
    return united > 0 ? intersection / united : 0;
}

void FaceTracker::clear() {
    m_box.reset();
    m_missed = 0;
}

FaceTracker::Update FaceTracker::update(const std::optional<cv::Rect>& detection) {
    Update result;
    if (!detection) {
        if (m_box && ++m_missed <= m_maxMissed) {
            result.tracking = true;
            result.box = *m_box;
        } else if (m_box) {
            m_box.reset();
            result.reset = true;
        }
        result.trackId = m_trackId;
        return result;
    }
    const cv::Rect2d seen(*detection);
    if (m_box && iou(*m_box, seen) >= m_minIoU) {
        const double w = m_smoothing;
        m_box = cv::Rect2d(m_box->x * (1 - w) + seen.x * w, m_box->y * (1 - w) + seen.y * w,
                           m_box->width * (1 - w) + seen.width * w, m_box->height * (1 - w) + seen.height * w);
    } else {
        result.reset = true;
        m_box = seen;
        ++m_trackId;
    }
    m_missed = 0;
    result.tracking = true;
    result.box = *m_box;
    result.trackId = m_trackId;
    return result;
}

}  // namespace facepos::face
