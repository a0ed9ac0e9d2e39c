<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationPage</name>
    <message>
        <source>Activation request rejected</source>
        <translation>激活申请被驳回</translation>
    </message>
    <message>
        <source>Activate this device</source>
        <translation>激活本设备</translation>
    </message>
    <message>
        <source>Support did not approve the request. Check the reason, correct it, and submit again.</source>
        <translation>客服未通过本次申请。请查看原因，更正后重新提交。</translation>
    </message>
    <message>
        <source>This device is not bound to a merchant yet. Sign in with the merchant account to send the activation request; support then reviews it.</source>
        <translation>本设备尚未绑定商户。请输入商户账号和密码提交绑定激活申请，客服审核通过后即可使用。</translation>
    </message>
    <message>
        <source>Records the backend refused were saved to %1. Copy them before they are needed.</source>
        <translation>后台拒收的记录已保存到 %1，请及时复制留存。</translation>
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
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后台地址</translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation>商户号</translation>
    </message>
    <message>
        <source>8–12 digits</source>
        <translation>8–12 位数字</translation>
    </message>
    <message>
        <source>Merchant password</source>
        <translation>商户密码</translation>
    </message>
    <message>
        <source>Store number (optional)</source>
        <translation>门店编号（可选）</translation>
    </message>
    <message>
        <source>The merchant&apos;s first store</source>
        <translation>默认：商户的第一家门店</translation>
    </message>
    <message>
        <source>Send activation request</source>
        <translation>提交激活申请</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation>未说明原因。</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>重新提交</translation>
    </message>
</context>
<context>
    <name>ActivationPendingPage</name>
    <message>
        <source>Pending review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>The activation request was sent. Give support the serial number and the request ID below; this screen changes by itself once they have decided.</source>
        <translation>激活申请已提交。请将下方的序列号和申请编号告知客服；审核结果出来后本页面会自动更新。</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Next check at %1</source>
        <translation>下次查询时间：%1</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>立即查询</translation>
    </message>
</context>
<context>
    <name>AmountKeypad</name>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ 删除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>CheckoutAmountPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>%1 · shift %2</source>
        <translation>%1 · 班次 %2</translation>
    </message>
    <message>
        <source>%1 · no shift open</source>
        <translation>%1 · 未开班</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Amount to collect (yuan)</source>
        <translation>收款金额（元）</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Type the amount on the counter keypad or here, then press Collect (or the keypad&apos;s confirm key).</source>
        <translation>在收款键盘或屏幕上输入金额，然后点“收款”（或按键盘的确认键）。</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>收款</translation>
    </message>
</context>
<context>
    <name>CheckoutCashPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>刚好</translation>
    </message>
    <message>
        <source>Done, open drawer</source>
        <translation>完成并开钱箱</translation>
    </message>
</context>
<context>
    <name>CheckoutFacePage</name>
    <message>
        <source>Confirm with the phone number</source>
        <translation>手机号确认</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>刷脸支付</translation>
    </message>
    <message>
        <source>Before you pay with your face</source>
        <translation>刷脸支付前请您知悉</translation>
    </message>
    <message>
        <source>The camera takes one picture of your face. It is encrypted on this terminal at once, sent only to identify you for this payment, and never stored on the terminal. You may be asked for the last 4 digits of your phone number.</source>
        <translation>摄像头将拍摄一张您的面部照片。照片在本终端上立即加密，仅用于本次支付的身份识别，不会保存在终端上。可能需要您输入手机号后四位进行确认。</translation>
    </message>
    <message>
        <source>You can always pay with your payment code instead.</source>
        <translation>您也可以随时改用付款码支付。</translation>
    </message>
    <message>
        <source>I agree, pay with my face</source>
        <translation>同意并刷脸支付</translation>
    </message>
    <message>
        <source>Pay by payment code</source>
        <translation>改用付款码</translation>
    </message>
    <message>
        <source>%1 s left, then the payment code is offered</source>
        <translation>还剩 %1 秒，超时后请改用付款码</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number</source>
        <translation>请输入手机号后四位</translation>
    </message>
    <message numerus="yes">
        <source>Those digits did not match. %n attempt(s) left.</source>
        <translation>
            <numerusform>号码不匹配，还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>取消收款</translation>
    </message>
</context>
<context>
    <name>CheckoutPayPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>正在收款</translation>
    </message>
    <message>
        <source>Choose how to pay</source>
        <translation>选择支付方式</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s WeChat Pay, Alipay or UnionPay payment code: the charge starts at once.</source>
        <translation>扫描顾客的微信、支付宝或云闪付付款码，扫码后立即扣款。</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>刷脸支付</translation>
    </message>
