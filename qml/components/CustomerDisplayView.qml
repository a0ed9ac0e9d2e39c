import QtQuick
import QtQuick.Layouts
import FacePOS

// What the customer sees, by checkout phase (the CustomerDisplay singleton): the store's welcome; the amount with
// the member, the discounts and the payable; what the customer is asked to do (show a payment code, look at the
// camera, confirm on the phone, enter the phone's last 4 digits) or that the payment is running; the face-preview
// slot; the result.
Rectangle {
    id: view
    objectName: "customerDisplayView"

    // A preview pane on the cashier's screen gets a caption so nobody mistakes it for the cashier's own view.
    property bool preview: false

    readonly property int phase: CustomerDisplay.phase
    readonly property bool showsOrder: phase === CustomerDisplay.Amount || phase === CustomerDisplay.Paying
                                       || phase === CustomerDisplay.FaceCapture
                                       || phase === CustomerDisplay.Processing
                                       || phase === CustomerDisplay.PhoneDigits

    color: Theme.customerBackground

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacing

        Text {
            objectName: "customerWelcome"
            Layout.fillWidth: true
            visible: view.phase === CustomerDisplay.Welcome
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.customerText
            font.pixelSize: Theme.fontTitle
            font.bold: true
            text: AppState.storeName.length > 0 ? qsTr("Welcome to %1").arg(AppState.storeName) : qsTr("Welcome")
        }

        Text {
            objectName: "customerMember"
            Layout.fillWidth: true
            visible: view.showsOrder && CustomerDisplay.memberName.length > 0
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.customerText
            font.pixelSize: Theme.fontNormal
            text: CustomerDisplay.memberLevel.length > 0
                  ? qsTr("Member: %1 (%2)").arg(CustomerDisplay.memberName).arg(CustomerDisplay.memberLevel)
                  : qsTr("Member: %1").arg(CustomerDisplay.memberName)
        }

        RowLayout {
            Layout.fillWidth: true
            visible: view.showsOrder
            Text {
                Layout.fillWidth: true
                color: Theme.customerText
                opacity: 0.8
                font.pixelSize: Theme.fontNormal
                text: qsTr("Amount")
            }
            Text {
                objectName: "customerAmount"
                color: Theme.customerText
                font.pixelSize: Theme.fontNormal
                text: CustomerDisplay.formatMoney(CustomerDisplay.amountFen)
            }
        }

        Repeater {
            objectName: "customerDiscounts"
            model: view.showsOrder ? CustomerDisplay.discounts : []
            delegate: RowLayout {
                required property var modelData
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    color: Theme.customerText
                    opacity: 0.8
                    font.pixelSize: Theme.fontNormal
                    text: modelData.label
                }
                Text {
                    color: Theme.customerText
                    font.pixelSize: Theme.fontNormal
                    text: CustomerDisplay.formatMoney(-modelData.amountFen)
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            visible: view.showsOrder
            color: Theme.customerText
            opacity: 0.4
        }

        Text {
            Layout.fillWidth: true
            visible: view.showsOrder
            horizontalAlignment: Text.AlignHCenter
            color: Theme.customerText
            opacity: 0.8
            font.pixelSize: Theme.fontNormal
            text: qsTr("To pay")
        }
        Text {
            objectName: "customerPayable"
            Layout.fillWidth: true
            visible: view.showsOrder
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontLarge
            color: Theme.customerText
            font.pixelSize: Theme.fontHuge
            font.bold: true
            text: CustomerDisplay.formatMoney(CustomerDisplay.payableFen)
        }

        // The live camera picture while the face is captured, with the face box; the picture exists only then.
        Loader {
            objectName: "facePreviewSlot"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.min(view.width - 4 * Theme.spacing, 320)
            Layout.preferredHeight: Layout.preferredWidth
            active: view.phase === CustomerDisplay.FaceCapture
            visible: active
            sourceComponent: Component {
                CameraPreview {
                    objectName: "customerCameraPreview"
                    active: true
                    faceBox: CustomerDisplay.faceBox
                    boxColor: CustomerDisplay.faceGood ? Theme.ok : Theme.statusBarAttention
                }
            }
        }

        Text {
            objectName: "customerPrompt"
            Layout.fillWidth: true
            visible: text.length > 0
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.customerText
            font.pixelSize: Theme.fontLarge
            text: {
                switch (view.phase) {
                case CustomerDisplay.Paying:
                    return qsTr("Please show your payment code")
                case CustomerDisplay.FaceCapture:
                    return CustomerDisplay.faceAdvice.length > 0 ? CustomerDisplay.faceAdvice
                                                                 : qsTr("Please look at the camera")
                case CustomerDisplay.Processing:
                    return CustomerDisplay.payerConfirming ? qsTr("Please confirm the payment on your phone")
                                                           : qsTr("Payment in progress, please wait")
                case CustomerDisplay.PhoneDigits:
                    return qsTr("Please enter the last 4 digits of your phone number")
                default:
                    return ""
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: resultText.implicitHeight + 2 * Theme.spacing
            visible: view.phase === CustomerDisplay.Result
            radius: Theme.radius
            color: CustomerDisplay.resultSuccess ? Theme.ok : Theme.danger

            Text {
                id: resultText
                objectName: "customerResult"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.primaryText
                font.pixelSize: Theme.fontTitle
                font.bold: true
                text: CustomerDisplay.resultText
            }
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
