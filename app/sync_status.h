#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <memory>

#include "app/store/store_types.h"
#include "platform/iclock.h"

namespace facepos {

// The outbox as the UI shows it: the status bar's sync indicator and the sync page (QML singleton `Sync`).
// Fed with snapshots from store::SyncService (setSnapshot); "sync now" and "send again" go back to it through the
// signals. The age of the oldest pending record is recomputed every second while something is pending.
//
// Thread ownership: the UI thread.
class SyncStatus final : public QObject {
    Q_OBJECT
    Q_PROPERTY(int pending READ pending NOTIFY changed)
    Q_PROPERTY(int dead READ dead NOTIFY changed)
    Q_PROPERTY(QDateTime oldestPending READ oldestPending NOTIFY changed)
    // Seconds since the oldest pending record was made; 0 when nothing is pending.
    Q_PROPERTY(qint64 oldestPendingAgeSeconds READ oldestPendingAgeSeconds NOTIFY ageChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY changed)
    Q_PROPERTY(bool draining READ draining NOTIFY changed)
    // 0 … 1 while draining: the share of the rows pending at the start that are gone.
    Q_PROPERTY(double progress READ progress NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(QDateTime nextAttempt READ nextAttempt NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY changed)
    // One map per dead letter, in the snapshot's order: id, call, kind, recordId, reference, errCode, message, deadAt.
    Q_PROPERTY(QVariantList deadLetters READ deadLetters NOTIFY changed)

public:
    explicit SyncStatus(std::shared_ptr<const IClock> clock, QObject* parent = nullptr);

    int pending() const { return m_snapshot.pending; }
    int dead() const { return m_snapshot.dead; }
    QDateTime oldestPending() const { return m_snapshot.oldestPending; }
    qint64 oldestPendingAgeSeconds() const;
    QDateTime lastSuccess() const { return m_snapshot.lastSuccess; }
    bool draining() const { return m_snapshot.draining; }
    double progress() const;
    QString lastError() const { return m_snapshot.lastError; }
    QDateTime nextAttempt() const { return m_snapshot.nextAttempt; }
    bool online() const { return m_snapshot.online; }
    QVariantList deadLetters() const { return m_deadLetters; }

    void setSnapshot(const store::SyncSnapshot& snapshot);

    Q_INVOKABLE void syncNow() { emit syncNowRequested(); }
    Q_INVOKABLE void sendAgain(qint64 deadLetterId) { emit sendAgainRequested(deadLetterId); }

signals:
    void changed();
    void ageChanged();
    void syncNowRequested();
    void sendAgainRequested(qint64 deadLetterId);

private:
    std::shared_ptr<const IClock> m_clock;
    store::SyncSnapshot m_snapshot;
    QVariantList m_deadLetters;  // m_snapshot.deadLetters as QML reads them, built once per snapshot
    // Ticks every second while something is pending, so the age on screen moves on; stopped otherwise. A child
    // of this object, so tests can find it.
    QTimer* m_ageTimer;
};

}  // namespace facepos