</context>
<context>
    <name>CheckoutResultPage</name>
    <message>
        <source>Give change: %1</source>
        <translation>找零：%1</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <source>Next sale</source>
        <translation>下一笔</translation>
    </message>
    <message>
        <source>Back to the amount in %1 s</source>
        <translation>%1 秒后返回收款界面</translation>
    </message>
</context>
<context>
    <name>ClerksPage</name>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Clerk %1 created. They can sign in with the new password now.</source>
        <translation>店员 %1 已创建，现在可以用新密码登录。</translation>
    </message>
    <message>
        <source>The password of clerk %1 was reset.</source>
        <translation>店员 %1 的密码已重置。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>店员管理</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New clerk</source>
        <translation>新建店员</translation>
    </message>
    <message>
        <source>Only the merchant manages clerks: sign in with the merchant account to open this page.</source>
        <translation>店员只由商户管理：请用商户账号登录后打开本页。</translation>
    </message>
    <message>
        <source>The backend cannot be reached: this is the list saved at %1. Changes need the network.</source>
        <translation>无法连接后台：以下是 %1 保存的名单。修改需要联网。</translation>
    </message>
    <message>
        <source>The backend cannot be reached and no list has been saved on this terminal yet.</source>
        <translation>无法连接后台，本终端也还没有保存过店员名单。</translation>
    </message>
    <message>
        <source>Last sign-in %1</source>
        <translation>上次登录 %1</translation>
    </message>
    <message>
        <source>Never signed in</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>No clerks yet. Create the first one with “New clerk”.</source>
        <translation>还没有店员。点“新建店员”创建第一个。</translation>
    </message>
    <message>
        <source>Employee number (1–8 digits)</source>
        <translation>工号（1–8 位数字）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Initial password (6–16 characters)</source>
        <translation>初始密码（6–16 个字符）</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>New password for %1 (%2)</source>
        <translation>为 %1（%2）设置新密码</translation>
    </message>
    <message>
        <source>The clerk is signed out on every terminal and signs in again with the new password.</source>
        <translation>该店员会在所有终端上退出登录，之后用新密码重新登录。</translation>
    </message>
    <message>
        <source>New password (6–16 characters)</source>
        <translation>新密码（6–16 个字符）</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
</context>
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
    <message>
        <source>Please confirm the payment on your phone</source>
        <translation>请在手机上确认付款</translation>
    </message>
    <message>
        <source>Payment in progress, please wait</source>
        <translation>正在支付，请稍候</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number</source>
        <translation>请输入手机号后四位</translation>
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
    <message>
        <source>Off</source>
        <translation>未开启</translation>
    </message>
    <message>
        <source>Stop the camera test</source>
        <translation>停止摄像头测试</translation>
    </message>
    <message>
        <source>Test the camera</source>
        <translation>测试摄像头</translation>
    </message>
    <message>
        <source>No camera is configured (devices.camera): face pay is off; payment codes come from the scanner.</source>
        <translation>未配置摄像头（devices.camera）：刷脸支付不可用，付款码由扫码枪读取。</translation>
    </message>
    <message>
        <source>Face pay and camera code reading open the camera only while a payment is being taken.</source>
        <translation>刷脸支付和摄像头扫码只在收款时打开摄像头。</translation>
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
    <name>LockPage</name>
    <message>
        <source>Locked</source>
        <translation>已锁屏</translation>
    </message>
    <message>
        <source>%1, enter your password to continue.</source>
        <translation>%1，请输入密码继续。</translation>
    </message>
    <message>
        <source>Enter your password to continue.</source>
        <translation>请输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Unlocking is blocked for %1.</source>
        <translation>密码错误次数过多，解锁已锁定，剩余 %1。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Someone else? Sign out, then sign in with your own account.</source>
        <translation>不是本人？请先退出登录，再用自己的账号登录。</translation>
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
    <name>Messages</name>
    <message numerus="yes">
        <source>Wrong account or password. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>账号或密码错误。再错 %n 次账号将被锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong account or password.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account is locked until %1.</source>
        <translation>密码错误次数过多，账号已锁定至 %1。</translation>
    </message>
    <message>
        <source>This clerk account is disabled. Ask the merchant to enable it.</source>
        <translation>该店员账号已停用，请联系商户启用。</translation>
    </message>
    <message>
        <source>The merchant account is signed in on another terminal (%1). Sign in here with a clerk account, or sign out on the other terminal first.</source>
        <translation>商户账号已在另一台终端（%1）登录。请在本机使用店员账号登录，或先在那台终端退出登录。</translation>
    </message>
    <message>
        <source>The session has ended. Please sign in again.</source>
        <translation>登录已失效，请重新登录。</translation>
    </message>
    <message>
        <source>Only the merchant may do this.</source>
        <translation>只有商户可以进行此操作。</translation>
    </message>
    <message>
        <source>A clerk with this employee number already exists.</source>
        <translation>该工号的店员已存在。</translation>
    </message>
    <message>
        <source>There is no clerk with this employee number.</source>
        <translation>没有该工号的店员。</translation>
    </message>
    <message>
        <source>This terminal is already bound to a merchant. Support must unbind it first.</source>
        <translation>本终端已绑定商户，需先由客服解绑。</translation>
    </message>
    <message>
        <source>The bind request is no longer known to the backend. Submit it again.</source>
        <translation>后台已找不到该绑定申请，请重新提交。</translation>
    </message>
    <message>
        <source>The backend does not know this terminal as activated. Call support.</source>
        <translation>后台显示本终端未激活，请联系客服。</translation>
    </message>
    <message>
        <source>Support has unbound this terminal.</source>
        <translation>客服已解绑本终端。</translation>
    </message>
    <message>
        <source>The backend refused the input: %1</source>
        <translation>后台拒绝了输入内容：%1</translation>
    </message>
    <message>
        <source>The backend did not accept this terminal&apos;s request (clock or key). Check the date and time, then try again; if it goes on, call support.</source>
        <translation>后台未接受本终端的请求（时间或密钥有误）。请检查日期和时间后重试；如仍失败，请联系客服。</translation>
    </message>
    <message>
        <source>The backend cannot be reached. Check the network cable or Wi-Fi, then try again.</source>
        <translation>无法连接后台。请检查网线或 Wi-Fi 后重试。</translation>
    </message>
    <message>
        <source>No valid answer from the backend. Try again in a moment.</source>
        <translation>后台未返回有效应答，请稍后重试。</translation>
    </message>
    <message>
        <source>The terminal could not prepare the request. Call support.</source>
        <translation>终端无法生成请求，请联系客服。</translation>
    </message>
    <message>
        <source>The backend refused the request (%1).</source>
        <translation>后台拒绝了请求（%1）。</translation>
    </message>
