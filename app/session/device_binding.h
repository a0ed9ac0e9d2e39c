#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

#include "app/backend/backend_client.h"
#include "app/store/store_types.h"
#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/ikeystore.h"
#include "platform/result.h"

namespace facepos::session {

// The device's binding to one merchant (docs/terminal-api.md §8), as the technician goes through it: unbound →
// pending review (审核中) → activated, rejected back to the form, and back to unbound when support unbinds the device.
// QML singleton `Binding`.
//
// - submit() sends activation_request with the device's public key and the merchant's password proof.
// - Pending: polls activation_status every 10 s for the first 10 minutes, then every 60 s; checkNow() polls at once.
// - Approved: opens the sealed secret with the device key, stores it encrypted in the key store, and confirms it with
//   a signed heartbeat; only a trusted answer to that heartbeat makes the device activated (a BAD_SIGNATURE discards
//   the secret and polls again). The merchant and store are kept in device_meta.
// - Unbound by support (DEVICE_UNBOUND from any call, or a heartbeat saying bound: false): state unbinding — selling
//   stops, the outbox keeps delivering what was recorded before the unbinding; once nothing is pending, every record
//   the backend refused is written to <data.dir>/export/unsynced-<time>.json, the secret and the binding are erased
//   and the state is unbound. Nothing is lost.
//
// Errors are shown through errorCode (stable: "binding.invalid", "api.BAD_CREDENTIALS", "transport.not_sent" …) and
// errorText (the technician's words, in the UI language). Every method runs on the UI thread.
class DeviceBinding final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString state READ stateName NOTIFY changed)
    Q_PROPERTY(QString requestId READ requestId NOTIFY changed)
    Q_PROPERTY(QString merchantNo READ merchantNo NOTIFY changed)
    Q_PROPERTY(QString merchantName READ merchantName NOTIFY changed)
    Q_PROPERTY(QString storeNo READ storeNo NOTIFY changed)
    Q_PROPERTY(QString storeName READ storeName NOTIFY changed)
    Q_PROPERTY(QString rejectReason READ rejectReason NOTIFY changed)
    Q_PROPERTY(QString unboundReason READ unboundReason NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QDateTime nextCheck READ nextCheck NOTIFY changed)
    // While unbinding: records still to deliver; and where refused records were exported, once done.
    Q_PROPERTY(int unsyncedRecords READ unsyncedRecords NOTIFY changed)
    Q_PROPERTY(QString exportPath READ exportPath NOTIFY changed)

public:
    enum class State { Unbound, Pending, Rejected, Activated, Unbinding };

    struct Options {
        QString dataDir;  // for export/
        QString deviceModel;
        QString appVersion;
        std::chrono::milliseconds fastPoll{10000};
        std::chrono::milliseconds fastPollPeriod{600000};
        std::chrono::milliseconds slowPoll{60000};
        std::chrono::milliseconds heartbeat{60000};
    };

    DeviceBinding(Database& db, IKeyStore& keys, backend::BackendClient& client, std::shared_ptr<const IClock> clock,
                  Options options, QObject* parent = nullptr);
    ~DeviceBinding() override;

    // Reads the stored binding; an activated device gets its secret and merchant set on the client. A pending
    // request starts polling again.
    Result<void> load();

    State state() const { return m_state; }
    QString stateName() const;
    QString requestId() const { return m_requestId; }
    QString merchantNo() const { return m_merchantNo; }
    QString merchantName() const { return m_merchantName; }
    QString storeNo() const { return m_storeNo; }
    QString storeName() const { return m_storeName; }
    QString rejectReason() const { return m_rejectReason; }
    QString unboundReason() const { return m_unboundReason; }
    bool busy() const { return m_busy; }
    QString errorCode() const { return m_errorCode; }
    QString errorText() const { return m_errorText; }
    QDateTime nextCheck() const { return m_nextCheck; }
    int unsyncedRecords() const { return m_unsynced; }
    QString exportPath() const { return m_exportPath; }
    // The opened device secret (64 hex characters) once activated; empty otherwise.
    QByteArray deviceSecret() const { return m_secret; }

    // The bind request: merchant number (8–12 digits), its password (8–32 characters), optional store number.
    Q_INVOKABLE void submit(const QString& merchantNo, const QString& password, const QString& storeNo = {});
    // Polls at once (the pending screen's "check now").
    Q_INVOKABLE void checkNow();
    // After a rejection: back to the form to submit again.
    Q_INVOKABLE void startOver();

    // The backend says the device was unbound (BackendClient::deviceUnbound, a heartbeat with bound: false).
    void handleUnbound(const QString& reason);
    // The outbox as the sync worker last reported it; while unbinding, an empty outbox finishes the unbinding.
    void setOutbox(const store::SyncSnapshot& snapshot);

signals:
    void changed();
    // The secret is confirmed: start delivering the outbox, show the sign-in screen.
    void activated();
    // Support unbound the device: stop selling and sign out; the outbox keeps delivering.
    void unbindingStarted();
    // Every record is delivered or exported; the device is unbound and shows the activation form.
    void unbound();

private:
    void setState(State state);
    void setError(const QString& code, const QString& text);
    void clearError();
    void schedulePoll();
    void poll();
    void onStatus(const backend::ActivationReply& reply);
    void acceptSecret(const backend::ActivationReply& reply);
    void confirmSecret();
    void finishUnbinding();
    // While activated: heartbeat every 60 s (it keeps the session alive and learns an unbinding, §16.1).
    void heartbeat();
    void updateHeartbeat();
    Result<void> saveMeta(const QString& key, const QString& value);
    Result<void> clearMeta();
    QString backendErrorText(const backend::BackendError& error) const;

    Database& m_db;
    IKeyStore& m_keys;
    backend::BackendClient& m_client;
    std::shared_ptr<const IClock> m_clock;
    Options m_options;
    QTimer m_pollTimer;
    QTimer m_heartbeatTimer;
    store::SyncSnapshot m_outbox;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_pendingSince;
    State m_state = State::Unbound;
    QString m_requestId;
    QString m_merchantNo;
    QString m_merchantName;
    QString m_storeNo;
    QString m_storeName;
    QString m_rejectReason;
    QString m_unboundReason;
    bool m_busy = false;
    QString m_errorCode;
    QString m_errorText;
    QDateTime m_nextCheck;
    int m_unsynced = 0;
    QString m_exportPath;
    QByteArray m_secret;
};

}  // namespace facepos::session
