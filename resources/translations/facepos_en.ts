<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivationPage</name>
    <message>
        <source>Activation request rejected</source>
        <translation>Activation request rejected</translation>
    </message>
    <message>
        <source>Activate this device</source>
        <translation>Activate this device</translation>
    </message>
    <message>
        <source>Support did not approve the request. Check the reason, correct it, and submit again.</source>
        <translation>Support did not approve the request. Check the reason, correct it, and submit again.</translation>
    </message>
    <message>
        <source>This device is not bound to a merchant yet. Sign in with the merchant account to send the activation request; support then reviews it.</source>
        <translation>This device is not bound to a merchant yet. Sign in with the merchant account to send the activation request; support then reviews it.</translation>
    </message>
    <message>
        <source>Records the backend refused were saved to %1. Copy them before they are needed.</source>
        <translation>Records the backend refused were saved to %1. Copy them before they are needed.</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Software version</source>
        <translation>Software version</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation>Merchant number</translation>
    </message>
    <message>
        <source>8–12 digits</source>
        <translation>8–12 digits</translation>
    </message>
    <message>
        <source>Merchant password</source>
        <translation>Merchant password</translation>
    </message>
    <message>
        <source>Store number (optional)</source>
        <translation>Store number (optional)</translation>
    </message>
    <message>
        <source>The merchant&apos;s first store</source>
        <translation>The merchant&apos;s first store</translation>
    </message>
    <message>
        <source>Send activation request</source>
        <translation>Send activation request</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation>No reason was given.</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>Submit again</translation>
    </message>
</context>
<context>
    <name>ActivationPendingPage</name>
    <message>
        <source>Pending review</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <source>The activation request was sent. Give support the serial number and the request ID below; this screen changes by itself once they have decided.</source>
        <translation>The activation request was sent. Give support the serial number and the request ID below; this screen changes by itself once they have decided.</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Next check at %1</source>
        <translation>Next check at %1</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
</context>
<context>
    <name>AmountKeypad</name>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>CheckoutAmountPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Checkout</translation>
    </message>
    <message>
        <source>%1 · shift %2</source>
        <translation>%1 · shift %2</translation>
    </message>
    <message>
        <source>%1 · no shift open</source>
        <translation>%1 · no shift open</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>Nobody is signed in</translation>
    </message>
    <message>
        <source>Amount to collect (yuan)</source>
        <translation>Amount to collect (yuan)</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Type the amount on the counter keypad or here, then press Collect (or the keypad&apos;s confirm key).</source>
        <translation>Type the amount on the counter keypad or here, then press Collect (or the keypad&apos;s confirm key).</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>Collect</translation>
    </message>
</context>
<context>
    <name>CheckoutCashPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>To pay</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>Exact amount</translation>
    </message>
    <message>
        <source>Done, open drawer</source>
        <translation>Done, open drawer</translation>
    </message>
</context>
<context>
    <name>CheckoutFacePage</name>
    <message>
        <source>Confirm with the phone number</source>
        <translation>Confirm with the phone number</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>Face pay</translation>
    </message>
    <message>
        <source>Before you pay with your face</source>
        <translation>Before you pay with your face</translation>
    </message>
    <message>
        <source>The camera takes one picture of your face. It is encrypted on this terminal at once, sent only to identify you for this payment, and never stored on the terminal. You may be asked for the last 4 digits of your phone number.</source>
        <translation>The camera takes one picture of your face. It is encrypted on this terminal at once, sent only to identify you for this payment, and never stored on the terminal. You may be asked for the last 4 digits of your phone number.</translation>
    </message>
    <message>
        <source>You can always pay with your payment code instead.</source>
        <translation>You can always pay with your payment code instead.</translation>
    </message>
    <message>
        <source>I agree, pay with my face</source>
        <translation>I agree, pay with my face</translation>
    </message>
    <message>
        <source>Pay by payment code</source>
        <translation>Pay by payment code</translation>
    </message>
    <message>
        <source>%1 s left, then the payment code is offered</source>
        <translation>%1 s left, then the payment code is offered</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number</source>
        <translation>Please enter the last 4 digits of your phone number</translation>
    </message>
    <message numerus="yes">
        <source>Those digits did not match. %n attempt(s) left.</source>
        <translation>
            <numerusform>Those digits did not match. %n attempt left.</numerusform>
            <numerusform>Those digits did not match. %n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>Cancel payment</translation>
    </message>
</context>
<context>
    <name>CheckoutPayPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Payment in progress</translation>
    </message>
    <message>
        <source>Choose how to pay</source>
        <translation>Choose how to pay</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>Payment code</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s WeChat Pay, Alipay or UnionPay payment code: the charge starts at once.</source>
        <translation>Scan the customer&apos;s WeChat Pay, Alipay or UnionPay payment code: the charge starts at once.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>Face pay</translation>
    </message>
</context>
<context>
    <name>CheckoutResultPage</name>
    <message>
        <source>Give change: %1</source>
        <translation>Give change: %1</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>Next sale</source>
        <translation>Next sale</translation>
    </message>
    <message>
        <source>Back to the amount in %1 s</source>
        <translation>Back to the amount in %1 s</translation>
    </message>
