#include "sandbox/face_matcher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>
#include <algorithm>
#include <opencv2/core.hpp>
#include <opencv2/face.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace facepos::sandbox {

namespace {

Q_LOGGING_CATEGORY(lcFace, "facepos.sandbox.faces")

const char kCascadeFile[] = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
// The detector works on a copy at most this wide/high: enough for a face that fills a good part of the frame.
constexpr int kDetectMaxSide = 480;
// Larger decoded images are refused before detection (the terminal sends at most 256 KiB of JPEG).
constexpr int kMaxSide = 4096;

// Zeroes a Mat's pixels, then releases it: decoded face pixels do not linger in freed memory.
void wipe(cv::Mat& mat) {
    if (!mat.empty()) mat.setTo(cv::Scalar::all(0));
    mat.release();
}

// Wipes the Mats it is given when it goes out of scope, also on an exception.
class WipeGuard {
public:
    explicit WipeGuard(std::initializer_list<cv::Mat*> mats) : m_mats(mats) {}
    ~WipeGuard() {
        for (cv::Mat* mat : m_mats) {
            try {
                wipe(*mat);
            } catch (const cv::Exception&) {
                mat->release();
            }
        }
    }
    WipeGuard(const WipeGuard&) = delete;
    WipeGuard& operator=(const WipeGuard&) = delete;

private:
    std::vector<cv::Mat*> m_mats;
};

bool isJpegOrPng(const QByteArray& image) {
    return image.startsWith(QByteArray("\xFF\xD8\xFF", 3)) || image.startsWith(QByteArray("\x89PNG\r\n\x1A\n", 8));
}

}  // namespace

class FaceMatcher::Impl {
public:
    // A normalised face crop: kFaceSize × kFaceSize, 8-bit grey, equalised.
    struct Face {
        cv::Mat pixels;
        bool detected = false;
    };

    // Loads the cascade on first use. False when the file is missing or unreadable.
    bool ensureCascade() {
        if (!m_cascade.empty()) return true;
        if (m_cascadeFailed) return false;
        try {
            if (QFile::exists(QString::fromLatin1(kCascadeFile)) && m_cascade.load(kCascadeFile)) return true;
        } catch (const cv::Exception& e) {
            qCWarning(lcFace) << "face cascade failed to load:" << e.what();
        }
        qCWarning(lcFace) << "face cascade" << kCascadeFile << "unavailable: enrolment is refused, matching compares"
                          << "whole images";
        m_cascadeFailed = true;
        return false;
    }

    // Decodes and normalises `image`. nullopt: not a JPEG/PNG that decodes (or an OpenCV error). The caller owns the
    // returned pixels and wipes them.
    std::optional<Face> normalise(const QByteArray& image) {
        if (!isJpegOrPng(image)) return std::nullopt;
        cv::Mat grey, small, region, face;
        WipeGuard guard{&grey, &small, &region};
        try {
            // imdecode reads from the buffer without copying it; the const_cast is for its Mat header only.
            const cv::Mat encoded(
                1, static_cast<int>(image.size()), CV_8UC1,
                const_cast<char*>(image.constData()));  // NOLINT(cppcoreguidelines-pro-type-const-cast)
            grey = cv::imdecode(encoded, cv::IMREAD_GRAYSCALE);
            if (grey.empty() || grey.cols > kMaxSide || grey.rows > kMaxSide || grey.cols < 8 || grey.rows < 8) {
                return std::nullopt;
            }
            cv::Rect box(0, 0, grey.cols, grey.rows);
            bool detected = false;
            if (ensureCascade()) {
                const double scale = std::min(1.0, double(kDetectMaxSide) / std::max(grey.cols, grey.rows));
                if (scale < 1.0) {
                    cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
                } else {
                    small = grey.clone();
                }
                cv::equalizeHist(small, small);
                const int minSide = std::max(24, std::min(small.cols, small.rows) / 6);
                std::vector<cv::Rect> faces;
                std::vector<int> neighbours;
                m_cascade.detectMultiScale(small, faces, neighbours, 1.1, 4, 0, cv::Size(minSide, minSide));
                if (!faces.empty() && faces.size() == neighbours.size()) {
                    // The strongest detection (most neighbouring hits), the larger on a tie: the terminal's crop
                    // holds one face, and a weak false hit beside it (seen on face-3.png) must not win on size.
                    std::size_t best = 0;
                    for (std::size_t i = 1; i < faces.size(); ++i) {
                        if (std::pair(neighbours[i], faces[i].area()) > std::pair(neighbours[best], faces[best].area()))
                            best = i;
                    }
                    const cv::Rect strongest = faces[best];
                    box = cv::Rect(cv::Point(int(strongest.x / scale), int(strongest.y / scale)),
                                   cv::Size(int(strongest.width / scale), int(strongest.height / scale))) &
                          cv::Rect(0, 0, grey.cols, grey.rows);
                    detected = !box.empty();
                    if (!detected) box = cv::Rect(0, 0, grey.cols, grey.rows);
                }
            }
            region = grey(box).clone();
            cv::resize(region, face, cv::Size(kFaceSize, kFaceSize), 0, 0, cv::INTER_AREA);
            cv::equalizeHist(face, face);
            return Face{face, detected};
        } catch (const cv::Exception& e) {
            qCWarning(lcFace) << "face image of" << image.size() << "bytes could not be read:" << e.what();
            wipe(face);
            return std::nullopt;
        }
    }

