//! Autosaves: the text an editor is typing, kept server-side every few seconds, one per article
//! and user, until their real save (see the `article_autosaves` migration).

use dateline_core::{ArticleId, UserId};

use crate::{Store, StoreError};

/// What a user had typed in an article's editor, unsaved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosave {
    pub article: ArticleId,
    pub user: UserId,
    /// The revision the text was typed on.
    pub base_revision: i64,
    /// Unix seconds.
    pub saved_at: i64,
    pub headline: String,
    pub standfirst: Option<String>,
    pub body_markdown: String,
}

type AutosaveRow = (i64, i64, i64, i64, String, Option<String>, String);

impl Store {
    /// Keeps `autosave`, replacing the user's previous one of the article. (Every few seconds
    /// per editor: it takes its turn with the other writes on SQLite.)
    pub async fn save_autosave(&self, autosave: &Autosave) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO article_autosaves (article_id, user_id, base_revision, saved_at, headline, standfirst, body_markdown)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (article_id, user_id) DO UPDATE SET base_revision = excluded.base_revision,
                 saved_at = excluded.saved_at, headline = excluded.headline, standfirst = excluded.standfirst,
                 body_markdown = excluded.body_markdown",
        )
        .bind(autosave.article.0)
        .bind(autosave.user.0)
        .bind(autosave.base_revision)
        .bind(autosave.saved_at)
        .bind(&autosave.headline)
        .bind(&autosave.standfirst)
        .bind(&autosave.body_markdown)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The user's autosave of the article, if any.
    pub async fn autosave(&self, article: ArticleId, user: UserId) -> Result<Option<Autosave>, StoreError> {
        let row: Option<AutosaveRow> = sqlx::query_as(
            "SELECT article_id, user_id, base_revision, saved_at, headline, standfirst, body_markdown
             FROM article_autosaves WHERE article_id = $1 AND user_id = $2",
        )
        .bind(article.0)
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(article, user, base_revision, saved_at, headline, standfirst, body_markdown)| Autosave {
            article: ArticleId(article),
            user: UserId(user),
            base_revision,
            saved_at,
            headline,
            standfirst,
            body_markdown,
        }))
    }

    /// Forgets the user's autosave of the article (saved for real, or discarded).
    pub async fn discard_autosave(&self, article: ArticleId, user: UserId) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM article_autosaves WHERE article_id = $1 AND user_id = $2")
            .bind(article.0)
            .bind(user.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets autosaves older than `before` (Unix seconds); returns how many.
    pub async fn prune_autosaves(&self, before: i64) -> Result<u64, StoreError> {
        let done =
            sqlx::query("DELETE FROM article_autosaves WHERE saved_at < $1").bind(before).execute(&self.pool).await?;
        Ok(done.rows_affected())
    }
}
