#pragma once

#include <QDateTime>
#include <QString>

#include "platform/database.h"
#include "platform/result.h"

namespace facepos::store {

// Allocates mch_order_no values: <device tag 6><yyMMddHHmmss><sequence 4> (docs/terminal-api.md §3.3), e.g.
// A001232411231530120007, the time in the device's local time. The sequence is one counter for the life of the
// device, never reused:
// - it is kept in the database (order_sequence) and advanced in the same transaction as the order it numbers;
// - a high-water file outside the database (<data.dir>/order-sequence) records a ceiling reserved in blocks of
//   kBlock, written atomically (rename) and synced before a number under it is used. On open the counter continues
//   above that ceiling (a restart skips the rest of the block), so restoring an older copy of the database never
//   issues a number twice.
// The four digits are the counter modulo 10 000: two numbers can only collide if the same second recurs (a clock set
// back) exactly a multiple of 10 000 sales later; the orders table's unique index catches that on the device and
// the allocator moves on to the next value.
//
// Thread ownership: the database writer thread.
class OrderNumbers {
public:
    static constexpr qint64 kBlock = 100;

    // `tag`: exactly 6 of [0-9A-Z] (see deviceTagFor()).
    static Result<OrderNumbers> open(Database& db, QString tag, QString highWaterFile);

    // The next number for an order created at `now` (UTC); must run inside the caller's write transaction, which
    // also stores the counter. Writes the high-water file first when the reserved block is used up.
    Result<QString> next(const QDateTime& now);
    // Refund numbers: <tag>R<yyMMddHHmmss><seq 2>, from the same counter.
    Result<QString> nextRefundNo(const QDateTime& now);

    qint64 counter() const { return m_next; }
    const QString& tag() const { return m_tag; }

    // The device tag for a serial number: its last 6 letters and digits, upper-cased, left-padded with 0.
    static QString deviceTagFor(const QString& serial);
    // Reads the high-water file: 0 when it does not exist; an error when it exists but cannot be read.
    // Every number issued is at most the value in the file.
    static Result<qint64> readHighWater(const QString& path);

private:
    OrderNumbers(Database& db, QString tag, QString file, qint64 next, qint64 ceiling);
    Result<qint64> take();
    Result<void> reserveBlock();

    Database* m_db;
    QString m_tag;
    QString m_file;
    qint64 m_next = 1;
    qint64 m_ceiling = 0;
};

}  // namespace facepos::store
