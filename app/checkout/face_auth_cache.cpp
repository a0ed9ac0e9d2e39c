#include "face_auth_cache.h"

#include <QDateTime>
#include <QPointer>
#include <cstdlib>

#include "app/backend/backend_client.h"
#include "app/checkout/payment_engine.h"
#include "platform/logging.h"

namespace facepos::checkout {

using std::chrono::milliseconds;
using SteadyClockTime = std::chrono::steady_clock::time_point;

FaceAuthCache::FaceAuthCache(backend::BackendClient& backend, std::shared_ptr<const IClock> clock,
                             std::shared_ptr<IScheduler> scheduler, FaceAuthCacheOptions options, QObject* parent)
    : QObject(parent),
      m_backend(backend),
      m_clock(std::move(clock)),
      m_scheduler(std::move(scheduler)),
      m_options(options) {}

FaceAuthCache::~FaceAuthCache() = default;

bool FaceAuthCache::usable() const {
    return m_token.has_value() && m_clock->steadyNow() + m_options.safetyMargin < m_expiresAt;
}

bool FaceAuthCache::hasUsableToken() const {
    return usable();
}

milliseconds FaceAuthCache::timeLeft() const {
    if (!m_token) return milliseconds{0};
    const SteadyClockTime now = m_clock->steadyNow();
    return m_expiresAt > now ? std::chrono::duration_cast<milliseconds>(m_expiresAt - now) : milliseconds{0};
}

void FaceAuthCache::acquire(const QString& operatorId, Done done) {
    m_operatorId = operatorId;
    if (usable() && m_tokenOperator == operatorId) {
        done(*m_token);
        return;
    }
    if (m_token && m_tokenOperator != operatorId) m_token.reset();  // issued in another person's session
    m_waiting.append(std::move(done));
    if (!m_fetching) fetch();
}

std::optional<backend::FaceAuthInfo> FaceAuthCache::take() {
    if (!usable()) return std::nullopt;
    std::optional<backend::FaceAuthInfo> token = std::move(m_token);
    m_token.reset();
    planRefresh();
    return token;
}

void FaceAuthCache::invalidate() {
    m_token.reset();
    planRefresh();
}

void FaceAuthCache::forget(const QString& faceToken) {
    if (m_token && m_token->faceToken == faceToken) {
        m_token.reset();
        planRefresh();
    }
}

void FaceAuthCache::setKeepFresh(bool on) {
    m_keepFresh = on;
    ++m_timerGeneration;  // drops a refresh planned before
    planRefresh();
}

void FaceAuthCache::watch(const PaymentEngine& engine) {
    connect(&engine, &PaymentEngine::faceTokenUsed, this, &FaceAuthCache::forget);
    connect(&engine, &PaymentEngine::finished, this, [this](const PaymentResult& result) {
        if (result.channel == QLatin1String("face") && result.reasonCode == QLatin1String("FACE_TOKEN_INVALID"))
            invalidate();
    });
}

void FaceAuthCache::planRefresh() {
    if (!m_keepFresh || m_operatorId.isEmpty()) return;
    const quint64 generation = ++m_timerGeneration;
    if (!usable()) {
        if (!m_fetching) fetch();
        return;
    }
    const SteadyClockTime now = m_clock->steadyNow();
    const SteadyClockTime due = m_expiresAt - m_options.refreshAhead;
    const milliseconds delay = due > now ? std::chrono::duration_cast<milliseconds>(due - now) : milliseconds{0};
    QPointer<FaceAuthCache> self(this);
    m_scheduler->after(delay, this, [self, generation] {
        if (!self || generation != self->m_timerGeneration || !self->m_keepFresh || self->m_fetching) return;
        self->fetch();
    });
}

void FaceAuthCache::fetch() {
    m_fetching = true;
    const QString operatorId = m_operatorId;
    const SteadyClockTime sentAt = m_clock->steadyNow();
    QPointer<FaceAuthCache> self(this);
    m_backend.faceAuthinfo(operatorId, [self, operatorId, sentAt](backend::BackendResult<backend::FaceAuthInfo> r) {
        if (!self) return;
        if (r.ok()) {
            self->onFetched(operatorId, sentAt, std::move(r).value());
        } else {
            self->onFetched(operatorId, sentAt, r.error().toError());
        }
    });
}

void FaceAuthCache::onFetched(const QString& operatorId, SteadyClockTime sentAt, Result<backend::FaceAuthInfo> result) {
    m_fetching = false;
    if (result.ok() && (result->faceToken.isEmpty() || result->expiresIn <= 0 || result->facePublicKey.isEmpty())) {
        result = makeError(QStringLiteral("face.no_token"),
                           QStringLiteral("The backend's face_authinfo answer has no usable face token."));
    }
    if (!result.ok()) {
        qCWarning(lcPayment).noquote() << "face token not fetched:" << result.error().code << result.error().message;
        emit fetchFailed(result.error().code, result.error().message);
        QList<Done> waiting;
        waiting.swap(m_waiting);
        for (const Done& done : waiting) done(result.error());
        if (m_keepFresh) {
            const quint64 generation = ++m_timerGeneration;
            QPointer<FaceAuthCache> self(this);
            m_scheduler->after(m_options.retryInterval, this, [self, generation] {
                if (!self || generation != self->m_timerGeneration || !self->m_keepFresh || self->m_fetching) return;
                self->fetch();
            });
        }
        return;
    }

    m_token = std::move(result).value();
    m_tokenOperator = operatorId;
    m_expiresAt = sentAt + std::chrono::seconds(m_token->expiresIn);
    const QDateTime serverExpiry = QDateTime::fromString(m_token->expiresAt, Qt::ISODate);
    if (serverExpiry.isValid()) {
        // Only for the warning: the server's issue time against the device's wall clock now (the round trip is
        // small next to the threshold).
        m_clockSkewS = serverExpiry.addSecs(-m_token->expiresIn).secsTo(m_clock->nowUtc());
        if (std::llabs(m_clockSkewS) > m_options.clockWarning.count()) {
            qCWarning(lcPayment) << "the device clock differs from the server's by" << m_clockSkewS
                                 << "s; face tokens are timed on the monotonic clock and are not affected";
        }
    }
    qCInfo(lcPayment) << "face token fetched, valid for" << m_token->expiresIn << "s";
    emit tokenChanged();
    planRefresh();

    if (operatorId != m_operatorId) {
        // Someone else signed in while it was on its way: the waiting callers need a token of their own session.
        if (!m_waiting.isEmpty() && !m_fetching) fetch();
        return;
    }
    QList<Done> waiting;
    waiting.swap(m_waiting);
    for (const Done& done : waiting) {
        if (usable()) {
            done(*m_token);
        } else {
            done(makeError(QStringLiteral("face.no_token"),
                           QStringLiteral("The face token's lifetime is shorter than the time a capture needs.")));
        }
    }
}

}  // namespace facepos::checkout
