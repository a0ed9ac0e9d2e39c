import QtQuick
import QtQuick.Controls
import FacePOS

// Keeps the page stack on the page the checkout's stage calls for (Checkout.stage): amount → CheckoutAmountPage,
// pay and waiting → CheckoutPayPage, consent, face and phone → CheckoutFacePage (and waiting too when the payment
// is a face payment, so the page stays up from the capture to the result), cash → CheckoutCashPage, result →
// CheckoutResultPage. A page already on the stack is returned to (pop), a new one is pushed. Only the page on top
// follows, so a stage change moves the stack once. Every checkout page holds one.
QtObject {
    id: flow

    required property Item page

    readonly property bool active: flow.page.StackView.status === StackView.Active
    readonly property var pageFor: ({
            "amount": "checkoutAmountPage",
            "pay": "checkoutPayPage",
            "waiting": "checkoutPayPage",
            "consent": "checkoutFacePage",
            "face": "checkoutFacePage",
            "phone": "checkoutFacePage",
            "cash": "checkoutCashPage",
            "result": "checkoutResultPage"
        })
    readonly property var fileFor: ({
            "checkoutAmountPage": "CheckoutAmountPage.qml",
            "checkoutPayPage": "CheckoutPayPage.qml",
            "checkoutFacePage": "CheckoutFacePage.qml",
            "checkoutCashPage": "CheckoutCashPage.qml",
            "checkoutResultPage": "CheckoutResultPage.qml"
        })

    function follow() {
        const view = flow.page.StackView.view
        if (!view || !flow.active)
            return
        const wanted = Checkout.stage === "waiting" && Checkout.channel === "face" ? "checkoutFacePage"
                                                                                   : flow.pageFor[Checkout.stage]
        if (wanted === undefined || wanted === flow.page.objectName)
            return
        const existing = view.find(function (item) {
            return item.objectName === wanted
        })
        if (existing)
            view.pop(existing)
        else
            view.push(Qt.resolvedUrl("../pages/" + flow.fileFor[wanted]).toString())
    }

    onActiveChanged: flow.follow()
    readonly property Connections stageWatch: Connections {
        target: Checkout
        function onChanged() {
            flow.follow()
        }
    }
}
