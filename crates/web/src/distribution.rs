//! How the site is found and followed: feeds (Atom, RSS, JSON Feed) of every edition, section
//! and contributor, the sitemaps, and robots.txt.
//!
//! Every document carries an ETag (a hash of its bytes) and, where the store knows it, a
//! Last-Modified time; `If-None-Match` and `If-Modified-Since` get a 304 without a body.
//! Unknown editions, sections, contributors and malformed sitemap names are 404s.

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dateline_core::{Edition, Slug, last_change};
use dateline_render::sitemaps::{self, SitemapFile, part_count};
use dateline_render::{FeedFormat, FeedPage, FeedSubject, paths};
use dateline_store::Listing;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::cache::tagged;
use crate::error::{AppError, reader_edition};
use dateline_newsroom::{CacheTag, SiteData};

/// The News sitemap covers the last two days…
const NEWS_WINDOW_HOURS: i64 = 48;
/// …and at most this many articles (Google's limit).
const NEWS_MAX_ARTICLES: u32 = 1_000;

/// The routes of this module; their shapes come from `paths`, as the links to them do.
pub(crate) fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route(paths::ROBOTS, get(robots_txt))
        .route(paths::SITEMAP_INDEX, get(sitemap_index))
        .route(paths::NEWS_SITEMAP, get(news_sitemap))
        .route(paths::VIDEO_SITEMAP, get(video_sitemap))
        .route(&paths::edition_sitemap("{edition}", "{file}"), get(edition_sitemap));
    for format in FeedFormat::ALL {
        let file = format.file_name();
        router = router
            .route(
                &paths::edition_feed("{edition}", file),
                get(move |state: State<AppState>, path: Result<Path<String>, PathRejection>, headers: HeaderMap| {
                    edition_feed(state, path, headers, format)
                }),
            )
            .route(
                &paths::section_feed("{edition}", "{slug}", file),
                get(move |state, path, headers| listing_feed(state, path, headers, format, ListingKind::Section)),
            )
            .route(
                &paths::contributor_feed("{edition}", "{slug}", file),
                get(move |state, path, headers| listing_feed(state, path, headers, format, ListingKind::Contributor)),
            )
            .route(
                &paths::tag_feed("{edition}", "{slug}", file),
                get(move |state, path, headers| listing_feed(state, path, headers, format, ListingKind::Tag)),
            );
    }
    router
}

/// `GET /{edition}/feed.{atom,rss,json}`.
async fn edition_feed(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    format: FeedFormat,
) -> Result<Response, AppError> {
    let code = path.map_err(|_| AppError::NotFound)?.0;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    let tag = CacheTag::Listing(edition.code.clone());
    feed_response(&state, &site, edition, FeedSubject::Edition, Listing::All, &headers, format, tag).await
}

/// Whose listing a feed follows.
#[derive(Debug, Clone, Copy)]
enum ListingKind {
    Section,
    Contributor,
    Tag,
}

/// `GET /{edition}/sections/{slug}/feed.{atom,rss,json}` (the section's stories and its
/// subsections', as on its page), `GET /{edition}/contributors/{slug}/feed.{…}` and
/// `GET /{edition}/tags/{slug}/feed.{…}`.
async fn listing_feed(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    format: FeedFormat,
    kind: ListingKind,
) -> Result<Response, AppError> {
    let (code, slug) = path.map_err(|_| AppError::NotFound)?.0;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    match kind {
        ListingKind::Section => {
            let section = site
                .sections
                .iter()
                .find(|s| s.name_in(&edition.code).is_some_and(|n| n.slug == slug))
                .ok_or(AppError::NotFound)?;
            let ids = site.section_and_descendants(section.id);
            let subject = FeedSubject::Section(section);
            let tag = CacheTag::Section(section.id, edition.code.clone());
            feed_response(&state, &site, edition, subject, Listing::Sections(&ids), &headers, format, tag).await
        }
        ListingKind::Contributor => {
            let contributor = site.contributors.iter().find(|c| c.slug == slug).ok_or(AppError::NotFound)?;
            let subject = FeedSubject::Contributor(contributor);
            let listing = Listing::Contributor(contributor.id);
            let tag = CacheTag::Contributor(contributor.id, edition.code.clone());
            feed_response(&state, &site, edition, subject, listing, &headers, format, tag).await
        }
        ListingKind::Tag => {
            let tag = state.store().tag_by_slug(&edition.code, &slug).await?.ok_or(AppError::NotFound)?;
            let listing = Listing::Tag(tag.id);
            // Tagging touches the article: a change to the edition's listings.
            let cache_tag = CacheTag::Listing(edition.code.clone());
            feed_response(&state, &site, edition, FeedSubject::Tag(&tag), listing, &headers, format, cache_tag).await
        }
    }
}

