#include "escpos_printer.h"

#include "escpos_builder.h"
#include "platform/logging.h"

namespace facepos::drivers {

namespace {

Error notReady(const PrinterStatus& status) {
    return makeError(status.code(), status.message());
}

}  // namespace

EscPosPrinter::EscPosPrinter(std::unique_ptr<IPrinterTransport> transport, PaperWidth width,
                             std::chrono::milliseconds timeout)
    : m_transport(std::move(transport)), m_width(width), m_timeout(timeout) {}

QString EscPosPrinter::description() const {
    return m_transport->description();
}

Result<PrinterStatus> EscPosPrinter::status() {
    if (auto opened = m_transport->open(); !opened) return opened.error();
    // A reply that arrived after an earlier request had timed out would be taken for this one's.
    m_transport->discardInput();
    quint8 replies[3] = {};
    const int requests[3] = {1, 2, 4};
    for (int i = 0; i < 3; ++i) {
        if (auto sent = m_transport->write(EscPosBuilder::statusRequest(requests[i]), m_timeout); !sent) {
            return sent.error();
        }
        Result<QByteArray> reply = m_transport->read(1, m_timeout);
        if (!reply) return reply.error();
        replies[i] = quint8(reply.value().at(0));
    }
    return PrinterStatus::fromReplies(replies[0], replies[1], replies[2]);
}

Result<void> EscPosPrinter::print(const QByteArray& job) {
    Result<PrinterStatus> before = status();
    if (!before) return before.error();
    if (!before->canPrint()) return notReady(*before);
    if (before->paperNearEnd) qCWarning(lcDrivers) << "receipt printer:" << before->message();

    if (auto sent = m_transport->write(job, m_timeout); !sent) {
        // A stall is most often the paper running out with the printer's buffer full: say so when the printer
        // can tell.
        if (Result<PrinterStatus> after = status(); after && !after->canPrint()) return notReady(*after);
        return sent.error();
    }
    Result<PrinterStatus> after = status();
    if (!after) return after.error();
    if (!after->canPrint()) return notReady(*after);
    return {};
}

Result<void> EscPosPrinter::kickDrawer() {
    if (auto opened = m_transport->open(); !opened) return opened.error();
    return m_transport->write(EscPosBuilder().drawerKick().bytes(), m_timeout);
}

}  // namespace facepos::drivers
