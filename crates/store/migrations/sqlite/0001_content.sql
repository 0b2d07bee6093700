-- Dateline's content schema on SQLite. Times are Unix seconds (UTC) so that the same SQL and
-- row types serve the PostgreSQL backend (BIGINT there).

CREATE TABLE site_settings (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    time_zone        TEXT    NOT NULL,
    zone_label       TEXT    NOT NULL,
    byline_separator TEXT    NOT NULL
);

CREATE TABLE editions (
    code        TEXT    PRIMARY KEY,
    lang_tag    TEXT    NOT NULL,
    native_name TEXT    NOT NULL,
    outlet_name TEXT    NOT NULL,
    time_format TEXT    NOT NULL,
    zone_label  TEXT,
    position    INTEGER NOT NULL DEFAULT 0,
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
);
CREATE UNIQUE INDEX editions_single_default ON editions (is_default) WHERE is_default = 1;

CREATE TABLE assets (
    id          INTEGER PRIMARY KEY,
    key         TEXT    NOT NULL UNIQUE,
    mime        TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    width       INTEGER,
    height      INTEGER,
    duration_ms INTEGER,
    created_at  INTEGER NOT NULL
);

CREATE TABLE sections (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES sections (id),
    position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE section_names (
    section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    edition    TEXT    NOT NULL REFERENCES editions (code),
    slug       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    PRIMARY KEY (section_id, edition),
    UNIQUE (edition, slug)
);

CREATE TABLE contributors (
    id             INTEGER PRIMARY KEY,
    slug           TEXT    NOT NULL UNIQUE,
    photo_asset_id INTEGER REFERENCES assets (id)
);

CREATE TABLE contributor_names (
    contributor_id INTEGER NOT NULL REFERENCES contributors (id) ON DELETE CASCADE,
    edition        TEXT    NOT NULL REFERENCES editions (code),
    name           TEXT    NOT NULL,
    bio            TEXT,
    PRIMARY KEY (contributor_id, edition)
);

CREATE TABLE stories (
    id              INTEGER PRIMARY KEY,
    section_id      INTEGER NOT NULL REFERENCES sections (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('text', 'video')),
    video_asset_id  INTEGER REFERENCES assets (id),
    poster_asset_id INTEGER REFERENCES assets (id),
    created_at      INTEGER NOT NULL
);

-- `section_id` repeats the story's section so that a section listing is one index range scan;
-- the store keeps the two equal in the transaction that changes either.
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    story_id          INTEGER NOT NULL REFERENCES stories (id),
    edition           TEXT    NOT NULL REFERENCES editions (code),
    section_id        INTEGER NOT NULL REFERENCES sections (id),
    slug              TEXT    NOT NULL,
    headline          TEXT    NOT NULL,
    standfirst        TEXT,
    body_markdown     TEXT    NOT NULL,
    byline_role       TEXT    NOT NULL,
    place             TEXT,
    status            TEXT    NOT NULL,
    published_at      INTEGER,
    updated_at        INTEGER,
    correction        TEXT,
    captions_asset_id INTEGER REFERENCES assets (id),
    revision          INTEGER NOT NULL DEFAULT 1,
    created_at        INTEGER NOT NULL,
    modified_at       INTEGER NOT NULL,
    UNIQUE (story_id, edition),
    UNIQUE (edition, slug)
);
CREATE INDEX articles_edition_latest ON articles (edition, status, published_at DESC, id DESC);
CREATE INDEX articles_section_latest ON articles (edition, section_id, status, published_at DESC, id DESC);

CREATE TABLE article_contributors (
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    contributor_id INTEGER NOT NULL REFERENCES contributors (id),
    position       INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_contributors_by_contributor ON article_contributors (contributor_id, article_id);

CREATE TABLE social_accounts (
    id       INTEGER PRIMARY KEY,
    platform TEXT    NOT NULL,
    url      TEXT    NOT NULL,
    handle   TEXT    NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE social_account_captions (
    account_id INTEGER NOT NULL REFERENCES social_accounts (id) ON DELETE CASCADE,
    edition    TEXT    NOT NULL REFERENCES editions (code),
    caption    TEXT    NOT NULL,
    PRIMARY KEY (account_id, edition)
);
