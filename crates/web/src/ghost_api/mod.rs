//! A Ghost-compatible Content API, so front ends, static-site starters and apps written against
//! Ghost's Content API read Dateline without change: `/ghost/api/content/` for the default
//! edition and `/{edition}/ghost/api/content/` for the others, with `posts` (our published
//! articles), `pages` (none), `tags` (our sections), `authors` (our contributors) and
//! `settings`; the `key`, `limit`, `page`, `order`, `fields`, `include`, `formats` and `filter`
//! parameters (NQL's common forms); Ghost's envelope with `meta.pagination` and its errors.
//!
//! Ids are Ghost-shaped: our numeric id as 24 hex digits.
//!
//! Filtering runs over the edition's published articles in memory; at archive scale it should
//! become SQL (the speed work).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dateline_core::{ArticleSummary, Edition, Section};
use dateline_render::{paths, render_markdown};
use dateline_store::ApiArticleFilter;
use serde_json::{Map, Value, json};

use dateline_newsroom::{SiteData, secret_hash};

use crate::AppState;

mod nql;

use nql::Nql;

/// Routes for one mount point (`/ghost/api/content` or `/{edition}/ghost/api/content`).
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/ghost/api/content/{resource}/", get(browse))
        .route("/ghost/api/content/{resource}/{id}/", get(read_by_id))
        .route("/ghost/api/content/{resource}/slug/{slug}/", get(read_by_slug))
        .route("/{edition}/ghost/api/content/{resource}/", get(browse_in))
        .route("/{edition}/ghost/api/content/{resource}/{id}/", get(read_by_id_in))
        .route("/{edition}/ghost/api/content/{resource}/slug/{slug}/", get(read_by_slug_in))
}

/// Ghost's error envelope.
struct GhostError {
    status: StatusCode,
    kind: &'static str,
    message: String,
}

impl GhostError {
    fn bad_request(message: impl Into<String>) -> GhostError {
        GhostError { status: StatusCode::BAD_REQUEST, kind: "BadRequestError", message: message.into() }
    }

    fn not_found(message: impl Into<String>) -> GhostError {
        GhostError { status: StatusCode::NOT_FOUND, kind: "NotFoundError", message: message.into() }
    }
}

impl<E: std::fmt::Display> From<E> for GhostError
where
    E: Into<crate::error::AppError>,
{
    fn from(error: E) -> GhostError {
        tracing::error!(%error, "Ghost API request failed");
        GhostError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "InternalServerError",
            message: "something went wrong".into(),
        }
    }
}

impl IntoResponse for GhostError {
    fn into_response(self) -> Response {
        let body = json!({ "errors": [{ "message": self.message, "context": null, "type": self.kind, "details": null, "property": null, "help": null, "code": null, "id": null }] });
        (self.status, Json(body)).into_response()
    }
}

type Params = HashMap<String, String>;

/// `GET /ghost/api/content/{resource}/` (default edition).
async fn browse(
    State(state): State<AppState>,
    Path(resource): Path<String>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    respond(&state, None, &resource, Target::Browse, query, &headers).await
}

/// `GET /ghost/api/content/{resource}/{id}/`.
async fn read_by_id(
    State(state): State<AppState>,
    Path((resource, id)): Path<(String, String)>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    respond(&state, None, &resource, Target::Id(id), query, &headers).await
}

/// `GET /ghost/api/content/{resource}/slug/{slug}/`.
async fn read_by_slug(
    State(state): State<AppState>,
    Path((resource, slug)): Path<(String, String)>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    respond(&state, None, &resource, Target::Slug(slug), query, &headers).await
}

/// `GET /{edition}/ghost/api/content/{resource}/`.
async fn browse_in(
    State(state): State<AppState>,
    Path((edition, resource)): Path<(String, String)>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    respond(&state, Some(edition), &resource, Target::Browse, query, &headers).await
}