    cv::CascadeClassifier m_cascade;
    bool m_cascadeFailed = false;
    cv::Ptr<cv::face::LBPHFaceRecognizer> m_recogniser;
    QStringList m_labels;  // label i → face id
    QByteArray m_fingerprint;
};

FaceMatcher::FaceMatcher() : m_impl(std::make_unique<Impl>()) {}

FaceMatcher::~FaceMatcher() = default;

Result<void> FaceMatcher::checkEnrolmentImage(const QByteArray& image) {
    auto face = m_impl->normalise(image);
    if (!face) return makeError(QStringLiteral("face.decode"), QStringLiteral("not a JPEG or PNG image that decodes"));
    const bool detected = face->detected;
    wipe(face->pixels);
    if (!m_impl->ensureCascade()) {
        return makeError(QStringLiteral("face.detector"),
                         QStringLiteral("the face detector (%1, package opencv-data) is not installed")
                             .arg(QString::fromLatin1(kCascadeFile)));
    }
    if (!detected) return makeError(QStringLiteral("face.no_face"), QStringLiteral("no face found"));
    return {};
}

Result<void> FaceMatcher::setGallery(const QList<Enrolled>& gallery) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Enrolled& entry : gallery) {
        const QByteArray id = entry.faceId.toUtf8();
        hash.addData(QByteArray::number(id.size()) + ':' + id + ':' + QByteArray::number(entry.image.size()) + ':');
        hash.addData(entry.image);
    }
    const QByteArray fingerprint = hash.result();
    if (fingerprint == m_impl->m_fingerprint) return {};

    std::vector<cv::Mat> faces;
    std::vector<int> labels;
    QStringList ids;
    for (const Enrolled& entry : gallery) {
        auto face = m_impl->normalise(entry.image);
        if (!face) continue;
        qsizetype label = ids.indexOf(entry.faceId);
        if (label < 0) {
            label = ids.size();
            ids.append(entry.faceId);
        }
        faces.push_back(face->pixels);
        labels.push_back(int(label));
    }
    m_impl->m_recogniser.reset();
    m_impl->m_labels.clear();
    if (!faces.empty()) {
        try {
            auto recogniser = cv::face::LBPHFaceRecognizer::create(1, 8, 8, 8);
            recogniser->train(faces, labels);
            m_impl->m_recogniser = recogniser;
        } catch (const cv::Exception& e) {
            m_impl->m_fingerprint.clear();
            return makeError(
                QStringLiteral("face.train"),
                QStringLiteral("the enrolled faces could not be prepared: ") + QString::fromUtf8(e.what()));
        }
    }
    m_impl->m_labels = ids;
    m_impl->m_fingerprint = fingerprint;
    qCInfo(lcFace) << "face gallery:" << faces.size() << "images of" << ids.size() << "faces";
    return {};
}

FaceMatcher::Identification FaceMatcher::identify(const QByteArray& image) {
    Identification result;
    auto face = m_impl->normalise(image);
    if (!face) {
        qCInfo(lcFace) << "face image of" << image.size() << "bytes is not a readable JPEG/PNG";
        return result;
    }
    result.decoded = true;
    result.faceDetected = face->detected;
    if (m_impl->m_recogniser) {
        try {
            int label = -1;
            double distance = std::numeric_limits<double>::infinity();
            m_impl->m_recogniser->predict(face->pixels, label, distance);
            if (label >= 0 && label < m_impl->m_labels.size()) {
                result.nearestFaceId = m_impl->m_labels.at(label);
                result.distance = distance;
                if (distance < kMatchThreshold) result.faceId = result.nearestFaceId;
            }
        } catch (const cv::Exception& e) {
            qCWarning(lcFace) << "face comparison failed:" << e.what();
        }
    }
    wipe(face->pixels);
    qCInfo(lcFace) << "face image of" << image.size() << "bytes: face detected" << result.faceDetected << "nearest"
                   << result.nearestFaceId << "distance" << result.distance << "->"
                   << (result.faceId.isEmpty() ? QStringLiteral("no match") : result.faceId);
    return result;
}

}  // namespace facepos::sandbox
