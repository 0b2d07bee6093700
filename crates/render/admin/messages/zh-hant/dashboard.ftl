# dashboard.html: four lists of articles.
dashboard-heading = 儀表板
dashboard-mine = 我的草稿
dashboard-mine-empty = 您沒有草稿。
dashboard-review = 等待審核
dashboard-review-empty = 沒有等待審核的文章。
dashboard-scheduled = 已排程
dashboard-scheduled-empty = 沒有已排程的文章。
dashboard-published = 最近發布
dashboard-published-empty = 尚未發布任何文章。
