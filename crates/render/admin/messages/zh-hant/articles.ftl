# articles.html: every article, with filters.
articles-heading = 文章
articles-search = 搜尋標題
articles-edition = 語言版本
articles-section = 欄目
articles-status = 狀態
articles-author = 建立者
# The author filter's choice that filters nothing.
articles-anyone = 任何人
articles-filter = 篩選
articles-total = 共 { $count } 篇文章
articles-no-match = 沒有符合條件的文章。
# The page links' name for screen readers.
articles-pages-label = 分頁
articles-previous = ← 上一頁
articles-next = 下一頁 →
articles-page-of = 第 { $page } 頁，共 { $pages } 頁
