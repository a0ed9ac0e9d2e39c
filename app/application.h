#pragma once

#include <QString>
#include <memory>

#include "app/command_line.h"
#include "platform/database.h"
#include "platform/result.h"
#include "platform/settings.h"

namespace facepos {

// Runs the terminal: parses the command line, chooses the display platform, creates the Qt application and an
// Application, and returns the process exit code (0 ok, 1 a problem the message explains, 2 bad arguments).
int runApplication(int argc, char** argv);

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

private:
    struct Services;

    Result<void> loadSettings();
    Result<void> prepareDataDirectory();
    Result<void> openDeviceIdentity();
    Result<void> openDatabase();
    Result<void> openStore();
    void purgeOldRecords();
    // Shows the outbox on the status bar and, once the device is activated, starts delivering it.
    void startSync();
    DatabaseOptions databaseOptions() const;
    QString databasePath() const;
    Result<void> checkFonts();
    Result<void> createUi();
    Settings deviceSettings() const;

    int runWindow();
    int runOffscreenDemo();
    int runSelfTest();
    int runRenderPage();
    int runRecoverDatabase();
    int runBenchStartup();

    CommandLine m_commandLine;
    std::unique_ptr<Services> m_services;
};

}  // namespace facepos
