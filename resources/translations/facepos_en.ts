<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>The camera preview arrives with face pay; there is nothing to test here yet.</source>
        <translation>The camera preview arrives with face pay; there is nothing to test here yet.</translation>
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
    <name>Main</name>
    <message>
        <source>FacePOS</source>
        <translation>FacePOS</translation>
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
</TS>
