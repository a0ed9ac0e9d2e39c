import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// One large touch target on the home page.
AbstractButton {
    id: tile

    property string subtitle: ""
    property color accent: Theme.primary

    implicitHeight: Theme.tileHeight
    implicitWidth: 260
    opacity: enabled ? 1.0 : 0.55

    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? Theme.surfaceMuted : Theme.surface
        border.color: tile.visualFocus ? tile.accent : Theme.surfaceMuted
        border.width: 2
        Rectangle {
            width: 8
            height: parent.height - 2 * Theme.radius
            anchors.verticalCenter: parent.verticalCenter
            radius: 4
            color: tile.accent
        }
    }

    contentItem: ColumnLayout {
        spacing: 6
        Text {
            Layout.leftMargin: Theme.spacing * 1.5
            text: tile.text
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Text {
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.fillWidth: true
            visible: tile.subtitle.length > 0
            text: tile.subtitle
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }
}
