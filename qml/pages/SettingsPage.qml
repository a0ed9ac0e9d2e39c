import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Settings reachable without signing in: the UI language and the device's identity (what support asks for). The
// store's own settings (My store: store details, clerks) are the merchant's only (docs/permissions.md).
Page {
    id: page
    objectName: "settingsPage"

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "backButton"
                text: qsTr("Back")
                implicitHeight: Theme.touchTarget
                enabled: page.StackView.view && page.StackView.view.depth > 1
                onClicked: page.StackView.view.pop()
            }
            Text {
                text: qsTr("Settings")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        Text {
            text: qsTr("Language")
            color: Theme.text
            font.pixelSize: Theme.fontLarge
        }
        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "languageZh"
                text: "简体中文"
                checkable: true
                checked: Language.language === "zh_CN"
                implicitHeight: Theme.touchTarget
                onClicked: Language.setLanguage("zh_CN")
            }
            Button {
                objectName: "languageEn"
                text: "English"
                checkable: true
                checked: Language.language === "en"
                implicitHeight: Theme.touchTarget
                onClicked: Language.setLanguage("en")
            }
        }

        Text {
            Layout.topMargin: Theme.spacing
            text: qsTr("My store")
            color: Theme.text
            font.pixelSize: Theme.fontLarge
        }
        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "openMyStore"
                text: qsTr("Store and clerks")
                implicitHeight: Theme.touchTarget
                enabled: Session.role === "merchant" && !Session.locked
                onClicked: page.StackView.view.push(Qt.resolvedUrl("MyStorePage.qml").toString())
            }
            Text {
                objectName: "myStoreHint"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontNormal
                text: Session.role === "merchant"
                      ? qsTr("Store details and clerk accounts.")
                      : qsTr("Only the merchant manages the store and its clerks: sign in with the merchant account to open it.")
            }
        }

        Text {
            Layout.topMargin: Theme.spacing
            text: qsTr("Device")
            color: Theme.text
            font.pixelSize: Theme.fontLarge
        }
        GridLayout {
            objectName: "deviceInfo"
            columns: 2
            rowSpacing: 8
            columnSpacing: Theme.spacing * 2

            Text { text: qsTr("Serial number"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
            Text { objectName: "deviceSerial"; text: AppState.deviceSerial; color: Theme.text; font.pixelSize: Theme.fontNormal }
            Text { text: qsTr("Model"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
            Text { objectName: "deviceModel"; text: AppState.deviceModel; color: Theme.text; font.pixelSize: Theme.fontNormal }
            Text { text: qsTr("Software version"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
            Text { objectName: "softwareVersion"; text: AppState.softwareVersion; color: Theme.text; font.pixelSize: Theme.fontNormal }
            Text { text: qsTr("Backend"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
            Text { objectName: "backendUrl"; text: AppState.backendUrl; color: Theme.text; font.pixelSize: Theme.fontNormal }
            Text { text: qsTr("Devices"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
            Text { objectName: "deviceDrivers"; text: AppState.devices.join("\n"); color: Theme.text; font.pixelSize: Theme.fontNormal }
        }
        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "openDevices"
                text: qsTr("Device self-test")
                implicitHeight: Theme.touchTarget
                onClicked: page.StackView.view.push(Qt.resolvedUrl("DevicesPage.qml").toString())
            }
            Button {
                objectName: "openSync"
                text: qsTr("Data sync")
                implicitHeight: Theme.touchTarget
                onClicked: page.StackView.view.push(Qt.resolvedUrl("SyncPage.qml").toString())
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
