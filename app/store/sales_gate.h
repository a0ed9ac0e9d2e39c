#pragma once

#include <QString>
#include <functional>

#include "app/store/order_store.h"
#include "platform/result.h"

namespace facepos::store {

// Free space where the database lives.
class IDiskSpace {
public:
    virtual ~IDiskSpace() = default;
    virtual Result<qint64> availableBytes() const = 0;
};

// QStorageInfo on the data directory.
class DiskSpace final : public IDiskSpace {
public:
    explicit DiskSpace(QString directory) : m_directory(std::move(directory)) {}
    Result<qint64> availableBytes() const override;

private:
    QString m_directory;
};

struct SalesLimits {
    int offlineCashMaxCount = 200;         // sync.offline_cash_max_count
    qint64 offlineCashMaxFee = 2000000;    // sync.offline_cash_max_fen
    qint64 diskReserveBytes = 64LL << 20;  // storage.reserve_mb
};

// The offline rules (docs/operations.md, "Offline and full disk"), asked before a sale starts:
// - wallet and face payments need the backend: refused while offline ("sale.offline"), before the customer scans;
// - cash works offline, up to the caps on cash sales the backend has not acknowledged yet
//   ("sale.offline_cash_count", "sale.offline_cash_total");
// - under the disk reserve no new sale starts ("sale.disk_full"); syncing carries on, and once the backend has
//   acknowledged old records the retention purge frees pages inside the database, which count as available (free
//   space on the disk + reusable pages in the file).
// Error messages are English for the log; the UI words the cashier's text from the code.
class SalesGate {
public:
    SalesGate(OrderStore& store, const IDiskSpace& disk, SalesLimits limits, std::function<bool()> online);

    Result<void> check(const QString& channel, qint64 payableFee);

private:
    OrderStore& m_store;
    const IDiskSpace& m_disk;
    SalesLimits m_limits;
    std::function<bool()> m_online;
};

}  // namespace facepos::store
