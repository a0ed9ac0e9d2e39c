import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// The on-screen twin of the counter keypad: digits, 00, dot, backspace and clear, each a large target. Keys go to
// Checkout.pressKey by the keypad's key names, so touch and keypad edit the amount the same way. Items are named
// key_0 … key_9, key_00, key_dot, key_backspace, key_clear.
GridLayout {
    id: keypad

    columns: 4
    rowSpacing: Theme.spacing / 2
    columnSpacing: Theme.spacing / 2

    // The keys, row by row; "" leaves a cell empty (the phone confirmation uses digits only).
    property var layoutKeys: ["7", "8", "9", "backspace", "4", "5", "6", "clear", "1", "2", "3", "", "00", "0", "dot", ""]

    function label(name) {
        switch (name) {
        case "dot":
            return "."
        case "backspace":
            return qsTr("⌫ Delete")
        case "clear":
            return qsTr("Clear")
        }
        return name
    }

    Repeater {
        model: keypad.layoutKeys
        delegate: Button {
            required property string modelData
            objectName: modelData.length > 0 ? "key_" + modelData : ""
            // An empty cell keeps its place in the grid (an invisible item would give it up).
            opacity: modelData.length > 0 ? 1 : 0
            enabled: modelData.length > 0
            Layout.fillWidth: true
            Layout.preferredWidth: 110
            implicitHeight: Theme.touchTarget + 16
            font.pixelSize: modelData.length > 2 ? Theme.fontNormal : Theme.fontTitle
            text: keypad.label(modelData)
            focusPolicy: Qt.NoFocus
            onClicked: Checkout.pressKey(modelData)
        }
    }
}
