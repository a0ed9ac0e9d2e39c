#include "yunet_face_detector.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "face_buffer.h"

namespace facepos::face {

Result<std::unique_ptr<YunetFaceDetector>> YunetFaceDetector::create(const QString& modelPath, float scoreThreshold) {
    cv::Ptr<cv::FaceDetectorYN> net;
    try {
        if (QFileInfo::exists(modelPath)) {
            net = cv::FaceDetectorYN::create(modelPath.toStdString(), "", cv::Size(kDetectWidth, kDetectWidth * 3 / 4),
                                             scoreThreshold, 0.3F, 20);
        }
    } catch (const cv::Exception&) {
        net.reset();
    }
    if (net.empty()) {
        return makeError(QStringLiteral("face.detector_failed"),
                         QStringLiteral("The face detector cannot load the model %1 (face.detector_model): it must be "
                                        "the YuNet 2022mar ONNX file.")
                             .arg(modelPath));
    }
    return std::unique_ptr<YunetFaceDetector>(new YunetFaceDetector(std::move(net)));
}

YunetFaceDetector::~YunetFaceDetector() {
    wipeMat(m_small);
    wipeMat(m_bgr);
}

std::vector<FaceDetection> YunetFaceDetector::detect(const cv::Mat& frame) {
    std::vector<FaceDetection> result;
    if (frame.empty() || (frame.type() != CV_8UC3 && frame.type() != CV_8UC1)) return result;
    if (frame.cols < kMinInput || frame.rows < kMinInput) return result;
    try {
        const double scale = frame.cols > kDetectWidth ? double(kDetectWidth) / frame.cols : 1.0;
        const cv::Mat* source = &frame;
        if (frame.channels() == 1) {
            cv::cvtColor(frame, m_bgr, cv::COLOR_GRAY2BGR);
            source = &m_bgr;
        }
        if (scale < 1.0) {
            cv::resize(*source, m_small, cv::Size(), scale, scale, cv::INTER_AREA);
            source = &m_small;
        }
        if (source->cols < kMinInput || source->rows < kMinInput) return result;
        if (source->size() != m_inputSize) {
            m_net->setInputSize(source->size());
            m_inputSize = source->size();
        }
        cv::Mat faces;
        m_net->detect(*source, faces);
        const cv::Rect bounds(0, 0, frame.cols, frame.rows);
        const float inv = float(1.0 / scale);
        for (int i = 0; i < faces.rows; ++i) {
            const float* row = faces.ptr<float>(i);
            FaceDetection face;
            face.box = cv::Rect(int(std::lround(row[0] * inv)), int(std::lround(row[1] * inv)),
                                int(std::lround(row[2] * inv)), int(std::lround(row[3] * inv))) &
                       bounds;
            if (face.box.empty()) continue;
            // Landmarks: right eye (of the person, on the image's left), left eye, nose, mouth corners.
            cv::Point2f a(row[4] * inv, row[5] * inv);
            cv::Point2f b(row[6] * inv, row[7] * inv);
            face.leftEye = a.x <= b.x ? a : b;
            face.rightEye = a.x <= b.x ? b : a;
            face.eyesFound = true;
            face.score = row[14];
            result.push_back(face);
        }
    } catch (const cv::Exception&) {
        result.clear();
        m_inputSize = {};
    }
    return result;
}

}  // namespace facepos::face
