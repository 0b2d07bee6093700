//! The public, read-only Content API under `/api/v1/` for apps and partners: editions,
//! sections, contributors, published articles (with Markdown, sanitized HTML, media URLs
//! and links to their translations) and full-text search.
//!
//! Access needs a Content API key, as the `key` query parameter or the `X-Dateline-Key`
//! header. Every response carries an ETag (304 on revalidation); CORS origins come from the
//! config. Listings page with signed keyset cursors, stable while articles are published.

mod types;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dateline_core::{
    Article, ArticleSummary, Contributor, ContributorId, Edition, EditionCode, SectionId, Slug, Story, StoryId,
};
use dateline_render::{paths, render_markdown};
use dateline_store::{ApiArticleFilter, KeysetCursor, StoreError};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use utoipa::OpenApi as _;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use types::{ArticlesQuery, EditionQuery, ErrorBody, ErrorDetail, KeyQuery, SearchQuery};

use crate::AppState;
use crate::cache::CacheTags;
use dateline_newsroom::secret_hash;
use dateline_newsroom::{CacheTag, SiteData};

/// Largest page a listing returns.
const MAX_LIMIT: u32 = 100;
/// Page size when none is asked for.
const DEFAULT_LIMIT: u32 = 20;

/// The Content API's documented operations: the routes and, from their annotations and types,
/// the OpenAPI document.
fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(editions))
        .routes(routes!(sections))
        .routes(routes!(contributors))
        .routes(routes!(articles))
        .routes(routes!(article_by_id))
        .routes(routes!(article_by_slug))
        .routes(routes!(search))
}

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Dateline Content API",
        version = "1",
        description = "Read-only access to a Dateline site's published content, for apps and partners. \
Send a Content API key (created in the admin or with `dateline key create --name LABEL`) as the `key` \
query parameter or the `X-Dateline-Key` header. Every response has an ETag; send If-None-Match to get 304 \
when nothing changed. Listings use `limit` and the `next_cursor` of the previous page, which stays \
stable while new articles are published. Times are ISO 8601 with the newsroom's offset. Errors are \
`{\"error\": {\"code\", \"message\", \"parameter\"?}}`. This document is generated from the server's \
own types and routes; edition codes and section ids are this site's."
    ),
    servers((url = "/api/v1")),
    components(schemas(ErrorBody)),
    modifiers(&KeySchemes),
    security(("queryKey" = []), ("headerKey" = [])),
)]
struct ApiDoc;

/// What every operation may answer besides its own: 304, 400, 401 and 503.
struct CommonAnswers;

impl utoipa::IntoResponses for CommonAnswers {
    fn responses() -> BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>> {
        use crate::openapi::error_answer;
        let not_modified =
            utoipa::openapi::response::Response::new("Not modified: If-None-Match named the current ETag");
        BTreeMap::from([
            ("304".to_owned(), not_modified.into()),
            ("400".to_owned(), error_answer("A bad or unknown query parameter; the error names it")),
            ("401".to_owned(), error_answer("No key, or an unknown or revoked one")),
            ("503".to_owned(), error_answer("The database is unavailable; try again in a moment")),
        ])
    }
}

/// The two ways to send the key.
struct KeySchemes;

impl utoipa::Modify for KeySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("queryKey", SecurityScheme::ApiKey(ApiKey::Query(ApiKeyValue::new("key"))));
        components.add_security_scheme(
            "headerKey",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-Dateline-Key"))),
        );
    }
}

/// The document, generated once.
static DOCUMENT: LazyLock<Value> = LazyLock::new(|| {
    let (_, document) = operations().split_for_parts();
    serde_json::to_value(&document).expect("an OpenAPI document serializes")
});

/// The Content API's routes, mounted at `/api/v1`.
pub(crate) fn routes(state: AppState) -> axum::Router<AppState> {
    let (router, _) = operations().split_for_parts();
    router
        .route("/openapi.json", axum::routing::get(openapi))
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
        let error = ErrorDetail { code: self.code.to_owned(), message: self.message, parameter: self.parameter };
        (self.status, Json(ErrorBody { error })).into_response()
    }
}