</context>
<context>
    <name>ClerksPage</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again.</source>
        <translation>The two passwords are not the same. Type the password again.</translation>
    </message>
    <message>
        <source>Clerk %1 created. They can sign in with the new password now.</source>
        <translation>Clerk %1 created. They can sign in with the new password now.</translation>
    </message>
    <message>
        <source>The password of clerk %1 was reset.</source>
        <translation>The password of clerk %1 was reset.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>Clerks</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>New clerk</source>
        <translation>New clerk</translation>
    </message>
    <message>
        <source>Only the merchant manages clerks: sign in with the merchant account to open this page.</source>
        <translation>Only the merchant manages clerks: sign in with the merchant account to open this page.</translation>
    </message>
    <message>
        <source>The backend cannot be reached: this is the list saved at %1. Changes need the network.</source>
        <translation>The backend cannot be reached: this is the list saved at %1. Changes need the network.</translation>
    </message>
    <message>
        <source>The backend cannot be reached and no list has been saved on this terminal yet.</source>
        <translation>The backend cannot be reached and no list has been saved on this terminal yet.</translation>
    </message>
    <message>
        <source>Last sign-in %1</source>
        <translation>Last sign-in %1</translation>
    </message>
    <message>
        <source>Never signed in</source>
        <translation>Never signed in</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>No clerks yet. Create the first one with “New clerk”.</source>
        <translation>No clerks yet. Create the first one with “New clerk”.</translation>
    </message>
    <message>
        <source>Employee number (1–8 digits)</source>
        <translation>Employee number (1–8 digits)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Initial password (6–16 characters)</source>
        <translation>Initial password (6–16 characters)</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>New password for %1 (%2)</source>
        <translation>New password for %1 (%2)</translation>
    </message>
    <message>
        <source>The clerk is signed out on every terminal and signs in again with the new password.</source>
        <translation>The clerk is signed out on every terminal and signs in again with the new password.</translation>
    </message>
    <message>
        <source>New password (6–16 characters)</source>
        <translation>New password (6–16 characters)</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Set password</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayView</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Welcome to %1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Customer display preview</source>
        <translation>Customer display preview</translation>
    </message>
    <message>
        <source>Member: %1 (%2)</source>
        <translation>Member: %1 (%2)</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>Member: %1</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>To pay</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>Please look at the camera</translation>
    </message>
    <message>
        <source>Please show your payment code</source>
        <translation>Please show your payment code</translation>
    </message>
    <message>
        <source>Please confirm the payment on your phone</source>
        <translation>Please confirm the payment on your phone</translation>
    </message>
    <message>
        <source>Payment in progress, please wait</source>
        <translation>Payment in progress, please wait</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number</source>
        <translation>Please enter the last 4 digits of your phone number</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayWindow</name>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>Not installed</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>Payment code</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Member card</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>Rejected: scan again</source>
        <translation>Rejected: scan again</translation>
    </message>
    <message>
        <source>No scan yet</source>
        <translation>No scan yet</translation>
    </message>
    <message>
        <source>No key yet</source>
        <translation>No key yet</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>Face pay</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Test page not printed: %1</source>
        <translation>Test page not printed: %1</translation>
    </message>
    <message>
        <source>Test page printed on the virtual printer; the image is %1</source>
        <translation>Test page printed on the virtual printer; the image is %1</translation>
    </message>
    <message>
        <source>Test page printed on %1.</source>
        <translation>Test page printed on %1.</translation>
    </message>
    <message>
        <source>Drawer kick sent: the drawer should be open.</source>
        <translation>Drawer kick sent: the drawer should be open.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Device self-test</source>
        <translation>Device self-test</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Scan a payment code, member card or voucher.</source>
        <translation>Scan a payment code, member card or voucher.</translation>
    </message>
    <message>
        <source>Code to scan</source>
        <translation>Code to scan</translation>
    </message>
    <message>
        <source>Simulate scan</source>
        <translation>Simulate scan</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <source>Press any key on the amount keypad.</source>
        <translation>Press any key on the amount keypad.</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Open drawer</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>via the printer</source>
        <translation>via the printer</translation>
    </message>
    <message>
        <source>Speaking: “payment successful, 12.50 yuan”.</source>
        <translation>Speaking: “payment successful, 12.50 yuan”.</translation>
    </message>
    <message>
        <source>No voice prompt: %1</source>
        <translation>No voice prompt: %1</translation>
    </message>
    <message>
        <source>Voice prompts</source>
        <translation>Voice prompts</translation>
    </message>
    <message>
        <source>Say a test prompt</source>
        <translation>Say a test prompt</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Stop the camera test</source>
        <translation>Stop the camera test</translation>
    </message>
    <message>
        <source>Test the camera</source>
        <translation>Test the camera</translation>
    </message>
    <message>
        <source>No camera is configured (devices.camera): face pay is off; payment codes come from the scanner.</source>
        <translation>No camera is configured (devices.camera): face pay is off; payment codes come from the scanner.</translation>
    </message>
    <message>
        <source>Face pay and camera code reading open the camera only while a payment is being taken.</source>
        <translation>Face pay and camera code reading open the camera only while a payment is being taken.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>FacePOS</source>
        <translation>FacePOS</translation>
    </message>
    <message>
        <source>Choose what to do.</source>
        <translation>Choose what to do.</translation>
    </message>
    <message>
        <source>Sign in to take payments. Settings are available now.</source>
        <translation>Sign in to take payments. Settings are available now.</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Checkout</translation>
    </message>
    <message>
        <source>Payment code, face pay or cash</source>
        <translation>Payment code, face pay or cash</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Sign in first</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Search, refund, reprint</source>
        <translation>Search, refund, reprint</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>Open or close a shift</source>
        <translation>Open or close a shift</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language, device information</source>
        <translation>Language, device information</translation>
    </message>
    <message>
        <source>Demo mode: all devices are simulated.</source>
        <translation>Demo mode: all devices are simulated.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>%1, enter your password to continue.</source>
        <translation>%1, enter your password to continue.</translation>
    </message>
    <message>
        <source>Enter your password to continue.</source>
        <translation>Enter your password to continue.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Unlocking is blocked for %1.</source>
        <translation>Too many wrong passwords. Unlocking is blocked for %1.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Someone else? Sign out, then sign in with your own account.</source>
        <translation>Someone else? Sign out, then sign in with your own account.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>FacePOS</source>
        <translation>FacePOS</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>Wrong account or password. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>Wrong account or password. %n attempt left before the account is locked.</numerusform>
            <numerusform>Wrong account or password. %n attempts left before the account is locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong account or password.</source>
        <translation>Wrong account or password.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account is locked until %1.</source>
        <translation>Too many wrong passwords: the account is locked until %1.</translation>
    </message>
    <message>
        <source>This clerk account is disabled. Ask the merchant to enable it.</source>
        <translation>This clerk account is disabled. Ask the merchant to enable it.</translation>
    </message>
    <message>
        <source>The merchant account is signed in on another terminal (%1). Sign in here with a clerk account, or sign out on the other terminal first.</source>
        <translation>The merchant account is signed in on another terminal (%1). Sign in here with a clerk account, or sign out on the other terminal first.</translation>
    </message>
    <message>
        <source>The session has ended. Please sign in again.</source>
        <translation>The session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>Only the merchant may do this.</source>
        <translation>Only the merchant may do this.</translation>
    </message>
    <message>
        <source>A clerk with this employee number already exists.</source>
        <translation>A clerk with this employee number already exists.</translation>
    </message>
    <message>
        <source>There is no clerk with this employee number.</source>
        <translation>There is no clerk with this employee number.</translation>
    </message>
    <message>
        <source>This terminal is already bound to a merchant. Support must unbind it first.</source>
        <translation>This terminal is already bound to a merchant. Support must unbind it first.</translation>
    </message>
    <message>
        <source>The bind request is no longer known to the backend. Submit it again.</source>
        <translation>The bind request is no longer known to the backend. Submit it again.</translation>
    </message>
    <message>
        <source>The backend does not know this terminal as activated. Call support.</source>
        <translation>The backend does not know this terminal as activated. Call support.</translation>
    </message>
    <message>
        <source>Support has unbound this terminal.</source>
        <translation>Support has unbound this terminal.</translation>
    </message>
    <message>
        <source>The backend refused the input: %1</source>
        <translation>The backend refused the input: %1</translation>
    </message>
    <message>
        <source>The backend did not accept this terminal&apos;s request (clock or key). Check the date and time, then try again; if it goes on, call support.</source>
        <translation>The backend did not accept this terminal&apos;s request (clock or key). Check the date and time, then try again; if it goes on, call support.</translation>
    </message>
    <message>
        <source>The backend cannot be reached. Check the network cable or Wi-Fi, then try again.</source>
        <translation>The backend cannot be reached. Check the network cable or Wi-Fi, then try again.</translation>
    </message>
    <message>
        <source>No valid answer from the backend. Try again in a moment.</source>
        <translation>No valid answer from the backend. Try again in a moment.</translation>
    </message>
    <message>
        <source>The terminal could not prepare the request. Call support.</source>
        <translation>The terminal could not prepare the request. Call support.</translation>
    </message>
    <message>
        <source>The backend refused the request (%1).</source>
        <translation>The backend refused the request (%1).</translation>
    </message>
