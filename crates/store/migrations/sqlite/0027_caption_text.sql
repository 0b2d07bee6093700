-- The words of a captions file, read from it at upload: the search index finds a video report
-- by what is said in it, and the index reads the store, not the media files.
ALTER TABLE assets ADD COLUMN caption_text TEXT;
