#pragma once

#include <QString>
#include <memory>

#include "app/backend/backend_client.h"
#include "app/command_line.h"
#include "platform/database.h"
#include "platform/result.h"
#include "platform/settings.h"

namespace facepos {

// Runs the terminal: parses the command line, chooses the display platform, creates the Qt application and an
// Application, and returns the process exit code (0 ok, 1 a problem the message explains, 2 bad arguments).
int runApplication(int argc, char** argv);

// Makes the first installed family that renders simplified Chinese well the UI font (Noto Sans CJK SC, WenQuanYi, …).
// Error app.no_cjk_font, saying which package to install, when no Chinese font is installed at all. Call after the
// QGuiApplication exists.
Result<void> useChineseUiFont();

// Owns every service of a running terminal and wires them together. Created on the UI thread after the
// QGuiApplication; destroyed before it. Start-up problems (bad configuration, unwritable data directory, damaged
// database, missing font, broken QML) come back from start() as an Error whose message says what to do.
class Application {
public:
    explicit Application(CommandLine commandLine);
    ~Application();

    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    Result<void> start();

    // Runs the mode the command line chose; returns the exit code.
    int exec();

    // Where the demo's camera finds its photos (face-1.jpg …, fetched by scripts/fetch-test-images): the
    // FACEPOS_DEMO_FACES environment variable, else the build tree's test-images folder.
    static QString demoFacesDir();

private:
    struct Services;

    Result<void> loadSettings();
    Result<void> prepareDataDirectory();
    Result<void> openDeviceIdentity();
    Result<void> openDatabase();
    Result<void> openStore();
    void purgeOldRecords();
    // Activation, sign-in, clerks and shifts, with the UI thread's backend client.
    Result<void> createSessionServices();
    // The payment engine, the sales gate and the cashier's checkout controller, after the shift manager.
    void createCheckout();
    void createCheckoutCamera();
    // The settings the camera is built from: the demo's camera plays the demo faces (demoFacesDir()).
    Settings cameraSettings() const;
    // --demo: the sandbox in process with the demo store, and this terminal bound to its merchant.
    Result<void> startDemoBackend();
    void activateForDemo();
    backend::BackendConfig backendConfig() const;
    // Shows the outbox on the status bar and, once the device is activated, starts delivering it.
    void startSync();
    DatabaseOptions databaseOptions() const;
    QString databasePath() const;
    Result<void> createUi();
    Settings deviceSettings() const;

    int runWindow();
    int runOffscreenDemo();
    // The offscreen demo's scripted checkout: the demo clerk signs in, opens a shift, takes a cash sale and a WeChat
    // payment-code sale, each result screen rendered into `screensDir`; returns what happened, a line each, with the
    // receipts the virtual printer wrote.
    QStringList runDemoCheckout(const QString& screensDir);
    int runSelfTest();
    int runRenderPage();
    int runRecoverDatabase();
    int runBenchStartup();

    CommandLine m_commandLine;
    std::unique_ptr<Services> m_services;
};

}  // namespace facepos
