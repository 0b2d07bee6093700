//! Stories and their per-edition articles: writing them, and the reader site's queries.

use std::collections::HashMap;

use dateline_core::{
    Article, ArticleId, ArticleStatus, ArticleSummary, Asset, AssetId, BylineRole, ContributorId, EditionCode, Page,
    PageRequest, SectionId, Slug, Story, StoryId, StoryKind, TagId, Translation, UserId,
};
use jiff::Timestamp;
use sqlx::{Any, QueryBuilder};

use dateline_core::Msg;

use crate::rows::{optional_timestamp, timestamp};
use crate::{Store, StoreError, limit_clause, now_seconds, numbered};

/// A story to add; its articles are added with [`Store::create_article`].
#[derive(Debug, Clone)]
pub struct NewStory {
    /// Its section.
    pub section: SectionId,
    /// Text or video.
    pub kind: StoryKind,
    /// The video of a video report.
    pub video: Option<AssetId>,
    /// The poster still.
    pub poster: Option<AssetId>,
}

/// An article to add to a story.
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// The story it tells.
    pub story: StoryId,
    /// Its edition.
    pub edition: EditionCode,
    /// Its slug, unique in the edition.
    pub slug: Slug,
    /// Headline.
    pub headline: String,
    /// Summary line.
    pub standfirst: Option<String>,
    /// Markdown body.
    pub body_markdown: String,
    /// Byline role.
    pub byline_role: BylineRole,
    /// Byline contributors in order.
    pub contributors: Vec<ContributorId>,
    /// Dateline place.
    pub place: Option<String>,
    /// Workflow state.
    pub status: ArticleStatus,
    /// Publication time.
    pub published_at: Option<Timestamp>,
    /// Correction time.
    pub updated_at: Option<Timestamp>,
    /// Correction note.
    pub correction: Option<String>,
    /// Captions for the video in this edition's language.
    pub captions: Option<AssetId>,
    /// The newsroom user creating it.
    pub author: Option<UserId>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ArticleRow {
    pub(crate) id: i64,
    pub(crate) story_id: i64,
    edition: String,
    slug: String,
    headline: String,
    standfirst: Option<String>,
    body_markdown: String,
    byline_role: String,
    place: Option<String>,
    status: String,
    published_at: Option<i64>,
    updated_at: Option<i64>,
    correction: Option<String>,
    pub(crate) captions_asset_id: Option<i64>,
    revision: i64,
    author_id: Option<i64>,
}

impl ArticleRow {
    /// The article, with its byline and captions (loaded by the caller, in batches).
    pub(crate) fn into_article(
        self,
        contributors: Vec<ContributorId>,
        captions: Option<Asset>,
    ) -> Result<Article, StoreError> {
        Ok(Article {
            id: ArticleId(self.id),
            story: StoryId(self.story_id),
            edition: EditionCode::parse(&self.edition)?,
            slug: Slug::parse(&self.slug)?,
            headline: self.headline,
            standfirst: self.standfirst,
            body_markdown: self.body_markdown,
            byline_role: BylineRole::parse(&self.byline_role)?,
            contributors,
            place: self.place,
            status: ArticleStatus::parse(&self.status)?,
            published_at: optional_timestamp(self.published_at)?,
            updated_at: optional_timestamp(self.updated_at)?,
            correction: self.correction,
            captions,
            revision: self.revision,
            author: self.author_id.map(UserId),
        })
    }
}

#[derive(sqlx::FromRow)]
struct StoryRow {
    id: i64,
    section_id: i64,
    kind: String,
    video_asset_id: Option<i64>,
    poster_asset_id: Option<i64>,
    pinned_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    id: i64,
    story_id: i64,
    edition: String,
    slug: String,
    headline: String,
    standfirst: Option<String>,
    section_id: i64,
    kind: String,
    poster_asset_id: Option<i64>,
    published_at: i64,
    updated_at: Option<i64>,
    pinned_at: Option<i64>,
}

/// The columns of [`ArticleRow`]; a constant, so formatting it into a query is safe.
const ARTICLE_SELECT: &str =
    "SELECT id, story_id, edition, slug, headline, standfirst, body_markdown, byline_role, place,
        status, published_at, updated_at, correction, captions_asset_id, revision, author_id
     FROM articles";

pub(crate) const SUMMARY_SELECT: &str =
    "SELECT a.id, a.story_id, a.edition, a.slug, a.headline, a.standfirst, a.section_id,
        s.kind, s.poster_asset_id, a.published_at, a.updated_at, s.pinned_at
     FROM articles a JOIN stories s ON s.id = a.story_id";

