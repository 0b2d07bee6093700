# sign_in.html
sign-in-heading = Dateline 編輯台
sign-in-email = 電子郵件
sign-in-password = 密碼
sign-in-submit = 登入
