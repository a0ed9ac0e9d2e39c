<?xml version='1.0' encoding='utf-8'?>
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
</context>
<context>
    <name>CustomerDisplayWindow</name>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
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
            <numerusform>%n record waiting to sync</numerusform><numerusform>%n records waiting to sync</numerusform></translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>All synced</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
</context>
</TS>