</context>
<context>
    <name>MyStorePage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>My store</source>
        <translation>My store</translation>
    </message>
    <message>
        <source>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</source>
        <translation>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</translation>
    </message>
    <message>
        <source>Merchant %1 · %2</source>
        <translation>Merchant %1 · %2</translation>
    </message>
    <message>
        <source>Store details</source>
        <translation>Store details</translation>
    </message>
</context>
<context>
    <name>PaymentMessages</name>
    <message>
        <source>Payment received.</source>
        <translation>Payment received.</translation>
    </message>
    <message>
        <source>Insufficient balance: ask the customer to pay another way.</source>
        <translation>Insufficient balance: ask the customer to pay another way.</translation>
    </message>
    <message>
        <source>The payment code has expired: ask the customer to refresh it, then scan again.</source>
        <translation>The payment code has expired: ask the customer to refresh it, then scan again.</translation>
    </message>
    <message>
        <source>The customer cancelled the payment on the phone.</source>
        <translation>The customer cancelled the payment on the phone.</translation>
    </message>
    <message>
        <source>The wallet declined this payment: ask the customer to pay another way.</source>
        <translation>The wallet declined this payment: ask the customer to pay another way.</translation>
    </message>
    <message>
        <source>The payment code was not recognised: scan it again.</source>
        <translation>The payment code was not recognised: scan it again.</translation>
    </message>
    <message>
        <source>This payment method is not available at this store.</source>
        <translation>This payment method is not available at this store.</translation>
    </message>
    <message>
        <source>This order number cannot be used again: start a new sale.</source>
        <translation>This order number cannot be used again: start a new sale.</translation>
    </message>
    <message>
        <source>The sign-in has expired and nothing was charged: sign in again, then charge again.</source>
        <translation>The sign-in has expired and nothing was charged: sign in again, then charge again.</translation>
    </message>
    <message>
        <source>The backend cannot be reached and nothing was charged: check the network, or take cash.</source>
        <translation>The backend cannot be reached and nothing was charged: check the network, or take cash.</translation>
    </message>
    <message>
        <source>Payment cancelled; nothing was charged.</source>
        <translation>Payment cancelled; nothing was charged.</translation>
    </message>
    <message>
        <source>The payment failed (%1): ask the customer to pay another way.</source>
        <translation>The payment failed (%1): ask the customer to pay another way.</translation>
    </message>
    <message>
        <source>Payment cancelled; any amount taken goes back to the customer.</source>
        <translation>Payment cancelled; any amount taken goes back to the customer.</translation>
    </message>
    <message>
        <source>The customer did not confirm in time: the payment was cancelled and any amount taken goes back to the customer.</source>
        <translation>The customer did not confirm in time: the payment was cancelled and any amount taken goes back to the customer.</translation>
    </message>
    <message>
        <source>The payment was cancelled; any amount taken goes back to the customer.</source>
        <translation>The payment was cancelled; any amount taken goes back to the customer.</translation>
    </message>
    <message>
        <source>The payment did not reach the backend and nothing was charged: start the sale again.</source>
        <translation>The payment did not reach the backend and nothing was charged: start the sale again.</translation>
    </message>
    <message>
        <source>This sale was interrupted before the charge; nothing was charged.</source>
        <translation>This sale was interrupted before the charge; nothing was charged.</translation>
    </message>
    <message>
        <source>The order was closed; nothing was charged.</source>
        <translation>The order was closed; nothing was charged.</translation>
    </message>
    <message>
        <source>Charging…</source>
        <translation>Charging…</translation>
    </message>
    <message>
        <source>Waiting for the customer to confirm on the phone…</source>
        <translation>Waiting for the customer to confirm on the phone…</translation>
    </message>
    <message>
        <source>Checking the payment result…</source>
        <translation>Checking the payment result…</translation>
    </message>
    <message>
        <source>Cancelling the payment…</source>
        <translation>Cancelling the payment…</translation>
    </message>
    <message>
        <source>The face was not recognised and nothing was charged: try face pay again, or ask the customer to pay another way.</source>
        <translation>The face was not recognised and nothing was charged: try face pay again, or ask the customer to pay another way.</translation>
    </message>
    <message>
        <source>The phone number was wrong three times and nothing was charged: ask the customer to pay another way.</source>
        <translation>The phone number was wrong three times and nothing was charged: ask the customer to pay another way.</translation>
    </message>
    <message>
        <source>Face pay has to start again and nothing was charged: capture the face again.</source>
        <translation>Face pay has to start again and nothing was charged: capture the face again.</translation>
    </message>
    <message>
        <source>The phone confirmation took too long and nothing was charged: try face pay again, or ask the customer to pay another way.</source>
        <translation>The phone confirmation took too long and nothing was charged: try face pay again, or ask the customer to pay another way.</translation>
    </message>
    <message>
        <source>The phone confirmation was not completed; nothing was charged.</source>
        <translation>The phone confirmation was not completed; nothing was charged.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong digits: enter the last 4 digits of your phone number again (%n attempt(s) left).</source>
        <translation>
            <numerusform>Wrong digits: enter the last 4 digits of your phone number again (%n attempt left).</numerusform>
            <numerusform>Wrong digits: enter the last 4 digits of your phone number again (%n attempts left).</numerusform>
        </translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number.</source>
        <translation>Please enter the last 4 digits of your phone number.</translation>
    </message>