/// Which published articles of an edition a listing (or a feed) shows.
#[derive(Debug, Clone, Copy)]
pub enum Listing<'a> {
    /// All of the edition's.
    All,
    /// Those in any of these sections.
    Sections(&'a [SectionId]),
    /// Those naming this contributor in their byline.
    Contributor(ContributorId),
    /// Those with this tag.
    Tag(TagId),
}

/// Adds the `WHERE` clause of `listing` in `edition` to a query over `articles a`: published
/// articles only.
pub(crate) fn push_listing_filter(query: &mut QueryBuilder<Any>, edition: &EditionCode, listing: &Listing<'_>) {
    query.push(" WHERE a.edition = ").push_bind(edition.as_str().to_owned());
    query.push(" AND a.status = 'published' AND a.published_at IS NOT NULL");
    match listing {
        Listing::All => {}
        Listing::Sections(sections) => {
            query.push(" AND a.section_id IN (");
            let mut list = query.separated(", ");
            for section in sections.iter() {
                list.push_bind(section.0);
            }
            query.push(")");
        }
        Listing::Contributor(contributor) => {
            query.push(" AND a.id IN (SELECT article_id FROM article_contributors WHERE contributor_id = ");
            query.push_bind(contributor.0).push(")");
        }
        Listing::Tag(tag) => {
            query.push(" AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ");
            query.push_bind(tag.0).push(")");
        }
    }
}