/// A JSON answer for the page cache, with the tags of what it shows.
fn cached(tags: Vec<CacheTag>, body: impl Serialize) -> Response {
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

/// The common start of the listing endpoints: check the key, load the site, read `edition`.
async fn keyed_site(
    state: &AppState,
    headers: &HeaderMap,
    query: Result<Query<EditionQuery>, QueryRejection>,
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

fn edition_json(edition: &Edition) -> types::Edition {
    types::Edition {
        code: edition.code.to_string(),
        language: edition.lang_tag.clone(),
        hreflang: edition.hreflang().to_string(),
        name: edition.native_name.clone(),
        outlet: edition.outlet_name.clone(),
        default: edition.is_default,
    }
}

/// The site's editions.
#[utoipa::path(
    get, path = "/editions", tag = "site",
    params(KeyQuery),
    responses(
        (status = 200, description = "The editions", body = types::EditionList),
        CommonAnswers,
    ),
)]
async fn editions(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<KeyQuery>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let query = parse_query(query)?;
    require_key(&state, &headers, query.key.as_deref()).await?;
    let site = state.newsroom().site().await?;
    // Editions change only with site-wide changes, which empty the whole cache.
    Ok(cached(Vec::new(), types::EditionList { editions: site.editions.iter().map(edition_json).collect() }))
}

/// Sections with their slug and name per edition.
#[utoipa::path(
    get, path = "/sections", tag = "site",
    params(EditionQuery),
    responses(
        (status = 200, description = "The sections, parents before their subsections", body = types::SectionList),
        CommonAnswers,
    ),
)]
async fn sections(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<EditionQuery>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let (site, edition) = keyed_site(&state, &headers, query).await?;
    let base = &state.config().base_url;
    let sections = site
        .sections
        .iter()
        .filter(|s| edition.as_ref().is_none_or(|e| s.name_in(e).is_some()))
        .map(|s| {
            let names: BTreeMap<String, types::SectionName> = s
                .names
                .iter()
                .filter(|n| edition.as_ref().is_none_or(|e| &n.edition == e))
                .map(|n| {
                    let url = format!("{base}{}", paths::section(n.edition.as_str(), n.slug.as_str()));
                    let name = types::SectionName { slug: n.slug.to_string(), name: n.name.clone(), url };
                    (n.edition.to_string(), name)
                })
                .collect();
            types::Section { id: s.id.0, parent_id: s.parent.map(|p| p.0), position: s.position, editions: names }
        })
        .collect();
    Ok(cached(Vec::new(), types::SectionList { sections }))
}

fn contributor_json(contributor: &Contributor, edition: Option<&EditionCode>, base: &str) -> types::Contributor {
    let names = contributor
        .names
        .iter()
        .filter(|n| edition.is_none_or(|e| &n.edition == e))
        .map(|n| {
            let url = format!("{base}{}", paths::contributor(n.edition.as_str(), contributor.slug.as_str()));
            (n.edition.to_string(), types::ContributorName { name: n.name.clone(), bio: n.bio.clone(), url })
        })
        .collect();
    types::Contributor {
        id: contributor.id.0,
        slug: contributor.slug.to_string(),
        photo: contributor.photo.as_ref().map(|p| format!("{base}{}", paths::media(&p.key))),
        editions: names,
    }
}

/// The people named in bylines, with their names per edition.
#[utoipa::path(
    get, path = "/contributors", tag = "site",
    params(EditionQuery),
    responses(
        (status = 200, description = "The contributors", body = types::ContributorList),
        CommonAnswers,
    ),
)]
async fn contributors(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<EditionQuery>, QueryRejection>,
) -> Result<Response, ContentApiError> {
    let (site, edition) = keyed_site(&state, &headers, query).await?;
    let base = &state.config().base_url;
    let contributors = site
        .contributors
        .iter()
        .filter(|c| edition.as_ref().is_none_or(|e| c.names.iter().any(|n| &n.edition == e)))
        .map(|c| contributor_json(c, edition.as_ref(), base))
        .collect();
    let tags = site.contributors.iter().map(|c| CacheTag::Byline(c.id)).collect();
    Ok(cached(tags, types::ContributorList { contributors }))
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

/// Reads a cursor: one that is not of the form this API writes is a bad parameter (400); one of
/// that form that this API did not issue, for this order, names no page (404).
fn read_cursor(secret: &str, text: &str, oldest_first: bool) -> Result<KeysetCursor, ContentApiError> {
    let invalid =
        || ContentApiError::parameter("cursor", "the cursor is not one this API writes; start again without it");
    let mut parts = text.split('.');
    let (Some(published), Some(id), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    if signature.len() != 24 || !signature.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(invalid());
    }
    let cursor =
        KeysetCursor { published: published.parse().map_err(|_| invalid())?, id: id.parse().map_err(|_| invalid())? };
    if sign_cursor(secret, cursor, oldest_first) == text {
        Ok(cursor)
    } else {
        Err(ContentApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such page: the cursor is not one this API issued for this order (or was changed); start again without it",
            Some("cursor"),
        ))
    }
}