</context>
<context>
    <name>MyStorePage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>My store</source>
        <translation>我的门店</translation>
    </message>
    <message>
        <source>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</source>
        <translation>门店与店员只由商户管理：请用商户账号登录后打开。</translation>
    </message>
    <message>
        <source>Merchant %1 · %2</source>
        <translation>商户 %1 · %2</translation>
    </message>
    <message>
        <source>Store details</source>
        <translation>门店信息</translation>
    </message>
</context>
<context>
    <name>PaymentMessages</name>
    <message>
        <source>Payment received.</source>
        <translation>收款成功</translation>
    </message>
    <message>
        <source>Insufficient balance: ask the customer to pay another way.</source>
        <translation>余额不足，请顾客换一种方式付款</translation>
    </message>
    <message>
        <source>The payment code has expired: ask the customer to refresh it, then scan again.</source>
        <translation>付款码已过期，请顾客刷新付款码后重新扫码</translation>
    </message>
    <message>
        <source>The customer cancelled the payment on the phone.</source>
        <translation>顾客已在手机上取消支付</translation>
    </message>
    <message>
        <source>The wallet declined this payment: ask the customer to pay another way.</source>
        <translation>支付渠道拒绝了本次付款，请顾客换一种方式付款</translation>
    </message>
    <message>
        <source>The payment code was not recognised: scan it again.</source>
        <translation>无法识别付款码，请重新扫码</translation>
    </message>
    <message>
        <source>This payment method is not available at this store.</source>
        <translation>本店未开通该支付方式</translation>
    </message>
    <message>
        <source>This order number cannot be used again: start a new sale.</source>
        <translation>该订单号不能再次使用，请重新开单</translation>
    </message>
    <message>
        <source>The sign-in has expired and nothing was charged: sign in again, then charge again.</source>
        <translation>登录已过期，本次未扣款。请重新登录后再收款</translation>
    </message>
    <message>
        <source>The backend cannot be reached and nothing was charged: check the network, or take cash.</source>
        <translation>无法连接后台，本次未扣款。请检查网络，或改收现金</translation>
    </message>
    <message>
        <source>Payment cancelled; nothing was charged.</source>
        <translation>已取消收款，未扣款</translation>
    </message>
    <message>
        <source>The payment failed (%1): ask the customer to pay another way.</source>
        <translation>支付失败（%1），请顾客换一种方式付款</translation>
    </message>
    <message>
        <source>Payment cancelled; any amount taken goes back to the customer.</source>
        <translation>已撤销收款，已扣款项将原路退回顾客</translation>
    </message>
    <message>
        <source>The customer did not confirm in time: the payment was cancelled and any amount taken goes back to the customer.</source>
        <translation>顾客未在规定时间内确认支付，本次收款已撤销，已扣款项将原路退回</translation>
    </message>
    <message>
        <source>The payment was cancelled; any amount taken goes back to the customer.</source>
        <translation>本次收款已撤销，已扣款项将原路退回顾客</translation>
    </message>
    <message>
        <source>The payment did not reach the backend and nothing was charged: start the sale again.</source>
        <translation>付款请求未送达后台，未扣款，请重新收款</translation>
    </message>
    <message>
        <source>This sale was interrupted before the charge; nothing was charged.</source>
        <translation>该笔交易在扣款前中断，未扣款</translation>
    </message>
    <message>
        <source>The order was closed; nothing was charged.</source>
        <translation>订单已关闭，未扣款</translation>
    </message>
    <message>
        <source>Charging…</source>
        <translation>正在收款…</translation>
    </message>
    <message>
        <source>Waiting for the customer to confirm on the phone…</source>
        <translation>等待顾客在手机上确认支付…</translation>
    </message>
    <message>
        <source>Checking the payment result…</source>
        <translation>正在查询支付结果…</translation>
    </message>
    <message>
        <source>Cancelling the payment…</source>
        <translation>正在撤销收款…</translation>
    </message>
    <message>
        <source>The face was not recognised and nothing was charged: try face pay again, or ask the customer to pay another way.</source>
        <translation>未识别到付款人，未扣款：请重新刷脸，或请顾客换一种方式支付。</translation>
    </message>
    <message>
        <source>The phone number was wrong three times and nothing was charged: ask the customer to pay another way.</source>
        <translation>手机号后四位三次输入错误，未扣款：请顾客换一种方式支付。</translation>
    </message>
    <message>
        <source>Face pay has to start again and nothing was charged: capture the face again.</source>
        <translation>刷脸支付需要重新开始，未扣款：请重新刷脸。</translation>
    </message>
    <message>
        <source>The phone confirmation took too long and nothing was charged: try face pay again, or ask the customer to pay another way.</source>
        <translation>手机号确认超时，未扣款：请重新刷脸，或请顾客换一种方式支付。</translation>
    </message>
    <message>
        <source>The phone confirmation was not completed; nothing was charged.</source>
        <translation>手机号确认未完成，未扣款。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong digits: enter the last 4 digits of your phone number again (%n attempt(s) left).</source>
        <translation>
            <numerusform>号码不正确：请重新输入手机号后四位（还可尝试 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number.</source>
        <translation>请输入您手机号的后四位。</translation>
    </message>
