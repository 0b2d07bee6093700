-- The glossary terms changed since an article was last derived that its source uses, one per
-- line: the article needs a look (derive again, or mark it reviewed). NULL when nothing does.
ALTER TABLE article_derivations ADD COLUMN review_terms TEXT;
