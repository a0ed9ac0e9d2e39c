import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Checkout, face pay (stages consent, face, waiting and phone of Checkout.stage):
//  consent  what the camera captures and how it is used; the customer agrees or pays by code;
//  face     the live camera picture with the face box, the guidance (also spoken), the seconds left;
//  waiting  the face payment is sent: its phase and the cashier's cancel (the page stays up until the result);
//  phone    the wallet asks for the last 4 digits of the payer's phone: typed on the keypad or the keys here.
// "Pay by payment code" is on every step: face pay is never the only way.
Page {
    id: page
    objectName: "checkoutFacePage"

    readonly property string stage: Checkout.stage

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
            Text {
                text: page.stage === "phone" ? qsTr("Confirm with the phone number") : qsTr("Face pay")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Item {
                Layout.fillWidth: true
            }
            Text {
                objectName: "faceAmount"
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
                text: CustomerDisplay.formatMoney(Checkout.amountFen)
            }
        }

        // Consent: before any capture.
        Rectangle {
            objectName: "faceConsentPanel"
            visible: page.stage === "consent"
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing * 1.5
                spacing: Theme.spacing
                Text {
                    text: qsTr("Before you pay with your face")
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                    lineHeight: 1.3
                    text: qsTr("The camera takes one picture of your face. It is encrypted on this terminal at once, sent only to identify you for this payment, and never stored on the terminal. You may be asked for the last 4 digits of your phone number.")
                }
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontNormal
                    text: qsTr("You can always pay with your payment code instead.")
                }
                Item {
                    Layout.fillHeight: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Button {
                        objectName: "consentAgreeButton"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + 16
                        highlighted: true
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        text: qsTr("I agree, pay with my face")
                        onClicked: Checkout.acceptConsent()
                    }
                    Button {
                        objectName: "consentDeclineButton"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + 16
                        font.pixelSize: Theme.fontLarge
                        text: qsTr("Pay by payment code")
                        onClicked: Checkout.usePaymentCode()
                    }
                }
            }
        }

        // Capture: the live picture and the advice.
        RowLayout {
            visible: page.stage === "face"
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            CameraPreview {
                objectName: "faceCameraPreview"
                Layout.fillWidth: true
                Layout.fillHeight: true
                active: page.stage === "face"
                faceBox: FacePay.faceBox
                boxColor: FacePay.guidance === "none" ? Theme.ok : Theme.statusBarAttention

                BusyIndicator {
                    anchors.centerIn: parent
                    running: FacePay.state === "preparing" || !parent.hasPicture
                    visible: running
                }
            }

            ColumnLayout {
                // Fixed: the live picture takes the rest (a child's fillWidth would make this column fill too).
                Layout.fillWidth: false
                Layout.preferredWidth: 320
                Layout.maximumWidth: 320
                Layout.fillHeight: true
                spacing: Theme.spacing
                Text {
                    objectName: "faceGuidance"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: FacePay.guidance === "none" ? Theme.ok : Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    text: FacePay.guidanceText
                }
                ProgressBar {
                    objectName: "faceProgress"
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: FacePay.progress
                }
                Text {
                    objectName: "faceSecondsLeft"
                    Layout.fillWidth: true
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontNormal
                    text: qsTr("%1 s left, then the payment code is offered").arg(FacePay.secondsLeft)
                }
                Item {
                    Layout.fillHeight: true
                }
                Button {
                    objectName: "usePaymentCodeButton"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget + 16
                    font.pixelSize: Theme.fontLarge
                    text: qsTr("Pay by payment code")
                    onClicked: Checkout.usePaymentCode()
                }
            }
        }

        // The face payment sent, until the wallet's answer or the phone step.
        PaymentWaitingPanel {
            objectName: "faceWaitingPanel"
            visible: page.stage === "waiting"
            Layout.fillWidth: true
        }

        // Phone confirmation.
        Rectangle {
            objectName: "phonePanel"
            visible: page.stage === "phone"
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    text: qsTr("Please enter the last 4 digits of your phone number")
                }
                Text {
                    objectName: "phoneWrongNotice"
                    visible: Checkout.phoneWrong
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    font.pixelSize: Theme.fontNormal
                    text: qsTr("Those digits did not match. %n attempt(s) left.", "", Checkout.phoneAttemptsLeft)
                }
                Text {
                    objectName: "phoneDigits"
                    Layout.alignment: Qt.AlignHCenter
                    color: Theme.text
                    font.pixelSize: Theme.fontHuge
                    font.letterSpacing: 12
                    // Digits show as dots: the people behind the customer do not need to see them.
                    text: "●".repeat(Checkout.phoneDigits.length) + "○".repeat(4 - Checkout.phoneDigits.length)
                }
                AmountKeypad {
                    Layout.alignment: Qt.AlignHCenter
                    layoutKeys: ["7", "8", "9", "backspace", "4", "5", "6", "clear", "1", "2", "3", "", "", "0", "", ""]
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Button {
                        objectName: "phoneConfirmButton"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + 8
                        highlighted: true
                        enabled: Checkout.phoneDigits.length === 4
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        text: qsTr("Confirm")
                        onClicked: Checkout.confirmPhone()
                    }
                    Button {
                        objectName: "phoneCancelButton"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + 8
                        enabled: Checkout.canCancel
                        font.pixelSize: Theme.fontLarge
                        text: qsTr("Cancel payment")
                        onClicked: Checkout.cancelPayment()
                    }
                }
            }
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
    }
}
