-- Private preview links: an editor sends one to someone without an account (a source checking
-- a quote, a lawyer) to read an unpublished article as readers will see it. The secret is in
-- the link only; the store keeps its SHA-256. A link ends at `expires_at` or when revoked.
CREATE TABLE preview_links (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    token_hash  TEXT    NOT NULL UNIQUE,
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX preview_links_by_article ON preview_links (article_id);
