# articles.html: every article, with filters.
articles-heading = Articles
articles-search = Search headlines
articles-edition = Edition
articles-section = Section
articles-status = Status
articles-author = Author
# The author filter's choice that filters nothing.
articles-anyone = Anyone
articles-filter = Filter
articles-total =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
articles-no-match = No articles match.
# The page links' name for screen readers.
articles-pages-label = Pages
articles-previous = ← Previous
articles-next = Next →
articles-page-of = Page { $page } of { $pages }
