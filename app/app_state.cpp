#include "app_state.h"

namespace facepos {

AppState::AppState(DeviceFacts facts, QObject* parent) : QObject(parent), m_facts(std::move(facts)) {}

void AppState::setNetworkOnline(bool online) {
    if (m_networkOnline == online) return;
    m_networkOnline = online;
    emit networkOnlineChanged();
}

void AppState::setSignedIn(const QString& name, const QString& role) {
    if (m_signedInName == name && m_signedInRole == role) return;
    m_signedInName = name;
    m_signedInRole = role;
    emit signedInChanged();
}

void AppState::setStoreName(const QString& name) {
    if (m_storeName == name) return;
    m_storeName = name;
    emit storeNameChanged();
}

}  // namespace facepos
