//! The newsroom's writes to articles: saving with optimistic concurrency, workflow
//! transitions, translations, revisions, and publishing what was scheduled.

use dateline_core::{
    ArticleFields, ArticleId, ArticleStatus, EditionCode, Page, PageRequest, SectionId, Slug, StoryId, UserId,
};
use jiff::Timestamp;
use sqlx::{Any, QueryBuilder};

use dateline_core::Msg;

use crate::articles::{record_revision, set_byline};
use crate::rows::{optional_timestamp, timestamp};
use crate::{Store, StoreError, limit_clause, now_seconds, numbered};

/// A saved revision of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// Its number: 1 for the first save.
    pub revision: i64,
    /// Who saved it.
    pub user: Option<UserId>,
    /// The saver's name.
    pub user_name: Option<String>,
    /// When.
    pub saved_at: Timestamp,
    /// The fields as saved.
    pub slug: String,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub standfirst: Option<String>,
    /// Body.
    pub body_markdown: String,
    /// Byline role name.
    pub byline_role: String,
    /// Dateline place.
    pub place: Option<String>,
    /// Byline contributor ids.
    pub contributors: Vec<i64>,
    /// The story's media and the article's correction, framing, tags and "read next" as they
    /// stood at the save, as `(field, value)` pairs; `None` for revisions saved before these
    /// were recorded.
    pub framing: Option<Vec<(String, String)>>,
}

/// One recorded workflow move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// Who (absent for the scheduler).
    pub user: Option<UserId>,
    /// Their name.
    pub user_name: Option<String>,
    /// From this state.
    pub from: ArticleStatus,
    /// To this one.
    pub to: ArticleStatus,
    /// The editor's comment.
    pub comment: Option<String>,
    /// When.
    pub at: Timestamp,
}

/// What the newsroom's article list shows of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskItem {
    /// The article.
    pub id: ArticleId,
    /// Its story.
    pub story: StoryId,
    /// Its edition.
    pub edition: EditionCode,
    /// Its section.
    pub section: SectionId,
    /// Slug.
    pub slug: Slug,
    /// Headline.
    pub headline: String,
    /// State.
    pub status: ArticleStatus,
    /// Creator.
    pub author: Option<UserId>,
    /// Publication time (past or scheduled).
    pub published_at: Option<Timestamp>,
    /// Last save.
    pub modified_at: Timestamp,
    /// Revision number.
    pub revision: i64,
}

/// Which articles the newsroom's list shows.
#[derive(Debug, Clone, Default)]
pub struct DeskFilter {
    /// Only this edition.
    pub edition: Option<EditionCode>,
    /// Only these sections.
    pub sections: Option<Vec<SectionId>>,
    /// Only this state.
    pub status: Option<ArticleStatus>,
    /// Only this creator's.
    pub author: Option<UserId>,
    /// Headline contains this text.
    pub headline: Option<String>,
}

