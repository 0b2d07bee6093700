-- What `dateline migrate-from` brought in, and the 301s of the old site's addresses (see the
-- SQLite migration 0025).
CREATE TABLE import_sources (
    source       TEXT COLLATE "C" NOT NULL,
    kind         TEXT COLLATE "C" NOT NULL CHECK (kind IN ('post', 'page', 'section', 'tag', 'contributor', 'user', 'asset')),
    source_id    TEXT COLLATE "C" NOT NULL,
    target_id    BIGINT NOT NULL,
    content_hash TEXT COLLATE "C" NOT NULL,
    imported_at  BIGINT NOT NULL,
    PRIMARY KEY (source, kind, source_id)
);
CREATE INDEX import_sources_by_target ON import_sources (kind, target_id);

ALTER TABLE redirects ADD COLUMN status BIGINT NOT NULL DEFAULT 308 CHECK (status IN (301, 308));
ALTER TABLE redirects ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT '';
