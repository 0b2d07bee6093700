-- Glossary terms changed since the last derivation (see the SQLite migration 0023).
ALTER TABLE article_derivations ADD COLUMN review_terms TEXT COLLATE "C";
