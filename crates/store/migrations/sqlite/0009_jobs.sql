-- Background jobs as rows, so that any node can run them and none is lost with a node.
--
-- A worker claims a due job (queued and run_at_ms passed, or running with an expired lease:
-- its node died) by setting it running with a lease; it extends the lease while it works and
-- marks the job done, or queued again with a later run_at_ms after a failure, or failed once
-- max_attempts is used up. dedupe_key keeps one row per piece of work: 'publish_due' is the
-- recurring scheduler job, 'renditions:<asset id>' an image's resized copies.
CREATE TABLE jobs (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL,
    subject_id     INTEGER NOT NULL DEFAULT 0,
    dedupe_key     TEXT UNIQUE,
    status         TEXT    NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    max_attempts   INTEGER NOT NULL DEFAULT 5,
    run_at_ms      INTEGER NOT NULL,
    lease_until_ms INTEGER,
    worker         TEXT,
    last_error     TEXT,
    created_at_ms  INTEGER NOT NULL,
    finished_at_ms INTEGER
);
CREATE INDEX jobs_due ON jobs (status, run_at_ms);

INSERT INTO jobs (kind, dedupe_key, run_at_ms, created_at_ms) VALUES ('publish_due', 'publish_due', 0, 0);