</context>
<context>
    <name>PaymentWaitingPanel</name>
    <message>
        <source>%1 s since the charge</source>
        <translation>已等待 %1 秒</translation>
    </message>
    <message>
        <source>%1 · code %2 · order %3</source>
        <translation>%1 · 付款码 %2 · 订单 %3</translation>
    </message>
    <message>
        <source>%1 · order %2</source>
        <translation>%1 · 订单 %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>取消收款</translation>
    </message>
    <message>
        <source>A cancelled payment is reversed: if the wallet took the money, it goes back to the customer.</source>
        <translation>取消后该笔支付将被撤销：如已扣款，钱款原路退回顾客。</translation>
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
    <message>
        <source>My store</source>
        <translation>我的门店</translation>
    </message>
    <message>
        <source>Store and clerks</source>
        <translation>门店与店员</translation>
    </message>
    <message>
        <source>Store details and clerk accounts.</source>
        <translation>门店信息与店员账号。</translation>
    </message>
    <message>
        <source>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</source>
        <translation>门店与店员只由商户管理：请用商户账号登录后打开。</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <source>Enter the cash float in yuan with at most two decimals, e.g. 500 or 500.00.</source>
        <translation>请输入以元为单位、最多两位小数的备用金，例如 500 或 500.00。</translation>
    </message>
    <message>
        <source>Enter the cash counted in the drawer in yuan with at most two decimals, e.g. 593.00.</source>
        <translation>请输入以元为单位、最多两位小数的钱箱现金，例如 593.00。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Sign in first: a shift belongs to the person who opens it.</source>
        <translation>请先登录：班次属于开班的人。</translation>
    </message>
    <message>
        <source>No shift is open</source>
        <translation>当前没有开班</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and open your shift before taking payments. %1 opens it.</source>
        <translation>收款前请清点钱箱现金并开班。开班人：%1。</translation>
    </message>
    <message>
        <source>Opening cash float (yuan)</source>
        <translation>备用金（元）</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Last handover report</source>
        <translation>上一班交接报告</translation>
    </message>
    <message>
        <source>Shift open</source>
        <translation>本班进行中</translation>
    </message>
    <message>
        <source>Shift number</source>
        <translation>班次号</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>开班人</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <source>Opening cash float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>This shift was opened by %1. Only they or the merchant can close it.</source>
        <translation>本班由 %1 开班，只有本人或商户可以交班。</translation>
    </message>
    <message>
        <source>To hand over, count the cash in the drawer and enter it: the handover report comes next.</source>
        <translation>交班时请清点钱箱现金并输入，随后显示交接班报告。</translation>
    </message>
    <message>
        <source>Cash counted (yuan)</source>
        <translation>实点现金（元）</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