</context>
<context>
    <name>PaymentWaitingPanel</name>
    <message>
        <source>%1 s since the charge</source>
        <translation>%1 s since the charge</translation>
    </message>
    <message>
        <source>%1 · code %2 · order %3</source>
        <translation>%1 · code %2 · order %3</translation>
    </message>
    <message>
        <source>%1 · order %2</source>
        <translation>%1 · order %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <source>A cancelled payment is reversed: if the wallet took the money, it goes back to the customer.</source>
        <translation>A cancelled payment is reversed: if the wallet took the money, it goes back to the customer.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Software version</source>
        <translation>Software version</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Device self-test</source>
        <translation>Device self-test</translation>
    </message>
    <message>
        <source>Data sync</source>
        <translation>Data sync</translation>
    </message>
    <message>
        <source>My store</source>
        <translation>My store</translation>
    </message>
    <message>
        <source>Store and clerks</source>
        <translation>Store and clerks</translation>
    </message>
    <message>
        <source>Store details and clerk accounts.</source>
        <translation>Store details and clerk accounts.</translation>
    </message>
    <message>
        <source>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</source>
        <translation>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <source>Enter the cash float in yuan with at most two decimals, e.g. 500 or 500.00.</source>
        <translation>Enter the cash float in yuan with at most two decimals, e.g. 500 or 500.00.</translation>
    </message>
    <message>
        <source>Enter the cash counted in the drawer in yuan with at most two decimals, e.g. 593.00.</source>
        <translation>Enter the cash counted in the drawer in yuan with at most two decimals, e.g. 593.00.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>Sign in first: a shift belongs to the person who opens it.</source>
        <translation>Sign in first: a shift belongs to the person who opens it.</translation>
    </message>
    <message>
        <source>No shift is open</source>
        <translation>No shift is open</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and open your shift before taking payments. %1 opens it.</source>
        <translation>Count the cash in the drawer and open your shift before taking payments. %1 opens it.</translation>
    </message>
    <message>
        <source>Opening cash float (yuan)</source>
        <translation>Opening cash float (yuan)</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Last handover report</source>
        <translation>Last handover report</translation>
    </message>
    <message>
        <source>Shift open</source>
        <translation>Shift open</translation>
    </message>
    <message>
        <source>Shift number</source>
        <translation>Shift number</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Opened by</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Opening cash float</source>
        <translation>Opening cash float</translation>
    </message>
    <message>
        <source>This shift was opened by %1. Only they or the merchant can close it.</source>
        <translation>This shift was opened by %1. Only they or the merchant can close it.</translation>
    </message>
    <message>
        <source>To hand over, count the cash in the drawer and enter it: the handover report comes next.</source>
        <translation>To hand over, count the cash in the drawer and enter it: the handover report comes next.</translation>
    </message>
    <message>
        <source>Cash counted (yuan)</source>
        <translation>Cash counted (yuan)</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
