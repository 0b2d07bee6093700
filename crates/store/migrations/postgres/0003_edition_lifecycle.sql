-- Editions a newsroom adds and retires itself (see the SQLite migration 0010_edition_lifecycle.sql).
ALTER TABLE editions ADD COLUMN direction TEXT COLLATE "C" NOT NULL DEFAULT 'ltr' CHECK (direction IN ('ltr', 'rtl'));
ALTER TABLE editions ADD COLUMN status TEXT COLLATE "C" NOT NULL DEFAULT 'public' CHECK (status IN ('public', 'hidden', 'retired'));
