//! What feeds and sitemaps read: the newest published articles with everything a feed entry
//! carries, and the published archive by edition and span of time, read through the indexes of
//! migration 0007 so that neither a feed nor a month's sitemap scans the archive.
//!
//! Every query takes `now` and leaves out articles whose publication time is still ahead, so a
//! published article with a future time never leaks early.

use dateline_core::{
    Article, ArticleId, ArticleLocation, ArticleSummary, Asset, AssetId, EditionCode, PublishedSpan, SectionId, Slug,
    Story, StoryId, StoryKind, Translation, VideoReport,
};
use jiff::Timestamp;
use sqlx::QueryBuilder;

use crate::articles::{ArticleRow, Listing, SUMMARY_SELECT, SummaryRow, push_listing_filter};
use crate::rows::{optional_timestamp, timestamp};
use crate::{Store, StoreError, limit_clause, numbered};

#[derive(sqlx::FromRow)]
struct FeedRow {
    #[sqlx(flatten)]
    article: ArticleRow,
    section_id: i64,
    kind: String,
    video_asset_id: Option<i64>,
    poster_asset_id: Option<i64>,
    pinned_at: Option<i64>,
}

const FEED_SELECT: &str = "SELECT a.id, a.story_id, a.edition, a.slug, a.headline, a.standfirst, a.body_markdown,
        a.byline_role, a.place, a.status, a.published_at, a.updated_at, a.correction, a.captions_asset_id,
        a.revision, a.author_id, a.section_id, s.kind, s.video_asset_id, s.poster_asset_id, s.pinned_at
     FROM articles a JOIN stories s ON s.id = a.story_id";

/// An edition's first publication in a span (index `articles_edition_timeline`).
const FIRST_PUBLISHED: &str = "SELECT MIN(published_at) FROM articles
     WHERE edition = $1 AND status = 'published' AND published_at >= $2 AND published_at < $3";

/// Count and newest change in a span, from the covering index `articles_edition_timeline`.
const SPAN: &str = "SELECT COUNT(*), MAX(CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END)
     FROM articles WHERE edition = $1 AND status = 'published' AND published_at >= $2 AND published_at < $3";

/// One page of a span's articles (a range of `articles_edition_timeline`), joined to each
/// story's articles through the `(story_id, edition)` unique index. Which of those are
/// published is checked in Rust: a status condition here would tempt SQLite into reading
/// `articles_published_at` for every row instead.
const LOCATIONS: &str = "SELECT p.id, p.story_id, p.slug, p.published_at, p.updated_at,
        t.edition, t.slug, t.status, t.published_at
     FROM (SELECT id, story_id, slug, published_at, updated_at FROM articles
           WHERE edition = $1 AND status = 'published' AND published_at >= $2 AND published_at < $3
             AND NOT EXISTS (SELECT 1 FROM article_meta m WHERE m.article_id = articles.id AND m.noindex = 1)
           ORDER BY published_at, id{limit}) p
     JOIN articles t ON t.story_id = p.story_id
     ORDER BY p.published_at, p.id";

/// Video reports, newest first: published articles through `articles_published_at`, newest
/// first until `limit` are found, with their stories and media by primary key.
const VIDEO_REPORTS: &str = "SELECT a.id, a.edition, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at,
        v.id AS video_id, v.key AS video_key, v.mime AS video_mime, v.size AS video_size,
        v.width AS video_width, v.height AS video_height, v.duration_ms AS video_duration_ms,
        p.id AS poster_id, p.key AS poster_key, p.mime AS poster_mime, p.size AS poster_size,
        p.width AS poster_width, p.height AS poster_height
     FROM stories s
     JOIN articles a ON a.story_id = s.id
     JOIN assets v ON v.id = s.video_asset_id
     LEFT JOIN assets p ON p.id = s.poster_asset_id
     WHERE s.kind = 'video' AND a.status = 'published' AND a.published_at < $1
       AND NOT EXISTS (SELECT 1 FROM article_meta m WHERE m.article_id = a.id AND m.noindex = 1)
     ORDER BY a.published_at DESC, a.id DESC";

/// The newest workflow move (index `article_transitions_by_time`).
const LAST_TRANSITION: &str = "SELECT MAX(created_at) FROM article_transitions";

#[derive(sqlx::FromRow)]
struct VideoRow {
    id: i64,
    edition: String,
    slug: String,
    headline: String,
    standfirst: Option<String>,
    published_at: i64,
    updated_at: Option<i64>,
    video_id: i64,
    video_key: String,
    video_mime: String,
    video_size: i64,
    video_width: Option<i64>,
    video_height: Option<i64>,
    video_duration_ms: Option<i64>,
    poster_id: Option<i64>,
    poster_key: Option<String>,
    poster_mime: Option<String>,
    poster_size: Option<i64>,
    poster_width: Option<i64>,
    poster_height: Option<i64>,
}

/// `now` as the exclusive upper bound of "already published": one second past it.
fn until(now: Timestamp) -> i64 {
    now.as_second().saturating_add(1)
}

