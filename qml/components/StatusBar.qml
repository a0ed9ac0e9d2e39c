import QtQuick
import QtQuick.Layouts
import FacePOS

// Always on top of the cashier's screen: store, network, sync state, who is signed in, and the time.
Rectangle {
    id: bar
    implicitHeight: Theme.statusBarHeight
    color: Theme.statusBar

    property date now: new Date()

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
            text: AppState.storeName.length > 0 ? AppState.storeName : qsTr("FacePOS")
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
        Text {
            objectName: "statusSync"
            color: AppState.syncPending > 0 ? "#ffd27a" : Theme.statusBarText
            font.pixelSize: Theme.fontSmall
            text: AppState.syncPending > 0 ? qsTr("%n record(s) waiting to sync", "", AppState.syncPending)
                                           : qsTr("All synced")
        }
        Text {
            objectName: "statusPerson"
            color: Theme.statusBarText
            font.pixelSize: Theme.fontSmall
            text: AppState.signedInName.length > 0 ? AppState.signedInName : qsTr("Not signed in")
        }
        Text {
            objectName: "statusClock"
            color: Theme.statusBarText
            font.pixelSize: Theme.fontNormal
            text: Qt.formatTime(bar.now, "HH:mm")
        }
    }
}
