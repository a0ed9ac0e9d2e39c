import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// The cashier's starting point. Selling, orders and shifts need an activated device and a signed-in person; settings
// are always reachable.
Page {
    id: page
    objectName: "homePage"

    readonly property bool signedIn: Session.signedIn && App.DeviceBinding.state === "activated"

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 1.5

        Text {
            objectName: "homeTitle"
            text: App.DeviceBinding.storeName.length > 0 ? App.DeviceBinding.storeName
                                               : AppState.storeName.length > 0 ? AppState.storeName : qsTr("FacePOS")
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
        Text {
            objectName: "homeHint"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
            text: page.signedIn ? qsTr("Choose what to do.") : qsTr("Sign in to take payments. Settings are available now.")
        }

        GridLayout {
            Layout.fillWidth: true
            columns: 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing

            HomeTile {
                objectName: "tileCheckout"
                Layout.fillWidth: true
                text: qsTr("Checkout")
                subtitle: page.signedIn ? qsTr("Payment code, face pay or cash") : qsTr("Sign in first")
                enabled: page.signedIn
                onClicked: page.StackView.view.push(Qt.resolvedUrl("CheckoutAmountPage.qml").toString())
            }
            HomeTile {
                objectName: "tileOrders"
                Layout.fillWidth: true
                text: qsTr("Orders")
                subtitle: page.signedIn ? qsTr("Search, refund, reprint") : qsTr("Sign in first")
                enabled: page.signedIn
                accent: "#2f6fdb"
            }
            HomeTile {
                objectName: "tileShift"
                Layout.fillWidth: true
                text: qsTr("Shift handover")
                subtitle: page.signedIn ? qsTr("Open or close a shift") : qsTr("Sign in first")
                enabled: page.signedIn
                accent: "#b76e00"
                onClicked: page.StackView.view.push(Qt.resolvedUrl("ShiftPage.qml").toString())
            }
            HomeTile {
                objectName: "tileSettings"
                Layout.fillWidth: true
                text: qsTr("Settings")
                subtitle: qsTr("Language, device information")
                accent: "#667085"
                onClicked: page.StackView.view.push(Qt.resolvedUrl("SettingsPage.qml").toString())
            }
        }

        Item {
            Layout.fillHeight: true
        }

        Text {
            objectName: "homeDemoNotice"
            visible: AppState.demo
            color: Theme.warning
            font.pixelSize: Theme.fontSmall
            text: qsTr("Demo mode: all devices are simulated.")
        }
    }
}