impl Store {
    /// The newest `limit` published articles of `listing` in `edition`, newest first, each with
    /// its story (kind, video, poster): what a feed shows.
    pub async fn feed_articles(
        &self,
        edition: &EditionCode,
        listing: Listing<'_>,
        limit: u32,
        now: Timestamp,
    ) -> Result<Vec<(Article, Story)>, StoreError> {
        if let Listing::Sections([]) = listing {
            return Ok(Vec::new());
        }
        let mut query = QueryBuilder::new(FEED_SELECT);
        push_listing_filter(&mut query, edition, &listing);
        query.push(" AND a.published_at < ").push_bind(until(now));
        query.push(" ORDER BY a.published_at DESC, a.id DESC").push(limit_clause(i64::from(limit), None));
        let rows: Vec<FeedRow> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;

        let ids: Vec<i64> = rows.iter().map(|r| r.article.id).collect();
        let mut bylines = self.bylines(&ids).await?;
        let asset_ids: Vec<i64> = rows
            .iter()
            .flat_map(|r| [r.video_asset_id, r.poster_asset_id, r.article.captions_asset_id])
            .flatten()
            .collect();
        let assets = self.assets_by_ids(&asset_ids).await?;
        let asset = |id: Option<i64>| id.and_then(|id| assets.get(&id).cloned());
        rows.into_iter()
            .map(|row| {
                let story = Story {
                    id: StoryId(row.article.story_id),
                    section: SectionId(row.section_id),
                    kind: StoryKind::parse(&row.kind)?,
                    video: asset(row.video_asset_id),
                    poster: asset(row.poster_asset_id),
                    pinned_at: optional_timestamp(row.pinned_at)?,
                };
                let contributors = bylines.remove(&row.article.id).unwrap_or_default();
                let captions = asset(row.article.captions_asset_id);
                Ok((row.article.into_article(contributors, captions)?, story))
            })
            .collect()
    }

    /// The first publication time of `edition` at or after `since` (any time, if `None`) and
    /// not after `now`: lets a caller step from one month with articles to the next without
    /// asking about the empty ones.
    pub async fn first_published_since(
        &self,
        edition: &EditionCode,
        since: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<Option<Timestamp>, StoreError> {
        let (first,): (Option<i64>,) = sqlx::query_as(FIRST_PUBLISHED)
            .bind(edition.as_str())
            .bind(since.map_or(i64::MIN, |t| t.as_second()))
            .bind(until(now))
            .fetch_one(&self.pool)
            .await?;
        optional_timestamp(first)
    }

    /// How many articles `edition` published from `from` up to (not including) `to`, and the
    /// newest publication or correction among them. Times after `now` are left out.
    pub async fn published_span(
        &self,
        edition: &EditionCode,
        from: Timestamp,
        to: Timestamp,
        now: Timestamp,
    ) -> Result<PublishedSpan, StoreError> {
        let to = to.as_second().min(until(now));
        let (count, newest): (i64, Option<i64>) =
            sqlx::query_as(SPAN).bind(edition.as_str()).bind(from.as_second()).bind(to).fetch_one(&self.pool).await?;
        Ok(PublishedSpan { count: u64::try_from(count).unwrap_or(0), last_modified: optional_timestamp(newest)? })
    }

    /// The articles `edition` published from `from` up to (not including) `to`, oldest first,
    /// skipping `offset` and returning at most `limit`, each with its story's published
    /// translations.
    pub async fn published_locations(
        &self,
        edition: &EditionCode,
        (from, to): (Timestamp, Timestamp),
        now: Timestamp,
        offset: u64,
        limit: u32,
    ) -> Result<Vec<ArticleLocation>, StoreError> {
        let until = until(now);
        type Row = (i64, i64, String, i64, Option<i64>, String, String, String, Option<i64>);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let locations = LOCATIONS.replace("{limit}", &limit_clause(i64::from(limit), Some(offset)));
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(locations))
            .bind(edition.as_str())
            .bind(from.as_second())
            .bind(to.as_second().min(until))
            .fetch_all(&self.pool)
            .await?;
        let mut locations: Vec<ArticleLocation> = Vec::new();
        for (id, story, slug, published_at, updated_at, other_edition, other_slug, status, other_published) in rows {
            let is_published = status == "published" && other_published.is_some_and(|at| at < until);
            let translation = is_published
                .then(|| -> Result<Translation, StoreError> {
                    Ok(Translation { edition: EditionCode::parse(&other_edition)?, slug: Slug::parse(&other_slug)? })
                })
                .transpose()?;
            // Rows come grouped by article (ordered by its time and id).
            match locations.last_mut() {
                Some(last) if last.id.0 == id => last.translations.extend(translation),
                _ => locations.push(ArticleLocation {
                    id: ArticleId(id),
                    story: StoryId(story),
                    edition: edition.clone(),
                    slug: Slug::parse(&slug)?,
                    published_at: timestamp(published_at)?,
                    updated_at: optional_timestamp(updated_at)?,
                    translations: translation.into_iter().collect(),
                }),
            }
        }
        Ok(locations)
    }

