#include "simulated_transport.h"

#include <QDateTime>
#include <QDir>
#include <QMutexLocker>

#include "escpos_builder.h"
#include "escpos_renderer.h"

namespace facepos::drivers {

namespace {

bool isStatusRequest(const QByteArray& bytes) {
    return bytes.size() == 3 && bytes[0] == escpos::kDle && bytes[1] == escpos::kEot;
}

// EscPosPrinter sends a drawer kick as a write of its own.
bool isDrawerKick(const QByteArray& bytes) {
    return bytes.size() == 5 && bytes[0] == escpos::kEsc && bytes[1] == 'p';
}

}  // namespace

SimulatedTransport::SimulatedTransport(QString outputFolder, int paperDots)
    : m_outputFolder(std::move(outputFolder)), m_paperDots(paperDots) {}

QString SimulatedTransport::description() const {
    return m_outputFolder.isEmpty() ? QStringLiteral("virtual printer")
                                    : QStringLiteral("virtual printer writing to %1").arg(m_outputFolder);
}

Result<void> SimulatedTransport::open() {
    QMutexLocker lock(&m_mutex);
    if (!m_connected) {
        return makeError(QStringLiteral("printer.open_failed"),
                         QStringLiteral("Cannot open the virtual printer: it is disconnected (simulated)."));
    }
    if (!m_outputFolder.isEmpty() && !QDir().mkpath(m_outputFolder)) {
        return makeError(QStringLiteral("printer.open_failed"),
                         QStringLiteral("The virtual printer cannot create its folder %1: check devices.printer_path "
                                        "and the permissions of its parent.")
                             .arg(m_outputFolder));
    }
    m_open = true;
    return {};
}

void SimulatedTransport::close() {
    QMutexLocker lock(&m_mutex);
    m_open = false;
    m_replies.clear();
}

bool SimulatedTransport::isOpen() const {
    QMutexLocker lock(&m_mutex);
    return m_open && m_connected;
}

Result<void> SimulatedTransport::write(const QByteArray& bytes, std::chrono::milliseconds timeout) {
    if (!isOpen()) {
        if (auto opened = open(); !opened) return opened.error();
    }
    QMutexLocker lock(&m_mutex);
    if (!m_connected) {
        m_open = false;
        return makeError(QStringLiteral("printer.disconnected"),
                         QStringLiteral("The virtual printer was disconnected (simulated)."));
    }
    if (m_injected) {
        const Error error = *m_injected;
        m_injected.reset();
        return error;
    }
    if (isStatusRequest(bytes)) {
        ++m_statusRequests;
        if (m_answering) {
            const QByteArray all = PrinterStatus::replies(m_status);
            const int n = bytes[2];
            m_replies.append(all[n == 1 ? 0 : n == 2 ? 1 : 2]);
        }
        return {};
    }
    if (isDrawerKick(bytes) && !m_stalled) ++m_kicks;
    qsizetype accepted = bytes.size();
    if (m_stalled) accepted = 0;
    if (m_paperLeft) accepted = std::min(accepted, *m_paperLeft);
    m_printData.append(bytes.left(accepted));
    if (m_paperLeft) {
        *m_paperLeft -= accepted;
        if (*m_paperLeft == 0 && accepted < bytes.size()) {
            m_status.paperOut = true;
            m_stalled = true;
            m_paperLeft.reset();
        }
    }
    renderCompletedPagesLocked();
    if (accepted < bytes.size()) {
        return makeError(QStringLiteral("printer.write_timeout"),
                         QStringLiteral("The virtual printer stopped taking data (%1 of %2 bytes sent in %3 ms): "
                                        "check paper and cover; the receipt is kept and printed again.")
                             .arg(accepted)
                             .arg(bytes.size())
                             .arg(timeout.count()));
    }
    return {};
}

Result<QByteArray> SimulatedTransport::read(qsizetype count, std::chrono::milliseconds timeout) {
    QMutexLocker lock(&m_mutex);
    if (!m_connected) {
        return makeError(QStringLiteral("printer.disconnected"),
                         QStringLiteral("The virtual printer was disconnected (simulated)."));
    }
    if (m_replies.size() < count) {
        return makeError(
            QStringLiteral("printer.no_reply"),
            QStringLiteral("The virtual printer did not answer a status request within %1 ms.").arg(timeout.count()));
    }
    const QByteArray out = m_replies.left(count);
    m_replies.remove(0, count);
    return out;
}

void SimulatedTransport::discardInput() {
    QMutexLocker lock(&m_mutex);
    m_replies.clear();
}

void SimulatedTransport::setStatus(const PrinterStatus& status) {
    QMutexLocker lock(&m_mutex);
    m_status = status;
    if (status.canPrint()) m_stalled = false;
}

PrinterStatus SimulatedTransport::status() const {
    QMutexLocker lock(&m_mutex);
    return m_status;
}

void SimulatedTransport::setConnected(bool connected) {
    QMutexLocker lock(&m_mutex);
    m_connected = connected;
    if (!connected) {
        m_open = false;
        m_replies.clear();
    }
}

void SimulatedTransport::setWriteStalled(bool stalled) {
    QMutexLocker lock(&m_mutex);
    m_stalled = stalled;
}

void SimulatedTransport::runOutOfPaperAfter(qsizetype bytes) {
    QMutexLocker lock(&m_mutex);
    m_paperLeft = bytes;
}

void SimulatedTransport::setAnswering(bool answering) {
    QMutexLocker lock(&m_mutex);
    m_answering = answering;
}

void SimulatedTransport::injectWriteError(const Error& error) {
    QMutexLocker lock(&m_mutex);
    m_injected = error;
}

QByteArray SimulatedTransport::printData() const {
    QMutexLocker lock(&m_mutex);
    return m_printData;
}

int SimulatedTransport::statusRequests() const {
    QMutexLocker lock(&m_mutex);
    return m_statusRequests;
}

QStringList SimulatedTransport::savedFiles() const {
    QMutexLocker lock(&m_mutex);
    return m_saved;
}

QStringList SimulatedTransport::renderWarnings() const {
    QMutexLocker lock(&m_mutex);
    return m_warnings;
}

int SimulatedTransport::drawerKicks() const {
    QMutexLocker lock(&m_mutex);
    return m_kicks;
}

void SimulatedTransport::clearPrintData() {
    QMutexLocker lock(&m_mutex);
    m_printData.clear();
    m_rendered = 0;
}

void SimulatedTransport::renderCompletedPagesLocked() {
    if (m_outputFolder.isEmpty()) return;
    const EscPosRenderer renderer(m_paperDots);
    const EscPosRenderer::Output out = renderer.render(m_printData.mid(m_rendered));
    m_rendered += out.consumed;
    m_warnings += out.warnings;
    for (const QImage& page : out.pages) {
        // Time-stamped names, so receipts of earlier runs in the same folder are never overwritten.
        const QString path = QDir(m_outputFolder)
                                 .filePath(QStringLiteral("receipt-%1-%2.png")
                                               .arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss-zzz"))
                                               .arg(m_saved.size() + 1));
        if (page.save(path))
            m_saved.append(path);
        else
            m_warnings.append(QStringLiteral("cannot write %1").arg(path));
    }
}

}  // namespace facepos::drivers
