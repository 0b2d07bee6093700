-- How many published articles each listing has, kept by triggers, so that a listing page's
-- "page N of M" costs one small read however large the archive grows (counting the rows of a
-- section with a million articles takes tens of milliseconds).
--
-- kind         subject_id
-- all          0            the edition's whole archive
-- section      section id   the section's own articles (a listing of a section and its
--                            subsections adds the counts up)
-- contributor  contributor  articles with the contributor in the byline
CREATE TABLE listing_counts (
    edition    TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('all', 'section', 'contributor')),
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

-- An article enters its listings when it becomes published (with a time) and leaves them when
-- it stops being so; moving section or edition moves it between counts.
CREATE TRIGGER listing_counts_article_insert AFTER INSERT ON articles
WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL
BEGIN
    INSERT INTO listing_counts VALUES (NEW.edition, 'all', 0, 1)
        ON CONFLICT DO UPDATE SET count = count + 1;
    INSERT INTO listing_counts VALUES (NEW.edition, 'section', NEW.section_id, 1)
        ON CONFLICT DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER listing_counts_article_delete AFTER DELETE ON articles
WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL
BEGIN
    UPDATE listing_counts SET count = count - 1 WHERE edition = OLD.edition AND kind = 'all';
    UPDATE listing_counts SET count = count - 1
    WHERE edition = OLD.edition AND kind = 'section' AND subject_id = OLD.section_id;
    UPDATE listing_counts SET count = count - 1
    WHERE edition = OLD.edition AND kind = 'contributor'
      AND subject_id IN (SELECT contributor_id FROM article_contributors WHERE article_id = OLD.id);
END;

CREATE TRIGGER listing_counts_article_leave AFTER UPDATE OF status, published_at, section_id, edition ON articles
WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL
BEGIN
    UPDATE listing_counts SET count = count - 1 WHERE edition = OLD.edition AND kind = 'all';
    UPDATE listing_counts SET count = count - 1
    WHERE edition = OLD.edition AND kind = 'section' AND subject_id = OLD.section_id;
    UPDATE listing_counts SET count = count - 1
    WHERE edition = OLD.edition AND kind = 'contributor'
      AND subject_id IN (SELECT contributor_id FROM article_contributors WHERE article_id = OLD.id);
END;

CREATE TRIGGER listing_counts_article_enter AFTER UPDATE OF status, published_at, section_id, edition ON articles
WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL
BEGIN
    INSERT INTO listing_counts VALUES (NEW.edition, 'all', 0, 1)
        ON CONFLICT DO UPDATE SET count = count + 1;
    INSERT INTO listing_counts VALUES (NEW.edition, 'section', NEW.section_id, 1)
        ON CONFLICT DO UPDATE SET count = count + 1;
    INSERT INTO listing_counts (edition, kind, subject_id, count)
    SELECT NEW.edition, 'contributor', contributor_id, 1 FROM article_contributors WHERE article_id = NEW.id
        ON CONFLICT DO UPDATE SET count = count + 1;
END;

-- Byline edits of a published article.
CREATE TRIGGER listing_counts_byline_insert AFTER INSERT ON article_contributors
WHEN (SELECT status = 'published' AND published_at IS NOT NULL FROM articles WHERE id = NEW.article_id)
BEGIN
    INSERT INTO listing_counts (edition, kind, subject_id, count)
    SELECT edition, 'contributor', NEW.contributor_id, 1 FROM articles WHERE id = NEW.article_id
        ON CONFLICT DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER listing_counts_byline_delete AFTER DELETE ON article_contributors
WHEN (SELECT status = 'published' AND published_at IS NOT NULL FROM articles WHERE id = OLD.article_id)
BEGIN
    UPDATE listing_counts SET count = count - 1
    WHERE kind = 'contributor' AND subject_id = OLD.contributor_id
      AND edition = (SELECT edition FROM articles WHERE id = OLD.article_id);
END;