    /// The articles of every edition published from `since` to `now`, newest first, at most
    /// `limit`: what a News sitemap lists.
    pub async fn recently_published(
        &self,
        since: Timestamp,
        now: Timestamp,
        limit: u32,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SUMMARY_SELECT} WHERE a.status = 'published' AND a.published_at >= $1 AND a.published_at < $2
               AND NOT EXISTS (SELECT 1 FROM article_meta m WHERE m.article_id = a.id AND m.noindex = 1)
             ORDER BY a.published_at DESC, a.id DESC{}",
            limit_clause(i64::from(limit), None)
        )))
        .bind(since.as_second())
        .bind(until(now))
        .fetch_all(&self.pool)
        .await?;
        self.summaries_from_rows(rows).await
    }

    /// The newest `limit` published video reports of every edition that have a video, newest
    /// first.
    pub async fn video_reports(&self, now: Timestamp, limit: u32) -> Result<Vec<VideoReport>, StoreError> {
        let rows: Vec<VideoRow> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{VIDEO_REPORTS}{}", limit_clause(i64::from(limit), None))))
                .bind(until(now))
                .fetch_all(&self.pool)
                .await?;
        let video_ids: Vec<i64> = rows.iter().map(|row| row.video_id).collect();
        let mut facts = self.video_facts(&video_ids).await?;
        rows.into_iter()
            .map(|row| {
                let poster = match (row.poster_id, row.poster_key, row.poster_mime) {
                    (Some(id), Some(key), Some(mime)) => {
                        Some(asset(id, key, mime, row.poster_size, row.poster_width, row.poster_height, None))
                    }
                    _ => None,
                };
                Ok(VideoReport {
                    id: ArticleId(row.id),
                    edition: EditionCode::parse(&row.edition)?,
                    slug: Slug::parse(&row.slug)?,
                    headline: row.headline,
                    standfirst: row.standfirst,
                    published_at: timestamp(row.published_at)?,
                    updated_at: optional_timestamp(row.updated_at)?,
                    video: Asset {
                        video: facts.remove(&row.video_id),
                        ..asset(
                            row.video_id,
                            row.video_key,
                            row.video_mime,
                            Some(row.video_size),
                            row.video_width,
                            row.video_height,
                            row.video_duration_ms,
                        )
                    },
                    poster,
                })
            })
            .collect()
    }

    /// When an article last moved in the workflow (published, unpublished, killed…), if ever.
    /// A feed's Last-Modified takes it into account, so that an article leaving a feed makes
    /// the feed newer even though none of the remaining articles changed.
    pub async fn last_workflow_change(&self) -> Result<Option<Timestamp>, StoreError> {
        let (last,): (Option<i64>,) = sqlx::query_as(LAST_TRANSITION).fetch_one(&self.pool).await?;
        optional_timestamp(last)
    }
}

fn asset(
    id: i64,
    key: String,
    mime: String,
    size: Option<i64>,
    width: Option<i64>,
    height: Option<i64>,
    duration_ms: Option<i64>,
) -> Asset {
    Asset {
        id: AssetId(id),
        key,
        mime,
        size: size.and_then(|s| u64::try_from(s).ok()).unwrap_or(0),
        width: width.and_then(|w| u32::try_from(w).ok()),
        height: height.and_then(|h| u32::try_from(h).ok()),
        duration_ms: duration_ms.and_then(|d| u64::try_from(d).ok()),
        renditions: Vec::new(),
        focus: None,
        video: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixed query of this module reads its tables through an index: SQLite's plan
    /// must search (a range or a key), never scan.
    #[tokio::test]
    async fn queries_use_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        let video_reports = format!("{VIDEO_REPORTS}{}", limit_clause(20, None));
        let locations = LOCATIONS.replace("{limit}", &limit_clause(1000, Some(0)));
        let recent = format!(
            "{SUMMARY_SELECT} WHERE a.status = 'published' AND a.published_at >= $1 AND a.published_at < $2
             ORDER BY a.published_at DESC, a.id DESC LIMIT 1000"
        );
        let queries = [
            (FIRST_PUBLISHED, 3),
            (SPAN, 3),
            (locations.as_str(), 3),
            (video_reports.as_str(), 1),
            (recent.as_str(), 2),
            (LAST_TRANSITION, 0),
        ];
        for (query, parameters) in queries {
            let mut explain = sqlx::query_as(sqlx::AssertSqlSafe(format!("EXPLAIN QUERY PLAN {query}")));
            if parameters > 0 {
                explain = explain.bind("en");
            }
            for _ in 1..parameters {
                explain = explain.bind(0_i64);
            }
            let plan: Vec<(i64, i64, i64, String)> = explain.fetch_all(&store.pool).await.unwrap();
            for (_, _, _, step) in &plan {
                // `SCAN p` reads the subquery's own (indexed, limited) result; any other scan,
                // of a table or of a whole index, reads the archive.
                let full_scan = step.starts_with("SCAN ") && step != "SCAN p";
                assert!(!full_scan, "full table scan in {query}:\n{plan:#?}");
            }
        }
    }
}
