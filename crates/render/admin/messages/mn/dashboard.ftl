# dashboard.html: four lists of articles.
dashboard-heading = Хяналтын самбар
dashboard-mine = Миний ноорог
dashboard-mine-empty = Танд ноорог алга.
dashboard-review = Хяналт хүлээж буй
dashboard-review-empty = Хүлээгдэж буй зүйл алга.
dashboard-scheduled = Товлогдсон
dashboard-scheduled-empty = Товлогдсон зүйл алга.
dashboard-published = Саяхан нийтлэгдсэн
dashboard-published-empty = Одоогоор нийтлэгдсэн зүйл алга.
