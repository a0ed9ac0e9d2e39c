#pragma once

// Helpers shared by the BackendClient tests: waiting for callbacks on the test thread's event loop.
#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>

#include "app/backend/backend_client.h"

namespace facepos::backend::test {

// Runs the calling thread's event loop until `done` holds or `timeout` passes; returns `done()`.
inline bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    const QDeadlineTimer deadline(timeout);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired()) loop.quit();
    });
    poll.start();
    if (!done()) loop.exec();
    return done();
}

// Starts a call with a callback that records its result, waits for it, and returns it. `start` receives the
// callback to hand to the client.
template <typename T>
BackendResult<T> await(const std::function<void(BackendClient::Callback<T>)>& start,
                       std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    std::optional<BackendResult<T>> result;
    int calls = 0;
    start([&](BackendResult<T> r) {
        ++calls;
        result.emplace(std::move(r));
    });
    if (!waitUntil([&] { return result.has_value(); }, timeout)) {
        ADD_FAILURE() << "the callback never came";
        BackendError error;
        error.kind = QStringLiteral("test.no_callback");
        return error;
    }
    EXPECT_EQ(calls, 1);
    return std::move(*result);
}

}  // namespace facepos::backend::test
