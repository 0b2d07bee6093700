-- Autosaves: what an editor is typing, sent every few seconds, so that a crash or a closed tab
-- loses nothing even on another machine. One per article and user (a newer one replaces it);
-- the user's real save of the article removes it, and the change follower prunes old ones.
-- `base_revision` is the revision the text was typed on, so restoring it still meets the
-- conflict check.
CREATE TABLE article_autosaves (
    article_id    BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    base_revision BIGINT  NOT NULL,
    saved_at      BIGINT  NOT NULL,
    headline      TEXT COLLATE "C" NOT NULL,
    standfirst    TEXT COLLATE "C",
    body_markdown TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, user_id)
);
