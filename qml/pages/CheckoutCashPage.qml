import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Checkout, cash: the cash received (keypad, the keys here, or "exact"), the change, then Done: the sale is saved
// (offline too, within the offline caps) and the drawer opens.
Page {
    id: page
    objectName: "checkoutCashPage"

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
                onClicked: Checkout.backToPay()
            }
            Text {
                text: qsTr("Cash")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing * 2

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: cashGrid.implicitHeight + Theme.spacing * 2
                    radius: Theme.radius
                    color: Theme.surface

                    GridLayout {
                        id: cashGrid
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        columns: 2
                        rowSpacing: Theme.spacing
                        columnSpacing: Theme.spacing

                        Text { text: qsTr("To pay"); color: Theme.textMuted; font.pixelSize: Theme.fontLarge }
                        Text {
                            objectName: "cashPayable"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                            color: Theme.text
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            text: CustomerDisplay.formatMoney(Checkout.amountFen)
                        }
                        Text { text: qsTr("Received"); color: Theme.textMuted; font.pixelSize: Theme.fontLarge }
                        Text {
                            objectName: "cashTendered"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                            color: Checkout.tenderedText.length > 0 ? Theme.text : Theme.textMuted
                            font.pixelSize: Theme.fontHuge
                            font.bold: true
                            text: "¥" + (Checkout.tenderedText.length > 0 ? Checkout.tenderedText : "0.00")
                        }
                        Text { text: qsTr("Change"); color: Theme.textMuted; font.pixelSize: Theme.fontLarge }
                        Text {
                            objectName: "cashChange"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                            color: Theme.ok
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            text: CustomerDisplay.formatMoney(Checkout.changeFen)
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

            ColumnLayout {
                Layout.fillHeight: true
                Layout.fillWidth: false
                Layout.preferredWidth: 480
                spacing: Theme.spacing

                AmountKeypad {
                    Layout.preferredWidth: 480
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Button {
                        objectName: "tenderExact"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + 24
                        font.pixelSize: Theme.fontNormal
                        text: qsTr("Exact amount")
                        onClicked: Checkout.tenderExact()
                    }
                    Button {
                        objectName: "cashConfirm"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + 24
                        highlighted: true
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        text: qsTr("Done, open drawer")
                        onClicked: Checkout.confirmCash()
                    }
                }
                Item {
                    Layout.fillHeight: true
                }
            }
        }
    }
}
