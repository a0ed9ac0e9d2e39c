#pragma once

#include "platform/self_signed_certificate.h"

namespace facepos::test {

// A throw-away TLS identity for loopback test servers (platform/self_signed_certificate.h, valid for a day).
using TestCertificate = SelfSignedCertificate;

inline Result<TestCertificate> generateSelfSignedCertificate() {
    return facepos::generateSelfSignedCertificate();
}

}  // namespace facepos::test
