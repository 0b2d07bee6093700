-- Editions a newsroom adds and retires itself: the direction its script is written in, and
-- whether readers see it ('public'), only the newsroom does while it is prepared ('hidden'),
-- or it is closed for good with its URLs answering 410 ('retired').
ALTER TABLE editions ADD COLUMN direction TEXT NOT NULL DEFAULT 'ltr' CHECK (direction IN ('ltr', 'rtl'));
ALTER TABLE editions ADD COLUMN status TEXT NOT NULL DEFAULT 'public' CHECK (status IN ('public', 'hidden', 'retired'));
