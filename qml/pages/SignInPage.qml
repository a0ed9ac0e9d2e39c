import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS
import FacePOS as App

// Sign-in on an activated terminal (docs/terminal-api.md §9): the merchant with the merchant password, or a clerk
// with employee number and password. The merchant account is signed in on one terminal at a time; the others are
// told to use a clerk account. Five wrong passwords lock sign-in for five minutes, counted down on the screen.
Page {
    id: page
    objectName: "signInPage"

    readonly property bool clerkMode: tabs.currentIndex === 1
    readonly property int lockoutLeft: Session.lockoutSecondsLeft
    readonly property bool lockedOut: lockoutLeft > 0
    readonly property bool merchantElsewhere: Session.errorCode === "api.MERCHANT_SESSION_ACTIVE"

    // "4:59"
    function countdownText(seconds) {
        const minutes = Math.floor(seconds / 60)
        const rest = seconds % 60
        return minutes + ":" + (rest < 10 ? "0" : "") + rest
    }
    function signIn() {
        if (page.clerkMode)
            Session.signInClerk(employeeNoField.text.trim(), clerkPasswordField.text)
        else
            Session.signInMerchant(merchantPasswordField.text)
    }
    function useClerkAccount() {
        tabs.currentIndex = 1
        employeeNoField.forceActiveFocus()
    }

    // The chosen account kind stands out in the theme colour.
    component SignInTab: TabButton {
        id: tab
        implicitHeight: Theme.touchTarget
        background: Rectangle {
            color: tab.checked ? Theme.primary : Theme.surfaceMuted
            radius: Theme.radius / 2
        }
        contentItem: Text {
            text: tab.text
            color: tab.checked ? Theme.primaryText : Theme.text
            font.pixelSize: Theme.fontNormal
            font.bold: tab.checked
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    background: Rectangle {
        color: Theme.background
    }

    // Passwords leave the screen once an attempt is answered, whatever the answer.
    readonly property bool busy: Session.busy
    onBusyChanged: {
        if (!busy) {
            merchantPasswordField.text = ""
            clerkPasswordField.text = ""
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.spacing * 4, 560)
        spacing: Theme.spacing

        Text {
            objectName: "signInStore"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: App.DeviceBinding.storeName.length > 0 ? App.DeviceBinding.storeName : qsTr("FacePOS")
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            text: qsTr("Sign in to take payments")
        }

        TabBar {
            id: tabs
            objectName: "signInTabs"
            Layout.fillWidth: true
            onCurrentIndexChanged: Session.clearError()
            SignInTab {
                objectName: "signInMerchantTab"
                text: qsTr("Merchant")
            }
            SignInTab {
                objectName: "signInClerkTab"
                text: qsTr("Clerk")
            }
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

                // Merchant
                Text {
                    objectName: "signInMerchantAccount"
                    visible: !page.clerkMode
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    text: qsTr("Merchant account %1").arg(App.DeviceBinding.merchantName.length > 0
                                                           ? App.DeviceBinding.merchantName + " (" + App.DeviceBinding.merchantNo + ")"
                                                           : App.DeviceBinding.merchantNo)
                }
                Text {
                    visible: !page.clerkMode
                    text: qsTr("Merchant password")
                    color: Theme.textMuted
                }
                TextField {
                    id: merchantPasswordField
                    objectName: "merchantPassword"
                    visible: !page.clerkMode
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    maximumLength: 32
                    enabled: !Session.busy && !page.lockedOut
                    onAccepted: page.signIn()
                }

                // Clerk
                Text {
                    visible: page.clerkMode
                    text: qsTr("Employee number")
                    color: Theme.textMuted
                }
                TextField {
                    id: employeeNoField
                    objectName: "clerkEmployeeNo"
                    visible: page.clerkMode
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("1–8 digits")
                    inputMethodHints: Qt.ImhDigitsOnly
                    maximumLength: 8
                    validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
                    enabled: !Session.busy && !page.lockedOut
                    onAccepted: clerkPasswordField.forceActiveFocus()
                }
                Text {
                    visible: page.clerkMode
                    text: qsTr("Password")
                    color: Theme.textMuted
                }
                TextField {
                    id: clerkPasswordField
                    objectName: "clerkPassword"
                    visible: page.clerkMode
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    maximumLength: 16
                    enabled: !Session.busy && !page.lockedOut
                    onAccepted: page.signIn()
                }

                Text {
                    objectName: "signInLockout"
                    visible: page.lockedOut
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    text: qsTr("Too many wrong passwords. Sign-in is locked for %1.").arg(page.countdownText(page.lockoutLeft))
                }
                Text {
                    objectName: "signInError"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    // The lockout has its own live countdown above.
                    text: Session.busy || (page.lockedOut && (Session.errorCode === "session.locked_out"
                                                              || Session.errorCode === "api.ACCOUNT_LOCKED"))
                          ? "" : Session.errorText
                }
                Button {
                    objectName: "signInUseClerk"
                    visible: page.merchantElsewhere && !page.clerkMode
                    implicitHeight: Theme.touchTarget
                    text: qsTr("Sign in with a clerk account")
                    onClicked: page.useClerkAccount()
                }
                RowLayout {
                    spacing: Theme.spacing
                    Button {
                        objectName: "signInButton"
                        implicitHeight: Theme.touchTarget
                        text: qsTr("Sign in")
                        highlighted: true
                        enabled: !Session.busy && !page.lockedOut
                        onClicked: page.signIn()
                    }
                    BusyIndicator {
                        objectName: "signInBusy"
                        visible: Session.busy
                        running: Session.busy
                        implicitWidth: Theme.touchTarget
                        implicitHeight: Theme.touchTarget
                    }
                }
            }
        }
    }
}
