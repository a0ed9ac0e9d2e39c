#pragma once

#include <QByteArray>
#include <cstddef>
#include <cstring>
#include <opencv2/core/mat.hpp>
#include <type_traits>
#include <utility>
#include <vector>

#include "platform/crypto.h"

namespace facepos::face {

// Zeroing of buffers that hold face pixels (a crop, a downscaled copy, a JPEG) before their memory is given back.
// Only ever call these on buffers the face pipeline owns: a cv::Mat header that shares the camera's frame would zero
// the frame under the other consumers.

// Zeroes `size` bytes at `data`. The empty asm statement tells the compiler the memory is read afterwards, so the
// store is not dropped as dead before the buffer is freed (the same trick as OPENSSL_cleanse / explicit_bzero).
inline void secureZero(void* data, std::size_t size) {
    if (data == nullptr || size == 0) return;
    std::memset(data, 0, size);
    asm volatile("" : : "r"(data) : "memory");
}

// Overwrites the pixels of `mat` and releases it.
inline void wipeMat(cv::Mat& mat) {
    if (!mat.empty() && mat.data != nullptr) {
        if (mat.isContinuous()) {
            secureZero(mat.data, mat.total() * mat.elemSize());
        } else {
            mat.setTo(cv::Scalar::all(0));
        }
    }
    mat.release();
}

inline void wipeBytes(std::vector<uchar>& bytes) {
    secureZero(bytes.data(), bytes.size());
    bytes.clear();
    bytes.shrink_to_fit();
}

inline void wipeBytes(QByteArray& bytes) {
    crypto::secureWipe(bytes);
}

// Wipes what it guards when it goes out of scope: `FaceBuffer<cv::Mat> crop; … crop.get() = roi.clone();`.
template <typename T>
class FaceBuffer {
public:
    FaceBuffer() = default;
    explicit FaceBuffer(T value) : m_value(std::move(value)) {}
    FaceBuffer(const FaceBuffer&) = delete;
    FaceBuffer& operator=(const FaceBuffer&) = delete;
    ~FaceBuffer() { wipe(); }

    T& get() { return m_value; }
    const T& get() const { return m_value; }
    T* operator->() { return &m_value; }

    void wipe() {
        if constexpr (std::is_same_v<T, cv::Mat>) {
            wipeMat(m_value);
        } else {
            wipeBytes(m_value);
        }
    }

private:
    T m_value{};
};

}  // namespace facepos::face
