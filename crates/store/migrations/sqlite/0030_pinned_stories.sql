-- A story an editor pinned leads every edition's homepage, newest pin first (WordPress's sticky
-- posts and Ghost's featured posts are imported as pins). NULL: not pinned. Updating it fires
-- the stories change trigger, so homepages are purged.
ALTER TABLE stories ADD COLUMN pinned_at INTEGER;
CREATE INDEX stories_pinned ON stories (pinned_at) WHERE pinned_at IS NOT NULL;