/// Published articles, newest first (or `order=oldest`), filtered by edition, section (with
/// its subsections), story, contributor and publication time, paged with `limit` and `cursor`.
#[utoipa::path(
    get, path = "/articles", tag = "articles",
    params(ArticlesQuery),
    responses(
        (status = 200, description = "A page of articles", body = types::ArticleList),
        (status = 404, description = "The cursor names no page: not one this API issued for this order", body = ErrorBody),
        CommonAnswers,
    ),
)]
async fn articles(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ArticlesQuery>, QueryRejection>,
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
    let articles = items.iter().map(|a| summary_json(&site, a, base)).collect();
    let mut tags = CacheTag::cards(&items);
    tags.push(filter.edition.as_ref().map_or(CacheTag::AllListings, |e| CacheTag::Listing(e.clone())));
    Ok(cached(tags, types::ArticleList { articles, next_cursor: next }))
}

fn summary_json(site: &SiteData, article: &ArticleSummary, base: &str) -> types::ArticleSummary {
    let section = site.sections.iter().find(|s| s.id == article.section);
    types::ArticleSummary {
        id: article.id.0,
        story_id: article.story.0,
        edition: article.edition.to_string(),
        slug: article.slug.to_string(),
        url: format!("{base}{}", paths::article(article.edition.as_str(), article.slug.as_str())),
        api_url: format!("{base}/api/v1/articles/{}", article.id.0),
        headline: article.headline.clone(),
        standfirst: article.standfirst.clone(),
        kind: article.kind.into(),
        section: section.and_then(|s| section_ref(s, &article.edition, base)),
        contributors: article.contributors.iter().map(|c| c.0).collect(),
        published_at: site.clock.iso8601(article.published_at),
        updated_at: article.updated_at.map(|t| site.clock.iso8601(t)),
        poster: article.poster.as_ref().map(|p| media_json(p, base)),
        pinned: article.pinned,
    }
}

fn section_ref(section: &dateline_core::Section, edition: &EditionCode, base: &str) -> Option<types::SectionRef> {
    let name = section.name_in(edition)?;
    Some(types::SectionRef {
        id: section.id.0,
        slug: name.slug.to_string(),
        name: name.name.clone(),
        url: format!("{base}{}", paths::section(edition.as_str(), name.slug.as_str())),
    })
}

fn media_json(asset: &dateline_core::Asset, base: &str) -> types::Media {
    types::Media {
        url: format!("{base}{}", paths::media(&asset.key)),
        mime: asset.mime.clone(),
        size: i64::try_from(asset.size).unwrap_or(i64::MAX),
        width: asset.width,
        height: asset.height,
        duration_ms: asset.duration_ms.map(|d| i64::try_from(d).unwrap_or(i64::MAX)),
        renditions: asset
            .renditions
            .iter()
            .map(|(width, key)| types::Rendition { width: *width, url: format!("{base}{}", paths::media(key)) })
            .collect(),
    }
}

