# Dateline's messages to the people who use the newsroom: refusals and notices of its
# operations, shown by the admin in the user's language and by the Admin API and the command
# line in English. Every file in this folder has the same keys (a test checks it).
# Traditional Chinese (Taiwan).

## Any text from elsewhere, shown as it is.
verbatim = { $text }

## A value that breaks a rule: what was typed, then what would do.
invalid-value = 「{ $value }」無效：{ $expected }
expected-story-kind = 請使用 text 或 video
expected-article-status = 請使用 draft、submitted、scheduled、published、unpublished、killed 或 spiked
expected-byline-role = 請使用 reporter、correspondent、editor、video-journalist 或 photographer
expected-social-platform = 請使用 instagram、wechat、x、youtube、weibo、vk、telegram 或 facebook
expected-page = 請使用 1 至 100000 之間的頁碼
expected-edition-code = 請使用 2 至 16 個小寫字母 a-z，可用單一連字號分隔，例如 en 或 zh-hans
expected-direction = 請使用 ltr 或 rtl
expected-edition-status = 請使用 public、hidden 或 retired
expected-language-tag = 請使用 BCP 47 語言標籤，例如 fr、ar、pt-BR、zh-Hant 或 mn-Cyrl
expected-role = 請使用 reporter、editor 或 admin
expected-action = 請使用 submit、send_back、publish、schedule、unpublish、kill、spike 或 restore
expected-slug = 請使用小寫字母 a-z、數字和單一連字號，最多 120 個字元
expected-time-format = 請使用 strftime 格式指令，例如 %Y %m %d %H %M，並以 {"{"}zone{"}"} 表示時區標示
expected-time-zone = 請使用 IANA 時區名稱，例如 Asia/Shanghai 或 Europe/London

## Workflow statuses of an article.
status-draft = 草稿
status-submitted = 已送審
status-scheduled = 已排程
status-published = 已發布
status-unpublished = 已取消發布
status-killed = 已撤回
status-spiked = 已棄用

## Newsroom roles of a user account.
role-reporter = 記者
role-editor = 編輯
role-admin = 管理員

## Kinds of story.
kind-text = 文字報導
kind-video = 影音報導

## Byline roles (what a contributor did for an article).
byline-reporter = 記者
byline-correspondent = 特派記者
byline-editor = 編輯
byline-video-journalist = 影音記者
byline-photographer = 攝影

## Workflow moves, as verbs in a sentence.
verb-submit = 送審
verb-send_back = 退回
verb-publish = 發布
verb-schedule = 排程
verb-unpublish = 取消發布
verb-kill = 撤回
verb-spike = 棄用
verb-restore = 恢復

## Fields of a story.
headline-missing = 請填寫標題
field-too-long = 請勿超過 { $max } 個字元
body-too-long = 內文超過 1 MB；請將報導拆成多篇

## Checks of other fields.
invalid-number = 請輸入整數
password-too-short = 請使用至少 { $min } 個字元
password-repeated = 密碼不可只是幾個字元的重複
password-common = 這是最常見的密碼之一（可能加了數字或符號）：請另選一個自己的密碼
password-too-long = 請勿超過 1,024 個字元
user-name-needed = 請填寫您的姓名，最多 120 個字元
user-email-needed = 請填寫您登入時使用的電子郵件地址
user-email-taken = 電子郵件 { $email } 已有使用者使用
already-exists = 此項目已存在（{ $what }）

## Signing in.
sign-in-throttled = 登入失敗次數過多；請在 { $seconds } 秒後再試
sign-in-wrong = 電子郵件或密碼錯誤

## Who may do what.
admins-only = 只有管理員可以執行此操作
reset-link-disabled-user = 該使用者已停用：請先啟用，再產生重設連結
reset-link-spent = 此連結已使用、已過期或已被新連結取代：請向管理員索取新連結
reset-passwords-differ = 兩次輸入的密碼不一致
sign-in-code-needed = 此帳戶已啟用兩步登入：請以 "code" 提交驗證器應用程式中的驗證碼（或復原碼）
sign-in-code-wrong = 驗證碼錯誤：請核對應用程式目前顯示的驗證碼後重試
sign-in-code-expired = 本次登入等待過久或錯誤驗證碼過多：請重新登入
two-step-already-on = 兩步登入已啟用
two-step-not-started = 兩步登入尚未開始設定：請重新開始
two-step-code-wrong = 這不是應用程式目前顯示的驗證碼：請檢查手機時間是否準確，並輸入最新的驗證碼
own-password-wrong = 密碼錯誤
editors-only = 只有編輯和管理員可以執行此操作
reporter-own-drafts-only = 記者只能刪除自己的草稿
role-cannot-edit = 您的角色無法編輯此文章
role-cannot-edit-status = { $role }無法編輯狀態為「{ $status }」的文章
workflow-role = 您的角色不允許此操作
workflow-forbidden = { $role }無法{ $action }此文章
workflow-state = 無法{ $action }狀態為「{ $status }」的文章

