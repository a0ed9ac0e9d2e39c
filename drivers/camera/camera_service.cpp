#include "camera_service.h"

#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <opencv2/imgproc.hpp>

#include "frame_utils.h"
#include "platform/logging.h"

namespace facepos::drivers {

namespace {

constexpr auto kRetryInterval = std::chrono::seconds(2);
constexpr int kPreviewMaxWidth = 640;
constexpr qint64 kPreviewIntervalMs = 1000 / 30;

DeviceState stateForError(const Error& error) {
    // Absent or gone: the cashier plugs it (back) in. Present but unusable, or misconfigured: the technician acts.
    const bool absent = error.code == QLatin1String("camera.not_found") ||
                        error.code == QLatin1String("camera.unplugged") || error.code == QLatin1String("camera.end");
    return {absent ? DeviceState::Status::Disconnected : DeviceState::Status::Error, error.message};
}

}  // namespace

// The camera thread. Owns the camera while running; everything the UI thread reads is behind m_stateMutex, the
// consumers behind m_consumersMutex (held while they run, which is what makes removeConsumer a barrier).
class CameraService::Worker final : public QThread {
public:
    Worker(CameraService& service, std::unique_ptr<ICamera> camera) : m_service(service), m_camera(std::move(camera)) {
        setObjectName(QStringLiteral("camera"));
    }

    ~Worker() override { stopAndJoin(); }

    void begin() {
        {
            std::lock_guard lock(m_wakeMutex);
            m_stopRequested = false;
        }
        m_delivered = 0;
        m_lastPreviewMs = -kPreviewIntervalMs;
        start();
    }

    void stopAndJoin() {
        {
            std::lock_guard lock(m_wakeMutex);
            m_stopRequested = true;
        }
        m_wake.notify_all();
        wait();
        clearPreview();
    }

    void run() override {
        while (!stopRequested()) {
            if (!m_camera->isOpen()) {
                const Result<void> opened = m_camera->open();
                if (!opened) {
                    report(stateForError(opened.error()));
                    waitForRetry();
                    continue;
                }
                {
                    std::lock_guard lock(m_stateMutex);
                    m_info = m_camera->info();
                }
                qCInfo(lcDrivers) << "camera: delivering from" << m_camera->info().backend
                                  << m_camera->info().description;
                report({DeviceState::Status::Connected, {}});
            }
            Result<CameraFrame> frame = m_camera->read();
            if (!frame) {
                qCWarning(lcDrivers) << "camera:" << frame.error().code << frame.error().message;
                m_camera->close();
                report(stateForError(frame.error()));
                waitForRetry();
                continue;
            }
            deliver(frame.value());
            updatePreview(frame->color);
            wipeFrame(frame.value());
        }
        m_camera->close();
    }

    int addConsumer(Consumer consumer) {
        std::lock_guard lock(m_consumersMutex);
        const int id = ++m_lastConsumerId;
        m_consumers.emplace(id, std::make_shared<Consumer>(std::move(consumer)));
        return id;
    }

    void removeConsumer(int id) {
        // Blocks while a frame is being handed out (unless called by a consumer, on this thread: recursive mutex).
        std::lock_guard lock(m_consumersMutex);
        m_consumers.erase(id);
    }

    DeviceState state() const {
        std::lock_guard lock(m_stateMutex);
        return m_state;
    }

    CameraInfo info() const {
        std::lock_guard lock(m_stateMutex);
        return m_info;
    }

    QImage preview() const {
        std::lock_guard lock(m_stateMutex);
        return m_preview;
    }

    qint64 delivered() const { return m_delivered.load(); }

    // UI thread: takes the pending-preview flag so that at most one previewReady is queued at a time.
    bool takePreviewPending() { return m_previewPending.exchange(false); }

    // Sets the state from the UI thread (stop()); returns whether it changed. Drops every transition still queued.
    bool setStateNow(DeviceState state) {
        std::lock_guard lock(m_stateMutex);
        ++m_generation;
        if (state == m_state) return false;
        m_state = std::move(state);
        return true;
    }

private:
    bool stopRequested() {
        std::lock_guard lock(m_wakeMutex);
        return m_stopRequested;
    }

    void waitForRetry() {
        std::unique_lock lock(m_wakeMutex);
        m_wake.wait_for(lock, kRetryInterval, [this] { return m_stopRequested; });
    }

    void report(DeviceState next) {
        quint64 generation = 0;
        {
            std::lock_guard lock(m_stateMutex);
            if (next == m_state) return;
            m_state = next;
            generation = m_generation;
        }
        if (next.status != DeviceState::Status::Connected) {
            qCWarning(lcDrivers) << "camera:" << deviceStatusName(next.status) << next.message;
        }
        CameraService* service = &m_service;
        QMetaObject::invokeMethod(
            service,
            [service, next, generation] {
                Worker& worker = *service->m_worker;
                {
                    std::lock_guard lock(worker.m_stateMutex);
                    if (generation != worker.m_generation) return;  // stopped since: stale
                }
                emit service->stateChanged(next);
            },
            Qt::QueuedConnection);
    }

