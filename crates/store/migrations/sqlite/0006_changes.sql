-- The change log: one row for each write that alters what readers can see. Page caches and the
-- search index of every node follow it (by id), so a write made through any node, by the
-- scheduler or by the command line reaches all of them. Triggers fill it, so no write path can
-- forget to.
--
-- kind       subject_id      meaning
-- story      story id        a published article of the story appeared, changed or went away
-- section    section id      a story left this section: its listings changed
-- byline     contributor id  a published article gained or lost this contributor
-- contributor contributor id the contributor's own details changed
-- site       NULL            something every page shows changed (sections, editions, settings)
CREATE TABLE content_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL CHECK (kind IN ('story', 'section', 'byline', 'contributor', 'site')),
    subject_id INTEGER,
    changed_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))
);
CREATE INDEX content_changes_by_time ON content_changes (changed_at);

-- Drafts change all day without touching the site: only articles published before or after
-- the write count.
CREATE TRIGGER articles_change_insert AFTER INSERT ON articles
WHEN NEW.status = 'published'
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('story', NEW.story_id);
END;

CREATE TRIGGER articles_change_update AFTER UPDATE ON articles
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('story', NEW.story_id);
END;

CREATE TRIGGER articles_change_delete AFTER DELETE ON articles
WHEN OLD.status = 'published'
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('story', OLD.story_id);
END;

CREATE TRIGGER stories_change_update AFTER UPDATE ON stories
BEGIN
    INSERT INTO content_changes (kind, subject_id)
    SELECT 'story', NEW.id
    WHERE EXISTS (SELECT 1 FROM articles WHERE story_id = NEW.id AND +status = 'published');
    INSERT INTO content_changes (kind, subject_id)
    SELECT 'section', OLD.section_id
    WHERE OLD.section_id <> NEW.section_id
      AND EXISTS (SELECT 1 FROM articles WHERE story_id = NEW.id AND +status = 'published');
END;

CREATE TRIGGER bylines_change_insert AFTER INSERT ON article_contributors
WHEN (SELECT status FROM articles WHERE id = NEW.article_id) = 'published'
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('byline', NEW.contributor_id);
END;

CREATE TRIGGER bylines_change_delete AFTER DELETE ON article_contributors
WHEN (SELECT status FROM articles WHERE id = OLD.article_id) = 'published'
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('byline', OLD.contributor_id);
END;

CREATE TRIGGER contributors_change_update AFTER UPDATE ON contributors
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('contributor', NEW.id);
END;

CREATE TRIGGER contributor_names_change_insert AFTER INSERT ON contributor_names
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('contributor', NEW.contributor_id);
END;

CREATE TRIGGER contributor_names_change_update AFTER UPDATE ON contributor_names
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('contributor', NEW.contributor_id);
END;

CREATE TRIGGER contributor_names_change_delete AFTER DELETE ON contributor_names
BEGIN
    INSERT INTO content_changes (kind, subject_id) VALUES ('contributor', OLD.contributor_id);
END;

-- Sections appear in every page's navigation; editions in every page's switcher; settings and
-- social accounts in every page's time lines and footer.
CREATE TRIGGER sections_change_insert AFTER INSERT ON sections BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER sections_change_update AFTER UPDATE ON sections BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER sections_change_delete AFTER DELETE ON sections BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER section_names_change_insert AFTER INSERT ON section_names BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER section_names_change_update AFTER UPDATE ON section_names BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER section_names_change_delete AFTER DELETE ON section_names BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER editions_change_insert AFTER INSERT ON editions BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER editions_change_update AFTER UPDATE ON editions BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER editions_change_delete AFTER DELETE ON editions BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER settings_change_insert AFTER INSERT ON site_settings BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER settings_change_update AFTER UPDATE ON site_settings BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER social_change_insert AFTER INSERT ON social_accounts BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER social_change_update AFTER UPDATE ON social_accounts BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER social_change_delete AFTER DELETE ON social_accounts BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER captions_change_insert AFTER INSERT ON social_account_captions BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER captions_change_update AFTER UPDATE ON social_account_captions BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
CREATE TRIGGER captions_change_delete AFTER DELETE ON social_account_captions BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;

-- A new contributor appears in the Content API's list of contributors.
CREATE TRIGGER contributors_change_insert AFTER INSERT ON contributors BEGIN INSERT INTO content_changes (kind) VALUES ('site'); END;
