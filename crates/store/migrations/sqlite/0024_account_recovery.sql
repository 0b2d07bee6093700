-- One-time links an admin makes for a user to choose a new password (no e-mail server needed):
-- stored by the hash of their secret, good once, until they expire. A newer link replaces the
-- user's older ones.
CREATE TABLE password_resets (
    secret_hash TEXT    PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- Two-step sign-in: a user's TOTP secret (base32; the codes cannot be checked without it, so it
-- cannot be stored hashed), one being set up until its first code confirms it, and the last
-- time step a code was accepted for, so that a code works once.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- One-time recovery codes for a lost phone, by hash.
CREATE TABLE totp_recovery_codes (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT    NOT NULL,
    used_at   INTEGER,
    PRIMARY KEY (user_id, code_hash)
);

-- A sign-in whose password was right, waiting for its code: by the hash of a secret the
-- browser carries to the code form, for a few minutes and a few attempts.
CREATE TABLE pending_sign_ins (
    id_hash    TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0
);