/// `GET /{edition}/ghost/api/content/{resource}/{id}/`.
async fn read_by_id_in(
    State(state): State<AppState>,
    Path((edition, resource, id)): Path<(String, String, String)>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    respond(&state, Some(edition), &resource, Target::Id(id), query, &headers).await
}

/// `GET /{edition}/ghost/api/content/{resource}/slug/{slug}/`.
async fn read_by_slug_in(
    State(state): State<AppState>,
    Path((edition, resource, slug)): Path<(String, String, String)>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    respond(&state, Some(edition), &resource, Target::Slug(slug), query, &headers).await
}

enum Target {
    Browse,
    Id(String),
    Slug(String),
}

async fn respond(
    state: &AppState,
    edition: Option<String>,
    resource: &str,
    target: Target,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    _headers: &HeaderMap,
) -> Response {
    let Ok(Query(params)) = query else {
        return GhostError::bad_request("the query string is malformed").into_response();
    };
    match answer(state, edition, resource, target, &params).await {
        Ok(value) => Json(value).into_response(),
        Err(error) => error.into_response(),
    }
}

async fn answer(
    state: &AppState,
    edition: Option<String>,
    resource: &str,
    target: Target,
    params: &Params,
) -> Result<Value, GhostError> {
    let key = params.get("key").map(String::as_str).unwrap_or_default();
    if key.is_empty() || !state.store().content_key_is_valid(&secret_hash(key)).await? {
        return Err(GhostError {
            status: StatusCode::UNAUTHORIZED,
            kind: "UnauthorizedError",
            message: "Unknown Content API Key".into(),
        });
    }
    let site = state.newsroom().site().await?;
    let edition = match edition {
        Some(code) => {
            site.edition(&code).cloned().ok_or_else(|| GhostError::not_found(format!("no edition {code}")))?
        }
        None => site.default_edition().cloned().ok_or_else(|| GhostError::not_found("the site has no editions"))?,
    };
    let context = Context { state, site: &site, edition: &edition, params };
    match (resource, target) {
        ("posts", target) => context.posts(target).await,
        ("pages", Target::Browse) => Ok(json!({ "pages": [], "meta": { "pagination": pagination(1, 15, 0) } })),
        ("pages", _) => Err(GhostError::not_found("Page not found.")),
        ("tags", target) => context.tags(target).await,
        ("authors", target) => context.authors(target).await,
        ("settings", Target::Browse) => Ok(context.settings()),
        _ => Err(GhostError::not_found(format!("Resource not found: {resource}"))),
    }
}

fn ghost_id(id: i64) -> String {
    format!("{id:024x}")
}

fn parse_ghost_id(text: &str) -> Option<i64> {
    (text.len() == 24).then(|| i64::from_str_radix(text, 16).ok()).flatten()
}

fn pagination(page: u64, limit: u64, total: u64) -> Value {
    let pages = total.div_ceil(limit.max(1)).max(1);
    json!({
        "page": page, "limit": limit, "pages": pages, "total": total,
        "next": (page < pages).then_some(page + 1), "prev": (page > 1).then(|| page - 1),
    })
}

struct Context<'a> {
    state: &'a AppState,
    site: &'a SiteData,
    edition: &'a Edition,
    params: &'a Params,
}

