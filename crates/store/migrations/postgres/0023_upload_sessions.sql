-- Resumable uploads (the tus protocol's core and creation): an upload sent in parts, each part
-- a media object under `partial/{id}/`, joined into the real upload once all bytes are in. The
-- row says how far it got, so that a client cut off (a closed laptop, a train tunnel) goes on
-- from there, through any node. Operational: not copied when a site moves.
CREATE TABLE upload_sessions (
    id            TEXT    PRIMARY KEY,
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    length        BIGINT  NOT NULL,
    received      BIGINT  NOT NULL DEFAULT 0,
    -- The parts' media keys in order, one per line.
    parts         TEXT    NOT NULL DEFAULT '',
    created_at_ms BIGINT  NOT NULL,
    updated_at_ms BIGINT  NOT NULL
);
CREATE INDEX upload_sessions_by_age ON upload_sessions (updated_at_ms);