/// The feed of `listing`; `listing_tag` is the page cache tag that changes to the list purge.
#[allow(clippy::too_many_arguments)]
async fn feed_response(
    state: &AppState,
    site: &SiteData,
    edition: &Edition,
    subject: FeedSubject<'_>,
    listing: Listing<'_>,
    headers: &HeaderMap,
    format: FeedFormat,
    listing_tag: CacheTag,
) -> Result<Response, AppError> {
    let store = state.store();
    let now = Timestamp::now();
    let items = store.feed_articles(&edition.code, listing, state.config().feed_items, now).await?;
    // An article leaving the feed (unpublished, killed) changes none of the remaining ones,
    // so the newest workflow move counts too: Last-Modified must move when the feed does.
    let last_move = store.last_workflow_change().await?;
    let newest = items.iter().filter_map(|(a, _)| a.published_at.map(|p| last_change(p, a.updated_at))).max();
    let feed = FeedPage { edition, subject, items: &items, empty_updated: last_move.unwrap_or(Timestamp::UNIX_EPOCH) };
    let body = state.renderer().feed(&site.context(&state.config().base_url), &feed, format)?;
    let content_type = match format {
        FeedFormat::Atom => "application/atom+xml; charset=utf-8",
        FeedFormat::Rss => "application/rss+xml; charset=utf-8",
        FeedFormat::Json => "application/feed+json; charset=utf-8",
    };
    let document = Document { body, content_type, last_modified: newest.max(last_move), max_age: 300 };
    let mut tags = vec![listing_tag];
    for (article, _) in &items {
        tags.extend(CacheTag::article(article.story, &article.contributors));
    }
    Ok(tagged(document.respond(headers, Some(edition)), tags))
}

/// `GET /robots.txt`.
async fn robots_txt(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let body = sitemaps::robots_txt(&state.config().base_url);
    let document = Document { body, content_type: "text/plain; charset=utf-8", last_modified: None, max_age: 86_400 };
    // Changes only with the config, which needs a restart.
    tagged(document.respond(&headers, None), Vec::new())
}

/// A calendar month (UTC): sitemaps split each edition's archive by month of publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Month {
    year: i16,
    month: i8,
}

impl Month {
    fn of(at: Timestamp) -> Month {
        let date = at.to_zoned_datetime(TimeZone::UTC).date();
        Month { year: date.year(), month: date.month() }
    }

    fn start(self) -> Option<Timestamp> {
        let date = jiff::civil::Date::new(self.year, self.month, 1).ok()?;
        Some(date.to_zoned_datetime(TimeZone::UTC).ok()?.timestamp())
    }

    fn next(self) -> Option<Month> {
        if self.month == 12 {
            Some(Month { year: self.year.checked_add(1)?, month: 1 })
        } else {
            Some(Month { year: self.year, month: self.month + 1 })
        }
    }

    /// `[start, end)` of the month.
    fn span(self) -> Option<(Timestamp, Timestamp)> {
        Some((self.start()?, self.next()?.start()?))
    }

    /// Reads a month file name: `2016-05.xml` (part 1) or `2016-05-2.xml` (part 2 on); the
    /// exact shape `paths::month_sitemap_file` writes, nothing else.
    fn parse_file(file: &str) -> Option<(Month, u32)> {
        let stem = file.strip_suffix(".xml")?;
        let mut fields = stem.split('-');
        let (year, month, part) = (fields.next()?, fields.next()?, fields.next());
        if fields.next().is_some() || year.len() != 4 || month.len() != 2 {
            return None;
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year) || !digits(month) {
            return None;
        }
        let year: i16 = year.parse().ok()?;
        let month: i8 = month.parse().ok()?;
        if !(1..=12).contains(&month) || year < 1 {
            return None;
        }
        let part = match part {
            None => 1,
            // No leading zeros and no `-1`: each part has one name.
            Some(text) if digits(text) && !text.starts_with('0') && text.len() <= 6 => {
                let part: u32 = text.parse().ok()?;
                if part < 2 {
                    return None;
                }
                part
            }
            Some(_) => return None,
        };
        Some((Month { year, month }, part))
    }
}

