-- What frames an article besides its text (`ArticleMeta`): its feature image's description,
-- caption and credit, and what search engines and social networks show. One row per article
-- that has any; none means every field is empty. Saving it touches the article's row, so a
-- published article's pages are purged by the article triggers.
CREATE TABLE article_meta (
    article_id            INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    image_alt             TEXT,
    image_caption         TEXT,
    image_credit          TEXT,
    meta_title            TEXT,
    meta_description      TEXT,
    social_title          TEXT,
    social_description    TEXT,
    social_image_asset_id INTEGER REFERENCES assets (id) ON DELETE SET NULL,
    canonical_url         TEXT,
    noindex               INTEGER NOT NULL DEFAULT 0 CHECK (noindex IN (0, 1))
);
