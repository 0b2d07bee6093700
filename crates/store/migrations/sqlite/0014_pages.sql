-- Static pages (About, Contact, Corrections policy, Privacy…), one row per edition; the
-- translations of a page share its group (the first one's id). Readers find a published page
-- at /{edition}/pages/{slug}. One page per group and edition is the store's rule
-- (`Store::create_page`): a new group has no id before its first page is written.
CREATE TABLE pages (
    id            INTEGER PRIMARY KEY,
    group_id      INTEGER NOT NULL,
    edition       TEXT    NOT NULL REFERENCES editions (code),
    slug          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    body_markdown TEXT    NOT NULL,
    published     INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    updated_at    INTEGER NOT NULL,
    UNIQUE (edition, slug)
);

-- Pages are linked from menus and footers on every page, like sections.
CREATE TRIGGER pages_change_insert AFTER INSERT ON pages BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER pages_change_update AFTER UPDATE ON pages BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER pages_change_delete AFTER DELETE ON pages BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
