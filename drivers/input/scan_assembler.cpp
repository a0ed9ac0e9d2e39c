#include "scan_assembler.h"

namespace facepos::drivers {

ScanAssembler::ScanAssembler(ScanTerminator terminator, std::chrono::microseconds interKeyTimeout)
    : m_terminator(terminator), m_timeout(interKeyTimeout) {}

ScanAssembler::Output ScanAssembler::finishPending() {
    Output out;
    if (m_terminator == ScanTerminator::None) {
        out.kind = Output::Kind::Completed;
    } else {
        out.kind = Output::Kind::Discarded;
        out.reason = QStringLiteral(
                         "partial scan of %1 characters ended by a pause longer than %2 ms without a "
                         "terminator; discarded")
                         .arg(m_buffer.size())
                         .arg(std::chrono::duration_cast<std::chrono::milliseconds>(m_timeout).count());
    }
    out.text = m_buffer;
    m_buffer.clear();
    return out;
}

QList<ScanAssembler::Output> ScanAssembler::feed(QChar character, std::chrono::microseconds at) {
    QList<Output> outputs;
    if (!m_buffer.isEmpty() && at - m_last > m_timeout) outputs.append(finishPending());
    m_last = at;

    const bool lineEnd = character == u'\r' || character == u'\n';
    const bool tab = character == u'\t';
    const bool ends =
        (m_terminator == ScanTerminator::Enter && lineEnd) || (m_terminator == ScanTerminator::Tab && tab);
    if (ends) {
        // An empty scan here is the LF of a CRLF pair (or a stray Enter): nothing to deliver.
        if (!m_buffer.isEmpty()) {
            outputs.append(Output{Output::Kind::Completed, m_buffer, {}});
            m_buffer.clear();
        }
        return outputs;
    }
    if (lineEnd || tab) return outputs;  // a control character that is not this scanner's terminator
    if (m_buffer.size() < kMaxBuffered) m_buffer.append(character);
    return outputs;
}

QList<ScanAssembler::Output> ScanAssembler::idle() {
    if (m_buffer.isEmpty()) return {};
    return {finishPending()};
}

QList<ScanAssembler::Output> ScanAssembler::abandon(const QString& reason) {
    if (m_buffer.isEmpty()) return {};
    Output out{Output::Kind::Discarded, m_buffer, reason};
    m_buffer.clear();
    return {out};
}

}  // namespace facepos::drivers