## Articles and their workflow.
article-exists = 語言版本 { $edition } 已有代稱為 { $slug } 的文章（或已有此報導的文章）
article-delete-live = 此文章目前為「{ $status }」狀態；請先取消發布或撤回，再刪除
slug-taken = 此語言版本已使用代稱 { $slug }
slug-used = 此語言版本已使用這個代稱
schedule-time-missing = 排程前請提供發布時間（RFC 3339）
schedule-time-format = 請使用含時差的 RFC 3339 時間，例如 2026-12-01T08:00:00+08:00
schedule-in-past = 發布時間必須是未來的時間
send-back-comment-missing = 退回文章時，請說明需要修改的地方
no-such-edition = 語言版本 { $code } 不存在，無法在其中撰稿
no-such-section = 欄目 { $id } 不存在
no-such-contributor = 作者 { $id } 不存在

## Editions and the first run.
edition-native-name-needed = 請以該語言讀者的寫法填寫語言名稱（Français、العربية），最多 60 個字元
edition-outlet-name-needed = 請以此語言版本的寫法填寫媒體名稱，最多 120 個字元
edition-position-range = 請使用 0 至 10000 之間的數字
edition-code-taken = 網站已有語言版本 { $code }；請選擇其他代碼
edition-is-default = 語言版本 { $code } 是預設語言版本；請先將其他語言版本設為預設
edition-default-public = 預設語言版本必須維持公開；請先將其他語言版本設為預設
edition-last = 網站至少需要一個語言版本
edition-has-articles = 語言版本 { $code } 有 { $count } 篇文章；請改為停刊，不要刪除
site-set-up-already = 網站已完成初始設定
users-exist-already = 已有使用者，因此初始設定不會建立管理員
set-up-section-needed = 請為第一個欄目命名（News、Actualités、أخبار…），最多 80 個字元
set-up-zone-label-needed = 請為時區設定讀者熟悉的簡短標示，例如 CET 或 BJT

## Sections, contributors, users.
section-has-subsections = 此欄目有子欄目；請先刪除或移走子欄目
section-move-elsewhere = 請選擇另一個欄目來移入報導
section-has-stories = 此欄目仍有報導；請選擇要將報導移往的欄目，再刪除此欄目
section-slug-taken = 語言版本 { $edition } 已使用欄目代稱 { $slug }
contributor-merge-self = 作者無法與自己合併
contributor-in-bylines = 仍有署名使用此作者；請改為將其合併至另一位作者
user-delete-self = 您無法刪除自己；請洽其他管理員
user-heir-other = 請選擇另一位使用者接手其文章
user-heir-disabled = 請選擇未停用的使用者
user-last-admin = 無法刪除網站的最後一位管理員

## Answers of the Admin API and the admin pages.
not-found = 找不到 { $what }
fields-invalid = 部分欄位無效
store-unavailable = 資料庫無法使用，因此未儲存任何內容；請稍後再試
internal-error = 發生錯誤
stale-revision = 此文章已由其他人修改（目前為修訂版本 { $current }）；請重新載入後再套用您的修改

## Credentials.
api-bearer-format = 請以 Authorization: Bearer TOKEN 的格式傳送權杖
api-token-unknown = API 權杖不存在或已撤銷
sign-in-first = 請先登入
session-ended = 登入階段已過期或已結束；請重新登入
csrf-missing = CSRF 權杖遺失或錯誤（請以 X-CSRF-Token 傳送）

## API tokens and keys.
token-label-needed = 請為權杖設定 1 至 100 個字元的名稱

## Forms.
form-expired = 表單已過期；請重新載入頁面後再填寫一次

## Sections, contributors, social accounts, users, settings.
section-parent-top = 有子欄目的欄目必須位於最上層
user-name-missing = 請填寫使用者的姓名
user-demote-self = 您無法停用自己，也無法移除自己的管理員角色
user-last-admin-active = 網站的最後一位管理員必須維持為啟用中的管理員
section-parent-self = 欄目不能位於自己之下
section-parent-choose = 請選擇一個最上層欄目，或不指定上層欄目
section-name-needed = 請至少在一個語言版本中為欄目命名
contributor-name-needed = 請至少在一個語言版本中填寫作者姓名
asset-image-id-needed = 請提供圖片的素材編號
social-url-needed = 請提供帳號的 http(s) 網址，不超過 1,000 個字元
user-email-missing = 請填寫使用者登入時使用的電子郵件地址
zone-label-needed = 請為時區設定標示，例如 BJT
outlet-name-needed = 請填寫此語言版本的媒體名稱
default-edition-needed = 請選擇預設語言版本

