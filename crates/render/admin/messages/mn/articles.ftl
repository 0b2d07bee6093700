# articles.html: every article, with filters.
articles-heading = Нийтлэлүүд
articles-search = Гарчгаар хайх
articles-edition = Хувилбар
articles-section = Булан
articles-status = Төлөв
articles-author = Бичсэн
# The author filter's choice that filters nothing.
articles-anyone = Хэн ч
articles-filter = Шүүх
articles-total =
    { $count ->
        [one] { $count } нийтлэл
       *[other] { $count } нийтлэл
    }
articles-no-match = Тохирох нийтлэл алга.
# The page links' name for screen readers.
articles-pages-label = Хуудаслалт
articles-previous = ← Өмнөх
articles-next = Дараах →
articles-page-of = { $pages } хуудасны { $page }-р хуудас