impl Store {
    /// Adds a story.
    pub async fn create_story(&self, story: &NewStory) -> Result<StoryId, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let id = insert_story(&mut tx, story).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds an article to its story, in one transaction with its byline and first revision.
    pub async fn create_article(&self, article: &NewArticle) -> Result<ArticleId, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let id = insert_article(&mut tx, article).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds a story and its first article together: either both are saved or neither.
    pub async fn create_story_with_article(
        &self,
        story: &NewStory,
        article: &NewArticle,
    ) -> Result<(StoryId, ArticleId), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let story_id = insert_story(&mut tx, story).await?;
        let id = insert_article(&mut tx, &NewArticle { story: story_id, ..article.clone() }).await?;
        tx.commit().await?;
        Ok((story_id, id))
    }

    /// Adds many stories with their articles in one transaction: for bulk loads (benchmark
    /// archives, imports). Rows go in as multi-row inserts with ids assigned here, since a
    /// statement per row would spend its time handing statements to SQLite's thread. Either all
    /// are saved or none; the caller must be the only writer (a concurrent one makes this fail,
    /// not corrupt).
    pub async fn create_stories_bulk(&self, stories: &[(NewStory, Vec<NewArticle>)]) -> Result<u64, StoreError> {
        // Under SQLite's limit of 32,766 bound parameters per statement.
        const ARTICLES_PER_STATEMENT: usize = 1500;
        let (_turn, mut tx) = self.begin_write().await?;
        let (last_story,): (i64,) =
            sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM stories").fetch_one(&mut *tx).await?;
        let (last_article,): (i64,) =
            sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM articles").fetch_one(&mut *tx).await?;
        let now = now_seconds();
        const STORIES_PER_STATEMENT: usize = 4000;
        for (c, chunk) in stories.chunks(STORIES_PER_STATEMENT).enumerate() {
            let mut insert = sqlx::QueryBuilder::<Any>::new(
                "INSERT INTO stories (id, section_id, kind, video_asset_id, poster_asset_id, created_at) ",
            );
            let first = last_story + 1 + (c * STORIES_PER_STATEMENT) as i64;
            insert.push_values(chunk.iter().enumerate(), |mut row, (i, (story, _))| {
                row.push_bind(first + i as i64)
                    .push_bind(story.section.0)
                    .push_bind(story.kind.as_str())
                    .push_bind(story.video.map(|a| a.0))
                    .push_bind(story.poster.map(|a| a.0))
                    .push_bind(now);
            });
            numbered(&mut insert, self.backend).build().execute(&mut *tx).await?;
        }
        let articles: Vec<(i64, i64, &NewStory, &NewArticle)> = stories
            .iter()
            .enumerate()
            .flat_map(|(s, (story, list))| list.iter().map(move |a| (last_story + 1 + s as i64, story, a)))
            .enumerate()
            .map(|(n, (story_id, story, article))| (last_article + 1 + n as i64, story_id, story, article))
            .collect();
        for chunk in articles.chunks(ARTICLES_PER_STATEMENT) {
            let mut insert = sqlx::QueryBuilder::<Any>::new(
                "INSERT INTO articles (id, story_id, edition, section_id, slug, headline, standfirst, body_markdown,
                     byline_role, place, status, published_at, updated_at, correction, captions_asset_id,
                     revision, created_at, modified_at, author_id) ",
            );
            insert.push_values(chunk, |mut row, (id, story_id, story, article)| {
                row.push_bind(id)
                    .push_bind(story_id)
                    .push_bind(article.edition.as_str())
                    .push_bind(story.section.0)
                    .push_bind(article.slug.as_str())
                    .push_bind(&article.headline)
                    .push_bind(&article.standfirst)
                    .push_bind(&article.body_markdown)
                    .push_bind(article.byline_role.as_str())
                    .push_bind(&article.place)
                    .push_bind(article.status.as_str())
                    .push_bind(article.published_at.map(|t| t.as_second()))
                    .push_bind(article.updated_at.map(|t| t.as_second()))
                    .push_bind(&article.correction)
                    .push_bind(article.captions.map(|a| a.0))
                    .push_bind(1_i64)
                    .push_bind(now)
                    .push_bind(now)
                    .push_bind(article.author.map(|u| u.0));
            });
            numbered(&mut insert, self.backend).build().execute(&mut *tx).await?;
        }
        let bylines: Vec<(i64, i64, i64)> = articles
            .iter()
            .flat_map(|(id, _, _, article)| {
                article.contributors.iter().enumerate().map(move |(position, c)| (*id, c.0, position as i64))
            })
            .collect();
        for chunk in bylines.chunks(10_000) {
            let mut insert = sqlx::QueryBuilder::<Any>::new(
                "INSERT INTO article_contributors (article_id, contributor_id, position) ",
            );
            insert.push_values(chunk, |mut row, (article, contributor, position)| {
                row.push_bind(article).push_bind(contributor).push_bind(position);
            });
            numbered(&mut insert, self.backend).build().execute(&mut *tx).await?;
        }
        // Each article's first revision, as `record_revision` writes it.
        sqlx::query(
            "INSERT INTO article_revisions (article_id, revision, user_id, created_at, slug, headline, standfirst,
                 body_markdown, byline_role, place, contributors)
             SELECT a.id, a.revision, a.author_id, $1, a.slug, a.headline, a.standfirst, a.body_markdown,
                    a.byline_role, a.place,
                    COALESCE((SELECT string_agg(CAST(contributor_id AS TEXT), ',' ORDER BY position)
                              FROM article_contributors WHERE article_id = a.id), '')
             FROM articles a WHERE a.id > $2 AND a.id <= $3",
        )
        .bind(now)
        .bind(last_article)
        .bind(last_article + articles.len() as i64)
        .execute(&mut *tx)
        .await?;
        self.advance_id_sequences(&mut tx, &["stories", "articles"]).await?;
        tx.commit().await?;
        Ok(articles.len() as u64)
    }

    /// The published article at `slug` in `edition`.
    pub async fn published_article(&self, edition: &EditionCode, slug: &Slug) -> Result<Option<Article>, StoreError> {
        let row: Option<ArticleRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ARTICLE_SELECT} WHERE edition = $1 AND slug = $2 AND status = 'published'"
        )))
        .bind(edition.as_str())
        .bind(slug.as_str())
        .fetch_optional(&self.pool)
        .await?;
        self.article_from_row(row).await
    }

    /// The state of the article at `slug` in `edition`, whatever it is (to tell a withdrawn
    /// article from one that never existed).
    pub async fn article_status(
        &self,
        edition: &EditionCode,
        slug: &Slug,
    ) -> Result<Option<ArticleStatus>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT status FROM articles WHERE edition = $1 AND slug = $2")
            .bind(edition.as_str())
            .bind(slug.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|(status,)| ArticleStatus::parse(&status).map_err(StoreError::from)).transpose()
    }

    /// The article with this id, whatever its state.
    pub async fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError> {
        let row: Option<ArticleRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{ARTICLE_SELECT} WHERE id = $1")))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        self.article_from_row(row).await
    }

    async fn article_from_row(&self, row: Option<ArticleRow>) -> Result<Option<Article>, StoreError> {
        let Some(row) = row else { return Ok(None) };
        let mut contributors = self.bylines(&[row.id]).await?;
        let mut captions = self.assets_by_ids(&row.captions_asset_id.into_iter().collect::<Vec<_>>()).await?;
        let contributors = contributors.remove(&row.id).unwrap_or_default();
        let captions = row.captions_asset_id.and_then(|id| captions.remove(&id));
        row.into_article(contributors, captions).map(Some)
    }

    /// A story with its media.
    pub async fn story(&self, id: StoryId) -> Result<Option<Story>, StoreError> {
        let row: Option<StoryRow> = sqlx::query_as(
            "SELECT id, section_id, kind, video_asset_id, poster_asset_id, pinned_at FROM stories WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(StoryRow { id, section_id: section, kind, video_asset_id: video, poster_asset_id: poster, pinned_at }) =
            row
        else {
            return Ok(None);
        };
        let mut assets = self.assets_by_ids(&[video, poster].into_iter().flatten().collect::<Vec<_>>()).await?;
        Ok(Some(Story {
            id: StoryId(id),
            section: SectionId(section),
            kind: StoryKind::parse(&kind)?,
            video: video.and_then(|v| assets.remove(&v)),
            poster: poster.and_then(|p| assets.remove(&p)),
            pinned_at: optional_timestamp(pinned_at)?,
        }))
    }

    /// Where the story is published, one entry per edition.
    pub async fn translations(&self, story: StoryId) -> Result<Vec<Translation>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT edition, slug FROM articles WHERE story_id = $1 AND (status || '') = 'published'")
                .bind(story.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(edition, slug)| {
                Ok(Translation { edition: EditionCode::parse(&edition)?, slug: Slug::parse(&slug)? })
            })
            .collect()
    }

    /// The newest published articles of an edition, newest first.
    pub async fn latest_articles(
        &self,
        edition: &EditionCode,
        page: PageRequest,
    ) -> Result<Page<ArticleSummary>, StoreError> {
        self.list(edition, Listing::All, page).await
    }

    /// The newest `count` published articles of an edition, without counting them all.
    pub async fn newest_articles(&self, edition: &EditionCode, count: u32) -> Result<Vec<ArticleSummary>, StoreError> {
        self.list_items(edition, Listing::All, PageRequest::first(count)).await
    }

    /// The published articles of an edition whose stories are pinned, newest pin first, at
    /// most `count` (what leads its homepage).
    pub async fn pinned_articles(&self, edition: &EditionCode, count: u32) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut select = QueryBuilder::new(SUMMARY_SELECT);
        push_listing_filter(&mut select, edition, &Listing::All);
        // Through the partial index `stories_pinned`: a handful of stories, whatever the archive.
        select.push(" AND s.pinned_at IS NOT NULL ORDER BY s.pinned_at DESC, a.id DESC");
        select.push(limit_clause(i64::from(count), None));
        let rows: Vec<SummaryRow> = numbered(&mut select, self.backend).build_query_as().fetch_all(&self.pool).await?;
        self.summaries_from_rows(rows).await
    }

    /// Pins a story to lead every edition's homepage (`Some`: since when), or unpins it.
    /// Pinning a pinned story keeps its first pin time, so repeating it changes nothing.
    pub async fn set_story_pinned(&self, id: StoryId, pinned: Option<Timestamp>) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE stories SET pinned_at = CASE WHEN $1 IS NULL THEN NULL ELSE COALESCE(pinned_at, $1) END
             WHERE id = $2 AND (pinned_at IS NULL) <> ($1 IS NULL)",
        )
        .bind(pinned.map(|t| t.as_second()))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            let exists: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM stories WHERE id = $1").bind(id.0).fetch_optional(&mut *tx).await?;
            if exists.is_none() {
                return Err(StoreError::NotFound(format!("story {id}")));
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The published articles of an edition in any of `sections`, newest first.
    pub async fn section_articles(
        &self,
        edition: &EditionCode,
        sections: &[SectionId],
        page: PageRequest,
    ) -> Result<Page<ArticleSummary>, StoreError> {
        self.list(edition, Listing::Sections(sections), page).await
    }

    /// The published articles of an edition that name `contributor` in their byline, newest
    /// first.
    pub async fn contributor_articles(
        &self,
        edition: &EditionCode,
        contributor: ContributorId,
        page: PageRequest,
    ) -> Result<Page<ArticleSummary>, StoreError> {
        self.list(edition, Listing::Contributor(contributor), page).await
    }

    /// One page of a listing. Ties on the publication second are broken by id so that pages
    /// never overlap or skip.
    pub(crate) async fn list(
        &self,
        edition: &EditionCode,
        listing: Listing<'_>,
        page: PageRequest,
    ) -> Result<Page<ArticleSummary>, StoreError> {
        if let Listing::Sections([]) = listing {
            return Ok(Page { items: Vec::new(), request: page, total: 0 });
        }
        // Kept by triggers (migration 0008): counting rows would grow with the archive.
        let mut count =
            QueryBuilder::new("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM listing_counts WHERE edition = ");
        count.push_bind(edition.as_str().to_owned());
        match listing {
            Listing::All => {
                count.push(" AND kind = 'all'");
            }
            Listing::Sections(sections) => {
                count.push(" AND kind = 'section' AND subject_id IN (");
                let mut list = count.separated(", ");
                for section in sections {
                    list.push_bind(section.0);
                }
                count.push(")");
            }
            Listing::Contributor(contributor) => {
                count.push(" AND kind = 'contributor' AND subject_id = ").push_bind(contributor.0);
            }
            Listing::Tag(tag) => {
                count.push(" AND kind = 'tag' AND subject_id = ").push_bind(tag.0);
            }
        }
        let (total,): (i64,) = numbered(&mut count, self.backend).build_query_as().fetch_one(&self.pool).await?;
        let items = self.list_items(edition, listing, page).await?;
        Ok(Page { items, request: page, total: u64::try_from(total).unwrap_or(0) })
    }

    /// For each group of sections, its newest `count` published articles in an edition, other
    /// than those in `exclude` (the stories already shown above the blocks): a homepage's
    /// blocks, read in one statement (each section through its index), then bylines and
    /// posters for the articles kept, rather than three queries per block. Groups must not
    /// share sections.
    pub async fn newest_in_section_groups(
        &self,
        edition: &EditionCode,
        groups: &[Vec<SectionId>],
        count: u32,
        exclude: &[ArticleId],
    ) -> Result<Vec<Vec<ArticleSummary>>, StoreError> {
        let sections: Vec<SectionId> = groups.iter().flatten().copied().collect();
        if sections.is_empty() {
            return Ok(vec![Vec::new(); groups.len()]);
        }
        let mut select = QueryBuilder::new("");
        for (i, section) in sections.iter().enumerate() {
            if i > 0 {
                select.push(" UNION ALL ");
            }
            select.push("SELECT * FROM (").push(SUMMARY_SELECT);
            push_listing_filter(&mut select, edition, &Listing::Sections(std::slice::from_ref(section)));
            if !exclude.is_empty() {
                select.push(" AND a.id NOT IN (");
                let mut list = select.separated(", ");
                for id in exclude {
                    list.push_bind(id.0);
                }
                select.push(")");
            }
            select
                .push(" ORDER BY a.published_at DESC, a.id DESC")
                .push(limit_clause(i64::from(count), None))
                .push(") AS block");
        }
        select.push(" ORDER BY published_at DESC, id DESC");
        let rows: Vec<SummaryRow> = numbered(&mut select, self.backend).build_query_as().fetch_all(&self.pool).await?;
        // Each group keeps its newest `count` before bylines and posters are read: a group of
        // several sections brings `count` rows from each.
        let mut kept_per_group = vec![0u32; groups.len()];
        let (mut kept, mut kept_groups) = (Vec::with_capacity(rows.len()), Vec::with_capacity(rows.len()));
        for row in rows {
            if let Some(group) = groups.iter().position(|g| g.contains(&SectionId(row.section_id)))
                && kept_per_group[group] < count
            {
                kept_per_group[group] += 1;
                kept.push(row);
                kept_groups.push(group);
            }
        }
        let mut blocks: Vec<Vec<ArticleSummary>> = vec![Vec::new(); groups.len()];
        // One summary per row, in the rows' order.
        for (summary, group) in self.summaries_from_rows(kept).await?.into_iter().zip(kept_groups) {
            blocks[group].push(summary);
        }
        Ok(blocks)
    }

    /// The rows of one page of a listing.
    ///
    /// A listing of several sections reads each section's newest `offset + per_page` through
    /// its index and merges those: one `IN (…)` query would have to sort every article of the
    /// sections, a cost that grows with the archive.
    pub(crate) async fn list_items(
        &self,
        edition: &EditionCode,
        listing: Listing<'_>,
        page: PageRequest,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let offset = i64::try_from(page.offset()).unwrap_or(i64::MAX);
        let per_page = i64::from(page.per_page());
        let mut select = QueryBuilder::new("");
        match listing {
            Listing::Sections(sections) if sections.len() > 1 => {
                for (i, section) in sections.iter().enumerate() {
                    if i > 0 {
                        select.push(" UNION ALL ");
                    }
                    select.push("SELECT * FROM (").push(SUMMARY_SELECT);
                    push_listing_filter(&mut select, edition, &Listing::Sections(std::slice::from_ref(section)));
                    select.push(" ORDER BY a.published_at DESC, a.id DESC");
                    select.push(limit_clause(offset.saturating_add(per_page), None)).push(") AS part");
                }
                select.push(" ORDER BY published_at DESC, id DESC");
            }
            _ => {
                select.push(SUMMARY_SELECT);
                push_listing_filter(&mut select, edition, &listing);
                select.push(" ORDER BY a.published_at DESC, a.id DESC");
            }
        }
        select.push(limit_clause(per_page, Some(offset)));
        let rows: Vec<SummaryRow> = numbered(&mut select, self.backend).build_query_as().fetch_all(&self.pool).await?;
        self.summaries_from_rows(rows).await
    }

    /// The summaries of those of `ids` that are published, in the order of `ids` (search
    /// results name articles by id; one withdrawn since it was indexed is left out).
    pub async fn published_summaries(&self, ids: &[ArticleId]) -> Result<Vec<ArticleSummary>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = QueryBuilder::new(SUMMARY_SELECT);
        query.push(" WHERE (a.status || '') = 'published' AND a.published_at IS NOT NULL AND a.id IN (");
        let mut list = query.separated(", ");
        for id in ids {
            list.push_bind(id.0);
        }
        query.push(")");
        let rows: Vec<SummaryRow> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        let mut summaries = self.summaries_from_rows(rows).await?;
        summaries.sort_by_key(|s| ids.iter().position(|id| *id == s.id));
        Ok(summaries)
    }

    /// The summaries of these published articles (any order).
    pub(crate) async fn summaries_by_ids(&self, ids: &[i64]) -> Result<Vec<ArticleSummary>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = QueryBuilder::new(SUMMARY_SELECT);
        query.push(" WHERE a.id IN (");
        let mut list = query.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        query.push(")");
        let rows: Vec<SummaryRow> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        self.summaries_from_rows(rows).await
    }

    pub(crate) async fn summaries_from_rows(&self, rows: Vec<SummaryRow>) -> Result<Vec<ArticleSummary>, StoreError> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut bylines = self.bylines(&ids).await?;
        let poster_ids: Vec<i64> = rows.iter().filter_map(|r| r.poster_asset_id).collect();
        let posters = self.assets_by_ids(&poster_ids).await?;
        rows.into_iter()
            .map(|row| {
                Ok(ArticleSummary {
                    id: ArticleId(row.id),
                    story: StoryId(row.story_id),
                    edition: EditionCode::parse(&row.edition)?,
                    slug: Slug::parse(&row.slug)?,
                    headline: row.headline,
                    standfirst: row.standfirst,
                    section: SectionId(row.section_id),
                    kind: StoryKind::parse(&row.kind)?,
                    poster: row.poster_asset_id.and_then(|p| posters.get(&p).cloned()),
                    contributors: bylines.remove(&row.id).unwrap_or_default(),
                    published_at: timestamp(row.published_at)?,
                    updated_at: optional_timestamp(row.updated_at)?,
                    pinned: row.pinned_at.is_some(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()
    }

    /// The byline contributors of each article, in byline order.
    pub(crate) async fn bylines(&self, article_ids: &[i64]) -> Result<HashMap<i64, Vec<ContributorId>>, StoreError> {
        let mut bylines: HashMap<i64, Vec<ContributorId>> = HashMap::new();
        if article_ids.is_empty() {
            return Ok(bylines);
        }
        let mut query =
            QueryBuilder::new("SELECT article_id, contributor_id FROM article_contributors WHERE article_id IN (");
        let mut list = query.separated(", ");
        for id in article_ids {
            list.push_bind(*id);
        }
        query.push(") ORDER BY article_id, position");
        let rows: Vec<(i64, i64)> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        for (article, contributor) in rows {
            bylines.entry(article).or_default().push(ContributorId(contributor));
        }
        Ok(bylines)
    }
}

/// Replaces an article's byline, in the caller's transaction.
pub(crate) async fn set_byline(
    tx: &mut sqlx::Transaction<'_, Any>,
    article: i64,
    contributors: &[ContributorId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM article_contributors WHERE article_id = $1").bind(article).execute(&mut **tx).await?;
    for (position, contributor) in contributors.iter().enumerate() {
        sqlx::query("INSERT INTO article_contributors (article_id, contributor_id, position) VALUES ($1, $2, $3)")
            .bind(article)
            .bind(contributor.0)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .execute(&mut **tx)
            .await
            .map_err(|e| StoreError::missing_reference(e, || format!("contributor {contributor}")))?;
    }
    Ok(())
}

/// Snapshots the article's current fields as its current revision, in the caller's
/// transaction. Contributors are kept as a comma-separated list of ids.
pub(crate) async fn record_revision(
    tx: &mut sqlx::Transaction<'_, Any>,
    article: i64,
    user: Option<UserId>,
) -> Result<(), StoreError> {
    let contributors: Vec<(i64,)> =
        sqlx::query_as("SELECT contributor_id FROM article_contributors WHERE article_id = $1 ORDER BY position")
            .bind(article)
            .fetch_all(&mut **tx)
            .await?;
    let contributors = contributors.iter().map(|(id,)| id.to_string()).collect::<Vec<_>>().join(",");
    let framing = serde_json::to_string(&framing_snapshot(tx, article).await?).unwrap_or_default();
    sqlx::query(
        "INSERT INTO article_revisions (article_id, revision, user_id, created_at, slug, headline, standfirst,
             body_markdown, byline_role, place, contributors, framing)
         SELECT id, revision, $2, $3, slug, headline, standfirst, body_markdown, byline_role, place, $4, $5
         FROM articles WHERE id = $1",
    )
    .bind(article)
    .bind(user.map(|u| u.0))
    .bind(now_seconds())
    .bind(contributors)
    .bind(framing)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The fields a revision records besides its text (see migration 0020), as they stand now:
/// `(field, value)` pairs in a fixed order, uploads named by their file, empty when unset.
async fn framing_snapshot(
    tx: &mut sqlx::Transaction<'_, Any>,
    article: i64,
) -> Result<Vec<(String, String)>, StoreError> {
    type MediaRow = (Option<String>, Option<String>, Option<String>, Option<String>);
    let media: Option<MediaRow> = sqlx::query_as(
        "SELECT poster.key, video.key, captions.key, a.correction
         FROM articles a JOIN stories s ON s.id = a.story_id
         LEFT JOIN assets poster ON poster.id = s.poster_asset_id
         LEFT JOIN assets video ON video.id = s.video_asset_id
         LEFT JOIN assets captions ON captions.id = a.captions_asset_id
         WHERE a.id = $1",
    )
    .bind(article)
    .fetch_optional(&mut **tx)
    .await?;
    let (poster, video, captions, correction) = media.unwrap_or_default();
    type MetaRow = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
    );
    let meta: Option<MetaRow> = sqlx::query_as(
        "SELECT m.image_alt, m.image_caption, m.image_credit, m.meta_title, m.meta_description, m.social_title,
                m.social_description, social.key, m.canonical_url, m.noindex
         FROM article_meta m LEFT JOIN assets social ON social.id = m.social_image_asset_id
         WHERE m.article_id = $1",
    )
    .bind(article)
    .fetch_optional(&mut **tx)
    .await?;
    let (
        alt,
        caption,
        credit,
        meta_title,
        meta_description,
        social_title,
        social_description,
        social_image,
        canonical,
        noindex,
    ) = meta.unwrap_or_default();
    let tags: Vec<(String,)> = sqlx::query_as(
        "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = $1 ORDER BY at.position",
    )
    .bind(article)
    .fetch_all(&mut **tx)
    .await?;
    let related: Vec<(String,)> = sqlx::query_as(
        "SELECT a.headline FROM article_related r JOIN articles a ON a.id = r.related_id
         WHERE r.article_id = $1 ORDER BY r.position",
    )
    .bind(article)
    .fetch_all(&mut **tx)
    .await?;
    let texts = |rows: Vec<(String,)>| rows.into_iter().map(|(v,)| v).collect::<Vec<_>>();
    Ok(framing_fields(
        [
            poster,
            video,
            captions,
            correction,
            alt,
            caption,
            credit,
            meta_title,
            meta_description,
            social_title,
            social_description,
            social_image,
            canonical,
            (noindex != 0).then(|| "noindex".to_owned()),
        ],
        &texts(tags),
        &texts(related),
    ))
}

/// The framing a revision keeps, by field (`REVISION_FRAMING_FIELDS`): `values` for the first
/// fourteen (poster to noindex), then the tags' names and the related articles' headlines.
pub(crate) fn framing_fields(
    values: [Option<String>; 14],
    tags: &[String],
    related: &[String],
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = dateline_core::REVISION_FRAMING_FIELDS
        .iter()
        .zip(values)
        .map(|(name, value)| ((*name).to_owned(), value.unwrap_or_default()))
        .collect();
    fields.push(("tags".to_owned(), tags.join(", ")));
    fields.push(("related".to_owned(), related.join(" · ")));
    fields
}

/// Inserts an article with its byline and first revision, in the caller's transaction.
pub(crate) async fn insert_article(
    tx: &mut sqlx::Transaction<'_, Any>,
    article: &NewArticle,
) -> Result<ArticleId, StoreError> {
    let section: Option<(i64,)> = sqlx::query_as("SELECT section_id FROM stories WHERE id = $1")
        .bind(article.story.0)
        .fetch_optional(&mut **tx)
        .await?;
    let Some((section_id,)) = section else {
        return Err(StoreError::NotFound(format!("story {}", article.story)));
    };
    let id = insert_article_row(tx, article, section_id).await?;
    set_byline(tx, id, &article.contributors).await?;
    record_revision(tx, id, article.author).await?;
    Ok(ArticleId(id))
}

/// Inserts an article's row in `section_id` as its first revision (no byline, no revision
/// record: the callers add those their own way); an address the edition has already is a
/// conflict.
pub(crate) async fn insert_article_row(
    tx: &mut sqlx::Transaction<'_, Any>,
    article: &NewArticle,
    section_id: i64,
) -> Result<i64, StoreError> {
    let now = now_seconds();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO articles (story_id, edition, section_id, slug, headline, standfirst, body_markdown,
                     byline_role, place, status, published_at, updated_at, correction, captions_asset_id,
                     revision, created_at, modified_at, author_id)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15, $16) RETURNING id",
    )
    .bind(article.story.0)
    .bind(article.edition.as_str())
    .bind(section_id)
    .bind(article.slug.as_str())
    .bind(&article.headline)
    .bind(&article.standfirst)
    .bind(&article.body_markdown)
    .bind(article.byline_role.as_str())
    .bind(&article.place)
    .bind(article.status.as_str())
    .bind(article.published_at.map(|t| t.as_second()))
    .bind(article.updated_at.map(|t| t.as_second()))
    .bind(&article.correction)
    .bind(article.captions.map(|a| a.0))
    .bind(now)
    .bind(article.author.map(|u| u.0))
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| match StoreError::from(e) {
        StoreError::Conflict(_) => StoreError::Conflict(
            Msg::new("article-exists").with("slug", article.slug.as_str()).with("edition", article.edition.as_str()),
        ),
        other => other,
    })?;
    Ok(id)
}

