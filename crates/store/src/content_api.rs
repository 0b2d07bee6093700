//! What the public Content API reads: its keys, and published articles in keyset pages that
//! stay stable while new articles are published.

use dateline_core::{ArticleSummary, ContributorId, EditionCode, SectionId, StoryId};
use jiff::Timestamp;
use sqlx::{Any, QueryBuilder};

use crate::{Store, StoreError, limit_clause, now_seconds, numbered};

/// A Content API key's listing (never the key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentKey {
    /// Key id.
    pub id: i64,
    /// What it is for.
    pub label: String,
    /// Creation time (Unix seconds).
    pub created_at: i64,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// Which published articles an API listing returns.
#[derive(Debug, Clone, Default)]
pub struct ApiArticleFilter {
    /// Only this edition.
    pub edition: Option<EditionCode>,
    /// Only these sections.
    pub sections: Option<Vec<SectionId>>,
    /// Only this story's articles.
    pub story: Option<StoryId>,
    /// Only articles naming this contributor.
    pub contributor: Option<ContributorId>,
    /// Published at or after.
    pub since: Option<Timestamp>,
    /// Published before.
    pub until: Option<Timestamp>,
    /// Oldest first instead of newest first.
    pub oldest_first: bool,
}

/// A position in a listing: the last item's publication time and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeysetCursor {
    /// Publication time (Unix seconds).
    pub published: i64,
    /// Article id.
    pub id: i64,
}

impl Store {
    /// Records a Content API key (by its hash).
    pub async fn create_content_key(&self, label: &str, key_hash: &str) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO content_api_keys (label, key_hash, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(label)
        .bind(key_hash)
        .bind(now_seconds())
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Whether a key (by its hash) exists and is not revoked.
    pub async fn content_key_is_valid(&self, key_hash: &str) -> Result<bool, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM content_api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
                .bind(key_hash)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }

    /// Every key, newest first.
    pub async fn content_keys(&self) -> Result<Vec<ContentKey>, StoreError> {
        let rows: Vec<(i64, String, i64, Option<i64>)> =
            sqlx::query_as("SELECT id, label, created_at, revoked_at FROM content_api_keys ORDER BY id DESC")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, label, created_at, revoked)| ContentKey { id, label, created_at, revoked: revoked.is_some() })
            .collect())
    }

    /// Revokes a key.
    pub async fn revoke_content_key(&self, id: i64) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE content_api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now_seconds())
            .bind(id)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("content API key {id}")));
        }
        Ok(())
    }

    /// The site's secret named `name` (created by the migrations).
    pub async fn site_secret(&self, name: &str) -> Result<String, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT value FROM site_secrets WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|(value,)| value).ok_or_else(|| StoreError::NotFound(format!("site secret {name}")))
    }

    /// Up to `limit` published articles after `cursor`, in (publication time, id) order, so a
    /// page never repeats or skips an article even while others are being published.
    pub async fn api_articles(
        &self,
        filter: &ApiArticleFilter,
        cursor: Option<KeysetCursor>,
        limit: u32,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        // With a story, its few rows are found through the story index: the expression on
        // `status` keeps SQLite from walking the status index over the whole archive instead.
        let mut query: QueryBuilder<Any> = QueryBuilder::new(if filter.story.is_some() {
            "SELECT a.id FROM articles a WHERE (a.status || '') = 'published' AND a.published_at IS NOT NULL"
        } else {
            "SELECT a.id FROM articles a WHERE a.status = 'published' AND a.published_at IS NOT NULL"
        });
        match &filter.edition {
            Some(edition) => {
                query.push(" AND a.edition = ").push_bind(edition.as_str().to_owned());
            }
            // Hidden and retired editions are the newsroom's, not the API's.
            None => {
                query.push(" AND a.edition IN (SELECT code FROM editions WHERE status = 'public')");
            }
        }
        if let Some(sections) = &filter.sections {
            query.push(" AND a.section_id IN (");
            let mut list = query.separated(", ");
            for section in sections {
                list.push_bind(section.0);
            }
            if sections.is_empty() {
                list.push("NULL");
            }
            query.push(")");
        }
        if let Some(story) = filter.story {
            query.push(" AND a.story_id = ").push_bind(story.0);
        }
        if let Some(contributor) = filter.contributor {
            query.push(" AND a.id IN (SELECT article_id FROM article_contributors WHERE contributor_id = ");
            query.push_bind(contributor.0).push(")");
        }
        if let Some(since) = filter.since {
            query.push(" AND a.published_at >= ").push_bind(since.as_second());
        }
        if let Some(until) = filter.until {
            query.push(" AND a.published_at < ").push_bind(until.as_second());
        }
        let (compare, order) = if filter.oldest_first { (">", "ASC") } else { ("<", "DESC") };
        if let Some(cursor) = cursor {
            query.push(format!(" AND (a.published_at {compare} "));
            query.push_bind(cursor.published);
            query.push(" OR (a.published_at = ").push_bind(cursor.published);
            query.push(format!(" AND a.id {compare} ")).push_bind(cursor.id).push("))");
        }
        query
            .push(format!(" ORDER BY a.published_at {order}, a.id {order}"))
            .push(limit_clause(i64::from(limit), None));
        let ids: Vec<(i64,)> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        let ids: Vec<i64> = ids.into_iter().map(|(id,)| id).collect();
        let mut summaries = self.summaries_by_ids(&ids).await?;
        // Keep the keyset order.
        summaries.sort_by_key(|s| ids.iter().position(|id| *id == s.id.0).unwrap_or(usize::MAX));
        Ok(summaries)
    }
}
