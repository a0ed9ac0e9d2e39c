import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// Pending review (审核中, docs/terminal-api.md §8.4): the serial number and request ID to give support, the merchant
// and store the device will be bound to, when the terminal asks again, and "check now". A touch anywhere asks at once
// too, as the spec wants.
Page {
    id: page
    objectName: "activationPendingPage"

    // An invalid QDateTime reaches QML as a Date whose time is NaN.
    function isValidDate(date) {
        return date instanceof Date && !isNaN(date.getTime())
    }

    background: Rectangle {
        color: Theme.background
    }

    TapHandler {
        onTapped: {
            if (!App.DeviceBinding.busy)
                App.DeviceBinding.checkNow()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            BusyIndicator {
                running: true
                implicitWidth: Theme.touchTarget
                implicitHeight: Theme.touchTarget
            }
            Text {
                objectName: "pendingTitle"
                text: qsTr("Pending review")
                color: Theme.warning
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            text: qsTr("The activation request was sent. Give support the serial number and the request ID below; this screen changes by itself once they have decided.")
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: pendingGrid.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface

            GridLayout {
                id: pendingGrid
                anchors.fill: parent
                anchors.margins: Theme.spacing
                columns: 2
                rowSpacing: 10
                columnSpacing: Theme.spacing * 2

                Text { text: qsTr("Serial number"); color: Theme.textMuted; font.pixelSize: Theme.fontLarge }
                Text {
                    objectName: "pendingSerial"
                    Layout.fillWidth: true
                    text: AppState.deviceSerial
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    wrapMode: Text.WrapAnywhere
                }
                Text { text: qsTr("Request ID"); color: Theme.textMuted; font.pixelSize: Theme.fontLarge }
                Text {
                    objectName: "pendingRequestId"
                    Layout.fillWidth: true
                    text: App.DeviceBinding.requestId
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    font.family: "monospace"
                    wrapMode: Text.WrapAnywhere
                }
                Text { text: qsTr("Merchant"); color: Theme.textMuted }
                Text {
                    objectName: "pendingMerchant"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    text: App.DeviceBinding.merchantName.length > 0 ? App.DeviceBinding.merchantName + " (" + App.DeviceBinding.merchantNo + ")"
                                                           : App.DeviceBinding.merchantNo
                }
                Text { text: qsTr("Store"); color: Theme.textMuted }
                Text {
                    objectName: "pendingStore"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    text: App.DeviceBinding.storeName.length > 0 ? App.DeviceBinding.storeName + " (" + App.DeviceBinding.storeNo + ")"
                                                        : App.DeviceBinding.storeNo
                }
            }
        }

        Text {
            objectName: "pendingNextCheck"
            Layout.fillWidth: true
            color: Theme.textMuted
            text: App.DeviceBinding.busy ? qsTr("Checking…")
                               : page.isValidDate(App.DeviceBinding.nextCheck)
                                 ? qsTr("Next check at %1").arg(Qt.formatTime(App.DeviceBinding.nextCheck, "HH:mm:ss"))
                                 : ""
        }
        Text {
            objectName: "pendingError"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Theme.danger
            text: App.DeviceBinding.busy ? "" : App.DeviceBinding.errorText
        }
        Button {
            objectName: "pendingCheckNow"
            implicitHeight: Theme.touchTarget
            text: qsTr("Check now")
            highlighted: true
            enabled: !App.DeviceBinding.busy
            onClicked: App.DeviceBinding.checkNow()
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
