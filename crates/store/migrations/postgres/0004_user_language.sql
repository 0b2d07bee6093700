-- The language the admin speaks to a user (`en`, `zh-hans`, `zh-hant`, `mn`); NULL follows
-- their browser.
ALTER TABLE users ADD COLUMN ui_language TEXT;