</context>
<context>
    <name>ShiftReportPage</name>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>Face pay</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>The report was sent to the printer again.</source>
        <translation>The report was sent to the printer again.</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Count again</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Handover report (not closed yet)</source>
        <translation>Handover report (not closed yet)</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>Handover report</translation>
    </message>
    <message>
        <source>No shift has been closed on this terminal yet.</source>
        <translation>No shift has been closed on this terminal yet.</translation>
    </message>
    <message>
        <source>Shift number</source>
        <translation>Shift number</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>Paid orders</translation>
    </message>
    <message>
        <source>No payments in this shift.</source>
        <translation>No payments in this shift.</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message numerus="yes">
        <source>%n refund(s)</source>
        <translation>
            <numerusform>%n refund</numerusform>
            <numerusform>%n refunds</numerusform>
        </translation>
    </message>
    <message>
        <source>Voucher deductions</source>
        <translation>Voucher deductions</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening cash float</source>
        <translation>Opening cash float</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Difference (over)</source>
        <translation>Difference (over)</translation>
    </message>
    <message>
        <source>Difference (short)</source>
        <translation>Difference (short)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Shift closed. The report is stored, printed and queued for the backend.</source>
        <translation>Shift closed. The report is stored, printed and queued for the backend.</translation>
    </message>
    <message>
        <source>Shift closed. The report is stored and queued for the backend, but it was not printed: check the printer, then reprint.</source>
        <translation>Shift closed. The report is stored and queued for the backend, but it was not printed: check the printer, then reprint.</translation>
    </message>
    <message>
        <source>The next person signs in and opens a new shift with the cash float in the drawer.</source>
        <translation>The next person signs in and opens a new shift with the cash float in the drawer.</translation>
    </message>
    <message>
        <source>Confirm handover and close the shift</source>
        <translation>Confirm handover and close the shift</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>FacePOS</source>
        <translation>FacePOS</translation>
    </message>
    <message>
        <source>Sign in to take payments</source>
        <translation>Sign in to take payments</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Merchant account %1</source>
        <translation>Merchant account %1</translation>
    </message>
    <message>
        <source>Merchant password</source>
        <translation>Merchant password</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>Employee number</translation>
    </message>
    <message>
        <source>1–8 digits</source>
        <translation>1–8 digits</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Sign-in is locked for %1.</source>
        <translation>Too many wrong passwords. Sign-in is locked for %1.</translation>
    </message>
    <message>
        <source>Sign in with a clerk account</source>
        <translation>Sign in with a clerk account</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>FacePOS</source>
        <translation>FacePOS</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to sync</source>
        <translation>
            <numerusform>%n record waiting to sync</numerusform>
            <numerusform>%n records waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>All synced</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n record(s) waiting to sync</source>
        <translation>
            <numerusform>Offline: %n record waiting to sync</numerusform>
            <numerusform>Offline: %n records waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n record(s)…</source>
        <translation>
            <numerusform>Syncing %n record…</numerusform>
            <numerusform>Syncing %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>StoreDetailsPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Store details</source>
        <translation>Store details</translation>
    </message>
    <message>
        <source>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</source>
        <translation>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>Store number</source>
        <translation>Store number</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation>Merchant number</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>This terminal</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>Clerks</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift opening</source>
        <translation>Shift opening</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>Voucher redemption</source>
        <translation>Voucher redemption</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Offline: the records upload by themselves when the network is back.</source>
        <translation>Offline: the records upload by themselves when the network is back.</translation>
    </message>
    <message>
        <source>Offline.</source>
        <translation>Offline.</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <source>The last upload failed; the terminal tries again by itself.</source>
        <translation>The last upload failed; the terminal tries again by itself.</translation>
    </message>
    <message>
        <source>Waiting to upload.</source>
        <translation>Waiting to upload.</translation>
    </message>
    <message>
        <source>Every record is uploaded.</source>
        <translation>Every record is uploaded.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Data sync</source>
        <translation>Data sync</translation>
    </message>
    <message>
        <source>No network. Cash sales still work: they are kept on this terminal and uploaded when the network is back. WeChat Pay, Alipay, UnionPay and face pay need the network and cannot be taken until then.</source>
        <translation>No network. Cash sales still work: they are kept on this terminal and uploaded when the network is back. WeChat Pay, Alipay, UnionPay and face pay need the network and cannot be taken until then.</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>Oldest record waiting for</source>
        <translation>Oldest record waiting for</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Last successful sync</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>%1% done</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation>Next attempt at %1</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Refused by the backend (%1)</source>
        <translation>Refused by the backend (%1)</translation>
    </message>
    <message>
        <source>These records are not sent again by themselves. Check the reason; once it is fixed on the backend, send the record again.</source>
        <translation>These records are not sent again by themselves. Check the reason; once it is fixed on the backend, send the record again.</translation>
    </message>
    <message>
        <source>None: the backend accepted every record.</source>
        <translation>None: the backend accepted every record.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
