-- Feeds and sitemaps read published articles by time without scanning the archive.

-- A sitemap's month: its count and last change come from this index alone (covering).
CREATE INDEX articles_edition_timeline ON articles (edition, status, published_at, updated_at);

-- The News sitemap (the last two days) and the video sitemap read across editions by time.
CREATE INDEX articles_published_at ON articles (status, published_at);

-- The newest workflow move: feeds' Last-Modified must move when an article leaves them.
CREATE INDEX article_transitions_by_time ON article_transitions (created_at);
