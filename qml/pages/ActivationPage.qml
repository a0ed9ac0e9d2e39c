import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// The unbound device (docs/terminal-api.md §8): what the technician reads to support (serial number, model, software
// version, network, backend), and the merchant account and password that submit the bind-activation request. After
// support rejected a request it shows the reason instead, and "submit again" returns to the form.
Page {
    id: page
    objectName: "activationPage"

    readonly property bool rejected: App.DeviceBinding.state === "rejected"

    function submit() {
        App.DeviceBinding.submit(merchantNoField.text.trim(), passwordField.text, storeNoField.text.trim())
    }

    background: Rectangle {
        color: Theme.background
    }

    // The password is not kept on the screen once it has been sent, whatever the answer.
    readonly property bool busy: App.DeviceBinding.busy
    onBusyChanged: {
        if (!busy)
            passwordField.text = ""
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            Text {
                Layout.topMargin: Theme.spacing * 2
                Layout.leftMargin: Theme.spacing * 2
                text: page.rejected ? qsTr("Activation request rejected") : qsTr("Activate this device")
                color: page.rejected ? Theme.danger : Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Text {
                Layout.leftMargin: Theme.spacing * 2
                Layout.rightMargin: Theme.spacing * 2
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textMuted
                text: page.rejected
                      ? qsTr("Support did not approve the request. Check the reason, correct it, and submit again.")
                      : qsTr("This device is not bound to a merchant yet. Sign in with the merchant account to send the activation request; support then reviews it.")
            }

            // Records the backend refused while support was unbinding the device, saved for the technician.
            Rectangle {
                objectName: "activationExportNotice"
                visible: App.DeviceBinding.exportPath.length > 0
                Layout.leftMargin: Theme.spacing * 2
                Layout.rightMargin: Theme.spacing * 2
                Layout.fillWidth: true
                implicitHeight: exportText.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.surfaceMuted
                Text {
                    id: exportText
                    objectName: "activationExportPath"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    wrapMode: Text.WrapAnywhere
                    color: Theme.warning
                    font.pixelSize: Theme.fontSmall
                    text: qsTr("Records the backend refused were saved to %1. Copy them before they are needed.")
                          .arg(App.DeviceBinding.exportPath)
                }
            }

            RowLayout {
                Layout.leftMargin: Theme.spacing * 2
                Layout.rightMargin: Theme.spacing * 2
                Layout.fillWidth: true
                spacing: Theme.spacing * 2

                // What support asks for.
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 380
                    implicitHeight: factsGrid.implicitHeight + Theme.spacing * 2
                    radius: Theme.radius
                    color: Theme.surface

                    GridLayout {
                        id: factsGrid
                        objectName: "activationFacts"
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        columns: 2
                        rowSpacing: 8
                        columnSpacing: Theme.spacing

                        Text { text: qsTr("Serial number"); color: Theme.textMuted }
                        Text {
                            objectName: "activationSerial"
                            Layout.fillWidth: true
                            text: AppState.deviceSerial
                            color: Theme.text
                            font.bold: true
                            wrapMode: Text.WrapAnywhere
                        }
                        Text { text: qsTr("Model"); color: Theme.textMuted }
                        Text {
                            objectName: "activationModel"
                            Layout.fillWidth: true
                            text: AppState.deviceModel
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                        Text { text: qsTr("Software version"); color: Theme.textMuted }
                        Text {
                            objectName: "activationVersion"
                            Layout.fillWidth: true
                            text: AppState.softwareVersion
                            color: Theme.text
                        }
                        Text { text: qsTr("Network"); color: Theme.textMuted }
                        Text {
                            objectName: "activationNetwork"
                            Layout.fillWidth: true
                            text: AppState.networkOnline ? qsTr("Connected") : qsTr("Not connected")
                            color: AppState.networkOnline ? Theme.ok : Theme.danger
                        }
                        Text { text: qsTr("Backend"); color: Theme.textMuted }
                        Text {
                            objectName: "activationBackend"
                            Layout.fillWidth: true
                            text: AppState.backendUrl
                            color: Theme.text
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                }

                // The form, or the rejection.
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    Layout.fillWidth: true
                    implicitHeight: (page.rejected ? rejectedColumn.implicitHeight : formColumn.implicitHeight)
                                    + Theme.spacing * 2
                    radius: Theme.radius
                    color: Theme.surface

                    ColumnLayout {
                        id: formColumn
                        visible: !page.rejected
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacing
                        spacing: 8

                        Text { text: qsTr("Merchant number"); color: Theme.textMuted }
                        TextField {
                            id: merchantNoField
                            objectName: "activationMerchantNo"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            placeholderText: qsTr("8–12 digits")
                            inputMethodHints: Qt.ImhDigitsOnly
                            maximumLength: 12
                            validator: RegularExpressionValidator { regularExpression: /[0-9]{0,12}/ }
                            enabled: !App.DeviceBinding.busy
                        }
                        Text { text: qsTr("Merchant password"); color: Theme.textMuted }
                        TextField {
                            id: passwordField
                            objectName: "activationPassword"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            echoMode: TextInput.Password
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            maximumLength: 32
                            enabled: !App.DeviceBinding.busy
                            onAccepted: page.submit()
                        }
                        Text { text: qsTr("Store number (optional)"); color: Theme.textMuted }
                        TextField {
                            id: storeNoField
                            objectName: "activationStoreNo"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            placeholderText: qsTr("The merchant's first store")
                            maximumLength: 32
                            enabled: !App.DeviceBinding.busy
                        }
                        Text {
                            objectName: "activationError"
                            Layout.fillWidth: true
                            visible: text.length > 0
                            wrapMode: Text.Wrap
                            color: Theme.danger
                            text: App.DeviceBinding.busy ? "" : App.DeviceBinding.errorText
                        }
                        RowLayout {
                            spacing: Theme.spacing
                            Button {
                                objectName: "activationSubmit"
                                implicitHeight: Theme.touchTarget
                                text: qsTr("Send activation request")
                                enabled: !App.DeviceBinding.busy
                                highlighted: true
                                onClicked: page.submit()
                            }
                            BusyIndicator {
                                objectName: "activationBusy"
                                visible: App.DeviceBinding.busy
                                running: App.DeviceBinding.busy
                                implicitHeight: Theme.touchTarget
                                implicitWidth: Theme.touchTarget
                            }
                        }
                    }

                    ColumnLayout {
                        id: rejectedColumn
                        visible: page.rejected
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacing
                        spacing: 8

                        Text { text: qsTr("Reason"); color: Theme.textMuted }
                        Text {
                            objectName: "activationRejectReason"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            color: Theme.danger
                            font.pixelSize: Theme.fontLarge
                            text: App.DeviceBinding.rejectReason.length > 0 ? App.DeviceBinding.rejectReason : qsTr("No reason was given.")
                        }
                        Text { text: qsTr("Request ID"); color: Theme.textMuted }
                        Text {
                            objectName: "activationRejectedRequestId"
                            Layout.fillWidth: true
                            wrapMode: Text.WrapAnywhere
                            color: Theme.text
                            text: App.DeviceBinding.requestId
                        }
                        Button {
                            objectName: "activationStartOver"
                            Layout.topMargin: Theme.spacing
                            implicitHeight: Theme.touchTarget
                            text: qsTr("Submit again")
                            highlighted: true
                            onClicked: App.DeviceBinding.startOver()
                        }
                    }
                }
            }

            Item {
                Layout.preferredHeight: Theme.spacing
            }
        }
    }
}
