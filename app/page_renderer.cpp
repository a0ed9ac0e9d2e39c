#include "page_renderer.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTimer>

namespace facepos {

namespace {

QString describe(const QList<QQmlError>& errors) {
    QStringList lines;
    for (const QQmlError& error : errors) lines << error.toString();
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

PageRenderer::PageRenderer(QQmlEngine& engine, QUrl mainUrl) : m_engine(engine), m_mainUrl(std::move(mainUrl)) {
    QObject::connect(&m_engine, &QQmlEngine::warnings, &m_engine,
                     [this](const QList<QQmlError>& warnings) { m_warnings << warnings; });
}

PageRenderer::~PageRenderer() = default;

QStringList PageRenderer::pages() {
    QStringList names;
    for (const QString& file : QDir(QStringLiteral(":/FacePOS/pages")).entryList({QStringLiteral("*.qml")}))
        names << QFileInfo(file).completeBaseName();
    return names;
}

Result<QQuickWindow*> PageRenderer::createWindow(const QString& page, QSize size) {
    if (!pages().contains(page)) {
        return makeError(
            QStringLiteral("ui.no_such_page"),
            QStringLiteral("There is no page named '%1'. Pages: %2.").arg(page, pages().join(QStringLiteral(", "))));
    }
    m_window.reset();
    m_warnings.clear();

    QQmlComponent component(&m_engine, m_mainUrl);
    if (component.isError()) {
        return makeError(
            QStringLiteral("ui.load_failed"),
            QStringLiteral("The user interface could not be loaded:\n%1").arg(describe(component.errors())));
    }
    std::unique_ptr<QObject> object(component.createWithInitialProperties({{QStringLiteral("startPage"), page},
                                                                           {QStringLiteral("width"), size.width()},
                                                                           {QStringLiteral("height"), size.height()}}));
    if (!object || component.isError()) {
        return makeError(
            QStringLiteral("ui.load_failed"),
            QStringLiteral("The user interface could not be created:\n%1").arg(describe(component.errors())));
    }
    auto* window = qobject_cast<QQuickWindow*>(object.get());
    if (!window) {
        return makeError(QStringLiteral("ui.load_failed"), QStringLiteral("Main.qml does not define a window."));
    }
    object.release();
    m_window.reset(window);
    if (!m_warnings.isEmpty()) {
        return makeError(QStringLiteral("ui.qml_warning"),
                         QStringLiteral("The page '%1' reported errors:\n%2").arg(page, describe(m_warnings)));
    }
    return window;
}

Result<void> PageRenderer::waitForFrame(QQuickWindow* window, int timeoutMs) {
    QEventLoop loop;
    bool rendered = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        rendered = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    window->show();
    window->requestUpdate();
    loop.exec();
    if (!rendered) {
        return makeError(QStringLiteral("ui.no_frame"),
                         QStringLiteral("The window was not rendered within %1 ms.").arg(timeoutMs));
    }
    if (!m_warnings.isEmpty()) {
        return makeError(
            QStringLiteral("ui.qml_warning"),
            QStringLiteral("The user interface reported errors while rendering:\n%1").arg(describe(m_warnings)));
    }
    return {};
}

Result<QImage> PageRenderer::render(const QString& page, QSize size) {
    auto window = createWindow(page, size);
    if (!window) return window.error();
    if (auto shown = waitForFrame(*window); !shown) return shown.error();
    QImage image = (*window)->grabWindow();
    if (image.isNull()) {
        return makeError(QStringLiteral("ui.grab_failed"),
                         QStringLiteral("The page '%1' could not be captured.").arg(page));
    }
    return image;
}

Result<void> PageRenderer::renderToFile(const QString& page, const QString& path, QSize size) {
    auto image = render(page, size);
    if (!image) return image.error();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()) || !image->save(path, "PNG")) {
        return makeError(QStringLiteral("ui.save_failed"),
                         QStringLiteral("Cannot write %1: check that the folder exists and is writable.").arg(path));
    }
    return {};
}

}  // namespace facepos
