//! Static pages (`pages`): About, Contact, Corrections policy… one row per edition, the
//! translations of a page sharing its group.

use dateline_core::{EditionCode, Msg, PageFields, Slug, StaticPage};
use jiff::Timestamp;

use crate::{Store, StoreError, now_seconds};

type PageRow = (i64, i64, String, String, String, String, i64, i64);

const COLUMNS: &str = "id, group_id, edition, slug, title, body_markdown, published, updated_at";

fn page_from_row(
    (id, group, edition, slug, title, body_markdown, published, updated_at): PageRow,
) -> Result<StaticPage, StoreError> {
    Ok(StaticPage {
        id,
        group,
        edition: EditionCode::parse(&edition)?,
        slug: Slug::parse(&slug)?,
        title,
        body_markdown,
        published: published != 0,
        updated_at: Timestamp::from_second(updated_at).unwrap_or_default(),
    })
}

/// A page slug taken in the edition: the writer's to fix.
fn slug_conflict(slug: &Slug) -> impl Fn(sqlx::Error) -> StoreError + '_ {
    move |error| match StoreError::from(error) {
        StoreError::Conflict(_) => StoreError::Conflict(Msg::new("page-slug-taken").with("slug", slug.as_str())),
        other => other,
    }
}

impl Store {
    /// Every page, by edition and title.
    pub async fn pages(&self) -> Result<Vec<StaticPage>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM pages ORDER BY edition, title, id");
        let rows: Vec<PageRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
        rows.into_iter().map(page_from_row).collect()
    }

    /// A page by id.
    pub async fn page(&self, id: i64) -> Result<Option<StaticPage>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM pages WHERE id = $1");
        let row: Option<PageRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.pool).await?;
        row.map(page_from_row).transpose()
    }

    /// The published page at `slug` in `edition`.
    pub async fn published_page(&self, edition: &EditionCode, slug: &str) -> Result<Option<StaticPage>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM pages WHERE edition = $1 AND slug = $2 AND published = 1");
        let row: Option<PageRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(edition.as_str())
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        row.map(page_from_row).transpose()
    }

    /// A page's translations (itself included), by edition.
    pub async fn page_translations(&self, group: i64) -> Result<Vec<StaticPage>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM pages WHERE group_id = $1 ORDER BY edition");
        let rows: Vec<PageRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(group).fetch_all(&self.pool).await?;
        rows.into_iter().map(page_from_row).collect()
    }

    /// Adds a page in `edition`, as a translation of the pages of `group` or (`None`) as a new
    /// page of its own group.
    pub async fn create_page(
        &self,
        edition: &EditionCode,
        group: Option<i64>,
        fields: &PageFields,
    ) -> Result<i64, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        if let Some(group) = group {
            let (taken,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pages WHERE group_id = $1 AND edition = $2")
                .bind(group)
                .bind(edition.as_str())
                .fetch_one(&mut *tx)
                .await?;
            if taken > 0 {
                return Err(StoreError::Conflict(
                    Msg::new("page-translation-exists").with("edition", edition.as_str()),
                ));
            }
        }
        // A new group's id is the page's own: a placeholder first, then the id.
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO pages (group_id, edition, slug, title, body_markdown, published, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(group.unwrap_or(0))
        .bind(edition.as_str())
        .bind(fields.slug.as_str())
        .bind(&fields.title)
        .bind(&fields.body_markdown)
        .bind(i64::from(fields.published))
        .bind(now_seconds())
        .fetch_one(&mut *tx)
        .await
        .map_err(slug_conflict(&fields.slug))?;
        if group.is_none() {
            sqlx::query("UPDATE pages SET group_id = id WHERE id = $1").bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces a page's title, slug, text and whether it is published.
    pub async fn update_page(&self, id: i64, fields: &PageFields) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE pages SET slug = $1, title = $2, body_markdown = $3, published = $4, updated_at = $5 WHERE id = $6",
        )
        .bind(fields.slug.as_str())
        .bind(&fields.title)
        .bind(&fields.body_markdown)
        .bind(i64::from(fields.published))
        .bind(now_seconds())
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(slug_conflict(&fields.slug))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("page {id}")));
        }
        Ok(())
    }

    /// Deletes a page (its translations stay).
    pub async fn delete_page(&self, id: i64) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM pages WHERE id = $1").bind(id).execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("page {id}")));
        }
        Ok(())
    }
}
