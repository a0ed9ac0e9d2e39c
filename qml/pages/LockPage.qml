import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// The terminal locked itself after being idle (or the cashier locked it): only the same person's password opens it
// again; anyone else signs that person out first. Covers the whole window, status bar included.
Page {
    id: page
    objectName: "lockPage"

    readonly property int lockoutLeft: Session.lockoutSecondsLeft
    readonly property bool lockedOut: lockoutLeft > 0

    function countdownText(seconds) {
        const minutes = Math.floor(seconds / 60)
        const rest = seconds % 60
        return minutes + ":" + (rest < 10 ? "0" : "") + rest
    }
    function unlock() {
        Session.unlock(passwordField.text)
    }

    background: Rectangle {
        color: Theme.statusBar
    }

    // Nothing under the lock screen reacts to a touch.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }

    readonly property bool busy: Session.busy
    onBusyChanged: {
        if (!busy)
            passwordField.text = ""
    }
    onVisibleChanged: {
        passwordField.text = ""
        if (visible)
            passwordField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.spacing * 4, 520)
        spacing: Theme.spacing

        Text {
            objectName: "lockTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Locked")
            color: Theme.statusBarText
            font.pixelSize: Theme.fontHuge
            font.bold: true
        }
        Text {
            objectName: "lockPerson"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.statusBarText
            font.pixelSize: Theme.fontLarge
            text: Session.displayName.length > 0 ? qsTr("%1, enter your password to continue.").arg(Session.displayName)
                                                 : qsTr("Enter your password to continue.")
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: formColumn.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface

            ColumnLayout {
                id: formColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacing
                spacing: 8

                Text {
                    text: qsTr("Password")
                    color: Theme.textMuted
                }
                TextField {
                    id: passwordField
                    objectName: "lockPassword"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    maximumLength: 32
                    enabled: !Session.busy && !page.lockedOut
                    onAccepted: page.unlock()
                }
                Text {
                    objectName: "lockLockout"
                    visible: page.lockedOut
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    text: qsTr("Too many wrong passwords. Unlocking is blocked for %1.").arg(page.countdownText(page.lockoutLeft))
                }
                Text {
                    objectName: "lockError"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    text: Session.busy || (page.lockedOut && (Session.errorCode === "session.locked_out"
                                                              || Session.errorCode === "api.ACCOUNT_LOCKED"))
                          ? "" : Session.errorText
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Button {
                        objectName: "lockUnlockButton"
                        implicitHeight: Theme.touchTarget
                        text: qsTr("Unlock")
                        highlighted: true
                        enabled: !Session.busy && !page.lockedOut
                        onClicked: page.unlock()
                    }
                    BusyIndicator {
                        visible: Session.busy
                        running: Session.busy
                        implicitWidth: Theme.touchTarget
                        implicitHeight: Theme.touchTarget
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: "lockSignOutButton"
                        implicitHeight: Theme.touchTarget
                        text: qsTr("Sign out")
                        enabled: !Session.busy
                        onClicked: Session.signOut()
                    }
                }
            }
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.statusBarAttention
            font.pixelSize: Theme.fontSmall
            text: qsTr("Someone else? Sign out, then sign in with your own account.")
        }
    }
}
