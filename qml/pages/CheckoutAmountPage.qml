import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Checkout, step 1: the amount (counter keypad or the keys here), an optional note, then Collect. The amount is
// kept as the text typed and turned into integer fen by the controller: money never passes through floating point.
// Why a sale cannot start (no shift, offline storage full, amount too large …) is said under the amount.
Page {
    id: page
    objectName: "checkoutAmountPage"

    function leave() {
        if (Checkout.leave())
            page.StackView.view.pop()
    }

    Component.onCompleted: Checkout.begin()
    Component.onDestruction: Checkout.leave()

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
                enabled: page.StackView.view && page.StackView.view.depth > 1
                onClicked: page.leave()
            }
            Text {
                text: qsTr("Checkout")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Item {
                Layout.fillWidth: true
            }
            Text {
                objectName: "checkoutCashier"
                color: Theme.textMuted
                font.pixelSize: Theme.fontNormal
                text: Session.signedIn ? (Shift.open ? qsTr("%1 · shift %2").arg(Session.displayName).arg(Shift.shiftNo)
                                                     : qsTr("%1 · no shift open").arg(Session.displayName))
                                       : qsTr("Nobody is signed in")
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
                    implicitHeight: amountColumn.implicitHeight + Theme.spacing * 2
                    radius: Theme.radius
                    color: Theme.surface

                    ColumnLayout {
                        id: amountColumn
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: 4
                        Text {
                            text: qsTr("Amount to collect (yuan)")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontNormal
                        }
                        Text {
                            objectName: "amountDisplay"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                            color: Checkout.amountText.length > 0 ? Theme.text : Theme.textMuted
                            font.pixelSize: Theme.fontHuge
                            font.bold: true
                            text: "¥" + (Checkout.amountText.length > 0 ? Checkout.amountText : "0.00")
                        }
                    }
                }

                TextField {
                    id: noteField
                    objectName: "checkoutNote"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontNormal
                    maximumLength: 128
                    placeholderText: qsTr("Note (optional)")
                    text: Checkout.note
                    onTextChanged: Checkout.setNote(text)
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

                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    text: qsTr("Type the amount on the counter keypad or here, then press Collect (or the keypad's confirm key).")
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

                Button {
                    objectName: "amountConfirm"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget + 24
                    highlighted: true
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    text: qsTr("Collect")
                    onClicked: Checkout.confirmAmount()
                }
                Item {
                    Layout.fillHeight: true
                }
            }
        }
    }
}
