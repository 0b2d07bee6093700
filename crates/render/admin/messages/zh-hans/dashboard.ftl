# dashboard.html: four lists of articles.
dashboard-heading = 工作台
dashboard-mine = 我的草稿
dashboard-mine-empty = 您没有草稿。
dashboard-review = 待审稿件
dashboard-review-empty = 没有待审稿件。
dashboard-scheduled = 已排期
dashboard-scheduled-empty = 没有已排期的稿件。
dashboard-published = 最近发布
dashboard-published-empty = 尚未发布任何稿件。
