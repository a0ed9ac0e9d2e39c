import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// The technician's self-test: each peripheral's state as its driver reports it, the last scan and key, a test
// print and a drawer kick. Nothing here changes the configuration; it shows whether the configured devices work.
Page {
    id: page
    objectName: "devicesPage"

    // The camera test ends with the page: nothing keeps the camera open behind the technician's back.
    Component.onDestruction: Devices.setCameraTesting(false)

    // The driver's state word (DeviceManager) in the current language.
    function stateText(state) {
        switch (state) {
        case "connected": return qsTr("Connected")
        case "disconnected": return qsTr("Disconnected")
        case "error": return qsTr("Error")
        case "absent": return qsTr("Not installed")
        case "checking": return qsTr("Checking…")
        case "stopped": return qsTr("Off")
        case "none": return qsTr("Not installed")
        }
        return state
    }
    function stateColor(state) {
        switch (state) {
        case "connected": return Theme.ok
        case "error": return Theme.danger
        case "disconnected": return Theme.warning
        }
        return Theme.textMuted
    }
    function scanKindText(kind, wallet) {
        if (kind === "payment_code") {
            switch (wallet) {
            case "wechat": return qsTr("WeChat Pay")
            case "alipay": return qsTr("Alipay")
            case "unionpay": return qsTr("UnionPay")
            }
            return qsTr("Payment code")
        }
        switch (kind) {
        case "member_card": return qsTr("Member card")
        case "voucher": return qsTr("Voucher")
        case "unknown": return qsTr("Not recognised")
        case "rejected": return qsTr("Rejected: scan again")
        }
        return qsTr("No scan yet")
    }
    function keyText(key) {
        switch (key) {
        case "": return qsTr("No key yet")
        case "dot": return "."
        case "backspace": return qsTr("Backspace")
        case "clear": return qsTr("Clear")
        case "cancel": return qsTr("Cancel")
        case "confirm": return qsTr("Confirm")
        case "face_pay": return qsTr("Face pay")
        case "settings": return qsTr("Settings")
        }
        return key.toUpperCase()
    }
    function actionText() {
        if (Devices.lastAction === "")
            return ""
        if (Devices.lastAction === "print") {
            if (!Devices.lastActionOk)
                return qsTr("Test page not printed: %1").arg(Devices.lastActionMessage)
            if (Devices.lastActionFile !== "")
                return qsTr("Test page printed on the virtual printer; the image is %1").arg(Devices.lastActionFile)
            return qsTr("Test page printed on %1.").arg(Devices.lastActionMessage)
        }
        if (Devices.lastAction === "voice")
            return Devices.lastActionOk ? qsTr("Speaking: “payment successful, 12.50 yuan”.")
                                        : qsTr("No voice prompt: %1").arg(Devices.lastActionMessage)
        // The drawer's own message already says that it did not open and what to do.
        return Devices.lastActionOk ? qsTr("Drawer kick sent: the drawer should be open.")
                                    : Devices.lastActionMessage
    }

    background: Rectangle {
        color: Theme.background
    }

    // One peripheral: its name, driver, state and whatever the technician can try with it.
    component DeviceCard: Rectangle {
        id: card
        property string title
        property string backend
        property string deviceState
        property alias stateObjectName: stateLabel.objectName
        property string message
        default property alias content: body.data

        Layout.fillWidth: true
        Layout.fillHeight: true
        implicitHeight: column.implicitHeight + Theme.spacing * 2
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: column
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            spacing: Theme.spacing / 2

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
                Text {
                    text: card.title
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                Text {
                    Layout.fillWidth: true
                    text: card.backend
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
                Rectangle {
                    implicitWidth: stateLabel.implicitWidth + Theme.spacing
                    implicitHeight: stateLabel.implicitHeight + Theme.spacing / 4
                    radius: height / 2
                    color: page.stateColor(card.deviceState)
                    visible: card.deviceState !== ""
                    Text {
                        id: stateLabel
                        anchors.centerIn: parent
                        text: page.stateText(card.deviceState)
                        color: Theme.primaryText
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                visible: text !== ""
                text: card.message
                color: card.deviceState === "error" ? Theme.danger : Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            ColumnLayout {
                id: body
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
            }
        }
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
                onClicked: page.StackView.view.pop()
            }
            Text {
                text: qsTr("Device self-test")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: grid.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds

            GridLayout {
                id: grid
                width: parent.width
                columns: 2
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing

                DeviceCard {
                    title: qsTr("Scanner")
                    backend: Devices.scannerBackend
                    deviceState: Devices.scannerStatus
                    stateObjectName: "scannerState"
                    message: Devices.scannerMessage

                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Scan a payment code, member card or voucher.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "lastScan"
                        Layout.fillWidth: true
                        text: Devices.lastScan !== "" ? Devices.lastScan : "—"
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        elide: Text.ElideMiddle
                    }
                    Text {
                        objectName: "lastScanKind"
                        Layout.fillWidth: true
                        text: page.scanKindText(Devices.lastScanKind, Devices.lastScanWallet)
                        color: Devices.lastScanKind === "rejected" ? Theme.danger : Theme.text
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: Devices.lastScanReason !== ""
                        text: Devices.lastScanReason
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: Devices.canSimulateScan
                        spacing: Theme.spacing / 2
                        TextField {
                            objectName: "simulateScanText"
                            id: scanText
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontNormal
                            text: "134567890123456789"
                            placeholderText: qsTr("Code to scan")
                        }
                        Button {
                            objectName: "simulateScan"
                            text: qsTr("Simulate scan")
                            implicitHeight: Theme.touchTarget
                            onClicked: Devices.simulateScan(scanText.text)
                        }
                    }
                }

                DeviceCard {
                    title: qsTr("Keypad")
                    backend: Devices.keypadBackend
                    deviceState: Devices.keypadStatus
                    stateObjectName: "keypadState"
                    message: Devices.keypadMessage

                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Press any key on the amount keypad.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "lastKey"
                        text: page.keyText(Devices.lastKey)
                        color: Devices.lastKey !== "" ? Theme.text : Theme.textMuted
                        font.pixelSize: Devices.lastKey !== "" ? Theme.fontTitle : Theme.fontNormal
                        font.bold: Devices.lastKey !== ""
                    }
                }

                DeviceCard {
                    title: qsTr("Receipt printer")
                    backend: Devices.printerBackend
                    deviceState: Devices.printerStatus
                    stateObjectName: "printerState"
                    message: Devices.printerMessage

                    RowLayout {
                        spacing: Theme.spacing / 2
                        Button {
                            objectName: "printTestPage"
                            text: qsTr("Print test page")
                            implicitHeight: Theme.touchTarget
                            enabled: !Devices.printerBusy
                            onClicked: Devices.printTestPage()
                        }
                        Button {
                            objectName: "checkPrinter"
                            text: qsTr("Check again")
                            implicitHeight: Theme.touchTarget
                            enabled: !Devices.printerBusy
                            onClicked: Devices.checkPrinter()
                        }
                    }
                    Text {
                        objectName: "printResult"
                        Layout.fillWidth: true
                        visible: Devices.lastAction === "print"
                        text: Devices.lastAction === "print" ? page.actionText() : ""
                        color: Devices.lastActionOk ? Theme.ok : Theme.danger
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WrapAnywhere
                    }
                }

                DeviceCard {
                    title: qsTr("Cash drawer")
                    backend: Devices.drawerStatus === "absent" ? "" : qsTr("via the printer")
                    deviceState: Devices.drawerStatus
                    stateObjectName: "drawerState"
                    message: Devices.drawerMessage

                    Button {
                        objectName: "kickDrawer"
                        text: qsTr("Open drawer")
                        implicitHeight: Theme.touchTarget
                        enabled: !Devices.printerBusy && Devices.drawerStatus !== "absent"
                        onClicked: Devices.kickDrawer()
                    }
                    Text {
                        objectName: "drawerResult"
                        Layout.fillWidth: true
                        visible: Devices.lastAction === "drawer"
                        text: Devices.lastAction === "drawer" ? page.actionText() : ""
                        color: Devices.lastActionOk ? Theme.ok : Theme.danger
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                }

                DeviceCard {
                    title: qsTr("Voice prompts")
                    backend: Devices.voiceBackend

                    Button {
                        objectName: "testVoice"
                        text: qsTr("Say a test prompt")
                        implicitHeight: Theme.touchTarget
                        onClicked: Devices.testVoice()
                    }
                    Text {
                        objectName: "voiceResult"
                        Layout.fillWidth: true
                        visible: Devices.lastAction === "voice"
                        text: Devices.lastAction === "voice" ? page.actionText() : ""
                        color: Devices.lastActionOk ? Theme.ok : Theme.danger
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                }

                DeviceCard {
                    title: qsTr("Camera")
                    backend: Devices.cameraDescription
                    deviceState: Devices.cameraStatus
                    stateObjectName: "cameraState"
                    message: Devices.cameraMessage

                    // The live picture while the technician tests the camera; it is never recorded.
                    CameraPreview {
                        objectName: "cameraTestPreview"
                        visible: Devices.cameraTesting
                        active: Devices.cameraTesting
                        Layout.fillWidth: true
                        Layout.preferredHeight: 180
                    }
                    Button {
                        objectName: "testCamera"
                        enabled: Devices.cameraStatus !== "none"
                        text: Devices.cameraTesting ? qsTr("Stop the camera test") : qsTr("Test the camera")
                        implicitHeight: Theme.touchTarget
                        onClicked: Devices.setCameraTesting(!Devices.cameraTesting)
                    }
                    Text {
                        objectName: "cameraNotice"
                        Layout.fillWidth: true
                        text: Devices.cameraStatus === "none"
                              ? qsTr("No camera is configured (devices.camera): face pay is off; payment codes come from the scanner.")
                              : qsTr("Face pay and camera code reading open the camera only while a payment is being taken.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }
}
