#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "app/backend/backend_types.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::backend {
class BackendClient;
}

namespace facepos::checkout {

class IScheduler;
class PaymentEngine;

struct FaceAuthCacheOptions {
    // A token with less than this left is never handed out: a capture, sealing and face_pay must fit in it.
    std::chrono::milliseconds safetyMargin{20000};
    // With keep-fresh on, the token is replaced this long before it expires (more than safetyMargin, so acquire()
    // never has to wait for a fetch while the face screen is open).
    std::chrono::milliseconds refreshAhead{30000};
    // After a failed fetch while keeping fresh.
    std::chrono::milliseconds retryInterval{5000};
    // The device clock and the server's differ by more than this: a warning in the log (§5).
    std::chrono::seconds clockWarning{60};
};

// The face token of docs/terminal-api.md §12.1: fetched with face_authinfo when the face screen opens, reused while
// it is comfortably valid, replaced before it expires while the screen is open, and never used for two orders.
//
// Validity is measured on the terminal's monotonic clock only: a token is good for `expires_in` seconds counted from
// when its face_authinfo request was sent (the server started counting at some point between sending and the answer,
// so this errs on the safe side by the round trip). The server's `expires_at` is never compared with the device's
// wall clock, so a device clock set wrong — by a minute or by a day — can neither make a fresh token look expired nor
// an old one look valid. When the device clock and the server's disagree by more than clockWarning (from expires_at −
// expires_in against the device's wall clock at the answer), a warning is logged for the technician (the backend
// client corrects its own time stamps with the learned offset, §5).
//
// A token is bound to the first order it is used with: take() hands it out and forgets it, and a token that
// PaymentEngine sends (faceTokenUsed, see watch()) or that face_pay refused (FACE_TOKEN_INVALID) is dropped, so the
// next acquire() fetches a new one.
//
// Thread ownership: the UI thread (the BackendClient's thread); callbacks arrive there.
class FaceAuthCache final : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<backend::FaceAuthInfo>)>;

    FaceAuthCache(backend::BackendClient& backend, std::shared_ptr<const IClock> clock,
                  std::shared_ptr<IScheduler> scheduler, FaceAuthCacheOptions options = {}, QObject* parent = nullptr);
    ~FaceAuthCache() override;

    // The cached token when it has more than safetyMargin left and was issued for this operator; otherwise fetches
    // one (requests arriving during a fetch share it). `done` is called exactly once, possibly before acquire()
    // returns. Errors: the backend's (BackendError::toError(), e.g. "api.SESSION_EXPIRED", "transport.not_sent"),
    // "face.no_token" when the answer carried no usable token.
    void acquire(const QString& operatorId, Done done);

    // The cached token when it is still usable (as acquire() would hand it out), and forgets it: the caller binds it
    // to an order. Empty when there is none.
    std::optional<backend::FaceAuthInfo> take();

    // Drops the cached token (FACE_TOKEN_INVALID, sign-out). The next acquire() fetches a new one.
    void invalidate();

    // While on (the face screen is open), the token is replaced refreshAhead before it expires, for the operator of
    // the latest acquire(); failed fetches are retried every retryInterval. Turning it on with no usable token fetches
    // one at once.
    void setKeepFresh(bool on);
    bool keepFresh() const { return m_keepFresh; }

    // Whether a usable token is cached, and how long it has left (0 without one).
    bool hasUsableToken() const;
    std::chrono::milliseconds timeLeft() const;
    // device wall clock − server time as seen with the latest token, in seconds (0 before the first one).
    qint64 clockSkewSeconds() const { return m_clockSkewS; }

    // Follows a payment engine: a token it sends with a first submission is forgotten (bound to that order), and one
    // refused with FACE_TOKEN_INVALID is dropped.
    void watch(const PaymentEngine& engine);

signals:
    // A new token arrived (on acquire or by keep-fresh).
    void tokenChanged();
    // A fetch failed; acquire() callers get the same error.
    void fetchFailed(const QString& code, const QString& message);

private:
    void fetch();
    void onFetched(const QString& operatorId, std::chrono::steady_clock::time_point sentAt,
                   Result<backend::FaceAuthInfo> result);
    void planRefresh();
    void forget(const QString& faceToken);
    bool usable() const;

    backend::BackendClient& m_backend;
    std::shared_ptr<const IClock> m_clock;
    std::shared_ptr<IScheduler> m_scheduler;
    FaceAuthCacheOptions m_options;

    std::optional<backend::FaceAuthInfo> m_token;
    QString m_tokenOperator;
    std::chrono::steady_clock::time_point m_expiresAt{};  // monotonic
    QString m_operatorId;                                 // of the latest acquire()
    QList<Done> m_waiting;
    bool m_fetching = false;
    bool m_keepFresh = false;
    quint64 m_timerGeneration = 0;  // bumped when the planned refresh changes
    qint64 m_clockSkewS = 0;
};

}  // namespace facepos::checkout
