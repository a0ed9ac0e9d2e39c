<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerDisplayView</name>
    <message>
        <source>Welcome to %1</source>
        <translation>欢迎光临%1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <source>Customer display preview</source>
        <translation>顾客屏预览</translation>
    </message>
    <message>
        <source>Member: %1 (%2)</source>
        <translation>会员：%1（%2）</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>会员：%1</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>请正视摄像头</translation>
    </message>
    <message>
        <source>Please show your payment code</source>
        <translation>请出示付款码</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayWindow</name>
    <message>
        <source>Customer display</source>
        <translation>顾客屏</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检测中…</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>银联</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>Rejected: scan again</source>
        <translation>无效：请重新扫码</translation>
    </message>
    <message>
        <source>No scan yet</source>
        <translation>尚未扫码</translation>
    </message>
    <message>
        <source>No key yet</source>
        <translation>尚未按键</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>退格</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>刷脸支付</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Test page not printed: %1</source>
        <translation>测试页未打印：%1</translation>
    </message>
    <message>
        <source>Test page printed on the virtual printer; the image is %1</source>
        <translation>测试页已在虚拟打印机上打印，图片保存在 %1</translation>
    </message>
    <message>
        <source>Test page printed on %1.</source>
        <translation>测试页已在 %1 上打印。</translation>
    </message>
    <message>
        <source>Drawer kick sent: the drawer should be open.</source>
        <translation>已发送开钱箱指令，钱箱应已打开。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Device self-test</source>
        <translation>外设自检</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Scan a payment code, member card or voucher.</source>
        <translation>请扫描付款码、会员卡或优惠券。</translation>
    </message>
    <message>
        <source>Code to scan</source>
        <translation>要扫描的码</translation>
    </message>
    <message>
        <source>Simulate scan</source>
        <translation>模拟扫码</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>数字键盘</translation>
    </message>
    <message>
        <source>Press any key on the amount keypad.</source>
        <translation>请按金额键盘上的任意键。</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检测</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>打开钱箱</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>The camera preview arrives with face pay; there is nothing to test here yet.</source>
        <translation>摄像头预览将随刷脸支付功能提供，目前这里还没有可测试的内容。</translation>
    </message>
    <message>
        <source>via the printer</source>
        <translation>经打印机</translation>
    </message>
    <message>
        <source>Speaking: “payment successful, 12.50 yuan”.</source>
        <translation>正在播报：“支付成功，12.50元”。</translation>
    </message>
    <message>
        <source>No voice prompt: %1</source>
        <translation>无法播报语音：%1</translation>
    </message>
    <message>
        <source>Voice prompts</source>
        <translation>语音播报</translation>
    </message>
    <message>
        <source>Say a test prompt</source>
        <translation>播放测试语音</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>FacePOS</source>
        <translation>刷脸收银</translation>
    </message>
    <message>
        <source>Choose what to do.</source>
        <translation>请选择要办理的业务。</translation>
    </message>
    <message>
        <source>Sign in to take payments. Settings are available now.</source>
        <translation>登录后即可收款。现在可以进入设置。</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Payment code, face pay or cash</source>
        <translation>付款码、刷脸或现金</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Search, refund, reprint</source>
        <translation>查询、退款、补打小票</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Open or close a shift</source>
        <translation>开班或交班</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language, device information</source>
        <translation>语言、设备信息</translation>
    </message>
    <message>
        <source>Demo mode: all devices are simulated.</source>
        <translation>演示模式：所有外设均为模拟设备。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>FacePOS</source>
        <translation>刷脸收银</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Software version</source>
        <translation>软件版本</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后台地址</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>外设</translation>
    </message>
    <message>
        <source>Device self-test</source>
        <translation>外设自检</translation>
    </message>
    <message>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>FacePOS</source>
        <translation>刷脸收银</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to sync</source>
        <translation>
            <numerusform>%n 条记录待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>已全部同步</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n record(s) waiting to sync</source>
        <translation>
            <numerusform>离线：%n 条记录待同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n record(s)…</source>
        <translation>
            <numerusform>正在同步 %n 条记录…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n 条被拒收</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift opening</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Voucher redemption</source>
        <translation>券核销</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Offline: the records upload by themselves when the network is back.</source>
        <translation>离线：联网后记录会自动上传。</translation>
    </message>
    <message>
        <source>Offline.</source>
        <translation>离线。</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <source>The last upload failed; the terminal tries again by itself.</source>
        <translation>上次上传失败，终端会自动重试。</translation>
    </message>
    <message>
        <source>Waiting to upload.</source>
        <translation>等待上传。</translation>
    </message>
    <message>
        <source>Every record is uploaded.</source>
        <translation>全部记录已上传。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>No network. Cash sales still work: they are kept on this terminal and uploaded when the network is back. WeChat Pay, Alipay, UnionPay and face pay need the network and cannot be taken until then.</source>
        <translation>网络未连接。现金收款照常可用：记录保存在本机，联网后自动上传。微信支付、支付宝、银联和刷脸支付需要网络，联网前无法收款。</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>待上传</translation>
    </message>
    <message>
        <source>Oldest record waiting for</source>
        <translation>最早一条已等待</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>已完成 %1%</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation>下次尝试：%1</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Refused by the backend (%1)</source>
        <translation>后台拒收的记录（%1）</translation>
    </message>
    <message>
        <source>These records are not sent again by themselves. Check the reason; once it is fixed on the backend, send the record again.</source>
        <translation>这些记录不会自动重发。请核对原因，待后台处理好后再重新发送。</translation>
    </message>
    <message>
        <source>None: the backend accepted every record.</source>
        <translation>无：后台已接收全部记录。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
</context>
</TS>
