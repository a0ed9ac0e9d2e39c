#include "input_event_parser.h"

#include <cstring>

namespace facepos::drivers {

std::vector<input_event> InputEventParser::feed(const char* data, qsizetype size) {
    m_pending.append(data, size);
    constexpr auto kRecord = static_cast<qsizetype>(sizeof(input_event));
    const qsizetype count = m_pending.size() / kRecord;
    std::vector<input_event> events(static_cast<size_t>(count));
    if (count > 0) {
        std::memcpy(events.data(), m_pending.constData(), static_cast<size_t>(count * kRecord));
        m_pending.remove(0, count * kRecord);
    }
    return events;
}

}  // namespace facepos::drivers
