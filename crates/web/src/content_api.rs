//! The public, read-only Content API under `/api/v1/` for apps and partners: editions,
//! sections, contributors, published articles (with Markdown, sanitized HTML, media URLs
//! and links to their translations) and full-text search.
//!
//! Access needs a Content API key, as the `key` query parameter or the `X-Dateline-Key`
//! header. Every response carries an ETag (304 on revalidation); CORS origins come from the
//! config. Listings page with signed keyset cursors, stable while articles are published.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dateline_core::{
    Article, ArticleSummary, Contributor, ContributorId, Edition, EditionCode, SectionId, Slug, Story, StoryId,
};
use dateline_render::{paths, render_markdown};
use dateline_store::{ApiArticleFilter, KeysetCursor, StoreError};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::cache::CacheTags;
use dateline_newsroom::secret_hash;
use dateline_newsroom::{CacheTag, SiteData};

/// Largest page a listing returns.
const MAX_LIMIT: u32 = 100;
/// Page size when none is asked for.
const DEFAULT_LIMIT: u32 = 20;

/// The Content API's routes, mounted at `/api/v1`.
pub(crate) fn routes(state: AppState) -> axum::Router<AppState> {
    axum::Router::new()
        .route("/editions", get(editions))
        .route("/sections", get(sections))
        .route("/contributors", get(contributors))
        .route("/articles", get(articles))
        .route("/articles/{id}", get(article_by_id))
        .route("/editions/{edition}/articles/{slug}", get(article_by_slug))
        .route("/search", get(search))
        .route("/openapi.json", get(openapi))
        .fallback(|| async { ContentApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint", None) })
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::cache::serve_api_cached))
        .layer(axum::middleware::from_fn_with_state(state.clone(), key_gate))
        .layer(axum::middleware::from_fn_with_state(state, cors_and_etag))
}

/// A Content API failure: `{"error": {"code", "message", "parameter"?}}`.
pub(crate) struct ContentApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    parameter: Option<String>,
}

impl ContentApiError {
    fn new(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
        parameter: Option<&str>,
    ) -> ContentApiError {
        ContentApiError { status, code, message: message.into(), parameter: parameter.map(str::to_owned) }
    }

    fn parameter(name: &'static str, message: impl Into<String>) -> ContentApiError {
        ContentApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message, Some(name))
    }
}

impl From<StoreError> for ContentApiError {
    fn from(error: StoreError) -> ContentApiError {
        if error.is_not_found() {
            return ContentApiError::new(StatusCode::NOT_FOUND, "not_found", error.to_string(), None);
        }
        if error.is_unavailable() {
            tracing::warn!(%error, "the database is unavailable");
            return ContentApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the database is unavailable; try again in a moment",
                None,
            );
        }
        tracing::error!(%error, "content API request failed");
        ContentApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "something went wrong", None)
    }
}

impl From<crate::error::AppError> for ContentApiError {
    fn from(error: crate::error::AppError) -> ContentApiError {
        tracing::error!(%error, "content API request failed");
        ContentApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "something went wrong", None)
    }
}

impl From<dateline_newsroom::SearchFailure> for ContentApiError {
    fn from(error: dateline_newsroom::SearchFailure) -> ContentApiError {
        tracing::error!(%error, "content API search failed");
        ContentApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "something went wrong", None)
    }
}

impl IntoResponse for ContentApiError {
    fn into_response(self) -> Response {
        let mut error = json!({ "code": self.code, "message": self.message });
        if let Some(parameter) = self.parameter {
            error["parameter"] = json!(parameter);
        }
        (self.status, Json(json!({ "error": error }))).into_response()
    }
}

/// A JSON answer for the page cache, with the tags of what it shows.
fn cached(tags: Vec<CacheTag>, body: Value) -> Response {
    let mut response = Json(body).into_response();
    response.extensions_mut().insert(CacheTags(tags));
    response
}

fn article_tags(article: &Article) -> Vec<CacheTag> {
    CacheTag::article(article.story, &article.contributors)
}

