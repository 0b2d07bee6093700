-- What a revision recorded besides its text (see the SQLite migration 0020).
ALTER TABLE article_revisions ADD COLUMN framing TEXT COLLATE "C";