/// `GET /sitemap.xml`: each edition's pages sitemap and its month files, then the News and
/// video sitemaps. Two small indexed queries per edition and month with articles.
async fn sitemap_index(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let site = state.newsroom().site().await?;
    let context = site.context(&state.config().base_url);
    let per_file = state.config().sitemap_limits.urls_per_file(&context);
    let store = state.store();
    let now = Timestamp::now();
    let mut files = Vec::new();
    for edition in &site.editions {
        let code = edition.code.as_str();
        files.push(SitemapFile { path: paths::edition_sitemap(code, paths::PAGES_SITEMAP_FILE), last_modified: None });
        // From one month with articles to the next, skipping empty ones without a query.
        let mut since = None;
        while let Some(first) = store.first_published_since(&edition.code, since, now).await? {
            let month = Month::of(first);
            let Some((start, end)) = month.span() else { break };
            let span = store.published_span(&edition.code, start, end, now).await?;
            for part in 1..=part_count(span.count, per_file) {
                files.push(SitemapFile {
                    path: paths::edition_sitemap(code, &paths::month_sitemap_file(month.year, month.month, part)),
                    last_modified: span.last_modified,
                });
            }
            since = Some(end);
        }
    }
    let newest = files.iter().filter_map(|f| f.last_modified).max();
    files.push(SitemapFile { path: paths::NEWS_SITEMAP.to_owned(), last_modified: None });
    files.push(SitemapFile { path: paths::VIDEO_SITEMAP.to_owned(), last_modified: None });
    let body = sitemaps::index(&context, &files);
    Ok(tagged(Document::xml(body, newest, 3_600).respond(&headers, None), vec![CacheTag::AllListings]))
}

/// `GET /sitemaps/{edition}/{file}`: `pages.xml`, or one part of a month.
async fn edition_sitemap(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (code, file) = path.map_err(|_| AppError::NotFound)?.0;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    let context = site.context(&state.config().base_url);
    if file == paths::PAGES_SITEMAP_FILE {
        let body = sitemaps::pages(&context, edition);
        let mut tags: Vec<CacheTag> = site.contributors.iter().map(|c| CacheTag::Byline(c.id)).collect();
        tags.push(CacheTag::Listing(edition.code.clone()));
        return Ok(tagged(Document::xml(body, None, 3_600).respond(&headers, Some(edition)), tags));
    }
    let (month, part) = Month::parse_file(&file).ok_or(AppError::NotFound)?;
    let (start, end) = month.span().ok_or(AppError::NotFound)?;
    let now = Timestamp::now();
    let store = state.store();
    let span = store.published_span(&edition.code, start, end, now).await?;
    let per_file = state.config().sitemap_limits.urls_per_file(&context);
    if part > part_count(span.count, per_file) {
        return Err(AppError::NotFound);
    }
    let per_file_u32 = u32::try_from(per_file).unwrap_or(u32::MAX);
    let offset = u64::from(part - 1) * u64::from(per_file_u32);
    let locations = store.published_locations(&edition.code, (start, end), now, offset, per_file_u32).await?;
    if locations.is_empty() {
        return Err(AppError::NotFound);
    }
    let newest = locations.iter().map(|l| l.last_modified()).max();
    let body = sitemaps::articles(&context, &locations);
    // Listing every story of the month: any change in the edition may add, drop or re-date one.
    let tags = vec![CacheTag::Listing(edition.code.clone())];
    Ok(tagged(Document::xml(body, newest, 3_600).respond(&headers, Some(edition)), tags))
}

/// `GET /sitemaps/news.xml`: every edition's articles of the last two days, newest first.
async fn news_sitemap(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let site = state.newsroom().site().await?;
    let now = Timestamp::now();
    let since = now.checked_sub(jiff::SignedDuration::from_hours(NEWS_WINDOW_HOURS)).unwrap_or(now);
    let articles = state.store().recently_published(since, now, NEWS_MAX_ARTICLES).await?;
    let newest = articles.iter().map(|a| last_change(a.published_at, a.updated_at)).max();
    let body = sitemaps::news(&site.context(&state.config().base_url), &articles);
    Ok(tagged(Document::xml(body, newest, 300).respond(&headers, None), vec![CacheTag::AllListings]))
}

