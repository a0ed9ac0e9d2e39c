import QtQuick
import QtQuick.Window
import FacePOS

// The customer-facing screen when the device has a second display.
Window {
    objectName: "customerDisplayWindow"
    flags: Qt.FramelessWindowHint
    width: screen ? screen.width : 800
    height: screen ? screen.height : 480
    title: qsTr("Customer display")

    CustomerDisplayView {
        anchors.fill: parent
    }
}
