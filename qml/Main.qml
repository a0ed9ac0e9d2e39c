import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// The kiosk window: status bar on top, the page stack, and the customer display (its own window on a second
// screen, otherwise a preview pane beside the pages).
ApplicationWindow {
    id: root
    objectName: "mainWindow"

    property string startPage: "HomePage"
    readonly property string customerMode: AppState.customerDisplayMode
    readonly property int screenCount: Qt.application.screens.length
    readonly property bool customerWindowShown: customerMode === "window" || (customerMode === "auto" && screenCount > 1)
    readonly property bool customerPaneShown: customerMode === "pane" || (customerMode === "auto" && screenCount <= 1)

    function openPage(name) {
        pageStack.push(Qt.resolvedUrl("pages/" + name + ".qml").toString())
    }

    width: 1280
    height: 800
    title: qsTr("FacePOS")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontNormal

    header: StatusBar {
        objectName: "statusBar"
        onSyncClicked: {
            if (pageStack.currentItem && pageStack.currentItem.objectName !== "syncPage")
                root.openPage("SyncPage")
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        StackView {
            id: pageStack
            objectName: "pageStack"
            Layout.fillWidth: true
            Layout.fillHeight: true
            // StackView (6.4) ignores a url-typed initialItem; it takes an Item, a Component or a string.
            initialItem: Qt.resolvedUrl("pages/" + root.startPage + ".qml").toString()
        }

        CustomerDisplayView {
            objectName: "customerDisplayPane"
            visible: root.customerPaneShown
            preview: true
            Layout.preferredWidth: Theme.customerPaneWidth
            Layout.fillHeight: true
        }
    }

    CustomerDisplayWindow {
        visible: root.customerWindowShown
        screen: root.screenCount > 1 ? Qt.application.screens[1] : Qt.application.screens[0]
    }
}
