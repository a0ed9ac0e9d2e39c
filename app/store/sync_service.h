#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <chrono>
#include <memory>

#include "app/backend/backend_client.h"
#include "app/store/store_types.h"
#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/ihttpclient.h"

namespace facepos::store {

class SyncWorker;

struct SyncOptions {
    QString databasePath;
    // The same options as the writer's connection, migrations included (the worker's open checks the schema version
    // against them; the writer, which opened the file first, has applied them).
    DatabaseOptions database;
    backend::BackendConfig backend;
    int batchSize = 50;                              // sync.batch_size: records per sync_upload, 1–100
    std::chrono::milliseconds interval{30000};       // sync.interval_s: wake-up when nothing else wakes it
    std::chrono::milliseconds backoffInitial{1000};  // sync.backoff_initial_ms
    std::chrono::milliseconds backoffMax{300000};    // sync.backoff_max_ms
};

// Delivers the outbox to the backend from a thread of its own, with its own database connection and its own
// BackendClient on that thread's event loop, so a slow network never holds up the cashier.
//
// The worker wakes when rows are added (wake()), on a timer, when the network comes back and on syncNow(). Each
// round sends the oldest pending rows in order (sync_upload batches of up to batchSize records, other device calls
// one at a time) until nothing is pending or an attempt fails:
// - ACK → acknowledged; REJECTED → dead letter with the code and message, never resent automatically;
//   RETRY, an unconfirmed or unsent request → the rows stay pending and the worker waits (Backoff) before trying
//   again; an envelope rejection of a batch splits it so the one bad record becomes the dead letter.
// - A trusted DEVICE_UNBOUND stops delivery and is reported (deviceUnbound).
// The server deduplicates by record_id + revision, so a batch sent twice (a lost answer) is stored once.
//
// Thread ownership: the service lives on the thread that created it (the UI thread); its methods are called there,
// except wake() which any thread may call. Signals arrive on the service's thread.
class SyncService final : public QObject {
    Q_OBJECT
public:
    SyncService(IHttpClient& http, std::shared_ptr<const IClock> clock, SyncOptions options, QObject* parent = nullptr);
    ~SyncService() override;

    // Starts the worker thread; the first round runs at once.
    void start();
    // Stops the worker and waits for it; an upload in flight is abandoned (its rows stay pending).
    void stop();

    // Thread-safe: rows were added.
    void wake();
    // A round now, whatever the backoff says (the sync page's button).
    void syncNow();
    // Offline: no attempts (the snapshot still updates). Online again: a round at once.
    void setNetworkOnline(bool online);
    // A technician's "send again" for a dead letter.
    void requeueDead(qint64 id);

    SyncSnapshot snapshot() const { return m_snapshot; }

signals:
    void snapshotChanged(const facepos::store::SyncSnapshot& snapshot);
    void deviceUnbound(const QString& reason);

private:
    QThread m_thread;
    SyncWorker* m_worker = nullptr;  // lives on m_thread, deleted there
    SyncSnapshot m_snapshot;
};

}  // namespace facepos::store

Q_DECLARE_METATYPE(facepos::store::SyncSnapshot)
