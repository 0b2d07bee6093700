//! Keeping a site tidy: deleting articles (with a tombstone for addresses readers once saw),
//! and the audit log of what was deleted, retired or set up, and by whom.

use dateline_core::{ArticleId, AssetId, ContributorId, EditionCode, SectionId, Slug, UserId};

use crate::{Store, StoreError, now_seconds};

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    /// Unix seconds.
    pub at: i64,
    pub user_id: Option<UserId>,
    /// The user's name when they acted (users may be renamed or deleted later).
    pub user_name: String,
    /// What was done: `article.delete`, `edition.retire`, `site.set_up`…
    pub action: String,
    /// What it was done to: `article 12 (en/harbour-ferry)`, `edition fr`.
    pub subject: String,
    /// Anything else worth knowing (a headline, a reason).
    pub detail: String,
}

/// Who did something, for the audit log.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Option<UserId>,
    pub name: String,
}

/// What a deleted article was.
#[derive(Debug, Clone)]
pub struct DeletedArticle {
    pub edition: EditionCode,
    pub slug: Slug,
    pub headline: String,
    /// Whether its address now answers 410 (it had been published once).
    pub tombstoned: bool,
}

impl Store {
    /// Adds a line to the audit log.
    pub async fn record_audit(
        &self,
        actor: &Actor,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, user_name, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(now_seconds())
        .bind(actor.id.map(|id| id.0))
        .bind(&actor.name)
        .bind(action)
        .bind(subject)
        .bind(detail)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The newest `limit` lines of the audit log, newest first, before `before` (an id) if given.
    pub async fn audit_entries(&self, before: Option<i64>, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<(i64, i64, Option<i64>, String, String, String, String)> = sqlx::query_as(
            "SELECT id, at, user_id, user_name, action, subject, detail FROM audit_log
             WHERE id < $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, at, user_id, user_name, action, subject, detail)| AuditEntry {
                id,
                at,
                user_id: user_id.map(UserId),
                user_name,
                action,
                subject,
                detail,
            })
            .collect())
    }

    /// Deletes an article with its revisions, transitions and bylines, and its story when it
    /// was the story's last article. An article that readers once saw leaves its address
    /// behind, answering 410. The caller checks that the article may go (not live).
    pub async fn delete_article(&self, id: ArticleId) -> Result<DeletedArticle, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let row: Option<(i64, String, String, String, Option<i64>)> =
            sqlx::query_as("SELECT story_id, edition, slug, headline, published_at FROM articles WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((story, edition, slug, headline, published_at)) = row else {
            return Err(StoreError::NotFound(format!("article {}", id.0)));
        };
        let tombstoned = published_at.is_some();
        if tombstoned {
            sqlx::query(
                "INSERT INTO gone_articles (edition, slug, deleted_at) VALUES ($1, $2, $3)
                 ON CONFLICT (edition, slug) DO UPDATE SET deleted_at = excluded.deleted_at",
            )
            .bind(&edition)
            .bind(&slug)
            .bind(now_seconds())
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM articles WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
        let (left,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM articles WHERE story_id = $1").bind(story).fetch_one(&mut *tx).await?;
        if left == 0 {
            sqlx::query("DELETE FROM stories WHERE id = $1").bind(story).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(DeletedArticle { edition: EditionCode::parse(&edition)?, slug: Slug::parse(&slug)?, headline, tombstoned })
    }

    /// Whether an article at this address was deleted after readers had seen it.
    pub async fn article_is_gone(&self, edition: &EditionCode, slug: &Slug) -> Result<bool, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT deleted_at FROM gone_articles WHERE edition = $1 AND slug = $2")
                .bind(edition.as_str())
                .bind(slug.as_str())
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }

    /// The id of the article at this address, whatever its status.
    pub async fn article_id_at(&self, edition: &EditionCode, slug: &Slug) -> Result<Option<ArticleId>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM articles WHERE edition = $1 AND slug = $2")
            .bind(edition.as_str())
            .bind(slug.as_str())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(id,)| ArticleId(id)))
    }

    /// Deletes a section with its names if no story and no subsection uses it; `false` when
    /// it is in use (and is kept).
    pub async fn delete_section_if_unused(&self, id: SectionId) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (used,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM stories WHERE section_id = $1)
                  + (SELECT COUNT(*) FROM articles WHERE section_id = $1)
                  + (SELECT COUNT(*) FROM sections WHERE parent_id = $1)",
        )
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        if used > 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM section_names WHERE section_id = $1").bind(id.0).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sections WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Deletes a contributor with their names if no byline names them; `false` when one does.
    pub async fn delete_contributor_if_unused(&self, id: ContributorId) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (bylines,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM article_contributors WHERE contributor_id = $1")
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
        if bylines > 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM contributor_names WHERE contributor_id = $1").bind(id.0).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM contributors WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Deletes the record of an asset (and of its resized copies) if no story, article or
    /// contributor uses it; returns the media keys whose files the caller removes, or `None`
    /// when it is in use (and is kept).
    pub async fn delete_asset_if_unused(&self, id: AssetId) -> Result<Option<Vec<String>>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let key: Option<(String,)> =
            sqlx::query_as("SELECT key FROM assets WHERE id = $1").bind(id.0).fetch_optional(&mut *tx).await?;
        let Some((key,)) = key else { return Ok(Some(Vec::new())) };
        // An image in an article's text is named there by its key (`/media/uploads/…`).
        let in_text = crate::media_library::contains_pattern(&key);
        let (used,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM stories WHERE video_asset_id = $1 OR poster_asset_id = $1)
                  + (SELECT COUNT(*) FROM articles WHERE captions_asset_id = $1 OR body_markdown LIKE $2 ESCAPE '\\')
                  + (SELECT COUNT(*) FROM contributors WHERE photo_asset_id = $1)
                  + (SELECT COUNT(*) FROM article_meta WHERE social_image_asset_id = $1)
                  + (SELECT COUNT(*) FROM site_settings
                     WHERE logo_asset_id = $1 OR icon_asset_id = $1 OR social_image_asset_id = $1)",
        )
        .bind(id.0)
        .bind(in_text)
        .fetch_one(&mut *tx)
        .await?;
        if used > 0 {
            return Ok(None);
        }
        let keys: Vec<(String,)> = sqlx::query_as(
            "SELECT key FROM assets WHERE id = $1
             UNION ALL SELECT a.key FROM asset_renditions r JOIN assets a ON a.id = r.rendition_asset_id
             WHERE r.asset_id = $1",
        )
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM assets WHERE id IN (SELECT rendition_asset_id FROM asset_renditions WHERE asset_id = $1)",
        )
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM assets WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(keys.into_iter().map(|(key,)| key).collect()))
    }

    /// Asset ids whose media key starts with `prefix` (`demo/`).
    pub async fn asset_ids_with_prefix(&self, prefix: &str) -> Result<Vec<AssetId>, StoreError> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, key FROM assets ORDER BY id").fetch_all(&self.pool).await?;
        Ok(rows.into_iter().filter(|(_, key)| key.starts_with(prefix)).map(|(id, _)| AssetId(id)).collect())
    }

    /// How many articles an edition has, in any status.
    pub async fn edition_article_count(&self, edition: &EditionCode) -> Result<i64, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM articles WHERE edition = $1")
            .bind(edition.as_str())
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }

    /// Moves every story (and its articles) of section `from` to section `to`.
    pub async fn move_section_stories(&self, from: SectionId, to: SectionId) -> Result<u64, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let moved = sqlx::query("UPDATE stories SET section_id = $1 WHERE section_id = $2")
            .bind(to.0)
            .bind(from.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("UPDATE articles SET section_id = $1 WHERE section_id = $2")
            .bind(to.0)
            .bind(from.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(moved)
    }

    /// Moves every byline of contributor `from` to `to` (a byline naming both keeps one), and
    /// deletes `from` with their names.
    pub async fn merge_contributor(&self, from: ContributorId, into: ContributorId) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(
            "DELETE FROM article_contributors WHERE contributor_id = $1
             AND article_id IN (SELECT article_id FROM article_contributors WHERE contributor_id = $2)",
        )
        .bind(from.0)
        .bind(into.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE article_contributors SET contributor_id = $1 WHERE contributor_id = $2")
            .bind(into.0)
            .bind(from.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM contributor_names WHERE contributor_id = $1").bind(from.0).execute(&mut *tx).await?;
        let deleted = sqlx::query("DELETE FROM contributors WHERE id = $1").bind(from.0).execute(&mut *tx).await?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("contributor {}", from.0)));
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records that `from` now lives at `to` (replacing an older record for `from`), and makes
    /// anything that pointed at `from` point at `to`, so that no chain of redirects forms.
    pub async fn add_redirect(&self, from: &str, to: &str) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("UPDATE redirects SET to_path = $1 WHERE to_path = $2")
            .bind(to)
            .bind(from)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO redirects (from_path, to_path, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path, created_at = excluded.created_at",
        )
        .bind(from)
        .bind(to)
        .bind(now_seconds())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Where an address moved to, if it did.
    pub async fn redirect_from(&self, path: &str) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT to_path FROM redirects WHERE from_path = $1")
            .bind(path)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(to,)| to))
    }

    /// Deletes a user: their articles go to `heir`, their name leaves the revision and
    /// workflow history (the audit log keeps who did what), their sessions and tokens end.
    pub async fn delete_user(&self, id: UserId, heir: UserId) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("UPDATE articles SET author_id = $1 WHERE author_id = $2")
            .bind(heir.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        for table in ["article_revisions", "article_transitions", "contributors"] {
            // Table names are constants of this function, never input. Their byline stays, as
            // a contributor who is no longer a user.
            let sql = format!("UPDATE {table} SET user_id = NULL WHERE user_id = $1");
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id.0).execute(&mut *tx).await?;
        }
        let deleted = sqlx::query("DELETE FROM users WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("user {id}")));
        }
        tx.commit().await?;
        Ok(())
    }
}
