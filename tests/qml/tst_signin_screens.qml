import QtQuick
import QtTest
import FacePOS
import FacePOS as App

// The activation, sign-in and lock screens on their own (issue 5), over the real DeviceBinding and Session with the
// network down: an unbound device and nobody signed in. No translator is installed: strings are the English sources.
Item {
    id: root
    width: 1024
    height: 700

    Component {
        id: activationComponent
        ActivationPage {
            width: 1024
            height: 700
        }
    }
    Component {
        id: pendingComponent
        ActivationPendingPage {
            width: 1024
            height: 700
        }
    }
    Component {
        id: unbindingComponent
        UnbindingPage {
            width: 1024
            height: 700
        }
    }
    Component {
        id: signInComponent
        SignInPage {
            width: 1024
            height: 700
        }
    }
    Component {
        id: lockComponent
        LockPage {
            width: 1024
            height: 700
        }
    }
    Component {
        id: statusComponent
        StatusBar {
            width: 1024
        }
    }
    Component {
        id: signalSpyComponent
        SignalSpy {}
    }

    TestCase {
        name: "ActivationPage"
        when: windowShown

        function init() {
            App.DeviceBinding.startOver()
        }

        function test_showsTheDeviceFactsSupportAsksFor() {
            const page = createTemporaryObject(activationComponent, root)
            compare(findChild(page, "activationSerial").text, AppState.deviceSerial)
            compare(findChild(page, "activationNetwork").text, "Not connected")
            compare(findChild(page, "activationPassword").echoMode, TextInput.Password)
            verify(findChild(page, "activationSubmit").visible)
            verify(!findChild(page, "activationRejectReason").visible)
        }

        function test_merchantNumberTakesDigitsOnly() {
            const page = createTemporaryObject(activationComponent, root)
            const field = findChild(page, "activationMerchantNo")
            mouseClick(field)
            keyClick(Qt.Key_8)
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_8)
            compare(field.text, "88")
        }

        function test_emptyFormGivesAMessageAndSendsNothing() {
            const page = createTemporaryObject(activationComponent, root)
            mouseClick(findChild(page, "activationSubmit"))
            compare(App.DeviceBinding.errorCode, "binding.invalid")
            const error = findChild(page, "activationError")
            verify(error.visible)
            compare(error.text, App.DeviceBinding.errorText)
            compare(App.DeviceBinding.state, "unbound")
        }
    }

    TestCase {
        name: "ActivationPendingPage"
        when: windowShown

        function test_showsSerialAndCheckNow() {
            const page = createTemporaryObject(pendingComponent, root)
            compare(findChild(page, "pendingSerial").text, AppState.deviceSerial)
            compare(findChild(page, "pendingTitle").text, "Pending review")
            verify(findChild(page, "pendingCheckNow").enabled)
            verify(!findChild(page, "pendingError").visible)
        }
    }

    TestCase {
        name: "UnbindingPage"
        when: windowShown

        function test_saysEveryRecordIsDeliveredWhenNoneWait() {
            const page = createTemporaryObject(unbindingComponent, root)
            compare(findChild(page, "unbindingRecords").text, "Every record is delivered.")
            verify(!findChild(page, "unbindingSyncNow").visible)
            verify(!findChild(page, "unbindingExportPath").visible)
        }
    }

    TestCase {
        name: "SignInPage"
        when: windowShown

        function init() {
            Session.clearError()
        }

        function test_merchantTabFirstWithAPasswordField() {
            const page = createTemporaryObject(signInComponent, root)
            const password = findChild(page, "merchantPassword")
            verify(password.visible)
            compare(password.echoMode, TextInput.Password)
            verify(!findChild(page, "clerkEmployeeNo").visible)
            verify(!findChild(page, "signInLockout").visible)
            verify(!findChild(page, "signInUseClerk").visible)
        }

        function test_clerkTabAsksForEmployeeNumberDigitsOnly() {
            const page = createTemporaryObject(signInComponent, root)
            mouseClick(findChild(page, "signInClerkTab"))
            const number = findChild(page, "clerkEmployeeNo")
            tryVerify(() => number.visible)
            // The fields shown by the tab are laid out on the next frame.
            waitForRendering(page)
            compare(findChild(page, "clerkPassword").echoMode, TextInput.Password)
            mouseClick(number)
            keyClick(Qt.Key_1)
            keyClick(Qt.Key_X)
            keyClick(Qt.Key_2)
            compare(number.text, "12")
        }

        function test_emptyFieldsGiveAMessage() {
            const page = createTemporaryObject(signInComponent, root)
            mouseClick(findChild(page, "signInClerkTab"))
            mouseClick(findChild(page, "signInButton"))
            compare(Session.errorCode, "session.invalid")
            const error = findChild(page, "signInError")
            verify(error.visible)
            compare(error.text, Session.errorText)
            verify(!Session.signedIn)
        }

        function test_countdownIsMinutesAndSeconds() {
            const page = createTemporaryObject(signInComponent, root)
            compare(page.countdownText(299), "4:59")
            compare(page.countdownText(60), "1:00")
            compare(page.countdownText(5), "0:05")
        }
    }

    TestCase {
        name: "LockPage"
        when: windowShown

        function test_passwordIsHiddenAndUnlockOffered() {
            const page = createTemporaryObject(lockComponent, root)
            compare(findChild(page, "lockPassword").echoMode, TextInput.Password)
            verify(findChild(page, "lockUnlockButton").visible)
            verify(findChild(page, "lockSignOutButton").visible)
            verify(!findChild(page, "lockLockout").visible)
            compare(findChild(page, "lockTitle").text, "Locked")
        }
    }

    TestCase {
        name: "StatusBarSession"
        when: windowShown

        function test_nobodySignedInHidesLockAndSignOut() {
            const bar = createTemporaryObject(statusComponent, root)
            compare(findChild(bar, "statusPerson").text, "Not signed in")
            verify(!findChild(bar, "statusLockButton").visible)
            verify(!findChild(bar, "statusSignOutButton").visible)
            verify(!findChild(bar, "statusRole").visible)
        }

        function test_settingsButtonAsksForSettings() {
            const bar = createTemporaryObject(statusComponent, root)
            const spy = createTemporaryObject(signalSpyComponent, root, { target: bar, signalName: "settingsClicked" })
            mouseClick(findChild(bar, "statusSettingsButton"))
            compare(spy.count, 1)
        }
    }
}
