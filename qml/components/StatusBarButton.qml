import QtQuick
import QtQuick.Controls
import FacePOS

// A flat text button in the status bar, tall enough for a finger.
AbstractButton {
    id: button

    implicitWidth: label.implicitWidth + Theme.spacing * 1.5
    implicitHeight: Theme.statusBarHeight - 8
    opacity: enabled ? 1.0 : 0.5

    background: Rectangle {
        radius: Theme.radius / 2
        color: button.down ? Theme.text : "transparent"
        border.color: Theme.textMuted
        border.width: 1
    }
    contentItem: Text {
        id: label
        text: button.text
        color: Theme.statusBarText
        font.pixelSize: Theme.fontSmall
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