</context>
<context>
    <name>ShiftReportPage</name>
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
        <source>Face pay</source>
        <translation>刷脸支付</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>The report was sent to the printer again.</source>
        <translation>报告已重新发送到打印机。</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>重新清点</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Handover report (not closed yet)</source>
        <translation>交接班报告（尚未交班）</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <source>No shift has been closed on this terminal yet.</source>
        <translation>本终端还没有交过班。</translation>
    </message>
    <message>
        <source>Shift number</source>
        <translation>班次号</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>已付订单</translation>
    </message>
    <message>
        <source>No payments in this shift.</source>
        <translation>本班没有收款。</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message numerus="yes">
        <source>%n refund(s)</source>
        <translation>
            <numerusform>%n 笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Voucher deductions</source>
        <translation>券抵扣</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 单</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening cash float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Difference (over)</source>
        <translation>差额（长款）</translation>
    </message>
    <message>
        <source>Difference (short)</source>
        <translation>差额（短款）</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Shift closed. The report is stored, printed and queued for the backend.</source>
        <translation>已交班。报告已保存、打印并排队上传。</translation>
    </message>
    <message>
        <source>Shift closed. The report is stored and queued for the backend, but it was not printed: check the printer, then reprint.</source>
        <translation>已交班。报告已保存并排队上传，但没有打印出来：请检查打印机后重打。</translation>
    </message>
    <message>
        <source>The next person signs in and opens a new shift with the cash float in the drawer.</source>
        <translation>下一位登录后，用钱箱中的现金作为备用金开新班。</translation>
    </message>
    <message>
        <source>Confirm handover and close the shift</source>
        <translation>确认交接并交班</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重打</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>FacePOS</source>
        <translation>刷脸收银</translation>
    </message>
    <message>
        <source>Sign in to take payments</source>
        <translation>登录后即可收款</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Merchant account %1</source>
        <translation>商户账号 %1</translation>
    </message>
    <message>
        <source>Merchant password</source>
        <translation>商户密码</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>1–8 digits</source>
        <translation>1–8 位数字</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Sign-in is locked for %1.</source>
        <translation>密码错误次数过多，登录已锁定，剩余 %1。</translation>
    </message>
    <message>
        <source>Sign in with a clerk account</source>
        <translation>改用店员账号登录</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
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
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>StoreDetailsPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Store details</source>
        <translation>门店信息</translation>
    </message>
    <message>
        <source>Only the merchant manages the store and its clerks: sign in with the merchant account to open it.</source>
        <translation>门店与店员只由商户管理：请用商户账号登录后打开。</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Store number</source>
        <translation>门店编号</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation>商户号</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>本终端</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>当前登录</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>店员管理</translation>
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
<context>
    <name>UnbindingPage</name>
    <message>
        <source>This device was unbound</source>
        <translation>本设备已被解绑</translation>
    </message>
    <message>
        <source>Support removed this device from the merchant. Selling has stopped. The records taken before are delivered first; nothing is deleted.</source>
        <translation>客服已将本设备与商户解绑，收款已停止。解绑前产生的记录会先全部上传，不会删除任何数据。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) still to deliver</source>
        <translation>
            <numerusform>还有 %n 条记录待上传</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record is delivered.</source>
        <translation>所有记录均已上传。</translation>
    </message>
    <message>
        <source>Uploading… Keep the terminal switched on.</source>
        <translation>正在上传…请勿关闭终端。</translation>
    </message>
    <message>
        <source>Offline: the records upload by themselves when the network is back. Keep the terminal switched on.</source>
        <translation>网络已断开：恢复联网后记录会自动上传。请勿关闭终端。</translation>
    </message>
    <message>
        <source>Records the backend refused were saved to %1.</source>
        <translation>后台拒收的记录已保存到 %1。</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>facepos::checkout::CheckoutController</name>
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
        <translation>云闪付</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Sending the payment to the wallet…</source>
        <translation>正在向钱包发起扣款…</translation>
    </message>
    <message>
        <source>Waiting for the customer to confirm on the phone</source>
        <translation>等待顾客在手机上确认付款</translation>
    </message>
    <message>
        <source>Checking the payment result with the wallet…</source>
        <translation>正在查询支付结果…</translation>
    </message>
    <message>
        <source>Cancelling the payment…</source>
        <translation>正在撤销支付…</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>收款成功</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <source>Order closed, nothing charged</source>
        <translation>订单已关闭，未扣款</translation>
    </message>
    <message>
        <source>Payment cancelled and reversed</source>
        <translation>支付已撤销</translation>
    </message>
    <message>
        <source>A payment is in progress: wait for its result.</source>
        <translation>正在收款，请等待结果。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Enter the amount in yuan with at most two decimals, e.g. 12 or 12.50.</source>
        <translation>请以元为单位输入金额，最多两位小数，例如 12 或 12.50。</translation>
    </message>
    <message>
        <source>This terminal is not activated yet, so it cannot take payments.</source>
        <translation>本设备尚未激活，不能收款。</translation>
    </message>
    <message>
        <source>Sign in first: every sale records who took it.</source>
        <translation>请先登录：每笔订单都记录收款人。</translation>
    </message>
    <message>
        <source>Open your shift first (Home → Shift handover): clerks take payments within a shift.</source>
        <translation>请先开班（首页 → 交接班）：店员需在班次内收款。</translation>
    </message>
    <message>
        <source>Payments interrupted by the last restart are being resolved. Wait a moment and try again.</source>
        <translation>正在处理上次重启时中断的支付，请稍候再试。</translation>
    </message>
    <message>
        <source>The terminal is offline: payment codes need the network. Take cash, or wait until the network is back.</source>
        <translation>设备已离线：付款码支付需要网络。请收现金，或等待网络恢复。</translation>
    </message>
    <message>
        <source>Too many cash sales are waiting to be synced. Wait until the terminal is online again and has synced.</source>
        <translation>待同步的现金订单过多，请等设备联网并完成同步。</translation>
    </message>
    <message>
        <source>The cash taken while offline has reached its limit. Wait until the terminal is online again and has synced.</source>
        <translation>离线现金收款已达上限，请等设备联网并完成同步。</translation>
    </message>
    <message>
        <source>The terminal&apos;s storage is full: no new sale can start. Call support.</source>
        <translation>设备存储空间已满，不能开始新的收款。请联系客服。</translation>
    </message>
    <message>
        <source>The sale cannot start: %1</source>
        <translation>无法开始收款：%1</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>The most one sale can take is %1. Split the sale or check the amount.</source>
        <translation>单笔收款最多 %1。请分笔收款或核对金额。</translation>
    </message>
    <message>
        <source>Payment codes need the network: the terminal is online. Ask the customer to show the payment code to the scanner.</source>
        <translation>付款码支付需要网络：设备在线。请顾客向扫码器出示付款码。</translation>
    </message>
    <message>
        <source>Enter the cash received in yuan with at most two decimals, e.g. 100 or 100.00.</source>
        <translation>请以元为单位输入实收现金，最多两位小数，例如 100 或 100.00。</translation>
    </message>
    <message>
        <source>%1 received is less than the %2 to pay.</source>
        <translation>实收 %1 少于应收 %2。</translation>
    </message>
    <message>
        <source>The sale could not be saved, nothing was recorded: %1. Keep the cash separate and call support.</source>
        <translation>订单未能保存，没有记录：%1。请单独存放这笔现金并联系客服。</translation>
    </message>
    <message>
        <source>Cash: %1 received, change %2.</source>
        <translation>现金：实收 %1，找零 %2。</translation>
    </message>
    <message>
        <source>The code was not read completely. Nothing was charged: ask the customer to show it again.</source>
        <translation>付款码未读完整，未扣款。请顾客重新出示。</translation>
    </message>
    <message>
        <source>That is a member card, not a payment code. Nothing was charged: ask the customer for the payment code.</source>
        <translation>这是会员卡，不是付款码，未扣款。请顾客出示付款码。</translation>
    </message>
    <message>
        <source>That is a voucher, not a payment code. Nothing was charged: ask the customer for the payment code.</source>
        <translation>这是优惠券，不是付款码，未扣款。请顾客出示付款码。</translation>
    </message>
    <message>
        <source>This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged: ask the customer to open the payment code in the wallet app.</source>
        <translation>这不是微信、支付宝或云闪付的付款码，未扣款。请顾客在钱包应用中打开付款码。</translation>
    </message>
    <message>
        <source>A payment is in progress: this scan was ignored and nothing was charged for it. Wait for the result.</source>
        <translation>正在收款：本次扫码已忽略，未扣款。请等待结果。</translation>
    </message>
    <message>
        <source>Enter the amount and confirm it before the customer shows the payment code. Nothing was charged.</source>
        <translation>请先输入并确认金额，再让顾客出示付款码。未扣款。</translation>
    </message>
    <message>
        <source>This sale is being paid in cash; nothing was charged. Go back to take the payment code instead.</source>
        <translation>本单正在收现金，未扣款。如要改用付款码，请返回。</translation>
    </message>
    <message>
        <source>This sale is over; nothing was charged. Enter the next amount first.</source>
        <translation>本单已结束，未扣款。请先输入下一笔金额。</translation>
    </message>
    <message>
        <source>The sale could not be saved, nothing was charged: %1</source>
        <translation>订单未能保存，未扣款：%1</translation>
    </message>
    <message>
        <source>The payment could not start, nothing was charged: %1</source>
        <translation>支付未能发起，未扣款：%1</translation>
    </message>
    <message>
        <source>%1, code %2.</source>
        <translation>%1，付款码 %2。</translation>
    </message>
    <message>
        <source>The order was closed before the customer paid. Nothing was charged.</source>
        <translation>顾客付款前订单已关闭，未扣款。</translation>
    </message>
    <message>
        <source>The payment was reversed: if money was taken, the wallet returns it to the customer.</source>
        <translation>支付已撤销：如已扣款，钱包将原路退回顾客。</translation>
    </message>
    <message>
        <source>The receipt was not printed (%1). The payment stands. Fix the printer, e.g. load paper, then press Reprint.</source>
        <translation>小票未打印（%1）。收款有效。请处理打印机（如装纸）后点“重打小票”。</translation>
    </message>
    <message>
        <source>The wallet declined the payment. Nothing was charged: ask the customer for another way to pay.</source>
        <translation>钱包拒绝了这笔支付，未扣款。请顾客换一种方式支付。</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>已付款 %1</translation>
    </message>
    <message>
        <source>Face pay</source>
        <translation>刷脸支付</translation>
    </message>
    <message>
        <source>This terminal has no camera: face pay is not available.</source>
        <translation>本终端没有摄像头，无法刷脸支付。</translation>
    </message>
    <message>
        <source>Face pay needs the network.</source>
        <translation>刷脸支付需要网络。</translation>
    </message>
    <message>
        <source>Enter exactly 4 digits: the end of the phone number.</source>
        <translation>请输入 4 位数字：手机号的最后四位。</translation>
    </message>
    <message>
        <source>The digits could not be sent: %1</source>
        <translation>号码未能发送：%1</translation>
    </message>
