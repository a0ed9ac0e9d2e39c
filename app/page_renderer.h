#pragma once

#include <QImage>
#include <QList>
#include <QQmlError>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

#include "platform/result.h"

class QQmlEngine;
class QQuickWindow;

namespace facepos {

// Creates the kiosk window (qrc:/FacePOS/Main.qml) showing a chosen page, and renders it. Used by the application
// itself, by --self-test and --render-page, by the offscreen demo, and by the UI tests. UI thread only.
class PageRenderer {
public:
    // `mainUrl` is the window definition; tests point it elsewhere to exercise the error paths.
    explicit PageRenderer(QQmlEngine& engine, QUrl mainUrl = QUrl(QStringLiteral("qrc:/FacePOS/Main.qml")));
    ~PageRenderer();

    // The page names that exist (files under qrc:/FacePOS/pages), e.g. "HomePage".
    static QStringList pages();

    // Creates the main window showing `page`. Any QML error or warning raised while creating it fails the call
    // with the messages, so a broken screen is never shown silently empty.
    Result<QQuickWindow*> createWindow(const QString& page, QSize size = {1280, 800});

    // Shows the window and waits (at most `timeoutMs`) until a frame has been rendered.
    Result<void> waitForFrame(QQuickWindow* window, int timeoutMs = 10000);

    // createWindow + waitForFrame + grab.
    Result<QImage> render(const QString& page, QSize size = {1280, 800});
    Result<void> renderToFile(const QString& page, const QString& path, QSize size = {1280, 800});

private:
    QQmlEngine& m_engine;
    QUrl m_mainUrl;
    std::unique_ptr<QQuickWindow> m_window;
    QList<QQmlError> m_warnings;
};

}  // namespace facepos
