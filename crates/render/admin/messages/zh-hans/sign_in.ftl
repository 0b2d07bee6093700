# sign_in.html
sign-in-heading = Dateline 编辑部
sign-in-email = 邮箱
sign-in-password = 密码
sign-in-submit = 登录
sign-in-code-intro = 此账户已启用两步登录。
sign-in-code = 身份验证器应用中的验证码
sign-in-code-recovery = 手机丢失了？也可在此输入恢复码，每个只能用一次。
sign-in-code-now = 已启用两步登录？也可以现在就输入验证码。
