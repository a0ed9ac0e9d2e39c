#pragma once

#include <QJSEngine>
#include <QQmlEngine>

#include "app_state.h"
#include "checkout/camera_preview_item.h"
#include "checkout/checkout_controller.h"
#include "checkout/face_checkout.h"
#include "customer_display.h"
#include "device_manager.h"
#include "language_manager.h"
#include "session/clerk_manager.h"
#include "session/device_binding.h"
#include "session/session_manager.h"
#include "session/shift_manager.h"
#include "sync_status.h"

namespace facepos {

// QML faces of app-owned services. The services are created by Application (or a test) before the QML engine
// loads anything and registered with provide(); QML gets that same instance, C++ keeps ownership.
template <typename T>
class SingletonProvider {
public:
    static void provide(T* instance) { s_instance = instance; }
    static T* instance() { return s_instance; }

protected:
    static T* createFor(QJSEngine* engine) {
        Q_ASSERT_X(s_instance, "SingletonProvider", "service not provided before the QML engine asked for it");
        Q_UNUSED(engine);
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }

private:
    static inline T* s_instance = nullptr;
};

struct AppStateForeign : SingletonProvider<AppState> {
    Q_GADGET
    QML_FOREIGN(facepos::AppState)
    QML_NAMED_ELEMENT(AppState)
    QML_SINGLETON
public:
    static AppState* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct LanguageForeign : SingletonProvider<LanguageManager> {
    Q_GADGET
    QML_FOREIGN(facepos::LanguageManager)
    QML_NAMED_ELEMENT(Language)
    QML_SINGLETON
public:
    static LanguageManager* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct DevicesForeign : SingletonProvider<DeviceManager> {
    Q_GADGET
    QML_FOREIGN(facepos::DeviceManager)
    QML_NAMED_ELEMENT(Devices)
    QML_SINGLETON
public:
    static DeviceManager* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct CustomerDisplayForeign : SingletonProvider<CustomerDisplay> {
    Q_GADGET
    QML_FOREIGN(facepos::CustomerDisplay)
    QML_NAMED_ELEMENT(CustomerDisplay)
    QML_SINGLETON
public:
    static CustomerDisplay* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct SyncForeign : SingletonProvider<SyncStatus> {
    Q_GADGET
    QML_FOREIGN(facepos::SyncStatus)
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
public:
    static SyncStatus* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct BindingForeign : SingletonProvider<session::DeviceBinding> {
    Q_GADGET
    QML_FOREIGN(facepos::session::DeviceBinding)
    QML_NAMED_ELEMENT(DeviceBinding)
    QML_SINGLETON
public:
    static session::DeviceBinding* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct SessionForeign : SingletonProvider<session::SessionManager> {
    Q_GADGET
    QML_FOREIGN(facepos::session::SessionManager)
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
public:
    static session::SessionManager* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct ClerksForeign : SingletonProvider<session::ClerkManager> {
    Q_GADGET
    QML_FOREIGN(facepos::session::ClerkManager)
    QML_NAMED_ELEMENT(Clerks)
    QML_SINGLETON
public:
    static session::ClerkManager* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct ShiftForeign : SingletonProvider<session::ShiftManager> {
    Q_GADGET
    QML_FOREIGN(facepos::session::ShiftManager)
    QML_NAMED_ELEMENT(Shift)
    QML_SINGLETON
public:
    static session::ShiftManager* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct CheckoutForeign : SingletonProvider<checkout::CheckoutController> {
    Q_GADGET
    QML_FOREIGN(facepos::checkout::CheckoutController)
    QML_NAMED_ELEMENT(Checkout)
    QML_SINGLETON
public:
    static checkout::CheckoutController* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

struct FacePayForeign : SingletonProvider<checkout::FaceCheckout> {
    Q_GADGET
    QML_FOREIGN(facepos::checkout::FaceCheckout)
    QML_NAMED_ELEMENT(FacePay)
    QML_SINGLETON
public:
    static checkout::FaceCheckout* create(QQmlEngine*, QJSEngine* engine) { return createFor(engine); }
};

// The live camera picture with the face box (CameraPreviewItem), for the face page and the customer display.
struct CameraPreviewForeign {
    Q_GADGET
    QML_FOREIGN(facepos::checkout::CameraPreviewItem)
    QML_NAMED_ELEMENT(CameraPreview)
};

}  // namespace facepos
