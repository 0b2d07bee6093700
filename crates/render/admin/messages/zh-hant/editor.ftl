# editor.html: writing and editing an article, with its media, workflow, translations and history.
editor-untitled = 未命名
editor-new-heading = 新增報導
# After the article's status and edition.
editor-revision = 修訂版本 { $n }
editor-view-on-site = 在網站上檢視
editor-conflict-heading = 您編輯期間，其他人已儲存這篇文章
editor-conflict-intro = 您的修改仍保留在下方表單中，以修訂版本 { $base } 為基礎；文章目前為修訂版本 { $current }。以下是這段期間內文的變更：
editor-conflict-merge = 請合併您需要的內容，再重新儲存。
editor-edition = 語言版本
editor-kind = 類型
editor-section = 欄目
editor-headline = 標題
editor-slug = 代稱
# Shown in the empty slug field until a slug is suggested.
editor-slug-placeholder = 依標題產生
editor-standfirst = 導言
editor-byline-role = 署名身分
editor-place = 電頭地點
editor-contributors = 作者
editor-body = 內文（Markdown）
editor-correction = 更正說明（顯示於文章末尾）
editor-create = 建立草稿
editor-cannot-edit = 此文章目前的狀態不允許您編輯。
# The original a translation is made from, and its edition's code.
editor-source-title = 原文（{ $edition }）
editor-preview = 預覽
editor-media = 媒體
editor-story-text = 文字報導
editor-story-video = 影音報導
# The story's video and poster files, or "none".
editor-media-video = 影片：{ $name }
editor-media-poster = 封面圖：{ $name }
editor-change = 更換
# The poster image's alt text.
editor-current-poster = 目前的封面圖
editor-upload-image = 在內文中插入圖片
editor-upload-poster = 封面圖
editor-upload-captions = 此語言版本的字幕（WebVTT）
editor-upload-video = 影片（上傳後即成為影音報導）
editor-upload-needs-js = 上傳功能需要 JavaScript；系統會依檔案的內容和大小進行檢查。
# Status messages of the page's upload script. $name is the file's name.
editor-upload-choose = 請選擇要上傳的檔案。
editor-uploading = 正在上傳 { $name }…
editor-upload-inserted = 已插入到內文中游標所在位置。
editor-upload-attached = 已附加；請重新載入頁面查看。
editor-upload-not-attached = 已上傳，但無法附加。
editor-workflow = 工作流程
editor-publish-at = 發布時間（{ $zone }）
editor-comment = 備註
editor-no-actions = 您在此沒有可執行的流程操作。
editor-delete-confirm = 永久刪除這篇文章
editor-delete-confirm-gone = 永久刪除這篇文章（其網址將顯示「報導已撤回」）
editor-translations = 翻譯
editor-add-translation = 新增翻譯
editor-history = 歷史紀錄
editor-revision-link = 修訂版本 { $n }
# Who saved a revision or moved an article when no person did.
editor-system = 系統
editor-scheduler = 排程系統
# A workflow move's comment, quoted.
editor-quoted = 「{ $text }」
editor-kill-reason = 原因（記錄於歷史紀錄）
editor-confirm-kill = 撤回此報導：其網址將顯示報導已撤回
editor-confirm-unpublish = 從網站取消發布（其網址將顯示找不到頁面）
editor-confirm-spike = 棄用此報導（從編輯台移除；編輯可以恢復）
editor-recover-found = 此瀏覽器保留了 { $time } 未儲存的文字。
editor-recover-restore = 恢復
editor-recover-discard = 捨棄
editor-count = { $words } 個詞 · { $chars } 個字元
editor-image-alt = 描述圖片（替代文字，供無法看到圖片的讀者使用）
editor-upload-alt-needed = 請先描述圖片：替代文字會讀給無法看到圖片的讀者。
editor-autosave-found = 伺服器保留了你在 { $time } 輸入但未儲存的文字。
editor-autosave-stale = 此後本文已再次儲存：復原後儲存時，會同時顯示兩個版本供你合併。
editor-autosave-show = 顯示保留的文字
editor-autosaved = 已於 { $time } 自動儲存
editor-autosave-failed = 剛才無法自動儲存；在你儲存之前，本瀏覽器會保留一份副本。
editor-preview-full = 以讀者視角預覽
editor-share = 分享預覽
editor-share-intro = 私密連結可讓沒有帳號的人以讀者視角檢視本文，直到連結到期或被你撤回。
editor-share-new = 新連結（請立即複製：只顯示這一次）：
editor-share-address = 預覽連結
editor-share-days = 有效期（天）
editor-share-create = 產生連結
editor-share-open = 有效至 { $time }
editor-share-revoke = 撤回
editor-share-revoked = 已撤回
editor-share-expired = 已於 { $time } 失效
editor-preview-saved = 預覽已儲存的內容
editor-preview-phone = 以手機寬度預覽
editor-meta = 圖片、搜尋與分享
editor-meta-image = 主圖
editor-meta-image-alt = 圖片內容（供看不到圖片的讀者）
editor-meta-image-caption = 圖說
editor-meta-image-credit = 圖片來源
editor-meta-search = 搜尋引擎與社群網路
editor-meta-title = 搜尋結果中的標題
editor-meta-title-hint = 預設為標題加媒體名稱
editor-meta-description = 搜尋結果中的摘要
editor-meta-social-title = 分享連結的標題
editor-meta-social-description = 分享連結的摘要
editor-meta-social-image = 分享連結的圖片（上傳編號）
editor-meta-social-image-upload = 或上傳一張
editor-meta-canonical = 原文網址（轉載他處首發的報導時填寫）
editor-meta-noindex = 不讓搜尋引擎收錄本文
editor-meta-save = 儲存這些設定
editor-focus-x = 焦點橫向位置（%）
editor-focus-y = 縱向位置（%）
editor-focus-save = 設定焦點
editor-focus-hint = 卡片會以此點為中心裁切圖片：點擊圖片中的主體，或直接輸入；兩項都留空則為置中。
editor-frame-poster = 影片海報目前顯示的畫面
editor-poster-time = 海報畫面時間（秒）
editor-poster-time-save = 使用此畫面
editor-poster-time-hint = 海報將依該秒的畫面重新產生（0 至 { $length }）；留空則由 Dateline 自動選擇。若已上傳海報圖片，則顯示該圖片。
editor-meta-tags-group = 標籤與延伸閱讀
editor-meta-tags = 標籤
editor-meta-tags-hint = 標籤之間用逗號或頓號分隔。每個標籤都有自己的頁面和訂閱源。
editor-meta-related = 延伸閱讀（手動選擇）
editor-meta-related-hint = 每行一篇：文章編號或其在網站上的網址。選得不夠時，以標籤相同的報導、再以本欄目最新報導補足。
editor-derive-again = 從原文重新轉換
editor-derive-again-hint = 重新轉換原文的最新內容，並與本文中的修改合併；雙方都改過的句子保留您的寫法並列出。
editor-review-link = 校對轉換結果
editor-review-needed = 本文原文用到的詞彙表詞語有改動：{ $terms }。

# Pinning a story to lead the homepages.
editor-pin-title = 首頁
editor-pin = 置頂到首頁
editor-unpin = 取消置頂
editor-pinned-since = 自 {$time} 起置頂：它位於各版本首頁的最前面，最新置頂的排在最前。
editor-not-pinned = 未置頂：首頁按最新報導排列。置頂一篇報導可讓它保持在最上方。

# Captions written in the editor.
editor-captions-write = 撰寫或修改字幕
editor-captions-text = 字幕（WebVTT）
editor-captions-hint = 第一行為 WEBVTT。每則字幕先寫時間，如 00:00:01.000 --> 00:00:04.000，下一行起寫文字；字幕之間空一行。儲存後將取代此版本的字幕。
editor-captions-save = 儲存字幕
