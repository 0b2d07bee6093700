//! Private preview links of unpublished articles (see the `preview_links` migration).

use dateline_core::{ArticleId, UserId};

use crate::{Store, StoreError, now_seconds};

/// One preview link (its secret is only in the link itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewLink {
    pub id: i64,
    pub article: ArticleId,
    pub created_by: Option<UserId>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub expires_at: i64,
    /// Unix seconds, once revoked.
    pub revoked_at: Option<i64>,
}

impl PreviewLink {
    /// Whether the link still opens the preview at `now` (Unix seconds).
    pub fn is_open(&self, now: i64) -> bool {
        self.revoked_at.is_none() && now < self.expires_at
    }
}

type LinkRow = (i64, i64, Option<i64>, i64, i64, Option<i64>);

fn link((id, article, created_by, created_at, expires_at, revoked_at): LinkRow) -> PreviewLink {
    PreviewLink {
        id,
        article: ArticleId(article),
        created_by: created_by.map(UserId),
        created_at,
        expires_at,
        revoked_at,
    }
}

impl Store {
    /// Records a preview link of `article` whose secret hashes to `token_hash`; returns it.
    pub async fn create_preview_link(
        &self,
        article: ArticleId,
        token_hash: &str,
        created_by: UserId,
        expires_at: i64,
    ) -> Result<PreviewLink, StoreError> {
        let row: LinkRow = sqlx::query_as(
            "INSERT INTO preview_links (article_id, token_hash, created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id, article_id, created_by, created_at, expires_at, revoked_at",
        )
        .bind(article.0)
        .bind(token_hash)
        .bind(created_by.0)
        .bind(now_seconds())
        .bind(expires_at)
        .fetch_one(&self.pool)
        .await?;
        Ok(link(row))
    }

    /// The article's preview links, newest first (revoked and expired ones too).
    pub async fn preview_links(&self, article: ArticleId) -> Result<Vec<PreviewLink>, StoreError> {
        let rows: Vec<LinkRow> = sqlx::query_as(
            "SELECT id, article_id, created_by, created_at, expires_at, revoked_at
             FROM preview_links WHERE article_id = $1 ORDER BY id DESC",
        )
        .bind(article.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(link).collect())
    }

    /// The link whose secret hashes to `token_hash`, open or not.
    pub async fn preview_link_by_hash(&self, token_hash: &str) -> Result<Option<PreviewLink>, StoreError> {
        let row: Option<LinkRow> = sqlx::query_as(
            "SELECT id, article_id, created_by, created_at, expires_at, revoked_at
                 FROM preview_links WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(link))
    }

    /// Revokes link `id` of `article`; `NotFound` if the article has no such link.
    pub async fn revoke_preview_link(&self, article: ArticleId, id: i64) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE preview_links SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND article_id = $3",
        )
        .bind(now_seconds())
        .bind(id)
        .bind(article.0)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("preview link {id}")));
        }
        Ok(())
    }
}
