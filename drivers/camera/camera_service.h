#pragma once

#include <QImage>
#include <QObject>
#include <functional>
#include <memory>

#include "camera_frame.h"
#include "drivers/input/device_state.h"
#include "icamera.h"

namespace facepos::drivers {

// Runs one ICamera on its own thread (the camera thread) and hands every frame to the registered consumers there:
// the face capture pipeline (app/face) and the camera code reader (CameraCodeScanner). The UI thread only gets
// state changes and a downscaled preview.
//
// Open / unplug: start() opens the camera on the camera thread. While it cannot be opened (camera.not_found,
// camera.open_failed) the state is Disconnected / Error with the message and it retries every 2 s. A camera that
// stops delivering (camera.unplugged) goes to Disconnected with a message the cashier can act on, keeps retrying,
// and resumes delivering to the same consumers when the device is back — no restart needed.
//
// Thread ownership: the object lives on the thread that created it (the UI thread); its signals arrive there.
// addConsumer / removeConsumer / latestPreview are thread-safe. Consumers run on the camera thread, one frame at a
// time, and must not block for long (a slow consumer lowers the frame rate, it never queues frames).
class CameraService : public QObject {
    Q_OBJECT
public:
    using Consumer = std::function<void(const CameraFrame& frame)>;

    explicit CameraService(std::unique_ptr<ICamera> camera, QObject* parent = nullptr);
    ~CameraService() override;  // stops the thread and closes the camera

    void start();  // idempotent
    void stop();   // closes the camera; consumers stay registered

    bool isRunning() const;
    DeviceState state() const;
    CameraInfo info() const;  // of the camera, as last opened

    // Returns an id for removeConsumer. When removeConsumer returns, the consumer is not running and is never
    // called again (safe to destroy what it captured).
    int addConsumer(Consumer consumer);
    void removeConsumer(int id);

    // The last frame, downscaled to at most 640 px wide, RGB888; null before the first frame and after stop().
    // For the live preview only: it is kept in memory, never written anywhere, and replaced by the next frame.
    QImage latestPreview() const;

    // Frames delivered since start(), for the technician screen and benchmarks.
    qint64 framesDelivered() const;

signals:
    void stateChanged(const facepos::drivers::DeviceState& state);
    void previewReady();  // latestPreview() changed; at most 30 times a second

private:
    class Worker;
    std::unique_ptr<Worker> m_worker;
};

}  // namespace facepos::drivers
