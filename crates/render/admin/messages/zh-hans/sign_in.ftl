# sign_in.html
sign-in-heading = Dateline 编辑部
sign-in-email = 邮箱
sign-in-password = 密码
sign-in-submit = 登录