</context>
<context>
    <name>facepos::checkout::FaceCheckout</name>
    <message>
        <source>No face could be captured in time. Please pay with your payment code instead.</source>
        <translation>未能及时拍到合格的人脸，请改用付款码支付。</translation>
    </message>
    <message>
        <source>%1 Please pay with your payment code instead.</source>
        <translation>%1 请改用付款码支付。</translation>
    </message>
    <message>
        <source>This terminal has no camera: face pay is not available.</source>
        <translation>本终端没有摄像头，无法刷脸支付。</translation>
    </message>
    <message>
        <source>Face pay is not available: %1</source>
        <translation>暂不能刷脸支付：%1</translation>
    </message>
    <message>
        <source>The camera stopped working (unplugged?).</source>
        <translation>摄像头已停止工作（可能已断开）。</translation>
    </message>
    <message>
        <source>No camera was found.</source>
        <translation>未找到摄像头。</translation>
    </message>
    <message>
        <source>The camera cannot be opened.</source>
        <translation>无法打开摄像头。</translation>
    </message>
    <message>
        <source>The face picture could not be prepared for sending.</source>
        <translation>人脸照片无法加密发送。</translation>
    </message>
    <message>
        <source>Face detection cannot run on this terminal.</source>
        <translation>本终端无法运行人脸检测。</translation>
    </message>
    <message>
        <source>Face capture stopped.</source>
        <translation>人脸采集已停止。</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Hold still — capturing</source>
        <translation>请保持不动，正在采集</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>请正视摄像头</translation>
    </message>
    <message>
        <source>One person at a time, please</source>
        <translation>请一人刷脸</translation>
    </message>
    <message>
        <source>Please move closer</source>
        <translation>请靠近一点</translation>
    </message>
    <message>
        <source>Please move back a little</source>
        <translation>请稍微后退</translation>
    </message>
    <message>
        <source>Please move your face to the middle of the frame</source>
        <translation>请将面部移到画面中央</translation>
    </message>
    <message>
        <source>Please face the camera straight on</source>
        <translation>请正对摄像头</translation>
    </message>
    <message>
        <source>Too dark: please face the light</source>
        <translation>光线太暗，请面向光源</translation>
    </message>
    <message>
        <source>Too bright: please step out of the glare</source>
        <translation>光线太强，请避开强光</translation>
    </message>
    <message>
        <source>Please hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message>
        <source>Please turn your head slightly, then look back</source>
        <translation>请轻轻转动头部，再看回摄像头</translation>
    </message>
    <message>
        <source>A live face is needed: photos and screens are not accepted</source>
        <translation>需要真人刷脸：不接受照片或屏幕</translation>
    </message>
    <message>
        <source>Face pay cannot start (%1). Please pay with your payment code instead.</source>
        <translation>无法开始刷脸支付（%1），请改用付款码支付。</translation>
    </message>
