import QtQuick
import QtTest
import FacePOS

// Components of the shell, tested on their own. No translator is installed here: strings are the English sources.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: tileComponent
        HomeTile {
            text: "Checkout"
            subtitle: "Payment code, face pay or cash"
        }
    }
    Component {
        id: customerComponent
        CustomerDisplayView {
            width: 360
            height: 480
        }
    }
    Component {
        id: statusComponent
        StatusBar {
            width: 800
        }
    }

    TestCase {
        name: "HomeTile"
        when: windowShown

        function test_clickEmitsClicked() {
            const tile = createTemporaryObject(tileComponent, root)
            const spy = createTemporaryObject(signalSpyComponent, root, { target: tile, signalName: "clicked" })
            mouseClick(tile)
            compare(spy.count, 1)
        }

        function test_disabledTileIgnoresTapsAndLooksDisabled() {
            const tile = createTemporaryObject(tileComponent, root, { enabled: false })
            const spy = createTemporaryObject(signalSpyComponent, root, { target: tile, signalName: "clicked" })
            mouseClick(tile)
            compare(spy.count, 0)
            verify(tile.opacity < 1.0)
        }
    }

    TestCase {
        name: "CustomerDisplayView"
        when: windowShown

        // The singleton outlives each test; every test starts from a new customer.
        function init() {
            CustomerDisplay.showWelcome()
        }

        function test_amountHiddenUntilSet() {
            const view = createTemporaryObject(customerComponent, root)
            const amount = findChild(view, "customerAmount")
            verify(amount)
            verify(!amount.visible)
            CustomerDisplay.showAmount(1250)
            verify(amount.visible)
            compare(amount.text, "¥12.50")
            compare(findChild(view, "customerPayable").text, "¥12.50")
            verify(!findChild(view, "customerWelcome").visible)
        }

        function test_discountsLowerThePayable() {
            const view = createTemporaryObject(customerComponent, root)
            CustomerDisplay.showAmount(3000)
            CustomerDisplay.addDiscount("Coupon", 500)
            CustomerDisplay.setMember("Zhang Wei", "Gold")
            compare(findChild(view, "customerDiscounts").count, 1)
            compare(findChild(view, "customerMember").text, "Member: Zhang Wei (Gold)")
            compare(findChild(view, "customerPayable").text, "¥25.00")
        }

        function test_payingPromptsForThePaymentCode() {
            const view = createTemporaryObject(customerComponent, root)
            CustomerDisplay.showAmount(1000)
            CustomerDisplay.showPaying()
            const prompt = findChild(view, "customerPrompt")
            verify(prompt.visible)
            compare(prompt.text, "Please show your payment code")
            verify(!findChild(view, "facePreviewSlot").visible)
        }

        function test_processingAndPhoneDigitsSayWhatTheCustomerDoes() {
            const view = createTemporaryObject(customerComponent, root)
            CustomerDisplay.showAmount(1000)
            const prompt = findChild(view, "customerPrompt")
            verify(!prompt.visible)
            CustomerDisplay.showProcessing(false)
            compare(prompt.text, "Payment in progress, please wait")
            verify(findChild(view, "customerPayable").visible)
            CustomerDisplay.showProcessing(true)
            compare(prompt.text, "Please confirm the payment on your phone")
            CustomerDisplay.showPhoneDigits()
            compare(prompt.text, "Please enter the last 4 digits of your phone number")
            verify(prompt.visible)
        }

        function test_faceCaptureShowsThePreviewSlot() {
            const view = createTemporaryObject(customerComponent, root)
            CustomerDisplay.showAmount(1000)
            CustomerDisplay.showFaceCapture()
            const slot = findChild(view, "facePreviewSlot")
            verify(slot.visible)
            // The layout sizes the slot on its next polish.
            tryVerify(() => slot.width > 0 && slot.height === slot.width)
        }

        function test_resultShowsTextInTheOutcomeColour() {
            const view = createTemporaryObject(customerComponent, root)
            CustomerDisplay.showResult(false, "Declined")
            const result = findChild(view, "customerResult")
            verify(result.visible)
            compare(result.text, "Declined")
            compare(result.parent.color, Theme.danger)
            CustomerDisplay.showResult(true, "Paid")
            compare(result.parent.color, Theme.ok)
            verify(!findChild(view, "customerPayable").visible)
        }

        function test_welcomeWithoutStoreName() {
            const view = createTemporaryObject(customerComponent, root)
            compare(findChild(view, "customerWelcome").text, "Welcome")
        }
    }

    TestCase {
        name: "StatusBar"
        when: windowShown

        function test_offlineAndNotSignedInByDefault() {
            const bar = createTemporaryObject(statusComponent, root)
            compare(findChild(bar, "statusNetwork").text, "Offline")
            compare(findChild(bar, "statusPerson").text, "Not signed in")
            compare(findChild(bar, "statusSync").text, "All synced")
        }

        function test_clockShowsHoursAndMinutes() {
            const bar = createTemporaryObject(statusComponent, root)
            verify(/^\d\d:\d\d$/.test(findChild(bar, "statusClock").text))
        }
    }

    Component {
        id: signalSpyComponent
        SignalSpy {}
    }
}
