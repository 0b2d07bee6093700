# reset_link.html 与 reset_password.html：管理员生成的一次性密码链接
reset-link-make = 生成一次性密码链接
reset-link-make-hint = 供忘记密码或尚无密码的人使用：凭此链接设置新密码。设置后，其登录会话和 API 令牌全部失效。
reset-link-for = { $name }（{ $email }）的一次性密码链接：
reset-link-label = 链接
reset-link-expires = 仅可使用一次，有效期至
reset-link-how = 请亲自转交（当面、电话或消息）：链接只显示这一次。新生成的链接会取代此链接。
reset-link-back = 返回用户列表
reset-password-for = 为 { $email } 设置新密码。
reset-password-new = 新密码（至少 { $count } 个字符）
reset-password-again = 再次输入新密码
reset-password-submit = 保存密码并登录
reset-password-to-sign-in = 前往登录页面
