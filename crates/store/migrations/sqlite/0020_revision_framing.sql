-- What a revision recorded besides its text: the story's media and the article's correction,
-- framing (feature image words, search and sharing fields), tags and "read next" choices as
-- they stood when it was saved, so that the revision view compares every field. A JSON array
-- of [field, value] pairs; NULL for revisions saved before this migration.
ALTER TABLE article_revisions ADD COLUMN framing TEXT;
