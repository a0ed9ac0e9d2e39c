#include "sync_status.h"

#include <QVariantMap>
#include <algorithm>
#include <utility>

namespace facepos {

namespace {

QVariantMap deadLetterMap(const store::DeadLetter& letter) {
    return QVariantMap{{QStringLiteral("id"), letter.id},
                       {QStringLiteral("call"), letter.call},
                       {QStringLiteral("kind"), letter.kind},
                       {QStringLiteral("recordId"), letter.recordId},
                       {QStringLiteral("reference"), letter.reference},
                       {QStringLiteral("errCode"), letter.errCode},
                       {QStringLiteral("message"), letter.message},
                       {QStringLiteral("deadAt"), letter.deadAt}};
}

}  // namespace

SyncStatus::SyncStatus(std::shared_ptr<const IClock> clock, QObject* parent)
    : QObject(parent), m_clock(std::move(clock)), m_ageTimer(new QTimer(this)) {
    Q_ASSERT(m_clock);
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &SyncStatus::ageChanged);
}

qint64 SyncStatus::oldestPendingAgeSeconds() const {
    if (m_snapshot.pending <= 0 || !m_snapshot.oldestPending.isValid()) return 0;
    // A wall clock set back (NTP, a technician) must not show a negative age.
    return std::max<qint64>(0, m_snapshot.oldestPending.secsTo(m_clock->nowUtc()));
}

double SyncStatus::progress() const {
    if (!m_snapshot.draining || m_snapshot.drainTotal <= 0) return 0.0;
    // Rows added during the drain can make pending exceed the total it started with.
    const double done = 1.0 - double(m_snapshot.pending) / double(m_snapshot.drainTotal);
    return std::clamp(done, 0.0, 1.0);
}

void SyncStatus::setSnapshot(const store::SyncSnapshot& snapshot) {
    m_snapshot = snapshot;
    m_deadLetters.clear();
    m_deadLetters.reserve(snapshot.deadLetters.size());
    for (const store::DeadLetter& letter : snapshot.deadLetters) m_deadLetters << deadLetterMap(letter);

    if (m_snapshot.pending <= 0)
        m_ageTimer->stop();
    else if (!m_ageTimer->isActive())
        m_ageTimer->start();
    emit changed();
    emit ageChanged();
}

}  // namespace facepos
