# articles.html: every article, with filters.
articles-heading = 稿件
articles-search = 搜索标题
articles-edition = 语言版本
articles-section = 栏目
articles-status = 状态
articles-author = 作者
# The author filter's choice that filters nothing.
articles-anyone = 所有人
articles-filter = 筛选
# Chinese has only the plural form `other`.
articles-total = { $count } 篇稿件
articles-no-match = 没有符合条件的稿件。
# The page links' name for screen readers.
articles-pages-label = 分页
articles-previous = ← 上一页
articles-next = 下一页 →
articles-page-of = 第 { $page } 页，共 { $pages } 页
