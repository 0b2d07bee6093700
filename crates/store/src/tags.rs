//! Tags (free keywords of an edition's articles) and the "read next" stories of an article.

use dateline_core::{
    ArticleId, ArticleSummary, EditionCode, Msg, Page, PageRequest, SectionId, Slug, StoryId, Tag, TagId,
};

use crate::articles::Listing;
use crate::{Store, StoreError};

/// How many tries at a free slug when two tag names make the same one (`tai-feng-2`…).
const SLUG_TRIES: u32 = 50;

impl Store {
    /// The article's tags, in the editor's order.
    pub async fn article_tags(&self, article: ArticleId) -> Result<Vec<Tag>, StoreError> {
        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT t.id, t.edition, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
             WHERE at.article_id = $1 ORDER BY at.position",
        )
        .bind(article.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(tag_from_row).collect()
    }

    /// The edition's tag at `slug`.
    pub async fn tag_by_slug(&self, edition: &EditionCode, slug: &Slug) -> Result<Option<Tag>, StoreError> {
        let row: Option<(i64, String, String, String)> =
            sqlx::query_as("SELECT id, edition, slug, name FROM tags WHERE edition = $1 AND slug = $2")
                .bind(edition.as_str())
                .bind(slug.as_str())
                .fetch_optional(&self.pool)
                .await?;
        row.map(tag_from_row).transpose()
    }

    /// The published articles of an edition with `tag`, newest first.
    pub async fn tag_articles(
        &self,
        edition: &EditionCode,
        tag: TagId,
        page: PageRequest,
    ) -> Result<Page<ArticleSummary>, StoreError> {
        self.list(edition, Listing::Tag(tag), page).await
    }

    /// The articles chosen by hand to read after `article`, in order (ids only; the reader
    /// shows those that are published).
    pub async fn related_articles(&self, article: ArticleId) -> Result<Vec<ArticleId>, StoreError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT related_id FROM article_related WHERE article_id = $1 ORDER BY position")
                .bind(article.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(id,)| ArticleId(id)).collect())
    }

    /// The stories of the articles chosen by hand to read after `article`, whatever their
    /// status: the page showing the choice changes when one of them is published.
    pub async fn related_stories(&self, article: ArticleId) -> Result<Vec<StoryId>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT a.story_id FROM article_related r JOIN articles a ON a.id = r.related_id WHERE r.article_id = $1",
        )
        .bind(article.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| StoryId(id)).collect())
    }

    /// Up to `count` published articles to read after `article`: those chosen by hand (`chosen`,
    /// as `related_articles` gives them) first,
    /// then those sharing most of its tags (newest first among equals), then the newest of its
    /// section, then of the edition. Never the article itself, never one twice.
    pub async fn read_next(
        &self,
        article: ArticleId,
        chosen: &[ArticleId],
        edition: &EditionCode,
        section: SectionId,
        count: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut candidates = chosen.to_vec();
        let sharing: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT other.article_id, COUNT(*) AS shared
             FROM article_tags mine
             JOIN article_tags other ON other.tag_id = mine.tag_id AND other.article_id <> mine.article_id
             JOIN articles a ON a.id = other.article_id
             WHERE mine.article_id = $1 AND a.status = 'published' AND a.published_at IS NOT NULL
             GROUP BY other.article_id
             ORDER BY shared DESC, MAX(a.published_at) DESC, other.article_id DESC
             LIMIT 20",
        )
        .bind(article.0)
        .fetch_all(&self.pool)
        .await?;
        // Each fallback is read only when what came before cannot fill the list: the stories
        // sharing tags are all published and never the article itself, and a listing of
        // `count + 1` holds `count` others.
        let filled_by_tags = sharing.len() >= count;
        candidates.extend(sharing.into_iter().map(|(id, _)| ArticleId(id)));
        let fill = PageRequest::first(count as u32 + 1);
        if !filled_by_tags {
            let newest = self.list_items(edition, Listing::Sections(&[section]), fill).await?;
            let filled_by_section = newest.len() > count;
            candidates.extend(newest.iter().map(|a| a.id));
            // A section with few stories in this edition: the edition's newest fill the list.
            if !filled_by_section {
                candidates.extend(self.list_items(edition, Listing::All, fill).await?.iter().map(|a| a.id));
            }
        }
        let mut ids: Vec<ArticleId> = Vec::with_capacity(candidates.len());
        for id in candidates {
            if id != article && !ids.contains(&id) {
                ids.push(id);
            }
        }
        let mut summaries = self.published_summaries(&ids).await?;
        // Chosen by hand from another edition (moved since): not for this page.
        summaries.retain(|s| &s.edition == edition);
        summaries.truncate(count);
        Ok(summaries)
    }
}

/// Replaces the article's tags (in `edition`) and hand-picked "read next" articles inside the
/// caller's transaction. A tag is found by its name, else made, with a slug of its own.
pub(crate) async fn replace_tags_and_related(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    article: ArticleId,
    edition: &str,
    tags: &[String],
    related: &[ArticleId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM article_tags WHERE article_id = $1").bind(article.0).execute(&mut **tx).await?;
    for (position, name) in tags.iter().enumerate() {
        let tag = tag_id_for(tx, edition, name).await?;
        sqlx::query(
            "INSERT INTO article_tags (article_id, tag_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(article.0)
        .bind(tag)
        .bind(position as i64)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("DELETE FROM article_related WHERE article_id = $1").bind(article.0).execute(&mut **tx).await?;
    for (position, related) in related.iter().enumerate() {
        sqlx::query(
            "INSERT INTO article_related (article_id, position, related_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(article.0)
        .bind(position as i64)
        .bind(related.0)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The id of the edition's tag named `name`, made if there is none.
async fn tag_id_for(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    edition: &str,
    name: &str,
) -> Result<i64, StoreError> {
    let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM tags WHERE edition = $1 AND name = $2")
        .bind(edition)
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?;
    if let Some((id,)) = existing {
        return Ok(id);
    }
    let base = Slug::from_title(name);
    for attempt in 1..=SLUG_TRIES {
        let slug = if attempt == 1 { base.as_str().to_owned() } else { format!("{}-{attempt}", base.as_str()) };
        let taken: Option<(i64, String)> = sqlx::query_as("SELECT id, name FROM tags WHERE edition = $1 AND slug = $2")
            .bind(edition)
            .bind(&slug)
            .fetch_optional(&mut **tx)
            .await?;
        match taken {
            // The same word in other letter case ("Harbour", "harbour").
            Some((id, taken_name)) if taken_name.to_lowercase() == name.to_lowercase() => return Ok(id),
            Some(_) => continue,
            None => {
                let (id,): (i64,) =
                    sqlx::query_as("INSERT INTO tags (edition, slug, name) VALUES ($1, $2, $3) RETURNING id")
                        .bind(edition)
                        .bind(&slug)
                        .bind(name)
                        .fetch_one(&mut **tx)
                        .await?;
                return Ok(id);
            }
        }
    }
    Err(StoreError::Conflict(Msg::new("tag-address-taken").with("tag", name.to_owned())))
}

fn tag_from_row((id, edition, slug, name): (i64, String, String, String)) -> Result<Tag, StoreError> {
    Ok(Tag { id: TagId(id), edition: EditionCode::parse(&edition)?, slug: Slug::parse(&slug)?, name })
}
