-- What frames an article besides its text (`ArticleMeta`): its feature image's description,
-- caption and credit, and what search engines and social networks show. One row per article
-- that has any; none means every field is empty. Saving it touches the article's row, so a
-- published article's pages are purged by the article triggers.
CREATE TABLE article_meta (
    article_id            BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    image_alt             TEXT COLLATE "C",
    image_caption         TEXT COLLATE "C",
    image_credit          TEXT COLLATE "C",
    meta_title            TEXT COLLATE "C",
    meta_description      TEXT COLLATE "C",
    social_title          TEXT COLLATE "C",
    social_description    TEXT COLLATE "C",
    social_image_asset_id BIGINT REFERENCES assets (id) ON DELETE SET NULL,
    canonical_url         TEXT COLLATE "C",
    noindex               BIGINT NOT NULL DEFAULT 0 CHECK (noindex IN (0, 1))
);