impl Store {
    /// Saves new field values of an article that was at revision `base`, as revision
    /// `base + 1`, recording the revision. A save based on an older revision is refused with
    /// [`StoreError::Stale`], so no one's work is overwritten silently.
    ///
    /// Saving a published article marks it updated (`updated_at`, shown as "Updated" and in
    /// `dateModified`).
    pub async fn save_article(
        &self,
        id: ArticleId,
        base: i64,
        fields: &ArticleFields,
        user: UserId,
    ) -> Result<i64, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let revision = write_save(&mut tx, id, base, fields, user).await?;
        tx.commit().await?;
        Ok(revision)
    }

    /// Saves a derived article derived again (`fields`, merged with the editor's changes) and
    /// keeps `new_base` as the text it was derived as, in one transaction.
    pub async fn save_rederived(
        &self,
        id: ArticleId,
        base: i64,
        fields: &ArticleFields,
        user: UserId,
        new_base: &crate::DerivationBase,
    ) -> Result<i64, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let revision = write_save(&mut tx, id, base, fields, user).await?;
        crate::derivations::write_derivation_base(&mut tx, id.0, new_base).await?;
        tx.commit().await?;
        Ok(revision)
    }

    /// Moves an article from state `from` to `to`, recording who, when and why. `published_at`
    /// replaces the publication time when given. Refused with [`StoreError::Stale`] if the
    /// article is no longer in `from` (someone else moved it first).
    pub async fn transition_article(
        &self,
        id: ArticleId,
        from: ArticleStatus,
        to: ArticleStatus,
        published_at: Option<Timestamp>,
        user: Option<UserId>,
        comment: Option<&str>,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let now = now_seconds();
        let done = sqlx::query(
            "UPDATE articles SET status = $1, published_at = COALESCE($2, published_at), modified_at = $3
             WHERE id = $4 AND status = $5",
        )
        .bind(to.as_str())
        .bind(published_at.map(|t| t.as_second()))
        .bind(now)
        .bind(id.0)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            let (revision,): (i64,) = sqlx::query_as("SELECT revision FROM articles WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| StoreError::NotFound(format!("article {id}")))?;
            return Err(StoreError::Stale { current: revision });
        }
        sqlx::query(
            "INSERT INTO article_transitions (article_id, user_id, from_status, to_status, comment, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.0)
        .bind(user.map(|u| u.0))
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(comment)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Publishes every scheduled article whose time has come, recording the scheduler as the
    /// actor; returns their ids. Safe to call from several places at once: each article moves
    /// only once.
    pub async fn publish_due(&self, now: Timestamp) -> Result<Vec<ArticleId>, StoreError> {
        let due: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= $1 ORDER BY published_at",
        )
        .bind(now.as_second())
        .fetch_all(&self.pool)
        .await?;
        let mut published = Vec::new();
        for (id,) in due {
            match self
                .transition_article(
                    ArticleId(id),
                    ArticleStatus::Scheduled,
                    ArticleStatus::Published,
                    None,
                    None,
                    Some("published at its scheduled time"),
                )
                .await
            {
                Ok(()) => published.push(ArticleId(id)),
                Err(StoreError::Stale { .. }) => {} // Moved by someone else meanwhile.
                Err(error) => return Err(error),
            }
        }
        Ok(published)
    }

    /// Creates a draft of `source`'s story in `edition`, prefilled from the source, owned by
    /// `user`. A conflict if the story already has an article in that edition or the slug is
    /// taken there.
    pub async fn add_translation(
        &self,
        source: ArticleId,
        edition: &EditionCode,
        slug: &Slug,
        user: UserId,
        derived: Option<&crate::DerivedText>,
    ) -> Result<ArticleId, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let now = now_seconds();
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO articles (story_id, edition, section_id, slug, headline, standfirst, body_markdown,
                 byline_role, place, status, revision, created_at, modified_at, author_id)
             SELECT story_id, $2, section_id, $3, headline, standfirst, body_markdown, byline_role, place, 'draft',
                 1, $4, $4, $5
             FROM articles WHERE id = $1
             RETURNING id",
        )
        .bind(source.0)
        .bind(edition.as_str())
        .bind(slug.as_str())
        .bind(now)
        .bind(user.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(|e| match StoreError::missing_reference(e, || format!("edition {edition}")) {
            StoreError::Conflict(_) => StoreError::Conflict(
                Msg::new("article-exists").with("slug", slug.as_str()).with("edition", edition.to_string()),
            ),
            other => other,
        })?;
        let Some((id,)) = inserted else { return Err(StoreError::NotFound(format!("article {source}"))) };
        sqlx::query(
            "INSERT INTO article_contributors (article_id, contributor_id, position)
             SELECT $1, contributor_id, position FROM article_contributors WHERE article_id = $2",
        )
        .bind(id)
        .bind(source.0)
        .execute(&mut *tx)
        .await?;
        if let Some(text) = derived {
            crate::derivations::write_derived_text(&mut tx, id, source.0, edition.as_str(), text, now).await?;
        }
        record_revision(&mut tx, id, Some(user)).await?;
        tx.commit().await?;
        Ok(ArticleId(id))
    }

    /// Every article of a story, any state: (edition, article id, status).
    pub async fn story_articles(
        &self,
        story: StoryId,
    ) -> Result<Vec<(EditionCode, ArticleId, ArticleStatus)>, StoreError> {
        let rows: Vec<(String, i64, String)> =
            sqlx::query_as("SELECT edition, id, status FROM articles WHERE story_id = $1 ORDER BY id")
                .bind(story.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(edition, id, status)| {
                Ok((EditionCode::parse(&edition)?, ArticleId(id), ArticleStatus::parse(&status)?))
            })
            .collect()
    }

    /// An article's revisions, newest first.
    pub async fn revisions(&self, article: ArticleId) -> Result<Vec<Revision>, StoreError> {
        self.revisions_where(article, None).await
    }

    /// One revision of an article.
    pub async fn revision(&self, article: ArticleId, revision: i64) -> Result<Option<Revision>, StoreError> {
        Ok(self.revisions_where(article, Some(revision)).await?.into_iter().next())
    }

    async fn revisions_where(&self, article: ArticleId, revision: Option<i64>) -> Result<Vec<Revision>, StoreError> {
        type Row = (
            i64,
            Option<i64>,
            Option<String>,
            i64,
            String,
            String,
            Option<String>,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT r.revision, r.user_id, u.name, r.created_at, r.slug, r.headline, r.standfirst, r.body_markdown,
                    r.byline_role, r.place, r.contributors, r.framing
             FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id
             WHERE r.article_id = $1 AND ($2 IS NULL OR r.revision = $2)
             ORDER BY r.revision DESC",
        )
        .bind(article.0)
        .bind(revision)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(
                |(
                    revision,
                    user,
                    user_name,
                    at,
                    slug,
                    headline,
                    standfirst,
                    body_markdown,
                    byline_role,
                    place,
                    contributors,
                    framing,
                )| {
                    Ok(Revision {
                        revision,
                        user: user.map(UserId),
                        user_name,
                        saved_at: timestamp(at)?,
                        slug,
                        headline,
                        standfirst,
                        body_markdown,
                        byline_role,
                        place,
                        contributors: contributors.split(',').filter_map(|id| id.parse().ok()).collect(),
                        // Written by `record_revision`; anything else reads as not recorded.
                        framing: framing.and_then(|json| serde_json::from_str(&json).ok()),
                    })
                },
            )
            .collect()
    }

    /// An article's workflow history, oldest first.
    pub async fn transitions(&self, article: ArticleId) -> Result<Vec<Transition>, StoreError> {
        let rows: Vec<(Option<i64>, Option<String>, String, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT t.user_id, u.name, t.from_status, t.to_status, t.comment, t.created_at
             FROM article_transitions t LEFT JOIN users u ON u.id = t.user_id
             WHERE t.article_id = $1 ORDER BY t.id",
        )
        .bind(article.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(user, user_name, from, to, comment, at)| {
                Ok(Transition {
                    user: user.map(UserId),
                    user_name,
                    from: ArticleStatus::parse(&from)?,
                    to: ArticleStatus::parse(&to)?,
                    comment,
                    at: timestamp(at)?,
                })
            })
            .collect()
    }

    /// The newsroom's article list: newest saves first, filtered.
    pub async fn desk_articles(&self, filter: &DeskFilter, page: PageRequest) -> Result<Page<DeskItem>, StoreError> {
        let apply = |query: &mut QueryBuilder<sqlx::Any>| {
            query.push(" WHERE 1 = 1");
            if let Some(edition) = &filter.edition {
                query.push(" AND edition = ").push_bind(edition.as_str().to_owned());
            }
            if let Some(sections) = &filter.sections {
                query.push(" AND section_id IN (");
                let mut list = query.separated(", ");
                for section in sections {
                    list.push_bind(section.0);
                }
                if sections.is_empty() {
                    list.push("NULL");
                }
                query.push(")");
            }
            if let Some(status) = filter.status {
                query.push(" AND status = ").push_bind(status.as_str());
            }
            if let Some(author) = filter.author {
                query.push(" AND author_id = ").push_bind(author.0);
            }
            if let Some(text) = &filter.headline {
                let pattern = format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
                // LOWER on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
                query.push(" AND LOWER(headline) LIKE LOWER(").push_bind(pattern).push(") ESCAPE '\\'");
            }
        };
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM articles");
        apply(&mut count);
        let (total,): (i64,) = numbered(&mut count, self.backend).build_query_as().fetch_one(&self.pool).await?;
        let mut select = QueryBuilder::new(
            "SELECT id, story_id, edition, section_id, slug, headline, status, author_id, published_at, modified_at, revision
             FROM articles",
        );
        apply(&mut select);
        select.push(" ORDER BY modified_at DESC, id DESC");
        select.push(limit_clause(i64::from(page.per_page()), Some(i64::try_from(page.offset()).unwrap_or(i64::MAX))));
        type Row = (i64, i64, String, i64, String, String, String, Option<i64>, Option<i64>, i64, i64);
        let rows: Vec<Row> = numbered(&mut select, self.backend).build_query_as().fetch_all(&self.pool).await?;
        let items = rows
            .into_iter()
            .map(
                |(id, story, edition, section, slug, headline, status, author, published_at, modified_at, revision)| {
                    Ok(DeskItem {
                        id: ArticleId(id),
                        story: StoryId(story),
                        edition: EditionCode::parse(&edition)?,
                        section: SectionId(section),
                        slug: Slug::parse(&slug)?,
                        headline,
                        status: ArticleStatus::parse(&status)?,
                        author: author.map(UserId),
                        published_at: optional_timestamp(published_at)?,
                        modified_at: timestamp(modified_at)?,
                        revision,
                    })
                },
            )
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Page { items, request: page, total: u64::try_from(total).unwrap_or(0) })
    }
}

