#include "sales_gate.h"

#include <QStorageInfo>

#include "platform/logging.h"

namespace facepos::store {

Result<qint64> DiskSpace::availableBytes() const {
    QStorageInfo storage(m_directory);
    if (!storage.isValid() || !storage.isReady()) {
        return makeError(QStringLiteral("store.disk"),
                         QStringLiteral("The free space of %1 cannot be read.").arg(m_directory));
    }
    return storage.bytesAvailable();
}

SalesGate::SalesGate(OrderStore& store, const IDiskSpace& disk, SalesLimits limits, std::function<bool()> online)
    : m_store(store), m_disk(disk), m_limits(limits), m_online(std::move(online)) {}

Result<void> SalesGate::check(const QString& channel, qint64 payableFee) {
    auto free = m_disk.availableBytes();
    if (!free) return free.error();
    // Pages the database already holds but no longer uses (after a purge) take new records before the file grows.
    auto reusable = m_store.reusableBytes();
    if (!reusable) return reusable.error();
    const qint64 available = *free + *reusable;
    if (available < m_limits.diskReserveBytes) {
        qCWarning(lcSync) << "Sale refused: only" << available / 1024 << "KiB free, reserve is"
                          << m_limits.diskReserveBytes / 1024 << "KiB";
        return makeError(QStringLiteral("sale.disk_full"),
                         QStringLiteral("The terminal's storage is nearly full (%1 MiB free, %2 MiB kept in reserve): "
                                        "no new sale can start. Records are still being synced; call support to free "
                                        "space.")
                             .arg(available >> 20)
                             .arg(m_limits.diskReserveBytes >> 20));
    }
    if (channel != QLatin1String("cash")) {
        if (m_online && !m_online()) {
            return makeError(QStringLiteral("sale.offline"),
                             QStringLiteral("The terminal is offline: wallet and face payments need the network. Take "
                                            "cash, or wait until the network is back."));
        }
        return {};
    }
    auto unsynced = m_store.unsyncedCashSales();
    if (!unsynced) return unsynced.error();
    if (unsynced->count >= m_limits.offlineCashMaxCount) {
        return makeError(QStringLiteral("sale.offline_cash_count"),
                         QStringLiteral("%1 cash sales are waiting to reach the backend, the most allowed: wait until "
                                        "the terminal has synced.")
                             .arg(unsynced->count));
    }
    if (unsynced->totalFee + payableFee > m_limits.offlineCashMaxFee) {
        return makeError(QStringLiteral("sale.offline_cash_total"),
                         QStringLiteral("Cash sales waiting to reach the backend would exceed %1 fen: wait until the "
                                        "terminal has synced.")
                             .arg(m_limits.offlineCashMaxFee));
    }
    return {};
}

}  // namespace facepos::store
