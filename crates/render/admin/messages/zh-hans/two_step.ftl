# two_step.html：两步登录，由每位用户自行设置
two-step-intro = 启用两步登录后，登录时除密码外还需输入手机上身份验证器应用（任何支持 TOTP 验证码的应用）显示的六位数验证码，仅凭被盗的密码无法登录。
two-step-is-off = 两步登录未启用。
two-step-start = 设置两步登录
two-step-scan = 请用身份验证器应用扫描此二维码。
two-step-qr-label = 供身份验证器应用扫描的二维码
two-step-or-type = 或在应用中输入此密钥：
two-step-code = 应用显示的六位数验证码
two-step-confirm = 启用
two-step-now-on = 两步登录已启用。
two-step-codes-how = 手机丢失时，每个恢复码可用于登录一次。请打印或妥善保存：恢复码只显示这一次。
two-step-is-on = 两步登录已启用。剩余恢复码：{ $left } 个。
two-step-password = 您的密码
two-step-turn-off = 停用两步登录
two-step-back = 返回个人资料