/// `GET /sitemaps/video.xml`: the newest video reports of every edition.
async fn video_sitemap(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let site = state.newsroom().site().await?;
    let limits = state.config().sitemap_limits;
    let limit = u32::try_from(limits.max_urls).unwrap_or(u32::MAX);
    let reports = state.store().video_reports(Timestamp::now(), limit).await?;
    let newest = reports.iter().map(|r| last_change(r.published_at, r.updated_at)).max();
    let body = sitemaps::videos(&site.context(&state.config().base_url), &reports, &limits);
    Ok(tagged(Document::xml(body, newest, 3_600).respond(&headers, None), vec![CacheTag::AllListings]))
}

/// A feed, sitemap or robots.txt, ready to be answered in full or with a 304.
struct Document {
    body: String,
    content_type: &'static str,
    last_modified: Option<Timestamp>,
    max_age: u32,
}

impl Document {
    fn xml(body: String, last_modified: Option<Timestamp>, max_age: u32) -> Document {
        Document { body, content_type: "application/xml; charset=utf-8", last_modified, max_age }
    }

    /// The response: 304 when the request's validators show the client has these bytes (an
    /// `If-None-Match` decides alone when present, as RFC 9110 says), else 200.
    fn respond(self, request: &HeaderMap, edition: Option<&Edition>) -> Response {
        let digest = Sha256::digest(self.body.as_bytes());
        let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
        // Weak: the compression layer may send other bytes for the same representation.
        let etag = format!("W/\"{hex}\"");
        let last_modified = self.last_modified.map(crate::http_date::format);
        let not_modified = match request.get(header::IF_NONE_MATCH) {
            Some(value) => etag_matches(value, &hex),
            None => match (request.get(header::IF_MODIFIED_SINCE), self.last_modified) {
                (Some(since), Some(modified)) => {
                    crate::http_date::parse(since).is_some_and(|since| modified.as_second() <= since.as_second())
                }
                _ => false,
            },
        };
        let mut response =
            if not_modified { StatusCode::NOT_MODIFIED.into_response() } else { self.body.into_response() };
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(self.content_type));
        if let Ok(value) = HeaderValue::from_str(&etag) {
            headers.insert(header::ETAG, value);
        }
        if let Some(value) = last_modified.and_then(|date| HeaderValue::from_str(&date).ok()) {
            headers.insert(header::LAST_MODIFIED, value);
        }
        if let Ok(value) = HeaderValue::from_str(&format!("public, max-age={}", self.max_age)) {
            headers.insert(header::CACHE_CONTROL, value);
        }
        if let Some(language) = edition.and_then(|e| HeaderValue::from_str(&e.lang_tag).ok()) {
            headers.insert(header::CONTENT_LANGUAGE, language);
        }
        response
    }
}

/// Whether an `If-None-Match` list names this representation (`*`, or its tag, weak or not).
fn etag_matches(value: &HeaderValue, hex: &str) -> bool {
    let Ok(text) = value.to_str() else { return false };
    text.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/").trim_matches('"') == hex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_file_names() {
        let may = Month { year: 2016, month: 5 };
        assert_eq!(Month::parse_file("2016-05.xml"), Some((may, 1)));
        assert_eq!(Month::parse_file("2016-05-2.xml"), Some((may, 2)));
        assert_eq!(Month::parse_file(&paths::month_sitemap_file(2016, 5, 3)), Some((may, 3)));
        for bad in [
            "2016-5.xml",
            "2016-13.xml",
            "2016-00.xml",
            "16-05.xml",
            "2016-05",
            "2016-05-1.xml",
            "2016-05-02.xml",
            "2016-05-0.xml",
            "2016-05-x.xml",
            "2016-05-2-3.xml",
            "+016-05.xml",
            "2016-+5.xml",
            "0000-12.xml",
            "2016-05-99999999999.xml",
            "",
            ".xml",
        ] {
            assert_eq!(Month::parse_file(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_follow_each_other() {
        let december = Month { year: 2015, month: 12 };
        assert_eq!(december.next(), Some(Month { year: 2016, month: 1 }));
        let (start, end) = december.span().unwrap();
        assert_eq!(start.to_string(), "2015-12-01T00:00:00Z");
        assert_eq!(end.to_string(), "2016-01-01T00:00:00Z");
        assert_eq!(Month::of(end), Month { year: 2016, month: 1 });
    }
}
