#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

#include "app/backend/backend_client.h"
#include "app/store/backoff.h"
#include "app/store/outbox.h"
#include "app/store/sync_service.h"

namespace facepos::store {

// The part of SyncService that runs on its thread (see sync_service.h for the delivery rules). Everything here
// happens on that thread: the database connection, the BackendClient and the timers are created in start().
class SyncWorker final : public QObject {
    Q_OBJECT
public:
    SyncWorker(IHttpClient& http, std::shared_ptr<const IClock> clock, SyncOptions options);
    ~SyncWorker() override;

public slots:
    void start();
    void wake();
    void syncNow();
    void setOnline(bool online);
    void requeueDead(qint64 id);

signals:
    void snapshotChanged(const facepos::store::SyncSnapshot& snapshot);
    void deviceUnbound(const QString& reason);

private:
    bool openDatabase();
    void round();
    void sendUpload(const QList<OutboxRow>& rows);
    void sendCall(const OutboxRow& row);
    void onUploadAnswer(const QList<OutboxRow>& rows, const backend::BackendResult<backend::SyncUploadReply>& result);
    void onCallAnswer(const OutboxRow& row, const backend::BackendResult<QJsonObject>& result);
    // A rejection of the whole request that says something about the device, not the rows.
    bool rejectsDevice(const backend::BackendError& error);
    void succeeded();
    void failed(const QList<qint64>& ids, const QString& reason);
    void publish();
    void report(const Error& error);

    IHttpClient& m_http;
    std::shared_ptr<const IClock> m_clock;
    SyncOptions m_options;
    std::optional<Database> m_db;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<backend::BackendClient> m_client;
    QTimer* m_interval = nullptr;
    QTimer* m_retry = nullptr;
    Backoff m_backoff;
    bool m_online = true;
    bool m_busy = false;
    bool m_unbound = false;
    // After an envelope rejection of a batch: send one record at a time until the bad one is a dead letter.
    bool m_oneAtATime = false;
    int m_drainTotal = 0;
    QString m_lastError;
};

}  // namespace facepos::store