</context>
<context>
    <name>facepos::session::ClerkManager</name>
    <message>
        <source>Only the merchant manages clerks. Sign in as the merchant.</source>
        <translation>只有商户可以管理店员，请以商户身份登录。</translation>
    </message>
    <message>
        <source>Enter the employee number, the name and a password.</source>
        <translation>请输入工号、姓名和密码。</translation>
    </message>
    <message>
        <source>The employee number is 1 to 8 digits.</source>
        <translation>工号为 1 至 8 位数字。</translation>
    </message>
    <message>
        <source>The name is at most 32 characters.</source>
        <translation>姓名最多 32 个字符。</translation>
    </message>
    <message>
        <source>The password has 6 to 16 characters.</source>
        <translation>密码为 6 至 16 个字符。</translation>
    </message>
</context>
<context>
    <name>facepos::session::DeviceBinding</name>
    <message>
        <source>This terminal already has a bind request.</source>
        <translation>本终端已有绑定申请。</translation>
    </message>
    <message>
        <source>Enter the merchant account and its password.</source>
        <translation>请输入商户账号和密码。</translation>
    </message>
    <message>
        <source>The merchant account is 8 to 12 digits.</source>
        <translation>商户账号为 8 至 12 位数字。</translation>
    </message>
    <message>
        <source>The merchant password has 8 to 32 characters.</source>
        <translation>商户密码为 8 至 32 个字符。</translation>
    </message>
    <message>
        <source>The backend approved this terminal but no longer sends its key. Ask support to unbind the terminal and approve a new request.</source>
        <translation>后台已批准本终端，但不再下发密钥。请联系客服解绑本终端并重新审批申请。</translation>
    </message>
    <message>
        <source>The activation data was damaged on the way. The terminal asks again automatically.</source>
        <translation>激活数据在传输中损坏，终端会自动重新查询。</translation>
    </message>
