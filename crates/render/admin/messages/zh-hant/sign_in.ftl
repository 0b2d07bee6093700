# sign_in.html
sign-in-heading = Dateline 編輯台
sign-in-email = 電子郵件
sign-in-password = 密碼
sign-in-submit = 登入
sign-in-code-intro = 此帳戶已啟用兩步登入。
sign-in-code = 驗證器應用程式中的驗證碼
sign-in-code-recovery = 手機遺失了？也可在此輸入復原碼，每個只能用一次。
sign-in-code-now = 已啟用兩步登入？也可以現在就輸入驗證碼。
