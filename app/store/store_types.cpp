#include "store_types.h"

#include <array>
#include <utility>

namespace facepos::store {

namespace {

constexpr std::array<std::pair<OrderStatus, const char*>, 6> kStatusNames{{
    {OrderStatus::Created, "CREATED"},
    {OrderStatus::Paying, "PAYING"},
    {OrderStatus::Paid, "PAID"},
    {OrderStatus::Failed, "FAILED"},
    {OrderStatus::Closed, "CLOSED"},
    {OrderStatus::Reversed, "REVERSED"},
}};

}  // namespace

QString orderStatusName(OrderStatus status) {
    for (const auto& [value, name] : kStatusNames) {
        if (value == status) return QString::fromLatin1(name);
    }
    return {};
}

std::optional<OrderStatus> orderStatusFromName(const QString& name) {
    for (const auto& [value, text] : kStatusNames) {
        if (name == QLatin1String(text)) return value;
    }
    return std::nullopt;
}

bool isFinal(OrderStatus status) {
    return status != OrderStatus::Created && status != OrderStatus::Paying;
}

QJsonObject OutboxRow::toSyncRecord() const {
    return QJsonObject{{QStringLiteral("record_id"), recordId},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("revision"), revision},
                       {QStringLiteral("created_at"), createdAt},
                       {QStringLiteral("payload"), payload}};
}

}  // namespace facepos::store