    void deliver(const CameraFrame& frame) {
        std::lock_guard lock(m_consumersMutex);
        std::vector<int> ids;
        ids.reserve(m_consumers.size());
        for (const auto& entry : m_consumers) ids.push_back(entry.first);
        for (int id : ids) {
            const auto found = m_consumers.find(id);
            if (found == m_consumers.end()) continue;  // removed by an earlier consumer of this frame
            const std::shared_ptr<Consumer> consumer = found->second;
            try {
                (*consumer)(frame);
            } catch (const std::exception& e) {
                qCWarning(lcDrivers) << "camera: a frame consumer threw:" << e.what();
            }
        }
        ++m_delivered;
    }

    void updatePreview(const cv::Mat& color) {
        const qint64 now = monotonicMs();
        if (now - m_lastPreviewMs < kPreviewIntervalMs || color.empty()) return;
        m_lastPreviewMs = now;
        cv::Mat rgb;
        try {
            cv::Mat scaled;
            if (color.cols > kPreviewMaxWidth) {
                const double factor = double(kPreviewMaxWidth) / color.cols;
                cv::resize(color, scaled, cv::Size(kPreviewMaxWidth, std::max(1, int(color.rows * factor))), 0, 0,
                           cv::INTER_AREA);
            } else {
                scaled = color;
            }
            cv::cvtColor(scaled, rgb, cv::COLOR_BGR2RGB);
            if (scaled.data != color.data) wipeMat(scaled);
        } catch (const cv::Exception& e) {
            qCWarning(lcDrivers) << "camera: preview not updated:" << e.what();
            return;
        }
        QImage image(rgb.cols, rgb.rows, QImage::Format_RGB888);
        for (int y = 0; y < rgb.rows; ++y) std::memcpy(image.scanLine(y), rgb.ptr(y), size_t(rgb.cols) * 3);
        wipeMat(rgb);
        QImage previous;
        {
            std::lock_guard lock(m_stateMutex);
            previous = std::exchange(m_preview, std::move(image));
        }
        wipeImage(previous);
        if (!m_previewPending.exchange(true)) {
            CameraService* service = &m_service;
            QMetaObject::invokeMethod(
                service,
                [service] {
                    if (service->m_worker->takePreviewPending()) emit service->previewReady();
                },
                Qt::QueuedConnection);
        }
    }

    void clearPreview() {
        QImage previous;
        {
            std::lock_guard lock(m_stateMutex);
            previous = std::exchange(m_preview, QImage());
        }
        wipeImage(previous);
        m_previewPending = false;
    }

    static void wipeImage(QImage& image) {
        // Only our own buffer: a copy the UI still holds is detached from it and stays its own to drop.
        if (!image.isNull() && image.isDetached()) image.fill(Qt::black);
        image = QImage();
    }

    static void wipeFrame(CameraFrame& frame) {
        wipeMat(frame.color);
        wipeMat(frame.depth);
        wipeMat(frame.infrared);
    }

    CameraService& m_service;
    std::unique_ptr<ICamera> m_camera;

    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_stopRequested = false;

    mutable std::mutex m_stateMutex;
    DeviceState m_state{DeviceState::Status::Disconnected, QStringLiteral("Camera not started.")};
    quint64 m_generation = 0;
    CameraInfo m_info;
    QImage m_preview;

    std::recursive_mutex m_consumersMutex;
    std::map<int, std::shared_ptr<Consumer>> m_consumers;
    int m_lastConsumerId = 0;

    std::atomic<qint64> m_delivered{0};
    std::atomic<bool> m_previewPending{false};
    qint64 m_lastPreviewMs = 0;
};

CameraService::CameraService(std::unique_ptr<ICamera> camera, QObject* parent)
    : QObject(parent), m_worker(std::make_unique<Worker>(*this, std::move(camera))) {
    qRegisterMetaType<facepos::drivers::DeviceState>();
}

CameraService::~CameraService() {
    m_worker->stopAndJoin();
}

void CameraService::start() {
    if (m_worker->isRunning()) return;
    m_worker->begin();
}

void CameraService::stop() {
    m_worker->stopAndJoin();
    if (m_worker->setStateNow({DeviceState::Status::Disconnected, QStringLiteral("Camera stopped.")})) {
        emit stateChanged(m_worker->state());
    }
}

bool CameraService::isRunning() const {
    return m_worker->isRunning();
}

DeviceState CameraService::state() const {
    return m_worker->state();
}

CameraInfo CameraService::info() const {
    return m_worker->info();
}

int CameraService::addConsumer(Consumer consumer) {
    return m_worker->addConsumer(std::move(consumer));
}

void CameraService::removeConsumer(int id) {
    m_worker->removeConsumer(id);
}

QImage CameraService::latestPreview() const {
    return m_worker->preview();
}

qint64 CameraService::framesDelivered() const {
    return m_worker->delivered();
}

}  // namespace facepos::drivers
