# layout.html: the frame around every admin page.

# The browser tab's title: the page's own title, then the product's.
layout-title = { $title } · Dateline 編輯台
layout-skip-link = 跳至主要內容
# The logo: the product's name, then a smaller word under it.
layout-logo-name = Dateline
layout-logo-newsroom = 編輯台
# The main navigation's name for screen readers.
layout-nav-label = 編輯台
layout-nav-dashboard = 儀表板
layout-nav-articles = 文章
layout-nav-new = 新增報導
layout-nav-sections = 欄目
layout-nav-contributors = 作者
layout-nav-social = 社群帳號
layout-nav-keys = API 金鑰
layout-nav-media = 媒體庫
layout-nav-pages = 頁面
layout-nav-jobs = 背景工作
layout-nav-users = 使用者
layout-nav-editions = 語言版本
layout-nav-settings = 設定
layout-nav-audit = 稽核紀錄
layout-profile = 個人資料
layout-tokens = API 權杖
layout-sign-out = 登出
# The admin language chooser in the header.
layout-language = 語言
layout-language-browser = 依瀏覽器設定
layout-language-change = 變更
# Shown by the page's script when a file upload fails.
layout-upload-failed = 上傳失敗。
layout-nav-glossary = 詞表
layout-nav-redirects = 轉址
