#pragma once

#include "icashdrawer.h"

namespace facepos::drivers {

// devices.drawer = none: the stub. open() fails with drawer.absent so the caller tells the cashier to use the key.
class NoCashDrawer final : public ICashDrawer {
public:
    bool present() const override { return false; }
    Result<void> open() override {
        return makeError(QStringLiteral("drawer.absent"),
                         QStringLiteral("No cash drawer is configured (devices.drawer = none): open the drawer with "
                                        "its key."));
    }
};

}  // namespace facepos::drivers
