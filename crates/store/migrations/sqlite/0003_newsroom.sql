-- The newsroom: users and their credentials, article revisions and workflow transitions.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    disabled_at   INTEGER
);

-- Browser sessions. Only a hash of the session id is stored, so a leaked database does not
-- hand out live sessions.
CREATE TABLE sessions (
    id_hash     TEXT    PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Personal API tokens, stored hashed; the token itself is shown once when created.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label        TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- Who owns an article (the reporter who created it), and who last changed it.
ALTER TABLE articles ADD COLUMN author_id INTEGER REFERENCES users (id);

-- Every save of an article, with the fields as saved.
CREATE TABLE article_revisions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision      INTEGER NOT NULL,
    user_id       INTEGER REFERENCES users (id),
    created_at    INTEGER NOT NULL,
    slug          TEXT    NOT NULL,
    headline      TEXT    NOT NULL,
    standfirst    TEXT,
    body_markdown TEXT    NOT NULL,
    byline_role   TEXT    NOT NULL,
    place         TEXT,
    contributors  TEXT    NOT NULL,
    UNIQUE (article_id, revision)
);

-- Every workflow transition: who, when, from, to, and the editor's comment.
CREATE TABLE article_transitions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES users (id),
    from_status TEXT    NOT NULL,
    to_status   TEXT    NOT NULL,
    comment     TEXT,
    created_at  INTEGER NOT NULL
);
CREATE INDEX article_transitions_by_article ON article_transitions (article_id, id);

-- Scheduled articles due for publication, found without scanning the archive.
CREATE INDEX articles_scheduled ON articles (status, published_at) WHERE status = 'scheduled';
