# static_pages.html and static_page.html: About, Contact, Corrections policy…

pages-heading = 頁面
pages-intro = 非新聞類的頁面（關於我們、聯絡我們、更正政策、隱私權政策），每個語言版本各一頁，並與其翻譯相互連結。請在「設定」中將頁面加入語言版本的選單或頁尾。
pages-title = 標題
pages-edition = 語言版本
pages-address = 網址
pages-state = 狀態
pages-published = 已發布
pages-draft = 草稿
pages-none = 尚無頁面。
pages-new = 新增頁面
pages-slug = 代稱
pages-slug-placeholder = 依標題產生
pages-body = 內文（Markdown）
pages-publish = 讀者可見
pages-create = 建立頁面
pages-view = 在網站上檢視
pages-save = 儲存
pages-preview = 預覽
pages-translations = 翻譯
pages-add-translation = 新增翻譯至
pages-add-translation-button = 新增翻譯
pages-delete-heading = 刪除
pages-delete-confirm = 永久刪除此頁面（其翻譯會保留）
pages-delete = 刪除
