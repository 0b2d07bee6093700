# two_step.html：兩步登入，由每位使用者自行設定
two-step-intro = 啟用兩步登入後，登入時除密碼外還需輸入手機上驗證器應用程式（任何支援 TOTP 驗證碼的應用程式）顯示的六位數驗證碼，僅憑遭竊的密碼無法登入。
two-step-is-off = 兩步登入未啟用。
two-step-start = 設定兩步登入
two-step-scan = 請用驗證器應用程式掃描此 QR 碼。
two-step-qr-label = 供驗證器應用程式掃描的 QR 碼
two-step-or-type = 或在應用程式中輸入此金鑰：
two-step-code = 應用程式顯示的六位數驗證碼
two-step-confirm = 啟用
two-step-now-on = 兩步登入已啟用。
two-step-codes-how = 手機遺失時，每個復原碼可用於登入一次。請列印或妥善保存：復原碼只顯示這一次。
two-step-is-on = 兩步登入已啟用。剩餘復原碼：{ $left } 個。
two-step-password = 您的密碼
two-step-turn-off = 停用兩步登入
two-step-back = 返回個人資料
