-- A newsroom user is their own contributor (see the SQLite migration 0013_users_as_authors.sql).
ALTER TABLE contributors ADD COLUMN user_id BIGINT;
CREATE UNIQUE INDEX contributors_by_user ON contributors (user_id) WHERE user_id IS NOT NULL;