</context>
<context>
    <name>facepos::session::SessionManager</name>
    <message>
        <source>Too many wrong passwords: sign-in is locked for %1:%2.</source>
        <translation>密码错误次数过多，登录已锁定 %1:%2。</translation>
    </message>
    <message>
        <source>Enter the merchant password.</source>
        <translation>请输入商户密码。</translation>
    </message>
    <message>
        <source>Enter the employee number and the password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <source>The employee number is 1 to 8 digits.</source>
        <translation>工号为 1 至 8 位数字。</translation>
    </message>
    <message>
        <source>Only %1 can unlock this terminal.</source>
        <translation>只有 %1 本人可以解锁本终端。</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>facepos::session::ShiftManager</name>
    <message>
        <source>Sign in before opening a shift.</source>
        <translation>请先登录再开班。</translation>
    </message>
    <message>
        <source>Shift %1 is still open. Close it before opening a new one.</source>
        <translation>班次 %1 尚未交班，请先交班再开新班。</translation>
    </message>
    <message>
        <source>The opening cash must be between 0 and 1,000,000 yuan.</source>
        <translation>备用金须在 0 至 1,000,000 元之间。</translation>
    </message>
    <message>
        <source>A shift was opened this very second; try again.</source>
        <translation>刚刚有班次开班，请稍后重试。</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>当前没有进行中的班次。</translation>
    </message>
    <message>
        <source>Sign in before closing the shift.</source>
        <translation>请先登录再交班。</translation>
    </message>
    <message>
        <source>Only the person who opened this shift, or the merchant, can close it.</source>
        <translation>只有开班人或商户可以交班。</translation>
    </message>
    <message>
        <source>Enter the cash counted in the drawer.</source>
        <translation>请输入钱箱中清点的现金。</translation>
    </message>
    <message>
        <source>No shift was closed yet.</source>
        <translation>还没有已交班的班次。</translation>
    </message>
    <message>
        <source>The report could not be printed. Check the printer.</source>
        <translation>交班报告未能打印，请检查打印机。</translation>
    </message>
</context>
</TS>
