import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FacePOS

// The handover report (交接班报告, docs/terminal-api.md §10.2). In "preview" it is the report as it would be if the
// open shift closed now with `countedCashFee` in the drawer, and "Confirm handover" closes the shift (stored,
// printed, queued for the backend). In "closed" it is the report of the shift closed last, with "Reprint".
Page {
    id: page
    objectName: "shiftReportPage"

    property string mode: "closed"
    property double countedCashFee: 0
    readonly property var report: page.mode === "preview" ? Shift.preview(page.countedCashFee) : Shift.lastReport
    readonly property bool hasReport: page.report !== undefined && page.report.shiftNo !== undefined
    readonly property var totals: page.hasReport && page.report.totals ? page.report.totals : []
    readonly property real cashDiff: page.hasReport ? page.report.cashDiffFee : 0
    property string printNotice: ""

    function yuan(fen) {
        const abs = Math.abs(fen)
        const cents = abs % 100
        return (fen < 0 ? "-" : "") + "¥" + Math.floor(abs / 100) + "." + (cents < 10 ? "0" : "") + cents
    }
    function signedYuan(fen) {
        return (fen > 0 ? "+" : "") + page.yuan(fen)
    }
    function dateTime(value) {
        const time = new Date(value)
        return isNaN(time.getTime()) ? "—" : Qt.formatDateTime(time, "yyyy-MM-dd HH:mm:ss")
    }
    function channelName(channel) {
        switch (channel) {
        case "wechat":
            return qsTr("WeChat Pay")
        case "alipay":
            return qsTr("Alipay")
        case "unionpay":
            return qsTr("UnionPay")
        case "face":
            return qsTr("Face pay")
        case "cash":
            return qsTr("Cash")
        }
        return channel
    }
    function field(name) {
        return page.hasReport && page.report[name] !== undefined ? page.report[name] : 0
    }
    function confirm() {
        page.printNotice = ""
        if (Shift.closeShift(page.countedCashFee))
            page.mode = "closed"
    }
    function reprint() {
        page.printNotice = Shift.reprintLastReport() ? qsTr("The report was sent to the printer again.") : ""
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
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "backButton"
                text: page.mode === "preview" ? qsTr("Count again") : qsTr("Back")
                implicitHeight: Theme.touchTarget
                enabled: page.StackView.view && page.StackView.view.depth > 1
                onClicked: page.StackView.view.pop()
            }
            Text {
                Layout.fillWidth: true
                text: page.mode === "preview" ? qsTr("Handover report (not closed yet)") : qsTr("Handover report")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        Text {
            objectName: "reportEmpty"
            visible: !page.hasReport
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
            text: qsTr("No shift has been closed on this terminal yet.")
        }

        RowLayout {
            visible: page.hasReport
            Layout.fillWidth: true
            spacing: Theme.spacing

            // The shift and its takings per channel.
            Rectangle {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                implicitHeight: leftColumn.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.surface

                ColumnLayout {
                    id: leftColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 6

                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        rowSpacing: 6
                        columnSpacing: Theme.spacing

                        Text { text: qsTr("Shift number"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                        Text { objectName: "reportShiftNo"; text: page.hasReport ? page.report.shiftNo : ""; color: Theme.text; font.pixelSize: Theme.fontNormal }
                        Text { text: qsTr("Cashier"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                        Text {
                            objectName: "reportOperator"
                            text: !page.hasReport ? "" : page.report.operatorName && page.report.operatorName.length > 0
                                  ? page.report.operatorName + " (" + page.report.operatorId + ")" : page.report.operatorId
                            color: Theme.text
                            font.pixelSize: Theme.fontNormal
                        }
                        Text { text: qsTr("Opened"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                        Text { objectName: "reportOpenedAt"; text: page.hasReport ? page.dateTime(page.report.openedAt) : ""; color: Theme.text; font.pixelSize: Theme.fontNormal }
                        Text { text: qsTr("Closed"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                        Text { objectName: "reportClosedAt"; text: page.hasReport ? page.dateTime(page.report.closedAt) : ""; color: Theme.text; font.pixelSize: Theme.fontNormal }
                    }

                    Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.surfaceMuted }

                    GridLayout {
                        objectName: "reportTotals"
                        Layout.fillWidth: true
                        columns: 3
                        rowSpacing: 6
                        columnSpacing: Theme.spacing

                        Text { Layout.fillWidth: true; text: qsTr("Payment method"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        Text { Layout.alignment: Qt.AlignRight; text: qsTr("Orders"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        Text { Layout.alignment: Qt.AlignRight; Layout.minimumWidth: 130; horizontalAlignment: Text.AlignRight; text: qsTr("Amount"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }

                        Repeater {
                            model: page.totals
                            delegate: Text {
                                required property var modelData
                                required property int index
                                // Three cells a channel: name, count, amount (the Repeater fills the grid row by row).
                                objectName: "reportChannel_" + modelData.channel
                                Layout.row: index + 1
                                Layout.column: 0
                                Layout.fillWidth: true
                                text: page.channelName(modelData.channel)
                                color: Theme.text
                                font.pixelSize: Theme.fontNormal
                            }
                        }
                        Repeater {
                            model: page.totals
                            delegate: Text {
                                required property var modelData
                                required property int index
                                objectName: "reportCount_" + modelData.channel
                                Layout.row: index + 1
                                Layout.column: 1
                                Layout.alignment: Qt.AlignRight
                                text: modelData.count
                                color: Theme.text
                                font.pixelSize: Theme.fontNormal
                            }
                        }
                        Repeater {
                            model: page.totals
                            delegate: Text {
                                required property var modelData
                                required property int index
                                objectName: "reportAmount_" + modelData.channel
                                Layout.row: index + 1
                                Layout.column: 2
                                Layout.alignment: Qt.AlignRight
                                text: page.yuan(modelData.totalFee)
                                color: Theme.text
                                font.pixelSize: Theme.fontNormal
                            }
                        }

                        Text {
                            Layout.row: page.totals.length + 1
                            Layout.column: 0
                            text: qsTr("Paid orders")
                            color: Theme.text
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                        Text {
                            objectName: "reportOrderCount"
                            Layout.row: page.totals.length + 1
                            Layout.column: 1
                            Layout.alignment: Qt.AlignRight
                            text: page.field("orderCount")
                            color: Theme.text
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                        Text {
                            objectName: "reportPaidTotal"
                            Layout.row: page.totals.length + 1
                            Layout.column: 2
                            Layout.alignment: Qt.AlignRight
                            text: {
                                let sum = 0
                                for (let i = 0; i < page.totals.length; ++i)
                                    sum += page.totals[i].totalFee
                                return page.yuan(sum)
                            }
                            color: Theme.text
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                    }
                    Text {
                        objectName: "reportNoSales"
                        visible: page.totals.length === 0
                        text: qsTr("No payments in this shift.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontNormal
                    }
                }
            }

            // Refunds, vouchers and the cash drawer.
            Rectangle {
                Layout.preferredWidth: 380
                Layout.alignment: Qt.AlignTop
                implicitHeight: rightColumn.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.surface

                GridLayout {
                    id: rightColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    columns: 2
                    rowSpacing: 6
                    columnSpacing: Theme.spacing

                    Text { Layout.fillWidth: true; text: qsTr("Refunds"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text {
                        objectName: "reportRefunds"
                        Layout.alignment: Qt.AlignRight
                        text: qsTr("%n refund(s)", "", page.field("refundCount")) + "  " + page.yuan(page.field("refundFee"))
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                    }
                    Text { Layout.fillWidth: true; text: qsTr("Voucher deductions"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text {
                        objectName: "reportVouchers"
                        Layout.alignment: Qt.AlignRight
                        text: qsTr("%n order(s)", "", page.field("voucherCount")) + "  " + page.yuan(page.field("voucherDeductFee"))
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                    }

                    Rectangle { Layout.columnSpan: 2; Layout.fillWidth: true; implicitHeight: 1; color: Theme.surfaceMuted }

                    Text { text: qsTr("Opening cash float"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text { objectName: "reportOpeningCash"; Layout.alignment: Qt.AlignRight; text: page.yuan(page.field("openingCashFee")); color: Theme.text; font.pixelSize: Theme.fontNormal }
                    Text { text: qsTr("Expected cash"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text { objectName: "reportExpectedCash"; Layout.alignment: Qt.AlignRight; text: page.yuan(page.field("expectedCashFee")); color: Theme.text; font.pixelSize: Theme.fontNormal }
                    Text { text: qsTr("Counted cash"); color: Theme.textMuted; font.pixelSize: Theme.fontNormal }
                    Text { objectName: "reportCountedCash"; Layout.alignment: Qt.AlignRight; text: page.yuan(page.field("countedCashFee")); color: Theme.text; font.pixelSize: Theme.fontNormal }

                    Text {
                        text: page.cashDiff > 0 ? qsTr("Difference (over)") : page.cashDiff < 0 ? qsTr("Difference (short)")
                                                                                                : qsTr("Difference")
                        color: page.cashDiff !== 0 ? Theme.danger : Theme.textMuted
                        font.pixelSize: page.cashDiff !== 0 ? Theme.fontLarge : Theme.fontNormal
                        font.bold: page.cashDiff !== 0
                    }
                    Rectangle {
                        Layout.alignment: Qt.AlignRight
                        implicitWidth: diffText.implicitWidth + 16
                        implicitHeight: diffText.implicitHeight + 8
                        radius: 6
                        color: page.cashDiff !== 0 ? "#fde8e6" : "transparent"
                        Text {
                            id: diffText
                            objectName: "reportCashDiff"
                            readonly property bool highlighted: page.cashDiff !== 0
                            anchors.centerIn: parent
                            text: page.signedYuan(page.cashDiff)
                            color: highlighted ? Theme.danger : Theme.text
                            font.pixelSize: highlighted ? Theme.fontLarge : Theme.fontNormal
                            font.bold: highlighted
                        }
                    }
                }
            }
        }

        Text {
            objectName: "reportPrinted"
            visible: page.mode === "closed" && page.hasReport
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: page.field("printed") ? Theme.ok : Theme.warning
            font.pixelSize: Theme.fontNormal
            text: page.field("printed") ? qsTr("Shift closed. The report is stored, printed and queued for the backend.")
                                        : qsTr("Shift closed. The report is stored and queued for the backend, but it was not printed: check the printer, then reprint.")
        }

        Text {
            objectName: "reportNextShift"
            visible: page.mode === "closed" && page.hasReport && !Shift.open
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
            text: qsTr("The next person signs in and opens a new shift with the cash float in the drawer.")
        }

        Text {
            objectName: "reportPrintNotice"
            visible: page.printNotice.length > 0
            color: Theme.ok
            font.pixelSize: Theme.fontNormal
            text: page.printNotice
        }

        Text {
            objectName: "reportError"
            visible: Shift.errorText.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontNormal
            text: Shift.errorText
        }

        Item {
            Layout.fillHeight: true
        }

        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "confirmClose"
                visible: page.mode === "preview"
                enabled: page.hasReport
                text: qsTr("Confirm handover and close the shift")
                highlighted: true
                implicitHeight: Theme.touchTarget
                onClicked: page.confirm()
            }
            Button {
                objectName: "reprintReport"
                visible: page.mode === "closed" && page.hasReport
                text: qsTr("Reprint")
                implicitHeight: Theme.touchTarget
                onClicked: page.reprint()
            }
            Button {
                objectName: "reportDone"
                visible: page.mode === "closed"
                text: qsTr("Done")
                highlighted: true
                implicitHeight: Theme.touchTarget
                enabled: page.StackView.view && page.StackView.view.depth > 1
                onClicked: page.StackView.view.pop()
            }
        }
    }
}
