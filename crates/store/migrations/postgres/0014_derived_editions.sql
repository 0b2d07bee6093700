-- Derived editions and the text each article was last derived as (see the SQLite migration 0021).
CREATE TABLE edition_derivations (
    edition TEXT COLLATE "C" PRIMARY KEY REFERENCES editions (code) ON DELETE CASCADE,
    source  TEXT COLLATE "C" NOT NULL REFERENCES editions (code) ON DELETE CASCADE,
    profile TEXT COLLATE "C" NOT NULL,
    CHECK (edition <> source)
);

CREATE TABLE article_derivations (
    article_id        BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    source_article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_revision   BIGINT NOT NULL,
    profile           TEXT COLLATE "C" NOT NULL,
    headline          TEXT COLLATE "C" NOT NULL,
    standfirst        TEXT COLLATE "C",
    body_markdown     TEXT COLLATE "C" NOT NULL,
    derived_at        BIGINT NOT NULL
);