/// Saves `fields` as the article's next revision, if `base` is still its revision.
async fn write_save(
    tx: &mut sqlx::Transaction<'static, Any>,
    id: ArticleId,
    base: i64,
    fields: &ArticleFields,
    user: UserId,
) -> Result<i64, StoreError> {
    let current: Option<(i64, String)> = sqlx::query_as("SELECT revision, status FROM articles WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?;
    let Some((revision, status)) = current else { return Err(StoreError::NotFound(format!("article {id}"))) };
    if revision != base {
        return Err(StoreError::Stale { current: revision });
    }
    let now = now_seconds();
    let is_published = status == ArticleStatus::Published.as_str();
    sqlx::query(
        "UPDATE articles SET slug = $1, headline = $2, standfirst = $3, body_markdown = $4, byline_role = $5,
                 place = $6, correction = $7, revision = revision + 1, modified_at = $8,
                 updated_at = CASE WHEN $9 THEN $8 ELSE updated_at END
             WHERE id = $10 AND revision = $11",
    )
    .bind(fields.slug.as_str())
    .bind(&fields.headline)
    .bind(&fields.standfirst)
    .bind(&fields.body_markdown)
    .bind(fields.byline_role.as_str())
    .bind(&fields.place)
    .bind(&fields.correction)
    .bind(now)
    .bind(is_published)
    .bind(id.0)
    .bind(base)
    .execute(&mut **tx)
    .await
    .map_err(|e| match StoreError::from(e) {
        StoreError::Conflict(_) => StoreError::Conflict(Msg::new("slug-taken").with("slug", fields.slug.as_str())),
        other => other,
    })?;
    set_byline(tx, id.0, &fields.contributors).await?;
    record_revision(tx, id.0, Some(user)).await?;
    Ok(base + 1)
}
