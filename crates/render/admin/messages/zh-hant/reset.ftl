# reset_link.html 與 reset_password.html：管理員產生的一次性密碼連結
reset-link-make = 產生一次性密碼連結
reset-link-make-hint = 供忘記密碼或尚無密碼的人使用：憑此連結設定新密碼。設定後，其登入工作階段和 API 權杖全部失效。
reset-link-for = { $name }（{ $email }）的一次性密碼連結：
reset-link-label = 連結
reset-link-expires = 僅可使用一次，有效期至
reset-link-how = 請親自轉交（當面、電話或訊息）：連結只顯示這一次。新產生的連結會取代此連結。
reset-link-back = 返回使用者列表
reset-password-for = 為 { $email } 設定新密碼。
reset-password-new = 新密碼（至少 { $count } 個字元）
reset-password-again = 再次輸入新密碼
reset-password-submit = 儲存密碼並登入
reset-password-to-sign-in = 前往登入頁面