</context>
<context>
    <name>UnbindingPage</name>
    <message>
        <source>This device was unbound</source>
        <translation>This device was unbound</translation>
    </message>
    <message>
        <source>Support removed this device from the merchant. Selling has stopped. The records taken before are delivered first; nothing is deleted.</source>
        <translation>Support removed this device from the merchant. Selling has stopped. The records taken before are delivered first; nothing is deleted.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) still to deliver</source>
        <translation>
            <numerusform>%n record still to deliver</numerusform>
            <numerusform>%n records still to deliver</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record is delivered.</source>
        <translation>Every record is delivered.</translation>
    </message>
    <message>
        <source>Uploading… Keep the terminal switched on.</source>
        <translation>Uploading… Keep the terminal switched on.</translation>
    </message>
    <message>
        <source>Offline: the records upload by themselves when the network is back. Keep the terminal switched on.</source>
        <translation>Offline: the records upload by themselves when the network is back. Keep the terminal switched on.</translation>
    </message>
    <message>
        <source>Records the backend refused were saved to %1.</source>
        <translation>Records the backend refused were saved to %1.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>facepos::checkout::CheckoutController</name>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Sending the payment to the wallet…</source>
        <translation>Sending the payment to the wallet…</translation>
    </message>
    <message>
        <source>Waiting for the customer to confirm on the phone</source>
        <translation>Waiting for the customer to confirm on the phone</translation>
    </message>
    <message>
        <source>Checking the payment result with the wallet…</source>
        <translation>Checking the payment result with the wallet…</translation>
    </message>
    <message>
        <source>Cancelling the payment…</source>
        <translation>Cancelling the payment…</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>Payment received</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <source>Order closed, nothing charged</source>
        <translation>Order closed, nothing charged</translation>
    </message>
    <message>
        <source>Payment cancelled and reversed</source>
        <translation>Payment cancelled and reversed</translation>
    </message>
    <message>
        <source>A payment is in progress: wait for its result.</source>
        <translation>A payment is in progress: wait for its result.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>Enter the amount in yuan with at most two decimals, e.g. 12 or 12.50.</source>
        <translation>Enter the amount in yuan with at most two decimals, e.g. 12 or 12.50.</translation>
    </message>
    <message>
        <source>This terminal is not activated yet, so it cannot take payments.</source>
        <translation>This terminal is not activated yet, so it cannot take payments.</translation>
    </message>
    <message>
        <source>Sign in first: every sale records who took it.</source>
        <translation>Sign in first: every sale records who took it.</translation>
    </message>
    <message>
        <source>Open your shift first (Home → Shift handover): clerks take payments within a shift.</source>
        <translation>Open your shift first (Home → Shift handover): clerks take payments within a shift.</translation>
    </message>
    <message>
        <source>Payments interrupted by the last restart are being resolved. Wait a moment and try again.</source>
        <translation>Payments interrupted by the last restart are being resolved. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The terminal is offline: payment codes need the network. Take cash, or wait until the network is back.</source>
        <translation>The terminal is offline: payment codes need the network. Take cash, or wait until the network is back.</translation>
    </message>
    <message>
        <source>Too many cash sales are waiting to be synced. Wait until the terminal is online again and has synced.</source>
        <translation>Too many cash sales are waiting to be synced. Wait until the terminal is online again and has synced.</translation>
    </message>
    <message>
        <source>The cash taken while offline has reached its limit. Wait until the terminal is online again and has synced.</source>
        <translation>The cash taken while offline has reached its limit. Wait until the terminal is online again and has synced.</translation>
    </message>
    <message>
        <source>The terminal&apos;s storage is full: no new sale can start. Call support.</source>
        <translation>The terminal&apos;s storage is full: no new sale can start. Call support.</translation>
    </message>
    <message>
        <source>The sale cannot start: %1</source>
        <translation>The sale cannot start: %1</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>Enter an amount greater than zero.</translation>
    </message>
    <message>
        <source>The most one sale can take is %1. Split the sale or check the amount.</source>
        <translation>The most one sale can take is %1. Split the sale or check the amount.</translation>
    </message>
    <message>
        <source>Payment codes need the network: the terminal is online. Ask the customer to show the payment code to the scanner.</source>
        <translation>Payment codes need the network: the terminal is online. Ask the customer to show the payment code to the scanner.</translation>
    </message>
    <message>
        <source>Enter the cash received in yuan with at most two decimals, e.g. 100 or 100.00.</source>
        <translation>Enter the cash received in yuan with at most two decimals, e.g. 100 or 100.00.</translation>
    </message>
    <message>
        <source>%1 received is less than the %2 to pay.</source>
        <translation>%1 received is less than the %2 to pay.</translation>
    </message>
    <message>
        <source>The sale could not be saved, nothing was recorded: %1. Keep the cash separate and call support.</source>
        <translation>The sale could not be saved, nothing was recorded: %1. Keep the cash separate and call support.</translation>
    </message>
    <message>
        <source>Cash: %1 received, change %2.</source>
        <translation>Cash: %1 received, change %2.</translation>
    </message>
    <message>
        <source>The code was not read completely. Nothing was charged: ask the customer to show it again.</source>
        <translation>The code was not read completely. Nothing was charged: ask the customer to show it again.</translation>
    </message>
    <message>
        <source>That is a member card, not a payment code. Nothing was charged: ask the customer for the payment code.</source>
        <translation>That is a member card, not a payment code. Nothing was charged: ask the customer for the payment code.</translation>
    </message>
    <message>
        <source>That is a voucher, not a payment code. Nothing was charged: ask the customer for the payment code.</source>
        <translation>That is a voucher, not a payment code. Nothing was charged: ask the customer for the payment code.</translation>
    </message>
    <message>
        <source>This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged: ask the customer to open the payment code in the wallet app.</source>
        <translation>This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged: ask the customer to open the payment code in the wallet app.</translation>
    </message>
    <message>
        <source>A payment is in progress: this scan was ignored and nothing was charged for it. Wait for the result.</source>
        <translation>A payment is in progress: this scan was ignored and nothing was charged for it. Wait for the result.</translation>
    </message>
    <message>
        <source>Enter the amount and confirm it before the customer shows the payment code. Nothing was charged.</source>
        <translation>Enter the amount and confirm it before the customer shows the payment code. Nothing was charged.</translation>
    </message>
    <message>
        <source>This sale is being paid in cash; nothing was charged. Go back to take the payment code instead.</source>
        <translation>This sale is being paid in cash; nothing was charged. Go back to take the payment code instead.</translation>
    </message>
    <message>
        <source>This sale is over; nothing was charged. Enter the next amount first.</source>
        <translation>This sale is over; nothing was charged. Enter the next amount first.</translation>
    </message>
    <message>
        <source>The sale could not be saved, nothing was charged: %1</source>
        <translation>The sale could not be saved, nothing was charged: %1</translation>
    </message>
    <message>
        <source>The payment could not start, nothing was charged: %1</source>
        <translation>The payment could not start, nothing was charged: %1</translation>
    </message>
    <message>
        <source>%1, code %2.</source>
        <translation>%1, code %2.</translation>
    </message>
    <message>
        <source>The order was closed before the customer paid. Nothing was charged.</source>
        <translation>The order was closed before the customer paid. Nothing was charged.</translation>
    </message>
    <message>
        <source>The payment was reversed: if money was taken, the wallet returns it to the customer.</source>
        <translation>The payment was reversed: if money was taken, the wallet returns it to the customer.</translation>
    </message>
    <message>
        <source>The receipt was not printed (%1). The payment stands. Fix the printer, e.g. load paper, then press Reprint.</source>
        <translation>The receipt was not printed (%1). The payment stands. Fix the printer, e.g. load paper, then press Reprint.</translation>
    </message>
    <message>
        <source>The wallet declined the payment. Nothing was charged: ask the customer for another way to pay.</source>
        <translation>The wallet declined the payment. Nothing was charged: ask the customer for another way to pay.</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Paid %1</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>Face pay</translation>
    </message>
    <message>
        <source>This terminal has no camera: face pay is not available.</source>
        <translation>This terminal has no camera: face pay is not available.</translation>
    </message>
    <message>
        <source>Face pay needs the network.</source>
        <translation>Face pay needs the network.</translation>
    </message>
    <message>
        <source>Enter exactly 4 digits: the end of the phone number.</source>
        <translation>Enter exactly 4 digits: the end of the phone number.</translation>
    </message>
    <message>
        <source>The digits could not be sent: %1</source>
        <translation>The digits could not be sent: %1</translation>
    </message>
