#pragma once

#include <QMutex>
#include <QStringList>
#include <optional>

#include "iprintertransport.h"
#include "printer_status.h"

namespace facepos::drivers {

// The virtual printer: a transport with an ESC/POS printer behind it that never touches hardware. It answers
// DLE EOT status requests from a scripted PrinterStatus, keeps every print byte, and — with an output folder — renders
// each cut receipt to a PNG there (EscPosRenderer). Tests and the demo script faults the way QGC's MockSerialPort does:
// paper out, a cover left open, writes that stall (from the start or after N bytes, i.e. mid-job), a printer that
// stops answering, a pulled cable, a one-off injected error. Faults fail at once instead of waiting out the timeout,
// so tests stay fast and need no timed assertions.
//
// The transport calls belong to the printer thread like any transport; the scripting and inspection calls may come
// from any thread (a mutex guards the state).
class SimulatedTransport final : public IPrinterTransport {
public:
    // `outputFolder` empty: keep bytes only, render nothing. `paperDots`: width the receipts are rendered at.
    explicit SimulatedTransport(QString outputFolder = {}, int paperDots = 384);

    QString description() const override;
    Result<void> open() override;
    void close() override;
    bool isOpen() const override;
    Result<void> write(const QByteArray& bytes, std::chrono::milliseconds timeout) override;
    Result<QByteArray> read(qsizetype count, std::chrono::milliseconds timeout) override;
    void discardInput() override;

    // --- scripting ---
    void setStatus(const PrinterStatus& status);
    PrinterStatus status() const;
    void setConnected(bool connected);   // false: the cable is out; open/write/read fail with printer.disconnected
    void setWriteStalled(bool stalled);  // true: no byte is taken, writes fail with printer.write_timeout
    // Takes `bytes` more print bytes, then runs out of paper: the status turns to paper out and writes stall.
    void runOutOfPaperAfter(qsizetype bytes);
    void setAnswering(bool answering);          // false: status requests get no reply (printer.no_reply)
    void injectWriteError(const Error& error);  // the next write fails with it, once

    // --- inspection ---
    QByteArray printData() const;  // every print byte taken, status requests excluded
    int statusRequests() const;
    QStringList savedFiles() const;  // PNGs written to the output folder, oldest first
    QStringList renderWarnings() const;
    int drawerKicks() const;  // drawer kicks taken (ESC p sent as a write of its own, as EscPosPrinter does)
    void clearPrintData();

private:
    void renderCompletedPagesLocked();

    mutable QMutex m_mutex;
    QString m_outputFolder;
    int m_paperDots;
    PrinterStatus m_status;
    bool m_open = false;
    bool m_connected = true;
    bool m_stalled = false;
    std::optional<qsizetype> m_paperLeft;
    bool m_answering = true;
    std::optional<Error> m_injected;
    QByteArray m_printData;
    qsizetype m_rendered = 0;  // bytes of m_printData already rendered into pages
    QByteArray m_replies;
    int m_statusRequests = 0;
    QStringList m_saved;
    QStringList m_warnings;
    int m_kicks = 0;
};

}  // namespace facepos::drivers
