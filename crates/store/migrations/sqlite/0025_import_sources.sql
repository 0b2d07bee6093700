-- What `dateline migrate-from` brought in, by where it came from: one row per imported item
-- (a WordPress post, term, author or upload; a Ghost post, tag or user), naming what it became
-- here and a hash of what it held. A re-run finds the row and, when the hash is the same,
-- changes nothing; when the export changed, it updates what it made instead of adding a copy.
-- `source` names the old site ("wordpress https://old.example"), so two sites never collide.
CREATE TABLE import_sources (
    source       TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('post', 'page', 'section', 'tag', 'contributor', 'user', 'asset')),
    source_id    TEXT    NOT NULL,
    target_id    INTEGER NOT NULL,
    content_hash TEXT    NOT NULL,
    imported_at  INTEGER NOT NULL,
    PRIMARY KEY (source, kind, source_id)
);
CREATE INDEX import_sources_by_target ON import_sources (kind, target_id);

-- Redirects made by an import answer 301 (what the old site's links were indexed under);
-- the newsroom's own (a deleted section, a merged contributor) keep 308. `origin` says which
-- import made one ('' for the newsroom's), so the admin can list them apart.
ALTER TABLE redirects ADD COLUMN status INTEGER NOT NULL DEFAULT 308 CHECK (status IN (301, 308));
ALTER TABLE redirects ADD COLUMN origin TEXT NOT NULL DEFAULT '';