</context>
<context>
    <name>facepos::checkout::FaceCheckout</name>
    <message>
        <source>No face could be captured in time. Please pay with your payment code instead.</source>
        <translation>No face could be captured in time. Please pay with your payment code instead.</translation>
    </message>
    <message>
        <source>%1 Please pay with your payment code instead.</source>
        <translation>%1 Please pay with your payment code instead.</translation>
    </message>
    <message>
        <source>This terminal has no camera: face pay is not available.</source>
        <translation>This terminal has no camera: face pay is not available.</translation>
    </message>
    <message>
        <source>Face pay is not available: %1</source>
        <translation>Face pay is not available: %1</translation>
    </message>
    <message>
        <source>The camera stopped working (unplugged?).</source>
        <translation>The camera stopped working (unplugged?).</translation>
    </message>
    <message>
        <source>No camera was found.</source>
        <translation>No camera was found.</translation>
    </message>
    <message>
        <source>The camera cannot be opened.</source>
        <translation>The camera cannot be opened.</translation>
    </message>
    <message>
        <source>The face picture could not be prepared for sending.</source>
        <translation>The face picture could not be prepared for sending.</translation>
    </message>
    <message>
        <source>Face detection cannot run on this terminal.</source>
        <translation>Face detection cannot run on this terminal.</translation>
    </message>
    <message>
        <source>Face capture stopped.</source>
        <translation>Face capture stopped.</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Getting ready…</translation>
    </message>
    <message>
        <source>Hold still — capturing</source>
        <translation>Hold still — capturing</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>Please look at the camera</translation>
    </message>
    <message>
        <source>One person at a time, please</source>
        <translation>One person at a time, please</translation>
    </message>
    <message>
        <source>Please move closer</source>
        <translation>Please move closer</translation>
    </message>
    <message>
        <source>Please move back a little</source>
        <translation>Please move back a little</translation>
    </message>
    <message>
        <source>Please move your face to the middle of the frame</source>
        <translation>Please move your face to the middle of the frame</translation>
    </message>
    <message>
        <source>Please face the camera straight on</source>
        <translation>Please face the camera straight on</translation>
    </message>
    <message>
        <source>Too dark: please face the light</source>
        <translation>Too dark: please face the light</translation>
    </message>
    <message>
        <source>Too bright: please step out of the glare</source>
        <translation>Too bright: please step out of the glare</translation>
    </message>
    <message>
        <source>Please hold still</source>
        <translation>Please hold still</translation>
    </message>
    <message>
        <source>Please turn your head slightly, then look back</source>
        <translation>Please turn your head slightly, then look back</translation>
    </message>
    <message>
        <source>A live face is needed: photos and screens are not accepted</source>
        <translation>A live face is needed: photos and screens are not accepted</translation>
    </message>
    <message>
        <source>Face pay cannot start (%1). Please pay with your payment code instead.</source>
        <translation>Face pay cannot start (%1). Please pay with your payment code instead.</translation>
    </message>
