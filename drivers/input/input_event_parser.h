#pragma once

#include <linux/input.h>

#include <QByteArray>
#include <vector>

namespace facepos::drivers {

// Cuts a byte stream into `struct input_event` records, as read() from an evdev node (or a recording of one)
// delivers them. A read may end inside a record (pipes do that; evdev nodes do not): the remainder is kept for the
// next call. The record layout is the host's (64-bit time on x86-64), the same the kernel writes.
//
// Not thread-safe: owned by the reading thread.
class InputEventParser {
public:
    std::vector<input_event> feed(const char* data, qsizetype size);

    // Bytes held back because they did not complete a record.
    qsizetype pendingBytes() const { return m_pending.size(); }
    void reset() { m_pending.clear(); }

private:
    QByteArray m_pending;
};

}  // namespace facepos::drivers
