import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// Support unbound the device: selling has stopped, and the records taken before the unbinding are still delivered.
// Once none is left (those the backend refused are exported to a file), the device returns to the activation form.
Page {
    id: page
    objectName: "unbindingPage"

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        Text {
            objectName: "unbindingTitle"
            text: qsTr("This device was unbound")
            color: Theme.danger
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("Support removed this device from the merchant. Selling has stopped. The records taken before are delivered first; nothing is deleted.")
        }
        Text {
            objectName: "unbindingReason"
            Layout.fillWidth: true
            visible: App.DeviceBinding.unboundReason.length > 0
            wrapMode: Text.Wrap
            color: Theme.textMuted
            text: qsTr("Reason: %1").arg(App.DeviceBinding.unboundReason)
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: recordsColumn.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface

            ColumnLayout {
                id: recordsColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8

                Text {
                    objectName: "unbindingRecords"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: App.DeviceBinding.unsyncedRecords > 0 ? Theme.warning : Theme.ok
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    text: App.DeviceBinding.unsyncedRecords > 0
                          ? qsTr("%n record(s) still to deliver", "", App.DeviceBinding.unsyncedRecords)
                          : qsTr("Every record is delivered.")
                }
                Text {
                    objectName: "unbindingNetwork"
                    Layout.fillWidth: true
                    visible: App.DeviceBinding.unsyncedRecords > 0
                    wrapMode: Text.Wrap
                    color: Sync.online ? Theme.textMuted : Theme.danger
                    text: Sync.online ? qsTr("Uploading… Keep the terminal switched on.")
                                      : qsTr("Offline: the records upload by themselves when the network is back. Keep the terminal switched on.")
                }
                Text {
                    objectName: "unbindingExportPath"
                    Layout.fillWidth: true
                    visible: App.DeviceBinding.exportPath.length > 0
                    wrapMode: Text.WrapAnywhere
                    color: Theme.warning
                    text: qsTr("Records the backend refused were saved to %1.").arg(App.DeviceBinding.exportPath)
                }
                Button {
                    objectName: "unbindingSyncNow"
                    visible: App.DeviceBinding.unsyncedRecords > 0
                    implicitHeight: Theme.touchTarget
                    text: qsTr("Sync now")
                    onClicked: Sync.syncNow()
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