</context>
<context>
    <name>facepos::session::ClerkManager</name>
    <message>
        <source>Only the merchant manages clerks. Sign in as the merchant.</source>
        <translation>Only the merchant manages clerks. Sign in as the merchant.</translation>
    </message>
    <message>
        <source>Enter the employee number, the name and a password.</source>
        <translation>Enter the employee number, the name and a password.</translation>
    </message>
    <message>
        <source>The employee number is 1 to 8 digits.</source>
        <translation>The employee number is 1 to 8 digits.</translation>
    </message>
    <message>
        <source>The name is at most 32 characters.</source>
        <translation>The name is at most 32 characters.</translation>
    </message>
    <message>
        <source>The password has 6 to 16 characters.</source>
        <translation>The password has 6 to 16 characters.</translation>
    </message>
</context>
<context>
    <name>facepos::session::DeviceBinding</name>
    <message>
        <source>This terminal already has a bind request.</source>
        <translation>This terminal already has a bind request.</translation>
    </message>
    <message>
        <source>Enter the merchant account and its password.</source>
        <translation>Enter the merchant account and its password.</translation>
    </message>
    <message>
        <source>The merchant account is 8 to 12 digits.</source>
        <translation>The merchant account is 8 to 12 digits.</translation>
    </message>
    <message>
        <source>The merchant password has 8 to 32 characters.</source>
        <translation>The merchant password has 8 to 32 characters.</translation>
    </message>
    <message>
        <source>The backend approved this terminal but no longer sends its key. Ask support to unbind the terminal and approve a new request.</source>
        <translation>The backend approved this terminal but no longer sends its key. Ask support to unbind the terminal and approve a new request.</translation>
    </message>
    <message>
        <source>The activation data was damaged on the way. The terminal asks again automatically.</source>
        <translation>The activation data was damaged on the way. The terminal asks again automatically.</translation>
    </message>
</context>
<context>
    <name>facepos::session::SessionManager</name>
    <message>
        <source>Too many wrong passwords: sign-in is locked for %1:%2.</source>
        <translation>Too many wrong passwords: sign-in is locked for %1:%2.</translation>
    </message>
    <message>
        <source>Enter the merchant password.</source>
        <translation>Enter the merchant password.</translation>
    </message>
    <message>
        <source>Enter the employee number and the password.</source>
        <translation>Enter the employee number and the password.</translation>
    </message>
    <message>
        <source>The employee number is 1 to 8 digits.</source>
        <translation>The employee number is 1 to 8 digits.</translation>
    </message>
    <message>
        <source>Only %1 can unlock this terminal.</source>
        <translation>Only %1 can unlock this terminal.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>facepos::session::ShiftManager</name>
    <message>
        <source>Sign in before opening a shift.</source>
        <translation>Sign in before opening a shift.</translation>
    </message>
    <message>
        <source>Shift %1 is still open. Close it before opening a new one.</source>
        <translation>Shift %1 is still open. Close it before opening a new one.</translation>
    </message>
    <message>
        <source>The opening cash must be between 0 and 1,000,000 yuan.</source>
        <translation>The opening cash must be between 0 and 1,000,000 yuan.</translation>
    </message>
    <message>
        <source>A shift was opened this very second; try again.</source>
        <translation>A shift was opened this very second; try again.</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>No shift is open.</translation>
    </message>
    <message>
        <source>Sign in before closing the shift.</source>
        <translation>Sign in before closing the shift.</translation>
    </message>
    <message>
        <source>Only the person who opened this shift, or the merchant, can close it.</source>
        <translation>Only the person who opened this shift, or the merchant, can close it.</translation>
    </message>
    <message>
        <source>Enter the cash counted in the drawer.</source>
        <translation>Enter the cash counted in the drawer.</translation>
    </message>
    <message>
        <source>No shift was closed yet.</source>
        <translation>No shift was closed yet.</translation>
    </message>
    <message>
        <source>The report could not be printed. Check the printer.</source>
        <translation>The report could not be printed. Check the printer.</translation>
    </message>
</context>
</TS>