impl Store {
    /// Changes a story's section, kind and media; its articles move to the new section in the
    /// same transaction.
    pub async fn update_story(&self, id: StoryId, story: &NewStory) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE stories SET section_id = $1, kind = $2, video_asset_id = $3, poster_asset_id = $4 WHERE id = $5",
        )
        .bind(story.section.0)
        .bind(story.kind.as_str())
        .bind(story.video.map(|a| a.0))
        .bind(story.poster.map(|a| a.0))
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::missing_reference(e, || format!("section {} or media", story.section)))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("story {id}")));
        }
        sqlx::query("UPDATE articles SET section_id = $1 WHERE story_id = $2")
            .bind(story.section.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets the captions file of an article's video.
    pub async fn set_captions(&self, article: ArticleId, captions: Option<AssetId>) -> Result<(), StoreError> {
        sqlx::query("UPDATE articles SET captions_asset_id = $1 WHERE id = $2")
            .bind(captions.map(|a| a.0))
            .bind(article.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// Inserts a story, in the caller's transaction.
pub(crate) async fn insert_story(tx: &mut sqlx::Transaction<'_, Any>, story: &NewStory) -> Result<StoryId, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO stories (section_id, kind, video_asset_id, poster_asset_id, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(story.section.0)
    .bind(story.kind.as_str())
    .bind(story.video.map(|a| a.0))
    .bind(story.poster.map(|a| a.0))
    .bind(now_seconds())
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| StoreError::missing_reference(e, || format!("section {} or media", story.section)))?;
    Ok(StoryId(id))
}
