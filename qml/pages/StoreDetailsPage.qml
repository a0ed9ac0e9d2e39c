import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// Settings → My store → Store details: the store, its merchant and this terminal as the binding recorded them, and
// the way to the store's clerk accounts. Merchant only.
Page {
    id: page
    objectName: "storeDetailsPage"

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
                text: qsTr("Store details")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        Text {
            objectName: "storeDetailsNotMerchant"
            visible: !page.merchant
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pixelSize: Theme.fontNormal
            text: qsTr("Only the merchant manages the store and its clerks: sign in with the merchant account to open it.")
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: details.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface

            GridLayout {
                id: details
                objectName: "storeDetails"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                columns: 2
                rowSpacing: 10
                columnSpacing: Theme.spacing * 2

                Text { text: qsTr("Store name"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                Text {
                    objectName: "storeDetailsName"
                    Layout.fillWidth: true
                    text: App.DeviceBinding.storeName.length > 0 ? App.DeviceBinding.storeName : "—"
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                }
                Text { text: qsTr("Store number"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                Text {
                    objectName: "storeDetailsNo"
                    text: App.DeviceBinding.storeNo.length > 0 ? App.DeviceBinding.storeNo : "—"
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                }
                Text { text: qsTr("Merchant"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                Text {
                    objectName: "storeDetailsMerchant"
                    text: App.DeviceBinding.merchantName.length > 0 ? App.DeviceBinding.merchantName : "—"
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                }
                Text { text: qsTr("Merchant number"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                Text {
                    objectName: "storeDetailsMerchantNo"
                    text: App.DeviceBinding.merchantNo.length > 0 ? App.DeviceBinding.merchantNo : "—"
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                }
                Text { text: qsTr("This terminal"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                Text {
                    objectName: "storeDetailsDevice"
                    text: AppState.deviceSerial + " · " + AppState.deviceModel
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                }
                Text { text: qsTr("Signed in"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                Text {
                    objectName: "storeDetailsSignedIn"
                    text: Session.signedIn ? Session.displayName + " (" + Session.operatorId + ")" : "—"
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                }
            }
        }

        Button {
            objectName: "openClerks"
            text: qsTr("Clerks")
            implicitHeight: Theme.touchTarget
            enabled: page.merchant
            onClicked: page.StackView.view.push(Qt.resolvedUrl("ClerksPage.qml").toString())
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
