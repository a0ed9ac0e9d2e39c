import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// Settings → My store: the merchant's own settings. Anyone else is told that the merchant must sign in.
Page {
    id: page
    objectName: "myStorePage"

    readonly property bool merchant: Session.role === "merchant" && !Session.locked

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
                text: qsTr("My store")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        Text {
            objectName: "myStoreNotMerchant"
            visible: !page.merchant
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pixelSize: Theme.fontNormal
            text: qsTr("Only the merchant manages the store and its clerks: sign in with the merchant account to open it.")
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: entry.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface
            visible: page.merchant

            RowLayout {
                id: entry
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    Text {
                        objectName: "myStoreName"
                        text: App.DeviceBinding.storeName.length > 0 ? App.DeviceBinding.storeName : AppState.storeName
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                    Text {
                        objectName: "myStoreMerchant"
                        text: qsTr("Merchant %1 · %2").arg(App.DeviceBinding.merchantNo).arg(App.DeviceBinding.merchantName)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontNormal
                    }
                }
                Button {
                    objectName: "openStoreDetails"
                    text: qsTr("Store details")
                    implicitHeight: Theme.touchTarget
                    enabled: page.merchant
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("StoreDetailsPage.qml").toString())
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
