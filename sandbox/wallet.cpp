#include "sandbox/wallet.h"

#include <algorithm>

namespace facepos::sandbox {

namespace {

bool allDigits(QStringView text) {
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

int prefix2(QStringView code) {
    return code.left(2).toInt();
}

// How a behaviour resolves without the password step and the auto-revoke: the final state and how many seconds
// after the charge it is reached (-1: never; the charge stays in `waitingState`).
struct Plan {
    QString waitingState;  // USERPAYING or SYSTEMERROR while not final
    QString waitingErr;
    QString waitingMsg;
    int finalAfterS = 0;
    QString finalState;  // SUCCESS or FAIL
    QString finalErr;
    QString finalMsg;
    bool passwordApplies = false;  // §17.3: 0200, 0300, 0301 and 0500 ignore the amount
};

Plan planFor(const QString& behaviour) {
    const QString success = QStringLiteral("SUCCESS");
    const QString fail = QStringLiteral("FAIL");
    const QString paying = QStringLiteral("USERPAYING");
    const QString sysErr = QStringLiteral("SYSTEMERROR");
    if (behaviour.startsWith(u"01")) {
        return {paying, {},  QStringLiteral("waiting for the payer to confirm"), behaviour.mid(2).toInt(), success, {},
                {},     true};
    }
    if (behaviour == u"0200") {
        return {paying, {}, QStringLiteral("waiting for the payer to confirm"), -1, {}, {}, {}, false};
    }
    if (behaviour == u"0300") {
        return {sysErr,
                QStringLiteral("SYSTEM_ERROR"),
                QStringLiteral("the channel failed; query for the outcome"),
                Wallet::kSystemErrorClearsSeconds,
                success,
                {},
                {},
                false};
    }
    if (behaviour == u"0301") {
        return {sysErr,
                QStringLiteral("SYSTEM_ERROR"),
                QStringLiteral("the channel failed; query for the outcome"),
                -1,
                {},
                {},
                {},
                false};
    }
    if (behaviour == u"0400") {
        return {paying,
                {},
                {},
                0,
                fail,
                QStringLiteral("INSUFFICIENT_FUNDS"),
                QStringLiteral("the payer's balance is too low"),
                true};
    }
    if (behaviour == u"0500") {
        return {paying,
                {},
                {},
                0,
                fail,
                QStringLiteral("AUTH_CODE_EXPIRED"),
                QStringLiteral("the payment code expired or was used; ask for a fresh one"),
                false};
    }
    if (behaviour == u"0600") {
        return {paying,
                {},
                QStringLiteral("waiting for the payer to confirm"),
                10,
                fail,
                QStringLiteral("PAYER_CANCELLED"),
                QStringLiteral("the payer cancelled in the wallet app"),
                true};
    }
    if (behaviour == u"0700") {
        return {paying,
                {},
                {},
                0,
                fail,
                QStringLiteral("RISK_DECLINED"),
                QStringLiteral("the channel declined the payment for risk reasons"),
                true};
    }
    return {paying, {}, {}, 0, success, {}, {}, true};  // 0000 and any other
}

}  // namespace

QString Wallet::classify(QStringView code) {
    if (!allDigits(code)) return {};
    const qsizetype n = code.size();
    const int p = prefix2(code);
    if (n == 18 && p >= 10 && p <= 15) return QStringLiteral("wechat");
    if (n >= 16 && n <= 24 && p >= 25 && p <= 30) return QStringLiteral("alipay");
    if (n == 19 && p == 62) return QStringLiteral("unionpay");
    return {};
}

bool Wallet::State::isFinal() const {
    return tradeState != u"USERPAYING" && tradeState != u"SYSTEMERROR";
}

Wallet::Wallet(std::shared_ptr<const IClock> clock) : m_clock(std::move(clock)) {}

Wallet::State Wallet::state(const Charge& charge) const {
    return stateAt(charge, m_clock->nowUtc());
}

Wallet::State Wallet::stateAt(const Charge& charge, const QDateTime& at) {
    const Plan plan = planFor(charge.behaviour);
    const bool password = plan.passwordApplies && charge.totalFee > kPasswordThresholdFee;
    // Milliseconds, so "from charge + SS s" is exact at the boundary and a query 1 ms early still waits.
    const qint64 elapsedMs = std::max<qint64>(0, charge.chargedAt.msecsTo(at));
    qint64 finalAfterMs = plan.finalAfterS < 0 ? -1 : qint64(plan.finalAfterS) * 1000;
    if (password && finalAfterMs >= 0)
        finalAfterMs = std::max<qint64>(finalAfterMs, qint64(kPasswordDelaySeconds) * 1000);
    const qint64 revokeMs = qint64(kAutoRevokeSeconds) * 1000;

    // The auto-revoke wins a tie: with SS ≥ 45 the revocation comes first (§17.3).
    if (finalAfterMs >= 0 && finalAfterMs < revokeMs) {
        if (elapsedMs >= finalAfterMs) {
            return {plan.finalState, plan.finalErr, plan.finalMsg, charge.chargedAt.addMSecs(finalAfterMs)};
        }
    } else if (elapsedMs >= revokeMs) {
        return {QStringLiteral("REVERSED"), QStringLiteral("AUTO_REVOKED"),
                QStringLiteral("still unpaid 45 s after the charge; revoked by the server"),
                charge.chargedAt.addMSecs(revokeMs)};
    }
    if (password && elapsedMs < qint64(kPasswordDelaySeconds) * 1000) {
        return {QStringLiteral("USERPAYING"),
                QStringLiteral("PASSWORD_REQUIRED"),
                QStringLiteral("waiting for the payer to enter the wallet password"),
                {}};
    }
    return {plan.waitingState, plan.waitingErr, plan.waitingMsg, {}};
}

QString Wallet::describe(const QString& behaviour) {
    if (behaviour.startsWith(u"01")) {
        return QStringLiteral("payer confirms after %1 s").arg(behaviour.mid(2).toInt());
    }
    if (behaviour == u"0000") return QStringLiteral("success");
    if (behaviour == u"0200") return QStringLiteral("payer never confirms");
    if (behaviour == u"0300") return QStringLiteral("system error, money taken");
    if (behaviour == u"0301") return QStringLiteral("system error that never clears");
    if (behaviour == u"0400") return QStringLiteral("insufficient funds");
    if (behaviour == u"0500") return QStringLiteral("expired code");
    if (behaviour == u"0600") return QStringLiteral("payer cancels after 10 s");
    if (behaviour == u"0700") return QStringLiteral("risk control declines");
    return QStringLiteral("success");
}

}  // namespace facepos::sandbox
