-- Content API keys for apps and partners (stored hashed; the key is shown once).
CREATE TABLE content_api_keys (
    id         INTEGER PRIMARY KEY,
    label      TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- A secret of this site, for signing pagination cursors so that a tampered cursor is refused.
CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO site_secrets (name, value) VALUES ('cursor', lower(hex(randomblob(32))));
