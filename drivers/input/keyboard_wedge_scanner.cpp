#include "keyboard_wedge_scanner.h"

#include <QCoreApplication>
#include <QWindow>

#include "platform/logging.h"
#include "platform/masking.h"

namespace facepos::drivers {

KeyboardWedgeScanner::KeyboardWedgeScanner(KeyboardWedgeConfig config, ScanClassifier classifier, const IClock& clock,
                                           QObject* parent)
    : IBarcodeScanner(parent), m_config(config), m_classifier(std::move(classifier)), m_clock(clock) {
    m_state = {DeviceState::Status::Disconnected, QStringLiteral("scanner not started")};
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_config.interKeyTimeout);
    connect(&m_idle, &QTimer::timeout, this, &KeyboardWedgeScanner::onIdleCheck);
}

KeyboardWedgeScanner::~KeyboardWedgeScanner() {
    stop();
}

Result<void> KeyboardWedgeScanner::start() {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app) {
        return makeError(QStringLiteral("input.no_application"),
                         QStringLiteral("The keyboard scanner needs the application object; start it after "
                                        "QGuiApplication is created."));
    }
    if (!m_installed) app->installEventFilter(this);
    m_installed = true;
    // A wedge scanner is indistinguishable from the keyboard until it types, so "connected" means "listening".
    setState({DeviceState::Status::Connected, {}});
    return {};
}

void KeyboardWedgeScanner::stop() {
    if (!m_installed) return;
    releaseAsTyping();
    if (QCoreApplication* app = QCoreApplication::instance()) app->removeEventFilter(this);
    m_installed = false;
    setState({DeviceState::Status::Disconnected, QStringLiteral("scanner stopped")});
}

bool KeyboardWedgeScanner::isTerminator(const QKeyEvent& event) const {
    switch (m_config.terminator) {
        case ScanTerminator::Enter:
            return event.key() == Qt::Key_Return || event.key() == Qt::Key_Enter;
        case ScanTerminator::Tab:
            return event.key() == Qt::Key_Tab;
        case ScanTerminator::None:
            return false;
    }
    return false;
}

bool KeyboardWedgeScanner::eventFilter(QObject* watched, QEvent* event) {
    if (m_replaying) return false;
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease) return false;
    // Qt delivers a key event to the window first and the window passes it on to the focused item; deciding at the
    // window level sees each key once and holds it before any item does.
    if (!qobject_cast<QWindow*>(watched)) return false;
    const auto* key = static_cast<QKeyEvent*>(event);

    if (type == QEvent::KeyRelease) {
        if (!m_held.empty()) {
            hold(watched, *key);
            return true;
        }
        if (!key->isAutoRepeat() && m_swallowReleases.remove(key->key())) return true;
        return false;
    }

    const auto now = m_clock.steadyNow();
    const bool withinBurst = !m_held.empty() && now - m_lastPress <= m_config.interKeyTimeout;
    if (!m_held.empty() && !withinBurst) releaseAsTyping();

    if (isTerminator(*key) && withinBurst && m_text.size() >= m_config.minimumScanLength) {
        const ScanClassification scan = m_classifier.classify(m_text);
        for (const HeldEvent& held : m_held) {
            if (held.event->type() == QEvent::KeyPress) m_swallowReleases.insert(held.event->key());
        }
        for (const HeldEvent& held : m_held) {
            if (held.event->type() == QEvent::KeyRelease) m_swallowReleases.remove(held.event->key());
        }
        m_swallowReleases.insert(key->key());
        m_held.clear();
        m_text.clear();
        m_idle.stop();
        qCInfo(lcDrivers) << "keyboard scanner: scan" << scanKindName(scan.kind) << walletName(scan.wallet)
                          << maskPaymentCode(scan.code);
        emit scanned(scan);
        return true;
    }

    const QString text = key->text();
    const bool printable = text.size() == 1 && text.at(0).isPrint() &&
                           !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (!printable) {
        releaseAsTyping();
        return false;
    }
    hold(watched, *key);
    m_text.append(text);
    m_lastPress = now;
    m_idle.start();
    return true;
}

void KeyboardWedgeScanner::hold(QObject* receiver, const QKeyEvent& event) {
    m_held.push_back(HeldEvent{receiver, std::unique_ptr<QKeyEvent>(static_cast<QKeyEvent*>(event.clone()))});
}

void KeyboardWedgeScanner::releaseAsTyping() {
    if (m_held.empty()) return;
    m_idle.stop();
    std::vector<HeldEvent> held = std::move(m_held);
    m_held.clear();
    m_text.clear();
    m_replaying = true;
    for (HeldEvent& entry : held) {
        if (entry.receiver) QCoreApplication::sendEvent(entry.receiver, entry.event.get());
    }
    m_replaying = false;
}

void KeyboardWedgeScanner::onIdleCheck() {
    if (m_held.empty()) return;
    const auto quiet = m_clock.steadyNow() - m_lastPress;
    if (quiet > m_config.interKeyTimeout) {
        releaseAsTyping();
    } else {
        m_idle.start();  // the clock has not moved past the timeout yet (a manual clock in tests, or a timer early)
    }
}

void KeyboardWedgeScanner::setState(DeviceState state) {
    if (state == m_state) return;
    m_state = std::move(state);
    emit stateChanged(m_state);
}

}  // namespace facepos::drivers