## Media.
video-needed = 影音報導必須附上影片
article-not-in-story = 此文章不屬於這則報導

## Removals.
contributor-merge-choose = 請選擇要合併至哪位作者
user-heir-choose = 請選擇由誰接手其文章
form-not-ours = 表單已過期，或並非來自本網站；請重新載入頁面後再試
asset-not-image = 素材 { $id } 不是已上傳的圖片
sign-in-form-expired = 表單已過期，請重新登入。

## Uploads.
image-too-big = 圖片為 { $width } × { $height } 像素；請使用不超過 { $megapixels } 百萬像素、每邊不超過 { $side } 像素的圖片
image-unreadable = 無法讀取此圖片
upload-type-mismatch = 檔案類型為 { $actual }，而非宣告的 { $declared }
upload-too-large = 檔案超過 { $mb } MB 的上限
upload-type-unsupported = 請上傳 JPEG、PNG 或 WebP 圖片，MP4、MOV 或 WebM 影片，或 WebVTT 字幕
upload-failed = { $reason }；未儲存任何內容
asset-wrong-type = 素材 { $id } 的類型為 { $actual }，而非 { $expected }
no-such-asset = 素材 { $id } 不存在
media-store-unavailable = 媒體儲存空間無法儲存檔案，因此未儲存任何內容；請稍後再試
choose-from-list = 請從清單中選擇一項
filter-malformed = 篩選條件格式錯誤
confirm-delete-article = 請勾選方塊以確認刪除文章；目前未刪除任何內容
confirm-remove-demo = 請勾選方塊以確認移除示範網站；目前未移除任何內容
confirm-removal = 請勾選方塊以確認；目前未做任何變更
language-unknown = 管理介面不支援 { $code }；請選擇 en、zh-hans、zh-hant 或 mn

## The site's identity (Settings).
accent-color-format = 「{ $value }」不是顏色：請使用六位十六進位數字，例如 #b3141b
footer-link-format = 第 { $line } 行：請依序填寫連結名稱、直線符號（|）和路徑或網址，例如 About | /en/about
footer-links-too-many = 頁尾連結請勿超過 { $max } 個
description-too-long = 網站簡介請勿超過 { $max } 個字元
identity-image-needed = 請選擇已上傳的圖片（JPEG、PNG 或 WebP）

## Users as authors.
author-slug-taken = 此作者頁面沒有可用的網址（與 { $slug } 相近的網址皆已使用）；請洽編輯為其設定網址

