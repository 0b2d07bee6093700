# set_up.html: the first run of a site with no edition (outlet, first edition and section,
# newsroom time, and the first admin account when there is none).

set-up-heading = 設定您的網站
set-up-intro = 請為您的媒體及其第一個語言版本命名。網站開始運作後，您可以再新增任何語言的語言版本。

## The outlet and its first edition.
set-up-outlet-legend = 媒體與第一個語言版本
set-up-outlet-name = 媒體名稱（以此語言版本的寫法）
set-up-lang-tag = 語言（BCP 47 標籤：fr、ar、pt-BR、zh-Hans…）
# Once a language tag was typed (the form came back with an error).
set-up-native-name = 語言的原文名稱（留空則使用通用名稱）
# Before a language tag was typed: examples of the names filled in.
set-up-native-name-examples = 語言的原文名稱（留空則自動填入，例如 fr 為 Français、ar 為 العربية…）
set-up-code = 網址代碼（留空則使用小寫的語言標籤，例如 /fr/）
set-up-direction = 文字方向
set-up-direction-option-auto = 依語言而定
set-up-direction-option-ltr = 由左至右
set-up-direction-option-rtl = 由右至左
# Examples in the languages they name (English, French, Arabic).
set-up-section-name = 第一個欄目，以此語言命名（News、Actualités、أخبار…）

## Newsroom time.
set-up-time-legend = 編輯台時間
set-up-time-zone = 時區（IANA 名稱，例如 Europe/Paris）
set-up-zone-label = 供讀者辨識的時區標示（CET、BJT…）

## The first admin account.
set-up-admin-legend = 您的管理員帳號
set-up-admin-name = 您的姓名
set-up-admin-email = 電子郵件地址（用於登入）
set-up-admin-password = 密碼（至少 { $count } 個字元）

set-up-submit = 建立網站
