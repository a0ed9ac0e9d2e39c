#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <functional>
#include <memory>

#include "app/session/session_manager.h"
#include "app/store/order_store.h"
#include "platform/database.h"
#include "platform/iclock.h"
#include "platform/result.h"

namespace facepos::session {

// The handover report of one shift (docs/terminal-api.md §10.2), computed from the terminal's own records.
struct ShiftReport {
    struct ChannelTotal {
        QString channel;
        int count = 0;
        qint64 totalFee = 0;
    };
    QString shiftNo;
    QString operatorId;
    QString operatorName;
    QDateTime openedAt;
    QDateTime closedAt;
    int orderCount = 0;          // paid orders
    QList<ChannelTotal> totals;  // one per channel used, paid orders only
    int refundCount = 0;         // successful refunds made during the shift
    qint64 refundFee = 0;
    int voucherCount = 0;  // paid orders that used vouchers
    qint64 voucherDeductFee = 0;
    qint64 openingCashFee = 0;
    qint64 expectedCashFee = 0;  // opening float + cash sales − cash refunds
    qint64 countedCashFee = 0;
    qint64 cashDiffFee = 0;  // counted − expected
    bool printed = false;

    QJsonObject toJson() const;        // the `report` object of shift_close
    QVariantMap toVariantMap() const;  // for QML: the same fields in camelCase, totals as a list of maps
    static ShiftReport fromJson(const QJsonObject& report);
};

// Shifts (交接班): a clerk (or the merchant) opens a shift with the opening cash float before taking payments; closing
// counts the drawer and produces the handover report, which is stored, printed and synced (shift_open and
// shift_close through the outbox); the next person opens a new shift. QML singleton `Shift`.
//
// Shift numbers: <device tag>-S<yyMMddHHmmss> (local time). One shift is open at a time on a terminal; only the
// person who opened it, or the merchant, closes it. Error codes: "shift.invalid", "shift.not_signed_in",
// "shift.already_open", "shift.none_open", "shift.not_yours", and the store's errors. UI thread only.
class ShiftManager final : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool open READ isOpen NOTIFY changed)
    Q_PROPERTY(QString shiftNo READ shiftNo NOTIFY changed)
    Q_PROPERTY(QString operatorId READ operatorId NOTIFY changed)
    Q_PROPERTY(QDateTime openedAt READ openedAt NOTIFY changed)
    Q_PROPERTY(qint64 openingCashFee READ openingCashFee NOTIFY changed)
    // The report of the shift closed last (empty map before).
    Q_PROPERTY(QVariantMap lastReport READ lastReport NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)

public:
    // Prints a closed shift's report; returns false when the printer refused it (the report is still stored).
    using Printer = std::function<bool(const ShiftReport& report)>;

    ShiftManager(Database& db, store::OrderStore& orders, SessionManager& session, std::shared_ptr<const IClock> clock,
                 QString deviceTag, QObject* parent = nullptr);

    Result<void> load();
    void setPrinter(Printer printer) { m_printer = std::move(printer); }

    bool isOpen() const { return !m_shiftNo.isEmpty(); }
    QString shiftNo() const { return m_shiftNo; }
    QString operatorId() const { return m_operatorId; }
    QDateTime openedAt() const { return m_openedAt; }
    qint64 openingCashFee() const { return m_openingCashFee; }
    QVariantMap lastReport() const {
        return m_lastReport.shiftNo.isEmpty() ? QVariantMap() : m_lastReport.toVariantMap();
    }
    QString errorCode() const { return m_errorCode; }
    QString errorText() const { return m_errorText; }

    // Opens a shift for the signed-in person with the opening float (fen, 0 … 100 000 000).
    Q_INVOKABLE bool openShift(qint64 openingCashFee);
    // The report as it would be if the shift closed now with `countedCashFee` in the drawer.
    Q_INVOKABLE QVariantMap preview(qint64 countedCashFee);
    // Closes the open shift: the report is stored, queued as shift_close and printed.
    Q_INVOKABLE bool closeShift(qint64 countedCashFee);
    Q_INVOKABLE bool reprintLastReport();
    Q_INVOKABLE void clearError();

    Result<ShiftReport> report(qint64 countedCashFee, const QDateTime& closedAt);
    const ShiftReport& lastShiftReport() const { return m_lastReport; }

signals:
    void changed();

private:
    bool fail(const QString& code, const QString& text);

    Database& m_db;
    store::OrderStore& m_orders;
    SessionManager& m_session;
    std::shared_ptr<const IClock> m_clock;
    QString m_deviceTag;
    Printer m_printer;
    QString m_shiftNo;
    QString m_operatorId;
    QString m_operatorName;
    QDateTime m_openedAt;
    qint64 m_openingCashFee = 0;
    ShiftReport m_lastReport;
    QString m_errorCode;
    QString m_errorText;
};

}  // namespace facepos::session
