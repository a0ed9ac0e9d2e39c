#pragma once

// Camera frames holding a generated code, for the camera code reader's tests and benchmark: ZXing's own writer
// draws the code, it is warped into a 1280×720 frame over a real photo (as a phone screen held up to the camera),
// then the whole frame is perturbed as a camera would (blur, noise, lighting). Deterministic for a given seed.
#include <QString>
#include <opencv2/core/mat.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace facepos::testing {

enum class CodeKind { QRCode, Code128, DataMatrix };

struct CodePlacement {
    CodeKind kind = CodeKind::QRCode;
    std::string text;
    int widthPx = 200;  // the code's width in the frame, quiet zone included, before the tilt
    cv::Point2f center{640, 360};
    double rollDeg = 0;   // in-plane rotation
    double tiltXDeg = 0;  // tilt about the horizontal axis (top edge away from the camera)
    double tiltYDeg = 0;  // tilt about the vertical axis
};

struct FramePerturbation {
    double blurSigma = 0;   // Gaussian blur σ in pixels; 0 = none
    double noiseSigma = 0;  // Gaussian noise σ in grey levels; 0 = none
    double contrast = 1;    // alpha of alpha·p + beta
    double brightness = 0;  // beta
};

// The code as a grey image (black on white, quiet zone included), `modulePx` pixels per module.
cv::Mat renderCode(CodeKind kind, const std::string& text, int modulePx);

// The photos of $FACEPOS_TEST_IMAGES (scripts/fetch-test-images) without faces, each resized to 1280×720 BGR.
// Empty when the directory is not there.
std::vector<cv::Mat> photoBackgrounds();

// `background` (BGR, copied) with the code placed on it, then perturbed.
cv::Mat composeFrame(const cv::Mat& background, const CodePlacement& placement, const FramePerturbation& perturbation,
                     std::mt19937& rng);

}  // namespace facepos::testing
