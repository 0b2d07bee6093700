-- The newsroom's glossary for a derived edition: how given terms come out of the conversion
-- (names of people and places, the outlet's own words, house style such as 台 or 臺),
-- applied before the dictionaries.
CREATE TABLE glossary_terms (
    id          INTEGER PRIMARY KEY,
    edition     TEXT    NOT NULL REFERENCES editions (code) ON DELETE CASCADE,
    term        TEXT    NOT NULL,
    replacement TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (edition, term)
);
