#include "sync_service.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>

#include "app/store/sync_worker.h"
#include "platform/api_errors.h"
#include "platform/logging.h"

namespace facepos::store {

namespace {

// Room for the envelope within the backend's 1 MiB body limit.
constexpr qsizetype kMaxUploadBytes = 1000 * 1024;

}  // namespace

// ---- SyncService ------------------------------------------------------------------------------------------------

SyncService::SyncService(IHttpClient& http, std::shared_ptr<const IClock> clock, SyncOptions options, QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<facepos::store::SyncSnapshot>();
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker = new SyncWorker(http, std::move(clock), std::move(options));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::snapshotChanged, this, [this](const SyncSnapshot& snapshot) {
        m_snapshot = snapshot;
        emit snapshotChanged(snapshot);
    });
    connect(m_worker, &SyncWorker::deviceUnbound, this, &SyncService::deviceUnbound);
}

SyncService::~SyncService() {
    stop();
    if (!m_thread.isRunning()) delete m_worker;  // never started: the thread's finished signal will not delete it
}

void SyncService::start() {
    if (m_thread.isRunning()) return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::start, Qt::QueuedConnection);
}

void SyncService::stop() {
    if (!m_thread.isRunning()) return;
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;  // deleted on the thread's way out
}

void SyncService::wake() {
    if (m_worker) QMetaObject::invokeMethod(m_worker, &SyncWorker::wake, Qt::QueuedConnection);
}

void SyncService::syncNow() {
    if (m_worker) QMetaObject::invokeMethod(m_worker, &SyncWorker::syncNow, Qt::QueuedConnection);
}

void SyncService::setNetworkOnline(bool online) {
    if (m_worker) QMetaObject::invokeMethod(m_worker, [worker = m_worker, online] { worker->setOnline(online); });
}

void SyncService::requeueDead(qint64 id) {
    if (m_worker) QMetaObject::invokeMethod(m_worker, [worker = m_worker, id] { worker->requeueDead(id); });
}

// ---- SyncWorker ---------------------------------------------------------------------------------------------------

