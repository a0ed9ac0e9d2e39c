import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Checkout, the end: paid, failed, closed or reversed in words, the amount, why, the receipt's fate and a reprint,
// then the next sale (by hand, or after checkout.result_return_s).
Page {
    id: page
    objectName: "checkoutResultPage"

    // Rendered on its own (the page renderer, the demo's page loop) there is no sale: nothing is shown as failed.
    readonly property bool hasResult: Checkout.resultStatus.length > 0

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

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: resultColumn.implicitHeight + Theme.spacing * 3
            radius: Theme.radius
            color: Theme.surface
            border.color: !page.hasResult ? Theme.surfaceMuted : Checkout.resultSuccess ? Theme.ok : Theme.danger
            border.width: 3

            ColumnLayout {
                id: resultColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing * 1.5
                spacing: Theme.spacing

                Text {
                    objectName: "resultTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: !page.hasResult ? Theme.textMuted : Checkout.resultSuccess ? Theme.ok : Theme.danger
                    font.pixelSize: Theme.fontTitle + 8
                    font.bold: true
                    text: !page.hasResult ? "" : (Checkout.resultSuccess ? "✓ " : "✕ ") + Checkout.resultTitle
                }
                Text {
                    objectName: "resultAmount"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.text
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    font.strikeout: page.hasResult && !Checkout.resultSuccess
                    text: CustomerDisplay.formatMoney(Checkout.amountFen)
                }
                Text {
                    objectName: "resultDetail"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    text: Checkout.resultDetail
                }
                Text {
                    objectName: "resultChange"
                    visible: Checkout.resultSuccess && Checkout.channel === "cash"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.ok
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    text: qsTr("Give change: %1").arg(CustomerDisplay.formatMoney(Checkout.resultChangeFen))
                }
                Text {
                    objectName: "resultOrderNo"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontNormal
                    text: qsTr("Order %1").arg(Checkout.orderNo)
                }
            }
        }

        Text {
            objectName: "printMessage"
            visible: text.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pixelSize: Theme.fontLarge
            text: Checkout.printMessage
        }
        Text {
            objectName: "checkoutMessage"
            visible: text.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontNormal
            text: Checkout.message
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "reprintButton"
                Layout.fillWidth: true
                implicitHeight: Theme.touchTarget + 16
                font.pixelSize: Theme.fontLarge
                visible: Checkout.canReprint
                text: qsTr("Reprint receipt")
                onClicked: Checkout.reprint()
            }
            Button {
                objectName: "newSaleButton"
                Layout.fillWidth: true
                implicitHeight: Theme.touchTarget + 16
                highlighted: true
                font.pixelSize: Theme.fontLarge
                font.bold: true
                text: qsTr("Next sale")
                onClicked: Checkout.newSale()
            }
        }
        Text {
            objectName: "returnCountdown"
            visible: Checkout.returnSecondsLeft > 0
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
            text: qsTr("Back to the amount in %1 s").arg(Checkout.returnSecondsLeft)
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
