#include "face_detector.h"

#include "haar_face_detector.h"
#include "yunet_face_detector.h"

namespace facepos::face {

Result<std::unique_ptr<IFaceDetector>> createFaceDetector(const QString& yunetModelPath,
                                                          const QString& haarCascadePath) {
    if (!yunetModelPath.isEmpty()) {
        auto yunet = YunetFaceDetector::create(yunetModelPath);
        if (!yunet) return yunet.error();
        return std::unique_ptr<IFaceDetector>(std::move(yunet.value()));
    }
    auto haar = HaarFaceDetector::create(haarCascadePath);
    if (!haar) return haar.error();
    return std::unique_ptr<IFaceDetector>(std::move(haar.value()));
}

}  // namespace facepos::face
