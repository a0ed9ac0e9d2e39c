#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <limits>
#include <memory>

#include "platform/result.h"

namespace facepos::sandbox {

// The sandbox's stand-in for payer identification (docs/terminal-api.md §17.5): it recognises the test photographs
// enrolled with face_enroll in the images the terminal sends. Not biometric identification, and no statement about
// real faces: one classical recogniser, a handful of enrolled pictures, one measured threshold.
//
// Method. The image is decoded as greyscale (JPEG or PNG only, recognised by signature, so no other OpenCV decoder
// sees submitted bytes); the strongest face (most cascade hits, then the largest) is found with OpenCV's Haar
// frontal-face cascade (opencv-data) — or, when none is found, the whole image is used, since the terminal already
// sends a crop of the face with a margin — and normalised to kFaceSize × kFaceSize with histogram equalisation. An
// LBPH recogniser (OpenCV contrib `face` module, radius 1, 8 neighbours, 8 × 8 cells) trained on every enrolled image
// gives the nearest enrolled image and its chi-square distance; under kMatchThreshold it identifies that face,
// otherwise nothing matches.
//
// Face pixels: every buffer this class decodes or derives from a submitted image is zeroed before it is released;
// nothing is stored, and only sizes are logged. Enrolled images are test data and are kept as normalised crops.
// OpenCV errors (cv::Exception) never leave this class: a submitted image that cannot be read simply matches no one.
//
// Thread ownership: thread-compatible. The payment service calls it on the thread that holds the store's lock.
class FaceMatcher {
public:
    static constexpr int kFaceSize = 100;
    // Chi-square distance of the LBPH histograms under which the nearest enrolled image identifies the payer.
    // Measured with tests/sandbox/tst_face_matching.cpp on the test photographs (OpenCV 4.6): terminal-like images of
    // an enrolled photograph (crop with margin, 160–320 px, JPEG 60–85, ±25 brightness, ±5°, 5 % shift) reach at
    // most 80.6; people who are not enrolled at least 99.6 (Lena 125, the others 99.6 and up); non-face images at
    // least 129. The threshold sits in the middle of that gap.
    static constexpr double kMatchThreshold = 90.0;

    // One enrolled image: the face it belongs to and the encoded picture (JPEG or PNG).
    struct Enrolled {
        QString faceId;
        QByteArray image;
    };

    // What identify() found. faceId is empty when nothing matched.
    struct Identification {
        QString faceId;
        QString nearestFaceId;  // the nearest enrolled face, matched or not; empty with an empty gallery
        double distance = std::numeric_limits<double>::infinity();
        bool decoded = false;       // the bytes were a JPEG or PNG that decoded
        bool faceDetected = false;  // the cascade found a face (else the whole image was compared)
    };

    FaceMatcher();
    ~FaceMatcher();
    FaceMatcher(const FaceMatcher&) = delete;
    FaceMatcher& operator=(const FaceMatcher&) = delete;

    // For face_enroll: the image must be a JPEG or PNG that decodes and shows a face the cascade finds.
    // Errors: "face.decode" (not a readable JPEG/PNG), "face.no_face", "face.detector" (the cascade file is missing).
    Result<void> checkEnrolmentImage(const QByteArray& image);

    // Makes `gallery` the set identify() compares with. Retrains only when it differs from the current one (compared
    // by a SHA-256 over the ids and bytes), so callers may pass the enrolled images before every identification.
    // An image that cannot be read is left out (face_enroll refuses those). Errors: "face.train".
    Result<void> setGallery(const QList<Enrolled>& gallery);

    // The enrolled face in `image` (the opened face_image). Never throws; unreadable input matches nothing.
    Identification identify(const QByteArray& image);

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace facepos::sandbox
