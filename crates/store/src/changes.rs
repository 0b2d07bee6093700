//! Reading the change log that the database's triggers write (migration `0006_changes`): what
//! page caches and search indexes follow to stay in step with every write, on every node.

use dateline_core::{ContributorId, EditionCode, SectionId, StoryId, TagId};

use crate::{Store, StoreError, limit_clause};

/// One write that changed what readers can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentChange {
    /// A published article of the story appeared, changed or went away.
    Story(StoryId),
    /// A story left this section, so the section's listings changed.
    SectionListing(SectionId),
    /// A published article gained or lost this contributor in its byline.
    Byline(ContributorId),
    /// The contributor's own name, slug or photo changed.
    Contributor(ContributorId),
    /// Something every page shows changed: sections, editions, settings, social accounts.
    Site,
}

/// Where a story shows: each of its editions with the article's status, section and bylines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryPlacement {
    pub section: SectionId,
    pub editions: Vec<(EditionCode, Vec<ContributorId>)>,
    /// The tags of its articles (pages reading next by tag depend on them).
    pub tags: Vec<TagId>,
}

impl Store {
    /// The id of the newest change, or 0 when the log is empty: where a new follower starts.
    pub async fn latest_change(&self) -> Result<i64, StoreError> {
        let (id,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM content_changes").fetch_one(&self.pool).await?;
        Ok(id.unwrap_or(0))
    }

    /// Changes after `after`, oldest first, at most `limit`, with their ids.
    pub async fn changes_since(&self, after: i64, limit: u32) -> Result<Vec<(i64, ContentChange)>, StoreError> {
        let rows: Vec<(i64, String, Option<i64>)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT id, kind, subject_id FROM content_changes WHERE id > $1 ORDER BY id{}",
            limit_clause(i64::from(limit), None)
        )))
        .bind(after)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, kind, subject)| {
                let subject = || subject.ok_or_else(|| StoreError::NotFound(format!("the subject of change {id}")));
                let change = match kind.as_str() {
                    "story" => ContentChange::Story(StoryId(subject()?)),
                    "section" => ContentChange::SectionListing(SectionId(subject()?)),
                    "byline" => ContentChange::Byline(ContributorId(subject()?)),
                    "contributor" => ContentChange::Contributor(ContributorId(subject()?)),
                    "site" => ContentChange::Site,
                    other => return Err(StoreError::NotFound(format!("a known change kind (found {other:?})"))),
                };
                Ok((id, change))
            })
            .collect()
    }

    /// Forgets changes older than `before` (Unix seconds): every follower has long applied them.
    pub async fn prune_changes(&self, before: i64) -> Result<u64, StoreError> {
        // The newest entry stays, so that the log still says where it stands (see
        // `change_log_covers`).
        let done = sqlx::query(
            "DELETE FROM content_changes WHERE changed_at < $1 AND id < (SELECT MAX(id) FROM content_changes)",
        )
        .bind(before)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Empties the change log but for its newest entry: after bulk loads (demo seeding,
    /// benchmark data) that no cache has seen yet.
    pub async fn clear_changes(&self) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM content_changes WHERE id < (SELECT MAX(id) FROM content_changes)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Whether the log still holds every change after `position`: false when entries after it
    /// were pruned, or when `position` is beyond the log's end (a log emptied, or another
    /// database). A reader whose position is not covered must start again from the content.
    pub async fn change_log_covers(&self, position: i64) -> Result<bool, StoreError> {
        let (oldest, newest): (Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT MIN(id), MAX(id) FROM content_changes").fetch_one(&self.pool).await?;
        Ok(match (oldest, newest) {
            (Some(oldest), Some(newest)) => oldest <= position.saturating_add(1) && position <= newest,
            _ => position == 0,
        })
    }

    /// The stories with a published article in the contributor's byline.
    pub async fn contributor_stories(&self, contributor: ContributorId) -> Result<Vec<StoryId>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT a.story_id FROM article_contributors ac JOIN articles a ON a.id = ac.article_id \
             WHERE ac.contributor_id = $1 AND (a.status || '') = 'published'",
        )
        .bind(contributor.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| StoryId(id)).collect())
    }

    /// Where the story shows now, or `None` if it does not exist.
    pub async fn story_placement(&self, story: StoryId) -> Result<Option<StoryPlacement>, StoreError> {
        let section: Option<(i64,)> = sqlx::query_as("SELECT section_id FROM stories WHERE id = $1")
            .bind(story.0)
            .fetch_optional(&self.pool)
            .await?;
        let Some((section,)) = section else { return Ok(None) };
        let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
            "SELECT a.edition, ac.contributor_id FROM articles a \
             LEFT JOIN article_contributors ac ON ac.article_id = a.id \
             WHERE a.story_id = $1 ORDER BY a.edition, ac.position",
        )
        .bind(story.0)
        .fetch_all(&self.pool)
        .await?;
        let mut editions: Vec<(EditionCode, Vec<ContributorId>)> = Vec::new();
        for (edition, contributor) in rows {
            let code = EditionCode::parse(&edition)?;
            if editions.last().is_none_or(|(last, _)| *last != code) {
                editions.push((code, Vec::new()));
            }
            if let (Some(id), Some((_, list))) = (contributor, editions.last_mut()) {
                list.push(ContributorId(id));
            }
        }
        let tags: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT at.tag_id FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE a.story_id = $1",
        )
        .bind(story.0)
        .fetch_all(&self.pool)
        .await?;
        let tags = tags.into_iter().map(|(id,)| TagId(id)).collect();
        Ok(Some(StoryPlacement { section: SectionId(section), editions, tags }))
    }
}