SyncWorker::SyncWorker(IHttpClient& http, std::shared_ptr<const IClock> clock, SyncOptions options)
    : m_http(http),
      m_clock(std::move(clock)),
      m_options(std::move(options)),
      m_backoff(m_options.backoffInitial, m_options.backoffMax) {
    m_options.batchSize = std::clamp(m_options.batchSize, 1, 100);
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start() {
    if (!m_retry) {
        m_interval = new QTimer(this);
        m_interval->setInterval(m_options.interval);
        connect(m_interval, &QTimer::timeout, this, &SyncWorker::wake);
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        connect(m_retry, &QTimer::timeout, this, [this] { m_outbox ? round() : start(); });
    }
    if (!m_outbox && !openDatabase()) return;
    m_interval->start();
    qCInfo(lcSync) << "Sync worker started; batches of" << m_options.batchSize << "records";
    round();
}

bool SyncWorker::openDatabase() {
    DatabaseOptions dbOptions = m_options.database;
    dbOptions.checkIntegrity = false;  // the writer checked the file when the terminal started
    auto db = Database::open(m_options.databasePath, dbOptions);
    if (!db) {
        // Tried again after the backoff; until then the snapshot says why nothing is delivered.
        m_lastError = db.error().message;
        const auto wait = m_backoff.next();
        qCWarning(lcSync) << "The sync worker cannot open the database:" << db.error().message << "- again in"
                          << wait.count() << "ms";
        // No snapshot: without the database the worker cannot count, and the UI keeps the counts it has.
        m_retry->start(wait);
        return false;
    }
    m_db.emplace(std::move(db).value());
    m_outbox = std::make_unique<Outbox>(*m_db, m_clock);
    m_backoff.reset();
    m_lastError.clear();
    m_client = std::make_unique<backend::BackendClient>(m_http, m_clock, m_options.backend, this);
    connect(m_client.get(), &backend::BackendClient::deviceUnbound, this, [this](const QString& reason) {
        m_unbound = true;
        emit deviceUnbound(reason);
    });
    return true;
}

void SyncWorker::wake() {
    // While waiting out a backoff, new rows only update the counts: every sale must not hammer a failing backend.
    if (m_retry && m_retry->isActive()) {
        publish();
        return;
    }
    round();
}

void SyncWorker::syncNow() {
    if (m_retry) m_retry->stop();
    m_backoff.reset();
    round();
}

void SyncWorker::setOnline(bool online) {
    if (m_online == online) return;
    m_online = online;
    if (!m_outbox) return;  // not started yet: start() runs the first round with this state
    qCInfo(lcSync) << (online ? "Network back: syncing" : "Network lost: sync paused");
    if (online) {
        syncNow();
    } else {
        publish();
    }
}

void SyncWorker::requeueDead(qint64 id) {
    if (!m_outbox) return;
    if (auto r = m_outbox->requeueDead(id); !r) {
        report(r.error());
        return;
    }
    qCInfo(lcSync) << "Dead letter" << id << "queued again by the technician";
    syncNow();
}

void SyncWorker::round() {
    if (!m_outbox || m_busy) return;
    if (!m_online || m_unbound) {
        publish();
        return;
    }
    auto rows = m_outbox->nextBatch(m_oneAtATime ? 1 : m_options.batchSize);
    if (!rows) {
        report(rows.error());
        return;
    }
    if (rows->isEmpty()) {
        m_drainTotal = 0;
        m_oneAtATime = false;
        publish();
        return;
    }
    m_busy = true;
    if (rows->first().call == QLatin1String(kCallSyncUpload))
        sendUpload(*rows);
    else
        sendCall(rows->first());
    publish();
}

void SyncWorker::sendUpload(const QList<OutboxRow>& rows) {
    QJsonArray records;
    for (const OutboxRow& row : rows) records.append(row.toSyncRecord());
    // The backend refuses bodies over 1 MiB without reading them (§15.1), so a batch that large is never sent: it
    // goes one record at a time, and a single record that large can never be delivered.
    if (QJsonDocument(records).toJson(QJsonDocument::Compact).size() > kMaxUploadBytes) {
        m_busy = false;
        if (rows.size() > 1) {
            m_oneAtATime = true;
            round();
            return;
        }
        const QString message =
            QStringLiteral("The record is larger than the backend accepts (%1 KiB).").arg(kMaxUploadBytes / 1024);
        if (auto r = m_outbox->markDead(rows.first().id, QStringLiteral("RECORD_TOO_LARGE"), message); !r)
            report(r.error());
        qCWarning(lcSync) << "Record" << rows.first().recordId << "is too large to deliver";
        round();
        return;
    }
    m_client->syncUpload(records, [this, rows](backend::BackendResult<backend::SyncUploadReply> result) {
        onUploadAnswer(rows, result);
    });
}

void SyncWorker::sendCall(const OutboxRow& row) {
    m_client->call(row.call, row.payload,
                   [this, row](backend::BackendResult<QJsonObject> result) { onCallAnswer(row, result); });
}

namespace {

QList<qint64> idsOf(const QList<OutboxRow>& rows) {
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const OutboxRow& row : rows) ids.append(row.id);
    return ids;
}

// Envelope errors caused by what the request carried (a record the server cannot read): the record is at fault.
bool blamesContent(int apiCode) {
    switch (static_cast<api::ApiError>(apiCode)) {
        case api::ApiError::MalformedRequest:
        case api::ApiError::MissingField:
        case api::ApiError::InvalidField:
        case api::ApiError::BodyTooLarge:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool SyncWorker::rejectsDevice(const backend::BackendError& error) {
    if (error.outcome != backend::Outcome::Rejected) return false;
    if (api::isRetryable(error.apiCode)) return true;
    return !blamesContent(error.apiCode) && error.apiCode < static_cast<int>(api::ApiError::OrderConflict);
}

void SyncWorker::onUploadAnswer(const QList<OutboxRow>& rows,
                                const backend::BackendResult<backend::SyncUploadReply>& result) {
    m_busy = false;
    if (!result.ok()) {
        const backend::BackendError& error = result.error();
        if (error.outcome == backend::Outcome::Rejected && !rejectsDevice(error)) {
            // The server could not take the request because of what it carried: find the record at fault.
            if (rows.size() > 1) {
                qCWarning(lcSync) << "A batch of" << rows.size() << "records was refused (" << error.errName
                                  << "): sending them one at a time";
                m_oneAtATime = true;
                round();
                return;
            }
            if (auto r = m_outbox->markDead(rows.first().id, error.errName, error.message); !r) report(r.error());
            qCWarning(lcSync) << "Record" << rows.first().recordId << "refused for good:" << error.message;
            succeeded();
            return;
        }
        failed(idsOf(rows), error.message);
        return;
    }
    const auto& results = result.value().results;
    if (results.size() != rows.size()) {
        failed(idsOf(rows),
               QStringLiteral("The backend answered %1 results for %2 records.").arg(results.size()).arg(rows.size()));
        return;
    }
    QList<qint64> acked;
    QList<qint64> retry;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const OutboxRow& row = rows.at(i);
        const backend::SyncRecordResult& r = results.at(i);
        if (r.recordId != row.recordId || r.revision != row.revision) {
            retry.append(row.id);
        } else if (r.status == QLatin1String("ACK")) {
            acked.append(row.id);
            if (r.discrepancy)
                qCWarning(lcSync) << "The backend disagrees with order record" << row.recordId
                                  << "(listed for support)";
        } else if (r.status == QLatin1String("REJECTED")) {
            if (auto dead = m_outbox->markDead(row.id, r.errCode, r.msg); !dead) report(dead.error());
            qCWarning(lcSync) << "Record" << row.recordId << "(" << row.kind << ") refused for good:" << r.errCode
                              << r.msg;
        } else {
            retry.append(row.id);
        }
    }
    if (auto r = m_outbox->acknowledge(acked); !r) {
        report(r.error());
        return;
    }
    if (!retry.isEmpty()) {
        failed(retry, QStringLiteral("The backend asked to send %1 record(s) again later.").arg(retry.size()));
        return;
    }
    if (rows.size() == 1) m_oneAtATime = false;
    succeeded();
}

void SyncWorker::onCallAnswer(const OutboxRow& row, const backend::BackendResult<QJsonObject>& result) {
    m_busy = false;
    if (result.ok()) {
        if (auto r = m_outbox->acknowledge({row.id}); !r) {
            report(r.error());
            return;
        }
        succeeded();
        return;
    }
    const backend::BackendError& error = result.error();
    if (error.outcome == backend::Outcome::Rejected && !rejectsDevice(error)) {
        if (auto r = m_outbox->markDead(row.id, error.errName, error.message); !r) report(r.error());
        qCWarning(lcSync) << row.call << "for" << row.payload.size() << "field(s) refused for good:" << error.message;
        succeeded();
        return;
    }
    failed({row.id}, error.message);
}

void SyncWorker::succeeded() {
    m_backoff.reset();
    m_lastError.clear();
    if (auto r = m_outbox->noteSuccess(); !r) report(r.error());
    round();
}

void SyncWorker::failed(const QList<qint64>& ids, const QString& reason) {
    m_lastError = reason;
    if (auto r = m_outbox->noteFailure(ids, reason); !r) report(r.error());
    const auto wait = m_backoff.next();
    qCInfo(lcSync) << "Sync attempt failed:" << reason << "- next attempt in" << wait.count() << "ms";
    m_retry->start(wait);
    publish();
}

void SyncWorker::report(const Error& error) {
    m_lastError = error.message;
    qCWarning(lcSync) << "Sync:" << error.code << error.message;
    if (m_retry && !m_retry->isActive()) m_retry->start(m_backoff.next());
    publish();
}

void SyncWorker::publish() {
    SyncSnapshot s;
    if (m_outbox) {
        auto read = m_outbox->snapshot();
        if (read) s = std::move(read).value();
    }
    s.draining = m_busy || (s.pending > 0 && m_online && !m_unbound && !(m_retry && m_retry->isActive()));
    m_drainTotal = s.pending == 0 ? 0 : std::max(m_drainTotal, s.pending);
    s.drainTotal = m_drainTotal;
    s.lastError = m_lastError;
    s.online = m_online;
    if (m_retry && m_retry->isActive()) s.nextAttempt = m_clock->nowUtc().addMSecs(m_retry->remainingTime());
    emit snapshotChanged(s);
}

}  // namespace facepos::store
