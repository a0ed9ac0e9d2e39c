#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include "app/checkout/payment_engine.h"
#include "platform/ihttpclient.h"
#include "platform/manual_clock.h"

namespace facepos::checkout::test {

// An IScheduler whose callbacks run only when the test says so: fireNext() moves the shared ManualClock (and with it
// the sandbox's) to the earliest due callback and runs it. Callbacks whose context is gone are dropped.
//
// Thread ownership: the test thread.
class ManualScheduler final : public IScheduler {
public:
    explicit ManualScheduler(std::shared_ptr<ManualClock> clock) : m_clock(std::move(clock)) {}

    void after(std::chrono::milliseconds delay, QObject* context, std::function<void()> callback) override {
        m_items.push_back(
            {m_clock->steadyNow() + delay, m_sequence++, QPointer<QObject>(context), std::move(callback)});
    }

    bool hasPending() const { return !m_items.empty(); }

    // Advances the clock to the earliest callback (never backwards) and runs it. False when none is planned.
    bool fireNext() {
        if (m_items.empty()) return false;
        const auto next = std::min_element(m_items.begin(), m_items.end(), [](const Item& a, const Item& b) {
            return a.due != b.due ? a.due < b.due : a.sequence < b.sequence;
        });
        Item item = std::move(*next);
        m_items.erase(next);
        const auto now = m_clock->steadyNow();
        if (item.due > now) m_clock->advance(std::chrono::duration_cast<std::chrono::milliseconds>(item.due - now));
        if (item.context) item.callback();
        return true;
    }

    void clear() { m_items.clear(); }

private:
    struct Item {
        std::chrono::steady_clock::time_point due;
        quint64 sequence = 0;
        QPointer<QObject> context;
        std::function<void()> callback;
    };
    std::shared_ptr<ManualClock> m_clock;
    std::vector<Item> m_items;
    quint64 m_sequence = 0;
};

// An IHttpClient in front of the real one that calls `onPaymentCall(call)` just before a payment call
// (quick_pay, order_query, order_reverse, order_close) leaves, so a test can look at what the terminal had
// committed by then.
class ObservedHttpClient final : public IHttpClient {
public:
    ObservedHttpClient(IHttpClient& inner, std::function<void(const QString& call)> onPaymentCall)
        : m_inner(inner), m_onPaymentCall(std::move(onPaymentCall)) {}

    RequestId send(HttpRequest request, QObject* context, Callback onDone) override {
        const QString call = request.url.path().section(QLatin1Char('/'), -1);
        static const QStringList kPaymentCalls{QStringLiteral("quick_pay"), QStringLiteral("order_query"),
                                               QStringLiteral("order_reverse"), QStringLiteral("order_close")};
        if (kPaymentCalls.contains(call)) m_onPaymentCall(call);
        return m_inner.send(std::move(request), context, std::move(onDone));
    }
    void cancel(RequestId id) override { m_inner.cancel(id); }

private:
    IHttpClient& m_inner;
    std::function<void(const QString&)> m_onPaymentCall;
};

}  // namespace facepos::checkout::test
