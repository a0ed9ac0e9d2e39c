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

        function test_amountHiddenUntilSet() {
            const view = createTemporaryObject(customerComponent, root)
            const amount = findChild(view, "customerAmount")
            verify(amount)
            verify(!amount.visible)
            view.amountText = "¥12.50"
            verify(amount.visible)
            compare(amount.text, "¥12.50")
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