async fn full_article_json(
    state: &AppState,
    site: &SiteData,
    article: Article,
    story: Story,
) -> Result<types::Article, ContentApiError> {
    let base = &state.config().base_url;
    let translations = state.store().translations(article.story).await?;
    let section = site.sections.iter().find(|s| s.id == story.section);
    let contributors = article
        .contributors
        .iter()
        .filter_map(|id| site.contributors.iter().find(|c| c.id == *id))
        .map(|c| types::BylineContributor {
            id: c.id.0,
            slug: c.slug.to_string(),
            name: c.name_in(&article.edition).map(|n| n.name.clone()),
            url: format!("{base}{}", paths::contributor(article.edition.as_str(), c.slug.as_str())),
        })
        .collect();
    let published = article.published_at.unwrap_or_else(Timestamp::now);
    Ok(types::Article {
        id: article.id.0,
        story_id: article.story.0,
        edition: article.edition.to_string(),
        slug: article.slug.to_string(),
        url: format!("{base}{}", paths::article(article.edition.as_str(), article.slug.as_str())),
        markdown: dateline_core::reader_markdown(&article.body_markdown).into_owned(),
        html: render_markdown(&article.body_markdown),
        kind: story.kind.into(),
        section: section.and_then(|s| section_ref(s, &article.edition, base)),
        byline: types::Byline { role: article.byline_role.as_str().to_owned(), contributors },
        published_at: site.clock.iso8601(published),
        updated_at: article.updated_at.map(|t| site.clock.iso8601(t)),
        media: types::ArticleMedia {
            video: story.video.as_ref().map(|v| media_json(v, base)),
            poster: story.poster.as_ref().map(|p| media_json(p, base)),
            captions: article.captions.as_ref().map(|c| media_json(c, base)),
        },
        translations: translations
            .iter()
            .filter(|t| site.edition(t.edition.as_str()).is_some())
            .map(|t| types::Translation {
                edition: t.edition.to_string(),
                slug: t.slug.to_string(),
                url: format!("{base}{}", paths::article(t.edition.as_str(), t.slug.as_str())),
                api_url: format!("{base}/api/v1/editions/{}/articles/{}", t.edition, t.slug),
            })
            .collect(),
        headline: article.headline,
        standfirst: article.standfirst,
        place: article.place,
        correction: article.correction,
    })
}

/// One published article by its id.
#[utoipa::path(
    get, path = "/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "The article's id"), KeyQuery),
    responses(
        (status = 200, description = "The article", body = types::OneArticle),
        (status = 404, description = "No published article has this id", body = ErrorBody),
        CommonAnswers,
    ),
)]
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
    Ok(cached(tags, types::OneArticle { article: full_article_json(&state, &site, article, story).await? }))
}

/// One published article by its address: the edition and the slug of its page.
#[utoipa::path(
    get, path = "/editions/{edition}/articles/{slug}", tag = "articles",
    params(
        ("edition" = String, Path, description = "The edition's code"),
        ("slug" = String, Path, description = "The article's slug"),
        KeyQuery,
    ),
    responses(
        (status = 200, description = "The article", body = types::OneArticle),
        (status = 404, description = "No published article has this address", body = ErrorBody),
        CommonAnswers,
    ),
)]
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
    Ok(cached(tags, types::OneArticle { article: full_article_json(&state, &site, article, story).await? }))
}

/// Largest page of search results.
const MAX_SEARCH_LIMIT: u32 = 50;
/// Search results per page when no `limit` is given.
const DEFAULT_SEARCH_LIMIT: u32 = 10;

/// Published articles of one edition matching every word of `q`, best first (relevance with a
/// boost for recent ones), each with its headline and a passage highlighted in `<mark>`
/// (HTML-escaped).
#[utoipa::path(
    get, path = "/search", tag = "search",
    params(SearchQuery),
    responses(
        (status = 200, description = "A page of results", body = types::SearchResults),
        (status = 429, description = "This client searched too often; `Retry-After` says when to try again", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        CommonAnswers,
    ),
)]
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
    let results = hits
        .items
        .iter()
        .map(|r| types::SearchResult {
            article: summary_json(&site, &r.summary, base),
            headline_html: r.headline_html.clone(),
            snippet_html: r.snippet_html.clone(),
        })
        .collect();
    let mut tags = CacheTag::cards(hits.items.iter().map(|r| &r.summary));
    tags.push(CacheTag::Search);
    let results = types::SearchResults {
        edition: edition.code.to_string(),
        query: text.to_owned(),
        page: hits.request.number(),
        pages: hits.page_count(),
        total: hits.total,
        notice,
        results,
    };
    Ok(cached(tags, results))
}

/// `GET /api/v1/openapi.json` (no key needed): the generated document, with this site's
/// edition codes and section ids as the values `edition` and `section` accept.
async fn openapi(State(state): State<AppState>) -> Result<Response, ContentApiError> {
    let site = state.newsroom().site().await?;
    let mut document = DOCUMENT.clone();
    crate::openapi::describe_site(&mut document, &site);
    Ok(Json(document).into_response())
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
