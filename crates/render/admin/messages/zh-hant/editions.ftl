# editions.html: the site's editions, a form for each and one for a new edition.

## The form of an edition (new or existing).
editions-lang-tag-new = 語言（BCP 47 標籤：fr、ar、pt-BR…）
editions-lang-tag = 語言（BCP 47 標籤）
editions-code-new = 網址代碼（留空則使用小寫的語言標籤）
editions-native-name = 語言的原文名稱
editions-native-name-new = 語言的原文名稱（留空則使用通用名稱）
editions-outlet-name = 此語言版本的媒體名稱
editions-direction = 文字方向
editions-direction-option-auto = 依語言而定
editions-direction-option-ltr = 由左至右
editions-direction-option-rtl = 由右至左
editions-status = 讀者是否可見
# The choices of "Readers see it": a new edition is hidden or public, an existing one also retired.
editions-status-option-not-yet = 尚未開放（準備期間隱藏）
editions-status-option-public = 公開
editions-status-option-hidden = 隱藏（讀者看到 404）
editions-status-option-retired = 停刊（已關閉；讀者看到 410）
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
editions-time-format = 時間格式（strftime；{ $zone } 為時區標示；留空則只顯示數字）
editions-zone-label = 此語言版本的時區標示（留空則使用網站設定）
editions-position = 在語言版本切換選單中的位置
editions-is-default = 預設語言版本（供語言不符合任何語言版本的讀者使用）

## The list of editions.
editions-existing = 語言版本
# An edition's status, after its name and code in the list.
editions-status-public = 公開
editions-status-hidden = 隱藏
editions-status-retired = 已停刊
# After an edition's status in the list, when it is the default edition.
editions-default = 預設
# After an edition's status in the list, when it is written right to left.
editions-direction-rtl = 由右至左
# $tag is the edition's BCP 47 language tag.
editions-no-messages = 讀者網站沒有 { $tag } 的訊息檔：在新增訊息檔之前，網站上的按鈕和標籤會逐則以英文顯示（請參閱 docs/themes.md）。
# $code is the edition's URL code (fr, zh-hans).
editions-save = 儲存 { $code }
editions-confirm-delete = 永久刪除語言版本 { $code }（僅限尚未撰寫任何內容的語言版本；已有文章的請改為停刊）
editions-delete = 刪除 { $code }

## A new edition.
editions-add-heading = 新增語言版本
editions-add = 新增此語言版本
editions-derive = 由其他版本轉換
editions-derive-intro = 譯成本版本時，先以另一版本的文字按字形轉換（例如由簡體轉為繁體），再由編輯審閱。
editions-derive-source = 轉換來源
editions-derive-none = 無：獨立撰寫
editions-derive-profile = 轉換方案
editions-derive-save = 儲存 { $code } 的轉換設定
editions-profile-zh-tw = zh-tw：臺灣新聞用語（Dateline）
editions-profile-zh-hk = zh-hk：香港新聞用語（Dateline）
editions-profile-s2t = s2t：OpenCC 繁體
editions-profile-s2tw = s2tw：OpenCC 臺灣字形
editions-profile-s2twp = s2twp：OpenCC 臺灣詞彙
editions-profile-s2hk = s2hk：OpenCC 香港
editions-profile-t2s = t2s：繁體轉簡體
editions-profile-none = none：原樣複製，不轉換
