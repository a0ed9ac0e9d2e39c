import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// Shift handover (交接班, docs/terminal-api.md §10). With no shift open: the opening cash float and "open shift".
// With a shift open: who opened it, since when, with what float, and the count of the drawer that leads to the
// handover report (ShiftReportPage), where the close is confirmed. Amounts are typed in yuan and turned into
// integer fen by parsing the text: money never passes through floating point.
Page {
    id: page
    objectName: "shiftPage"

    readonly property bool mine: Shift.open && Shift.operatorId === Session.operatorId
    readonly property bool mayClose: Shift.open && (page.mine || Session.role === "merchant")
    property string inputError: ""

    // Fen from the yuan the cashier typed ("500", "500.5", "500.50"); -1 when the text is not such an amount.
    function parseFen(text) {
        const match = /^([0-9]{1,7})(?:\.([0-9]{0,2}))?$/.exec(text.trim())
        if (!match)
            return -1
        const cents = ((match[2] === undefined ? "" : match[2]) + "00").substring(0, 2)
        return parseInt(match[1], 10) * 100 + parseInt(cents, 10)
    }
    function yuan(fen) {
        const abs = Math.abs(fen)
        const cents = abs % 100
        return (fen < 0 ? "-" : "") + "¥" + Math.floor(abs / 100) + "." + (cents < 10 ? "0" : "") + cents
    }
    function dateTime(value) {
        const time = new Date(value)
        return isNaN(time.getTime()) ? "—" : Qt.formatDateTime(time, "yyyy-MM-dd HH:mm:ss")
    }
    function openShift() {
        Shift.clearError()
        const fen = page.parseFen(openingField.text)
        if (fen < 0) {
            page.inputError = qsTr("Enter the cash float in yuan with at most two decimals, e.g. 500 or 500.00.")
            return
        }
        page.inputError = ""
        if (Shift.openShift(fen))
            openingField.text = ""
    }
    function reviewClose() {
        Shift.clearError()
        const fen = page.parseFen(countedField.text)
        if (fen < 0) {
            page.inputError = qsTr("Enter the cash counted in the drawer in yuan with at most two decimals, e.g. 593.00.")
            return
        }
        page.inputError = ""
        page.StackView.view.push(Qt.resolvedUrl("ShiftReportPage.qml").toString(),
                                 {"mode": "preview", "countedCashFee": fen})
    }

    Component.onCompleted: Shift.clearError()

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "backButton"
                text: qsTr("Back")
                implicitHeight: Theme.touchTarget
                enabled: page.StackView.view && page.StackView.view.depth > 1
                onClicked: page.StackView.view.pop()
            }
            Text {
                text: qsTr("Shift handover")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        Text {
            objectName: "shiftSignInFirst"
            visible: !Session.signedIn
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pixelSize: Theme.fontNormal
            text: qsTr("Sign in first: a shift belongs to the person who opens it.")
        }

        // No shift open: the opening float.
        Rectangle {
            objectName: "shiftOpenForm"
            visible: Session.signedIn && !Shift.open
            Layout.fillWidth: true
            implicitHeight: openColumn.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface

            ColumnLayout {
                id: openColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing

                Text {
                    text: qsTr("No shift is open")
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontNormal
                    text: qsTr("Count the cash in the drawer and open your shift before taking payments. %1 opens it.")
                          .arg(Session.displayName)
                }
                RowLayout {
                    spacing: Theme.spacing
                    Text {
                        text: qsTr("Opening cash float (yuan)")
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                    }
                    TextField {
                        id: openingField
                        objectName: "openingFloat"
                        Layout.preferredWidth: 220
                        implicitHeight: Theme.touchTarget
                        font.pixelSize: Theme.fontLarge
                        inputMethodHints: Qt.ImhFormattedNumbersOnly
                        placeholderText: "0.00"
                        maximumLength: 10
                        onAccepted: page.openShift()
                    }
                    Button {
                        objectName: "openShiftButton"
                        text: qsTr("Open shift")
                        highlighted: true
                        implicitHeight: Theme.touchTarget
                        onClicked: page.openShift()
                    }
                }
                Button {
                    objectName: "openLastReport"
                    visible: Shift.lastReport.shiftNo !== undefined
                    text: qsTr("Last handover report")
                    implicitHeight: Theme.touchTarget
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("ShiftReportPage.qml").toString(),
                                                        {"mode": "closed"})
                }
            }
        }

        // A shift is open: who, since when, the float; then the count of the drawer.
        Rectangle {
            objectName: "shiftCurrent"
            visible: Shift.open
            Layout.fillWidth: true
            implicitHeight: currentColumn.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface

            ColumnLayout {
                id: currentColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing

                Text {
                    text: qsTr("Shift open")
                    color: Theme.ok
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                GridLayout {
                    columns: 2
                    rowSpacing: 8
                    columnSpacing: Theme.spacing * 2

                    Text { text: qsTr("Shift number"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text { objectName: "shiftNoText"; text: Shift.shiftNo; color: Theme.text; font.pixelSize: Theme.fontNormal }
                    Text { text: qsTr("Opened by"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text {
                        objectName: "shiftOperator"
                        text: page.mine && Session.displayName.length > 0
                              ? Session.displayName + " (" + Shift.operatorId + ")" : Shift.operatorId
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                    }
                    Text { text: qsTr("Since"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text { objectName: "shiftSince"; text: page.dateTime(Shift.openedAt); color: Theme.text; font.pixelSize: Theme.fontNormal }
                    Text { text: qsTr("Opening cash float"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text { objectName: "shiftFloat"; text: page.yuan(Shift.openingCashFee); color: Theme.text; font.pixelSize: Theme.fontNormal }
                }
                Text {
                    objectName: "shiftNotYours"
                    visible: Shift.open && !page.mayClose
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.warning
                    font.pixelSize: Theme.fontNormal
                    text: qsTr("This shift was opened by %1. Only they or the merchant can close it.").arg(Shift.operatorId)
                }
                Text {
                    visible: page.mayClose
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontNormal
                    text: qsTr("To hand over, count the cash in the drawer and enter it: the handover report comes next.")
                }
                RowLayout {
                    visible: page.mayClose
                    spacing: Theme.spacing
                    Text {
                        text: qsTr("Cash counted (yuan)")
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                    }
                    TextField {
                        id: countedField
                        objectName: "countedCash"
                        Layout.preferredWidth: 220
                        implicitHeight: Theme.touchTarget
                        font.pixelSize: Theme.fontLarge
                        inputMethodHints: Qt.ImhFormattedNumbersOnly
                        placeholderText: "0.00"
                        maximumLength: 10
                        onAccepted: page.reviewClose()
                    }
                    Button {
                        objectName: "closeShiftButton"
                        text: qsTr("Close shift")
                        highlighted: true
                        implicitHeight: Theme.touchTarget
                        onClicked: page.reviewClose()
                    }
                }
            }
        }

        Text {
            objectName: "shiftError"
            visible: text.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontNormal
            text: page.inputError.length > 0 ? page.inputError : Shift.errorText
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
