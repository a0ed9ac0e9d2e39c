#include "order_number.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

#include "platform/durable_file.h"

namespace facepos::store {

namespace {

constexpr int kTagLength = 6;
// Larger than any counter a device reaches, smaller than what would overflow the arithmetic.
constexpr qint64 kMaxCounter = qint64{1} << 50;

Error badSequenceFile(const QString& path, const QString& why) {
    return makeError(QStringLiteral("store.sequence"),
                     QStringLiteral("The order number file %1 %2. It protects order numbers from being reused after a "
                                    "database restore: restore it from a backup, or, if it is lost, remove it and "
                                    "start with a clock that is set correctly.")
                         .arg(path, why));
}

QString stamp(const QDateTime& now) {
    return now.toLocalTime().toString(QStringLiteral("yyMMddHHmmss"));
}

}  // namespace

OrderNumbers::OrderNumbers(Database& db, QString tag, QString file, qint64 next, qint64 ceiling)
    : m_db(&db), m_tag(std::move(tag)), m_file(std::move(file)), m_next(next), m_ceiling(ceiling) {}

QString OrderNumbers::deviceTagFor(const QString& serial) {
    QString tag;
    for (auto it = serial.crbegin(); it != serial.crend() && tag.size() < kTagLength; ++it) {
        const QChar c = it->toUpper();
        if ((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z')) tag.prepend(c);
    }
    return tag.rightJustified(kTagLength, u'0');
}

Result<qint64> OrderNumbers::readHighWater(const QString& path) {
    QFile file(path);
    if (!file.exists()) return qint64{0};
    if (!file.open(QIODevice::ReadOnly)) return badSequenceFile(path, QStringLiteral("cannot be read"));
    const QByteArray text = file.read(64).trimmed();
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > kMaxCounter) return badSequenceFile(path, QStringLiteral("is damaged"));
    return value;
}

Result<OrderNumbers> OrderNumbers::open(Database& db, QString tag, QString highWaterFile) {
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral("[0-9A-Z]{6}")));
    if (!pattern.match(tag).hasMatch()) {
        return makeError(QStringLiteral("store.invalid"),
                         QStringLiteral("The device tag '%1' is not 6 letters or digits.").arg(tag));
    }
    auto stored = db.queryInt64(QStringLiteral("SELECT next FROM order_sequence WHERE id = 1"));
    if (!stored) return stored.error();
    auto highWater = readHighWater(highWaterFile);
    if (!highWater) return highWater.error();
    // Always above everything the file ever reserved: the database may be an older copy restored from a backup, and
    // nothing in it can tell. A restart so skips the rest of the last block (at most kBlock numbers), which costs
    // nothing, since a number's uniqueness comes from its time and the counter never going back.
    const qint64 next = std::max(stored->value_or(1), *highWater + 1);
    return OrderNumbers(db, std::move(tag), std::move(highWaterFile), next, next - 1);
}

Result<void> OrderNumbers::reserveBlock() {
    const qint64 ceiling = m_next + kBlock - 1;
    if (auto r = writeFileDurably(m_file, QByteArray::number(ceiling) + '\n'); !r) {
        return makeError(QStringLiteral("store.sequence"), r.error().message);
    }
    m_ceiling = ceiling;
    return {};
}

Result<qint64> OrderNumbers::take() {
    if (m_next > m_ceiling) {
        if (auto r = reserveBlock(); !r) return r.error();
    }
    const qint64 value = m_next;
    if (auto r = m_db->execute(QStringLiteral("UPDATE order_sequence SET next = ? WHERE id = 1"), {value + 1}); !r) {
        return r.error();
    }
    ++m_next;
    return value;
}

Result<QString> OrderNumbers::next(const QDateTime& now) {
    auto value = take();
    if (!value) return value.error();
    return m_tag + stamp(now) + QStringLiteral("%1").arg(*value % 10000, 4, 10, QLatin1Char('0'));
}

Result<QString> OrderNumbers::nextRefundNo(const QDateTime& now) {
    auto value = take();
    if (!value) return value.error();
    return m_tag + u'R' + stamp(now) + QStringLiteral("%1").arg(*value % 100, 2, 10, QLatin1Char('0'));
}

}  // namespace facepos::store