impl Context<'_> {
    fn base(&self) -> &str {
        &self.state.config().base_url
    }

    fn limit_and_page(&self) -> Result<(u64, u64), GhostError> {
        let limit = match self.params.get("limit").map(String::as_str) {
            None => 15,
            Some("all") => 100,
            Some(text) => match text.parse::<u64>() {
                Ok(n) if (1..=100).contains(&n) => n,
                _ => return Err(GhostError::bad_request("limit must be a number from 1 to 100, or all")),
            },
        };
        let page = match self.params.get("page") {
            None => 1,
            Some(text) => text
                .parse::<u64>()
                .ok()
                .filter(|p| *p >= 1)
                .ok_or_else(|| GhostError::bad_request("page must be a number from 1"))?,
        };
        Ok((limit, page))
    }

    fn includes(&self, what: &str) -> bool {
        self.params
            .get("include")
            .is_some_and(|v| v.split(',').any(|i| i.trim() == what || i.trim().starts_with(&format!("{what}."))))
    }

    /// Keeps only the requested `fields` of each object.
    fn select_fields(&self, mut object: Map<String, Value>) -> Value {
        if let Some(fields) = self.params.get("fields") {
            let wanted: Vec<&str> = fields.split(',').map(str::trim).collect();
            object.retain(|k, _| {
                wanted.contains(&k.as_str())
                    || k == "tags"
                    || k == "authors"
                    || k == "primary_tag"
                    || k == "primary_author"
            });
        }
        Value::Object(object)
    }

    fn section_of(&self, article: &ArticleSummary) -> Option<&Section> {
        self.site.sections.iter().find(|s| s.id == article.section)
    }

    fn tag_json(&self, section: &Section, count: Option<usize>) -> Option<Value> {
        let name = section.name_in(&self.edition.code)?;
        let mut tag = json!({
            "id": ghost_id(section.id.0), "name": name.name, "slug": name.slug.as_str(), "description": null,
            "feature_image": null, "visibility": "public", "og_image": null, "og_title": null, "og_description": null,
            "twitter_image": null, "twitter_title": null, "twitter_description": null, "meta_title": null,
            "meta_description": null, "codeinjection_head": null, "codeinjection_foot": null, "canonical_url": null,
            "accent_color": null,
            "url": format!("{}{}", self.base(), paths::section(self.edition.code.as_str(), name.slug.as_str())),
        });
        if let Some(count) = count {
            tag["count"] = json!({ "posts": count });
        }
        Some(tag)
    }

    fn author_json(&self, contributor: &dateline_core::Contributor, count: Option<usize>) -> Value {
        let name = contributor.name_in(&self.edition.code);
        let mut author = json!({
            "id": ghost_id(contributor.id.0), "name": name.map(|n| n.name.clone()), "slug": contributor.slug.as_str(),
            "profile_image": contributor.photo.as_ref().map(|p| format!("{}{}", self.base(), paths::media(&p.key))),
            "cover_image": null, "bio": name.and_then(|n| n.bio.clone()), "website": null, "location": null,
            "facebook": null, "twitter": null, "meta_title": null, "meta_description": null,
            "url": format!("{}{}", self.base(), paths::contributor(self.edition.code.as_str(), contributor.slug.as_str())),
        });
        if let Some(count) = count {
            author["count"] = json!({ "posts": count });
        }
        author
    }

    async fn published(&self) -> Result<Vec<ArticleSummary>, GhostError> {
        let filter = ApiArticleFilter { edition: Some(self.edition.code.clone()), ..ApiArticleFilter::default() };
        Ok(self.state.store().api_articles(&filter, None, 1_000_000).await?)
    }

    async fn posts(&self, target: Target) -> Result<Value, GhostError> {
        let mut articles = self.published().await?;
        match &target {
            Target::Browse => {}
            Target::Id(id) => {
                let id = parse_ghost_id(id).ok_or_else(|| GhostError::not_found("Post not found."))?;
                articles.retain(|a| a.id.0 == id);
            }
            Target::Slug(slug) => articles.retain(|a| a.slug.as_str() == slug),
        }
        if let Some(text) = self.params.get("filter") {
            let filter = Nql::parse(text).map_err(|e| GhostError::bad_request(format!("Error parsing filter: {e}")))?;
            let mut kept = Vec::new();
            for article in articles {
                if filter.matches(&|key| self.post_values(&article, key))? {
                    kept.push(article);
                }
            }
            articles = kept;
        }
        self.order(&mut articles)?;
        let single = !matches!(target, Target::Browse);
        if single && articles.is_empty() {
            return Err(GhostError::not_found("Post not found."));
        }
        let (limit, page) = if single { (1, 1) } else { self.limit_and_page()? };
        let total = articles.len() as u64;
        let start = ((page - 1) * limit) as usize;
        let page_items: Vec<&ArticleSummary> = articles.iter().skip(start).take(limit as usize).collect();
        let mut posts = Vec::new();
        for summary in page_items {
            posts.push(self.post_json(summary).await?);
        }
        if single {
            return Ok(json!({ "posts": posts }));
        }
        Ok(json!({ "posts": posts, "meta": { "pagination": pagination(page, limit, total) } }))
    }

    fn order(&self, articles: &mut [ArticleSummary]) -> Result<(), GhostError> {
        let order = self.params.get("order").map(String::as_str).unwrap_or("published_at desc");
        let mut parts = order.split_whitespace();
        let field = parts.next().unwrap_or("published_at");
        let descending = match parts.next().map(str::to_ascii_lowercase).as_deref() {
            None | Some("desc") => true,
            Some("asc") => false,
            Some(other) => {
                return Err(GhostError::bad_request(format!("order direction {other:?} must be asc or desc")));
            }
        };
        match field {
            "published_at" => articles.sort_by_key(|a| (a.published_at, a.id)),
            "updated_at" => articles.sort_by_key(|a| (a.updated_at.unwrap_or(a.published_at), a.id)),
            "title" => articles.sort_by(|a, b| a.headline.cmp(&b.headline)),
            "slug" => articles.sort_by(|a, b| a.slug.cmp(&b.slug)),
            other => return Err(GhostError::bad_request(format!("cannot order by {other:?}"))),
        }
        if descending {
            articles.reverse();
        }
        Ok(())
    }

    /// The values a filter key has for a post (several for multi-valued keys).
    fn post_values(&self, article: &ArticleSummary, key: &str) -> Result<Vec<String>, GhostError> {
        Ok(match key {
            "tag" | "tags" | "tags.slug" | "primary_tag" | "primary_tag.slug" => {
                let mut slugs = Vec::new();
                let mut next = self.section_of(article);
                while let Some(section) = next {
                    if let Some(name) = section.name_in(&self.edition.code) {
                        slugs.push(name.slug.to_string());
                    }
                    next = section.parent.and_then(|p| self.site.sections.iter().find(|s| s.id == p));
                    if key.starts_with("primary") {
                        break;
                    }
                }
                slugs
            }
            "author" | "authors" | "authors.slug" | "primary_author" | "primary_author.slug" => article
                .contributors
                .iter()
                .filter_map(|id| self.site.contributors.iter().find(|c| c.id == *id))
                .map(|c| c.slug.to_string())
                .take(if key.starts_with("primary") { 1 } else { usize::MAX })
                .collect(),
            "slug" => vec![article.slug.to_string()],
            "id" => vec![ghost_id(article.id.0)],
            "published_at" => vec![article.published_at.to_string()],
            "updated_at" => vec![article.updated_at.unwrap_or(article.published_at).to_string()],
            "featured" => vec![article.pinned.to_string()],
            "visibility" | "status" => vec![if key == "status" { "published".into() } else { "public".into() }],
            "title" => vec![article.headline.clone()],
            other => return Err(GhostError::bad_request(format!("Error parsing filter: unknown property {other:?}"))),
        })
    }

    async fn post_json(&self, summary: &ArticleSummary) -> Result<Value, GhostError> {
        let article =
            self.state.store().article(summary.id).await?.ok_or_else(|| GhostError::not_found("Post not found."))?;
        let formats = self.params.get("formats").map(String::as_str).unwrap_or("html");
        let html = render_markdown(&article.body_markdown);
        let plaintext = dateline_core::markdown_to_text(&article.body_markdown);
        let excerpt = article.standfirst.clone().unwrap_or_else(|| plaintext.chars().take(500).collect());
        let time = |t: jiff::Timestamp| self.site.clock.iso8601(t);
        let published = summary.published_at;
        let mut post = Map::new();
        post.insert("id".into(), json!(ghost_id(article.id.0)));
        post.insert("uuid".into(), json!(format!("00000000-0000-4000-8000-{:012x}", article.id.0)));
        post.insert("title".into(), json!(article.headline));
        post.insert("slug".into(), json!(article.slug.as_str()));
        if formats.split(',').any(|f| f.trim() == "html") {
            post.insert("html".into(), json!(html));
        }
        if formats.split(',').any(|f| f.trim() == "plaintext") {
            post.insert("plaintext".into(), json!(plaintext));
        }
        post.insert("comment_id".into(), json!(article.id.0.to_string()));
        post.insert(
            "feature_image".into(),
            json!(summary.poster.as_ref().map(|p| format!("{}{}", self.base(), paths::media(&p.key)))),
        );
        for key in [
            "feature_image_alt",
            "feature_image_caption",
            "codeinjection_head",
            "codeinjection_foot",
            "custom_template",
            "canonical_url",
            "og_image",
            "og_title",
            "og_description",
            "twitter_image",
            "twitter_title",
            "twitter_description",
            "meta_title",
            "meta_description",
            "email_subject",
            "frontmatter",
        ] {
            post.insert(key.into(), Value::Null);
        }
        post.insert("featured".into(), json!(summary.pinned));
        post.insert("visibility".into(), json!("public"));
        post.insert("created_at".into(), json!(time(published)));
        post.insert("updated_at".into(), json!(time(summary.updated_at.unwrap_or(published))));
        post.insert("published_at".into(), json!(time(published)));
        post.insert("custom_excerpt".into(), json!(article.standfirst));
        post.insert(
            "url".into(),
            json!(format!("{}{}", self.base(), paths::article(self.edition.code.as_str(), article.slug.as_str()))),
        );
        post.insert("excerpt".into(), json!(excerpt));
        post.insert("reading_time".into(), json!(reading_minutes(&plaintext)));
        post.insert("access".into(), json!(true));
        post.insert("comments".into(), json!(false));
        if self.includes("tags") {
            // The section first (the primary tag), then the sections it is in: a filter on
            // `tag:world` matches a post in World › Asia, so its tags must list `world` too.
            let mut tags: Vec<Value> = Vec::new();
            let mut next = self.section_of(summary);
            while let Some(section) = next {
                tags.extend(self.tag_json(section, None));
                next = section.parent.and_then(|p| self.site.sections.iter().find(|s| s.id == p));
            }
            post.insert("primary_tag".into(), tags.first().cloned().unwrap_or(Value::Null));
            post.insert("tags".into(), json!(tags));
        }
        if self.includes("authors") {
            let authors: Vec<Value> = article
                .contributors
                .iter()
                .filter_map(|id| self.site.contributors.iter().find(|c| c.id == *id))
                .map(|c| self.author_json(c, None))
                .collect();
            post.insert("primary_author".into(), authors.first().cloned().unwrap_or(Value::Null));
            post.insert("authors".into(), json!(authors));
        }
        Ok(self.select_fields(post))
    }

    async fn tags(&self, target: Target) -> Result<Value, GhostError> {
        let articles = self.published().await?;
        let count_posts = self.includes("count");
        let mut tags: Vec<(String, Value)> = Vec::new();
        for section in &self.site.sections {
            let count = count_posts.then(|| articles.iter().filter(|a| a.section == section.id).count());
            if let Some(tag) = self.tag_json(section, count) {
                let slug = tag["slug"].as_str().unwrap_or_default().to_owned();
                tags.push((slug, tag));
            }
        }
        self.listing("tags", tags, target, "Tag not found.")
    }

    async fn authors(&self, target: Target) -> Result<Value, GhostError> {
        let articles = self.published().await?;
        let count_posts = self.includes("count");
        let authors: Vec<(String, Value)> = self
            .site
            .contributors
            .iter()
            .filter(|c| c.names.iter().any(|n| n.edition == self.edition.code))
            .map(|c| {
                let count = count_posts.then(|| articles.iter().filter(|a| a.contributors.contains(&c.id)).count());
                (c.slug.to_string(), self.author_json(c, count))
            })
            .collect();
        self.listing("authors", authors, target, "Author not found.")
    }

    /// Browse or read over a small, fully loaded list (tags, authors), with `filter` on slug
    /// and id, `limit` and `page`.
    fn listing(
        &self,
        name: &str,
        items: Vec<(String, Value)>,
        target: Target,
        missing: &str,
    ) -> Result<Value, GhostError> {
        let mut items = items;
        match &target {
            Target::Browse => {}
            Target::Id(id) => items.retain(|(_, v)| v["id"] == *id),
            Target::Slug(slug) => items.retain(|(s, _)| s == slug),
        }
        if let Some(text) = self.params.get("filter") {
            let filter = Nql::parse(text).map_err(|e| GhostError::bad_request(format!("Error parsing filter: {e}")))?;
            let mut kept = Vec::new();
            for (slug, value) in items {
                let id = value["id"].as_str().unwrap_or_default().to_owned();
                let keep = filter.matches(&|key| match key {
                    "slug" => Ok(vec![slug.clone()]),
                    "id" => Ok(vec![id.clone()]),
                    "visibility" => Ok(vec!["public".into()]),
                    other => Err(GhostError::bad_request(format!("Error parsing filter: unknown property {other:?}"))),
                })?;
                if keep {
                    kept.push((slug, value));
                }
            }
            items = kept;
        }
        if !matches!(target, Target::Browse) {
            let found: Vec<Value> = items.into_iter().map(|(_, v)| v).take(1).collect();
            if found.is_empty() {
                return Err(GhostError::not_found(missing));
            }
            return Ok(json!({ name: found }));
        }
        let (limit, page) = self.limit_and_page()?;
        let total = items.len() as u64;
        let list: Vec<Value> =
            items.into_iter().skip(((page - 1) * limit) as usize).take(limit as usize).map(|(_, v)| v).collect();
        Ok(json!({ name: list, "meta": { "pagination": pagination(page, limit, total) } }))
    }

    fn settings(&self) -> Value {
        let code = self.edition.code.as_str();
        let navigation: Vec<Value> = self
            .site
            .sections
            .iter()
            .filter(|s| s.parent.is_none())
            .filter_map(|s| s.name_in(&self.edition.code))
            .map(|n| json!({ "label": n.name, "url": format!("{}{}", self.base(), paths::section(code, n.slug.as_str())) }))
            .collect();
        let social = |platform: &str| {
            self.site.social_accounts.iter().find(|a| a.platform.as_str() == platform).map(|a| a.url.clone())
        };
        json!({
            "settings": {
                "title": self.edition.outlet_name,
                "description": self.state.renderer().messages().get(code, "home-description", &[("outlet", self.edition.outlet_name.clone().into())]),
                "logo": format!("{}/assets/logo.svg", self.base()),
                "icon": format!("{}/assets/favicon.svg", self.base()),
                "accent_color": "#a3111c",
                "cover_image": null,
                "facebook": social("facebook"),
                "twitter": social("x"),
                "lang": self.edition.lang_tag,
                "locale": self.edition.lang_tag,
                "timezone": self.site.settings.time_zone,
                "codeinjection_head": null,
                "codeinjection_foot": null,
                "navigation": navigation,
                "secondary_navigation": [],
                "meta_title": null, "meta_description": null, "og_image": null, "og_title": null, "og_description": null,
                "twitter_image": null, "twitter_title": null, "twitter_description": null,
                "members_support_address": null,
                "url": format!("{}{}", self.base(), paths::edition_home(code)),
            },
            "meta": {}
        })
    }
}

/// Minutes to read: 275 words a minute, or 500 characters a minute for Chinese text.
fn reading_minutes(text: &str) -> u64 {
    let han = text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count() as u64;
    let words = text.split_whitespace().count() as u64;
    ((words / 275) + (han / 500)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_text() {
        assert_eq!(ghost_id(42), "00000000000000000000002a");
        assert_eq!(parse_ghost_id("00000000000000000000002a"), Some(42));
        assert_eq!(parse_ghost_id("2a"), None);
        assert_eq!(reading_minutes("word "), 1);
    }
}
