-- Tags: free keywords of one edition's articles, beside their section, each with its own
-- listing page and feeds. A tag belongs to an edition (its name is in that edition's language)
-- and is found by its slug there; it is made the first time an article names it.
CREATE TABLE tags (
    id      INTEGER PRIMARY KEY,
    edition TEXT    NOT NULL REFERENCES editions (code),
    slug    TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    UNIQUE (edition, slug)
);

-- An article's tags, in the order the editor gave them. Saving them touches the article's row,
-- so a published article's pages (and its edition's listings, tag pages included) are purged.
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

-- "Read next" chosen by hand: other articles of the same edition, in order. Only those
-- published show; shared tags and the section fill the rest.
CREATE TABLE article_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, related_id)
);

-- Tag listings are counted like the others (migration 0008). The kinds are a CHECK, which
-- SQLite cannot alter: the table is derived, so it is made again and refilled.
DROP TABLE listing_counts;
CREATE TABLE listing_counts (
    edition    TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('all', 'section', 'contributor', 'tag')),
    subject_id INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    PRIMARY KEY (edition, kind, subject_id)
) WITHOUT ROWID;

INSERT INTO listing_counts (edition, kind, subject_id, count)
SELECT edition, 'all', 0, COUNT(*) FROM articles
WHERE status = 'published' AND published_at IS NOT NULL GROUP BY edition;

INSERT INTO listing_counts (edition, kind, subject_id, count)
SELECT edition, 'section', section_id, COUNT(*) FROM articles
WHERE status = 'published' AND published_at IS NOT NULL GROUP BY edition, section_id;

INSERT INTO listing_counts (edition, kind, subject_id, count)
SELECT a.edition, 'contributor', ac.contributor_id, COUNT(*)
FROM article_contributors ac JOIN articles a ON a.id = ac.article_id
WHERE a.status = 'published' AND a.published_at IS NOT NULL GROUP BY a.edition, ac.contributor_id;

-- An article entering or leaving its listings enters or leaves its tags' too. (Before the
-- delete: the cascade removes its tags before any AFTER trigger on articles could read them.)
CREATE TRIGGER listing_counts_article_tags_delete BEFORE DELETE ON articles
WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL
BEGIN
    UPDATE listing_counts SET count = count - 1
    WHERE edition = OLD.edition AND kind = 'tag'
      AND subject_id IN (SELECT tag_id FROM article_tags WHERE article_id = OLD.id);
END;

CREATE TRIGGER listing_counts_article_tags_leave AFTER UPDATE OF status, published_at, edition ON articles
WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL
BEGIN
    UPDATE listing_counts SET count = count - 1
    WHERE edition = OLD.edition AND kind = 'tag'
      AND subject_id IN (SELECT tag_id FROM article_tags WHERE article_id = OLD.id);
END;

CREATE TRIGGER listing_counts_article_tags_enter AFTER UPDATE OF status, published_at, edition ON articles
WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL
BEGIN
    INSERT INTO listing_counts (edition, kind, subject_id, count)
    SELECT NEW.edition, 'tag', tag_id, 1 FROM article_tags WHERE article_id = NEW.id
        ON CONFLICT DO UPDATE SET count = count + 1;
END;

-- Tag edits of a published article.
CREATE TRIGGER listing_counts_tag_insert AFTER INSERT ON article_tags
WHEN (SELECT status = 'published' AND published_at IS NOT NULL FROM articles WHERE id = NEW.article_id)
BEGIN
    INSERT INTO listing_counts (edition, kind, subject_id, count)
    SELECT edition, 'tag', NEW.tag_id, 1 FROM articles WHERE id = NEW.article_id
        ON CONFLICT DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER listing_counts_tag_delete AFTER DELETE ON article_tags
WHEN (SELECT status = 'published' AND published_at IS NOT NULL FROM articles WHERE id = OLD.article_id)
BEGIN
    UPDATE listing_counts SET count = count - 1
    WHERE kind = 'tag' AND subject_id = OLD.tag_id
      AND edition = (SELECT edition FROM articles WHERE id = OLD.article_id);
END;
