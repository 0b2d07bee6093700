-- An edition derived from another by script conversion (the Traditional Chinese edition from
-- the Simplified one): its source and the conversion profile (`dateline_chinese::Profile`).
CREATE TABLE edition_derivations (
    edition TEXT PRIMARY KEY REFERENCES editions (code) ON DELETE CASCADE,
    source  TEXT NOT NULL REFERENCES editions (code) ON DELETE CASCADE,
    profile TEXT NOT NULL,
    CHECK (edition <> source)
);

-- The text an article was last derived from and as, so that deriving again can merge the
-- editor's changes (a three-way merge against this base).
CREATE TABLE article_derivations (
    article_id        INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    source_article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_revision   INTEGER NOT NULL,
    profile           TEXT    NOT NULL,
    headline          TEXT    NOT NULL,
    standfirst        TEXT,
    body_markdown     TEXT    NOT NULL,
    derived_at        INTEGER NOT NULL
);
