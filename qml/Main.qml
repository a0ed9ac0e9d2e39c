import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// The kiosk window: status bar on top, the page stack, and the customer display (its own window on a second
// screen, otherwise a preview pane beside the pages).
//
// With followState on, the page follows the device and the person: the activation form while the device is unbound
// (or its request was rejected), the review screen while pending, the unbinding screen while support's unbinding
// is delivering the last records, sign-in once activated, the home page once someone is signed in; and the lock
// screen over everything while the session is locked. followState is off by default, so the page renderer
// (--render-page, --self-test, tests) shows exactly the page it was asked for; the kiosk turns it on.
ApplicationWindow {
    id: root
    objectName: "mainWindow"

    property string startPage: "HomePage"
    property bool followState: false
    readonly property string customerMode: AppState.customerDisplayMode
    readonly property int screenCount: Qt.application.screens.length
    readonly property bool customerWindowShown: customerMode === "window" || (customerMode === "auto" && screenCount > 1)
    readonly property bool customerPaneShown: customerMode === "pane" || (customerMode === "auto" && screenCount <= 1)

    // The page the device's binding and the session call for.
    readonly property string statePage: {
        switch (App.DeviceBinding.state) {
        case "unbound":
        case "rejected":
            return "ActivationPage"
        case "pending":
            return "ActivationPendingPage"
        case "unbinding":
            return "UnbindingPage"
        }
        return Session.signedIn ? "HomePage" : "SignInPage"
    }
    readonly property bool lockShown: root.followState && Session.signedIn && Session.locked
    // The state page on the bottom of the stack (empty before the first one).
    property string shownStatePage: ""

    function pageUrl(name) {
        return Qt.resolvedUrl("pages/" + name + ".qml").toString()
    }
    function openPage(name) {
        pageStack.push(pageUrl(name))
    }
    // Everything on the stack (settings opened on top included) gives way to the page the state calls for.
    function showStatePage() {
        if (!root.followState)
            return
        if (pageStack.depth === 1 && root.shownStatePage === root.statePage)
            return
        root.shownStatePage = root.statePage
        pageStack.replace(null, root.pageUrl(root.statePage), {}, StackView.Immediate)
    }
    function openSettings() {
        if (root.lockShown)
            return
        if (pageStack.currentItem && pageStack.currentItem.objectName === "settingsPage")
            return
        root.openPage("SettingsPage")
    }

    onStatePageChanged: showStatePage()
    onFollowStateChanged: showStatePage()
    Component.onCompleted: showStatePage()

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
        onSettingsClicked: root.openSettings()
    }

    // The keypad's Settings key opens Settings from any screen but the lock screen.
    Connections {
        target: Devices
        function onLastKeyChanged() {
            if (Devices.lastKey === "settings")
                root.openSettings()
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
            initialItem: root.pageUrl(root.startPage)
        }

        CustomerDisplayView {
            objectName: "customerDisplayPane"
            visible: root.customerPaneShown
            preview: true
            Layout.preferredWidth: Theme.customerPaneWidth
            Layout.fillHeight: true
        }
    }

    // Over the status bar and the pages alike: nothing behind it can be touched until the same person unlocks.
    LockPage {
        objectName: "lockOverlay"
        parent: Overlay.overlay
        anchors.fill: parent
        visible: root.lockShown
        z: 100
    }

    CustomerDisplayWindow {
        visible: root.customerWindowShown
        screen: root.screenCount > 1 ? Qt.application.screens[1] : Qt.application.screens[0]
    }
}
