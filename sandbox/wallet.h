#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <memory>

#include "platform/iclock.h"

namespace facepos::sandbox {

// The sandbox's simulated wallet (docs/terminal-api.md §11.1, §11.2, §17.3): classifies payment codes and says what
// the payer's wallet has done with a charge at any moment. Nothing is stored here: the state of a charge is a pure
// function of its test behaviour (the code's last four digits), its amount, its charge time and the time asked
// about, so a server restart or a clock shift gives the same answers.
//
// Thread ownership: immutable after construction; any thread (the clock must be thread-safe, as IClock requires).
class Wallet {
public:
    // §11.1 code classes: "wechat", "alipay" or "unionpay"; an empty string when the code matches none.
    static QString classify(QStringView authCode);

    // Amounts above this (fen) need the payer's wallet password first (§17.3).
    static constexpr qint64 kPasswordThresholdFee = 100000;
    // An order still USERPAYING / SYSTEMERROR this long after the charge is revoked by the server (§11.2).
    static constexpr int kAutoRevokeSeconds = 45;
    // order_reverse earlier than this after the charge, while still unpaid, is REVERSE_TOO_EARLY (§11.5).
    static constexpr int kReverseGuardSeconds = 15;
    // When the payer "enters the password" for amounts above the threshold.
    static constexpr int kPasswordDelaySeconds = 10;
    // 0300: the system error clears (money taken) this long after the charge.
    static constexpr int kSystemErrorClearsSeconds = 1;

    struct Charge {
        QString behaviour;  // the last four digits of the code ("0000", "0145", …)
        qint64 totalFee = 0;
        QDateTime chargedAt;
    };

    // The wallet's view of a charge. tradeState is SUCCESS, USERPAYING, SYSTEMERROR, FAIL or REVERSED (only
    // AUTO_REVOKED; a reversal by the terminal is the service's business). changedAt is when the state became
    // final (paid_at / ended_at); null while it is not final.
    struct State {
        QString tradeState;
        QString errCode;
        QString errMsg;
        QDateTime changedAt;

        bool isFinal() const;
    };

    explicit Wallet(std::shared_ptr<const IClock> clock);

    // The state of `charge` now, by the injected clock.
    State state(const Charge& charge) const;
    // The state of `charge` at `at` (at before the charge counts as the charge moment).
    static State stateAt(const Charge& charge, const QDateTime& at);
    // A human description of a behaviour for the admin order list ("payer never confirms").
    static QString describe(const QString& behaviour);

private:
    std::shared_ptr<const IClock> m_clock;
};

}  // namespace facepos::sandbox
