import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Checkout, step 2: how the customer pays. A payment code scanned from any scanner starts the charge at once; the
// page says before the scan whether payment codes can be taken (they need the network). Face pay leads to
// CheckoutFacePage (consent, capture, phone digits) when the terminal has a working camera; cash leads to the tender. While the wallet answers (stage "waiting") the page shows the
// phase, the seconds since the charge and a cancel button (the payment then ends by reverse).
Page {
    id: page
    objectName: "checkoutPayPage"

    readonly property bool waiting: Checkout.stage === "waiting"

    CheckoutFlow {
        page: page
    }

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
                enabled: !page.waiting
                onClicked: Checkout.backToAmount()
            }
            Text {
                text: page.waiting ? qsTr("Payment in progress") : qsTr("Choose how to pay")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Item {
                Layout.fillWidth: true
            }
            Text {
                objectName: "payAmount"
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
                text: CustomerDisplay.formatMoney(Checkout.amountFen)
            }
        }

        // Before the scan: the payment code, face pay, cash.
        ColumnLayout {
            visible: !page.waiting
            Layout.fillWidth: true
            spacing: Theme.spacing

            Rectangle {
                objectName: "payCodePanel"
                Layout.fillWidth: true
                implicitHeight: codeColumn.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.surface
                border.color: Checkout.walletAvailable ? Theme.primary : Theme.warning
                border.width: 2

                ColumnLayout {
                    id: codeColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 8
                    Text {
                        text: qsTr("Payment code")
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                    Text {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                        text: qsTr("Scan the customer's WeChat Pay, Alipay or UnionPay payment code: the charge starts at once.")
                    }
                    Text {
                        objectName: "walletNotice"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Checkout.walletAvailable ? Theme.ok : Theme.warning
                        font.pixelSize: Theme.fontNormal
                        font.bold: !Checkout.walletAvailable
                        text: Checkout.walletNotice
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Button {
                    objectName: "facePayButton"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget + 24
                    enabled: Checkout.faceAvailable
                    font.pixelSize: Checkout.faceAvailable ? Theme.fontLarge : Theme.fontNormal
                    font.bold: Checkout.faceAvailable
                    text: Checkout.faceAvailable ? qsTr("Face pay") : Checkout.faceNotice
                    onClicked: Checkout.chooseFace()
                }
                Button {
                    objectName: "cashButton"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget + 24
                    highlighted: true
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    text: qsTr("Cash")
                    onClicked: Checkout.chooseCash()
                }
            }
        }

        // While the wallet answers.
        Rectangle {
            objectName: "waitingPanel"
            visible: page.waiting
            Layout.fillWidth: true
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
                    running: page.waiting
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

        Text {
            objectName: "checkoutMessage"
            visible: text.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontLarge
            text: Checkout.message
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
