pragma Singleton
import QtQuick

// Colours, sizes and fonts for every screen. Nothing else in the UI hard-codes a colour or a pixel size.
QtObject {
    readonly property color background: "#f2f4f7"
    readonly property color surface: "#ffffff"
    readonly property color surfaceMuted: "#e6e9ee"
    readonly property color primary: "#0b8a4f"
    readonly property color primaryText: "#ffffff"
    readonly property color text: "#1d2330"
    readonly property color textMuted: "#667085"
    readonly property color danger: "#c8372d"
    readonly property color warning: "#b76e00"
    readonly property color ok: "#0b8a4f"
    readonly property color statusBar: "#1d2330"
    readonly property color statusBarText: "#f2f4f7"
    readonly property color statusBarAttention: "#ffd27a"
    readonly property color customerBackground: "#0b3d2c"
    readonly property color customerText: "#ffffff"

    readonly property string fontFamily: Qt.application.font.family
    readonly property int fontSmall: 14
    readonly property int fontNormal: 18
    readonly property int fontLarge: 24
    readonly property int fontTitle: 32
    readonly property int fontHuge: 56

    readonly property int spacing: 16
    readonly property int radius: 10
    readonly property int statusBarHeight: 44
    readonly property int tileHeight: 150
    readonly property int customerPaneWidth: 360
    readonly property int touchTarget: 56
}
