#include "haar_face_detector.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "face_buffer.h"

namespace facepos::face {

namespace {

#ifndef FACEPOS_HAAR_DIR
#define FACEPOS_HAAR_DIR "/usr/share/opencv4/haarcascades"
#endif

constexpr double kScaleFactor = 1.2;
constexpr int kMinNeighbors = 4;
constexpr double kMinFaceFraction = 0.12;  // of the detection width: smaller faces are not looked for (MoveCloser
                                           // starts at 0.18, so 0.12–0.18 still gets "move closer")
constexpr int kEyeFaceWidth = 128;         // the face box is scaled to this width before looking for eyes

Result<void> loadCascade(cv::CascadeClassifier& cascade, const QString& path) {
    bool loaded = false;
    try {
        loaded = QFileInfo::exists(path) && cascade.load(path.toStdString());
    } catch (const cv::Exception&) {
        loaded = false;
    }
    if (!loaded) {
        return makeError(QStringLiteral("face.detector_failed"),
                         QStringLiteral("The face detector cannot load %1: install the opencv-data package or set "
                                        "face.detector_model.")
                             .arg(path));
    }
    return {};
}

// Both eyes from the cascade's hits in the upper face: the best hit in each half of the face.
bool pickEyes(const std::vector<cv::Rect>& hits, int regionWidth, cv::Point2f& left, cv::Point2f& right) {
    const cv::Rect* bestLeft = nullptr;
    const cv::Rect* bestRight = nullptr;
    for (const cv::Rect& hit : hits) {
        const double cx = hit.x + hit.width / 2.0;
        const cv::Rect*& best = cx < regionWidth / 2.0 ? bestLeft : bestRight;
        if (best == nullptr || hit.area() > best->area()) best = &hit;
    }
    if (bestLeft == nullptr || bestRight == nullptr) return false;
    left = cv::Point2f(bestLeft->x + bestLeft->width / 2.0F, bestLeft->y + bestLeft->height / 2.0F);
    right = cv::Point2f(bestRight->x + bestRight->width / 2.0F, bestRight->y + bestRight->height / 2.0F);
    return true;
}

}  // namespace

QString HaarFaceDetector::defaultFaceCascade() {
    return QStringLiteral(FACEPOS_HAAR_DIR "/haarcascade_frontalface_default.xml");
}

QString HaarFaceDetector::defaultEyeCascade() {
    return QStringLiteral(FACEPOS_HAAR_DIR "/haarcascade_eye.xml");
}

Result<std::unique_ptr<HaarFaceDetector>> HaarFaceDetector::create(const QString& faceCascadePath,
                                                                   const QString& eyeCascadePath) {
    std::unique_ptr<HaarFaceDetector> detector(new HaarFaceDetector);
    auto faces = loadCascade(detector->m_faces, faceCascadePath.isEmpty() ? defaultFaceCascade() : faceCascadePath);
    if (!faces) return faces.error();
    auto eyes = loadCascade(detector->m_eyes, eyeCascadePath.isEmpty() ? defaultEyeCascade() : eyeCascadePath);
    if (!eyes) return eyes.error();
    return detector;
}

HaarFaceDetector::~HaarFaceDetector() {
    wipeMat(m_small);
    wipeMat(m_grey);
    wipeMat(m_eyeRegion);
}

std::vector<FaceDetection> HaarFaceDetector::detect(const cv::Mat& frame) {
    std::vector<FaceDetection> result;
    if (frame.empty() || (frame.type() != CV_8UC3 && frame.type() != CV_8UC1)) return result;
    try {
        const double scale = frame.cols > kDetectWidth ? double(kDetectWidth) / frame.cols : 1.0;
        const cv::Mat* source = &frame;
        if (scale < 1.0) {
            cv::resize(frame, m_small, cv::Size(), scale, scale, cv::INTER_AREA);
            source = &m_small;
        }
        if (source->channels() == 3) {
            cv::cvtColor(*source, m_grey, cv::COLOR_BGR2GRAY);
        } else {
            source->copyTo(m_grey);
        }
        cv::equalizeHist(m_grey, m_grey);
        const int minSide = std::max(24, int(std::lround(kMinFaceFraction * m_grey.cols)));
        std::vector<cv::Rect> boxes;
        const bool nearLast = m_tracking && m_last && m_lastSize == m_grey.size() && m_sinceFullScan < kFullScanEvery;
        if (nearLast) {
            // Around the face of the previous frame only: a fraction of the full scan's windows.
            const cv::Rect last = *m_last;
            const cv::Rect around =
                cv::Rect(last.x - last.width / 2, last.y - last.height / 2, last.width * 2, last.height * 2) &
                cv::Rect(0, 0, m_grey.cols, m_grey.rows);
            const int smallest = std::max(minSide, int(last.width * 0.7));
            const int largest = std::max(smallest + 1, int(last.width * 1.4));
            m_faces.detectMultiScale(m_grey(around), boxes, kScaleFactor, kMinNeighbors, cv::CASCADE_SCALE_IMAGE,
                                     cv::Size(smallest, smallest), cv::Size(largest, largest));
            for (cv::Rect& box : boxes) box += around.tl();
            ++m_sinceFullScan;
        }
        if (!nearLast || boxes.empty()) {
            boxes.clear();
            m_faces.detectMultiScale(m_grey, boxes, kScaleFactor, kMinNeighbors, cv::CASCADE_SCALE_IMAGE,
                                     cv::Size(minSide, minSide));
            m_sinceFullScan = 0;
        }
        if (m_tracking && boxes.size() == 1) {
            m_last = boxes.front();
            m_lastSize = m_grey.size();
        } else {
            m_last.reset();
        }
        const cv::Rect bounds(0, 0, frame.cols, frame.rows);
        for (const cv::Rect& box : boxes) {
            FaceDetection face;
            face.box = cv::Rect(int(std::lround(box.x / scale)), int(std::lround(box.y / scale)),
                                int(std::lround(box.width / scale)), int(std::lround(box.height / scale))) &
                       bounds;
            if (!face.box.empty()) result.push_back(face);
        }
    } catch (const cv::Exception&) {
        result.clear();
    }
    return result;
}

void HaarFaceDetector::setTracking(bool on) {
    m_tracking = on;
    m_last.reset();
    m_sinceFullScan = 0;
}

void HaarFaceDetector::findEyes(const cv::Mat& frame, FaceDetection& face) {
    face.eyesFound = false;
    if (frame.empty() || face.box.width < 24) return;
    try {
        // Eyes sit between about 15 % and 60 % of the face box's height (Haar boxes include the forehead).
        const cv::Rect bounds(0, 0, frame.cols, frame.rows);
        const cv::Rect upper =
            cv::Rect(face.box.x, face.box.y + face.box.height * 3 / 20, face.box.width, face.box.height * 9 / 20) &
            bounds;
        if (upper.width < 24 || upper.height < 8) return;
        const double scale = double(kEyeFaceWidth) / upper.width;
        cv::resize(frame(upper), m_eyeRegion, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        if (m_eyeRegion.channels() == 3) cv::cvtColor(m_eyeRegion, m_eyeRegion, cv::COLOR_BGR2GRAY);
        cv::equalizeHist(m_eyeRegion, m_eyeRegion);
        std::vector<cv::Rect> hits;
        m_eyes.detectMultiScale(m_eyeRegion, hits, 1.1, 2, cv::CASCADE_SCALE_IMAGE,
                                cv::Size(kEyeFaceWidth / 8, kEyeFaceWidth / 8),
                                cv::Size(kEyeFaceWidth * 2 / 5, kEyeFaceWidth * 2 / 5));
        cv::Point2f left;
        cv::Point2f right;
        if (!pickEyes(hits, m_eyeRegion.cols, left, right)) return;
        const cv::Point2f origin(float(upper.x), float(upper.y));
        face.leftEye = origin + left * float(1.0 / scale);
        face.rightEye = origin + right * float(1.0 / scale);
        face.eyesFound = true;
    } catch (const cv::Exception&) {
        face.eyesFound = false;
    }
}

}  // namespace facepos::face