/// Middleware: refuses requests without a valid key before the page cache can answer them
/// (the handlers check again: they are also reached without the cache).
async fn key_gate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() == Method::OPTIONS || request.uri().path().ends_with("/openapi.json") {
        return next.run(request).await;
    }
    let key = request.uri().query().and_then(|query| {
        form_urlencoded::parse(query.as_bytes()).find(|(name, _)| name == "key").map(|(_, value)| value.into_owned())
    });
    match require_key(&state, request.headers(), key.as_deref()).await {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// Checks the request's Content API key.
async fn require_key(state: &AppState, headers: &HeaderMap, key: Option<&str>) -> Result<(), ContentApiError> {
    let key = key.or_else(|| headers.get("x-dateline-key").and_then(|v| v.to_str().ok())).map(str::trim);
    let Some(key) = key.filter(|k| !k.is_empty() && k.len() <= 128) else {
        return Err(ContentApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing_key",
            "send a Content API key as the `key` query parameter or the X-Dateline-Key header",
            None,
        ));
    };
    if state.store().content_key_is_valid(&secret_hash(key)).await? {
        Ok(())
    } else {
        Err(ContentApiError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_key",
            "the Content API key is unknown or revoked",
            None,
        ))
    }
}

fn parse_query<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, ContentApiError> {
    match query {
        Ok(Query(value)) => Ok(value),
        Err(rejection) => {
            let text = rejection.body_text();
            // serde names the unknown or malformed field in its message, between backticks.
            let parameter = text.split('`').nth(1).map(str::to_owned);
            Err(ContentApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", text, parameter.as_deref()))
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyOnly {
    key: Option<String>,
    edition: Option<String>,
}

/// The common start of the listing endpoints: check the key, load the site, read `edition`.
async fn keyed_site(
    state: &AppState,
    headers: &HeaderMap,
    query: Result<Query<KeyOnly>, QueryRejection>,
) -> Result<(std::sync::Arc<SiteData>, Option<EditionCode>), ContentApiError> {
    let query = parse_query(query)?;
    require_key(state, headers, query.key.as_deref()).await?;
    let site = state.newsroom().site().await?;
    let edition = edition_filter(&site, query.edition.as_deref())?;
    Ok((site, edition))
}

fn edition_filter(site: &SiteData, code: Option<&str>) -> Result<Option<EditionCode>, ContentApiError> {
    match code {
        None => Ok(None),
        Some(code) => site
            .edition(code)
            .map(|e| Some(e.code.clone()))
            .ok_or_else(|| ContentApiError::parameter("edition", format!("no edition {code:?}"))),
    }
}

fn edition_json(edition: &Edition) -> Value {
    json!({
        "code": edition.code.as_str(), "language": edition.lang_tag, "hreflang": edition.hreflang(),
        "name": edition.native_name, "outlet": edition.outlet_name, "default": edition.is_default,
    })
}

/// `GET /api/v1/editions`.
async fn editions(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<KeyOnly>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let query = parse_query(query)?;
    require_key(&state, &headers, query.key.as_deref()).await?;
    let site = state.newsroom().site().await?;
    // Editions change only with site-wide changes, which empty the whole cache.
    Ok(cached(Vec::new(), json!({ "editions": site.editions.iter().map(edition_json).collect::<Vec<_>>() })))
}

/// `GET /api/v1/sections?edition=`: sections with their slug and name per edition.
async fn sections(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<KeyOnly>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let (site, edition) = keyed_site(&state, &headers, query).await?;
    let base = &state.config().base_url;
    let sections: Vec<Value> = site
        .sections
        .iter()
        .filter(|s| edition.as_ref().is_none_or(|e| s.name_in(e).is_some()))
        .map(|s| {
            let names: BTreeMap<String, Value> = s
                .names
                .iter()
                .filter(|n| edition.as_ref().is_none_or(|e| &n.edition == e))
                .map(|n| {
                    let url = format!("{base}{}", paths::section(n.edition.as_str(), n.slug.as_str()));
                    (n.edition.to_string(), json!({ "slug": n.slug.as_str(), "name": n.name, "url": url }))
                })
                .collect();
            json!({ "id": s.id.0, "parent_id": s.parent.map(|p| p.0), "position": s.position, "editions": names })
        })
        .collect();
    Ok(cached(Vec::new(), json!({ "sections": sections })))
}

fn contributor_json(contributor: &Contributor, edition: Option<&EditionCode>, base: &str) -> Value {
    let names: BTreeMap<String, Value> = contributor
        .names
        .iter()
        .filter(|n| edition.is_none_or(|e| &n.edition == e))
        .map(|n| {
            let url = format!("{base}{}", paths::contributor(n.edition.as_str(), contributor.slug.as_str()));
            (n.edition.to_string(), json!({ "name": n.name, "bio": n.bio, "url": url }))
        })
        .collect();
    json!({
        "id": contributor.id.0,
        "slug": contributor.slug.as_str(),
        "photo": contributor.photo.as_ref().map(|p| format!("{base}{}", paths::media(&p.key))),
        "editions": names,
    })
}

/// `GET /api/v1/contributors?edition=`.
async fn contributors(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<KeyOnly>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let (site, edition) = keyed_site(&state, &headers, query).await?;
    let base = &state.config().base_url;
    let list: Vec<Value> = site
        .contributors
        .iter()
        .filter(|c| edition.as_ref().is_none_or(|e| c.names.iter().any(|n| &n.edition == e)))
        .map(|c| contributor_json(c, edition.as_ref(), base))
        .collect();
    let tags = site.contributors.iter().map(|c| CacheTag::Byline(c.id)).collect();
    Ok(cached(tags, json!({ "contributors": list })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    key: Option<String>,
    edition: Option<String>,
    section: Option<String>,
    story: Option<String>,
    contributor: Option<String>,
    since: Option<String>,
    until: Option<String>,
    order: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

fn number(name: &'static str, value: Option<&str>) -> Result<Option<i64>, ContentApiError> {
    value
        .map(|v| {
            v.parse::<i64>().map_err(|_| ContentApiError::parameter(name, format!("`{name}` must be a whole number")))
        })
        .transpose()
}

fn time(name: &'static str, value: Option<&str>) -> Result<Option<Timestamp>, ContentApiError> {
    value
        .map(|v| {
            v.parse::<Timestamp>().map_err(|_| {
                ContentApiError::parameter(
                    name,
                    format!("`{name}` must be an RFC 3339 time, such as 2026-11-20T08:00:00Z"),
                )
            })
        })
        .transpose()
}

/// Cursors are `published.id.signature`: the signature (keyed with the site's secret, over
/// the position and the listing's order) makes a tampered cursor detectable.
fn sign_cursor(secret: &str, cursor: KeysetCursor, oldest_first: bool) -> String {
    let payload = format!("{}.{}.{}", cursor.published, cursor.id, u8::from(oldest_first));
    let digest = Sha256::digest(format!("{secret}:{payload}").as_bytes());
    let signature: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("{}.{}.{signature}", cursor.published, cursor.id)
}

fn read_cursor(secret: &str, text: &str, oldest_first: bool) -> Result<KeysetCursor, ContentApiError> {
    let invalid = || {
        ContentApiError::parameter(
            "cursor",
            "the cursor is not one this API issued (or was changed); start again without it",
        )
    };
    let mut parts = text.split('.');
    let (Some(published), Some(id), Some(_), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(invalid());
    };
    let cursor =
        KeysetCursor { published: published.parse().map_err(|_| invalid())?, id: id.parse().map_err(|_| invalid())? };
    if sign_cursor(secret, cursor, oldest_first) == text { Ok(cursor) } else { Err(invalid()) }
}

/// `GET /api/v1/articles`: published articles, newest first (or `order=oldest`), filtered by
/// edition, section (with its subsections), story, contributor and publication time, paged
/// with `limit` (1–100) and `cursor`.
async fn articles(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let query = parse_query(query)?;
    require_key(&state, &headers, query.key.as_deref()).await?;
    let site = state.newsroom().site().await?;
    let edition = edition_filter(&site, query.edition.as_deref())?;
    let sections = match number("section", query.section.as_deref())? {
        Some(id) if site.sections.iter().any(|s| s.id.0 == id) => Some(site.section_and_descendants(SectionId(id))),
        Some(id) => return Err(ContentApiError::parameter("section", format!("no section {id}"))),
        None => None,
    };
    let limit = match number("limit", query.limit.as_deref())? {
        None => DEFAULT_LIMIT,
        Some(n) if (1..=i64::from(MAX_LIMIT)).contains(&n) => n as u32,
        Some(_) => return Err(ContentApiError::parameter("limit", format!("`limit` must be from 1 to {MAX_LIMIT}"))),
    };
    let oldest_first = match query.order.as_deref() {
        None | Some("newest") => false,
        Some("oldest") => true,
        Some(_) => return Err(ContentApiError::parameter("order", "`order` must be newest or oldest")),
    };
    let secret = state.store().site_secret("cursor").await?;
    let cursor = query.cursor.as_deref().map(|c| read_cursor(&secret, c, oldest_first)).transpose()?;
    let filter = ApiArticleFilter {
        edition,
        sections,
        story: number("story", query.story.as_deref())?.map(StoryId),
        contributor: number("contributor", query.contributor.as_deref())?.map(ContributorId),
        since: time("since", query.since.as_deref())?,
        until: time("until", query.until.as_deref())?,
        oldest_first,
    };
    // One more than asked tells whether there is a next page.
    let mut items = state.store().api_articles(&filter, cursor, limit + 1).await?;
    let has_more = items.len() > limit as usize;
    items.truncate(limit as usize);
    let next = has_more.then(|| items.last()).flatten().map(|last| {
        sign_cursor(&secret, KeysetCursor { published: last.published_at.as_second(), id: last.id.0 }, oldest_first)
    });
    let base = &state.config().base_url;
    let list: Vec<Value> = items.iter().map(|a| summary_json(&site, a, base)).collect();
    let mut tags = CacheTag::cards(&items);
    tags.push(filter.edition.as_ref().map_or(CacheTag::AllListings, |e| CacheTag::Listing(e.clone())));
    Ok(cached(tags, json!({ "articles": list, "next_cursor": next })))
}

fn summary_json(site: &SiteData, article: &ArticleSummary, base: &str) -> Value {
    let section = site.sections.iter().find(|s| s.id == article.section);
    json!({
        "id": article.id.0,
        "story_id": article.story.0,
        "edition": article.edition.as_str(),
        "slug": article.slug.as_str(),
        "url": format!("{base}{}", paths::article(article.edition.as_str(), article.slug.as_str())),
        "api_url": format!("{base}/api/v1/articles/{}", article.id.0),
        "headline": article.headline,
        "standfirst": article.standfirst,
        "kind": article.kind.as_str(),
        "section": section.and_then(|s| section_ref(s, &article.edition, base)),
        "contributors": article.contributors.iter().map(|c| c.0).collect::<Vec<_>>(),
        "published_at": site.clock.iso8601(article.published_at),
        "updated_at": article.updated_at.map(|t| site.clock.iso8601(t)),
        "poster": article.poster.as_ref().map(|p| media_json(p, base)),
    })
}

fn section_ref(section: &dateline_core::Section, edition: &EditionCode, base: &str) -> Option<Value> {
    let name = section.name_in(edition)?;
    Some(json!({
        "id": section.id.0, "slug": name.slug.as_str(), "name": name.name,
        "url": format!("{base}{}", paths::section(edition.as_str(), name.slug.as_str())),
    }))
}

fn media_json(asset: &dateline_core::Asset, base: &str) -> Value {
    json!({
        "url": format!("{base}{}", paths::media(&asset.key)),
        "mime": asset.mime, "size": asset.size, "width": asset.width, "height": asset.height,
        "duration_ms": asset.duration_ms,
        "renditions": asset.renditions.iter().map(|(w, key)| json!({ "width": w, "url": format!("{base}{}", paths::media(key)) })).collect::<Vec<_>>(),
    })
}

async fn full_article_json(
    state: &AppState,
    site: &SiteData,
    article: Article,
    story: Story,
) -> Result<Value, ContentApiError> {
    let base = &state.config().base_url;
    let translations = state.store().translations(article.story).await?;
    let section = site.sections.iter().find(|s| s.id == story.section);
    let contributors: Vec<Value> = article
        .contributors
        .iter()
        .filter_map(|id| site.contributors.iter().find(|c| c.id == *id))
        .map(|c| {
            json!({
                "id": c.id.0, "slug": c.slug.as_str(),
                "name": c.name_in(&article.edition).map(|n| n.name.clone()),
                "url": format!("{base}{}", paths::contributor(article.edition.as_str(), c.slug.as_str())),
            })
        })
        .collect();
    let published = article.published_at.unwrap_or_else(Timestamp::now);
    Ok(json!({
        "id": article.id.0,
        "story_id": article.story.0,
        "edition": article.edition.as_str(),
        "slug": article.slug.as_str(),
        "url": format!("{base}{}", paths::article(article.edition.as_str(), article.slug.as_str())),
        "headline": article.headline,
        "standfirst": article.standfirst,
        "markdown": dateline_core::reader_markdown(&article.body_markdown),
        "html": render_markdown(&article.body_markdown),
        "kind": story.kind.as_str(),
        "section": section.and_then(|s| section_ref(s, &article.edition, base)),
        "byline": { "role": article.byline_role.as_str(), "contributors": contributors },
        "place": article.place,
        "published_at": site.clock.iso8601(published),
        "updated_at": article.updated_at.map(|t| site.clock.iso8601(t)),
        "correction": article.correction,
        "media": {
            "video": story.video.as_ref().map(|v| media_json(v, base)),
            "poster": story.poster.as_ref().map(|p| media_json(p, base)),
            "captions": article.captions.as_ref().map(|c| media_json(c, base)),
        },
        "translations": translations.iter().filter(|t| site.edition(t.edition.as_str()).is_some()).map(|t| json!({
            "edition": t.edition.as_str(),
            "slug": t.slug.as_str(),
            "url": format!("{base}{}", paths::article(t.edition.as_str(), t.slug.as_str())),
            "api_url": format!("{base}/api/v1/editions/{}/articles/{}", t.edition, t.slug),
        })).collect::<Vec<_>>(),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyQuery {
    key: Option<String>,
}

/// `GET /api/v1/articles/{id}`: one published article.
async fn article_by_id(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    query: Result<Query<KeyQuery>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let query = parse_query(query)?;
    require_key(&state, &headers, query.key.as_deref()).await?;
    let id: i64 = id.parse().map_err(|_| ContentApiError::parameter("id", "the article id is a whole number"))?;
    let article =
        state.store().article(dateline_core::ArticleId(id)).await?.filter(Article::is_published).ok_or_else(|| {
            ContentApiError::new(StatusCode::NOT_FOUND, "not_found", format!("no published article {id}"), None)
        })?;
    let story = state
        .store()
        .story(article.story)
        .await?
        .ok_or_else(|| ContentApiError::from(StoreError::NotFound("story".into())))?;
    let site = state.newsroom().site().await?;
    let tags = article_tags(&article);
    Ok(cached(tags, json!({ "article": full_article_json(&state, &site, article, story).await? })))
}

/// `GET /api/v1/editions/{edition}/articles/{slug}`: one published article by its address.
async fn article_by_slug(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((edition, slug)): Path<(String, String)>,
    query: Result<Query<KeyQuery>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let query = parse_query(query)?;
    require_key(&state, &headers, query.key.as_deref()).await?;
    let site = state.newsroom().site().await?;
    let not_found = || {
        ContentApiError::new(StatusCode::NOT_FOUND, "not_found", format!("no published article {edition}/{slug}"), None)
    };
    let edition = site.edition(&edition).ok_or_else(not_found)?.code.clone();
    let slug = Slug::parse(&slug).map_err(|_| not_found())?;
    let article = state.store().published_article(&edition, &slug).await?.ok_or_else(not_found)?;
    let story = state.store().story(article.story).await?.ok_or_else(not_found)?;
    let tags = article_tags(&article);
    Ok(cached(tags, json!({ "article": full_article_json(&state, &site, article, story).await? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchQuery {
    key: Option<String>,
    edition: Option<String>,
    q: Option<String>,
    section: Option<String>,
    page: Option<String>,
    limit: Option<String>,
}

/// Largest page of search results.
const MAX_SEARCH_LIMIT: u32 = 50;
/// Search results per page when no `limit` is given.
const DEFAULT_SEARCH_LIMIT: u32 = 10;

/// `GET /api/v1/search?edition=&q=&section=&page=&limit=`: published articles of one
/// edition matching every word of `q`, best first (relevance with a boost for recent ones),
/// each with its headline and a passage highlighted in `<mark>` (HTML-escaped).
async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    use dateline_search::MAX_QUERY_CHARS;

    let query = parse_query(query)?;
    require_key(&state, &headers, query.key.as_deref()).await?;
    let site = state.newsroom().site().await?;
    let code = query.edition.as_deref().ok_or_else(|| {
        ContentApiError::parameter("edition", "`edition` is required: search runs in one edition's language")
    })?;
    let edition =
        site.edition(code).ok_or_else(|| ContentApiError::parameter("edition", format!("no edition {code:?}")))?;
    let Some(q) = query.q.as_deref() else {
        return Err(ContentApiError::parameter("q", "`q` is required: the words to search for"));
    };
    // Like the search page: an empty query finds nothing and says so; an overlong one is cut
    // at a word and searched, with a notice.
    let (text, shortened) = dateline_search::shorten_query(q.trim());
    let sections = match number("section", query.section.as_deref())? {
        Some(id) if site.sections.iter().any(|s| s.id.0 == id) => Some(site.section_and_descendants(SectionId(id))),
        Some(id) => return Err(ContentApiError::parameter("section", format!("no section {id}"))),
        None => None,
    };
    let limit = match number("limit", query.limit.as_deref())? {
        None => DEFAULT_SEARCH_LIMIT,
        Some(n) if (1..=i64::from(MAX_SEARCH_LIMIT)).contains(&n) => n as u32,
        Some(_) => {
            return Err(ContentApiError::parameter("limit", format!("`limit` must be from 1 to {MAX_SEARCH_LIMIT}")));
        }
    };
    let page = dateline_newsroom::search_page_number(query.page.as_deref(), limit).ok_or_else(|| {
        let max = dateline_newsroom::MAX_SEARCH_PAGE;
        ContentApiError::parameter("page", format!("`page` must be a whole number from 1 to {max}"))
    })?;
    let found = state.newsroom().search_articles(edition, text, sections, page).await?;
    let notice = if found.terms == 0 {
        Some("the query has no words to search for".to_owned())
    } else if shortened {
        Some(format!("the query was shortened to its first {MAX_QUERY_CHARS} characters"))
    } else {
        None
    };
    let hits = state.newsroom().with_summaries(found.hits).await?;
    let base = &state.config().base_url;
    let results: Vec<Value> = hits
        .items
        .iter()
        .map(|r| {
            json!({
                "article": summary_json(&site, &r.summary, base),
                "headline_html": r.headline_html,
                "snippet_html": r.snippet_html,
            })
        })
        .collect();
    let mut tags = CacheTag::cards(hits.items.iter().map(|r| &r.summary));
    tags.push(CacheTag::Search);
    Ok(cached(
        tags,
        json!({
        "edition": edition.code.as_str(),
        "query": text,
        "page": hits.request.number(),
        "pages": hits.page_count(),
        "total": hits.total,
        "notice": notice,
        "results": results,
        }),
    ))
}

/// The Content API's OpenAPI 3.1 document, checked against real responses by the tests.
const OPENAPI: &str = include_str!("content_api_openapi.json");

/// `GET /api/v1/openapi.json` (no key needed).
async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// CORS for the configured origins (and preflights), and an ETag on every response with 304
/// when the client's copy is current.
async fn cors_and_etag(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let origin = request.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let allowed = origin.as_ref().filter(|o| {
        let origins = &state.config().cors_origins;
        origins.iter().any(|a| a == "*" || a == *o)
    });
    if request.method() == Method::OPTIONS {
        let mut response = StatusCode::NO_CONTENT.into_response();
        add_cors(&mut response, allowed.map(String::as_str), &state);
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, OPTIONS"));
        headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("X-Dateline-Key, If-None-Match"));
        headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
        return response;
    }
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 16 * 1024 * 1024).await else {
        return ContentApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "something went wrong", None)
            .into_response();
    };
    let digest = Sha256::digest(&bytes);
    let etag = format!("\"{}\"", digest.iter().take(16).map(|b| format!("{b:02x}")).collect::<String>());
    let mut response =
        if parts.status == StatusCode::OK && if_none_match.is_some_and(|v| v.as_bytes() == etag.as_bytes()) {
            parts.status = StatusCode::NOT_MODIFIED;
            Response::from_parts(parts, axum::body::Body::empty())
        } else {
            Response::from_parts(parts, axum::body::Body::from(bytes))
        };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=60"));
    add_cors(&mut response, allowed.map(String::as_str), &state);
    response
}

fn add_cors(response: &mut Response, origin: Option<&str>, state: &AppState) {
    let Some(origin) = origin else { return };
    let value = if state.config().cors_origins.iter().any(|o| o == "*") { "*" } else { origin };
    if let Ok(value) = HeaderValue::from_str(value) {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("ETag"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_are_signed() {
        let cursor = KeysetCursor { published: 1_700_000_000, id: 42 };
        let text = sign_cursor("secret", cursor, false);
        assert_eq!(read_cursor("secret", &text, false).ok(), Some(cursor));
        assert!(read_cursor("secret", &text, true).is_err(), "bound to the order");
        assert!(read_cursor("other", &text, false).is_err());
        let tampered = text.replacen("42", "43", 1);
        assert!(read_cursor("secret", &tampered, false).is_err());
        for junk in ["", "a.b.c", "1.2", "1.2.3.4", "..."] {
            assert!(read_cursor("secret", junk, false).is_err(), "{junk:?}");
        }
    }
}
