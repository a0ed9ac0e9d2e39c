import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Settings → My store → Store details → Clerks (merchant only, docs/terminal-api.md §9.5–9.9): the store's clerk
// accounts from the backend (the cached list, marked as such, when it cannot be reached), a form to create one,
// disable / enable, and a form to reset a password. ClerkManager checks every input before anything is sent and
// says what is wrong (errorText); this page only checks that the password was typed the same way twice.
Page {
    id: page
    objectName: "clerksPage"

    readonly property bool merchant: Session.role === "merchant" && !Session.locked
    // "" (the list alone), "create" or "reset": the form shown beside the list.
    property string panel: ""
    property string resetEmployeeNo: ""
    property string resetName: ""
    // The form's own message (a mismatched confirmation, or the service's answer to the form's request).
    property string formError: ""
    // What the last change did, e.g. "Clerk 1002 created.".
    property string notice: ""

    function statusText(clerk) {
        switch (clerk.status) {
        case "active":
            return qsTr("Active")
        case "disabled":
            return qsTr("Disabled")
        case "locked":
            return clerk.lockedUntil.length > 0 ? qsTr("Locked until %1").arg(page.clockTime(clerk.lockedUntil))
                                                : qsTr("Locked")
        }
        return clerk.status
    }
    function statusColor(status) {
        return status === "active" ? Theme.ok : status === "disabled" ? Theme.textMuted : Theme.warning
    }
    function clockTime(rfc3339) {
        const time = new Date(rfc3339)
        return isNaN(time.getTime()) ? rfc3339 : Qt.formatDateTime(time, "HH:mm")
    }
    function dateTime(value) {
        const time = new Date(value)
        return isNaN(time.getTime()) ? "" : Qt.formatDateTime(time, "yyyy-MM-dd HH:mm")
    }
    function openCreate() {
        Clerks.clearError()
        page.formError = ""
        page.notice = ""
        employeeNoField.text = ""
        nameField.text = ""
        passwordField.text = ""
        confirmField.text = ""
        page.panel = "create"
        employeeNoField.forceActiveFocus()
    }
    function openReset(employeeNo, name) {
        Clerks.clearError()
        page.formError = ""
        page.notice = ""
        page.resetEmployeeNo = employeeNo
        page.resetName = name
        resetPasswordField.text = ""
        resetConfirmField.text = ""
        page.panel = "reset"
        resetPasswordField.forceActiveFocus()
    }
    function closePanel() {
        page.panel = ""
        page.formError = ""
        Clerks.clearError()
    }
    function submitCreate() {
        page.notice = ""
        if (passwordField.text !== confirmField.text) {
            page.formError = qsTr("The two passwords are not the same. Type the password again.")
            return
        }
        page.formError = ""
        Clerks.create(employeeNoField.text, nameField.text, passwordField.text)
    }
    function submitReset() {
        page.notice = ""
        if (resetPasswordField.text !== resetConfirmField.text) {
            page.formError = qsTr("The two passwords are not the same. Type the password again.")
            return
        }
        page.formError = ""
        Clerks.resetPassword(page.resetEmployeeNo, resetPasswordField.text)
    }

    Connections {
        target: Clerks
        function onFinished(action, ok) {
            if (action === "create" || action === "resetPassword") {
                if (!ok) {
                    page.formError = Clerks.errorText
                    return
                }
                page.notice = action === "create"
                        ? qsTr("Clerk %1 created. They can sign in with the new password now.").arg(employeeNoField.text.trim())
                        : qsTr("The password of clerk %1 was reset.").arg(page.resetEmployeeNo)
                passwordField.text = ""
                confirmField.text = ""
                resetPasswordField.text = ""
                resetConfirmField.text = ""
                page.panel = ""
                page.formError = ""
            }
        }
    }

    Component.onCompleted: {
        if (page.merchant)
            Clerks.refresh()
    }

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "backButton"
                text: qsTr("Back")
                implicitHeight: Theme.touchTarget
                enabled: page.StackView.view && page.StackView.view.depth > 1
                onClicked: page.StackView.view.pop()
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Clerks")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            BusyIndicator {
                objectName: "clerksBusy"
                running: Clerks.busy
                visible: Clerks.busy
                implicitHeight: Theme.touchTarget
                implicitWidth: Theme.touchTarget
            }
            Button {
                objectName: "clerksRefresh"
                text: qsTr("Refresh")
                implicitHeight: Theme.touchTarget
                enabled: page.merchant && !Clerks.busy
                onClicked: {
                    page.notice = ""
                    Clerks.refresh()
                }
            }
            Button {
                objectName: "clerkCreateOpen"
                text: qsTr("New clerk")
                implicitHeight: Theme.touchTarget
                highlighted: true
                enabled: page.merchant && !Clerks.busy
                onClicked: page.openCreate()
            }
        }

        Text {
            objectName: "clerksNotMerchant"
            visible: !page.merchant
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pixelSize: Theme.fontNormal
            text: qsTr("Only the merchant manages clerks: sign in with the merchant account to open this page.")
        }

        Text {
            objectName: "clerksCacheNotice"
            visible: page.merchant && Clerks.fromCache && !Clerks.busy
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pixelSize: Theme.fontNormal
            text: {
                const fetched = page.dateTime(Clerks.fetchedAt)
                return fetched.length > 0
                        ? qsTr("The backend cannot be reached: this is the list saved at %1. Changes need the network.").arg(fetched)
                        : qsTr("The backend cannot be reached and no list has been saved on this terminal yet.")
            }
        }

        Text {
            objectName: "clerksError"
            visible: page.panel === "" && Clerks.errorText.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontNormal
            text: Clerks.errorText
        }

        Text {
            objectName: "clerksNotice"
            visible: page.notice.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.ok
            font.pixelSize: Theme.fontNormal
            text: page.notice
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                visible: page.merchant

                ListView {
                    id: list
                    objectName: "clerkList"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    clip: true
                    spacing: 4
                    model: page.merchant ? Clerks.clerks : []

                    delegate: Rectangle {
                        id: row
                        required property var modelData
                        readonly property string employeeNo: modelData.employeeNo
                        objectName: "clerk_" + employeeNo
                        width: ListView.view.width
                        implicitHeight: rowLayout.implicitHeight + Theme.spacing
                        radius: Theme.radius / 2
                        color: page.panel === "reset" && page.resetEmployeeNo === row.employeeNo ? Theme.surfaceMuted
                                                                                                  : "transparent"

                        RowLayout {
                            id: rowLayout
                            anchors.fill: parent
                            anchors.leftMargin: Theme.spacing / 2
                            anchors.rightMargin: Theme.spacing / 2
                            spacing: Theme.spacing
                            Text {
                                objectName: "clerkNo_" + row.employeeNo
                                Layout.preferredWidth: page.panel === "" ? 110 : 90
                                text: row.employeeNo
                                color: Theme.text
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                Text {
                                    objectName: "clerkName_" + row.employeeNo
                                    Layout.fillWidth: true
                                    elide: Text.ElideRight
                                    text: row.modelData.name
                                    color: Theme.text
                                    font.pixelSize: Theme.fontNormal
                                }
                                Text {
                                    objectName: "clerkLastLogin_" + row.employeeNo
                                    Layout.fillWidth: true
                                    elide: Text.ElideRight
                                    text: row.modelData.lastLoginAt.length > 0
                                          ? qsTr("Last sign-in %1").arg(page.dateTime(row.modelData.lastLoginAt))
                                          : qsTr("Never signed in")
                                    color: Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            Text {
                                objectName: "clerkStatus_" + row.employeeNo
                                Layout.preferredWidth: page.panel === "" ? 130 : 90
                                text: page.statusText(row.modelData)
                                color: page.statusColor(row.modelData.status)
                                font.pixelSize: Theme.fontNormal
                            }
                            // While a form is open the list only shows who is who; the actions come back after.
                            Button {
                                objectName: "clerkToggle_" + row.employeeNo
                                visible: page.panel === ""
                                readonly property bool disabling: row.modelData.status !== "disabled"
                                text: disabling ? qsTr("Disable") : qsTr("Enable")
                                implicitHeight: Theme.touchTarget
                                enabled: page.merchant && !Clerks.busy && !Clerks.fromCache
                                onClicked: {
                                    page.notice = ""
                                    page.closePanel()
                                    Clerks.setDisabled(row.employeeNo, disabling)
                                }
                            }
                            Button {
                                objectName: "clerkReset_" + row.employeeNo
                                visible: page.panel === ""
                                text: qsTr("Reset password")
                                implicitHeight: Theme.touchTarget
                                enabled: page.merchant && !Clerks.busy && !Clerks.fromCache
                                onClicked: page.openReset(row.employeeNo, row.modelData.name)
                            }
                        }
                    }
                }

                Text {
                    objectName: "clerkListEmpty"
                    anchors.centerIn: parent
                    visible: list.count === 0 && !Clerks.busy
                    text: qsTr("No clerks yet. Create the first one with “New clerk”.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontNormal
                }
            }

            // The create form.
            Rectangle {
                objectName: "clerkCreateForm"
                visible: page.panel === "create"
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 8

                    Text {
                        text: qsTr("New clerk")
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                    Text { text: qsTr("Employee number (1–8 digits)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    TextField {
                        id: employeeNoField
                        objectName: "clerkEmployeeNo"
                        Layout.fillWidth: true
                        maximumLength: 8
                        inputMethodHints: Qt.ImhDigitsOnly
                        placeholderText: "1002"
                    }
                    Text { text: qsTr("Name"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    TextField {
                        id: nameField
                        objectName: "clerkNameField"
                        Layout.fillWidth: true
                        maximumLength: 32
                    }
                    Text { text: qsTr("Initial password (6–16 characters)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    TextField {
                        id: passwordField
                        objectName: "clerkPassword"
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        maximumLength: 16
                    }
                    Text { text: qsTr("Password again"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    TextField {
                        id: confirmField
                        objectName: "clerkPasswordConfirm"
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        maximumLength: 16
                        onAccepted: page.submitCreate()
                    }
                    Text {
                        objectName: "clerkFormError"
                        visible: page.formError.length > 0
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.danger
                        font.pixelSize: Theme.fontNormal
                        text: page.formError
                    }
                    Item {
                        Layout.fillHeight: true
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "clerkCreateCancel"
                            text: qsTr("Cancel")
                            implicitHeight: Theme.touchTarget
                            onClicked: page.closePanel()
                        }
                        Button {
                            objectName: "clerkCreateSubmit"
                            text: qsTr("Create")
                            highlighted: true
                            implicitHeight: Theme.touchTarget
                            enabled: !Clerks.busy
                            onClicked: page.submitCreate()
                        }
                    }
                }
            }

            // The reset-password form.
            Rectangle {
                objectName: "clerkResetForm"
                visible: page.panel === "reset"
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 8

                    Text {
                        objectName: "clerkResetTitle"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("New password for %1 (%2)").arg(page.resetName).arg(page.resetEmployeeNo)
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                    Text {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("The clerk is signed out on every terminal and signs in again with the new password.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Text { text: qsTr("New password (6–16 characters)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    TextField {
                        id: resetPasswordField
                        objectName: "clerkResetPassword"
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        maximumLength: 16
                    }
                    Text { text: qsTr("Password again"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    TextField {
                        id: resetConfirmField
                        objectName: "clerkResetConfirm"
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        maximumLength: 16
                        onAccepted: page.submitReset()
                    }
                    Text {
                        objectName: "clerkResetError"
                        visible: page.formError.length > 0
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.danger
                        font.pixelSize: Theme.fontNormal
                        text: page.formError
                    }
                    Item {
                        Layout.fillHeight: true
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "clerkResetCancel"
                            text: qsTr("Cancel")
                            implicitHeight: Theme.touchTarget
                            onClicked: page.closePanel()
                        }
                        Button {
                            objectName: "clerkResetSubmit"
                            text: qsTr("Set password")
                            highlighted: true
                            implicitHeight: Theme.touchTarget
                            enabled: !Clerks.busy
                            onClicked: page.submitReset()
                        }
                    }
                }
            }
        }
    }
}
