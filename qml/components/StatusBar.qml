import QtQuick
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// Always on top of the cashier's screen: store, network, sync state, who is signed in (with lock and sign-out), the
// settings button and the time.
Rectangle {
    id: bar
    implicitHeight: Theme.statusBarHeight
    color: Theme.statusBar

    property date now: new Date()

    // The cashier tapped the sync indicator.
    signal syncClicked()
    // The settings button (the keypad's Settings key does the same).
    signal settingsClicked()

    function roleText(role) {
        switch (role) {
        case "merchant": return qsTr("Merchant")
        case "clerk": return qsTr("Clerk")
        }
        return ""
    }

    Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: bar.now = new Date()
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing * 1.5

        Text {
            objectName: "statusStore"
            Layout.fillWidth: true
            elide: Text.ElideRight
            color: Theme.statusBarText
            font.pixelSize: Theme.fontNormal
            font.bold: true
            text: App.DeviceBinding.storeName.length > 0 ? App.DeviceBinding.storeName
                                               : AppState.storeName.length > 0 ? AppState.storeName : qsTr("FacePOS")
        }
        Row {
            spacing: 6
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: 10
                height: 10
                radius: 5
                color: AppState.networkOnline ? Theme.ok : Theme.danger
            }
            Text {
                objectName: "statusNetwork"
                color: Theme.statusBarText
                font.pixelSize: Theme.fontSmall
                text: AppState.networkOnline ? qsTr("Online") : qsTr("Offline")
            }
        }
        // The outbox: how many records wait, whether any were refused, and whether delivery is possible at all.
        // Tapping it opens the sync page.
        Item {
            objectName: "statusSyncArea"
            implicitWidth: syncRow.implicitWidth
            Layout.fillHeight: true

            Row {
                id: syncRow
                anchors.verticalCenter: parent.verticalCenter
                spacing: 8
                Text {
                    objectName: "statusSync"
                    anchors.verticalCenter: parent.verticalCenter
                    color: Sync.pending > 0 ? Theme.statusBarAttention : Theme.statusBarText
                    font.pixelSize: Theme.fontSmall
                    text: {
                        if (Sync.pending === 0)
                            return qsTr("All synced")
                        if (!Sync.online)
                            return qsTr("Offline: %n record(s) waiting to sync", "", Sync.pending)
                        if (Sync.draining)
                            return qsTr("Syncing %n record(s)…", "", Sync.pending)
                        return qsTr("%n record(s) waiting to sync", "", Sync.pending)
                    }
                }
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    visible: Sync.dead > 0
                    implicitWidth: deadLabel.implicitWidth + 12
                    implicitHeight: deadLabel.implicitHeight + 4
                    radius: height / 2
                    color: Theme.warning
                    Text {
                        id: deadLabel
                        objectName: "statusSyncDead"
                        anchors.centerIn: parent
                        color: Theme.primaryText
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        text: qsTr("%n refused", "", Sync.dead)
                    }
                }
            }
            TapHandler {
                onTapped: bar.syncClicked()
            }
        }
        Text {
            objectName: "statusPerson"
            color: Theme.statusBarText
            font.pixelSize: Theme.fontSmall
            text: Session.signedIn ? Session.displayName : qsTr("Not signed in")
        }
        Text {
            objectName: "statusRole"
            visible: Session.signedIn
            color: Theme.statusBarAttention
            font.pixelSize: Theme.fontSmall
            text: bar.roleText(Session.role)
        }
        StatusBarButton {
            objectName: "statusLockButton"
            visible: Session.signedIn && !Session.locked
            text: qsTr("Lock")
            onClicked: Session.lock()
        }
        StatusBarButton {
            objectName: "statusSignOutButton"
            visible: Session.signedIn && !Session.locked
            enabled: !Session.busy
            text: qsTr("Sign out")
            onClicked: Session.signOut()
        }
        StatusBarButton {
            objectName: "statusSettingsButton"
            text: qsTr("Settings")
            onClicked: bar.settingsClicked()
        }
        Text {
            objectName: "statusClock"
            color: Theme.statusBarText
            font.pixelSize: Theme.fontNormal
            text: Qt.formatTime(bar.now, "HH:mm")
        }
    }
}
