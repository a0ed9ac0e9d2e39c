import QtQuick
import QtQuick.Layouts
import FacePOS

// What the customer sees: the store's welcome and, during checkout, the amount and the result.
Rectangle {
    id: view
    objectName: "customerDisplayView"

    // A preview pane on the cashier's screen gets a caption so nobody mistakes it for the cashier's own view.
    property bool preview: false
    property string amountText: ""

    color: Theme.customerBackground

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacing

        Text {
            objectName: "customerWelcome"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.customerText
            font.pixelSize: Theme.fontTitle
            font.bold: true
            text: AppState.storeName.length > 0 ? qsTr("Welcome to %1").arg(AppState.storeName) : qsTr("Welcome")
        }
        Text {
            objectName: "customerAmount"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: view.amountText.length > 0
            color: Theme.customerText
            font.pixelSize: Theme.fontHuge
            text: view.amountText
        }
    }

    Text {
        visible: view.preview
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: Theme.spacing / 2
        color: Theme.customerText
        opacity: 0.7
        font.pixelSize: Theme.fontSmall
        text: qsTr("Customer display preview")
    }
}
