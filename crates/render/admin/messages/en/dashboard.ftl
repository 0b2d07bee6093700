# dashboard.html: four lists of articles.
dashboard-heading = Dashboard
dashboard-mine = My drafts
dashboard-mine-empty = No drafts of yours.
dashboard-review = Waiting for review
dashboard-review-empty = Nothing waiting.
dashboard-scheduled = Scheduled
dashboard-scheduled-empty = Nothing scheduled.
dashboard-published = Recently published
dashboard-published-empty = Nothing published yet.
