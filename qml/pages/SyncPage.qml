import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// The outbox as the cashier and the technician see it: how much waits to be uploaded and for how long, when the
// backend last accepted records, progress while uploading, why the last attempt failed, and the records the backend
// refused (which are never resent on their own). Offline, it says plainly what still works.
Page {
    id: page
    objectName: "syncPage"

    // An invalid QDateTime reaches QML as a Date whose time is NaN.
    function isValidDate(date) {
        return date instanceof Date && !isNaN(date.getTime())
    }
    // How long the oldest record has waited, in the largest whole unit: "3 分钟", "2 hours".
    function ageText(seconds) {
        if (seconds < 60)
            return qsTr("%n second(s)", "", seconds)
        if (seconds < 3600)
            return qsTr("%n minute(s)", "", Math.floor(seconds / 60))
        if (seconds < 86400)
            return qsTr("%n hour(s)", "", Math.floor(seconds / 3600))
        return qsTr("%n day(s)", "", Math.floor(seconds / 86400))
    }
    function dateTimeText(date) {
        return Qt.formatDateTime(date, "yyyy-MM-dd HH:mm:ss")
    }
    // What a refused record is about, from its sync kind or, for a device call of its own, the call.
    function recordKindText(call, kind) {
        switch (call) {
        case "shift_open": return qsTr("Shift opening")
        case "shift_close": return qsTr("Shift handover")
        case "voucher_redeem": return qsTr("Voucher redemption")
        }
        switch (kind) {
        case "order": return qsTr("Order")
        case "payment": return qsTr("Payment")
        case "refund": return qsTr("Refund")
        case "points": return qsTr("Points")
        case "event": return qsTr("Event")
        }
        return kind !== "" ? kind : call
    }
    function stateText() {
        if (!Sync.online)
            return Sync.pending > 0 ? qsTr("Offline: the records upload by themselves when the network is back.")
                                    : qsTr("Offline.")
        if (Sync.draining)
            return qsTr("Uploading…")
        if (Sync.lastError !== "")
            return qsTr("The last upload failed; the terminal tries again by itself.")
        if (Sync.pending > 0)
            return qsTr("Waiting to upload.")
        return qsTr("Every record is uploaded.")
    }

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
                text: qsTr("Data sync")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        // Offline: what the cashier may still do, before anything else.
        Rectangle {
            objectName: "syncOfflineNotice"
            Layout.fillWidth: true
            visible: !Sync.online
            implicitHeight: offlineText.implicitHeight + Theme.spacing * 1.5
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.warning
            border.width: 2

            Text {
                id: offlineText
                objectName: "syncOfflineText"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.spacing
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontNormal
                text: qsTr("No network. Cash sales still work: they are kept on this terminal and uploaded when the "
                           + "network is back. WeChat Pay, Alipay, UnionPay and face pay need the network and cannot "
                           + "be taken until then.")
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: summary.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface

            ColumnLayout {
                id: summary
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacing
                spacing: Theme.spacing / 2

                GridLayout {
                    Layout.fillWidth: true
                    columns: 3
                    columnSpacing: Theme.spacing * 2
                    rowSpacing: 4

                    Text {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("Waiting to upload")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("Oldest record waiting for")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("Last successful sync")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Text {
                        objectName: "syncPendingCount"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("%n record(s)", "", Sync.pending)
                        color: Sync.pending > 0 ? Theme.warning : Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                    Text {
                        objectName: "syncOldestAge"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: Sync.pending > 0 ? page.ageText(Sync.oldestPendingAgeSeconds) : "—"
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                    Text {
                        objectName: "syncLastSuccess"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: page.isValidDate(Sync.lastSuccess) ? page.dateTimeText(Sync.lastSuccess)
                                                                 : qsTr("Not yet")
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        elide: Text.ElideRight
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing / 2
                    spacing: Theme.spacing

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2

                        Text {
                            objectName: "syncState"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: page.stateText()
                            color: {
                                if (!Sync.online)
                                    return Theme.warning
                                return Sync.lastError !== "" && !Sync.draining ? Theme.danger : Theme.text
                            }
                            font.pixelSize: Theme.fontNormal
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            visible: Sync.draining
                            spacing: Theme.spacing / 2
                            ProgressBar {
                                objectName: "syncProgress"
                                Layout.fillWidth: true
                                from: 0
                                to: 1
                                value: Sync.progress
                            }
                            Text {
                                objectName: "syncProgressText"
                                text: qsTr("%1% done").arg(Math.round(Sync.progress * 100))
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        Text {
                            objectName: "syncLastError"
                            Layout.fillWidth: true
                            visible: Sync.lastError !== ""
                            wrapMode: Text.Wrap
                            text: qsTr("Reason: %1").arg(Sync.lastError)
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                        Text {
                            objectName: "syncNextAttempt"
                            Layout.fillWidth: true
                            visible: page.isValidDate(Sync.nextAttempt)
                            text: page.isValidDate(Sync.nextAttempt)
                                  ? qsTr("Next attempt at %1").arg(Qt.formatTime(Sync.nextAttempt, "HH:mm:ss")) : ""
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    Button {
                        objectName: "syncNowButton"
                        Layout.alignment: Qt.AlignTop
                        text: qsTr("Sync now")
                        implicitHeight: Theme.touchTarget
                        // Offline there is nothing to try; while uploading a round is already running.
                        enabled: Sync.online && !Sync.draining
                        onClicked: Sync.syncNow()
                    }
                }
            }
        }

        RowLayout {
            Layout.topMargin: Theme.spacing / 2
            spacing: Theme.spacing
            Text {
                objectName: "deadLetterTitle"
                text: qsTr("Refused by the backend (%1)").arg(Sync.dead)
                color: Theme.text
                font.pixelSize: Theme.fontLarge
            }
        }
        Text {
            Layout.fillWidth: true
            visible: Sync.dead > 0
            wrapMode: Text.Wrap
            text: qsTr("These records are not sent again by themselves. Check the reason; once it is fixed on the "
                       + "backend, send the record again.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Text {
            objectName: "deadLetterEmpty"
            visible: deadLetterList.count === 0
            text: qsTr("None: the backend accepted every record.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
        }

        ListView {
            id: deadLetterList
            objectName: "deadLetterList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            boundsBehavior: Flickable.StopAtBounds
            model: Sync.deadLetters
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: letter
                required property var modelData

                objectName: "deadLetter_" + modelData.id
                width: ListView.view.width
                implicitHeight: letterRow.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.surface

                RowLayout {
                    id: letterRow
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    spacing: Theme.spacing

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing / 2
                            Text {
                                objectName: "deadLetterReference_" + letter.modelData.id
                                Layout.fillWidth: true
                                elide: Text.ElideMiddle
                                text: page.recordKindText(letter.modelData.call, letter.modelData.kind)
                                      + (letter.modelData.reference !== "" ? " · " + letter.modelData.reference : "")
                                color: Theme.text
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                            }
                            Rectangle {
                                implicitWidth: codeLabel.implicitWidth + Theme.spacing
                                implicitHeight: codeLabel.implicitHeight + 4
                                radius: height / 2
                                color: Theme.warning
                                Text {
                                    id: codeLabel
                                    objectName: "deadLetterCode_" + letter.modelData.id
                                    anchors.centerIn: parent
                                    text: letter.modelData.errCode
                                    color: Theme.primaryText
                                    font.pixelSize: Theme.fontSmall
                                    font.bold: true
                                }
                            }
                            Text {
                                objectName: "deadLetterTime_" + letter.modelData.id
                                text: page.isValidDate(letter.modelData.deadAt)
                                      ? page.dateTimeText(letter.modelData.deadAt) : ""
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        Text {
                            objectName: "deadLetterReason_" + letter.modelData.id
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: letter.modelData.message
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    Button {
                        objectName: "sendAgain_" + letter.modelData.id
                        text: qsTr("Send again")
                        implicitHeight: Theme.touchTarget
                        onClicked: Sync.sendAgain(letter.modelData.id)
                    }
                }
            }
        }
    }
}
