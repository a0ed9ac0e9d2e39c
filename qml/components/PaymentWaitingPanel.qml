import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// While the wallet answers a payment (Checkout stage "waiting"): the phase in words, the seconds since the charge,
// the channel with the masked code and the order number, and the cashier's cancel (the payment then ends by reverse
// or close). On the pay page for payment codes, on the face page for face pay.
Rectangle {
    id: panel

    implicitHeight: waitColumn.implicitHeight + Theme.spacing * 2
    radius: Theme.radius
    color: Theme.surface

    ColumnLayout {
        id: waitColumn
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: panel.visible
        }
        Text {
            objectName: "waitingPhase"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
            text: Checkout.phaseText
        }
        Text {
            objectName: "waitingSeconds"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
            text: qsTr("%1 s since the charge").arg(Checkout.waitingSeconds)
        }
        Text {
            objectName: "waitingCode"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
            text: Checkout.maskedCode.length > 0
                  ? qsTr("%1 · code %2 · order %3").arg(Checkout.channelText).arg(Checkout.maskedCode).arg(Checkout.orderNo)
                  : qsTr("%1 · order %2").arg(Checkout.channelText).arg(Checkout.orderNo)
        }
        Button {
            objectName: "cancelPaymentButton"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 320
            implicitHeight: Theme.touchTarget + 16
            font.pixelSize: Theme.fontLarge
            enabled: Checkout.canCancel
            text: Checkout.phase === "cancelling" ? qsTr("Cancelling…") : qsTr("Cancel payment")
            onClicked: Checkout.cancelPayment()
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: qsTr("A cancelled payment is reversed: if the wallet took the money, it goes back to the customer.")
        }
    }
}
