-- Editions a newsroom adds and retires itself: the direction its script is written in, and
-- whether readers see it ('public'), only the newsroom does while it is prepared ('hidden'),
-- or it is closed for good with its URLs answering 410 ('retired').
ALTER TABLE editions ADD COLUMN direction TEXT NOT NULL DEFAULT 'ltr' CHECK (direction IN ('ltr', 'rtl'));
ALTER TABLE editions ADD COLUMN status TEXT NOT NULL DEFAULT 'public' CHECK (status IN ('public', 'hidden', 'retired'));

-- What the newsroom deleted, retired or set up, and who did it: the audit log admins read.
-- The user is kept by id and by name, with no foreign key, so that the entry outlives them.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    user_id    INTEGER,
    user_name  TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    detail     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at, id);

-- Addresses of deleted articles that readers once saw: they answer 410 Gone, not 404.
CREATE TABLE gone_articles (
    edition    TEXT    NOT NULL,
    slug       TEXT    NOT NULL,
    deleted_at INTEGER NOT NULL,
    PRIMARY KEY (edition, slug)
);

-- Addresses that moved: a deleted section's pages go to its parent's, a merged contributor's
-- to the one they were merged into. Readers following an old link get a permanent redirect.
CREATE TABLE redirects (
    from_path  TEXT    PRIMARY KEY,
    to_path    TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- A section can stay (with its pages and stories) while out of the site's navigation.
ALTER TABLE sections ADD COLUMN in_navigation INTEGER NOT NULL DEFAULT 1 CHECK (in_navigation IN (0, 1));

-- A social account shown on some editions only (a WeChat account on the Chinese editions):
-- their codes, comma-separated; empty shows it on every edition.
ALTER TABLE social_accounts ADD COLUMN editions TEXT NOT NULL DEFAULT '';
