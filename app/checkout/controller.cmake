# The cashier's checkout controller (QML singleton Checkout): amount entry, the sales gate, payment code and cash,
# result, receipt, customer display and voice (docs/architecture.md, "Checkout").
target_sources(facepos_app PRIVATE
    checkout/checkout_controller.h checkout/checkout_controller.cpp
    checkout/face_checkout.h checkout/face_checkout.cpp
    checkout/camera_preview_item.h checkout/camera_preview_item.cpp
    checkout/checkout_camera.h checkout/checkout_camera.cpp)
