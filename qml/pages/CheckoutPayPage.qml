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

    // A face payment waits on the face page.
    readonly property bool waiting: Checkout.stage === "waiting" && Checkout.channel !== "face"

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
        PaymentWaitingPanel {
            objectName: "waitingPanel"
            visible: page.waiting
            Layout.fillWidth: true
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