## Static pages.
page-title-missing = 請填寫頁面標題
page-slug-taken = 此語言版本已有代稱為 { $slug } 的頁面；請選擇其他代稱
page-translation-exists = 此頁面已有語言版本 { $edition } 的翻譯
job-status-unknown = 未知狀態「{ $status }」：請使用 queued、running、done 或 failed
admin-page-missing = 編輯台中沒有這個頁面；請使用上方的選單
admin-method-wrong = 無法這樣開啟此網址；請返回並使用頁面上的按鈕
media-in-use = 此檔案正在使用中；請先在使用它的地方移除（媒體庫列出了位置）
confirm-kill = 請填寫原因並勾選確認撤回此報導的方塊；未做任何變更
reinstate-reason-missing = 請填寫恢復已撤回報導的原因
body-image-no-alt = 內文中的圖片（{ $url }）沒有描述：請在 ![…] 的方括號中寫明圖片內容，讓看不到圖片的讀者也能了解
body-embed-malformed = { $url } 是 { $provider } 的網址，但沒有指向可以顯示的內容（影片、貼文或地點）：請貼上該內容本身的網址，或用 <…> 括起來作為一般連結
autosave-base-unknown = 這段文字所依據的修訂版本不存在（本文現為第 { $revision } 版）；請重新載入編輯器
request-too-large = 請求超過 { $mb } MB 的上限（一篇報導的內文最多 1 MB）；未儲存任何內容
preview-link-days = 預覽連結的有效期為 1 到 { $max } 天
canonical-url-invalid = 請填寫原文的完整網址，以 https:// 開頭（或留空）
social-image-not-image = 上傳檔案 { $id } 不是圖片：請選擇已上傳的 JPEG、PNG 或 WebP 圖片
focus-not-image = 只有圖片才能設定焦點
focus-out-of-range = 焦點應為兩個 0 到 100 之間的百分比（先橫向，後縱向）
tag-too-long = 標籤「{ $tag }」超過 { $max } 個字元
tag-needs-letters = 標籤「{ $tag }」須含有字母、數字或漢字
too-many-tags = 標籤最多 { $max } 個
tag-address-taken = 標籤「{ $tag }」沒有可用的網址，請換一個詞
related-not-an-article = 「{ $value }」不是文章：請填寫文章編號或其在網站上的網址
too-many-related = 延伸閱讀最多選 { $max } 篇
related-is-itself = 文章不能作為自己的延伸閱讀
related-other-edition = 請選擇同一版本（{ $edition }）的文章
related-not-found = 找不到文章「{ $value }」
derive-from-itself = 版本不能由自己轉換而來
derive-profile-unknown = 「{ $profile }」不是轉換方案：請選擇 zh-tw、zh-hk、s2t、s2tw、s2twp、s2hk、t2s 或 none
derive-failed = 無法轉換文字：{ $reason }
zh-marker-unterminated = 第 { $line } 行第 { $column } 欄的 -{"{"} 標記沒有結束：請以 {"}"}- 結尾
zh-marker-nested = 第 { $line } 行第 { $column } 欄的 -{"{"} 標記位於另一個標記之內：標記不能巢狀
zh-marker-malformed = 第 { $line } 行第 { $column } 欄的標記格式不對：請寫成 -{"{"}文字{"}"}- 或 -{"{"}zh-hans:简体;zh-hant:繁體{"}"}-
zh-marker-body-only = -{"{"}…{"}"}- 轉換標記只能用在正文中：標題或導語請把詞語加入該版本的詞彙表
glossary-term-missing = 請填寫詞語
glossary-maps-to-itself = 轉換後與原詞相同，無需設定
glossary-conflicting = 這個詞語已設定為「{ $replacement }」
glossary-loop = 詞表會循環轉換（{ $cycle }），請刪去其中一條
glossary-chain = 替換詞本身也是詞表中的詞語（會再變成「{ $next }」），請直接填寫最終寫法
derive-not-derived = 這篇文章不是由其他版本轉換而來，無法重新轉換
review-no-candidate = 此處已沒有可選擇的詞語：文字已經改動，請重新載入校對頁
review-not-a-candidate = 這不是該詞語的候選寫法之一
derive-conflicts = 自上次轉換以來，有 { $count } 句在原文和本文中都被修改過，已保留您的寫法。原文現在是：{ $sentences }
redirects-format = 格式只能是 json 或 csv

# 影片部：上傳的影片被拒絕的原因，以及轉碼。
video-refused-empty = 影片檔案是空的：請重新上傳
video-refused-not-media = 這不是影片檔案（內容不屬於任何音訊或影片格式）：請上傳 MP4、MOV 或 WebM 檔案
video-refused-image = 這是一張靜態圖片，不是影片：請作為圖片上傳
video-refused-playlist = 這是指向其他檔案的播放清單，不是影片：請上傳影片檔案本身
video-refused-audio-only = 這個檔案只有聲音沒有畫面：請上傳影片
video-refused-no-video = 這個檔案不包含影片
video-refused-empty-video = 影片軌是空的（沒有畫面，或長度為零）
video-refused-truncated = 檔案不完整：上傳或匯出可能被中斷了，請重新上傳
captions-unreadable = 無法讀取此字幕：WebVTT 以 WEBVTT 一行開頭，且至少含一則字幕
captions-unreadable-line = 無法讀取此字幕的第 { $line } 行：請檢查該行（時間格式如 00:00:01.000 --> 00:00:04.000）
captions-need-video = 字幕需搭配影片：請先為報導加入影片
poster-time-outside = 請選擇影片長度以內的時間：0 至 { $length } 秒
text-control-character = 此文字含有不應出現的控制字元（如 NUL）：請刪除後重新送出
upload-part-type = 可續傳上傳的分段須以 application/offset+octet-stream 傳送
upload-part-too-long = 此分段超出上傳宣告的長度：只剩 { $left } 位元組
upload-offset-mismatch = 此分段的起點與上傳進度不符：請從第 { $offset } 位元組繼續
video-refused-codec = 影片的格式無法解碼（{ $codec }）
video-refused-no-size = 畫面沒有寬度或高度
video-tools-unavailable = 本伺服器目前無法檢查影片（ffprobe 缺少或出錯）；未儲存任何內容
transcode-not-running = 這部影片沒有在轉碼：沒有可取消的項目
transcode-busy = 這部影片已在排隊或正在轉碼
profile-edition-twice = 每個版本只能寫一個署名
